import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { stockAdjustments } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { type AdjustReason, postAdjustment } from "../stock/index.ts";
import type { Tx } from "../stock/types.ts";

const adjustReasons: readonly string[] = [
  "damaged",
  "lost",
  "found",
  "count",
  "other",
] satisfies AdjustReason[];

function isAdjustReason(value: string): value is AdjustReason {
  return adjustReasons.includes(value);
}

/** Writes a pending ADJ's ledger move and marks it posted, inside the caller's transaction. */
export function postAdjustmentDocument(tx: Tx, input: { docId: number; at: number; actor: string }): void {
  const adjustment = tx
    .select()
    .from(stockAdjustments)
    .where(and(eq(stockAdjustments.id, input.docId), eq(stockAdjustments.status, "pending")))
    .get();
  if (!adjustment || !isAdjustReason(adjustment.reason)) throw new JxcError("STALE_ACTION");
  const ctx = {
    userId: adjustment.requestedBy,
    at: input.at,
    batchId: randomUUID(),
    docType: "stock_adjustment",
    docId: adjustment.id,
    ...(adjustment.note ? { note: adjustment.note } : {}),
  };
  const { moveId, value } = postAdjustment(tx, ctx, {
    itemId: adjustment.itemId,
    locationId: adjustment.locationId,
    qtyDelta: adjustment.qtyDelta,
    reason: adjustment.reason,
    userId: adjustment.requestedBy,
    ...(adjustment.note ? { note: adjustment.note } : {}),
  });
  tx.update(stockAdjustments)
    .set({ status: "posted", postedAt: input.at, moveId })
    .where(eq(stockAdjustments.id, adjustment.id))
    .run();
  emitEvent(
    tx,
    {
      type: "adjustment.posted",
      actor: input.actor,
      docType: "stock_adjustment",
      docId: adjustment.id,
      payload: { number: adjustment.number, value },
    },
    input.at,
  );
}
