import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { items, suppliers } from "./catalogue.ts";

/**
 * What a supplier agreed for one item: its own code for it, the minimum order quantity and
 * the pack size (both in the item's base unit), and a lead time that beats the item's and the
 * supplier's own. Prices live in supplier_prices, one row per valid-from day.
 */
export const supplierItems = sqliteTable(
  "supplier_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supplierId: integer("supplier_id")
      .notNull()
      .references(() => suppliers.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    supplierSku: text("supplier_sku"),
    moq: integer("moq"),
    packSize: integer("pack_size"),
    leadTimeDays: integer("lead_time_days"),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("supplier_items_supplier_item_unique").on(t.supplierId, t.itemId),
    index("supplier_items_item_idx").on(t.itemId),
  ],
);

/**
 * The supplier's price list: minor units per base unit, like PO prices. The price in effect on
 * a day is the one with the latest valid-from on or before it; an empty valid-from means "always".
 */
export const supplierPrices = sqliteTable(
  "supplier_prices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supplierItemId: integer("supplier_item_id")
      .notNull()
      .references(() => supplierItems.id, { onDelete: "cascade" }),
    unitPrice: integer("unit_price").notNull(),
    /** A company day (YYYY-MM-DD), or "" for "in effect from the start" (sorts before every day). */
    validFrom: text("valid_from").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("supplier_prices_valid_from_unique").on(t.supplierItemId, t.validFrom)],
);
