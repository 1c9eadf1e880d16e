import type { Db } from "../../../db/client.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { postMove, readOnHand, requireStockToTake, startBatch } from "./ledger.ts";
import { requireItem, requireLocation, requireLotKey } from "./lookups.ts";
import { shareStatements } from "./statements.ts";
import { requireQuantity } from "./validate.ts";
import { quoteIssueCost } from "./valuation.ts";

/** A move of stock between two locations, as a warehouse keeper asks for it. */
export interface TransferStockInput {
  itemId: number;
  fromLocationId: number;
  toLocationId: number;
  qty: number;
  userId: string;
  lotId?: number;
}

/**
 * Moves stock between locations: the same value leaves and arrives, so the item's total
 * value, its average and its FIFO layers (company-wide) do not change. Returns that value.
 */
export function transferStock(db: Db, clock: Clock, input: TransferStockInput): { value: number } {
  const qty = requireQuantity(input.qty);
  if (input.fromLocationId === input.toLocationId) {
    throw new JxcError("INVALID_INPUT", { input: String(input.toLocationId) }, "toLocationId");
  }
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.fromLocationId, "fromLocationId");
      requireLocation(tx, input.toLocationId, "toLocationId");
      const lotKey = requireLotKey(tx, item.id, input.lotId);
      const from = { itemId: item.id, locationId: input.fromLocationId, lotKey };
      const to = { itemId: item.id, locationId: input.toLocationId, lotKey };
      requireStockToTake(tx, item.sku, from, qty);
      const before = { from: readOnHand(tx, from), to: readOnHand(tx, to) };
      // Valued as an issue would be, but nothing is consumed: the value comes straight back in.
      const value = quoteIssueCost(tx, item, qty);
      const ctx = startBatch(clock, input.userId);
      postMove(tx, ctx, { ...from, qty: -qty, value: -value, reason: "transfer_out" });
      postMove(tx, ctx, { ...to, qty, value, reason: "transfer_in" });
      writeAudit(tx, {
        actor: input.userId,
        action: "stock.transfer",
        entity: "item",
        entityId: item.sku,
        before: { fromLocationId: from.locationId, toLocationId: to.locationId, ...before },
        after: {
          fromLocationId: from.locationId,
          toLocationId: to.locationId,
          from: before.from - qty,
          to: before.to + qty,
          qty,
          value,
          lotId: input.lotId ?? null,
        },
        at: ctx.at,
      });
      return { value };
    },
    { behavior: "immediate" },
  );
}
