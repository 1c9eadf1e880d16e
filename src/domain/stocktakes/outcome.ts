import { and, eq } from "drizzle-orm";
import { stocktakeLines, stocktakes } from "../../../db/schema.ts";
import type { ApprovalOutcome, OutcomeContext } from "../approvals/outcomes.ts";
import { writeAudit } from "../audit.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import type { Tx } from "../stock/types.ts";
import { countMoveContext, postVariances } from "./post.ts";

function pendingCount(tx: Tx, ctx: OutcomeContext) {
  const header = tx
    .select()
    .from(stocktakes)
    .where(and(eq(stocktakes.id, ctx.docId), eq(stocktakes.status, "pending_approval")))
    .get();
  if (!header) throw new JxcError("STALE_ACTION");
  const lines = tx
    .select()
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktakeId, header.id), eq(stocktakeLines.posting, "pending")))
    .orderBy(stocktakeLines.lineNo)
    .all();
  // The request names them (excludedDeciders) so the engine refuses them; kept as a last guard.
  if (lines.some((line) => line.countedBy === ctx.actor)) {
    throw new JxcError("SELF_APPROVAL", { part: "excluded" });
  }
  return { header, lines };
}

/** Approved: the waiting variances post now as count adjustments; rejected: they never do. */
export const stocktakeOutcome: ApprovalOutcome = {
  approved: (tx, ctx) => {
    const { header, lines } = pendingCount(tx, ctx);
    const moveCtx = countMoveContext(
      { stocktakeId: header.id, number: header.number, userId: header.finishedBy ?? ctx.actor },
      ctx.at,
    );
    const posted = postVariances(
      tx,
      moveCtx,
      lines.map((line) => ({ ...line, varianceQty: line.varianceQty ?? 0 })),
    );
    tx.update(stocktakes)
      .set({ status: "posted", closedAt: ctx.at })
      .where(eq(stocktakes.id, header.id))
      .run();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "stocktake.post",
      entity: "stocktake",
      entityId: header.number,
      before: { status: "pending_approval" },
      after: { status: "posted", ...posted },
      at: ctx.at,
    });
    emitEvent(
      tx,
      {
        type: "stocktake.posted",
        actor: ctx.actor,
        docType: "stocktake",
        docId: header.id,
        payload: { number: header.number, ...posted, owner: header.startedBy },
      },
      ctx.at,
    );
  },
  rejected: (tx, ctx) => {
    const { header, lines } = pendingCount(tx, ctx);
    tx.update(stocktakeLines)
      .set({ posting: "rejected" })
      .where(and(eq(stocktakeLines.stocktakeId, header.id), eq(stocktakeLines.posting, "pending")))
      .run();
    tx.update(stocktakes)
      .set({ status: "rejected", closedAt: ctx.at })
      .where(eq(stocktakes.id, header.id))
      .run();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "stocktake.reject",
      entity: "stocktake",
      entityId: header.number,
      before: { status: "pending_approval" },
      after: { status: "rejected", lines: lines.length },
      at: ctx.at,
    });
  },
};
