import type { ValuationMethod } from "../../../db/tables/catalogue.ts";
import { JxcError } from "../errors.ts";
import { type Handle, stockStatements } from "./statements.ts";

/** What the ledger needs to know about an item. */
export interface StockItem {
  id: number;
  sku: string;
  valuation: ValuationMethod;
}

/** The item a move is for; unknown ids are refused before anything is written. */
export function requireItem(db: Handle, itemId: number): StockItem {
  const item = stockStatements(db).item().get({ itemId });
  if (!item) throw new JxcError("UNKNOWN_ITEM", { query: String(itemId) }, "itemId");
  return item;
}

/** The location a move is for; unknown ids are refused before anything is written. */
export function requireLocation(db: Handle, locationId: number, field = "locationId"): void {
  const row = stockStatements(db).location().get({ locationId });
  if (!row) throw new JxcError("UNKNOWN_LOCATION", { code: String(locationId), warehouse: "?" }, field);
}

/** The balance key of a lot (0 = no lot); a lot must belong to the item. */
export function requireLotKey(db: Handle, itemId: number, lotId: number | undefined): number {
  if (lotId === undefined) return 0;
  const row = stockStatements(db).lot().get({ lotId, itemId });
  if (!row) throw new JxcError("NOT_FOUND", { what: `lot ${lotId}` }, "lotId");
  return lotId;
}

/** Company switch: may on-hand stock at a location go below zero? Off unless set to JSON true. */
export function allowsNegativeStock(db: Handle): boolean {
  return stockStatements(db).setting().get({ key: "allow_negative_stock" })?.value === true;
}
