import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { locations } from "./places.ts";
import { purchaseOrderLines } from "./purchasing.ts";
import { goodsReceiptLines } from "./receiving.ts";
import { stockMoves } from "./stock.ts";

/**
 * What purchasing decided about rejected goods: send them back for good (the supplier no longer
 * owes them), send them back for a replacement (still owed), or take them into stock after all.
 */
export const rejectDecisionKinds = ["return", "replace", "accept"] as const;
export type RejectDecisionKind = (typeof rejectDecisionKinds)[number];

/**
 * One decision on (part of) a GR line's rejected quantity. A return or replacement is a
 * supplier return document (RTN-000001, `number`); an acceptance is a ledger move into
 * `locationId` (`moveId`). The PO line is repeated here so "still owed" reads one index.
 */
export const rejectDecisions = sqliteTable(
  "reject_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    goodsReceiptLineId: integer("goods_receipt_line_id")
      .notNull()
      .references(() => goodsReceiptLines.id),
    purchaseOrderLineId: integer("purchase_order_line_id")
      .notNull()
      .references(() => purchaseOrderLines.id),
    decision: text("decision", { enum: rejectDecisionKinds }).notNull(),
    qty: integer("qty").notNull(),
    number: text("number"),
    locationId: integer("location_id").references(() => locations.id),
    moveId: integer("move_id").references(() => stockMoves.id),
    decidedBy: text("decided_by").notNull(),
    decidedAt: integer("decided_at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("reject_decisions_receipt_line_idx").on(t.goodsReceiptLineId),
    index("reject_decisions_po_line_idx").on(t.purchaseOrderLineId),
    uniqueIndex("reject_decisions_number_unique").on(t.number),
  ],
);
