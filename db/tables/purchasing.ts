import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { items, suppliers } from "./catalogue.ts";

/** Every state a purchase order can be in; the allowed moves are in src/domain/purchasing/states.ts. */
export const purchaseOrderStatuses = [
  "draft",
  "pending_approval",
  "approved",
  "sent",
  "partially_received",
  "received",
  "closed",
  "on_hold",
  "cancelled",
] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];

/**
 * A purchase order: the contract with a supplier. Its total is never stored; it is the sum
 * of its lines (qty × unit price). Days are company-time-zone calendar days (YYYY-MM-DD).
 */
export const purchaseOrders = sqliteTable(
  "purchase_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    supplierId: integer("supplier_id")
      .notNull()
      .references(() => suppliers.id),
    status: text("status", { enum: purchaseOrderStatuses }).notNull(),
    /** While on hold: the status it resumes to. */
    heldFrom: text("held_from", { enum: purchaseOrderStatuses }),
    currency: text("currency").notNull(),
    expectedDay: text("expected_day").notNull(),
    deliveryTerms: text("delivery_terms"),
    qualityStandard: text("quality_standard"),
    paymentTermsDays: integer("payment_terms_days").notNull(),
    notes: text("notes"),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    /** The company day it was approved: what "spend this month" counts. */
    approvedDay: text("approved_day"),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("purchase_orders_number_unique").on(t.number),
    index("purchase_orders_supplier_idx").on(t.supplierId, t.id),
    index("purchase_orders_status_idx").on(t.status),
  ],
);

/**
 * One line of a PO. Quantity in the item's base unit; unit price in minor units per base
 * unit, so qty × price is the line's exact amount and the last price compares like with like.
 */
export const purchaseOrderLines = sqliteTable(
  "purchase_order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purchaseOrderId: integer("purchase_order_id")
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    qty: integer("qty").notNull(),
    unitPrice: integer("unit_price").notNull(),
  },
  (t) => [
    uniqueIndex("purchase_order_lines_line_unique").on(t.purchaseOrderId, t.lineNo),
    index("purchase_order_lines_item_idx").on(t.itemId),
  ],
);
