import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import type { items, ValuationMethod } from "../../../db/schema.ts";

/** An items row as drizzle returns it. */
export type Item = typeof items.$inferSelect;

// Hot-path item reads (/stock, pickers) go through raw statements: drizzle's per-row mapping cost
// about twice the SQLite read. The column list and `itemFromRow` must follow db/tables/catalogue.ts;
// the object literal below fails to compile when a field is missing.
const columns = `i.id, i.sku, i.name, i.name_zh, i.category, i.base_unit, i.purchase_unit,
  i.purchase_unit_factor, i.sales_unit, i.sales_unit_factor, i.sale_price, i.reorder_point,
  i.reorder_qty, i.max_level, i.safety_stock, i.lead_time_days, i.default_supplier_id,
  i.valuation, i.tracks_lots, i.archived, i.updated_at`;

type ItemSqlRow = [
  number,
  string,
  string,
  string | null,
  string | null,
  string,
  string | null,
  number | null,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  ValuationMethod,
  number,
  number,
  number,
];

function itemFromRow(row: ItemSqlRow): Item {
  return {
    id: row[0],
    sku: row[1],
    name: row[2],
    nameZh: row[3],
    category: row[4],
    baseUnit: row[5],
    purchaseUnit: row[6],
    purchaseUnitFactor: row[7],
    salesUnit: row[8],
    salesUnitFactor: row[9],
    salePrice: row[10],
    reorderPoint: row[11],
    reorderQty: row[12],
    maxLevel: row[13],
    safetyStock: row[14],
    leadTimeDays: row[15],
    defaultSupplierId: row[16],
    valuation: row[17],
    tracksLots: row[18] === 1,
    archived: row[19] === 1,
    updatedAt: row[20],
  };
}

/** What /stock replies and item pickers show of an item: each further text column costs ~2 µs a row. */
export type ItemSummary = Pick<
  Item,
  "id" | "sku" | "name" | "nameZh" | "baseUnit" | "reorderPoint" | "archived"
>;

/** The columns of an ItemSummary from `items i` (see summaryFromRow). */
const summaryColumns = "i.id, i.sku, i.name, i.name_zh, i.base_unit, i.reorder_point, i.archived";
type SummarySqlRow = [number, string, string, string | null, string, number | null, number];

/** An ItemSummary from a row of `summaryColumns`. */
function summaryFromRow(row: readonly [...SummarySqlRow, ...unknown[]]): ItemSummary {
  return {
    id: row[0],
    sku: row[1],
    name: row[2],
    nameZh: row[3],
    baseUnit: row[4],
    reorderPoint: row[5],
    archived: row[6] === 1,
  };
}

const lookups = preparedPerDb((db) => ({
  byId: db.$client.prepare(`select ${columns} from items i where i.id = ?`).raw(),
  bySku: db.$client.prepare(`select ${columns} from items i where i.sku = ? collate nocase`).raw(),
  byBarcode: db.$client
    .prepare(`select ${columns} from item_barcodes b join items i on i.id = b.item_id where b.barcode = ?`)
    .raw(),
  summaryById: db.$client.prepare(`select ${summaryColumns} from items i where i.id = ?`).raw(),
  summaryBySku: db.$client
    .prepare(`select ${summaryColumns} from items i where i.sku = ? collate nocase`)
    .raw(),
  summaryByBarcode: db.$client
    .prepare(
      `select ${summaryColumns} from item_barcodes b join items i on i.id = b.item_id where b.barcode = ?`,
    )
    .raw(),
}));

/** One item by id (a primary-key read, cheap enough for every /stock reply), or undefined. */
export function readItemById(db: Db, id: number): Item | undefined {
  const row = lookups(db).byId.get(id) as ItemSqlRow | undefined;
  return row && itemFromRow(row);
}

/** The item with this SKU (ignoring case), or with this barcode. */
export function readItemBySkuOrBarcode(db: Db, code: string): Item | undefined {
  const { bySku, byBarcode } = lookups(db);
  const row = (bySku.get(code) ?? byBarcode.get(code)) as ItemSqlRow | undefined;
  return row && itemFromRow(row);
}

/** An item's summary by id, or undefined. */
export function readItemSummary(db: Db, id: number): ItemSummary | undefined {
  const row = lookups(db).summaryById.get(id) as SummarySqlRow | undefined;
  return row && summaryFromRow(row);
}

/** The summary of the item with this SKU (ignoring case), or with this barcode. */
export function readItemSummaryBySkuOrBarcode(db: Db, code: string): ItemSummary | undefined {
  const { summaryBySku, summaryByBarcode } = lookups(db);
  const row = (summaryBySku.get(code) ?? summaryByBarcode.get(code)) as SummarySqlRow | undefined;
  return row && summaryFromRow(row);
}
