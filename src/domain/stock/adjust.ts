import type { Db } from "../../../db/client.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { readLocationTotals, startBatch } from "./ledger.ts";
import { requireItem, requireLocation } from "./lookups.ts";
import { issueStock, receiveStock } from "./moves.ts";
import { shareStatements } from "./statements.ts";
import type { IssueReason, MoveContext, ReceiveReason, Tx } from "./types.ts";
import { requireQuantityDelta } from "./validate.ts";

/** Why stock was adjusted; damaged and lost only remove, found only adds. */
export type AdjustReason = "damaged" | "lost" | "found" | "count" | "other";

/** An adjustment as a warehouse keeper states it; unitCost prices stock that turns up (else current cost). */
export interface AdjustStockInput {
  itemId: number;
  locationId: number;
  qtyDelta: number;
  reason: AdjustReason;
  note?: string;
  unitCost?: number;
  userId: string;
}

// The ledger reason for each direction; a missing direction is refused (found only adds, etc.).
const ledgerReasons: Record<AdjustReason, { in?: ReceiveReason; out?: IssueReason }> = {
  damaged: { out: "adjust_damaged" },
  lost: { out: "adjust_lost" },
  found: { in: "adjust_found" },
  count: { in: "adjust_count", out: "adjust_count" },
  other: { in: "adjust_other", out: "adjust_other" },
};

/** The ledger reasons an adjustment may use; refuses a direction its reason does not allow. */
export function checkAdjustment(input: Pick<AdjustStockInput, "qtyDelta" | "reason">): number {
  const delta = requireQuantityDelta(input.qtyDelta);
  const { in: inReason, out: outReason } = ledgerReasons[input.reason];
  if (delta < 0 && !outReason) {
    throw new JxcError("INVALID_QUANTITY", { input: String(delta), problem: "negative" }, "qtyDelta");
  }
  if (delta > 0 && !inReason) throw new JxcError("INVALID_INPUT", { input: String(delta) }, "qtyDelta");
  return delta;
}

/**
 * Corrects stock at one location by a signed quantity, with its reason, in one transaction
 * with an audit row. Returns the move's signed value (negative when stock goes out).
 */
export function adjustStock(
  db: Db,
  clock: Clock,
  input: AdjustStockInput,
): { moveId: number; value: number } {
  checkAdjustment(input);
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      return postAdjustment(tx, startBatch(clock, input.userId, input.note), input);
    },
    { behavior: "immediate" },
  );
}

/** The adjustment's move and audit row, inside the caller's transaction (an ADJ document's, say). */
export function postAdjustment(
  tx: Tx,
  ctx: MoveContext,
  input: AdjustStockInput,
): { moveId: number; value: number } {
  const delta = checkAdjustment(input);
  const { in: inReason, out: outReason } = ledgerReasons[input.reason];
  const item = requireItem(tx, input.itemId);
  requireLocation(tx, input.locationId);
  const before = readLocationTotals(tx, item.id, input.locationId);
  const line = { itemId: item.id, locationId: input.locationId };
  const result =
    delta > 0
      ? receiveStock(tx, ctx, { ...line, qty: delta, unitCost: input.unitCost, reason: inReason })
      : moveOut(issueStock(tx, ctx, { ...line, qty: -delta, reason: outReason }));
  writeAudit(tx, {
    actor: input.userId,
    action: "stock.adjust",
    entity: "item",
    entityId: item.sku,
    before: { locationId: input.locationId, onHand: before.onHand },
    after: {
      locationId: input.locationId,
      onHand: before.onHand + delta,
      qtyDelta: delta,
      reason: input.reason,
      value: result.value,
      note: input.note ?? null,
    },
    at: ctx.at,
  });
  return result;
}

function moveOut(issued: { moveId: number; cost: number }): { moveId: number; value: number } {
  return { moveId: issued.moveId, value: -issued.cost };
}
