import type { Db } from "../../../db/client.ts";
import { prorateValue } from "../costing/rounding.ts";
import { requireItem } from "./lookups.ts";
import { stockStatements } from "./statements.ts";
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
  const rows = stockStatements(db).itemLocations().all({ itemId: item.id });
  const located = rows.map((row) => ({ ...row, available: row.onHand - row.reserved }));
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
