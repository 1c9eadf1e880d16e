import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { stocktakeLines } from "../../../db/schema.ts";
import { postAdjustment } from "../stock/index.ts";
import type { MoveContext, Tx } from "../stock/types.ts";

/** A finished line whose variance is to be posted. */
export interface VarianceLine {
  id: number;
  itemId: number;
  locationId: number;
  varianceQty: number;
}

/** The moves of one posting share a batch, point at the count, and carry its number as the note. */
export function countMoveContext(
  input: { stocktakeId: number; number: string; userId: string },
  at: number,
): MoveContext {
  return {
    userId: input.userId,
    at,
    batchId: randomUUID(),
    docType: "stocktake",
    docId: input.stocktakeId,
    note: input.number,
  };
}

/**
 * Posts line variances to the ledger as count adjustments (reason `count`), inside the caller's
 * transaction, and marks the lines posted with their move and its real value. Returns the sum.
 */
export function postVariances(
  tx: Tx,
  ctx: MoveContext,
  lines: readonly VarianceLine[],
): { lines: number; value: number } {
  let value = 0;
  for (const line of lines) {
    const posted = postAdjustment(tx, ctx, {
      itemId: line.itemId,
      locationId: line.locationId,
      qtyDelta: line.varianceQty,
      reason: "count",
      userId: ctx.userId,
      ...(ctx.note ? { note: ctx.note } : {}),
    });
    value += posted.value;
    tx.update(stocktakeLines)
      .set({ posting: "posted", moveId: posted.moveId, postedValue: posted.value })
      .where(eq(stocktakeLines.id, line.id))
      .run();
  }
  return { lines: lines.length, value };
}
