import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { locations } from "./places.ts";
import { purchaseOrderLines, purchaseOrders } from "./purchasing.ts";
import { stockMoves } from "./stock.ts";

/** Why inspection turned goods away. */
export const rejectReasons = ["damaged", "wrong_spec", "quality", "short"] as const;
export type RejectReason = (typeof rejectReasons)[number];

/**
 * What happens to rejected goods: waiting for purchasing to decide (return, replace or accept
 * anyway), or decided in full (the decisions are rows of reject_decisions).
 */
export const supplierReturnStatuses = ["none", "pending", "decided"] as const;
export type SupplierReturnStatus = (typeof supplierReturnStatuses)[number];

/**
 * Where a receipt stands: posted (its stock is in), waiting for the warehouse supervisor
 * because it is over the tolerance (nothing in yet), or refused by them (nothing ever moves).
 */
export const goodsReceiptStatuses = ["posted", "pending_approval", "refused"] as const;
export type GoodsReceiptStatus = (typeof goodsReceiptStatuses)[number];

/**
 * A goods receipt (GR-000001): one delivery against one PO. What a PO has received is the
 * sum of its posted receipts' accepted quantities, never stored on the PO.
 */
export const goodsReceipts = sqliteTable(
  "goods_receipts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull().unique(),
    purchaseOrderId: integer("purchase_order_id")
      .notNull()
      .references(() => purchaseOrders.id),
    receivedBy: text("received_by").notNull(),
    receivedAt: integer("received_at", { mode: "number" }).notNull(),
    note: text("note"),
    status: text("status", { enum: goodsReceiptStatuses }).notNull().default("posted"),
  },
  (t) => [index("goods_receipts_po_idx").on(t.purchaseOrderId)],
);

/**
 * One inspected PO line: received = accepted + rejected, in base units. Accepted stock went
 * into `locationId` at the PO price (its ledger move is `moveId`); rejected stock never entered.
 */
export const goodsReceiptLines = sqliteTable(
  "goods_receipt_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    goodsReceiptId: integer("goods_receipt_id")
      .notNull()
      .references(() => goodsReceipts.id, { onDelete: "cascade" }),
    purchaseOrderLineId: integer("purchase_order_line_id")
      .notNull()
      .references(() => purchaseOrderLines.id),
    received: integer("received").notNull(),
    accepted: integer("accepted").notNull(),
    rejected: integer("rejected").notNull(),
    rejectReason: text("reject_reason", { enum: rejectReasons }),
    locationId: integer("location_id").references(() => locations.id),
    moveId: integer("move_id").references(() => stockMoves.id),
    supplierReturn: text("supplier_return", { enum: supplierReturnStatuses }).notNull(),
  },
  (t) => [
    index("goods_receipt_lines_receipt_idx").on(t.goodsReceiptId),
    index("goods_receipt_lines_po_line_idx").on(t.purchaseOrderLineId),
  ],
);
