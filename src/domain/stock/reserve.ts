import type { Db } from "../../../db/client.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { changeBalance, readLocationTotals } from "./ledger.ts";
import { requireItem, requireLocation } from "./lookups.ts";
import { shareStatements } from "./statements.ts";
import { requireQuantity } from "./validate.ts";

/** A reservation change at one location (sales orders hold stock with it). */
export interface ReservationInput {
  itemId: number;
  locationId: number;
  qty: number;
  userId: string;
}

/** Holds stock for an order; never more than is available (on hand − reserved) at the location. */
export function reserveStock(db: Db, clock: Clock, input: ReservationInput): void {
  changeReservation(db, clock, input, +1);
}

/** Gives held stock back; never more than is reserved at the location. */
export function releaseReservation(db: Db, clock: Clock, input: ReservationInput): void {
  changeReservation(db, clock, input, -1);
}

function changeReservation(db: Db, clock: Clock, input: ReservationInput, direction: 1 | -1): void {
  const qty = requireQuantity(input.qty);
  db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.locationId);
      const before = readLocationTotals(tx, item.id, input.locationId);
      const available = before.onHand - before.reserved;
      if (direction > 0 && qty > available) {
        throw new JxcError("INSUFFICIENT_STOCK", { sku: item.sku, available, requested: qty }, "qty");
      }
      if (direction < 0 && qty > before.reserved) {
        throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem: "too_large" }, "qty");
      }
      // Reservations are per location, kept on the no-lot row: which lot ships is decided when picking.
      changeBalance(
        tx,
        { itemId: item.id, locationId: input.locationId, lotKey: 0 },
        { onHand: 0, reserved: direction * qty },
      );
      writeAudit(tx, {
        actor: input.userId,
        action: direction > 0 ? "stock.reserve" : "stock.release",
        entity: "item",
        entityId: item.sku,
        before: { locationId: input.locationId, reserved: before.reserved },
        after: { locationId: input.locationId, reserved: before.reserved + direction * qty },
        at: clock.now(),
      });
    },
    { behavior: "immediate" },
  );
}
