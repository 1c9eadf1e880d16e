import { and, eq, or } from "drizzle-orm";
import { items, locations, stocktakeLines, stocktakes } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import type { Tx } from "../stock/types.ts";

/**
 * Refuses item × bin pairs another open count still holds: every line of a count being
 * counted, and the lines of a finished one whose variance still waits for approval (its
 * posted lines are settled, so they may be counted again).
 */
export function requireNoOverlap(
  tx: Tx,
  warehouse: { id: number; code: string },
  places: readonly { itemId: number; locationId: number }[],
): void {
  const held = tx
    .select({
      itemId: stocktakeLines.itemId,
      locationId: stocktakeLines.locationId,
      number: stocktakes.number,
      sku: items.sku,
      bin: locations.code,
    })
    .from(stocktakeLines)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeLines.stocktakeId))
    .innerJoin(items, eq(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq(locations.id, stocktakeLines.locationId))
    .where(
      and(
        eq(stocktakes.warehouseId, warehouse.id),
        or(
          eq(stocktakes.status, "counting"),
          and(eq(stocktakes.status, "pending_approval"), eq(stocktakeLines.posting, "pending")),
        ),
      ),
    )
    .all();
  if (held.length === 0) return;
  const byPlace = new Map(held.map((row) => [`${row.itemId}:${row.locationId}`, row]));
  for (const place of places) {
    const clash = byPlace.get(`${place.itemId}:${place.locationId}`);
    if (clash) {
      throw new JxcError("COUNT_OVERLAP", {
        number: clash.number,
        sku: clash.sku,
        place: `${warehouse.code}/${clash.bin}`,
      });
    }
  }
}
