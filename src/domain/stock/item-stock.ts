import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { prorateValue } from "../costing/rounding.ts";
import { requireItem } from "./lookups.ts";
import { placeName } from "./place-names.ts";
import { readValuation } from "./valuation.ts";

/** One location's figures for an item; available = on hand − reserved, never stored. */
export interface LocationStock {
  warehouseId: number;
  warehouseCode: string;
  locationId: number;
  locationCode: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** An item's stock everywhere, its total value and average unit cost (rounded minor units). */
export interface ItemStock {
  locations: LocationStock[];
  onHand: number;
  reserved: number;
  available: number;
  value: number;
  averageUnitCost: number | undefined;
}

/**
 * What /stock shows for an item. Reads only the balance and valuation tables by key
 * (never sums the ledger), so it stays fast at millions of moves.
 */
export function getItemStock(db: Db, itemId: number): ItemStock {
  const item = requireItem(db, itemId);
  const rows = balancesByLocation(db).all(item.id) as [number, number, number][];
  const located = rows
    .map(([locationId, onHand, reserved]): LocationStock => {
      const place = placeName(db, locationId);
      return {
        warehouseId: place?.warehouseId ?? 0,
        warehouseCode: place?.warehouseCode ?? "?",
        locationId,
        locationCode: place?.locationCode ?? String(locationId),
        onHand,
        reserved,
        available: onHand - reserved,
      };
    })
    .sort(
      (a, b) =>
        compareCodes(a.warehouseCode, b.warehouseCode) || compareCodes(a.locationCode, b.locationCode),
    );
  const onHand = located.reduce((sum, row) => sum + row.onHand, 0);
  const reserved = located.reduce((sum, row) => sum + row.reserved, 0);
  const valuation = readValuation(db, item.id);
  return {
    locations: located,
    onHand,
    reserved,
    available: onHand - reserved,
    value: valuation.value,
    averageUnitCost: valuation.qty > 0 ? prorateValue(valuation.value, 1, valuation.qty) : undefined,
  };
}

// The primary key (item_id, location_id, lot_key) serves this without a sort; lots fold into their bin.
const balancesByLocation = preparedPerDb((db) =>
  db.$client
    .prepare(
      `select location_id, sum(on_hand), sum(reserved) from stock_balances where item_id = ?
       group by location_id having sum(on_hand) <> 0 or sum(reserved) <> 0`,
    )
    .raw(),
);

// Codes sort by code unit, as SQLite's default collation did; ICU's localeCompare costs more than the read.
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
