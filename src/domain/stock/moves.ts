// The building blocks every stock document uses inside its own transaction (and audit row).
import { prorateValue } from "../costing/rounding.ts";
import { JxcError } from "../errors.ts";
import { postMove, requireStockToTake } from "./ledger.ts";
import { requireItem, requireLocation, requireLotKey } from "./lookups.ts";
import { stockStatements } from "./statements.ts";
import type { IssueLine, MoveContext, ReceiveLine, ReturnLine, Tx } from "./types.ts";
import { multiplyMoney, requireMoney, requireQuantity } from "./validate.ts";
import { addReceiptValue, type IssueOrigin, takeIssueCost, valueAtCurrentCost } from "./valuation.ts";

/**
 * Brings stock in at its exact value (value, else unitCost × qty, else the current unit cost)
 * and adds it to the item's valuation; a FIFO item gets a new layer.
 */
export function receiveStock(tx: Tx, ctx: MoveContext, line: ReceiveLine): { moveId: number; value: number } {
  const qty = requireQuantity(line.qty);
  const item = requireItem(tx, line.itemId);
  requireLocation(tx, line.locationId);
  const lotKey = requireLotKey(tx, item.id, line.lotId);
  const value =
    line.value !== undefined
      ? requireMoney(line.value, "value")
      : line.unitCost !== undefined
        ? multiplyMoney(line.unitCost, qty, "unitCost")
        : valueAtCurrentCost(tx, item.id, qty);
  const key = { itemId: item.id, locationId: line.locationId, lotKey };
  const moveId = postMove(tx, ctx, { ...key, qty, value, reason: line.reason ?? "receipt" });
  const revaluation = addReceiptValue(tx, item, { qty, value, sourceMoveId: moveId, at: ctx.at });
  if (revaluation !== 0) postMove(tx, ctx, { ...key, qty: 0, value: revaluation, reason: "revalue" });
  return { moveId, value };
}

/** Takes stock out, costed by the item's valuation method; refuses to go below zero unless allowed. */
export function issueStock(tx: Tx, ctx: MoveContext, line: IssueLine): { moveId: number; cost: number } {
  return issueCosted(tx, ctx, line, undefined);
}

/** A customer return comes back at the unit cost the original issue went out at. */
export function returnFromCustomer(
  tx: Tx,
  ctx: MoveContext,
  line: ReturnLine,
): { moveId: number; value: number } {
  const qty = requireQuantity(line.qty);
  const original = requireOriginalMove(tx, line, "issue");
  const value = prorateValue(-original.value, qty, -original.qty);
  return receiveStock(tx, ctx, {
    itemId: line.itemId,
    locationId: line.locationId,
    qty,
    value,
    lotId: line.lotId ?? original.lotId ?? undefined,
    reason: "customer_return",
  });
}

/** A return to the supplier leaves at the cost the original receipt came in at. */
export function returnToSupplier(
  tx: Tx,
  ctx: MoveContext,
  line: ReturnLine,
): { moveId: number; cost: number } {
  const qty = requireQuantity(line.qty);
  const original = requireOriginalMove(tx, line, "receipt");
  const issue = {
    itemId: line.itemId,
    locationId: line.locationId,
    qty,
    lotId: line.lotId ?? original.lotId ?? undefined,
  };
  const origin = { moveId: original.id, cost: prorateValue(original.value, qty, original.qty) };
  return issueCosted(tx, ctx, { ...issue, reason: "supplier_return" }, origin);
}

function issueCosted(
  tx: Tx,
  ctx: MoveContext,
  line: IssueLine,
  origin: IssueOrigin | undefined,
): { moveId: number; cost: number } {
  const qty = requireQuantity(line.qty);
  const item = requireItem(tx, line.itemId);
  requireLocation(tx, line.locationId);
  const key = {
    itemId: item.id,
    locationId: line.locationId,
    lotKey: requireLotKey(tx, item.id, line.lotId),
  };
  requireStockToTake(tx, item.sku, key, qty);
  const cost = takeIssueCost(tx, item, qty, origin);
  const moveId = postMove(tx, ctx, { ...key, qty: -qty, value: -cost, reason: line.reason ?? "issue" });
  return { moveId, cost };
}

// The move a return undoes: same item, the right direction, and no more units than it moved.
function requireOriginalMove(tx: Tx, line: ReturnLine, reason: "issue" | "receipt") {
  const original = stockStatements(tx).move().get({ moveId: line.originalMoveId });
  if (!original || original.itemId !== line.itemId || original.reason !== reason) {
    throw new JxcError("NOT_FOUND", { what: `${reason} move ${line.originalMoveId}` }, "originalMoveId");
  }
  if (line.qty > Math.abs(original.qty)) {
    throw new JxcError("INVALID_QUANTITY", { input: String(line.qty), problem: "too_large" }, "qty");
  }
  return original;
}
