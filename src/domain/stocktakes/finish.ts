import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { stocktakeLines, stocktakes } from "../../../db/schema.ts";
import type { StocktakeLinePosting } from "../../../db/tables/stocktakes.ts";
import { readPolicy } from "../approvals/policies.ts";
import { requestApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import type { Role } from "../roles.ts";
import { requireItem } from "../stock/lookups.ts";
import { shareStatements } from "../stock/statements.ts";
import type { Tx } from "../stock/types.ts";
import { quoteIssueCost, valueAtCurrentCost } from "../stock/valuation.ts";
import { type CountAccuracy, measureAccuracy } from "./accuracy.ts";
import { readProgress, requireCounting } from "./count.ts";
import { countMoveContext, postVariances } from "./post.ts";
import { countStatements } from "./statements.ts";
import { approvalSummary } from "./summary.ts";

/** What finishing did: the accuracy, what posted at once, and what waits for whom. */
export interface StocktakeFinished {
  id: number;
  number: string;
  status: "posted" | "pending_approval";
  accuracy: CountAccuracy;
  total: number;
  uncounted: number;
  posted: { lines: number; value: number };
  /** value: the absolute sum (what the approval tiers compare); net: signed, as people read it. */
  waiting: { lines: number; value: number; net: number };
  approverRoles: Role[];
}

interface ValuedLine {
  id: number;
  itemId: number;
  locationId: number;
  movedQty: number;
  expectedQty: number;
  varianceQty: number;
  varianceValue: number;
  expectedValue: number;
  posting: StocktakeLinePosting;
}

/**
 * Finishes a count. Each counted line's expected quantity is its snapshot plus the ledger moves
 * at that item × bin between the snapshot and the moment it was counted, so receipts and picks
 * during the count are not taken for variances. Variances worth less than the stocktake policy's
 * first tier post at once as count adjustments; larger ones wait for one approval request.
 * Lines not counted are not adjusted (finishing with some needs allowUncounted). One transaction
 * with the lines, the ledger, the accuracy figures, audit rows and events.
 */
export function finishStocktake(
  db: Db,
  clock: Clock,
  input: { stocktakeId: number; userId: string; allowUncounted: boolean },
): StocktakeFinished {
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const header = requireCounting(tx, input.stocktakeId);
      const { counted, total } = readProgress(tx, header.id);
      if (counted === 0) throw new JxcError("NOTHING_COUNTED", { number: header.number });
      const uncounted = total - counted;
      if (uncounted > 0 && !input.allowUncounted) {
        throw new JxcError("UNCOUNTED_LINES", { number: header.number, uncounted, total });
      }
      // Without any tier (an admin could only get there by hand) nothing needs approval.
      const threshold = readPolicy(tx, "stocktake")[0]?.minAmount ?? Number.POSITIVE_INFINITY;
      const statements = countStatements(db);
      const lines = valueCountedLines(tx, statements, header.id, threshold);
      // "posted" is written by the posting itself, with its move.
      for (const line of lines)
        statements.setFinished(line.id, line, line.posting === "posted" ? "none" : line.posting);
      const accuracy = measureAccuracy(lines);
      const ctx = countMoveContext(
        { stocktakeId: header.id, number: header.number, userId: input.userId },
        at,
      );
      const posted = postVariances(
        tx,
        ctx,
        lines.filter((line) => line.posting === "posted"),
      );
      const pending = lines.filter((line) => line.posting === "pending");
      const waiting = {
        lines: pending.length,
        value: pending.reduce((sum, line) => sum + Math.abs(line.varianceValue), 0),
        net: pending.reduce((sum, line) => sum + line.varianceValue, 0),
      };
      const status = pending.length > 0 ? ("pending_approval" as const) : ("posted" as const);
      tx.update(stocktakes)
        .set({
          status,
          finishedBy: input.userId,
          finishedAt: at,
          closedAt: status === "posted" ? at : null,
          ...accuracy,
        })
        .where(eq(stocktakes.id, header.id))
        .run();
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.finish",
        entity: "stocktake",
        entityId: header.number,
        before: { status: "counting" },
        after: { status, ...accuracy, uncounted, posted, waiting },
        at,
      });
      const doc = { actor: input.userId, docType: "stocktake", docId: header.id };
      emitEvent(
        tx,
        {
          ...doc,
          type: "stocktake.finished",
          payload: {
            number: header.number,
            ...accuracy,
            total,
            uncounted,
            postedLines: posted.lines,
            postedValue: posted.value,
            waitingLines: waiting.lines,
            waitingValue: waiting.net,
            owner: header.startedBy,
          },
        },
        at,
      );
      const approval =
        pending.length === 0
          ? null
          : requestApproval(tx, at, {
              docType: "stocktake",
              docId: header.id,
              docNumber: header.number,
              amount: waiting.value,
              requestedBy: input.userId,
              summary: approvalSummary(tx, header.id, { ...accuracy, waiting }),
              excludedDeciders: countersOfWaitingLines(tx, header.id),
            });
      return {
        id: header.id,
        number: header.number,
        status,
        accuracy,
        total,
        uncounted,
        posted,
        waiting,
        approverRoles: approval?.roles ?? [],
      };
    },
    { behavior: "immediate" },
  );
}

/** Everyone whose count stands on a line that waits for approval: none of them may decide it. */
function countersOfWaitingLines(tx: Tx, stocktakeId: number): string[] {
  return tx
    .selectDistinct({ userId: stocktakeLines.countedBy })
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), eq(stocktakeLines.posting, "pending")))
    .all()
    .flatMap((row) => (row.userId ? [row.userId] : []));
}

/** Expected, variance and value of every counted line; `posting` says what each will become. */
function valueCountedLines(
  tx: Tx,
  statements: ReturnType<typeof countStatements>,
  stocktakeId: number,
  threshold: number,
): ValuedLine[] {
  const lines = tx
    .select()
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), isNotNull(stocktakeLines.countedQty)))
    .orderBy(stocktakeLines.lineNo)
    .all();
  // Every value is quoted before anything posts, so each line sees the costs as they were at the finish.
  return lines.map((line) => {
    const counted = line.countedQty ?? 0;
    const movedQty = statements.movedBetween(
      line,
      line.snapshotMoveId,
      line.countedMoveId ?? line.snapshotMoveId,
    );
    const expectedQty = line.snapshotQty + movedQty;
    const varianceQty = counted - expectedQty;
    const item = requireItem(tx, line.itemId);
    const varianceValue =
      varianceQty > 0
        ? valueAtCurrentCost(tx, item.id, varianceQty)
        : varianceQty < 0
          ? -quoteIssueCost(tx, item, -varianceQty)
          : 0;
    const expectedValue = expectedQty > 0 ? valueAtCurrentCost(tx, item.id, expectedQty) : 0;
    const posting: StocktakeLinePosting =
      varianceQty === 0 ? "none" : Math.abs(varianceValue) >= threshold ? "pending" : "posted";
    return {
      id: line.id,
      itemId: line.itemId,
      locationId: line.locationId,
      movedQty,
      expectedQty,
      varianceQty,
      varianceValue,
      expectedValue,
      posting,
    };
  });
}
