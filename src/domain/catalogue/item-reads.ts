import type { Db } from "../../../db/client.ts";
import { itemTable } from "./item-table.ts";
import { preloadKeyedRows, readKeyedRow, type StoredRow } from "./keyed-row.ts";
import { prepareCached } from "./sql.ts";

/**
 * What upsertItem reads before it writes. One item at a time uses point
 * queries; a bulk import preloads everything in a few scans instead, because
 * each point query costs ~10 µs and 100k items need several each.
 */
export interface ItemReads {
  findBySku(sku: string): StoredRow | undefined;
  aliasesOf(itemId: number): string[];
  barcodesOf(itemId: number): string[];
  /** The id of the item that has this barcode. */
  barcodeOwner(barcode: string): number | undefined;
  supplierId(code: string): number | undefined;
}

/** An item's aliases in the order they were added. */
export function readAliases(db: Db, itemId: number): string[] {
  return prepareCached(db, "select alias from item_aliases where item_id = ? order by rowid")
    .pluck()
    .all(itemId) as string[];
}

/** An item's barcodes in the order they were added. */
export function readBarcodes(db: Db, itemId: number): string[] {
  return prepareCached(db, "select barcode from item_barcodes where item_id = ? order by rowid")
    .pluck()
    .all(itemId) as string[];
}

/** Point queries, for upserting one item (a form, a command). */
export function readItemsOneByOne(db: Db): ItemReads {
  return {
    findBySku: (sku) => readKeyedRow(db, itemTable, sku),
    aliasesOf: (itemId) => readAliases(db, itemId),
    barcodesOf: (itemId) => readBarcodes(db, itemId),
    barcodeOwner: (barcode) =>
      prepareCached(db, "select item_id from item_barcodes where barcode = ?").pluck().get(barcode) as
        | number
        | undefined,
    supplierId: (code) =>
      prepareCached(db, "select id from suppliers where code = ? collate nocase").pluck().get(code) as
        | number
        | undefined,
  };
}

/**
 * A snapshot of the catalogue for a bulk import. It stays right while the
 * import writes because each SKU is written once per run and validation has
 * already refused barcodes that another item owns.
 */
export function preloadItemReads(db: Db): ItemReads {
  const findBySku = preloadKeyedRows(db, itemTable);
  const aliases = groupPairs(db, "select item_id, alias from item_aliases order by rowid");
  const barcodes = groupPairs(db, "select item_id, barcode from item_barcodes order by rowid");
  const owners = new Map<string, number>();
  for (const [itemId, list] of barcodes) for (const barcode of list) owners.set(barcode, itemId);
  const suppliers = new Map<string, number>();
  for (const [id, code] of prepareCached(db, "select id, code from suppliers").raw().all() as [
    number,
    string,
  ][]) {
    suppliers.set(code.toLowerCase(), id);
  }
  return {
    findBySku,
    aliasesOf: (itemId) => aliases.get(itemId) ?? [],
    barcodesOf: (itemId) => barcodes.get(itemId) ?? [],
    barcodeOwner: (barcode) => owners.get(barcode),
    supplierId: (code) => suppliers.get(code.toLowerCase()),
  };
}

/** Runs a two-column `select item_id, value` and groups the values by item, in row order. */
export function groupPairs(db: Db, text: string): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const [itemId, value] of prepareCached(db, text).raw().all() as [number, string][]) {
    const list = groups.get(itemId);
    if (list) list.push(value);
    else groups.set(itemId, [value]);
  }
  return groups;
}
