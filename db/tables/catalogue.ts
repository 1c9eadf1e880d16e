import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const valuationMethods = ["moving_average", "fifo"] as const;
export type ValuationMethod = (typeof valuationMethods)[number];

/** Parties we buy from. Codes are what people type (ACME); ids never leave the database. */
export const suppliers = sqliteTable(
  "suppliers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    contact: text("contact"),
    phone: text("phone"),
    email: text("email"),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    leadTimeDays: integer("lead_time_days"),
    /** What inspection should know about this supplier (recurring defects, certificates). */
    qualityNotes: text("quality_notes"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("suppliers_code_unique").on(sql`${t.code} collate nocase`)],
);

/** Parties we sell to, each owned by a salesperson, with terms and a credit limit in minor units. */
export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    contact: text("contact"),
    phone: text("phone"),
    email: text("email"),
    ownerUserId: text("owner_user_id"),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    creditLimit: integer("credit_limit"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("customers_code_unique").on(sql`${t.code} collate nocase`)],
);

/**
 * The catalogue. Quantities are integers in the base unit; purchase and sales
 * units are whole multiples of it (1 box = 20 pcs). Money in minor units.
 */
export const items = sqliteTable(
  "items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    category: text("category"),
    baseUnit: text("base_unit").notNull(),
    purchaseUnit: text("purchase_unit"),
    purchaseUnitFactor: integer("purchase_unit_factor"),
    salesUnit: text("sales_unit"),
    salesUnitFactor: integer("sales_unit_factor"),
    salePrice: integer("sale_price"),
    reorderPoint: integer("reorder_point"),
    reorderQty: integer("reorder_qty"),
    maxLevel: integer("max_level"),
    safetyStock: integer("safety_stock"),
    leadTimeDays: integer("lead_time_days"),
    defaultSupplierId: integer("default_supplier_id").references((): AnySQLiteColumn => suppliers.id),
    valuation: text("valuation", { enum: valuationMethods }).notNull().default("moving_average"),
    tracksLots: integer("tracks_lots", { mode: "boolean" }).notNull().default(false),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("items_sku_unique").on(sql`${t.sku} collate nocase`),
    index("items_name_idx").on(t.name),
  ],
);

/** Other names people use for an item (俗称, old codes); searched like the name. */
export const itemAliases = sqliteTable(
  "item_aliases",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.alias] })],
);

/** Barcodes (EAN, UPC, internal); one barcode names one item. */
export const itemBarcodes = sqliteTable(
  "item_barcodes",
  {
    barcode: text("barcode").primaryKey(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
  },
  (t) => [index("item_barcodes_item_idx").on(t.itemId)],
);
