import type { KeyedTable } from "./keyed-row.ts";

/** The items table, described for the shared keyed upsert (archived is changed only by archiveItem). */
export const itemTable: KeyedTable = {
  table: "items",
  entity: "item",
  keyField: "sku",
  columns: {
    sku: "sku",
    name: "name",
    nameZh: "name_zh",
    category: "category",
    baseUnit: "base_unit",
    purchaseUnit: "purchase_unit",
    purchaseUnitFactor: "purchase_unit_factor",
    salesUnit: "sales_unit",
    salesUnitFactor: "sales_unit_factor",
    salePrice: "sale_price",
    reorderPoint: "reorder_point",
    reorderQty: "reorder_qty",
    maxLevel: "max_level",
    safetyStock: "safety_stock",
    leadTimeDays: "lead_time_days",
    defaultSupplierId: "default_supplier_id",
    valuation: "valuation",
    tracksLots: "tracks_lots",
  },
  defaults: { valuation: "moving_average", tracksLots: 0 },
};
