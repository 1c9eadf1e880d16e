import type { ImportKind } from "./report.ts";

/** The header of each kind of file: required columns first, in the order exports write them. */
export interface ColumnSet {
  required: readonly string[];
  optional: readonly string[];
}

/** Column sets per kind; exports write exactly these so an export re-imports unchanged. */
export const columnSets: Record<ImportKind, ColumnSet> = {
  items: {
    required: [
      "sku",
      "name",
      "name_zh",
      "unit",
      "barcode",
      "category",
      "sale_price",
      "reorder_point",
      "reorder_qty",
      "lead_time_days",
      "supplier",
    ],
    optional: [
      "aliases",
      "safety_stock",
      "max_level",
      "purchase_unit",
      "purchase_factor",
      "sales_unit",
      "sales_factor",
      "valuation",
    ],
  },
  stock: { required: ["sku", "warehouse", "bin", "qty", "unit_cost"], optional: [] },
  bins: {
    required: ["warehouse", "bin"],
    optional: ["warehouse_name", "warehouse_name_zh", "zone", "rank", "capacity"],
  },
  suppliers: {
    required: ["code", "name"],
    optional: [
      "name_zh",
      "contact",
      "phone",
      "email",
      "payment_terms_days",
      "lead_time_days",
      "quality_notes",
    ],
  },
  customers: {
    required: ["code", "name"],
    optional: ["name_zh", "contact", "phone", "email", "owner", "payment_terms_days", "credit_limit"],
  },
  supplier_items: {
    required: ["supplier", "sku", "price", "moq", "pack_size"],
    optional: ["supplier_sku", "lead_time_days", "valid_from"],
  },
};

/** Separator inside one cell for several values (barcodes, aliases). */
export const listSeparator = "|";

/** Every column a kind accepts, in export order. */
export function allColumns(kind: ImportKind): string[] {
  return [...columnSets[kind].required, ...columnSets[kind].optional];
}
