import type { Db } from "../../db/client.ts";
import { type ItemSummary, readItemSummaryBySkuOrBarcode } from "./catalogue/item-row.ts";
import { findWarehouse, listWarehouses } from "./catalogue/places.ts";
import type { ItemSearchIndex } from "./catalogue/search-index.ts";
import { JxcError } from "./errors.ts";
import { availableByItem } from "./stock/item-stock.ts";

/** An item as /stock and the item pickers show it. */
export type ItemRow = ItemSummary;

export type StockQueryResult =
  | { kind: "item"; item: ItemRow }
  | {
      kind: "list";
      items: ItemRow[];
      /** Item id → on hand less reserved over all its bins. */
      available: ReadonlyMap<number, number>;
      total: number;
      offset: number;
      limit: number;
    }
  | { kind: "none"; suggestions: ItemRow[] };

export const maxQueryLength = 100;

/** What `/stock <query>` means: one item by SKU or barcode, else a page of name matches, else suggestions. */
export function findStockItems(
  db: Db,
  index: ItemSearchIndex,
  query: string,
  page: { offset: number; limit: number },
): StockQueryResult {
  const text = query.trim();
  if (!text) throw new JxcError("INVALID_INPUT", { problem: "empty" });
  if (text.length > maxQueryLength) throw new JxcError("INVALID_INPUT", { problem: "too_long" });

  index.refreshIfStale();
  const exact = findByCode(db, index, text);
  if (exact && !exact.archived) return { kind: "item", item: exact };

  const found = index.search(text, page);
  if (found.total === 1 && found.itemIds[0] !== undefined && page.offset === 0) {
    const [only] = index.summariesOf(found.itemIds);
    if (only) return { kind: "item", item: only };
  }
  if (found.total > 0) {
    const items = index.summariesOf(found.itemIds);
    const available = availableByItem(db, found.itemIds);
    return { kind: "list", items, available, total: found.total, ...page };
  }
  return { kind: "none", suggestions: index.summariesOf(index.suggest(text, 5)) };
}

/** Items for a picker as the user types: an exact SKU or barcode first, then the best name matches. */
export function searchItemsForPicker(
  db: Db,
  index: ItemSearchIndex,
  query: string,
  limit: number,
): ItemRow[] {
  const text = query.trim().slice(0, maxQueryLength);
  if (!text) return [];
  index.refreshIfStale();
  const exact = findByCode(db, index, text);
  const ids = index.search(text, { offset: 0, limit }).itemIds.filter((id) => id !== exact?.id);
  const rows = index.summariesOf(ids);
  return exact && !exact.archived ? [exact, ...rows].slice(0, limit) : rows;
}

/** The warehouse named by `@code`, or a clear error listing the ones there are. */
export function requireWarehouse(db: Db, code: string): { id: number; code: string } {
  const warehouse = findWarehouse(db, code);
  if (warehouse) return warehouse;
  const known = listWarehouses(db)
    .map((w) => w.code)
    .join(", ");
  throw new JxcError("UNKNOWN_WAREHOUSE", { code, known });
}

/** The item (archived too) whose SKU or barcode is `text`; SQLite is asked only when the index says it may be. */
function findByCode(db: Db, index: ItemSearchIndex, text: string): ItemRow | undefined {
  return index.mayBeCode(text) ? readItemSummaryBySkuOrBarcode(db, text) : undefined;
}
