import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { prorateValue } from "../costing/rounding.ts";
import { JxcError } from "../errors.ts";
import { placeName } from "./place-names.ts";

/** One location's figures for an item; available = on hand − reserved, never stored. */
export interface LocationStock {
  warehouseId: number;
  warehouseCode: string;
  locationId: number;
  locationCode: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Being counted blind (the count's number): the figures are zero here and must not be shown. */
  countedIn?: string;
}

/** An item's stock everywhere, its total value and average unit cost (rounded minor units). */
export interface ItemStock {
  locations: LocationStock[];
  onHand: number;
  reserved: number;
  available: number;
  value: number;
  averageUnitCost: number | undefined;
  /** Set when bins being counted are left out of the figures: how many, and the counts' numbers. */
  leftOut?: { bins: number; counts: string[] };
}

/**
 * What /stock shows for an item. Reads only the balance and valuation tables by key
 * (never sums the ledger), so it stays fast at millions of moves.
 */
export function getItemStock(db: Db, itemId: number): ItemStock {
  const { valuation: readItemValuation, balances } = stockReads(db);
  // One read proves the item exists and gives its valuation (a left join: an item may have none yet).
  const valuation = readItemValuation.get(itemId) as [number, number | null, number | null] | undefined;
  if (!valuation) throw new JxcError("UNKNOWN_ITEM", { query: String(itemId) }, "itemId");
  const qty = valuation[1] ?? 0;
  const value = valuation[2] ?? 0;
  const rows = balances.all(itemId) as [number, number, number][];
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
  return {
    locations: located,
    onHand,
    reserved,
    available: onHand - reserved,
    value,
    averageUnitCost: qty > 0 ? prorateValue(value, 1, qty) : undefined,
  };
}

/** On hand less reserved over all of an item's bins. */
export function availableQty(db: Db, itemId: number): number {
  return (stockReads(db).available.get(itemId) as number | null) ?? 0;
}

/** Available quantity of several items in one read: what a /stock result list shows per item. */
export function availableByItem(db: Db, itemIds: readonly number[]): Map<number, number> {
  if (itemIds.length === 0) return new Map();
  const rows = stockReads(db).availableOfMany.all(JSON.stringify(itemIds)) as [number, number | null][];
  return new Map(rows.map(([id, available]) => [id, available ?? 0]));
}

/**
 * An item's available quantity in SQL, for a read that joins `item_valuations v` to the item:
 * on hand is the valuation's quantity (one row an item, kept in the same transaction as every
 * balance); reservations come from the few balances that hold one (a partial index).
 */
function availableSql(itemId: string): string {
  return `coalesce(v.qty, 0)
    - coalesce((select sum(b.reserved) from stock_balances b where b.item_id = ${itemId} and b.reserved <> 0), 0)`;
}

// Raw statements: /stock calls this on every reply, and drizzle's row mapping cost more than the reads.
const stockReads = preparedPerDb((db) => ({
  valuation: db.$client
    .prepare(
      "select i.id, v.qty, v.value from items i left join item_valuations v on v.item_id = i.id where i.id = ?",
    )
    .raw(),
  // The primary key (item_id, location_id, lot_key) serves this without a sort; lots fold into their bin.
  balances: db.$client
    .prepare(
      `select location_id, sum(on_hand), sum(reserved) from stock_balances where item_id = ?
       group by location_id having sum(on_hand) <> 0 or sum(reserved) <> 0`,
    )
    .raw(),
  available: db.$client
    .prepare("select sum(on_hand) - sum(reserved) from stock_balances where item_id = ?")
    .pluck(),
  availableOfMany: db.$client
    .prepare(
      `select j.value, ${availableSql("j.value")}
       from json_each(?) j left join item_valuations v on v.item_id = j.value`,
    )
    .raw(),
}));

// Codes sort by code unit, as SQLite's default collation did; ICU's localeCompare costs more than the read.
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
