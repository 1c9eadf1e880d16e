import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { stocktakeLines, stocktakes } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { maxQuantity } from "../quantity.ts";
import type { Tx } from "../stock/types.ts";
import { countStatements } from "./statements.ts";

/** One line as the keeper filled it in: base units found, or null for "not counted". */
export interface CountEntry {
  lineId: number;
  qty: number | null;
}

/** How far the count has got after a save. */
export interface CountProgress {
  number: string;
  /** Lines whose counted quantity this save changed. */
  changed: number;
  counted: number;
  total: number;
}

/** The count's header, refused unless it is still being counted. */
export function requireCounting(tx: Pick<Tx, "select">, stocktakeId: number) {
  const header = tx.select().from(stocktakes).where(eq(stocktakes.id, stocktakeId)).get();
  if (!header) throw new JxcError("STALE_ACTION");
  if (header.status !== "counting") {
    throw new JxcError("STOCKTAKE_CLOSED", { number: header.number, status: header.status });
  }
  return header;
}

/** Counted and total lines of a count. */
export function readProgress(
  tx: Pick<Tx, "select">,
  stocktakeId: number,
): { counted: number; total: number } {
  const row = tx
    .select({ total: count(), counted: count(stocktakeLines.countedQty) })
    .from(stocktakeLines)
    .where(eq(stocktakeLines.stocktakeId, stocktakeId))
    .get();
  return { counted: row?.counted ?? 0, total: row?.total ?? 0 };
}

/**
 * Saves counted quantities while the count is open; a line may be counted again (the last
 * save wins) or cleared back to "not counted". Each changed line remembers the ledger's last
 * move at this moment, so moves before it are part of what the keeper saw and moves after it
 * are not. Unchanged lines keep their first count's moment. Nothing is saved if any entry is bad.
 */
export function recordCounts(
  db: Db,
  clock: Clock,
  input: { stocktakeId: number; userId: string; entries: readonly CountEntry[] },
): CountProgress {
  for (const entry of input.entries) requireCountedQty(entry);
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const header = requireCounting(tx, input.stocktakeId);
      const ids = input.entries.map((entry) => entry.lineId);
      const stored =
        ids.length === 0
          ? []
          : tx
              .select({
                id: stocktakeLines.id,
                lineNo: stocktakeLines.lineNo,
                countedQty: stocktakeLines.countedQty,
              })
              .from(stocktakeLines)
              .where(and(eq(stocktakeLines.stocktakeId, header.id), inArray(stocktakeLines.id, ids)))
              .all();
      const byId = new Map(stored.map((line) => [line.id, line]));
      if (ids.some((id) => !byId.has(id))) throw new JxcError("STALE_ACTION");
      const statements = countStatements(db);
      const moveId = statements.lastMoveId();
      const changed: { lineNo: number; qty: number | null }[] = [];
      for (const entry of input.entries) {
        const line = byId.get(entry.lineId);
        if (!line || line.countedQty === entry.qty) continue;
        statements.setCounted(
          line.id,
          entry.qty === null ? null : { qty: entry.qty, by: input.userId, at, moveId },
        );
        changed.push({ lineNo: line.lineNo, qty: entry.qty });
      }
      const progress = readProgress(tx, header.id);
      if (changed.length > 0) {
        writeAudit(tx, {
          actor: input.userId,
          action: "stocktake.count",
          entity: "stocktake",
          entityId: header.number,
          after: { lines: changed },
          at,
        });
        emitEvent(
          tx,
          {
            type: "stocktake.counted",
            actor: input.userId,
            docType: "stocktake",
            docId: header.id,
            payload: { number: header.number, changed: changed.length, ...progress, owner: header.startedBy },
          },
          at,
        );
      }
      return { number: header.number, changed: changed.length, ...progress };
    },
    { behavior: "immediate" },
  );
}

/** Refuses a counted quantity that is not a whole number of base units from 0 up to the maximum. */
export function requireCountedQty(entry: CountEntry): void {
  if (entry.qty === null) return;
  const field = `line${entry.lineId}`;
  if (!Number.isSafeInteger(entry.qty)) {
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "fractional" }, field);
  }
  if (entry.qty < 0)
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "negative" }, field);
  if (entry.qty > maxQuantity) {
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "too_large" }, field);
  }
}
