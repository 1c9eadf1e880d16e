var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all) __defProp(target, name, { get: all[name], enumerable: true });
};

// db/client.ts
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

// db/schema.ts
var schema_exports = {};
__export(schema_exports, {
  adjustmentStatuses: () => adjustmentStatuses,
  approvalDelegations: () => approvalDelegations,
  approvalPolicies: () => approvalPolicies,
  approvalRequests: () => approvalRequests,
  approvalStatuses: () => approvalStatuses,
  approvalStepStatuses: () => approvalStepStatuses,
  approvalSteps: () => approvalSteps,
  auditLog: () => auditLog,
  companySettings: () => companySettings,
  costLayers: () => costLayers,
  customers: () => customers,
  deliveries: () => deliveries,
  deliveryKinds: () => deliveryKinds,
  deliveryStatuses: () => deliveryStatuses,
  departmentChannels: () => departmentChannels,
  documentSequences: () => documentSequences,
  documentThreads: () => documentThreads,
  goodsReceiptLines: () => goodsReceiptLines,
  goodsReceiptStatuses: () => goodsReceiptStatuses,
  goodsReceipts: () => goodsReceipts,
  itemAliases: () => itemAliases,
  itemBarcodes: () => itemBarcodes,
  itemValuations: () => itemValuations,
  items: () => items,
  locations: () => locations,
  lots: () => lots,
  moveReasons: () => moveReasons,
  outboxEvents: () => outboxEvents,
  processedEvents: () => processedEvents,
  purchaseOrderLines: () => purchaseOrderLines,
  purchaseOrderStatuses: () => purchaseOrderStatuses,
  purchaseOrders: () => purchaseOrders,
  rejectDecisionKinds: () => rejectDecisionKinds,
  rejectDecisions: () => rejectDecisions,
  rejectReasons: () => rejectReasons,
  roleAssignments: () => roleAssignments,
  routingRules: () => routingRules,
  scheduledRuns: () => scheduledRuns,
  stockAdjustments: () => stockAdjustments,
  stockBalances: () => stockBalances,
  stockMoves: () => stockMoves,
  stocktakeLinePostings: () => stocktakeLinePostings,
  stocktakeLines: () => stocktakeLines,
  stocktakeScopes: () => stocktakeScopes,
  stocktakeStatuses: () => stocktakeStatuses,
  stocktakes: () => stocktakes,
  supplierReturnStatuses: () => supplierReturnStatuses,
  suppliers: () => suppliers,
  userSettings: () => userSettings,
  valuationMethods: () => valuationMethods,
  warehouses: () => warehouses,
});

// db/tables/catalogue.ts
import { sql } from "drizzle-orm";
// db/tables/approvals.ts
import {
  index,
  index as index2,
  integer,
  integer as integer3,
  primaryKey,
  primaryKey as primaryKey2,
  sqliteTable,
  sqliteTable as sqliteTable3,
  text,
  text as text3,
  uniqueIndex,
  uniqueIndex as uniqueIndex3,
} from "drizzle-orm/sqlite-core";

var valuationMethods = ["moving_average", "fifo"];
var suppliers = sqliteTable(
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
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("suppliers_code_unique").on(sql`${t.code} collate nocase`)],
);
var customers = sqliteTable(
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
var items = sqliteTable(
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
    defaultSupplierId: integer("default_supplier_id").references(() => suppliers.id),
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
var itemAliases = sqliteTable(
  "item_aliases",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.alias] })],
);
var itemBarcodes = sqliteTable(
  "item_barcodes",
  {
    barcode: text("barcode").primaryKey(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
  },
  (t) => [index("item_barcodes_item_idx").on(t.itemId)],
);

// db/tables/places.ts
import { sql as sql2 } from "drizzle-orm";
import {
  integer as integer2,
  sqliteTable as sqliteTable2,
  text as text2,
  uniqueIndex as uniqueIndex2,
} from "drizzle-orm/sqlite-core";

var warehouses = sqliteTable2(
  "warehouses",
  {
    id: integer2("id").primaryKey({ autoIncrement: true }),
    code: text2("code").notNull(),
    name: text2("name").notNull(),
    nameZh: text2("name_zh"),
    archived: integer2("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer2("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex2("warehouses_code_unique").on(sql2`${t.code} collate nocase`)],
);
var locations = sqliteTable2(
  "locations",
  {
    id: integer2("id").primaryKey({ autoIncrement: true }),
    warehouseId: integer2("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    code: text2("code").notNull(),
    zone: text2("zone"),
    rank: integer2("rank"),
    capacity: integer2("capacity"),
    archived: integer2("archived", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex2("locations_warehouse_code_unique").on(t.warehouseId, sql2`${t.code} collate nocase`)],
);

// db/tables/approvals.ts
var documentSequences = sqliteTable3("document_sequences", {
  docType: text3("doc_type").primaryKey(),
  lastNumber: integer3("last_number").notNull(),
});
var approvalPolicies = sqliteTable3(
  "approval_policies",
  {
    docType: text3("doc_type").notNull(),
    tier: integer3("tier").notNull(),
    minAmount: integer3("min_amount").notNull(),
    role: text3("role").notNull(),
    updatedBy: text3("updated_by").notNull(),
    updatedAt: integer3("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey2({ columns: [t.docType, t.tier] })],
);
var approvalStatuses = ["pending", "approved", "rejected", "cancelled"];
var approvalRequests = sqliteTable3(
  "approval_requests",
  {
    id: integer3("id").primaryKey({ autoIncrement: true }),
    docType: text3("doc_type").notNull(),
    docId: integer3("doc_id").notNull(),
    docNumber: text3("doc_number").notNull(),
    amount: integer3("amount").notNull(),
    requestedBy: text3("requested_by").notNull(),
    status: text3("status", { enum: approvalStatuses }).notNull(),
    /** The facts an approver needs on the card, frozen when requested. */
    summary: text3("summary", { mode: "json" }).notNull(),
    createdAt: integer3("created_at", { mode: "number" }).notNull(),
    decidedAt: integer3("decided_at", { mode: "number" }),
  },
  (t) => [
    index2("approval_requests_doc_idx").on(t.docType, t.docId),
    index2("approval_requests_status_idx").on(t.status),
  ],
);
var approvalStepStatuses = ["waiting", "pending", "approved", "rejected", "cancelled"];
var approvalSteps = sqliteTable3(
  "approval_steps",
  {
    requestId: integer3("request_id")
      .notNull()
      .references(() => approvalRequests.id),
    tier: integer3("tier").notNull(),
    role: text3("role").notNull(),
    status: text3("status", { enum: approvalStepStatuses }).notNull(),
    activatedAt: integer3("activated_at", { mode: "number" }),
    remindedAt: integer3("reminded_at", { mode: "number" }),
    escalatedAt: integer3("escalated_at", { mode: "number" }),
    decidedBy: text3("decided_by"),
    /** The approver a delegate decided for. */
    onBehalfOf: text3("on_behalf_of"),
    decidedAt: integer3("decided_at", { mode: "number" }),
    reason: text3("reason"),
  },
  (t) => [primaryKey2({ columns: [t.requestId, t.tier] }), index2("approval_steps_status_idx").on(t.status)],
);
var approvalDelegations = sqliteTable3(
  "approval_delegations",
  {
    id: integer3("id").primaryKey({ autoIncrement: true }),
    approver: text3("approver").notNull(),
    delegate: text3("delegate").notNull(),
    fromDay: text3("from_day").notNull(),
    toDay: text3("to_day").notNull(),
    createdAt: integer3("created_at", { mode: "number" }).notNull(),
    revokedAt: integer3("revoked_at", { mode: "number" }),
  },
  (t) => [index2("approval_delegations_delegate_idx").on(t.delegate)],
);
var adjustmentStatuses = ["pending", "posted", "rejected", "cancelled"];
var stockAdjustments = sqliteTable3(
  "stock_adjustments",
  {
    id: integer3("id").primaryKey({ autoIncrement: true }),
    number: text3("number").notNull(),
    itemId: integer3("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer3("location_id")
      .notNull()
      .references(() => locations.id),
    qtyDelta: integer3("qty_delta").notNull(),
    reason: text3("reason").notNull(),
    note: text3("note"),
    /** Signed value at current cost when requested (minor units); the amount approval tiers compare. */
    estimatedValue: integer3("estimated_value").notNull(),
    status: text3("status", { enum: adjustmentStatuses }).notNull(),
    requestedBy: text3("requested_by").notNull(),
    createdAt: integer3("created_at", { mode: "number" }).notNull(),
    postedAt: integer3("posted_at", { mode: "number" }),
    moveId: integer3("move_id"),
  },
  (t) => [uniqueIndex3("stock_adjustments_number_unique").on(t.number)],
);

// db/tables/notify.ts
import { sql as sql3 } from "drizzle-orm";
import {
  index as index3,
  integer as integer4,
  primaryKey as primaryKey3,
  sqliteTable as sqliteTable4,
  text as text4,
} from "drizzle-orm/sqlite-core";

var outboxEvents = sqliteTable4(
  "outbox_events",
  {
    id: integer4("id").primaryKey({ autoIncrement: true }),
    type: text4("type").notNull(),
    docType: text4("doc_type"),
    docId: integer4("doc_id"),
    actor: text4("actor").notNull(),
    payload: text4("payload", { mode: "json" }).notNull(),
    createdAt: integer4("created_at", { mode: "number" }).notNull(),
    dispatchedAt: integer4("dispatched_at", { mode: "number" }),
  },
  (t) => [index3("outbox_events_pending_idx").on(t.id).where(sql3`${t.dispatchedAt} is null`)],
);
var deliveryKinds = ["post", "update", "home"];
var deliveryStatuses = ["pending", "sending", "delivered", "failed", "skipped"];
var deliveries = sqliteTable4(
  "deliveries",
  {
    id: integer4("id").primaryKey({ autoIncrement: true }),
    eventId: integer4("event_id").references(() => outboxEvents.id),
    dedupeKey: text4("dedupe_key").notNull().unique(),
    kind: text4("kind", { enum: deliveryKinds }).notNull(),
    /** A channel id, or a user id for a DM or a Home tab. */
    target: text4("target").notNull(),
    /** "doc_type:doc_id": post as a reply in that document's thread. */
    threadKey: text4("thread_key"),
    /** For `update`: the delivery whose message is rewritten. */
    updatesDeliveryId: integer4("updates_delivery_id"),
    template: text4("template").notNull(),
    data: text4("data", { mode: "json" }).notNull(),
    status: text4("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer4("attempts").notNull().default(0),
    nextAttemptAt: integer4("next_attempt_at", { mode: "number" }).notNull(),
    lastError: text4("last_error"),
    /** Where Slack put the message (a D… id for a DM) and its ts, once delivered. */
    postedChannel: text4("posted_channel"),
    ts: text4("ts"),
    createdAt: integer4("created_at", { mode: "number" }).notNull(),
    deliveredAt: integer4("delivered_at", { mode: "number" }),
  },
  (t) => [
    index3("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index3("deliveries_event_idx").on(t.eventId),
  ],
);
var documentThreads = sqliteTable4(
  "document_threads",
  {
    docType: text4("doc_type").notNull(),
    docId: integer4("doc_id").notNull(),
    /** The delivery that posts (and later rewrites) the parent card. */
    deliveryId: integer4("delivery_id").notNull(),
    createdAt: integer4("created_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey3({ columns: [t.docType, t.docId] })],
);
var routingRules = sqliteTable4(
  "routing_rules",
  {
    eventType: text4("event_type").notNull(),
    target: text4("target").notNull(),
    updatedBy: text4("updated_by").notNull(),
    updatedAt: integer4("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey3({ columns: [t.eventType, t.target] })],
);
var departmentChannels = sqliteTable4("department_channels", {
  department: text4("department").primaryKey(),
  channelId: text4("channel_id").notNull(),
  updatedBy: text4("updated_by").notNull(),
  updatedAt: integer4("updated_at", { mode: "number" }).notNull(),
});
var scheduledRuns = sqliteTable4(
  "scheduled_runs",
  {
    job: text4("job").notNull(),
    /** The period the run covers, e.g. "2026-11-25" for a daily job, in the company time zone. */
    period: text4("period").notNull(),
    startedAt: integer4("started_at", { mode: "number" }).notNull(),
    finishedAt: integer4("finished_at", { mode: "number" }),
    error: text4("error"),
  },
  (t) => [primaryKey3({ columns: [t.job, t.period] })],
);

// db/tables/purchasing.ts
import {
  index as index4,
  integer as integer5,
  sqliteTable as sqliteTable5,
  text as text5,
  uniqueIndex as uniqueIndex4,
} from "drizzle-orm/sqlite-core";

var purchaseOrderStatuses = [
  "draft",
  "pending_approval",
  "approved",
  "sent",
  "partially_received",
  "received",
  "closed",
  "on_hold",
  "cancelled",
];
var purchaseOrders = sqliteTable5(
  "purchase_orders",
  {
    id: integer5("id").primaryKey({ autoIncrement: true }),
    number: text5("number").notNull(),
    supplierId: integer5("supplier_id")
      .notNull()
      .references(() => suppliers.id),
    status: text5("status", { enum: purchaseOrderStatuses }).notNull(),
    /** While on hold: the status it resumes to. */
    heldFrom: text5("held_from", { enum: purchaseOrderStatuses }),
    currency: text5("currency").notNull(),
    expectedDay: text5("expected_day").notNull(),
    deliveryTerms: text5("delivery_terms"),
    qualityStandard: text5("quality_standard"),
    paymentTermsDays: integer5("payment_terms_days").notNull(),
    notes: text5("notes"),
    createdBy: text5("created_by").notNull(),
    createdAt: integer5("created_at", { mode: "number" }).notNull(),
    /** The company day it was approved: what "spend this month" counts. */
    approvedDay: text5("approved_day"),
    updatedAt: integer5("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex4("purchase_orders_number_unique").on(t.number),
    index4("purchase_orders_supplier_idx").on(t.supplierId, t.id),
    index4("purchase_orders_status_idx").on(t.status),
  ],
);
var purchaseOrderLines = sqliteTable5(
  "purchase_order_lines",
  {
    id: integer5("id").primaryKey({ autoIncrement: true }),
    purchaseOrderId: integer5("purchase_order_id")
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: "cascade" }),
    lineNo: integer5("line_no").notNull(),
    itemId: integer5("item_id")
      .notNull()
      .references(() => items.id),
    qty: integer5("qty").notNull(),
    unitPrice: integer5("unit_price").notNull(),
  },
  (t) => [
    uniqueIndex4("purchase_order_lines_line_unique").on(t.purchaseOrderId, t.lineNo),
    index4("purchase_order_lines_item_idx").on(t.itemId),
  ],
);

// db/tables/receiving.ts
// db/tables/stock.ts
import {
  index as index5,
  index as index6,
  integer as integer6,
  integer as integer7,
  primaryKey as primaryKey4,
  sqliteTable as sqliteTable6,
  sqliteTable as sqliteTable7,
  text as text6,
  text as text7,
  uniqueIndex as uniqueIndex5,
} from "drizzle-orm/sqlite-core";

var moveReasons = [
  "opening",
  "receipt",
  "issue",
  "customer_return",
  "supplier_return",
  "transfer_out",
  "transfer_in",
  "adjust_damaged",
  "adjust_lost",
  "adjust_found",
  "adjust_count",
  "adjust_other",
  // Value-only (qty 0) correction: a receipt into negative stock settles the estimate the units went out at.
  "revalue",
];
var lots = sqliteTable6(
  "lots",
  {
    id: integer6("id").primaryKey({ autoIncrement: true }),
    itemId: integer6("item_id")
      .notNull()
      .references(() => items.id),
    lotNo: text6("lot_no").notNull(),
    expiresOn: text6("expires_on"),
  },
  (t) => [uniqueIndex5("lots_item_lot_unique").on(t.itemId, t.lotNo)],
);
var stockMoves = sqliteTable6(
  "stock_moves",
  {
    id: integer6("id").primaryKey({ autoIncrement: true }),
    itemId: integer6("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer6("location_id")
      .notNull()
      .references(() => locations.id),
    lotId: integer6("lot_id").references(() => lots.id),
    qty: integer6("qty").notNull(),
    value: integer6("value").notNull(),
    reason: text6("reason", { enum: moveReasons }).notNull(),
    /** Moves made by one operation share it (a transfer's two legs, a receipt's lines). */
    batchId: text6("batch_id").notNull(),
    docType: text6("doc_type"),
    docId: integer6("doc_id"),
    note: text6("note"),
    userId: text6("user_id").notNull(),
    at: integer6("at", { mode: "number" }).notNull(),
  },
  (t) => [
    index5("stock_moves_item_idx").on(t.itemId, t.id),
    index5("stock_moves_doc_idx").on(t.docType, t.docId),
    // Demand per item over a period (the purchase plan): covering, and in item order so the
    // sums stream without a sort. Measured twice as fast as (reason, at, …) at 1M issue lines.
    index5("stock_moves_reason_item_idx").on(t.reason, t.itemId, t.at, t.qty),
  ],
);
var stockBalances = sqliteTable6(
  "stock_balances",
  {
    itemId: integer6("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer6("location_id")
      .notNull()
      .references(() => locations.id),
    lotKey: integer6("lot_key").notNull().default(0),
    onHand: integer6("on_hand").notNull().default(0),
    reserved: integer6("reserved").notNull().default(0),
  },
  (t) => [
    primaryKey4({ columns: [t.itemId, t.locationId, t.lotKey] }),
    index5("stock_balances_location_idx").on(t.locationId),
  ],
);
var itemValuations = sqliteTable6("item_valuations", {
  itemId: integer6("item_id")
    .primaryKey()
    .references(() => items.id),
  qty: integer6("qty").notNull().default(0),
  value: integer6("value").notNull().default(0),
});
var costLayers = sqliteTable6(
  "cost_layers",
  {
    id: integer6("id").primaryKey({ autoIncrement: true }),
    itemId: integer6("item_id")
      .notNull()
      .references(() => items.id),
    sourceMoveId: integer6("source_move_id").references(() => stockMoves.id),
    qtyRemaining: integer6("qty_remaining").notNull(),
    valueRemaining: integer6("value_remaining").notNull(),
    at: integer6("at", { mode: "number" }).notNull(),
  },
  (t) => [index5("cost_layers_open_idx").on(t.itemId, t.qtyRemaining, t.id)],
);

// db/tables/receiving.ts
var rejectReasons = ["damaged", "wrong_spec", "quality", "short"];
var supplierReturnStatuses = ["none", "pending", "decided"];
var goodsReceiptStatuses = ["posted", "pending_approval", "refused"];
var goodsReceipts = sqliteTable7(
  "goods_receipts",
  {
    id: integer7("id").primaryKey({ autoIncrement: true }),
    number: text7("number").notNull().unique(),
    purchaseOrderId: integer7("purchase_order_id")
      .notNull()
      .references(() => purchaseOrders.id),
    receivedBy: text7("received_by").notNull(),
    receivedAt: integer7("received_at", { mode: "number" }).notNull(),
    note: text7("note"),
    status: text7("status", { enum: goodsReceiptStatuses }).notNull().default("posted"),
  },
  (t) => [index6("goods_receipts_po_idx").on(t.purchaseOrderId)],
);
var goodsReceiptLines = sqliteTable7(
  "goods_receipt_lines",
  {
    id: integer7("id").primaryKey({ autoIncrement: true }),
    goodsReceiptId: integer7("goods_receipt_id")
      .notNull()
      .references(() => goodsReceipts.id, { onDelete: "cascade" }),
    purchaseOrderLineId: integer7("purchase_order_line_id")
      .notNull()
      .references(() => purchaseOrderLines.id),
    received: integer7("received").notNull(),
    accepted: integer7("accepted").notNull(),
    rejected: integer7("rejected").notNull(),
    rejectReason: text7("reject_reason", { enum: rejectReasons }),
    locationId: integer7("location_id").references(() => locations.id),
    moveId: integer7("move_id").references(() => stockMoves.id),
    supplierReturn: text7("supplier_return", { enum: supplierReturnStatuses }).notNull(),
  },
  (t) => [
    index6("goods_receipt_lines_receipt_idx").on(t.goodsReceiptId),
    index6("goods_receipt_lines_po_line_idx").on(t.purchaseOrderLineId),
  ],
);

// db/tables/returns.ts
import {
  index as index7,
  integer as integer8,
  sqliteTable as sqliteTable8,
  text as text8,
  uniqueIndex as uniqueIndex6,
} from "drizzle-orm/sqlite-core";

var rejectDecisionKinds = ["return", "replace", "accept"];
var rejectDecisions = sqliteTable8(
  "reject_decisions",
  {
    id: integer8("id").primaryKey({ autoIncrement: true }),
    goodsReceiptLineId: integer8("goods_receipt_line_id")
      .notNull()
      .references(() => goodsReceiptLines.id),
    purchaseOrderLineId: integer8("purchase_order_line_id")
      .notNull()
      .references(() => purchaseOrderLines.id),
    decision: text8("decision", { enum: rejectDecisionKinds }).notNull(),
    qty: integer8("qty").notNull(),
    number: text8("number"),
    locationId: integer8("location_id").references(() => locations.id),
    moveId: integer8("move_id").references(() => stockMoves.id),
    decidedBy: text8("decided_by").notNull(),
    decidedAt: integer8("decided_at", { mode: "number" }).notNull(),
  },
  (t) => [
    index7("reject_decisions_receipt_line_idx").on(t.goodsReceiptLineId),
    index7("reject_decisions_po_line_idx").on(t.purchaseOrderLineId),
    uniqueIndex6("reject_decisions_number_unique").on(t.number),
  ],
);

// db/tables/stocktakes.ts
import {
  index as index8,
  integer as integer9,
  sqliteTable as sqliteTable9,
  text as text9,
  uniqueIndex as uniqueIndex7,
} from "drizzle-orm/sqlite-core";

var stocktakeStatuses = ["counting", "pending_approval", "posted", "rejected", "cancelled"];
var stocktakeScopes = ["warehouse", "zone", "bins", "items"];
var stocktakeLinePostings = ["none", "posted", "pending", "rejected"];
var stocktakes = sqliteTable9(
  "stocktakes",
  {
    id: integer9("id").primaryKey({ autoIncrement: true }),
    number: text9("number").notNull(),
    warehouseId: integer9("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    scope: text9("scope", { enum: stocktakeScopes }).notNull(),
    /** The zone, bins or SKUs the scope names, as shown to people ("" for a whole warehouse). */
    scopeLabel: text9("scope_label").notNull(),
    status: text9("status", { enum: stocktakeStatuses }).notNull(),
    startedBy: text9("started_by").notNull(),
    startedAt: integer9("started_at", { mode: "number" }).notNull(),
    finishedBy: text9("finished_by"),
    finishedAt: integer9("finished_at", { mode: "number" }),
    closedAt: integer9("closed_at", { mode: "number" }),
    linesCounted: integer9("lines_counted"),
    linesExact: integer9("lines_exact"),
    /** Counted lines' expected quantity at current cost, minor units. */
    expectedValue: integer9("expected_value"),
    /** Net and absolute sums of the lines' variance values, minor units. */
    varianceValue: integer9("variance_value"),
    varianceAbs: integer9("variance_abs"),
    lineAccuracyBp: integer9("line_accuracy_bp"),
    valueAccuracyBp: integer9("value_accuracy_bp"),
  },
  (t) => [
    uniqueIndex7("stocktakes_number_unique").on(t.number),
    index8("stocktakes_status_idx").on(t.status),
  ],
);
var stocktakeLines = sqliteTable9(
  "stocktake_lines",
  {
    id: integer9("id").primaryKey({ autoIncrement: true }),
    stocktakeId: integer9("stocktake_id")
      .notNull()
      .references(() => stocktakes.id),
    lineNo: integer9("line_no").notNull(),
    itemId: integer9("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer9("location_id")
      .notNull()
      .references(() => locations.id),
    snapshotQty: integer9("snapshot_qty").notNull(),
    snapshotMoveId: integer9("snapshot_move_id").notNull(),
    countedQty: integer9("counted_qty"),
    countedBy: text9("counted_by"),
    countedAt: integer9("counted_at", { mode: "number" }),
    countedMoveId: integer9("counted_move_id"),
    /** Written when the count is finished. */
    movedQty: integer9("moved_qty"),
    expectedQty: integer9("expected_qty"),
    varianceQty: integer9("variance_qty"),
    varianceValue: integer9("variance_value"),
    posting: text9("posting", { enum: stocktakeLinePostings }).notNull().default("none"),
    moveId: integer9("move_id").references(() => stockMoves.id),
    /** The value the ledger move really had (costs may have moved since the finish). */
    postedValue: integer9("posted_value"),
  },
  (t) => [
    uniqueIndex7("stocktake_lines_line_unique").on(t.stocktakeId, t.lineNo),
    index8("stocktake_lines_place_idx").on(t.itemId, t.locationId),
  ],
);

// db/tables/system.ts
import {
  integer as integer10,
  primaryKey as primaryKey5,
  sqliteTable as sqliteTable10,
  text as text10,
} from "drizzle-orm/sqlite-core";

var userSettings = sqliteTable10("user_settings", {
  slackUserId: text10("slack_user_id").primaryKey(),
  language: text10("language", { enum: ["en", "zh-CN"] }),
  platformLocale: text10("platform_locale"),
  platformLocaleFetchedAt: integer10("platform_locale_fetched_at", { mode: "number" }),
  updatedAt: integer10("updated_at", { mode: "number" }).notNull(),
});
var processedEvents = sqliteTable10("processed_events", {
  eventId: text10("event_id").primaryKey(),
  receivedAt: integer10("received_at", { mode: "number" }).notNull(),
});
var auditLog = sqliteTable10("audit_log", {
  id: integer10("id").primaryKey({ autoIncrement: true }),
  actor: text10("actor").notNull(),
  action: text10("action").notNull(),
  entity: text10("entity").notNull(),
  entityId: text10("entity_id").notNull(),
  before: text10("before", { mode: "json" }),
  after: text10("after", { mode: "json" }),
  at: integer10("at", { mode: "number" }).notNull(),
});
var roleAssignments = sqliteTable10(
  "role_assignments",
  {
    userId: text10("user_id").notNull(),
    role: text10("role").notNull(),
    grantedBy: text10("granted_by").notNull(),
    grantedAt: integer10("granted_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey5({ columns: [t.userId, t.role] })],
);
var companySettings = sqliteTable10("company_settings", {
  key: text10("key").primaryKey(),
  value: text10("value", { mode: "json" }).notNull(),
  updatedBy: text10("updated_by").notNull(),
  updatedAt: integer10("updated_at", { mode: "number" }).notNull(),
});

// db/client.ts
var migrationsFolder = fileURLToPath(new URL("../db/migrations/", import.meta.url));
function openDatabase(path) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db2 = drizzle(sqlite, { schema: schema_exports });
  migrate(db2, { migrationsFolder });
  return db2;
}
function pingDatabase(db2) {
  const row = db2.$client.prepare("select 1 as ok").get();
  return row?.ok === 1;
}

// src/slack/router.ts
var SlackRouter = class {
  commands = /* @__PURE__ */ new Map();
  actions = /* @__PURE__ */ new Map();
  actionPatterns = [];
  views = /* @__PURE__ */ new Map();
  options = /* @__PURE__ */ new Map();
  events = /* @__PURE__ */ new Map();
  command(name, listener) {
    this.commands.set(name, listener);
  }
  /** An action id, or a pattern for ids suffixed to stay unique within a message. */
  action(id, listener) {
    const narrowed = listener;
    if (typeof id === "string") this.actions.set(id, narrowed);
    else this.actionPatterns.push([id, narrowed]);
  }
  view(callbackId, listener) {
    this.views.set(callbackId, listener);
  }
  suggestion(actionId, listener) {
    this.options.set(actionId, listener);
  }
  event(type, listener) {
    this.events.set(type, listener);
  }
  /** Hands Bolt's own arguments to the handler whose route matches the payload; others go on to Bolt. */
  async dispatch(args) {
    const route = this.routeFor(args.body);
    if (route) await route(args);
    else await args.next();
  }
  routeFor(body) {
    if (!isRecord(body)) return void 0;
    if (typeof body.command === "string") return this.commands.get(body.command);
    switch (body.type) {
      case "block_actions": {
        const first = Array.isArray(body.actions) ? body.actions[0] : void 0;
        const id = isRecord(first) && typeof first.action_id === "string" ? first.action_id : "";
        return this.actions.get(id) ?? this.actionPatterns.find(([pattern]) => pattern.test(id))?.[1];
      }
      case "view_submission":
      case "view_closed":
        return isRecord(body.view) && typeof body.view.callback_id === "string"
          ? this.views.get(body.view.callback_id)
          : void 0;
      case "block_suggestion":
        return typeof body.action_id === "string" ? this.options.get(body.action_id) : void 0;
      case "event_callback":
        return isRecord(body.event) && typeof body.event.type === "string"
          ? this.events.get(body.event.type)
          : void 0;
      default:
        return void 0;
    }
  }
};
function isRecord(value) {
  return typeof value === "object" && value !== null;
}

// src/domain/adjustments/cancel.ts
// src/domain/approvals/request.ts
import { and as and2, eq as eq3, eq as eq4, inArray } from "drizzle-orm";

// src/domain/audit.ts
function writeAudit(db2, entry) {
  db2
    .insert(auditLog)
    .values({ ...entry, before: entry.before ?? null, after: entry.after ?? null })
    .run();
}

// src/domain/events.ts
var eventTypes = [
  "approval.requested",
  "approval.step_opened",
  "approval.step_approved",
  "approval.approved",
  "approval.rejected",
  "approval.cancelled",
  "approval.reminder",
  "approval.escalated",
  "adjustment.posted",
  "po.created",
  "po.sent",
  "po.held",
  "po.resumed",
  "po.cancelled",
  "po.closed",
  "po.received",
  "po.late",
  "purchase_plan.ready",
  "stocktake.started",
  "stocktake.counted",
  "stocktake.finished",
  "stocktake.posted",
  "stocktake.cancelled",
  "receipt.awaiting_approval",
  "receipt.refused",
  "receipt.decided",
];
function emitEvent(tx, event, at2) {
  const row = tx
    .insert(outboxEvents)
    .values({
      type: event.type,
      actor: event.actor,
      docType: event.docType ?? null,
      docId: event.docId ?? null,
      payload: event.payload,
      createdAt: at2,
    })
    .returning({ id: outboxEvents.id })
    .get();
  return row.id;
}

// src/domain/approvals/policies.ts
import { asc, eq as eq2 } from "drizzle-orm";

// src/domain/errors.ts
var JxcError = class extends Error {
  constructor(code, params = {}, field2) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.code = code;
    this.params = params;
    this.field = field2;
  }
  code;
  params;
  field;
  name = "JxcError";
};
function isJxcError(error) {
  return error instanceof JxcError;
}

// src/domain/roles.ts
import { and, eq } from "drizzle-orm";

// db/prepared.ts
function preparedPerDb(build) {
  const cache3 = /* @__PURE__ */ new WeakMap();
  return (db2) => {
    let prepared = cache3.get(db2);
    if (prepared === void 0) {
      prepared = build(db2);
      cache3.set(db2, prepared);
    }
    return prepared;
  };
}

// src/domain/roles.ts
var roles = [
  "admin",
  "purchasing_clerk",
  "purchasing_manager",
  "warehouse_keeper",
  "warehouse_supervisor",
  "salesperson",
  "sales_manager",
  "accountant",
  "finance_supervisor",
];
function isRole(value) {
  return roles.includes(value);
}
function rolesOf(db2, userId) {
  const held = /* @__PURE__ */ new Set();
  for (const role of rolesQuery(db2).all(userId)) if (isRole(role)) held.add(role);
  return held;
}
var rolesQuery = preparedPerDb((db2) =>
  db2.$client.prepare("select role from role_assignments where user_id = ?").pluck(),
);
function listRoleAssignments(db2) {
  return db2
    .select({ userId: roleAssignments.userId, role: roleAssignments.role })
    .from(roleAssignments)
    .orderBy(roleAssignments.role, roleAssignments.userId)
    .all()
    .filter((r) => isRole(r.role));
}
function bootstrapAdmins(db2, clock, adminIds) {
  for (const userId of adminIds) {
    db2.transaction((tx) => {
      const inserted = tx
        .insert(roleAssignments)
        .values({ userId, role: "admin", grantedBy: "JXC_ADMINS", grantedAt: clock.now() })
        .onConflictDoNothing()
        .run();
      if (inserted.changes > 0) {
        writeAudit(tx, {
          actor: "JXC_ADMINS",
          action: "role.grant",
          entity: "user",
          entityId: userId,
          after: { role: "admin" },
          at: clock.now(),
        });
      }
    });
  }
}
function grantRole(db2, clock, change) {
  return db2.transaction((tx) => {
    requireAdmin(tx, change.actor);
    const inserted = tx
      .insert(roleAssignments)
      .values({ userId: change.userId, role: change.role, grantedBy: change.actor, grantedAt: clock.now() })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return { changed: false };
    writeAudit(tx, {
      actor: change.actor,
      action: "role.grant",
      entity: "user",
      entityId: change.userId,
      after: { role: change.role },
      at: clock.now(),
    });
    return { changed: true };
  });
}
function revokeRole(db2, clock, change) {
  return db2.transaction((tx) => {
    requireAdmin(tx, change.actor);
    if (change.role === "admin") {
      const admins = tx.select().from(roleAssignments).where(eq(roleAssignments.role, "admin")).all();
      if (admins.length === 1 && admins[0]?.userId === change.userId) throw new JxcError("LAST_ADMIN");
    }
    const deleted = tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, change.userId), eq(roleAssignments.role, change.role)))
      .run();
    if (deleted.changes === 0) return { changed: false };
    writeAudit(tx, {
      actor: change.actor,
      action: "role.revoke",
      entity: "user",
      entityId: change.userId,
      before: { role: change.role },
      at: clock.now(),
    });
    return { changed: true };
  });
}
function requireAdmin(db2, userId) {
  const row = db2
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, "admin")))
    .get();
  if (!row) throw new JxcError("NOT_ALLOWED", { role: "admin" });
}

// src/domain/approvals/policies.ts
var approvalDocTypes = ["purchase_order", "stock_adjustment", "payment", "stocktake", "goods_receipt"];
function isApprovalDocType(value) {
  return approvalDocTypes.includes(value);
}
var defaultPolicies = {
  purchase_order: [
    { minAmount: 0, role: "purchasing_manager" },
    { minAmount: 5e6, role: "finance_supervisor" },
  ],
  stock_adjustment: [{ minAmount: 1e5, role: "warehouse_supervisor" }],
  payment: [{ minAmount: 0, role: "finance_supervisor" }],
  // A count line whose variance is worth at least tier 1 waits; smaller ones post at once.
  stocktake: [{ minAmount: 1e5, role: "warehouse_supervisor" }],
  // Only receipts over the tolerance ask; the amount is the value beyond the order.
  goods_receipt: [{ minAmount: 0, role: "warehouse_supervisor" }],
};
var defaultTimers = { remindAfterHours: 24, escalateAfterHours: 48 };
var timersKey = "approval_timers";
var maxTiers = 3;
var maxHours = 24 * 30;
function readPolicy(db2, docType) {
  const rows = db2
    .select({ minAmount: approvalPolicies.minAmount, role: approvalPolicies.role })
    .from(approvalPolicies)
    .where(eq2(approvalPolicies.docType, docType))
    .orderBy(asc(approvalPolicies.tier))
    .all();
  if (rows.length === 0) return defaultPolicies[docType];
  return rows.flatMap((r) => (isRole(r.role) ? [{ minAmount: r.minAmount, role: r.role }] : []));
}
function requiredTiers(policy, amount) {
  return policy.filter((tier) => Math.abs(amount) >= tier.minAmount).map((tier) => tier.role);
}
function setPolicy(db2, clock, input) {
  const { docType, tiers, actor } = input;
  if (tiers.length === 0 || tiers.length > maxTiers) {
    throw new JxcError("INVALID_INPUT", { input: String(tiers.length), problem: "empty" }, "tiers");
  }
  tiers.forEach((tier, index9) => {
    const previous = tiers[index9 - 1];
    if (tier.minAmount < 0 || !Number.isSafeInteger(tier.minAmount)) {
      throw new JxcError(
        "INVALID_MONEY",
        { input: String(tier.minAmount), problem: "negative" },
        `tier${index9 + 1}`,
      );
    }
    if (previous && tier.minAmount <= previous.minAmount) {
      throw new JxcError("POLICY_ORDER", { tier: index9 + 1 }, `tier${index9 + 1}`);
    }
  });
  const before = readPolicy(db2, docType);
  const at2 = clock.now();
  db2.transaction((tx) => {
    tx.delete(approvalPolicies).where(eq2(approvalPolicies.docType, docType)).run();
    tx.insert(approvalPolicies)
      .values(tiers.map((t, i) => ({ docType, tier: i + 1, ...t, updatedBy: actor, updatedAt: at2 })))
      .run();
    writeAudit(tx, {
      actor,
      action: "approval.policy",
      entity: "policy",
      entityId: docType,
      before,
      after: tiers,
      at: at2,
    });
  });
}
function readTimers(db2) {
  const row = db2
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq2(companySettings.key, timersKey))
    .get();
  const value = row?.value;
  return { ...defaultTimers, ...value };
}
function setTimers(db2, clock, timers, actor) {
  const { remindAfterHours, escalateAfterHours } = timers;
  for (const [field2, hours] of Object.entries(timers)) {
    if (!Number.isInteger(hours) || hours < 1 || hours > maxHours) {
      throw new JxcError("INVALID_INPUT", { input: String(hours), problem: "too_large" }, field2);
    }
  }
  if (escalateAfterHours <= remindAfterHours) {
    throw new JxcError("POLICY_ORDER", { tier: 0 }, "escalateAfterHours");
  }
  const at2 = clock.now();
  db2.transaction((tx) => {
    const before = readTimers(db2);
    tx.insert(companySettings)
      .values({ key: timersKey, value: timers, updatedBy: actor, updatedAt: at2 })
      .onConflictDoUpdate({
        target: companySettings.key,
        set: { value: timers, updatedBy: actor, updatedAt: at2 },
      })
      .run();
    writeAudit(tx, {
      actor,
      action: "approval.timers",
      entity: "setting",
      entityId: timersKey,
      before,
      after: timers,
      at: at2,
    });
  });
}

// src/domain/approvals/request.ts
function requestApproval(tx, at2, subject) {
  const roles2 = requiredTiers(readPolicy(tx, subject.docType), subject.amount);
  if (roles2.length === 0) return null;
  const { id: requestId } = tx
    .insert(approvalRequests)
    .values({ ...subject, status: "pending", createdAt: at2 })
    .returning({ id: approvalRequests.id })
    .get();
  tx.insert(approvalSteps)
    .values(
      roles2.map((role, index9) => ({
        requestId,
        tier: index9 + 1,
        role,
        status: index9 === 0 ? "pending" : "waiting",
        activatedAt: index9 === 0 ? at2 : null,
      })),
    )
    .run();
  writeAudit(tx, {
    actor: subject.requestedBy,
    action: "approval.request",
    entity: subject.docType,
    entityId: subject.docNumber,
    after: { requestId, amount: subject.amount, roles: roles2 },
    at: at2,
  });
  const doc = { actor: subject.requestedBy, docType: subject.docType, docId: subject.docId };
  emitEvent(tx, { ...doc, type: "approval.requested", payload: { requestId } }, at2);
  emitEvent(tx, { ...doc, type: "approval.step_opened", payload: { requestId, tier: 1 } }, at2);
  return { requestId, roles: roles2 };
}
function cancelApproval(tx, at2, input) {
  const request = tx
    .select({ id: approvalRequests.id, docNumber: approvalRequests.docNumber })
    .from(approvalRequests)
    .where(
      and2(
        eq3(approvalRequests.docType, input.docType),
        eq3(approvalRequests.docId, input.docId),
        eq3(approvalRequests.status, "pending"),
      ),
    )
    .get();
  if (!request) return;
  tx.update(approvalRequests)
    .set({ status: "cancelled", decidedAt: at2 })
    .where(eq3(approvalRequests.id, request.id))
    .run();
  tx.update(approvalSteps)
    .set({ status: "cancelled" })
    .where(
      and2(eq3(approvalSteps.requestId, request.id), inArray(approvalSteps.status, ["pending", "waiting"])),
    )
    .run();
  writeAudit(tx, {
    actor: input.actor,
    action: "approval.cancel",
    entity: input.docType,
    entityId: request.docNumber,
    at: at2,
  });
  emitEvent(
    tx,
    {
      type: "approval.cancelled",
      actor: input.actor,
      docType: input.docType,
      docId: input.docId,
      payload: { requestId: request.id },
    },
    at2,
  );
}

// src/domain/adjustments/cancel.ts
function cancelAdjustment(db2, clock, input) {
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const row = tx.select().from(stockAdjustments).where(eq4(stockAdjustments.id, input.id)).get();
      if (!row) throw new JxcError("STALE_ACTION");
      if (row.requestedBy !== input.userId) throw new JxcError("NOT_ALLOWED", { roles: "" });
      if (row.status !== "pending") throw new JxcError("ALREADY_DECIDED", { verdict: row.status });
      tx.update(stockAdjustments).set({ status: "cancelled" }).where(eq4(stockAdjustments.id, row.id)).run();
      writeAudit(tx, {
        actor: input.userId,
        action: "adjustment.cancel",
        entity: "stock_adjustment",
        entityId: row.number,
        at: at2,
      });
      cancelApproval(tx, at2, { docType: "stock_adjustment", docId: row.id, actor: input.userId });
      return { number: row.number };
    },
    { behavior: "immediate" },
  );
}

// src/domain/documents/numbering.ts
import { sql as sql4 } from "drizzle-orm";

var documentPrefixes = {
  stock_adjustment: "ADJ",
  purchase_order: "PO",
  goods_receipt: "GR",
  sales_order: "SO",
  invoice: "INV",
  bill: "BILL",
  payment: "PAY",
  stocktake: "CNT",
  supplier_return: "RTN",
};
function nextDocumentNumber(tx, docType) {
  const row = tx.get(
    sql4`insert into document_sequences (doc_type, last_number) values (${docType}, 1)
        on conflict (doc_type) do update set last_number = last_number + 1
        returning last_number`,
  );
  return `${documentPrefixes[docType]}-${String(row.last_number).padStart(6, "0")}`;
}

// src/domain/stock/ledger.ts
import { randomUUID } from "node:crypto";

// src/domain/stock/statements.ts
import { and as and3, asc as asc2, desc, eq as eq5, gt, ne, sql as sql5 } from "drizzle-orm";

var p = sql5.placeholder;
function lazy(build) {
  let holder;
  return () => {
    holder ??= { value: build() };
    return holder.value;
  };
}
function prepareStatements(db2) {
  return {
    item: lazy(() =>
      db2
        .select({ id: items.id, sku: items.sku, valuation: items.valuation })
        .from(items)
        .where(eq5(items.id, p("itemId")))
        .prepare(),
    ),
    location: lazy(() =>
      db2
        .select({ id: locations.id })
        .from(locations)
        .where(eq5(locations.id, p("locationId")))
        .prepare(),
    ),
    lot: lazy(() =>
      db2
        .select({ id: lots.id })
        .from(lots)
        .where(and3(eq5(lots.id, p("lotId")), eq5(lots.itemId, p("itemId"))))
        .prepare(),
    ),
    setting: lazy(() =>
      db2
        .select({ value: companySettings.value })
        .from(companySettings)
        .where(eq5(companySettings.key, p("key")))
        .prepare(),
    ),
    onHand: lazy(() =>
      db2
        .select({ onHand: stockBalances.onHand })
        .from(stockBalances)
        .where(
          and3(
            eq5(stockBalances.itemId, p("itemId")),
            eq5(stockBalances.locationId, p("locationId")),
            eq5(stockBalances.lotKey, p("lotKey")),
          ),
        )
        .prepare(),
    ),
    locationTotals: lazy(() =>
      db2
        .select({
          onHand: sql5`coalesce(sum(${stockBalances.onHand}), 0)`.mapWith(Number),
          reserved: sql5`coalesce(sum(${stockBalances.reserved}), 0)`.mapWith(Number),
        })
        .from(stockBalances)
        .where(and3(eq5(stockBalances.itemId, p("itemId")), eq5(stockBalances.locationId, p("locationId"))))
        .prepare(),
    ),
    insertMove: lazy(() =>
      db2
        .insert(stockMoves)
        .values({
          itemId: p("itemId"),
          locationId: p("locationId"),
          lotId: p("lotId"),
          qty: p("qty"),
          value: p("value"),
          reason: p("reason"),
          batchId: p("batchId"),
          docType: p("docType"),
          docId: p("docId"),
          note: p("note"),
          userId: p("userId"),
          at: p("at"),
        })
        .returning({ id: stockMoves.id })
        .prepare(),
    ),
    changeBalance: lazy(() =>
      db2
        .insert(stockBalances)
        .values({
          itemId: p("itemId"),
          locationId: p("locationId"),
          lotKey: p("lotKey"),
          onHand: p("onHand"),
          reserved: p("reserved"),
        })
        .onConflictDoUpdate({
          target: [stockBalances.itemId, stockBalances.locationId, stockBalances.lotKey],
          set: {
            onHand: sql5`${stockBalances.onHand} + excluded.on_hand`,
            reserved: sql5`${stockBalances.reserved} + excluded.reserved`,
          },
        })
        .prepare(),
    ),
    valuation: lazy(() =>
      db2
        .select({ qty: itemValuations.qty, value: itemValuations.value })
        .from(itemValuations)
        .where(eq5(itemValuations.itemId, p("itemId")))
        .prepare(),
    ),
    writeValuation: lazy(() =>
      db2
        .insert(itemValuations)
        .values({ itemId: p("itemId"), qty: p("qty"), value: p("value") })
        .onConflictDoUpdate({
          target: itemValuations.itemId,
          set: { qty: sql5`excluded.qty`, value: sql5`excluded.value` },
        })
        .prepare(),
    ),
    openLayers: lazy(() =>
      db2
        .select(layerFields)
        .from(costLayers)
        .where(
          and3(
            eq5(costLayers.itemId, p("itemId")),
            gt(costLayers.qtyRemaining, 0),
            gt(costLayers.id, p("afterId")),
          ),
        )
        .orderBy(asc2(costLayers.id))
        .limit(p("limit"))
        .prepare(),
    ),
    layerOfMove: lazy(() =>
      db2
        .select(layerFields)
        .from(costLayers)
        .where(
          and3(
            eq5(costLayers.itemId, p("itemId")),
            eq5(costLayers.sourceMoveId, p("moveId")),
            gt(costLayers.qtyRemaining, 0),
          ),
        )
        .prepare(),
    ),
    updateLayer: lazy(() =>
      db2
        .update(costLayers)
        .set({ qtyRemaining: sql5`${p("qty")}`, valueRemaining: sql5`${p("value")}` })
        .where(eq5(costLayers.id, p("id")))
        .prepare(),
    ),
    insertLayer: lazy(() =>
      db2
        .insert(costLayers)
        .values({
          itemId: p("itemId"),
          sourceMoveId: p("sourceMoveId"),
          qtyRemaining: p("qty"),
          valueRemaining: p("value"),
          at: p("at"),
        })
        .prepare(),
    ),
    lastMoveWithQty: lazy(() =>
      db2
        .select({ qty: stockMoves.qty, value: stockMoves.value })
        .from(stockMoves)
        .where(and3(eq5(stockMoves.itemId, p("itemId")), ne(stockMoves.qty, 0)))
        .orderBy(desc(stockMoves.id))
        .limit(1)
        .prepare(),
    ),
    move: lazy(() =>
      db2
        .select()
        .from(stockMoves)
        .where(eq5(stockMoves.id, p("moveId")))
        .prepare(),
    ),
  };
}
var layerFields = {
  id: costLayers.id,
  sourceMoveId: costLayers.sourceMoveId,
  qtyRemaining: costLayers.qtyRemaining,
  valueRemaining: costLayers.valueRemaining,
};
var cache = /* @__PURE__ */ new WeakMap();
function stockStatements(db2) {
  let statements2 = cache.get(db2);
  if (!statements2) {
    statements2 = prepareStatements(db2);
    cache.set(db2, statements2);
  }
  return statements2;
}
function shareStatements(db2, tx) {
  cache.set(tx, stockStatements(db2));
}

// src/domain/stock/lookups.ts
function requireItem(db2, itemId) {
  const item = stockStatements(db2).item().get({ itemId });
  if (!item) throw new JxcError("UNKNOWN_ITEM", { query: String(itemId) }, "itemId");
  return item;
}
function requireLocation(db2, locationId, field2 = "locationId") {
  const row = stockStatements(db2).location().get({ locationId });
  if (!row) throw new JxcError("UNKNOWN_LOCATION", { code: String(locationId), warehouse: "?" }, field2);
}
function requireLotKey(db2, itemId, lotId) {
  if (lotId === void 0) return 0;
  const row = stockStatements(db2).lot().get({ lotId, itemId });
  if (!row) throw new JxcError("NOT_FOUND", { what: `lot ${lotId}` }, "lotId");
  return lotId;
}
function allowsNegativeStock(db2) {
  return stockStatements(db2).setting().get({ key: "allow_negative_stock" })?.value === true;
}

// src/domain/stock/ledger.ts
function startBatch(clock, userId, note) {
  return { userId, at: clock.now(), batchId: randomUUID(), ...(note === void 0 ? {} : { note }) };
}
function postMove(tx, ctx, row) {
  const inserted = stockStatements(tx)
    .insertMove()
    .get({
      itemId: row.itemId,
      locationId: row.locationId,
      lotId: row.lotKey === 0 ? null : row.lotKey,
      qty: row.qty,
      value: row.value,
      reason: row.reason,
      batchId: ctx.batchId,
      docType: ctx.docType ?? null,
      docId: ctx.docId ?? null,
      note: ctx.note ?? null,
      userId: ctx.userId,
      at: ctx.at,
    });
  if (row.qty !== 0) changeBalance(tx, row, { onHand: row.qty, reserved: 0 });
  return inserted.id;
}
function changeBalance(tx, key, delta) {
  stockStatements(tx)
    .changeBalance()
    .run({ itemId: key.itemId, locationId: key.locationId, lotKey: key.lotKey, ...delta });
}
function readOnHand(db2, key) {
  return (
    stockStatements(db2)
      .onHand()
      .get({ ...key })?.onHand ?? 0
  );
}
function readLocationTotals(db2, itemId, locationId) {
  return stockStatements(db2).locationTotals().get({ itemId, locationId }) ?? { onHand: 0, reserved: 0 };
}
function requireStockToTake(db2, sku, key, qty) {
  const available = readOnHand(db2, key);
  if (available < qty && !allowsNegativeStock(db2)) {
    throw new JxcError("INSUFFICIENT_STOCK", { sku, available, requested: qty }, "qty");
  }
}

// src/domain/costing/rounding.ts
function roundHalfUpDiv(numerator, denominator) {
  if (denominator === 0n) throw new RangeError("roundHalfUpDiv: division by zero");
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n3 = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const result = Number(sign * ((2n * n3 + d) / (2n * d)));
  if (!Number.isSafeInteger(result)) throw new RangeError("roundHalfUpDiv: result is not a safe integer");
  return result;
}
function prorateValue(value, part, whole) {
  return roundHalfUpDiv(BigInt(value) * BigInt(part), BigInt(whole));
}
function costAtRate(rate, qty) {
  if (!rate || rate.qty === 0) return 0;
  return prorateValue(rate.value, qty, rate.qty);
}

// src/domain/stock/validate.ts
var maxMoveQty = 1e9;
function requireQuantity(qty, field2 = "qty") {
  const problem = quantityProblem(qty);
  if (problem) throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem }, field2);
  return qty;
}
function requireQuantityDelta(delta, field2 = "qtyDelta") {
  const problem = quantityProblem(Math.abs(delta));
  if (problem) throw new JxcError("INVALID_QUANTITY", { input: String(delta), problem }, field2);
  return delta;
}
function requireBalanceQuantity(qty, field2 = "qty") {
  if (qty === 0) return 0;
  return requireQuantity(qty, field2);
}
function requireMoney(amount, field2) {
  const problem = !Number.isFinite(amount)
    ? "not_a_number"
    : !Number.isInteger(amount)
      ? "too_many_decimals"
      : amount < 0
        ? "negative"
        : !Number.isSafeInteger(amount)
          ? "too_large"
          : void 0;
  if (problem) throw new JxcError("INVALID_MONEY", { input: String(amount), problem }, field2);
  return amount;
}
function multiplyMoney(unitCost, qty, field2) {
  requireMoney(unitCost, field2);
  const value = BigInt(unitCost) * BigInt(qty);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new JxcError("INVALID_MONEY", { input: String(unitCost), problem: "too_large" }, field2);
  }
  return Number(value);
}
function quantityProblem(qty) {
  if (!Number.isFinite(qty)) return "not_a_number";
  if (!Number.isInteger(qty)) return "fractional";
  if (qty === 0) return "zero";
  if (qty < 0) return "negative";
  if (qty > maxMoveQty) return "too_large";
  return void 0;
}

// src/domain/costing/fifo.ts
function issueFromLayers(layers, qty, fallback) {
  const next = layers.map((layer) => ({ ...layer }));
  const consumed = [];
  let left = qty;
  let cost = 0;
  let lastRate;
  for (const [layerIndex, layer] of next.entries()) {
    if (left === 0) break;
    if (layer.qtyRemaining <= 0) continue;
    const take = Math.min(left, layer.qtyRemaining);
    const value =
      take === layer.qtyRemaining
        ? layer.valueRemaining
        : prorateValue(layer.valueRemaining, take, layer.qtyRemaining);
    lastRate = { qty: layer.qtyRemaining, value: layer.valueRemaining };
    layer.qtyRemaining -= take;
    layer.valueRemaining -= value;
    consumed.push({ layerIndex, qty: take, value });
    cost += value;
    left -= take;
  }
  cost += costAtRate(lastRate ?? fallback, left);
  return { cost, layers: next, consumed, shortfall: left };
}

// src/domain/costing/negative-stock.ts
function receiveIntoNegative(state, qty, value) {
  const after = state.qty + qty;
  if (after <= 0) return { qty: after, value: after === 0 ? 0 : prorateValue(state.value, after, state.qty) };
  return { qty: after, value: prorateValue(value, after, qty) };
}

// src/domain/costing/moving-average.ts
function receiveIntoAverage(state, qty, value) {
  if (state.qty < 0) return receiveIntoNegative(state, qty, value);
  return { qty: state.qty + qty, value: state.value + value };
}
function issueFromAverage(state, qty, fallback) {
  const cost = costIssue(state, qty, fallback);
  return { cost, state: { qty: state.qty - qty, value: state.value - cost } };
}
function costIssue(state, qty, fallback) {
  if (state.qty > qty) return prorateValue(state.value, qty, state.qty);
  if (state.qty === qty) return state.value;
  if (state.qty > 0) return state.value + prorateValue(state.value, qty - state.qty, state.qty);
  if (state.qty < 0) return prorateValue(state.value, qty, state.qty);
  return costAtRate(fallback, qty);
}

// src/domain/stock/valuation.ts
function readValuation(db2, itemId) {
  return stockStatements(db2).valuation().get({ itemId }) ?? { qty: 0, value: 0 };
}
function writeValuation(tx, itemId, state) {
  stockStatements(tx).writeValuation().run({ itemId, qty: state.qty, value: state.value });
}
function quoteIssueCost(db2, item, qty) {
  const state = readValuation(db2, item.id);
  if (item.valuation === "moving_average") {
    return issueFromAverage(state, qty, state.qty === 0 ? lastKnownRate(db2, item.id) : void 0).cost;
  }
  const layers = readLayersCovering(db2, item.id, qty, void 0);
  return issueFromLayers(layers, qty, fifoFallback(db2, item.id, state, layers)).cost;
}
function valueAtCurrentCost(db2, itemId, qty) {
  const state = readValuation(db2, itemId);
  return costAtRate(state.qty > 0 ? state : lastKnownRate(db2, itemId), qty);
}
function takeIssueCost(tx, item, qty, origin) {
  const state = readValuation(tx, item.id);
  if (item.valuation === "moving_average") {
    if (origin && state.qty > qty) {
      const cost = Math.max(0, Math.min(origin.cost, state.value));
      writeValuation(tx, item.id, { qty: state.qty - qty, value: state.value - cost });
      return cost;
    }
    const issued2 = issueFromAverage(state, qty, state.qty === 0 ? lastKnownRate(tx, item.id) : void 0);
    writeValuation(tx, item.id, issued2.state);
    return issued2.cost;
  }
  const layers = readLayersCovering(tx, item.id, qty, origin?.moveId);
  const issued = issueFromLayers(layers, qty, fifoFallback(tx, item.id, state, layers));
  const update3 = stockStatements(tx).updateLayer();
  for (const used of issued.consumed) {
    const stored = layers[used.layerIndex];
    const after = issued.layers[used.layerIndex];
    if (stored && after) update3.run({ id: stored.id, qty: after.qtyRemaining, value: after.valueRemaining });
  }
  writeValuation(tx, item.id, { qty: state.qty - qty, value: state.value - issued.cost });
  return issued.cost;
}
function addReceiptValue(tx, item, line3) {
  const state = readValuation(tx, item.id);
  const after =
    item.valuation === "moving_average"
      ? receiveIntoAverage(state, line3.qty, line3.value)
      : state.qty < 0
        ? receiveIntoNegative(state, line3.qty, line3.value)
        : { qty: state.qty + line3.qty, value: state.value + line3.value };
  if (item.valuation === "fifo" && after.qty > 0) {
    const layer = state.qty < 0 ? after : line3;
    stockStatements(tx).insertLayer().run({
      itemId: item.id,
      sourceMoveId: line3.sourceMoveId,
      qty: layer.qty,
      value: layer.value,
      at: line3.at,
    });
  }
  writeValuation(tx, item.id, after);
  return after.value - state.value - line3.value;
}
var layerBatch = 32;
function readLayersCovering(db2, itemId, qty, sourceMoveId) {
  const statements2 = stockStatements(db2);
  const layers =
    sourceMoveId === void 0 ? [] : statements2.layerOfMove().all({ itemId, moveId: sourceMoveId });
  let covered = layers.reduce((sum, layer) => sum + layer.qtyRemaining, 0);
  let afterId = 0;
  while (covered < qty) {
    const batch = statements2.openLayers().all({ itemId, afterId, limit: layerBatch });
    for (const layer of batch) {
      afterId = layer.id;
      if (layer.sourceMoveId !== null && layer.sourceMoveId === sourceMoveId) continue;
      layers.push(layer);
      covered += layer.qtyRemaining;
    }
    if (batch.length < layerBatch) break;
  }
  return layers;
}
function fifoFallback(db2, itemId, state, layers) {
  if (state.qty < 0) return state;
  return layers.length === 0 ? lastKnownRate(db2, itemId) : void 0;
}
function lastKnownRate(db2, itemId) {
  const row = stockStatements(db2).lastMoveWithQty().get({ itemId });
  return row ? { qty: Math.abs(row.qty), value: Math.abs(row.value) } : void 0;
}

// src/domain/stock/moves.ts
function receiveStock(tx, ctx, line3) {
  const qty = requireQuantity(line3.qty);
  const item = requireItem(tx, line3.itemId);
  requireLocation(tx, line3.locationId);
  const lotKey = requireLotKey(tx, item.id, line3.lotId);
  const value =
    line3.value !== void 0
      ? requireMoney(line3.value, "value")
      : line3.unitCost !== void 0
        ? multiplyMoney(line3.unitCost, qty, "unitCost")
        : valueAtCurrentCost(tx, item.id, qty);
  const key = { itemId: item.id, locationId: line3.locationId, lotKey };
  const moveId = postMove(tx, ctx, { ...key, qty, value, reason: line3.reason ?? "receipt" });
  const revaluation = addReceiptValue(tx, item, { qty, value, sourceMoveId: moveId, at: ctx.at });
  if (revaluation !== 0) postMove(tx, ctx, { ...key, qty: 0, value: revaluation, reason: "revalue" });
  return { moveId, value };
}
function issueStock(tx, ctx, line3) {
  return issueCosted(tx, ctx, line3, void 0);
}
function issueCosted(tx, ctx, line3, origin) {
  const qty = requireQuantity(line3.qty);
  const item = requireItem(tx, line3.itemId);
  requireLocation(tx, line3.locationId);
  const key = {
    itemId: item.id,
    locationId: line3.locationId,
    lotKey: requireLotKey(tx, item.id, line3.lotId),
  };
  requireStockToTake(tx, item.sku, key, qty);
  const cost = takeIssueCost(tx, item, qty, origin);
  const moveId = postMove(tx, ctx, { ...key, qty: -qty, value: -cost, reason: line3.reason ?? "issue" });
  return { moveId, cost };
}

// src/domain/stock/adjust.ts
var ledgerReasons = {
  damaged: { out: "adjust_damaged" },
  lost: { out: "adjust_lost" },
  found: { in: "adjust_found" },
  count: { in: "adjust_count", out: "adjust_count" },
  other: { in: "adjust_other", out: "adjust_other" },
};
function checkAdjustment(input) {
  const delta = requireQuantityDelta(input.qtyDelta);
  const { in: inReason, out: outReason } = ledgerReasons[input.reason];
  if (delta < 0 && !outReason) {
    throw new JxcError("INVALID_QUANTITY", { input: String(delta), problem: "negative" }, "qtyDelta");
  }
  if (delta > 0 && !inReason) throw new JxcError("INVALID_INPUT", { input: String(delta) }, "qtyDelta");
  return delta;
}
function postAdjustment(tx, ctx, input) {
  const delta = checkAdjustment(input);
  const { in: inReason, out: outReason } = ledgerReasons[input.reason];
  const item = requireItem(tx, input.itemId);
  requireLocation(tx, input.locationId);
  const before = readLocationTotals(tx, item.id, input.locationId);
  const line3 = { itemId: item.id, locationId: input.locationId };
  const result =
    delta > 0
      ? receiveStock(tx, ctx, { ...line3, qty: delta, unitCost: input.unitCost, reason: inReason })
      : moveOut(issueStock(tx, ctx, { ...line3, qty: -delta, reason: outReason }));
  writeAudit(tx, {
    actor: input.userId,
    action: "stock.adjust",
    entity: "item",
    entityId: item.sku,
    before: { locationId: input.locationId, onHand: before.onHand },
    after: {
      locationId: input.locationId,
      onHand: before.onHand + delta,
      qtyDelta: delta,
      reason: input.reason,
      value: result.value,
      note: input.note ?? null,
    },
    at: ctx.at,
  });
  return result;
}
function moveOut(issued) {
  return { moveId: issued.moveId, value: -issued.cost };
}

// src/domain/stock/check.ts
import { sql as sql6 } from "drizzle-orm";

function checkBalances(db2) {
  const balanceDifferences = db2.all(sql6`
    select item_id as itemId, location_id as locationId, lot_key as lotKey,
      sum(ledger) as ledgerOnHand, sum(stored) as balanceOnHand
    from (
      select item_id, location_id, coalesce(lot_id, 0) as lot_key, qty as ledger, 0 as stored from stock_moves
      union all
      select item_id, location_id, lot_key, 0, on_hand from stock_balances
    )
    group by item_id, location_id, lot_key
    having sum(ledger) <> sum(stored)
    order by item_id, location_id, lot_key`);
  return { balanceDifferences, valuationDifferences: findValuationDifferences(db2) };
}
function findValuationDifferences(db2) {
  const rows = db2.all(sql6`
    select f.item_id as itemId, i.valuation = 'fifo' as fifo,
      sum(f.lq) as ledgerQty, sum(f.lv) as ledgerValue, sum(f.sq) as storedQty, sum(f.sv) as storedValue,
      sum(f.cq) as layerQty, sum(f.cv) as layerValue
    from (
      select item_id, qty as lq, value as lv, 0 as sq, 0 as sv, 0 as cq, 0 as cv from stock_moves
      union all select item_id, 0, 0, qty, value, 0, 0 from item_valuations
      union all select item_id, 0, 0, 0, 0, qty_remaining, value_remaining from cost_layers
    ) f join items i on i.id = f.item_id
    group by f.item_id
    order by f.item_id`);
  return rows.flatMap((row) => itemProblems(row));
}
function itemProblems(row) {
  const ledger = { itemId: row.itemId, ledgerQty: row.ledgerQty, ledgerValue: row.ledgerValue };
  const stored = { storedQty: row.storedQty, storedValue: row.storedValue };
  const problems3 = [];
  if (row.ledgerQty !== row.storedQty || row.ledgerValue !== row.storedValue) {
    problems3.push({ ...ledger, ...stored, problem: "valuation" });
  }
  const layersExpected =
    row.ledgerQty > 0 ? { qty: row.ledgerQty, value: row.ledgerValue } : { qty: 0, value: 0 };
  if (row.fifo && (row.layerQty !== layersExpected.qty || row.layerValue !== layersExpected.value)) {
    problems3.push({ ...ledger, storedQty: row.layerQty, storedValue: row.layerValue, problem: "layers" });
  }
  if (row.ledgerQty === 0 && row.ledgerValue !== 0)
    problems3.push({ ...ledger, ...stored, problem: "value_at_zero_stock" });
  if (row.ledgerQty > 0 && row.ledgerValue < 0)
    problems3.push({ ...ledger, ...stored, problem: "negative_value" });
  return problems3;
}

// src/domain/stock/place-names.ts
function placeName(db2, locationId) {
  const cache3 = placeCache(db2);
  if (!cache3.names.has(locationId)) cache3.reload();
  return cache3.names.get(locationId);
}
var placeCache = preparedPerDb((db2) => {
  const names = /* @__PURE__ */ new Map();
  const all = db2.$client.prepare(
    "select l.id, l.code, w.id, w.code from locations l join warehouses w on w.id = l.warehouse_id",
  );
  const reload = () => {
    for (const row of all.raw().all()) {
      const [locationId, locationCode, warehouseId, warehouseCode] = row;
      names.set(locationId, { warehouseId, warehouseCode, locationCode });
    }
  };
  return { names, reload };
});

// src/domain/stock/item-stock.ts
function getItemStock(db2, itemId) {
  const { valuation: readItemValuation, balances } = stockReads(db2);
  const valuation = readItemValuation.get(itemId);
  if (!valuation) throw new JxcError("UNKNOWN_ITEM", { query: String(itemId) }, "itemId");
  const qty = valuation[1] ?? 0;
  const value = valuation[2] ?? 0;
  const rows = balances.all(itemId);
  const located = rows
    .map(([locationId, onHand2, reserved2]) => {
      const place2 = placeName(db2, locationId);
      return {
        warehouseId: place2?.warehouseId ?? 0,
        warehouseCode: place2?.warehouseCode ?? "?",
        locationId,
        locationCode: place2?.locationCode ?? String(locationId),
        onHand: onHand2,
        reserved: reserved2,
        available: onHand2 - reserved2,
      };
    })
    .sort(
      (a, b) =>
        compareCodes(a.warehouseCode, b.warehouseCode) || compareCodes(a.locationCode, b.locationCode),
    );
  const onHand = located.reduce((sum, row) => sum + row.onHand, 0);
  const reserved = located.reduce((sum, row) => sum + row.reserved, 0);
  return {
    locations: located,
    onHand,
    reserved,
    available: onHand - reserved,
    value,
    averageUnitCost: qty > 0 ? prorateValue(value, 1, qty) : void 0,
  };
}
function availableByItem(db2, itemIds) {
  if (itemIds.length === 0) return /* @__PURE__ */ new Map();
  const rows = stockReads(db2).availableOfMany.all(JSON.stringify(itemIds));
  return new Map(rows.map(([id, available]) => [id, available ?? 0]));
}
var stockReads = preparedPerDb((db2) => ({
  valuation: db2.$client
    .prepare(
      "select i.id, v.qty, v.value from items i left join item_valuations v on v.item_id = i.id where i.id = ?",
    )
    .raw(),
  // The primary key (item_id, location_id, lot_key) serves this without a sort; lots fold into their bin.
  balances: db2.$client
    .prepare(
      `select location_id, sum(on_hand), sum(reserved) from stock_balances where item_id = ?
       group by location_id having sum(on_hand) <> 0 or sum(reserved) <> 0`,
    )
    .raw(),
  available: db2.$client
    .prepare("select sum(on_hand) - sum(reserved) from stock_balances where item_id = ?")
    .pluck(),
  availableOfMany: db2.$client
    .prepare(
      `select j.value, (select sum(on_hand) - sum(reserved) from stock_balances b where b.item_id = j.value)
       from json_each(?) j`,
    )
    .raw(),
}));
function compareCodes(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/domain/stock/opening.ts
import { and as and4, eq as eq6, isNull, max, ne as ne2, sql as sql7 } from "drizzle-orm";

function setOpeningStock(db2, clock, input) {
  const qty = requireBalanceQuantity(input.qty);
  const target = { qty, value: multiplyMoney(input.unitCost, qty, "unitCost") };
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.locationId);
      const existing = sumOpening(tx, item.id, input.locationId);
      if (existing.qty === target.qty && existing.value === target.value) return { changed: false };
      const ctx = startBatch(clock, input.userId);
      const diff = { qty: target.qty - existing.qty, value: target.value - existing.value };
      if (hasOnlyOpeningMoves(tx, item.id)) rebuildFromOpenings(tx, ctx, item, input.locationId, diff);
      else postOpeningAfterTrading(tx, ctx, item, input.locationId, { diff, unitCost: input.unitCost });
      writeAudit(tx, {
        actor: input.userId,
        action: "stock.opening",
        entity: "item",
        entityId: item.sku,
        before: { locationId: input.locationId, ...existing },
        after: { locationId: input.locationId, ...target },
        at: ctx.at,
      });
      return { changed: true };
    },
    { behavior: "immediate" },
  );
}
function sumOpening(tx, itemId, locationId) {
  const row = tx
    .select({
      qty: sql7`coalesce(sum(${stockMoves.qty}), 0)`.mapWith(Number),
      value: sql7`coalesce(sum(${stockMoves.value}), 0)`.mapWith(Number),
    })
    .from(stockMoves)
    .where(
      and4(
        eq6(stockMoves.itemId, itemId),
        eq6(stockMoves.locationId, locationId),
        eq6(stockMoves.reason, "opening"),
        isNull(stockMoves.lotId),
      ),
    )
    .get();
  return { qty: row?.qty ?? 0, value: row?.value ?? 0 };
}
function hasOnlyOpeningMoves(tx, itemId) {
  const other = tx
    .select({ id: stockMoves.id })
    .from(stockMoves)
    .where(and4(eq6(stockMoves.itemId, itemId), ne2(stockMoves.reason, "opening")))
    .limit(1)
    .get();
  return other === void 0;
}
function rebuildFromOpenings(tx, ctx, item, locationId, diff) {
  postMove(tx, ctx, {
    itemId: item.id,
    locationId,
    lotKey: 0,
    qty: diff.qty,
    value: diff.value,
    reason: "opening",
  });
  const state = readValuation(tx, item.id);
  writeValuation(tx, item.id, { qty: state.qty + diff.qty, value: state.value + diff.value });
  if (item.valuation !== "fifo") return;
  tx.delete(costLayers).where(eq6(costLayers.itemId, item.id)).run();
  const perLocation = tx
    .select({
      qty: sql7`sum(${stockMoves.qty})`.mapWith(Number),
      value: sql7`sum(${stockMoves.value})`.mapWith(Number),
      sourceMoveId: max(stockMoves.id),
    })
    .from(stockMoves)
    .where(eq6(stockMoves.itemId, item.id))
    .groupBy(stockMoves.locationId)
    .having(sql7`sum(${stockMoves.qty}) > 0`)
    .orderBy(stockMoves.locationId)
    .all();
  for (const layer of perLocation) {
    tx.insert(costLayers)
      .values({
        itemId: item.id,
        sourceMoveId: layer.sourceMoveId,
        qtyRemaining: layer.qty,
        valueRemaining: layer.value,
        at: ctx.at,
      })
      .run();
  }
}
function postOpeningAfterTrading(tx, ctx, item, locationId, change) {
  const { diff } = change;
  const key = { itemId: item.id, locationId, lotKey: 0 };
  if (diff.qty < 0) requireStockToTake(tx, item.sku, key, -diff.qty);
  const cost = diff.qty < 0 ? takeIssueCost(tx, item, -diff.qty) : 0;
  const moveId = postMove(tx, ctx, { ...key, qty: diff.qty, value: diff.value, reason: "opening" });
  let effect = -cost;
  if (diff.qty > 0) {
    const value = multiplyMoney(change.unitCost, diff.qty, "unitCost");
    effect = value + addReceiptValue(tx, item, { qty: diff.qty, value, sourceMoveId: moveId, at: ctx.at });
  }
  if (effect !== diff.value)
    postMove(tx, ctx, { ...key, qty: 0, value: effect - diff.value, reason: "revalue" });
}

// src/domain/stock/transfer.ts
function transferStock(db2, clock, input) {
  const qty = requireQuantity(input.qty);
  if (input.fromLocationId === input.toLocationId) {
    throw new JxcError("INVALID_INPUT", { input: String(input.toLocationId) }, "toLocationId");
  }
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.fromLocationId, "fromLocationId");
      requireLocation(tx, input.toLocationId, "toLocationId");
      const lotKey = requireLotKey(tx, item.id, input.lotId);
      const from = { itemId: item.id, locationId: input.fromLocationId, lotKey };
      const to = { itemId: item.id, locationId: input.toLocationId, lotKey };
      requireStockToTake(tx, item.sku, from, qty);
      const before = { from: readOnHand(tx, from), to: readOnHand(tx, to) };
      const value = quoteIssueCost(tx, item, qty);
      const ctx = startBatch(clock, input.userId);
      postMove(tx, ctx, { ...from, qty: -qty, value: -value, reason: "transfer_out" });
      postMove(tx, ctx, { ...to, qty, value, reason: "transfer_in" });
      writeAudit(tx, {
        actor: input.userId,
        action: "stock.transfer",
        entity: "item",
        entityId: item.sku,
        before: { fromLocationId: from.locationId, toLocationId: to.locationId, ...before },
        after: {
          fromLocationId: from.locationId,
          toLocationId: to.locationId,
          from: before.from - qty,
          to: before.to + qty,
          qty,
          value,
          lotId: input.lotId ?? null,
        },
        at: ctx.at,
      });
      return { value };
    },
    { behavior: "immediate" },
  );
}

// src/domain/adjustments/post.ts
import { randomUUID as randomUUID2 } from "node:crypto";
import { and as and5, eq as eq7 } from "drizzle-orm";

var adjustReasons = ["damaged", "lost", "found", "count", "other"];
function isAdjustReason(value) {
  return adjustReasons.includes(value);
}
function postAdjustmentDocument(tx, input) {
  const adjustment = tx
    .select()
    .from(stockAdjustments)
    .where(and5(eq7(stockAdjustments.id, input.docId), eq7(stockAdjustments.status, "pending")))
    .get();
  if (!adjustment || !isAdjustReason(adjustment.reason)) throw new JxcError("STALE_ACTION");
  const ctx = {
    userId: adjustment.requestedBy,
    at: input.at,
    batchId: randomUUID2(),
    docType: "stock_adjustment",
    docId: adjustment.id,
    ...(adjustment.note ? { note: adjustment.note } : {}),
  };
  const { moveId, value } = postAdjustment(tx, ctx, {
    itemId: adjustment.itemId,
    locationId: adjustment.locationId,
    qtyDelta: adjustment.qtyDelta,
    reason: adjustment.reason,
    userId: adjustment.requestedBy,
    ...(adjustment.note ? { note: adjustment.note } : {}),
  });
  tx.update(stockAdjustments)
    .set({ status: "posted", postedAt: input.at, moveId })
    .where(eq7(stockAdjustments.id, adjustment.id))
    .run();
  emitEvent(
    tx,
    {
      type: "adjustment.posted",
      actor: input.actor,
      docType: "stock_adjustment",
      docId: adjustment.id,
      payload: { number: adjustment.number, value },
    },
    input.at,
  );
}

// src/domain/adjustments/read-adjustment.ts
import { eq as eq8 } from "drizzle-orm";

function readAdjustment(db2, id) {
  return db2
    .select({
      number: stockAdjustments.number,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      warehouse: warehouses.code,
      bin: locations.code,
      qtyDelta: stockAdjustments.qtyDelta,
      reason: stockAdjustments.reason,
      note: stockAdjustments.note,
      estimatedValue: stockAdjustments.estimatedValue,
      status: stockAdjustments.status,
      requestedBy: stockAdjustments.requestedBy,
    })
    .from(stockAdjustments)
    .innerJoin(items, eq8(items.id, stockAdjustments.itemId))
    .innerJoin(locations, eq8(locations.id, stockAdjustments.locationId))
    .innerJoin(warehouses, eq8(warehouses.id, locations.warehouseId))
    .where(eq8(stockAdjustments.id, id))
    .get();
}

// src/domain/adjustments/request-adjustment.ts
var maxNoteLength = 500;
function requestAdjustment(db2, clock, input) {
  const delta = checkAdjustment(input);
  const note = input.note?.trim() || void 0;
  if (note && note.length > maxNoteLength)
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "note");
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const at2 = clock.now();
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.locationId);
      const onHand = readLocationTotals(tx, item.id, input.locationId).onHand;
      if (delta < 0 && onHand < -delta && !allowsNegativeStock(tx)) {
        throw new JxcError(
          "INSUFFICIENT_STOCK",
          { sku: item.sku, available: onHand, requested: -delta },
          "qty",
        );
      }
      const estimatedValue =
        delta < 0 ? -quoteIssueCost(tx, item, -delta) : valueAtCurrentCost(tx, item.id, delta);
      const number2 = nextDocumentNumber(tx, "stock_adjustment");
      const row = tx
        .insert(stockAdjustments)
        .values({
          number: number2,
          itemId: item.id,
          locationId: input.locationId,
          qtyDelta: delta,
          reason: input.reason,
          note: note ?? null,
          estimatedValue,
          status: "pending",
          requestedBy: input.userId,
          createdAt: at2,
        })
        .returning({ id: stockAdjustments.id })
        .get();
      writeAudit(tx, {
        actor: input.userId,
        action: "adjustment.create",
        entity: "stock_adjustment",
        entityId: number2,
        after: {
          sku: item.sku,
          locationId: input.locationId,
          qtyDelta: delta,
          reason: input.reason,
          estimatedValue,
        },
        at: at2,
      });
      const approval = requestApproval(tx, at2, {
        docType: "stock_adjustment",
        docId: row.id,
        docNumber: number2,
        amount: estimatedValue,
        requestedBy: input.userId,
        summary: { ...readAdjustment(tx, row.id) },
      });
      if (!approval) postAdjustmentDocument(tx, { docId: row.id, at: at2, actor: input.userId });
      return {
        id: row.id,
        number: number2,
        estimatedValue,
        status: approval ? "pending" : "posted",
        approverRoles: approval?.roles ?? [],
      };
    },
    { behavior: "immediate" },
  );
}

// src/domain/money.ts
var maxMoneyMinor = 1e12;
var plainNumber = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$|^\.(\d+)$/;
var scientific = /^(\d+)(?:\.(\d*))?e([+-]?\d{1,3})$/;
function parseExactDecimal(text14) {
  const input = text14.trim();
  if (/^\d{1,15}$/.test(input)) return { ok: true, value: { digits: BigInt(input), scale: 0 } };
  const simple = /^(\d{1,12})\.(\d{1,6})$/.exec(input);
  if (simple) {
    const [, whole = "", fraction = ""] = simple;
    return { ok: true, value: { digits: BigInt(whole + fraction), scale: fraction.length } };
  }
  if (input === "") return { ok: false, problem: "empty" };
  if (/^[-−(]/.test(input) && /\d/.test(input)) return { ok: false, problem: "negative" };
  const body = input.startsWith("+") ? input.slice(1) : input;
  const plain = plainNumber.exec(body);
  if (plain) {
    const [whole = "", fraction = ""] = body.replaceAll(",", "").split(".");
    return { ok: true, value: { digits: BigInt(`${whole}${fraction}` || "0"), scale: fraction.length } };
  }
  const sci = scientific.exec(body.toLowerCase());
  if (sci) {
    const [, whole = "", fraction = "", exponent = "0"] = sci;
    const scale = fraction.length - Number(exponent);
    const digits = BigInt(`${whole}${fraction}`);
    if (scale >= 0) return { ok: true, value: { digits, scale } };
    return { ok: true, value: { digits: digits * 10n ** BigInt(-scale), scale: 0 } };
  }
  return { ok: false, problem: "not_a_number" };
}
function rescaleDecimal(value, scale) {
  if (value.scale <= scale) return value.digits * 10n ** BigInt(scale - value.scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  return value.digits % divisor === 0n ? value.digits / divisor : void 0;
}
var currencyMarks = /^(?:[¥$€£]|cny|rmb|usd|eur)\s*|\s*(?:元|块|圆|cny|rmb)$/gi;
function parseMoney(input, currencyDecimals2) {
  const text14 = input.normalize("NFKC").trim().replace(currencyMarks, "");
  const reading = parseExactDecimal(text14);
  if (!reading.ok) throw new JxcError("INVALID_MONEY", { input, problem: reading.problem });
  const minor = rescaleDecimal(reading.value, currencyDecimals2);
  if (minor === void 0) throw new JxcError("INVALID_MONEY", { input, problem: "too_many_decimals" });
  if (minor > BigInt(maxMoneyMinor)) throw new JxcError("INVALID_MONEY", { input, problem: "too_large" });
  return Number(minor);
}
function currencyDecimals(code) {
  let decimals = decimalsByCurrency.get(code);
  if (decimals === void 0) {
    decimals = currencyFormatter("en", code).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(code, decimals);
  }
  return decimals;
}
var decimalsByCurrency = /* @__PURE__ */ new Map();
var formatters = /* @__PURE__ */ new Map();
function currencyFormatter(locale, currency) {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}
function formatMoneyPlain(minor, decimals) {
  const negative = minor < 0;
  const digits = Math.round(Math.abs(minor))
    .toString()
    .padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}`;
}
function formatMoney(minor, currency, locale) {
  const plain = formatMoneyPlain(minor, currencyDecimals(currency));
  return currencyFormatter(locale, currency).format(plain);
}

// src/domain/permissions.ts
var rules = {
  "roles.view": "anyRole",
  "roles.manage": ["admin"],
  "stock.view": "anyRole",
  "stock.viewCost": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_supervisor",
    "sales_manager",
    "accountant",
    "finance_supervisor",
  ],
  "stock.check": ["admin", "warehouse_supervisor", "finance_supervisor"],
  "catalogue.import": ["admin"],
  "stock.adjust": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "stock.move": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "approvals.view": "anyRole",
  "approvals.policy": ["admin"],
  // Where notices go is no secret: anyone with a role may look; only admins change it.
  "channels.view": "anyRole",
  "channels.manage": ["admin"],
  "routing.view": "anyRole",
  "routing.manage": ["admin"],
  "outbox.manage": ["admin"],
  // Purchasing: clerks write POs and send approved ones; managers hold, resume, close and cancel.
  "po.view": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_keeper",
    "warehouse_supervisor",
    "accountant",
    "finance_supervisor",
  ],
  "po.create": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.plan": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.send": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.manage": ["admin", "purchasing_manager"],
  "po.receive": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  // Rejected goods: purchasing settles them with the supplier (return, replace, accept anyway).
  "po.rejects": ["admin", "purchasing_clerk", "purchasing_manager"],
  "supplier.view": "anyRole",
  "supplier.edit": ["admin", "purchasing_clerk", "purchasing_manager"],
  "supplier.archive": ["admin", "purchasing_manager"],
  "budget.manage": ["admin", "finance_supervisor"],
  // Stocktakes: keepers start, count and finish them; cancelling someone else's needs a supervisor.
  "stock.count": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "stock.countCancelAny": ["admin", "warehouse_supervisor"],
};
function rolesAllowed(permission) {
  const rule = rules[permission];
  return rule === "anyRole" ? roles : rule;
}
function can(held, permission) {
  return rolesAllowed(permission).some((role) => held.has(role));
}
function requirePermission(db2, userId, permission) {
  const held = rolesOf(db2, userId);
  if (!can(held, permission)) {
    const allowed = rules[permission];
    throw new JxcError("NOT_ALLOWED", { roles: allowed === "anyRole" ? "any" : allowed.join(",") });
  }
  return held;
}

// src/domain/routing/departments.ts
import { asc as asc3, eq as eq9 } from "drizzle-orm";

var departments = ["purchasing", "warehouse", "sales", "finance"];
function isDepartment(value) {
  return departments.includes(value);
}
function getDepartmentChannel(db2, department) {
  return db2
    .select({ channelId: departmentChannels.channelId })
    .from(departmentChannels)
    .where(eq9(departmentChannels.department, department))
    .get()?.channelId;
}
function listDepartmentChannels(db2) {
  const rows = db2.select().from(departmentChannels).orderBy(asc3(departmentChannels.department)).all();
  return departments.map((department) => {
    const row = rows.find((r) => r.department === department);
    return row
      ? { department, channelId: row.channelId, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
      : { department, channelId: void 0 };
  });
}
function setDepartmentChannel(db2, clock, change) {
  requirePermission(db2, change.actor, "channels.manage");
  return db2.transaction((tx) => {
    const previous = tx
      .select({ channelId: departmentChannels.channelId })
      .from(departmentChannels)
      .where(eq9(departmentChannels.department, change.department))
      .get()?.channelId;
    if (previous === change.channelId) return { changed: false, previous };
    const at2 = clock.now();
    tx.insert(departmentChannels)
      .values({
        department: change.department,
        channelId: change.channelId,
        updatedBy: change.actor,
        updatedAt: at2,
      })
      .onConflictDoUpdate({
        target: departmentChannels.department,
        set: { channelId: change.channelId, updatedBy: change.actor, updatedAt: at2 },
      })
      .run();
    writeAudit(tx, {
      actor: change.actor,
      action: "department_channel.set",
      entity: "department",
      entityId: change.department,
      before: previous === void 0 ? null : { channelId: previous },
      after: { channelId: change.channelId },
      at: at2,
    });
    return { changed: true, previous };
  });
}

// src/i18n/en-admin.ts
var enAdmin = {
  channels: {
    title: "Department channels",
    notSet: "_not set_",
    line: (p2) => `*${p2.department}* \`${p2.code}\` \u2014 ${p2.channel}`,
    usage:
      "Admins set one with `/jxc channel <department> #channel`, e.g. `/jxc channel warehouse #warehouse`.",
    set: (p2) => `Done \u2014 ${p2.department} notices now go to <#${p2.channel}>.`,
    unchanged: (p2) => `<#${p2.channel}> already is the ${p2.department} channel; nothing changed.`,
    invite: (p2) =>
      `:warning: jxc is not a member of <#${p2.channel}>, so it cannot post there yet. Open <#${p2.channel}> and type \`/invite @jxc\`.`,
    uncheckable: (p2) =>
      `Slack did not say whether jxc is in <#${p2.channel}>. If it is not, type \`/invite @jxc\` in that channel.`,
  },
  routes: {
    title: "Who hears of what",
    heading: (p2) => `*\`${p2.eventType}\`* \u2014 ${p2.about} (${p2.state})`,
    default: "default",
    custom: "set by an admin",
    nobody: "_nobody_",
    owner: "the requester, by DM",
    role: (p2) => `every ${p2.role}, by DM`,
    channel: (p2) => `the ${p2.department} channel <#${p2.channel}>`,
    channelNotSet: (p2) => `the ${p2.department} channel (not set yet: \`/jxc channel ${p2.code} #channel\`)`,
    added: (p2) => `Done \u2014 \`${p2.target}\` now hears of \`${p2.eventType}\`.`,
    alreadyThere: (p2) => `\`${p2.target}\` already hears of \`${p2.eventType}\`; nothing changed.`,
    removed: (p2) => `Done \u2014 \`${p2.target}\` no longer hears of \`${p2.eventType}\`.`,
    notThere: (p2) => `\`${p2.target}\` did not hear of \`${p2.eventType}\`; nothing changed.`,
    reset: (p2) => `Done \u2014 \`${p2.eventType}\` is back to the default.`,
    alreadyDefault: (p2) => `\`${p2.eventType}\` already uses the default; nothing changed.`,
    usage:
      "Admins: `/jxc route <event-type> add|remove <target>` or `/jxc route <event-type> reset`. Targets: `owner`, `role:<role>`, `channel:<department>`.",
  },
  outbox: {
    title: "Outbox",
    statuses: {
      pending: "waiting",
      sending: "sending",
      delivered: "delivered",
      failed: "failed",
      skipped: "skipped",
    },
    kinds: { post: "message", update: "update", home: "Home tab" },
    unplanned: (p2) => `:hourglass: ${p2.count} events waiting to be turned into messages (oldest ${p2.age})`,
    oldestWaiting: (p2) => `Oldest message waiting: ${p2.age}`,
    nothingWaiting: "Nothing is waiting to be sent.",
    failures: "Recent failures",
    noFailures: "No failed messages.",
    failure: (p2) => `*#${p2.id}* ${p2.kind} \u2192 ${p2.target} \xB7 \`${p2.template}\`
:x: \`${p2.error}\` \xB7 ${p2.attempts} attempts \xB7 ${p2.age} ago`,
    homeOf: (p2) => `Home tab of <@${p2.user}>`,
    retry: "Retry",
    retried: (p2) => `Message #${p2.id} is queued again.`,
    notInChannel: (p2) =>
      `:warning: I could not post in <#${p2.channel}> because I am not a member of that channel. Please type \`/invite @jxc\` in <#${p2.channel}>, then retry the failed messages with \`/jxc outbox\`.`,
    age: {
      seconds: (p2) => `${p2.n} s`,
      minutes: (p2) => `${p2.n} min`,
      hours: (p2) => `${p2.n} h`,
      days: (p2) => `${p2.n} d`,
    },
  },
};

// src/i18n/en-approvals.ts
var enApprovals = {
  approvals: {
    neededTitle: (p2) => `Approval needed \xB7 ${p2.number}`,
    reminderTitle: (p2) => `Reminder: approval needed \xB7 ${p2.number}`,
    approvedTitle: (p2) => `Approved \xB7 ${p2.number}`,
    rejectedTitle: (p2) => `Rejected \xB7 ${p2.number}`,
    cancelledTitle: (p2) => `Withdrawn \xB7 ${p2.number}`,
    waitingTitle: (p2) => `Waiting for the next approver \xB7 ${p2.number}`,
    requestedBy: "Requested by",
    amount: "Amount",
    requestedAt: "Requested",
    tier: (p2) => `Tier ${p2.tier} of ${p2.of} \xB7 ${p2.role}`,
    stepWaiting: (p2) => `:hourglass: Tier ${p2.tier} \xB7 ${p2.role} \u2014 waiting`,
    stepPending: (p2) => `:eyes: Tier ${p2.tier} \xB7 ${p2.role} \u2014 deciding now`,
    stepApproved: (p2) =>
      `:white_check_mark: Tier ${p2.tier} \xB7 ${p2.role} \u2014 approved by ${p2.by} ${p2.when}`,
    stepRejected: (p2) =>
      `:x: Tier ${p2.tier} \xB7 ${p2.role} \u2014 rejected by ${p2.by} ${p2.when}: \u201C${p2.reason}\u201D`,
    stepCancelled: (p2) => `:heavy_minus_sign: Tier ${p2.tier} \xB7 ${p2.role} \u2014 not needed`,
    onBehalfOf: (p2) => ` (for <@${p2.user}>)`,
    escalated: "escalated",
    approve: "Approve",
    reject: "Reject",
    rejectTitle: "Reject",
    rejectSubmit: "Reject",
    rejectCancel: "Back",
    rejectIntro: (p2) => `Why are you rejecting *${p2.number}*? The requester will read this.`,
    reasonLabel: "Reason",
    reasonHint: "e.g. count again first; price too high",
    youApproved: (p2) =>
      `:white_check_mark: You approved *${p2.number}*${p2.next ? `; it now waits for ${p2.next}` : ""}.`,
    youRejected: (p2) => `:x: You rejected *${p2.number}*.`,
    listTitle: "Waiting for your approval",
    listEmpty: ":tada: Nothing is waiting for your approval.",
    listMore: (p2) => `\u2026and ${p2.count} more; decide these first.`,
    mineTitle: "Your requests still waiting",
    toRequesterApproved: (p2) => `:white_check_mark: *${p2.number}* was approved by ${p2.by}.`,
    toRequesterStep: (p2) =>
      `:white_check_mark: *${p2.number}* was approved by ${p2.by}; it now waits for ${p2.next}.`,
    toRequesterRejected: (p2) => `:x: *${p2.number}* was rejected by ${p2.by}: \u201C${p2.reason}\u201D`,
    toRequesterEscalated: (p2) => `:arrow_up: *${p2.number}* waited too long and now goes to ${p2.role}.`,
    threadRequested: (p2) => `${p2.by} asked for approval of *${p2.number}* by ${p2.roles}.`,
    threadCancelled: (p2) => `Withdrawn by ${p2.by}.`,
  },
  adjust: {
    usage:
      "Usage: `/adjust <sku> <\xB1qty> <warehouse>/<bin> <reason> [note]`, e.g. `/adjust SKU-1 -5 MAIN/A-01 damaged dropped by forklift`. Reasons: damaged, lost, found, count, other (\u635F\u574F \u4E22\u5931 \u76D8\u76C8 \u76D8\u70B9 \u5176\u4ED6).",
    reasons: { damaged: "damaged", lost: "lost", found: "found", count: "count correction", other: "other" },
    posted: (p2) =>
      `:white_check_mark: *${p2.number}* posted: ${p2.qty} ${p2.sku} at ${p2.place} (${p2.reason}), value ${p2.value}.`,
    pending: (p2) =>
      `:hourglass: *${p2.number}* (${p2.qty} ${p2.sku} at ${p2.place}, value ${p2.value}) needs approval by ${p2.roles}. Nothing moves until then; you will be told.`,
    cancel: "Withdraw",
    cancelled: (p2) => `*${p2.number}* was withdrawn; nothing was moved.`,
    badPlace: (p2) =>
      `\`${p2.input}\` is not a place: write it as \`<warehouse>/<bin>\`, e.g. \`MAIN/A-01\`.`,
    unknownReason: (p2) => `\`${p2.input}\` is not a reason. Use damaged, lost, found, count or other.`,
    docTitle: (p2) => `Stock adjustment ${p2.number}`,
    docLine: (p2) => `*${p2.qty}* ${p2.sku} ${p2.name} at ${p2.place} \xB7 ${p2.reason}`,
    status: {
      pending: ":hourglass: waiting for approval",
      posted: ":white_check_mark: posted",
      rejected: ":x: rejected",
      cancelled: ":heavy_minus_sign: withdrawn",
    },
    threadPosted: (p2) => `:package: Posted to the stock ledger, value ${p2.value}.`,
  },
  policy: {
    title: "Approval policies",
    docTypes: {
      purchase_order: "Purchase orders",
      stock_adjustment: "Stock adjustments",
      payment: "Payments",
      stocktake: "Stocktakes (per line variance)",
      goods_receipt: "Goods receipts over the tolerance",
    },
    tierLine: (p2) => `Tier ${p2.tier}: from ${p2.from} \u2192 ${p2.role}`,
    timers: (p2) =>
      `Reminder after ${p2.remind} h without a decision; escalation to the next role up after ${p2.escalate} h.`,
    edit: "Edit",
    editTimers: "Edit waits",
    modalTitle: "Approval policy",
    save: "Save",
    cancel: "Cancel",
    amountLabel: (p2) => `Tier ${p2.tier}: from amount (${p2.currency})`,
    roleLabel: (p2) => `Tier ${p2.tier}: approver role`,
    amountHint: "Leave both empty for no such tier.",
    remindLabel: "Reminder after (hours)",
    escalateLabel: "Escalate after (hours)",
  },
  delegate: {
    usage:
      "Usage: `/jxc delegate @user <dates>` (e.g. `next week`, `2026-12-01 to 2026-12-10`, `\u4E0B\u5468\u4E00\u81F3\u4E0B\u5468\u4E94`), `/jxc delegate end <id>`, or `/jxc delegate` to list.",
    none: "You have no stand-ins, and stand for nobody.",
    givenLine: (p2) => `#${p2.id} \xB7 <@${p2.delegate}> decides your approvals ${p2.from} \u2013 ${p2.to}`,
    receivedLine: (p2) =>
      `#${p2.id} \xB7 you decide <@${p2.approver}>'s approvals ${p2.from} \u2013 ${p2.to}`,
    done: (p2) =>
      `:white_check_mark: <@${p2.delegate}> will decide your approvals ${p2.from} \u2013 ${p2.to} (#${p2.id}; end early with \`/jxc delegate end ${p2.id}\`).`,
    ended: (p2) => `Delegation #${p2.id} has ended.`,
  },
  home: {
    title: "jxc \u2014 your work",
    waitingOn: (p2) => `*${p2.number}* \xB7 waiting for ${p2.role}`,
    refresh: "Refresh",
  },
  move: {
    usage:
      "Usage: `/move <sku> <qty> <warehouse>/<bin> to <bin>`, e.g. `/move BOLT-M6 20 MAIN/A-01 to B-02` (same warehouse) or `\u2026 to EAST/C-01`.",
    badFrom: (p2) => `\`${p2.input}\` is not a place: write it as \`<warehouse>/<bin>\`, e.g. \`MAIN/A-01\`.`,
    moved: (p2) => `:white_check_mark: Moved ${p2.qty} ${p2.sku} from ${p2.from} to ${p2.to}.`,
  },
};

// src/i18n/en-count.ts
var lines = (n3) => `${n3.toLocaleString("en")} ${n3 === 1 ? "line" : "lines"}`;
var statusWords = {
  counting: "being counted",
  pending_approval: "waiting for approval",
  posted: "posted",
  rejected: "closed (its large variances were rejected)",
  cancelled: "cancelled",
};
var enCountErrors = {
  UNKNOWN_ZONE: (p2) =>
    p2.known
      ? `No zone \`${p2.zone}\` in warehouse ${p2.warehouse}. Zones: ${p2.known}.`
      : `Warehouse ${p2.warehouse} has no zones yet (a bin's zone is set with \`/jxc import bins\`).`,
  NOTHING_TO_COUNT: (p2) => `There is no stock to count in ${p2.what}; nothing was started.`,
  COUNT_OVERLAP: (p2) =>
    `${p2.number} is still open and already counts ${p2.sku} at ${p2.place}: finish or cancel it first, or count something else. Nothing was started.`,
  STOCKTAKE_CLOSED: (p2) =>
    `${p2.number} is ${statusWords[p2.status] ?? p2.status} now, so it cannot be counted, finished or cancelled; nothing was changed.`,
  UNCOUNTED_LINES: (p2) =>
    `${p2.uncounted} of ${lines(Number(p2.total))} of ${p2.number} are not counted yet.`,
  OUTSIDE_COUNT: (p2) =>
    `${p2.sku} at ${p2.place} is outside ${p2.number}, which counts ${p2.kind === "zone" ? "zone" : p2.kind === "bins" ? "bins" : "items"} ${p2.label} only: count it in a count of its own.`,
  NOTHING_COUNTED: (p2) =>
    `Nothing on ${p2.number} has been counted yet: count it with \`/count ${p2.number}\`, or cancel it with \`/count ${p2.number} cancel\`.`,
};
var enCountEvents = {
  "stocktake.started": "a stocktake was started",
  "stocktake.counted": "lines of a stocktake were counted",
  "stocktake.finished": "a stocktake was finished, with its variance report",
  "stocktake.posted": "a stocktake's approved variances were posted",
  "stocktake.cancelled": "a stocktake was cancelled",
};
var enCount = {
  count: {
    usage:
      "Usage: `/count` lists open counts \xB7 `/count start MAIN` (a whole warehouse), `/count start MAIN zone A`, `/count start MAIN/A-01 A-02` (bins) or `/count start MAIN SCR-M3-10 NUT-M4` (items) \xB7 `/count CNT-000001 [<bin>]` to count \xB7 `/count CNT-000001 found <sku> <qty> <bin>` for stock that is not on the sheet \xB7 `/count CNT-000001 finish` \xB7 `/count CNT-000001 cancel`.",
    oneWarehouse: "A count covers one warehouse: name bins of the same warehouse, e.g. `MAIN/A-01 A-02`.",
    mixed: (p2) => `\`${p2.input}\` does not fit: list either bins or items after the warehouse, not both.`,
    neither: (p2) => `\`${p2.input}\` is neither an item nor a bin of ${p2.warehouse}.`,
    noSuchBin: (p2) => `${p2.number} has no line in bin \`${p2.bin}\`.`,
    started: (p2) =>
      `:clipboard: *${p2.number}* started: ${lines(p2.lines)} to count in ${p2.scope}. The system quantities are hidden until it is finished. Count with \`/count ${p2.number}\` or the button below.`,
    countNow: "Count now",
    count: "Count",
    finish: "Finish",
    finishAnyway: "Finish anyway",
    cancel: "Cancel count",
    cancelled: (p2) => `*${p2.number}* was cancelled; nothing was posted.`,
    foundCounted: (p2) =>
      `:mag: Counted ${p2.qty} ${p2.sku} at ${p2.place} on *${p2.number}* (line ${p2.lineNo}${p2.added ? ", new on the sheet" : ""}) \xB7 ${p2.counted} of ${lines(p2.total)} counted.`,
    uncountedConfirm: (p2) =>
      `${p2.uncounted} of ${lines(p2.total)} of *${p2.number}* are not counted yet (the first in bin ${p2.bin}). Finishing now leaves them as they are: no adjustment, and they do not count towards accuracy. Count them with \`/count ${p2.number} ${p2.bin}\`, or finish anyway.`,
    noneOpen: "No counts are open. Start one with `/count start <warehouse>`.",
    openTitle: "Open counts",
    openLine: (p2) =>
      `*${p2.number}* \xB7 ${p2.scope} \xB7 ${p2.progress} \xB7 ${p2.status} \xB7 started by ${p2.by}`,
    progress: (p2) => `${p2.counted} of ${lines(p2.total)} counted`,
    scope: {
      warehouse: (p2) => `${p2.warehouse} (whole warehouse)`,
      zone: (p2) => `${p2.warehouse} zone ${p2.label}`,
      bins: (p2) => `${p2.warehouse} bins ${p2.label}`,
      items: (p2) => `${p2.warehouse} \xB7 items ${p2.label}`,
    },
    status: {
      counting: ":mag: counting",
      pending_approval: ":hourglass: waiting for approval",
      posted: ":white_check_mark: posted",
      rejected: ":x: large variances rejected, not posted",
      cancelled: ":heavy_minus_sign: cancelled",
    },
    posting: {
      none: "no difference",
      posted: "posted",
      pending: "waits for approval",
      rejected: "rejected, not posted",
    },
    sheet: {
      title: (p2) => `Count ${p2.number}`,
      saveNext: "Save & next",
      save: "Save",
      close: "Close",
      intro: (p2) => `*${p2.number}* \xB7 ${p2.scope}
Lines ${p2.from}\u2013${p2.to} of ${p2.total} \xB7 ${p2.counted} counted so far.
Count what is in each bin and type it in any of the item's units (\`12\`, \`3 box\`); \`0\` when there is none; leave a line empty if you have not counted it. *Save* keeps this page and shows the next. Found something that is not listed? \`/count ${p2.number} found <sku> <qty> <bin>\`.`,
      saved: (p2) => `:floppy_disk: Saved ${lines(p2.changed)} \xB7 ${p2.counted} of ${p2.total} counted.`,
      unitsHint: (p2) => `in ${p2.units}`,
      doneTitle: "Count saved",
      done: (p2) =>
        `:white_check_mark: Saved. ${p2.counted} of ${lines(p2.total)} of *${p2.number}* are counted.`,
      missing: (p2) =>
        `${lines(p2.uncounted)} not counted yet, the first in bin ${p2.bin}: \`/count ${p2.number} ${p2.bin}\` opens it.`,
      finishHint: (p2) =>
        `When everything is counted, finish with \`/count ${p2.number} finish\` (or *Finish* on the count in the warehouse channel).`,
    },
    report: {
      title: (p2) => `${p2.number} \xB7 variance report`,
      scopeLine: (p2) => `${p2.scope} \xB7 ${p2.status} \xB7 finished by ${p2.by}`,
      counted: "Counted",
      countedValue: (p2) => `${p2.counted} of ${lines(p2.total)}`,
      exact: "Exact",
      exactValue: (p2) => `${lines(p2.exact)} (${p2.pct})`,
      valueAccuracy: "Value accuracy",
      expectedValue: "Expected value",
      variance: "Variance",
      varianceValue: (p2) => `${p2.net} (gross ${p2.gross})`,
      posted: "Posted to the ledger",
      waiting: "Waiting for approval",
      rejected: "Rejected, not posted",
      uncounted: "Not counted",
      uncountedValue: (p2) => `${lines(p2.lines)}, not adjusted`,
      linesValue: (p2) => `${lines(p2.lines)} \xB7 ${p2.value}`,
      line: (p2) =>
        `\`${p2.bin}\` ${p2.sku} ${p2.name}: expected ${p2.expected}${p2.moved ? ` (snapshot ${p2.snapshot}, moved ${p2.moved} during the count)` : ""} \xB7 counted ${p2.counted} \xB7 *${p2.variance}* \xB7 ${p2.value} \xB7 ${p2.posting}`,
      noVariance: ":tada: Every counted line matched.",
      more: (p2) => `\u2026and ${lines(p2.count)} more with a difference.`,
      cancelledBy: (p2) => `*${p2.number}* was cancelled by ${p2.by}; nothing was posted.`,
    },
    card: {
      title: (p2) => `Stocktake ${p2.number} \xB7 ${p2.scope}`,
      startedBy: "Started by",
      progress: "Progress",
      status: "Status",
      summary: (p2) =>
        `Line accuracy ${p2.lineAccuracy} \xB7 value accuracy ${p2.valueAccuracy} \xB7 variance ${p2.net}`,
    },
    thread: {
      counted: (p2) =>
        `:pencil2: ${p2.by} counted ${lines(p2.changed)} \xB7 ${p2.counted} of ${p2.total} counted.`,
      finished: (p2) =>
        `:checkered_flag: ${p2.by} finished the count: ${p2.counted} of ${lines(p2.total)} counted, ${p2.exact} exact (${p2.lineAccuracy}), value accuracy ${p2.valueAccuracy}.`,
      postedAtOnce: (p2) => `Posted at once: ${lines(p2.lines)}, ${p2.value}.`,
      waiting: (p2) => `Waiting for approval: ${lines(p2.lines)}, ${p2.value}.`,
      uncounted: (p2) => `Not counted, not adjusted: ${lines(p2.lines)}.`,
      posted: (p2) =>
        `:package: The approved variances are posted to the stock ledger: ${lines(p2.lines)}, ${p2.value}.`,
      cancelled: (p2) => `:heavy_minus_sign: ${p2.by} cancelled the count; nothing was posted.`,
    },
    approval: {
      head: (p2) =>
        `*${p2.scope}* \xB7 ${lines(p2.lines)} waiting, ${p2.value} in all \xB7 value accuracy ${p2.accuracy}`,
      line: (p2) =>
        `\u2022 \`${p2.bin}\` ${p2.sku} ${p2.name}: expected ${p2.expected}, counted ${p2.counted}, *${p2.variance}*, ${p2.value}`,
      more: (p2) => `_\u2026and ${p2.count} more_`,
    },
  },
};

// src/i18n/en-plan.ts
var enPlan = {
  plan: {
    usage:
      "Usage: `/po plan` \xB7 `/po plan <supplier>` (all its lines) \xB7 add a number of days for another demand window (`/po plan 30`) or `season` for the same days last year.",
    title: "Purchase plan",
    weeklyTitle: "Weekly purchase plan",
    window: (p2) =>
      p2.season
        ? `Demand: issues of the same ${p2.days} days last year`
        : `Demand: issues of the last ${p2.days} days`,
    historyNote: "(no sales orders yet: stock issued is the demand)",
    summary: (p2) =>
      `${p2.suggested} items to buy from ${p2.suppliers} suppliers (${p2.items.toLocaleString("en")} items looked at)`,
    nothing: "Nothing to buy now: every planned item is above its reorder point.",
    noSupplier: "No default supplier (set one on the item to order it from here)",
    group: (p2) => `*${p2.supplier}* \xB7 ${p2.count} lines`,
    line: (p2) => `*${p2.qty}* ${p2.sku} ${p2.name} \xB7 projected ${p2.projected}, buy at ${p2.trigger}`,
    noHistoryTag: (p2) => ` \xB7 _no sales in ${p2.days} days: reorder qty used_`,
    moreLines: (p2) => `\u2026and ${p2.count} more lines: \`/po plan ${p2.code}\``,
    moreSuppliers: (p2) => `\u2026and ${p2.count} more suppliers: \`/po plan <supplier>\` shows one`,
    noHistory: (p2) =>
      `${p2.count} items are at their reorder point but had no sales in ${p2.days} days and have no reorder qty or max level: no suggestion (${p2.skus})`,
    noHistorySized: (p2) =>
      `${p2.count} suggestions had no sales in ${p2.days} days: their reorder qty or max level was used`,
    why: "Why this number?",
    createDrafts: "Create draft POs",
    weeklyMore: "Type `/po plan` for every line, the reasons and to create draft POs.",
    unknownSupplier: (p2) => `No supplier \`${p2.code}\`. ${"Usage: `/po plan <supplier>`"}`,
    drafts: (p2) =>
      `:memo: Draft ${p2.numbers} created (${p2.lines === 1 ? "1 line" : `${p2.lines} lines`}). Review it with \`/po <number>\` and submit it for approval.`,
    unpriced: (p2) =>
      `No last price or cost for ${p2.skus}: not put on a draft; add them by hand with a price.`,
    nothingLeft: "Nothing left to order from this supplier: the plan has changed (drafts already made?).",
    whyTitle: (p2) => `Why ${p2.qty} of ${p2.sku} ${p2.name}?`,
    whyDemand: (p2) =>
      `Demand: ${p2.issued} issued in ${p2.days} days (${p2.from} \u2013 ${p2.to}) = ${p2.rate} a day`,
    whyNoDemand: (p2) => `Demand: nothing issued in ${p2.days} days (${p2.from} \u2013 ${p2.to})`,
    whyLead: (p2) =>
      p2.source === "none"
        ? "Lead time: not set on the item or the supplier, so 0 days"
        : `Lead time: ${p2.days} days (from the ${p2.source === "item" ? "item" : "supplier"})`,
    whyLeadDemand: (p2) =>
      `Demand over the lead time: ${p2.rate} \xD7 ${p2.days} days, rounded up = ${p2.qty}`,
    whySafety: (p2) => `Safety stock: ${p2.qty}`,
    whyProjected: (p2) =>
      `Projected: on hand ${p2.onHand} \u2212 reserved ${p2.reserved} + on order ${p2.onOrder} + on draft POs ${p2.inDraft} = *${p2.projected}*`,
    whyTrigger: {
      reorder_point: (p2) =>
        `Reorder point ${p2.trigger}: projected ${p2.projected} is at or below it, so buy`,
      lead_demand: (p2) =>
        `No reorder point: lead-time demand + safety stock = ${p2.trigger}; projected ${p2.projected} is at or below it, so buy`,
      safety_stock: (p2) =>
        `No reorder point and no sales: buy when projected (${p2.projected}) is at or below the safety stock ${p2.trigger}`,
    },
    whyBasis: {
      max_level: (p2) => `Fill up to the max level: ${p2.max} \u2212 ${p2.projected} = ${p2.needed}`,
      reorder_qty: (p2) =>
        `Reorder qty ${p2.reorderQty} \xD7 ${p2.times} (enough to get above the reorder point) = ${p2.needed}`,
      cover: (p2) =>
        `Cover lead time + review period (${p2.days} + ${p2.review} days) = ${p2.cover}, + safety ${p2.safety} \u2212 projected ${p2.projected} = ${p2.needed}`,
    },
    whyRounded: (p2) => `Rounded up to whole ${p2.unit} of ${p2.pack}: *${p2.qty}*`,
    whyNotRounded: (p2) => `No purchase unit or pack size set: *${p2.qty}*`,
    whyNoHistory: (p2) => `_No sales in ${p2.days} days: the reorder qty or max level was used._`,
    lateNote: (p2) =>
      `:alarm_clock: Expected ${p2.expected}, ${p2.days === 1 ? "1 day" : `${p2.days} days`} ago, and not fully received. ${p2.owner}, please chase the supplier.`,
    lateEscalated: (p2) =>
      `:rotating_light: Expected ${p2.expected} and still not delivered after ${p2.days} days: the purchasing manager is told (PO by ${p2.owner}).`,
    whyGone: "This item needs no purchase any more: the plan has changed since this message.",
  },
};

// src/i18n/en-purchasing.ts
var poStatusNames = {
  draft: "a draft",
  pending_approval: "waiting for approval",
  approved: "approved",
  sent: "sent to the supplier",
  partially_received: "partly received",
  received: "received",
  closed: "closed",
  on_hold: "on hold",
  cancelled: "cancelled",
};
var poActionNames = {
  submit: "submitted",
  approve: "approved",
  reject: "rejected",
  send: "sent",
  hold: "put on hold",
  resume: "resumed",
  cancel: "cancelled",
  close: "closed",
  receive_part: "received",
  receive_all: "received",
  edit: "edited",
};
var enPurchasing = {
  po: {
    usage:
      "Usage: `/po` opens the form; quick form `/po <supplier> <qty> <sku> @ <unit price>, \u2026 by <date>`, e.g. `/po ACME 100 SKU-1 @ 2.50, 20 SKU-2 @ 10 by next friday` (or `\u5230 \u4E0B\u5468\u4E94`, `by \u6708\u5E95`). Prices are per base unit. `/po PO-000001` shows a PO.",
    statuses: {
      draft: ":memo: draft",
      pending_approval: ":hourglass: waiting for approval",
      approved: ":white_check_mark: approved",
      sent: ":outbox_tray: sent to supplier",
      partially_received: ":package: partly received",
      received: ":package: received",
      closed: ":lock: closed",
      on_hold: ":double_vertical_bar: on hold",
      cancelled: ":heavy_minus_sign: cancelled",
    },
    buttons: {
      submit: "Submit for approval",
      send: "Send to supplier",
      hold: "Hold",
      resume: "Resume",
      close: "Close",
      cancel: "Cancel PO",
    },
    docTitle: (p2) => `Purchase order ${p2.number} \xB7 ${p2.supplier}`,
    pending: (p2) =>
      `:hourglass: *${p2.number}* (${p2.total}) is submitted and needs approval by ${p2.roles}. You will be told in a DM and in its thread.`,
    approvedAtOnce: (p2) =>
      `:white_check_mark: *${p2.number}* (${p2.total}) needed no approval and is approved.`,
    draftSaved: (p2) => `:memo: *${p2.number}* (${p2.total}) is saved as a draft.`,
    moved: (p2) => `*${p2.number}* is now ${p2.status}.`,
    supplier: "Supplier",
    expected: "Expected delivery",
    deliveryTerms: "Delivery terms",
    qualityStandard: "Quality standard",
    paymentTerms: "Payment terms",
    paymentDays: (p2) => `${p2.days} days`,
    notes: "Notes",
    total: "Total",
    createdBy: "Created by",
    status: "Status",
    none: "\u2014",
    lineText: (p2) => `${p2.n}. *${p2.qty}* ${p2.sku} ${p2.name} @ ${p2.price} = ${p2.amount}`,
    priceSame: (p2) => `last price ${p2.last}, unchanged`,
    priceDiff: (p2) => `last price ${p2.last} (${p2.diff})`,
    priceFlag: (p2) => `:warning: last price ${p2.last} (*${p2.diff}*, above the ${p2.limit}% alert)`,
    priceNew: "first purchase: no last price",
    priceCheck: "Price check",
    budgetLine: (p2) =>
      `Purchasing this month: ${p2.spent} approved; with this PO ${p2.after} of the ${p2.budget} budget (${p2.pct}%)`,
    budgetOver: (p2) =>
      `:warning: Purchasing this month: ${p2.spent} approved; with this PO ${p2.after}, *over* the ${p2.budget} budget (${p2.pct}%)`,
    noBudget: (p2) =>
      `Purchasing this month: ${p2.spent} approved; with this PO ${p2.after} (no monthly budget set)`,
    thread: {
      created: (p2) => `:memo: Created by ${p2.by}.`,
      sent: (p2) => `:outbox_tray: Sent to the supplier by ${p2.by}.`,
      held: (p2) => `:double_vertical_bar: Put on hold by ${p2.by}.`,
      resumed: (p2) => `:arrow_forward: Resumed by ${p2.by}; ${p2.status} again.`,
      cancelled: (p2) => `:heavy_minus_sign: Cancelled by ${p2.by}.`,
      closed: (p2) => `:lock: Closed by ${p2.by}.`,
      received: (p2) => `:package: Goods received; now ${p2.status}.`,
    },
    modal: {
      title: "New purchase order",
      submit: "Submit",
      close: "Cancel",
      done: "Done",
      intro:
        "Fill in the lines you need and leave the rest empty. Prices are per base unit; quantities may name a unit (`3 box`). The PO goes for approval when you submit.",
      supplier: "Supplier",
      item: (p2) => `Line ${p2.n}: item`,
      qty: (p2) => `Line ${p2.n}: quantity`,
      price: (p2) => `Line ${p2.n}: unit price`,
      priceHint: "blank = last price",
      expected: "Expected delivery",
      expectedHint: "e.g. 2026-12-05, next friday, \u4E0B\u5468\u4E94, \u6708\u5E95",
      deliveryTerms: "Delivery terms",
      deliveryHint: "e.g. DDP our warehouse, freight included",
      qualityStandard: "Quality standard",
      qualityHint: "e.g. GB/T 5782, inspection on arrival",
      paymentTerms: "Payment terms (days)",
      paymentHint: "blank = the supplier's terms",
      notes: "Notes",
      lineIncomplete: "Pick an item and give a quantity, or leave the whole line empty.",
      noPrice: "No last price for this item: type a unit price.",
      empty: "Add at least one line.",
    },
    quick: {
      badLine: (p2) =>
        `\`${p2.input}\` is not a line: write \`<qty> <sku> @ <unit price>\`, e.g. \`100 SKU-1 @ 2.50\`.`,
      noDate:
        "Say when it should arrive: end with `by <date>` (`by next friday`, `\u5230 \u4E0B\u5468\u4E94`, `by \u6708\u5E95`).",
      noPrice: (p2) =>
        `${p2.sku} has never been bought, so there is no last price: write \`@ <unit price>\`.`,
    },
  },
  supplier: {
    usage:
      "Usage: `/supplier <code or name>` shows a supplier; `/supplier add`, `/supplier edit <code>`, `/supplier archive <code>`.",
    title: (p2) => `${p2.name} (${p2.code})`,
    archivedTag: " \xB7 archived",
    contact: "Contact",
    phone: "Phone",
    email: "Email",
    paymentTerms: "Payment terms",
    leadTime: "Lead time",
    days: (p2) => `${p2.days} days`,
    recent: "Recent purchase orders",
    noRecent: "_No purchase orders yet._",
    recentLine: (p2) => `*${p2.number}* \xB7 ${p2.status} \xB7 due ${p2.expected} \xB7 ${p2.total}`,
    matches: (p2) => `Several suppliers match \`${p2.query}\`: ${p2.list}`,
    modalAdd: "New supplier",
    modalEdit: "Edit supplier",
    save: "Save",
    cancel: "Cancel",
    code: "Code",
    codeHint: "what people type, e.g. ACME",
    name: "Name",
    nameZh: "Chinese name",
    leadTimeDays: "Lead time (days)",
    paymentTermsDays: "Payment terms (days)",
    saved: (p2) => `:white_check_mark: Saved supplier *${p2.code}*.`,
    archived: (p2) => `Supplier *${p2.code}* is archived; new POs can no longer use it.`,
    alreadyArchived: (p2) => `Supplier *${p2.code}* was already archived; nothing changed.`,
    picker: "Search code or name",
  },
  budget: {
    usage: "Usage: `/jxc budget <amount>` sets the monthly purchasing budget, e.g. `/jxc budget 500000`.",
    show: (p2) => `Monthly purchasing budget: ${p2.budget}; approved this month: ${p2.spent}.`,
    notSet: (p2) => `No monthly purchasing budget is set; approved this month: ${p2.spent}.`,
    set: (p2) => `:white_check_mark: The monthly purchasing budget is now ${p2.budget}.`,
  },
};

// src/i18n/en-receiving.ts
var enReceiving = {
  receive: {
    usage:
      "Usage: `/receive PO-000001` opens the receiving form (received, accepted, rejected with a reason, bin for each open line); `/receive PO-000001 all [WAREHOUSE/BIN]` accepts every open quantity.",
    reasons: {
      damaged: "damaged",
      wrong_spec: "wrong spec",
      quality: "quality",
      short: "short",
    },
    nothingOpen: (p2) => `Everything on *${p2.number}* has been received; nothing is open.`,
    noBin: (p2) =>
      `${p2.sku} has no bin with stock yet: say where it goes, e.g. \`/receive ${p2.number} all MAIN/A-01\`.`,
    badBin: (p2) => `\`${p2.input}\` is not a bin: type it as WAREHOUSE/BIN, e.g. MAIN/A-01.`,
    /** "80 accepted, 20 rejected (damaged) into MAIN/A-01" */
    summary: (p2) =>
      [
        `${p2.accepted.toLocaleString("en")} accepted`,
        p2.rejected > 0 ? `, ${p2.rejected.toLocaleString("en")} rejected (${p2.reasons})` : "",
        p2.places ? ` into ${p2.places}` : "",
      ].join(""),
    posted: (p2) =>
      `:package: *${p2.receipt}* for *${p2.number}*: ${p2.summary}. ${p2.number} is now ${p2.status}.`,
    thread: (p2) => `:package: ${p2.receipt}: ${p2.summary}, received by ${p2.by}; now ${p2.status}.`,
    returnPending:
      "Rejected goods stay out of stock and on order until purchasing decides in the PO's thread: return, replace or accept anyway.",
    modal: {
      title: "Receive goods",
      submit: "Post receipt",
      close: "Cancel",
      done: "Close",
      intro: (p2) =>
        `*${p2.number}* \xB7 ${p2.supplier}. Fill in what arrived for each line (leave *received* empty to skip a line). Accepted + rejected must equal received; up to ${p2.tolerance}% over the ordered quantity posts at once; more waits for the warehouse supervisor's approval.`,
      more: (p2) => `${p2.count} more open lines: post this receipt, then \`/receive ${p2.number}\` again.`,
      received: (p2) => `${p2.sku} \xB7 received (open ${p2.open})`,
      accepted: (p2) => `${p2.sku} \xB7 accepted`,
      acceptedHint: "empty: received \u2212 rejected",
      rejected: (p2) => `${p2.sku} \xB7 rejected`,
      reason: (p2) => `${p2.sku} \xB7 reason for rejecting`,
      bin: (p2) => `${p2.sku} \xB7 bin (WAREHOUSE/BIN)`,
      empty: "Fill in the received quantity of at least one line.",
    },
  },
};

// src/i18n/en-returns.ts
var enReturns = {
  returns: {
    /** "Already decided by @x: returned to the supplier (no replacement)." */
    decisionNames: {
      return: "returned to the supplier (no replacement)",
      replace: "returned for a replacement",
      accept: "accepted anyway",
    },
    buttons: { return: "Return", replace: "Replace", accept: "Accept anyway" },
    confirm: {
      returnTitle: "Return, no replacement?",
      returnText: (p2) =>
        `${p2.qty} ${p2.sku} go back to the supplier and will not be replaced: ${p2.number} no longer expects them.`,
      replaceTitle: "Return for a replacement?",
      replaceText: (p2) =>
        `${p2.qty} ${p2.sku} go back to the supplier, who sends replacements: they stay on order on ${p2.number}.`,
      yes: "Yes",
      no: "Cancel",
    },
    /** A rejected line on the receipt's message in the PO thread. */
    lineHead: (p2) => `:leftwards_arrow_with_hook: *${p2.qty}* ${p2.sku} rejected (${p2.reason})`,
    waiting:
      "purchasing decides: *Return* (no replacement), *Replace* (the supplier sends new ones, still on order) or *Accept anyway* (into stock at the PO price).",
    stillWaiting: (p2) => `${p2.qty} still wait for purchasing: Return, Replace or Accept anyway.`,
    decided: {
      return: (p2) => `${p2.number}: ${p2.qty} back to the supplier, no replacement \u2014 ${p2.by}`,
      replace: (p2) =>
        `${p2.number}: ${p2.qty} back to the supplier for a replacement, still on order \u2014 ${p2.by}`,
      accept: (p2) => `${p2.qty} accepted anyway into ${p2.place} \u2014 ${p2.by}`,
    },
    more: (p2) => `${p2.count} more rejected lines get their buttons here as these are decided.`,
    /** In the PO's thread and the PO author's DM. */
    thread: {
      return: (p2) =>
        `:leftwards_arrow_with_hook: *${p2.number}* \xB7 ${p2.rtn}: ${p2.qty} ${p2.sku} from ${p2.receipt} go back to ${p2.supplier} without replacement, decided by ${p2.by}; no longer on order. ${p2.number} is ${p2.status}.`,
      replace: (p2) =>
        `:leftwards_arrow_with_hook: *${p2.number}* \xB7 ${p2.rtn}: ${p2.qty} ${p2.sku} from ${p2.receipt} go back to ${p2.supplier} for a replacement, decided by ${p2.by}; still on order. ${p2.number} is ${p2.status}.`,
      accept: (p2) =>
        `:white_check_mark: *${p2.number}* \xB7 ${p2.qty} ${p2.sku} from ${p2.receipt} accepted anyway by ${p2.by} into ${p2.place}, ${p2.value} at the PO price. ${p2.number} is ${p2.status}.`,
    },
    /** To the warehouse: what to do with the goods now. */
    warehouse: {
      return: (p2) =>
        `:truck: Send back ${p2.qty} ${p2.sku} (${p2.receipt}, rejected: ${p2.reason}) to ${p2.supplier} \u2014 ${p2.rtn}, no replacement. Decided by ${p2.by}.`,
      replace: (p2) =>
        `:truck: Send back ${p2.qty} ${p2.sku} (${p2.receipt}, rejected: ${p2.reason}) to ${p2.supplier} \u2014 ${p2.rtn}; they send a replacement. Decided by ${p2.by}.`,
      accept: (p2) =>
        `:inbox_tray: Put away ${p2.qty} ${p2.sku} (${p2.receipt}, rejected: ${p2.reason}) into ${p2.place}: accepted anyway by ${p2.by}.`,
    },
    /** The decider's own answer. */
    done: {
      return: (p2) =>
        `Done: ${p2.rtn} \u2014 ${p2.qty} ${p2.sku} go back to the supplier, no replacement; ${p2.number} is ${p2.status}. The warehouse is told to send them back.`,
      replace: (p2) =>
        `Done: ${p2.rtn} \u2014 ${p2.qty} ${p2.sku} go back for a replacement and stay on order; ${p2.number} is ${p2.status}. The warehouse is told to send them back.`,
      accept: (p2) =>
        `Done: ${p2.qty} ${p2.sku} accepted into ${p2.place}, ${p2.value} at the PO price; ${p2.number} is ${p2.status}. The warehouse is told to put them away.`,
    },
    left: (p2) => ` ${p2.qty} still wait for a decision.`,
    modal: {
      title: "Accept anyway",
      submit: "Accept",
      close: "Cancel",
      done: "Close",
      intro: (p2) =>
        `*${p2.qty}* ${p2.sku} from ${p2.receipt} were rejected (${p2.reason}). Accepted goods enter stock at the PO price (${p2.price} each); what you do not accept still waits for Return or Replace.`,
      qty: (p2) => `Quantity to accept (at most ${p2.qty})`,
      bin: "Into bin (WAREHOUSE/BIN)",
    },
    /** Receipts over the tolerance. */
    over: {
      line: (p2) =>
        `*${p2.sku}*: ${p2.accepted} accepted against ${p2.ordered} ordered (${p2.before} before) \u2014 *${p2.over} over the order (${p2.pct}%)*; the tolerance allows ${p2.most} in all`,
      noneBefore: "none",
      pending: (p2) => `:hourglass: *${p2.receipt}* for *${p2.number}* is over the ${p2.pct}% tolerance:
${p2.lines}
It waits for approval (${p2.roles}); nothing enters stock until then. You will hear the decision by DM.`,
      card: (
        p2,
      ) => `*${p2.number}* \xB7 ${p2.supplier} \xB7 received by ${p2.by}, over the ${p2.pct}% tolerance:
${p2.lines}`,
      within: (p2) => `+ ${p2.count} more lines within the tolerance.`,
      effect:
        "Approving posts the receipt to stock at the PO price; rejecting refuses the goods and nothing moves.",
      thread: {
        awaiting: (p2) =>
          `:hourglass: *${p2.number}* \xB7 ${p2.receipt}, received by ${p2.by}, is over the tolerance and waits for the warehouse supervisor; nothing entered stock yet.`,
        refused: (p2) =>
          `:x: *${p2.number}* \xB7 ${p2.receipt} (over the tolerance) was refused by ${p2.by}${p2.reason ? `: ${p2.reason}` : ""}. Nothing entered stock; the goods go back with the carrier and stay on order.`,
      },
      toReceiver: {
        approved: "It is posted to stock: put the goods away as received.",
        rejected: "Nothing entered stock: refuse the goods and send them back with the carrier.",
      },
      approvedBy: (p2) => ` Over the tolerance, approved by ${p2.by}.`,
    },
    receiptTitle: (p2) => `Goods receipt ${p2.receipt} \xB7 ${p2.number} \xB7 ${p2.supplier}`,
    receiptStatuses: {
      posted: ":white_check_mark: posted",
      pending_approval: ":hourglass: waiting for approval",
      refused: ":x: refused",
    },
  },
};

// src/i18n/role-list.ts
function roleList(codes3, names) {
  return String(codes3)
    .split(",")
    .map((code) => (isRole(code) ? names[code] : code))
    .join(" / ");
}

// src/i18n/en.ts
var problems = {
  not_a_number: "it is not a number",
  zero: "it must be more than zero",
  negative: "it cannot be negative",
  fractional: "this unit only comes in whole numbers",
  too_large: "it is far too large",
  too_many_decimals: "it has more decimals than the currency",
  unknown_unit: "that unit is not one of this item's units",
  empty: "it is empty",
  too_long: "it is too long",
  incomplete: "give both an amount and a role, or neither",
  not_a_date:
    "it is not a date jxc understands (try 2026-12-05, 12/5, next friday, \u4E0B\u5468\u4E94 or \u6708\u5E95)",
  no_such_day: "that day is not on the calendar",
  in_the_past: "that day has already passed",
  ends_before_start: "it ends before it starts",
  mismatch: "accepted + rejected must equal received",
};
var roleNames = {
  admin: "Admin",
  purchasing_clerk: "Purchasing clerk",
  purchasing_manager: "Purchasing manager",
  warehouse_keeper: "Warehouse keeper",
  warehouse_supervisor: "Warehouse supervisor",
  salesperson: "Salesperson",
  sales_manager: "Sales manager",
  accountant: "Accountant",
  finance_supervisor: "Finance supervisor",
};
var departmentNames = {
  purchasing: "Purchasing",
  warehouse: "Warehouse",
  sales: "Sales",
  finance: "Finance",
};
var eventNames = {
  "approval.requested": "a document was sent for approval",
  "approval.step_opened": "an approval moved on to its next approver",
  "approval.step_approved": "one tier of an approval was approved",
  "approval.approved": "a document was approved",
  "approval.rejected": "a document was rejected",
  "approval.cancelled": "a request for approval was withdrawn",
  "approval.reminder": "an approval has waited too long",
  "approval.escalated": "a waiting approval was escalated",
  "adjustment.posted": "a stock adjustment was posted to the ledger",
  "po.created": "a purchase order was created",
  "po.sent": "a purchase order was sent to its supplier",
  "po.held": "a purchase order was put on hold",
  "po.resumed": "a purchase order on hold was resumed",
  "po.cancelled": "a purchase order was cancelled",
  "po.closed": "a purchase order was closed",
  "po.received": "goods were received against a purchase order",
  "po.late": "a purchase order is past its expected delivery day",
  "purchase_plan.ready": "the weekly purchase plan is ready",
  ...enCountEvents,
  "receipt.awaiting_approval": "a goods receipt over the tolerance waits for approval",
  "receipt.refused": "a goods receipt over the tolerance was refused",
  "receipt.decided": "purchasing decided what happens to rejected goods",
};
var codes = (values) => values.map((v) => `\`${v}\``).join(", ");
var why = (p2) =>
  typeof p2.problem === "string" && p2.problem in problems ? `: ${problems[p2.problem]}` : "";
var decisionName = (p2, names, lead) =>
  typeof p2.decision === "string" && p2.decision in names ? `${lead}${names[p2.decision]}` : "";
var en = {
  errors: {
    NOT_ALLOWED: (p2) =>
      p2.roles === "any"
        ? "You have no jxc role yet. Ask an admin to give you one (`/jxc role @you add <role>`)."
        : `You are not allowed to do that${p2.roles ? ` \u2014 it needs one of: ${roleList(p2.roles, roleNames)}` : ""}.`,
    NOT_FOUND: (p2) => `Nothing found${p2.what ? ` for ${p2.what}` : ""}.`,
    INVALID_INPUT: (p2) => `That input is not valid${why(p2)}.`,
    UNKNOWN_SUBCOMMAND: (p2) => `Unknown command \`${p2.input}\`.`,
    UNSUPPORTED_LANGUAGE: (p2) => `\`${p2.input}\` is not a language jxc speaks. Try \`en\` or \`zh\`.`,
    CONFLICT: () => "Someone changed this at the same time. Please try again.",
    INSUFFICIENT_STOCK: (p2) =>
      `Not enough stock${p2.sku ? ` of ${p2.sku}` : ""}${p2.available !== void 0 ? `: ${p2.available} available` : ""}${p2.requested !== void 0 ? `, ${p2.requested} needed` : ""}.`,
    UNKNOWN_ITEM: (p2) =>
      `No item matches \`${p2.query}\`${p2.suggestions ? `. Did you mean ${p2.suggestions}?` : "."}`,
    UNKNOWN_WAREHOUSE: (p2) => `No warehouse \`${p2.code}\`${p2.known ? `. Warehouses: ${p2.known}` : "."}`,
    UNKNOWN_LOCATION: (p2) => `No bin \`${p2.code}\` in warehouse ${p2.warehouse}.`,
    UNKNOWN_USER: (p2) => `\`${p2.input}\` is not a Slack user. Mention them, e.g. @alice.`,
    UNKNOWN_ROLE: (p2) => `\`${p2.input}\` is not a role. Roles: ${p2.known}`,
    INVALID_QUANTITY: (p2) => `\`${p2.input}\` is not a valid quantity${why(p2)}.`,
    INVALID_MONEY: (p2) => `\`${p2.input}\` is not a valid amount${why(p2)}.`,
    LAST_ADMIN: () => "That would leave nobody with the admin role. Make someone else admin first.",
    DUPLICATE: (p2) => `${p2.what} \`${p2.key}\` already exists.`,
    ALREADY_DECIDED: (p2) =>
      `Already decided${p2.by ? ` by <@${p2.by}>` : ""}${decisionName(p2, enReturns.returns.decisionNames, ": ")}.`,
    STALE_ACTION: () => "This message is out of date; nothing was changed.",
    SELF_APPROVAL: () => "You cannot approve or reject your own request; another approver will decide.",
    POLICY_ORDER: (p2) =>
      p2.tier === 0
        ? "Escalation must come after the reminder."
        : `Tier ${p2.tier} must start at a higher amount than the tier before it.`,
    UNKNOWN_DEPARTMENT: (p2) => `\`${p2.input}\` is not a department. Departments: ${codes(departments)}.`,
    CHANNEL_MENTION_NEEDED: (p2) =>
      p2.input
        ? `\`${p2.input}\` reached jxc as plain text, without the channel's id. Type # and pick the channel from Slack's list so it turns into a link, e.g. \`/jxc channel warehouse #warehouse\`.`
        : "Name the channel: type # and pick it from Slack's list, e.g. `/jxc channel warehouse #warehouse`.",
    UNKNOWN_EVENT_TYPE: (p2) => `\`${p2.input}\` is not an event type. Event types: ${codes(eventTypes)}.`,
    UNKNOWN_ROUTE_TARGET: (p2) =>
      `\`${p2.input}\` is not a target. Targets: \`owner\` (the requester), \`role:<role>\` (roles: ${codes(roles)}) or \`channel:<department>\` (departments: ${codes(departments)}).`,
    UNKNOWN_SUPPLIER: (p2) =>
      `No supplier matches \`${p2.query}\`${p2.suggestions ? `. Did you mean ${p2.suggestions}?` : "."} Add one with \`/supplier add\`.`,
    ILLEGAL_TRANSITION: (p2) =>
      `${p2.number} is ${p2.status ? (poStatusNames[p2.status] ?? p2.status) : "in another state"} now, so it cannot be ${poActionNames[p2.action] ?? p2.action}; nothing was changed.`,
    OVER_RECEIPT: (p2) =>
      `${p2.sku}: ${p2.ordered} ordered, ${p2.already} already accepted; at most ${p2.most} more may be accepted (over-receipt tolerance ${p2.pct}%). Nothing was changed: accept at most that and return the rest.`,
    REJECTS_LEFT: (p2) =>
      `Only ${p2.left} of ${p2.sku} from ${p2.receipt} still wait for a decision (someone decided the rest meanwhile); nothing was changed.`,
    REPLACEMENT_NOT_EXPECTED: (p2) =>
      p2.owed === 0
        ? `${p2.number} expects no more ${p2.sku} (it is received or closed), so a replacement cannot be received against it: choose Return or Accept anyway.`
        : `${p2.number} still expects only ${p2.owed} ${p2.sku}, so a replacement of ${p2.qty} cannot be received against it: return or accept the rest.`,
    ...enCountErrors,
  },
  problems,
  roleNames,
  departmentNames,
  eventNames,
  generic: {
    unexpected: (p2) =>
      `Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, give your admin this reference: \`${p2.ref}\`.`,
  },
  help: {
    title: "jxc \u2014 purchase \xB7 sales \xB7 inventory",
    intro: "Here is what you can do. Type a command in any channel or DM.",
    didYouMean: (p2) => `I don't know \`${p2.input}\`. Did you mean \`${p2.suggestion}\`?`,
    unknown: (p2) => `I don't know \`${p2.input}\`.`,
    noRole: "_You have no jxc role yet, so most commands are hidden. Ask an admin to give you one._",
    footer: "Language: `/jxc lang en` \xB7 `/jxc lang zh`",
  },
  commands: {
    stock: "Stock on hand, reserved and available, by warehouse and bin",
    adjust: "Record damaged, lost or found stock; large adjustments wait for the warehouse supervisor",
    move: "Move stock between bins or warehouses (its value moves with it)",
    approve: "What waits for your approval, with Approve and Reject buttons",
    "jxc delegate": "Let someone decide your approvals while you are away, e.g. `next week`",
    "jxc policy": "Who approves what, from which amount, and how long before reminders (admins)",
    "jxc roles": "Who holds which role",
    "jxc role": "Give or take away a role (admins)",
    "jxc import": "Import a CSV file of items, opening stock, suppliers or customers (admins)",
    "jxc check": "Rebuild stock balances from the ledger and report any difference",
    "jxc channel": "Which channel each department's notices go to",
    "jxc channel set": "Set a department's channel (admins)",
    "jxc route": "Who hears of each kind of event",
    "jxc route edit": "Change who hears of an event, or go back to the default (admins)",
    po: "Purchase orders: a form, or one line like `/po ACME 100 SKU-1 @ 2.50 by next friday`; approval by amount",
    "po plan":
      "Purchase plan: what to buy from whom and why, from stock, orders and the issues of the last 90 days",
    "po show": "Show a purchase order with all its terms, and the moves you may make",
    receive: "Receive goods against a sent PO: inspect, reject with a reason, put away into bins",
    supplier: "Show a supplier: contacts, terms, lead time, recent POs",
    "supplier edit": "Add, edit or archive a supplier",
    "jxc budget": "The monthly purchasing budget shown on PO approvals (admins, finance supervisor)",
    "jxc help": "Show this help",
    "jxc lang": "Choose your language: `en` (English) or `zh` (\u7B80\u4F53\u4E2D\u6587)",
    "jxc outbox": "How the app's messages are getting out; retry the ones that failed (admins)",
    count: "Stocktakes: start a blind count of a warehouse, a zone, bins or items; open counts",
    "count work":
      "Count a stocktake in a form, then finish it: small variances post at once, large ones wait for the warehouse supervisor",
  },
  stock: {
    onHand: "On hand",
    reserved: "Reserved",
    available: "Available",
    onOrder: "On order",
    value: "Stock value",
    averageCost: "Average cost",
    lowStock: (p2) => `:warning: *Low stock* \u2014 at or below the reorder point of ${p2.reorderPoint}`,
    byLocation: "By warehouse and bin",
    nothingStocked: "_No stock in any bin._",
    moreBins: (p2) => `\u2026and ${p2.count} more bins`,
    share: "Share in channel",
    sharedBy: (p2) => `Shared by <@${p2.user}>`,
    matches: (p2) => `${p2.total} items match \`${p2.query}\` (showing ${p2.from}\u2013${p2.to})`,
    details: "Details",
    previous: "\u25C0 Previous",
    next: "Next \u25B6",
    noMatch: (p2) => `No item matches \`${p2.query}\`.`,
    suggestions: "Did you mean:",
    inWarehouse: (p2) => `in ${p2.warehouse}`,
  },
  importCsv: {
    title: "Import CSV",
    submit: "Import",
    close: "Cancel",
    done: "Close",
    kinds: {
      items: "items",
      stock: "opening stock",
      suppliers: "suppliers",
      customers: "customers",
      bins: "warehouses and bins",
    },
    intro: (p2) =>
      `Upload a CSV file of *${p2.kind}* with the columns \`${p2.columns}\`. UTF-8 and GBK/GB18030 (Excel on Chinese Windows) are both fine. Every row is checked first: one bad row and nothing is imported, unless you tick the box below.`,
    fileLabel: "CSV file",
    skipBad: "Skip bad rows and import the good ones",
    optionsLabel: "Options",
    usage:
      "Usage: `/jxc import items`, `/jxc import stock`, `/jxc import suppliers`, `/jxc import customers` or `/jxc import bins`",
    noFile: "Choose a CSV file to import.",
    working: (p2) => `Importing \`${p2.name}\`\u2026 the result will appear here and in a direct message.`,
    imported: (p2) => `:white_check_mark: Imported ${p2.kind} from \`${p2.name}\``,
    failed: (p2) =>
      `:x: Nothing was imported from \`${p2.name}\` (${p2.kind}): fix these rows and upload again.`,
    summary: (p2) =>
      `${p2.rows} rows \xB7 ${p2.created} created \xB7 ${p2.updated} updated \xB7 ${p2.unchanged} unchanged \xB7 ${p2.skipped} skipped \xB7 read as ${p2.encoding}`,
    createdPlaces: (p2) => `New warehouses: ${p2.warehouses || "none"} \xB7 new bins: ${p2.bins || "none"}`,
    rowError: (p2) => `\u2022 Row ${p2.row}${p2.column ? `, ${p2.column}` : ""}: ${p2.message}`,
    moreErrors: (p2) => `\u2026and ${p2.count} more`,
  },
  check: {
    allAgree: ":white_check_mark: Every stock balance and item valuation agrees with the ledger.",
    differences: (p2) => `:x: ${p2.count} differences between the ledger and the balances:`,
    balanceLine: (p2) =>
      `\u2022 item ${p2.itemId} at location ${p2.locationId}${p2.lotKey ? ` lot ${p2.lotKey}` : ""}: ledger ${p2.ledgerOnHand}, balance ${p2.balanceOnHand}`,
    valuationLine: (p2) =>
      `\u2022 item ${p2.itemId} valuation: ledger ${p2.ledgerQty} / ${p2.ledgerValue}, stored ${p2.storedQty} / ${p2.storedValue}`,
    more: (p2) => `\u2026and ${p2.count} more`,
  },
  pickers: {
    item: "Search SKU, barcode or name",
  },
  roles: {
    title: "Roles",
    nobody: "_nobody yet_",
    granted: (p2) => `Done \u2014 <@${p2.user}> is now ${p2.role}.`,
    alreadyHas: (p2) => `<@${p2.user}> already is ${p2.role}; nothing changed.`,
    revoked: (p2) => `Done \u2014 <@${p2.user}> is no longer ${p2.role}.`,
    didNotHave: (p2) => `<@${p2.user}> was not ${p2.role}; nothing changed.`,
    usage: "Usage: `/jxc role @user add <role>` or `/jxc role @user remove <role>`",
  },
  ...enApprovals,
  ...enAdmin,
  ...enPurchasing,
  ...enReceiving,
  ...enPlan,
  ...enCount,
  ...enReturns,
  lang: {
    changed: "Done \u2014 jxc will talk to you in English.",
    usage: "Usage: `/jxc lang en` or `/jxc lang zh`",
  },
};

// src/i18n/zh-cn-admin.ts
var zhAdmin = {
  channels: {
    title: "\u90E8\u95E8\u9891\u9053",
    notSet: "_\u672A\u8BBE\u7F6E_",
    line: (p2) => `*${p2.department}* \`${p2.code}\` \u2014 ${p2.channel}`,
    usage:
      "\u7BA1\u7406\u5458\u53EF\u7528 `/jxc channel <\u90E8\u95E8> #\u9891\u9053` \u8BBE\u7F6E\uFF0C\u4F8B\u5982 `/jxc channel \u4ED3\u5E93 #warehouse`\u3002",
    set: (p2) =>
      `\u5DF2\u5B8C\u6210\uFF1A${p2.department}\u7684\u901A\u77E5\u4ECA\u540E\u53D1\u5230 <#${p2.channel}>\u3002`,
    unchanged: (p2) =>
      `<#${p2.channel}> \u5DF2\u7ECF\u662F${p2.department}\u9891\u9053\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    invite: (p2) =>
      `:warning: jxc \u8FD8\u4E0D\u662F <#${p2.channel}> \u7684\u6210\u5458\uFF0C\u6682\u65F6\u65E0\u6CD5\u5728\u90A3\u91CC\u53D1\u6D88\u606F\u3002\u8BF7\u6253\u5F00 <#${p2.channel}> \u5E76\u8F93\u5165 \`/invite @jxc\`\u3002`,
    uncheckable: (p2) =>
      `Slack \u672A\u544A\u77E5 jxc \u662F\u5426\u5728 <#${p2.channel}> \u4E2D\u3002\u5982\u679C\u4E0D\u5728\uFF0C\u8BF7\u5728\u8BE5\u9891\u9053\u8F93\u5165 \`/invite @jxc\`\u3002`,
  },
  routes: {
    title: "\u901A\u77E5\u5BF9\u8C61",
    heading: (p2) => `*\`${p2.eventType}\`* \u2014 ${p2.about}\uFF08${p2.state}\uFF09`,
    default: "\u9ED8\u8BA4",
    custom: "\u7BA1\u7406\u5458\u5DF2\u4FEE\u6539",
    nobody: "_\u65E0\u4EBA_",
    owner: "\u7533\u8BF7\u4EBA\uFF08\u79C1\u4FE1\uFF09",
    role: (p2) => `\u6240\u6709${p2.role}\uFF08\u79C1\u4FE1\uFF09`,
    channel: (p2) => `${p2.department}\u9891\u9053 <#${p2.channel}>`,
    channelNotSet: (p2) =>
      `${p2.department}\u9891\u9053\uFF08\u5C1A\u672A\u8BBE\u7F6E\uFF1A\`/jxc channel ${p2.code} #\u9891\u9053\`\uFF09`,
    added: (p2) =>
      `\u5DF2\u5B8C\u6210\uFF1A\`${p2.target}\` \u4ECA\u540E\u4F1A\u6536\u5230 \`${p2.eventType}\` \u901A\u77E5\u3002`,
    alreadyThere: (p2) =>
      `\`${p2.target}\` \u5DF2\u7ECF\u4F1A\u6536\u5230 \`${p2.eventType}\` \u901A\u77E5\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    removed: (p2) =>
      `\u5DF2\u5B8C\u6210\uFF1A\`${p2.target}\` \u4E0D\u518D\u6536\u5230 \`${p2.eventType}\` \u901A\u77E5\u3002`,
    notThere: (p2) =>
      `\`${p2.target}\` \u672C\u6765\u5C31\u4E0D\u6536 \`${p2.eventType}\` \u901A\u77E5\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    reset: (p2) => `\u5DF2\u5B8C\u6210\uFF1A\`${p2.eventType}\` \u5DF2\u6062\u590D\u9ED8\u8BA4\u3002`,
    alreadyDefault: (p2) =>
      `\`${p2.eventType}\` \u672C\u6765\u5C31\u662F\u9ED8\u8BA4\u8BBE\u7F6E\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    usage:
      "\u7BA1\u7406\u5458\uFF1A`/jxc route <\u4E8B\u4EF6\u7C7B\u578B> add|remove <\u5BF9\u8C61>` \u6216 `/jxc route <\u4E8B\u4EF6\u7C7B\u578B> reset`\u3002\u5BF9\u8C61\uFF1A`owner`\u3001`role:<\u89D2\u8272>`\u3001`channel:<\u90E8\u95E8>`\u3002",
  },
  outbox: {
    title: "\u53D1\u4EF6\u7BB1",
    statuses: {
      pending: "\u7B49\u5F85\u4E2D",
      sending: "\u53D1\u9001\u4E2D",
      delivered: "\u5DF2\u9001\u8FBE",
      failed: "\u5931\u8D25",
      skipped: "\u5DF2\u8DF3\u8FC7",
    },
    kinds: { post: "\u6D88\u606F", update: "\u66F4\u65B0", home: "\u4E3B\u9875" },
    unplanned: (p2) =>
      `:hourglass: ${p2.count} \u4E2A\u4E8B\u4EF6\u7B49\u5F85\u751F\u6210\u6D88\u606F\uFF08\u6700\u65E9\u7684\u5DF2\u7B49\u5F85 ${p2.age}\uFF09`,
    oldestWaiting: (p2) => `\u6700\u65E9\u7684\u5F85\u53D1\u6D88\u606F\u5DF2\u7B49\u5F85 ${p2.age}`,
    nothingWaiting: "\u6CA1\u6709\u7B49\u5F85\u53D1\u9001\u7684\u6D88\u606F\u3002",
    failures: "\u6700\u8FD1\u7684\u5931\u8D25",
    noFailures: "\u6CA1\u6709\u53D1\u9001\u5931\u8D25\u7684\u6D88\u606F\u3002",
    failure: (p2) => `*#${p2.id}* ${p2.kind} \u2192 ${p2.target} \xB7 \`${p2.template}\`
:x: \`${p2.error}\` \xB7 \u5DF2\u5C1D\u8BD5 ${p2.attempts} \u6B21 \xB7 ${p2.age}\u524D`,
    homeOf: (p2) => `<@${p2.user}> \u7684\u4E3B\u9875`,
    retry: "\u91CD\u8BD5",
    retried: (p2) => `\u6D88\u606F #${p2.id} \u5DF2\u91CD\u65B0\u6392\u961F\u53D1\u9001\u3002`,
    notInChannel: (p2) =>
      `:warning: \u6211\u65E0\u6CD5\u5728 <#${p2.channel}> \u53D1\u6D88\u606F\uFF0C\u56E0\u4E3A\u6211\u4E0D\u662F\u8BE5\u9891\u9053\u7684\u6210\u5458\u3002\u8BF7\u5728 <#${p2.channel}> \u4E2D\u8F93\u5165 \`/invite @jxc\`\uFF0C\u7136\u540E\u7528 \`/jxc outbox\` \u91CD\u8BD5\u53D1\u9001\u5931\u8D25\u7684\u6D88\u606F\u3002`,
    age: {
      seconds: (p2) => `${p2.n} \u79D2`,
      minutes: (p2) => `${p2.n} \u5206\u949F`,
      hours: (p2) => `${p2.n} \u5C0F\u65F6`,
      days: (p2) => `${p2.n} \u5929`,
    },
  },
};

// src/i18n/zh-cn-approvals.ts
var zhApprovals = {
  approvals: {
    neededTitle: (p2) => `\u5F85\u5BA1\u6279 \xB7 ${p2.number}`,
    reminderTitle: (p2) => `\u63D0\u9192\uFF1A\u5F85\u5BA1\u6279 \xB7 ${p2.number}`,
    approvedTitle: (p2) => `\u5DF2\u6279\u51C6 \xB7 ${p2.number}`,
    rejectedTitle: (p2) => `\u5DF2\u9A73\u56DE \xB7 ${p2.number}`,
    cancelledTitle: (p2) => `\u5DF2\u64A4\u56DE \xB7 ${p2.number}`,
    waitingTitle: (p2) => `\u7B49\u5F85\u4E0B\u4E00\u7EA7\u5BA1\u6279 \xB7 ${p2.number}`,
    requestedBy: "\u7533\u8BF7\u4EBA",
    amount: "\u91D1\u989D",
    requestedAt: "\u7533\u8BF7\u65F6\u95F4",
    tier: (p2) => `\u7B2C ${p2.tier}/${p2.of} \u7EA7 \xB7 ${p2.role}`,
    stepWaiting: (p2) => `:hourglass: \u7B2C ${p2.tier} \u7EA7 \xB7 ${p2.role} \u2014 \u7B49\u5F85\u4E2D`,
    stepPending: (p2) => `:eyes: \u7B2C ${p2.tier} \u7EA7 \xB7 ${p2.role} \u2014 \u5BA1\u6279\u4E2D`,
    stepApproved: (p2) =>
      `:white_check_mark: \u7B2C ${p2.tier} \u7EA7 \xB7 ${p2.role} \u2014 ${p2.by} \u4E8E ${p2.when} \u6279\u51C6`,
    stepRejected: (p2) =>
      `:x: \u7B2C ${p2.tier} \u7EA7 \xB7 ${p2.role} \u2014 ${p2.by} \u4E8E ${p2.when} \u9A73\u56DE\uFF1A\u201C${p2.reason}\u201D`,
    stepCancelled: (p2) =>
      `:heavy_minus_sign: \u7B2C ${p2.tier} \u7EA7 \xB7 ${p2.role} \u2014 \u65E0\u9700\u5BA1\u6279`,
    onBehalfOf: (p2) => `\uFF08\u4EE3 <@${p2.user}>\uFF09`,
    escalated: "\u5DF2\u5347\u7EA7",
    approve: "\u6279\u51C6",
    reject: "\u9A73\u56DE",
    rejectTitle: "\u9A73\u56DE",
    rejectSubmit: "\u9A73\u56DE",
    rejectCancel: "\u8FD4\u56DE",
    rejectIntro: (p2) =>
      `\u4E3A\u4EC0\u4E48\u9A73\u56DE *${p2.number}*\uFF1F\u7533\u8BF7\u4EBA\u4F1A\u770B\u5230\u6B64\u539F\u56E0\u3002`,
    reasonLabel: "\u539F\u56E0",
    reasonHint: "\u4F8B\u5982\uFF1A\u8BF7\u5148\u91CD\u65B0\u76D8\u70B9\uFF1B\u4EF7\u683C\u8FC7\u9AD8",
    youApproved: (p2) =>
      `:white_check_mark: \u4F60\u5DF2\u6279\u51C6 *${p2.number}*${p2.next ? `\uFF0C\u73B0\u7B49\u5F85${p2.next}\u5BA1\u6279` : ""}\u3002`,
    youRejected: (p2) => `:x: \u4F60\u5DF2\u9A73\u56DE *${p2.number}*\u3002`,
    listTitle: "\u7B49\u5F85\u4F60\u5BA1\u6279",
    listEmpty: ":tada: \u6CA1\u6709\u7B49\u5F85\u4F60\u5BA1\u6279\u7684\u4E8B\u9879\u3002",
    listMore: (p2) =>
      `\u2026\u2026\u8FD8\u6709 ${p2.count} \u9879\uFF0C\u8BF7\u5148\u5904\u7406\u4EE5\u4E0A\u4E8B\u9879\u3002`,
    mineTitle: "\u4F60\u63D0\u4EA4\u7684\u5F85\u5BA1\u6279\u7533\u8BF7",
    toRequesterApproved: (p2) => `:white_check_mark: *${p2.number}* \u5DF2\u7531 ${p2.by} \u6279\u51C6\u3002`,
    toRequesterStep: (p2) =>
      `:white_check_mark: *${p2.number}* \u5DF2\u7531 ${p2.by} \u6279\u51C6\uFF0C\u73B0\u7B49\u5F85${p2.next}\u5BA1\u6279\u3002`,
    toRequesterRejected: (p2) =>
      `:x: *${p2.number}* \u88AB ${p2.by} \u9A73\u56DE\uFF1A\u201C${p2.reason}\u201D`,
    toRequesterEscalated: (p2) =>
      `:arrow_up: *${p2.number}* \u7B49\u5F85\u8FC7\u4E45\uFF0C\u5DF2\u8F6C\u4EA4${p2.role}\u3002`,
    threadRequested: (p2) =>
      `${p2.by} \u63D0\u4EA4\u4E86 *${p2.number}*\uFF0C\u9700${p2.roles}\u5BA1\u6279\u3002`,
    threadCancelled: (p2) => `${p2.by} \u5DF2\u64A4\u56DE\u3002`,
  },
  adjust: {
    usage:
      "\u7528\u6CD5\uFF1A`/adjust <SKU> <\xB1\u6570\u91CF> <\u4ED3\u5E93>/<\u5E93\u4F4D> <\u539F\u56E0> [\u5907\u6CE8]`\uFF0C\u4F8B\u5982 `/adjust SKU-1 -5 MAIN/A-01 \u635F\u574F \u53C9\u8F66\u649E\u574F`\u3002\u539F\u56E0\uFF1A\u635F\u574F\u3001\u4E22\u5931\u3001\u76D8\u76C8\u3001\u76D8\u70B9\u3001\u5176\u4ED6\uFF08damaged lost found count other\uFF09\u3002",
    reasons: {
      damaged: "\u635F\u574F",
      lost: "\u4E22\u5931",
      found: "\u76D8\u76C8",
      count: "\u76D8\u70B9\u66F4\u6B63",
      other: "\u5176\u4ED6",
    },
    posted: (p2) =>
      `:white_check_mark: *${p2.number}* \u5DF2\u8FC7\u8D26\uFF1A${p2.sku} ${p2.qty}\uFF0C\u4F4D\u7F6E ${p2.place}\uFF08${p2.reason}\uFF09\uFF0C\u91D1\u989D ${p2.value}\u3002`,
    pending: (p2) =>
      `:hourglass: *${p2.number}*\uFF08${p2.sku} ${p2.qty}\uFF0C\u4F4D\u7F6E ${p2.place}\uFF0C\u91D1\u989D ${p2.value}\uFF09\u9700${p2.roles}\u5BA1\u6279\u3002\u6279\u51C6\u524D\u5E93\u5B58\u4E0D\u53D8\uFF0C\u7ED3\u679C\u4F1A\u901A\u77E5\u4F60\u3002`,
    cancel: "\u64A4\u56DE",
    cancelled: (p2) => `*${p2.number}* \u5DF2\u64A4\u56DE\uFF0C\u5E93\u5B58\u672A\u53D8\u52A8\u3002`,
    badPlace: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u4F4D\u7F6E\uFF0C\u8BF7\u5199\u6210 \`<\u4ED3\u5E93>/<\u5E93\u4F4D>\`\uFF0C\u4F8B\u5982 \`MAIN/A-01\`\u3002`,
    unknownReason: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u539F\u56E0\u3002\u53EF\u7528\uFF1A\u635F\u574F\u3001\u4E22\u5931\u3001\u76D8\u76C8\u3001\u76D8\u70B9\u3001\u5176\u4ED6\u3002`,
    docTitle: (p2) => `\u5E93\u5B58\u8C03\u6574 ${p2.number}`,
    docLine: (p2) => `*${p2.qty}* ${p2.sku} ${p2.name}\uFF0C\u4F4D\u7F6E ${p2.place} \xB7 ${p2.reason}`,
    status: {
      pending: ":hourglass: \u5F85\u5BA1\u6279",
      posted: ":white_check_mark: \u5DF2\u8FC7\u8D26",
      rejected: ":x: \u5DF2\u9A73\u56DE",
      cancelled: ":heavy_minus_sign: \u5DF2\u64A4\u56DE",
    },
    threadPosted: (p2) =>
      `:package: \u5DF2\u8BB0\u5165\u5E93\u5B58\u53F0\u8D26\uFF0C\u91D1\u989D ${p2.value}\u3002`,
  },
  policy: {
    title: "\u5BA1\u6279\u89C4\u5219",
    docTypes: {
      purchase_order: "\u91C7\u8D2D\u8BA2\u5355",
      stock_adjustment: "\u5E93\u5B58\u8C03\u6574",
      payment: "\u4ED8\u6B3E",
      stocktake: "\u76D8\u70B9\uFF08\u6309\u884C\u5DEE\u5F02\uFF09",
      goods_receipt: "\u8D85\u51FA\u5BB9\u5DEE\u7684\u6536\u8D27",
    },
    tierLine: (p2) => `\u7B2C ${p2.tier} \u7EA7\uFF1A\u91D1\u989D ${p2.from} \u8D77 \u2192 ${p2.role}`,
    timers: (p2) =>
      `${p2.remind} \u5C0F\u65F6\u672A\u5BA1\u6279\u5219\u63D0\u9192\uFF1B${p2.escalate} \u5C0F\u65F6\u672A\u5BA1\u6279\u5219\u5347\u7EA7\u81F3\u4E0A\u4E00\u7EA7\u89D2\u8272\u3002`,
    edit: "\u7F16\u8F91",
    editTimers: "\u7F16\u8F91\u65F6\u9650",
    modalTitle: "\u5BA1\u6279\u89C4\u5219",
    save: "\u4FDD\u5B58",
    cancel: "\u53D6\u6D88",
    amountLabel: (p2) => `\u7B2C ${p2.tier} \u7EA7\uFF1A\u8D77\u59CB\u91D1\u989D\uFF08${p2.currency}\uFF09`,
    roleLabel: (p2) => `\u7B2C ${p2.tier} \u7EA7\uFF1A\u5BA1\u6279\u89D2\u8272`,
    amountHint: "\u4E24\u9879\u90FD\u7559\u7A7A\u8868\u793A\u6CA1\u6709\u8FD9\u4E00\u7EA7\u3002",
    remindLabel: "\u63D0\u9192\u65F6\u9650\uFF08\u5C0F\u65F6\uFF09",
    escalateLabel: "\u5347\u7EA7\u65F6\u9650\uFF08\u5C0F\u65F6\uFF09",
  },
  delegate: {
    usage:
      "\u7528\u6CD5\uFF1A`/jxc delegate @\u7528\u6237 <\u65E5\u671F>`\uFF08\u4F8B\u5982 `\u4E0B\u5468`\u3001`2026-12-01 \u81F3 2026-12-10`\u3001`next week`\uFF09\u3001`/jxc delegate end <\u7F16\u53F7>`\uFF0C\u6216 `/jxc delegate` \u67E5\u770B\u3002",
    none: "\u4F60\u6CA1\u6709\u8BBE\u7F6E\u4EE3\u7406\u4EBA\uFF0C\u4E5F\u6CA1\u6709\u4EE3\u7406\u4ED6\u4EBA\u3002",
    givenLine: (p2) =>
      `#${p2.id} \xB7 <@${p2.delegate}> \u4EE3\u4F60\u5BA1\u6279\uFF0C${p2.from} \u81F3 ${p2.to}`,
    receivedLine: (p2) =>
      `#${p2.id} \xB7 \u4F60\u4EE3 <@${p2.approver}> \u5BA1\u6279\uFF0C${p2.from} \u81F3 ${p2.to}`,
    done: (p2) =>
      `:white_check_mark: <@${p2.delegate}> \u5C06\u5728 ${p2.from} \u81F3 ${p2.to} \u4EE3\u4F60\u5BA1\u6279\uFF08#${p2.id}\uFF1B\u63D0\u524D\u7ED3\u675F\uFF1A\`/jxc delegate end ${p2.id}\`\uFF09\u3002`,
    ended: (p2) => `\u4EE3\u7406 #${p2.id} \u5DF2\u7ED3\u675F\u3002`,
  },
  home: {
    title: "jxc \u2014 \u6211\u7684\u5DE5\u4F5C",
    waitingOn: (p2) => `*${p2.number}* \xB7 \u7B49\u5F85${p2.role}\u5BA1\u6279`,
    refresh: "\u5237\u65B0",
  },
  move: {
    usage:
      "\u7528\u6CD5\uFF1A`/move <SKU> <\u6570\u91CF> <\u4ED3\u5E93>/<\u5E93\u4F4D> \u5230 <\u5E93\u4F4D>`\uFF0C\u4F8B\u5982 `/move BOLT-M6 20 MAIN/A-01 \u5230 B-02`\uFF08\u540C\u4E00\u4ED3\u5E93\uFF09\u6216 `\u2026 \u5230 EAST/C-01`\u3002",
    badFrom: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u4F4D\u7F6E\uFF0C\u8BF7\u5199\u6210 \`<\u4ED3\u5E93>/<\u5E93\u4F4D>\`\uFF0C\u4F8B\u5982 \`MAIN/A-01\`\u3002`,
    moved: (p2) =>
      `:white_check_mark: \u5DF2\u5C06 ${p2.sku} ${p2.qty} \u4ECE ${p2.from} \u79FB\u5230 ${p2.to}\u3002`,
  },
};

// src/i18n/zh-cn-count.ts
var statusWords2 = {
  counting: "\u6B63\u5728\u76D8\u70B9",
  pending_approval: "\u7B49\u5F85\u5BA1\u6279",
  posted: "\u5DF2\u8FC7\u8D26",
  rejected: "\u5DF2\u5173\u95ED\uFF08\u5927\u989D\u5DEE\u5F02\u88AB\u9A73\u56DE\uFF09",
  cancelled: "\u5DF2\u53D6\u6D88",
};
var zhCountErrors = {
  UNKNOWN_ZONE: (p2) =>
    p2.known
      ? `\u4ED3\u5E93 ${p2.warehouse} \u6CA1\u6709 \`${p2.zone}\` \u533A\u3002\u73B0\u6709\u5E93\u533A\uFF1A${p2.known}\u3002`
      : `\u4ED3\u5E93 ${p2.warehouse} \u8FD8\u6CA1\u6709\u5212\u5206\u5E93\u533A\uFF08\u5E93\u4F4D\u7684\u5E93\u533A\u53EF\u901A\u8FC7 \`/jxc import bins\` \u8BBE\u7F6E\uFF09\u3002`,
  NOTHING_TO_COUNT: (p2) =>
    `${p2.what} \u6CA1\u6709\u53EF\u76D8\u70B9\u7684\u5E93\u5B58\uFF1B\u672A\u5F00\u59CB\u76D8\u70B9\u3002`,
  COUNT_OVERLAP: (p2) =>
    `${p2.number} \u5C1A\u672A\u7ED3\u675F\uFF0C\u5DF2\u5728\u76D8\u70B9 ${p2.place} \u7684 ${p2.sku}\uFF1A\u8BF7\u5148\u5B8C\u6210\u6216\u53D6\u6D88\u5B83\uFF0C\u6216\u76D8\u70B9\u5176\u4ED6\u8303\u56F4\u3002\u672A\u5F00\u59CB\u76D8\u70B9\u3002`,
  STOCKTAKE_CLOSED: (p2) =>
    `${p2.number} \u5F53\u524D${statusWords2[p2.status] ?? p2.status}\uFF0C\u4E0D\u80FD\u518D\u5F55\u5165\u3001\u5B8C\u6210\u6216\u53D6\u6D88\uFF1B\u672A\u4F5C\u4EFB\u4F55\u66F4\u6539\u3002`,
  UNCOUNTED_LINES: (p2) =>
    `${p2.number} \u5171 ${p2.total} \u884C\uFF0C\u8FD8\u6709 ${p2.uncounted} \u884C\u672A\u76D8\u70B9\u3002`,
  OUTSIDE_COUNT: (p2) =>
    `${p2.place} \u7684 ${p2.sku} \u4E0D\u5728 ${p2.number} \u7684\u76D8\u70B9\u8303\u56F4\uFF08${p2.kind === "zone" ? `${p2.label} \u533A` : p2.kind === "bins" ? `\u5E93\u4F4D ${p2.label}` : `\u7269\u6599 ${p2.label}`}\uFF09\u5185\uFF1A\u8BF7\u53E6\u5F00\u4E00\u6B21\u76D8\u70B9\u3002`,
  NOTHING_COUNTED: (p2) =>
    `${p2.number} \u8FD8\u6CA1\u6709\u76D8\u70B9\u4EFB\u4F55\u4E00\u884C\uFF1A\u8BF7\u7528 \`/count ${p2.number}\` \u76D8\u70B9\uFF0C\u6216\u7528 \`/count ${p2.number} cancel\` \u53D6\u6D88\u3002`,
};
var zhCountEvents = {
  "stocktake.started": "\u5F00\u59CB\u4E86\u4E00\u6B21\u76D8\u70B9",
  "stocktake.counted": "\u76D8\u70B9\u5F55\u5165\u4E86\u82E5\u5E72\u884C",
  "stocktake.finished": "\u76D8\u70B9\u5DF2\u5B8C\u6210\uFF0C\u5E76\u751F\u6210\u5DEE\u5F02\u62A5\u544A",
  "stocktake.posted": "\u76D8\u70B9\u4E2D\u7ECF\u5BA1\u6279\u7684\u5DEE\u5F02\u5DF2\u8FC7\u8D26",
  "stocktake.cancelled": "\u76D8\u70B9\u5DF2\u53D6\u6D88",
};
var zhCount = {
  count: {
    usage:
      "\u7528\u6CD5\uFF1A`/count` \u5217\u51FA\u8FDB\u884C\u4E2D\u7684\u76D8\u70B9 \xB7 `/count start MAIN`\uFF08\u6574\u4E2A\u4ED3\u5E93\uFF09\u3001`/count start MAIN zone A`\uFF08\u5E93\u533A\uFF09\u3001`/count start MAIN/A-01 A-02`\uFF08\u5E93\u4F4D\uFF09\u6216 `/count start MAIN SCR-M3-10 NUT-M4`\uFF08\u7269\u6599\uFF09 \xB7 `/count CNT-000001 [\u5E93\u4F4D]` \u5F55\u5165\u76D8\u70B9 \xB7 `/count CNT-000001 found <\u7269\u6599> <\u6570\u91CF> <\u5E93\u4F4D>` \u767B\u8BB0\u8868\u4E2D\u6CA1\u6709\u7684\u7269\u6599 \xB7 `/count CNT-000001 finish` \u5B8C\u6210 \xB7 `/count CNT-000001 cancel` \u53D6\u6D88\u3002",
    oneWarehouse:
      "\u4E00\u6B21\u76D8\u70B9\u53EA\u9488\u5BF9\u4E00\u4E2A\u4ED3\u5E93\uFF1A\u8BF7\u5217\u51FA\u540C\u4E00\u4ED3\u5E93\u7684\u5E93\u4F4D\uFF0C\u4F8B\u5982 `MAIN/A-01 A-02`\u3002",
    mixed: (p2) =>
      `\`${p2.input}\` \u4E0D\u7B26\u5408\uFF1A\u4ED3\u5E93\u540E\u9762\u8BF7\u53EA\u5217\u5E93\u4F4D\u6216\u53EA\u5217\u7269\u6599\uFF0C\u4E0D\u80FD\u6DF7\u7528\u3002`,
    neither: (p2) =>
      `\`${p2.input}\` \u65E2\u4E0D\u662F\u7269\u6599\uFF0C\u4E5F\u4E0D\u662F ${p2.warehouse} \u7684\u5E93\u4F4D\u3002`,
    noSuchBin: (p2) => `${p2.number} \u5728\u5E93\u4F4D \`${p2.bin}\` \u6CA1\u6709\u76D8\u70B9\u884C\u3002`,
    started: (p2) =>
      `:clipboard: *${p2.number}* \u5DF2\u5F00\u59CB\uFF1A${p2.scope} \u5171 ${p2.lines} \u884C\u5F85\u76D8\u70B9\u3002\u5B8C\u6210\u524D\u4E0D\u663E\u793A\u7CFB\u7EDF\u6570\u91CF\uFF08\u76F2\u76D8\uFF09\u3002\u8BF7\u7528 \`/count ${p2.number}\` \u6216\u4E0B\u65B9\u6309\u94AE\u5F55\u5165\u3002`,
    countNow: "\u5F00\u59CB\u5F55\u5165",
    count: "\u5F55\u5165\u76D8\u70B9",
    finish: "\u5B8C\u6210\u76D8\u70B9",
    finishAnyway: "\u4ECD\u7136\u5B8C\u6210",
    cancel: "\u53D6\u6D88\u76D8\u70B9",
    cancelled: (p2) =>
      `*${p2.number}* \u5DF2\u53D6\u6D88\uFF1B\u672A\u8FC7\u8D26\u4EFB\u4F55\u5DEE\u5F02\u3002`,
    foundCounted: (p2) =>
      `:mag: \u5DF2\u5728 *${p2.number}* \u8BB0\u5F55 ${p2.place} \u7684 ${p2.sku} ${p2.qty}\uFF08\u7B2C ${p2.lineNo} \u884C${p2.added ? "\uFF0C\u65B0\u589E\u5230\u76D8\u70B9\u8868" : ""}\uFF09 \xB7 \u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C\u3002`,
    uncountedConfirm: (p2) =>
      `*${p2.number}* \u5171 ${p2.total} \u884C\uFF0C\u8FD8\u6709 ${p2.uncounted} \u884C\u672A\u76D8\u70B9\uFF08\u7B2C\u4E00\u884C\u5728\u5E93\u4F4D ${p2.bin}\uFF09\u3002\u73B0\u5728\u5B8C\u6210\u7684\u8BDD\uFF0C\u8FD9\u4E9B\u884C\u4FDD\u6301\u539F\u6837\uFF1A\u4E0D\u505A\u8C03\u6574\uFF0C\u4E5F\u4E0D\u8BA1\u5165\u51C6\u786E\u7387\u3002\u53EF\u7528 \`/count ${p2.number} ${p2.bin}\` \u7EE7\u7EED\u76D8\u70B9\uFF0C\u6216\u4ECD\u7136\u5B8C\u6210\u3002`,
    noneOpen:
      "\u6CA1\u6709\u8FDB\u884C\u4E2D\u7684\u76D8\u70B9\u3002\u53EF\u7528 `/count start <\u4ED3\u5E93>` \u5F00\u59CB\u3002",
    openTitle: "\u8FDB\u884C\u4E2D\u7684\u76D8\u70B9",
    openLine: (p2) =>
      `*${p2.number}* \xB7 ${p2.scope} \xB7 ${p2.progress} \xB7 ${p2.status} \xB7 \u53D1\u8D77\u4EBA ${p2.by}`,
    progress: (p2) => `\u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C`,
    scope: {
      warehouse: (p2) => `${p2.warehouse}\uFF08\u5168\u4ED3\uFF09`,
      zone: (p2) => `${p2.warehouse} ${p2.label} \u533A`,
      bins: (p2) => `${p2.warehouse} \u5E93\u4F4D ${p2.label}`,
      items: (p2) => `${p2.warehouse} \xB7 \u7269\u6599 ${p2.label}`,
    },
    status: {
      counting: ":mag: \u76D8\u70B9\u4E2D",
      pending_approval: ":hourglass: \u5F85\u5BA1\u6279",
      posted: ":white_check_mark: \u5DF2\u8FC7\u8D26",
      rejected: ":x: \u5927\u989D\u5DEE\u5F02\u88AB\u9A73\u56DE\uFF0C\u672A\u8FC7\u8D26",
      cancelled: ":heavy_minus_sign: \u5DF2\u53D6\u6D88",
    },
    posting: {
      none: "\u65E0\u5DEE\u5F02",
      posted: "\u5DF2\u8FC7\u8D26",
      pending: "\u5F85\u5BA1\u6279",
      rejected: "\u88AB\u9A73\u56DE\uFF0C\u672A\u8FC7\u8D26",
    },
    sheet: {
      title: (p2) => `\u76D8\u70B9 ${p2.number}`,
      saveNext: "\u4FDD\u5B58\u5E76\u7EE7\u7EED",
      save: "\u4FDD\u5B58",
      close: "\u5173\u95ED",
      intro: (p2) => `*${p2.number}* \xB7 ${p2.scope}
\u7B2C ${p2.from}\u2013${p2.to} \u884C\uFF0C\u5171 ${p2.total} \u884C \xB7 \u5DF2\u76D8 ${p2.counted} \u884C\u3002
\u8BF7\u6E05\u70B9\u6BCF\u4E2A\u5E93\u4F4D\u7684\u5B9E\u7269\uFF0C\u53EF\u7528\u7269\u6599\u7684\u4EFB\u4E00\u5355\u4F4D\u586B\u5199\uFF08\`12\`\u3001\`3 box\`\uFF09\uFF1B\u6CA1\u6709\u5219\u586B \`0\`\uFF1B\u672A\u6E05\u70B9\u7684\u884C\u8BF7\u7559\u7A7A\u3002*\u4FDD\u5B58* \u4F1A\u4FDD\u5B58\u672C\u9875\u5E76\u663E\u793A\u4E0B\u4E00\u9875\u3002\u53D1\u73B0\u8868\u4E2D\u6CA1\u6709\u7684\u7269\u6599\uFF1F\`/count ${p2.number} found <\u7269\u6599> <\u6570\u91CF> <\u5E93\u4F4D>\`\u3002`,
      saved: (p2) =>
        `:floppy_disk: \u5DF2\u4FDD\u5B58 ${p2.changed} \u884C \xB7 \u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C\u3002`,
      unitsHint: (p2) => `\u5355\u4F4D\uFF1A${p2.units}`,
      doneTitle: "\u76D8\u70B9\u5DF2\u4FDD\u5B58",
      done: (p2) =>
        `:white_check_mark: \u5DF2\u4FDD\u5B58\u3002*${p2.number}* \u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C\u3002`,
      missing: (p2) =>
        `\u8FD8\u6709 ${p2.uncounted} \u884C\u672A\u76D8\u70B9\uFF0C\u7B2C\u4E00\u884C\u5728\u5E93\u4F4D ${p2.bin}\uFF1A\`/count ${p2.number} ${p2.bin}\` \u53EF\u76F4\u63A5\u6253\u5F00\u3002`,
      finishHint: (p2) =>
        `\u5168\u90E8\u76D8\u70B9\u540E\uFF0C\u7528 \`/count ${p2.number} finish\` \u5B8C\u6210\uFF08\u6216\u70B9\u4ED3\u5E93\u9891\u9053\u4E2D\u8BE5\u76D8\u70B9\u7684 *\u5B8C\u6210\u76D8\u70B9*\uFF09\u3002`,
    },
    report: {
      title: (p2) => `${p2.number} \xB7 \u76D8\u70B9\u5DEE\u5F02\u62A5\u544A`,
      scopeLine: (p2) => `${p2.scope} \xB7 ${p2.status} \xB7 \u5B8C\u6210\u4EBA ${p2.by}`,
      counted: "\u5DF2\u76D8",
      countedValue: (p2) => `${p2.counted}/${p2.total} \u884C`,
      exact: "\u8D26\u5B9E\u76F8\u7B26",
      exactValue: (p2) => `${p2.exact} \u884C\uFF08${p2.pct}\uFF09`,
      valueAccuracy: "\u91D1\u989D\u51C6\u786E\u7387",
      expectedValue: "\u8D26\u9762\u91D1\u989D",
      variance: "\u5DEE\u5F02",
      varianceValue: (p2) => `${p2.net}\uFF08\u7EDD\u5BF9\u503C\u5408\u8BA1 ${p2.gross}\uFF09`,
      posted: "\u5DF2\u8FC7\u8D26",
      waiting: "\u5F85\u5BA1\u6279",
      rejected: "\u88AB\u9A73\u56DE\uFF0C\u672A\u8FC7\u8D26",
      uncounted: "\u672A\u76D8\u70B9",
      uncountedValue: (p2) => `${p2.lines} \u884C\uFF0C\u4E0D\u505A\u8C03\u6574`,
      linesValue: (p2) => `${p2.lines} \u884C \xB7 ${p2.value}`,
      line: (p2) =>
        `\`${p2.bin}\` ${p2.sku} ${p2.name}\uFF1A\u8D26\u9762 ${p2.expected}${p2.moved ? `\uFF08\u5FEB\u7167 ${p2.snapshot}\uFF0C\u76D8\u70B9\u671F\u95F4\u53D8\u52A8 ${p2.moved}\uFF09` : ""} \xB7 \u5B9E\u76D8 ${p2.counted} \xB7 *${p2.variance}* \xB7 ${p2.value} \xB7 ${p2.posting}`,
      noVariance: ":tada: \u6240\u6709\u5DF2\u76D8\u884C\u8D26\u5B9E\u76F8\u7B26\u3002",
      more: (p2) => `\u2026\u2026\u53E6\u6709 ${p2.count} \u884C\u5B58\u5728\u5DEE\u5F02\u3002`,
      cancelledBy: (p2) =>
        `*${p2.number}* \u5DF2\u7531 ${p2.by} \u53D6\u6D88\uFF1B\u672A\u8FC7\u8D26\u4EFB\u4F55\u5DEE\u5F02\u3002`,
    },
    card: {
      title: (p2) => `\u76D8\u70B9 ${p2.number} \xB7 ${p2.scope}`,
      startedBy: "\u53D1\u8D77\u4EBA",
      progress: "\u8FDB\u5EA6",
      status: "\u72B6\u6001",
      summary: (p2) =>
        `\u884C\u51C6\u786E\u7387 ${p2.lineAccuracy} \xB7 \u91D1\u989D\u51C6\u786E\u7387 ${p2.valueAccuracy} \xB7 \u5DEE\u5F02 ${p2.net}`,
    },
    thread: {
      counted: (p2) =>
        `:pencil2: ${p2.by} \u5F55\u5165\u4E86 ${p2.changed} \u884C \xB7 \u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C\u3002`,
      finished: (p2) =>
        `:checkered_flag: ${p2.by} \u5B8C\u6210\u4E86\u76D8\u70B9\uFF1A\u5DF2\u76D8 ${p2.counted}/${p2.total} \u884C\uFF0C\u8D26\u5B9E\u76F8\u7B26 ${p2.exact} \u884C\uFF08${p2.lineAccuracy}\uFF09\uFF0C\u91D1\u989D\u51C6\u786E\u7387 ${p2.valueAccuracy}\u3002`,
      postedAtOnce: (p2) => `\u76F4\u63A5\u8FC7\u8D26\uFF1A${p2.lines} \u884C\uFF0C${p2.value}\u3002`,
      waiting: (p2) => `\u5F85\u5BA1\u6279\uFF1A${p2.lines} \u884C\uFF0C${p2.value}\u3002`,
      uncounted: (p2) => `\u672A\u76D8\u70B9\u3001\u4E0D\u505A\u8C03\u6574\uFF1A${p2.lines} \u884C\u3002`,
      posted: (p2) =>
        `:package: \u7ECF\u5BA1\u6279\u7684\u5DEE\u5F02\u5DF2\u8FC7\u8D26\u5230\u5E93\u5B58\u6D41\u6C34\uFF1A${p2.lines} \u884C\uFF0C${p2.value}\u3002`,
      cancelled: (p2) =>
        `:heavy_minus_sign: ${p2.by} \u53D6\u6D88\u4E86\u76D8\u70B9\uFF1B\u672A\u8FC7\u8D26\u4EFB\u4F55\u5DEE\u5F02\u3002`,
    },
    approval: {
      head: (p2) =>
        `*${p2.scope}* \xB7 ${p2.lines} \u884C\u5F85\u5BA1\u6279\uFF0C\u5408\u8BA1 ${p2.value} \xB7 \u91D1\u989D\u51C6\u786E\u7387 ${p2.accuracy}`,
      line: (p2) =>
        `\u2022 \`${p2.bin}\` ${p2.sku} ${p2.name}\uFF1A\u8D26\u9762 ${p2.expected}\uFF0C\u5B9E\u76D8 ${p2.counted}\uFF0C*${p2.variance}*\uFF0C${p2.value}`,
      more: (p2) => `_\u2026\u2026\u53E6\u6709 ${p2.count} \u884C_`,
    },
  },
};

// src/i18n/zh-cn-plan.ts
var zhPlan = {
  plan: {
    usage:
      "\u7528\u6CD5\uFF1A`/po plan` \xB7 `/po plan <\u4F9B\u5E94\u5546>`\uFF08\u8BE5\u4F9B\u5E94\u5546\u7684\u5168\u90E8\u884C\uFF09\xB7 \u52A0\u5929\u6570\u6362\u9700\u6C42\u7A97\u53E3\uFF08`/po plan 30`\uFF09\uFF0C\u6216\u52A0 `season`/`\u53BB\u5E74\u540C\u671F` \u770B\u53BB\u5E74\u540C\u671F\u3002",
    title: "\u91C7\u8D2D\u8BA1\u5212",
    weeklyTitle: "\u6BCF\u5468\u91C7\u8D2D\u8BA1\u5212",
    window: (p2) =>
      p2.season
        ? `\u9700\u6C42\uFF1A\u53BB\u5E74\u540C\u671F ${p2.days} \u5929\u7684\u51FA\u5E93`
        : `\u9700\u6C42\uFF1A\u6700\u8FD1 ${p2.days} \u5929\u7684\u51FA\u5E93`,
    historyNote:
      "\uFF08\u6682\u65E0\u9500\u552E\u8BA2\u5355\uFF1A\u4EE5\u51FA\u5E93\u6570\u91CF\u4F5C\u4E3A\u9700\u6C42\uFF09",
    summary: (p2) =>
      `${p2.suggested} \u4E2A\u7269\u6599\u9700\u5411 ${p2.suppliers} \u5BB6\u4F9B\u5E94\u5546\u91C7\u8D2D\uFF08\u5171\u68C0\u67E5 ${p2.items} \u4E2A\u7269\u6599\uFF09`,
    nothing:
      "\u76EE\u524D\u65E0\u9700\u91C7\u8D2D\uFF1A\u6240\u6709\u8BA1\u5212\u7269\u6599\u90FD\u9AD8\u4E8E\u518D\u8BA2\u8D27\u70B9\u3002",
    noSupplier:
      "\u65E0\u9ED8\u8BA4\u4F9B\u5E94\u5546\uFF08\u5728\u7269\u6599\u4E0A\u8BBE\u7F6E\u540E\u5373\u53EF\u5728\u6B64\u4E0B\u5355\uFF09",
    group: (p2) => `*${p2.supplier}* \xB7 ${p2.count} \u884C`,
    line: (p2) =>
      `*${p2.qty}* ${p2.sku} ${p2.name} \xB7 \u9884\u8BA1 ${p2.projected}\uFF0C\u8865\u8D27\u70B9 ${p2.trigger}`,
    noHistoryTag: (p2) =>
      ` \xB7 _${p2.days} \u5929\u5185\u65E0\u9500\u552E\uFF1A\u6309\u518D\u8BA2\u8D27\u91CF_`,
    moreLines: (p2) => `\u2026\u2026\u8FD8\u6709 ${p2.count} \u884C\uFF1A\`/po plan ${p2.code}\``,
    moreSuppliers: (p2) =>
      `\u2026\u2026\u8FD8\u6709 ${p2.count} \u5BB6\u4F9B\u5E94\u5546\uFF1A\u7528 \`/po plan <\u4F9B\u5E94\u5546>\` \u67E5\u770B`,
    noHistory: (p2) =>
      `${p2.count} \u4E2A\u7269\u6599\u5DF2\u5230\u518D\u8BA2\u8D27\u70B9\uFF0C\u4F46 ${p2.days} \u5929\u5185\u65E0\u9500\u552E\uFF0C\u4E14\u672A\u8BBE\u518D\u8BA2\u8D27\u91CF\u6216\u6700\u9AD8\u5E93\u5B58\uFF1A\u4E0D\u4F5C\u5EFA\u8BAE\uFF08${p2.skus}\uFF09`,
    noHistorySized: (p2) =>
      `${p2.count} \u6761\u5EFA\u8BAE\u5728 ${p2.days} \u5929\u5185\u65E0\u9500\u552E\uFF1A\u6309\u518D\u8BA2\u8D27\u91CF\u6216\u6700\u9AD8\u5E93\u5B58\u8BA1\u7B97`,
    why: "\u4E3A\u4EC0\u4E48\u662F\u8FD9\u4E2A\u6570\uFF1F",
    createDrafts: "\u751F\u6210\u91C7\u8D2D\u8BA2\u5355\u8349\u7A3F",
    weeklyMore:
      "\u8F93\u5165 `/po plan` \u67E5\u770B\u5168\u90E8\u884C\u3001\u8BA1\u7B97\u4F9D\u636E\u5E76\u751F\u6210\u91C7\u8D2D\u8BA2\u5355\u8349\u7A3F\u3002",
    unknownSupplier: (p2) =>
      `\u6CA1\u6709\u4F9B\u5E94\u5546 \`${p2.code}\`\u3002\u7528\u6CD5\uFF1A\`/po plan <\u4F9B\u5E94\u5546>\``,
    drafts: (p2) =>
      `:memo: \u5DF2\u751F\u6210\u91C7\u8D2D\u8BA2\u5355\u8349\u7A3F ${p2.numbers}\uFF0C\u5171 ${p2.lines} \u884C\u3002\u8BF7\u6838\u5BF9\uFF08\`/po <\u5355\u53F7>\`\uFF09\u540E\u63D0\u4EA4\u5BA1\u6279\u3002`,
    unpriced: (p2) =>
      `${p2.skus} \u6CA1\u6709\u4E0A\u6B21\u4EF7\u683C\u6216\u6210\u672C\uFF1A\u672A\u653E\u5165\u8349\u7A3F\uFF0C\u8BF7\u624B\u5DE5\u586B\u4EF7\u6DFB\u52A0\u3002`,
    nothingLeft:
      "\u8BE5\u4F9B\u5E94\u5546\u5DF2\u65E0\u9700\u91C7\u8D2D\uFF1A\u8BA1\u5212\u5DF2\u53D8\u5316\uFF08\u8349\u7A3F\u53EF\u80FD\u5DF2\u751F\u6210\uFF09\u3002",
    whyTitle: (p2) => `\u4E3A\u4EC0\u4E48\u5EFA\u8BAE ${p2.sku} ${p2.name} ${p2.qty}\uFF1F`,
    whyDemand: (p2) =>
      `\u9700\u6C42\uFF1A${p2.days} \u5929\uFF08${p2.from} \u2013 ${p2.to}\uFF09\u51FA\u5E93 ${p2.issued} = \u6BCF\u5929 ${p2.rate}`,
    whyNoDemand: (p2) =>
      `\u9700\u6C42\uFF1A${p2.days} \u5929\uFF08${p2.from} \u2013 ${p2.to}\uFF09\u5185\u65E0\u51FA\u5E93`,
    whyLead: (p2) =>
      p2.source === "none"
        ? "\u4EA4\u8D27\u671F\uFF1A\u7269\u6599\u548C\u4F9B\u5E94\u5546\u90FD\u672A\u8BBE\u7F6E\uFF0C\u6309 0 \u5929"
        : `\u4EA4\u8D27\u671F\uFF1A${p2.days} \u5929\uFF08\u53D6\u81EA${p2.source === "item" ? "\u7269\u6599" : "\u4F9B\u5E94\u5546"}\uFF09`,
    whyLeadDemand: (p2) =>
      `\u4EA4\u8D27\u671F\u5185\u9700\u6C42\uFF1A${p2.rate} \xD7 ${p2.days} \u5929\uFF0C\u5411\u4E0A\u53D6\u6574 = ${p2.qty}`,
    whySafety: (p2) => `\u5B89\u5168\u5E93\u5B58\uFF1A${p2.qty}`,
    whyProjected: (p2) =>
      `\u9884\u8BA1\u5E93\u5B58\uFF1A\u5728\u5E93 ${p2.onHand} \u2212 \u9884\u7559 ${p2.reserved} + \u5728\u9014 ${p2.onOrder} + \u8349\u7A3F\u91C7\u8D2D\u5355 ${p2.inDraft} = *${p2.projected}*`,
    whyTrigger: {
      reorder_point: (p2) =>
        `\u518D\u8BA2\u8D27\u70B9 ${p2.trigger}\uFF1A\u9884\u8BA1\u5E93\u5B58 ${p2.projected} \u4E0D\u9AD8\u4E8E\u5B83\uFF0C\u9700\u8981\u91C7\u8D2D`,
      lead_demand: (p2) =>
        `\u672A\u8BBE\u518D\u8BA2\u8D27\u70B9\uFF1A\u4EA4\u8D27\u671F\u9700\u6C42 + \u5B89\u5168\u5E93\u5B58 = ${p2.trigger}\uFF1B\u9884\u8BA1\u5E93\u5B58 ${p2.projected} \u4E0D\u9AD8\u4E8E\u5B83\uFF0C\u9700\u8981\u91C7\u8D2D`,
      safety_stock: (p2) =>
        `\u672A\u8BBE\u518D\u8BA2\u8D27\u70B9\u4E14\u65E0\u9500\u552E\uFF1A\u9884\u8BA1\u5E93\u5B58\uFF08${p2.projected}\uFF09\u4E0D\u9AD8\u4E8E\u5B89\u5168\u5E93\u5B58 ${p2.trigger} \u65F6\u91C7\u8D2D`,
    },
    whyBasis: {
      max_level: (p2) =>
        `\u8865\u5230\u6700\u9AD8\u5E93\u5B58\uFF1A${p2.max} \u2212 ${p2.projected} = ${p2.needed}`,
      reorder_qty: (p2) =>
        `\u518D\u8BA2\u8D27\u91CF ${p2.reorderQty} \xD7 ${p2.times}\uFF08\u8DB3\u4EE5\u9AD8\u4E8E\u518D\u8BA2\u8D27\u70B9\uFF09= ${p2.needed}`,
      cover: (p2) =>
        `\u8986\u76D6\u4EA4\u8D27\u671F + \u590D\u6838\u5468\u671F\uFF08${p2.days} + ${p2.review} \u5929\uFF09= ${p2.cover}\uFF0C+ \u5B89\u5168\u5E93\u5B58 ${p2.safety} \u2212 \u9884\u8BA1\u5E93\u5B58 ${p2.projected} = ${p2.needed}`,
    },
    whyRounded: (p2) =>
      `\u6309\u6574${p2.unit}\uFF08\u6BCF${p2.unit} ${p2.pack}\uFF09\u5411\u4E0A\u53D6\u6574\uFF1A*${p2.qty}*`,
    whyNotRounded: (p2) =>
      `\u672A\u8BBE\u91C7\u8D2D\u5355\u4F4D\u6216\u5305\u88C5\u89C4\u683C\uFF1A*${p2.qty}*`,
    whyNoHistory: (p2) =>
      `_${p2.days} \u5929\u5185\u65E0\u9500\u552E\uFF1A\u6309\u518D\u8BA2\u8D27\u91CF\u6216\u6700\u9AD8\u5E93\u5B58\u8BA1\u7B97\u3002_`,
    lateNote: (p2) =>
      `:alarm_clock: \u9884\u8BA1 ${p2.expected} \u5230\u8D27\uFF0C\u5DF2\u903E\u671F ${p2.days} \u5929\u4E14\u672A\u6536\u9F50\u3002\u8BF7 ${p2.owner} \u50AC\u4FC3\u4F9B\u5E94\u5546\u3002`,
    lateEscalated: (p2) =>
      `:rotating_light: \u9884\u8BA1 ${p2.expected} \u5230\u8D27\uFF0C\u903E\u671F ${p2.days} \u5929\u4ECD\u672A\u4EA4\u8D27\uFF1A\u5DF2\u901A\u77E5\u91C7\u8D2D\u7ECF\u7406\uFF08\u4E0B\u5355\u4EBA ${p2.owner}\uFF09\u3002`,
    whyGone:
      "\u8BE5\u7269\u6599\u5DF2\u65E0\u9700\u91C7\u8D2D\uFF1A\u6B64\u6D88\u606F\u53D1\u51FA\u540E\u8BA1\u5212\u5DF2\u53D8\u5316\u3002",
  },
};

// src/i18n/zh-cn-purchasing.ts
var zhPoStatusNames = {
  draft: "\u8349\u7A3F",
  pending_approval: "\u5F85\u5BA1\u6279",
  approved: "\u5DF2\u6279\u51C6",
  sent: "\u5DF2\u53D1\u9001\u7ED9\u4F9B\u5E94\u5546",
  partially_received: "\u90E8\u5206\u6536\u8D27",
  received: "\u5DF2\u6536\u8D27",
  closed: "\u5DF2\u5173\u95ED",
  on_hold: "\u5DF2\u6682\u505C",
  cancelled: "\u5DF2\u53D6\u6D88",
};
var zhPoActionNames = {
  submit: "\u63D0\u4EA4",
  approve: "\u6279\u51C6",
  reject: "\u9A73\u56DE",
  send: "\u53D1\u9001",
  hold: "\u6682\u505C",
  resume: "\u6062\u590D",
  cancel: "\u53D6\u6D88",
  close: "\u5173\u95ED",
  receive_part: "\u6536\u8D27",
  receive_all: "\u6536\u8D27",
  edit: "\u4FEE\u6539",
};
var zhPurchasing = {
  po: {
    usage:
      "\u7528\u6CD5\uFF1A`/po` \u6253\u5F00\u8868\u5355\uFF1B\u5FEB\u6377\u65B9\u5F0F `/po <\u4F9B\u5E94\u5546> <\u6570\u91CF> <SKU> @ <\u5355\u4EF7>, \u2026 \u5230 <\u65E5\u671F>`\uFF0C\u4F8B\u5982 `/po ACME 100 SKU-1 @ 2.50, 20 SKU-2 @ 10 \u5230 \u4E0B\u5468\u4E94`\uFF08\u4E5F\u53EF\u5199 `by next friday`\u3001`by \u6708\u5E95`\uFF09\u3002\u5355\u4EF7\u6309\u57FA\u672C\u5355\u4F4D\u8BA1\u3002`/po PO-000001` \u67E5\u770B\u91C7\u8D2D\u8BA2\u5355\u3002",
    statuses: {
      draft: ":memo: \u8349\u7A3F",
      pending_approval: ":hourglass: \u5F85\u5BA1\u6279",
      approved: ":white_check_mark: \u5DF2\u6279\u51C6",
      sent: ":outbox_tray: \u5DF2\u53D1\u9001\u7ED9\u4F9B\u5E94\u5546",
      partially_received: ":package: \u90E8\u5206\u6536\u8D27",
      received: ":package: \u5DF2\u6536\u8D27",
      closed: ":lock: \u5DF2\u5173\u95ED",
      on_hold: ":double_vertical_bar: \u5DF2\u6682\u505C",
      cancelled: ":heavy_minus_sign: \u5DF2\u53D6\u6D88",
    },
    buttons: {
      submit: "\u63D0\u4EA4\u5BA1\u6279",
      send: "\u53D1\u9001\u7ED9\u4F9B\u5E94\u5546",
      hold: "\u6682\u505C",
      resume: "\u6062\u590D",
      close: "\u5173\u95ED",
      cancel: "\u53D6\u6D88\u8BA2\u5355",
    },
    docTitle: (p2) => `\u91C7\u8D2D\u8BA2\u5355 ${p2.number} \xB7 ${p2.supplier}`,
    pending: (p2) =>
      `:hourglass: *${p2.number}*\uFF08${p2.total}\uFF09\u5DF2\u63D0\u4EA4\uFF0C\u9700\u7531${p2.roles}\u5BA1\u6279\u3002\u7ED3\u679C\u4F1A\u901A\u8FC7\u79C1\u4FE1\u548C\u8BA2\u5355\u8BA8\u8BBA\u4E32\u901A\u77E5\u4F60\u3002`,
    approvedAtOnce: (p2) =>
      `:white_check_mark: *${p2.number}*\uFF08${p2.total}\uFF09\u65E0\u9700\u5BA1\u6279\uFF0C\u5DF2\u6279\u51C6\u3002`,
    draftSaved: (p2) =>
      `:memo: *${p2.number}*\uFF08${p2.total}\uFF09\u5DF2\u4FDD\u5B58\u4E3A\u8349\u7A3F\u3002`,
    moved: (p2) => `*${p2.number}* \u73B0\u5728${p2.status}\u3002`,
    supplier: "\u4F9B\u5E94\u5546",
    expected: "\u9884\u8BA1\u5230\u8D27",
    deliveryTerms: "\u4EA4\u8D27\u6761\u6B3E",
    qualityStandard: "\u8D28\u91CF\u6807\u51C6",
    paymentTerms: "\u4ED8\u6B3E\u6761\u4EF6",
    paymentDays: (p2) => `${p2.days} \u5929`,
    notes: "\u5907\u6CE8",
    total: "\u5408\u8BA1",
    createdBy: "\u521B\u5EFA\u4EBA",
    status: "\u72B6\u6001",
    none: "\u2014",
    lineText: (p2) => `${p2.n}. *${p2.qty}* ${p2.sku} ${p2.name} @ ${p2.price} = ${p2.amount}`,
    priceSame: (p2) => `\u4E0A\u6B21\u4EF7\u683C ${p2.last}\uFF0C\u672A\u53D8`,
    priceDiff: (p2) => `\u4E0A\u6B21\u4EF7\u683C ${p2.last}\uFF08${p2.diff}\uFF09`,
    priceFlag: (p2) =>
      `:warning: \u4E0A\u6B21\u4EF7\u683C ${p2.last}\uFF08*${p2.diff}*\uFF0C\u8D85\u8FC7 ${p2.limit}% \u9884\u8B66\u7EBF\uFF09`,
    priceNew: "\u9996\u6B21\u91C7\u8D2D\uFF1A\u65E0\u4E0A\u6B21\u4EF7\u683C",
    priceCheck: "\u4EF7\u683C\u68C0\u67E5",
    budgetLine: (p2) =>
      `\u672C\u6708\u91C7\u8D2D\uFF1A\u5DF2\u6279\u51C6 ${p2.spent}\uFF1B\u52A0\u4E0A\u672C\u5355\u4E3A ${p2.after}\uFF0C\u9884\u7B97 ${p2.budget}\uFF08${p2.pct}%\uFF09`,
    budgetOver: (p2) =>
      `:warning: \u672C\u6708\u91C7\u8D2D\uFF1A\u5DF2\u6279\u51C6 ${p2.spent}\uFF1B\u52A0\u4E0A\u672C\u5355\u4E3A ${p2.after}\uFF0C*\u8D85\u51FA*\u9884\u7B97 ${p2.budget}\uFF08${p2.pct}%\uFF09`,
    noBudget: (p2) =>
      `\u672C\u6708\u91C7\u8D2D\uFF1A\u5DF2\u6279\u51C6 ${p2.spent}\uFF1B\u52A0\u4E0A\u672C\u5355\u4E3A ${p2.after}\uFF08\u672A\u8BBE\u6708\u5EA6\u9884\u7B97\uFF09`,
    thread: {
      created: (p2) => `:memo: \u7531 ${p2.by} \u521B\u5EFA\u3002`,
      sent: (p2) => `:outbox_tray: \u5DF2\u7531 ${p2.by} \u53D1\u9001\u7ED9\u4F9B\u5E94\u5546\u3002`,
      held: (p2) => `:double_vertical_bar: \u5DF2\u7531 ${p2.by} \u6682\u505C\u3002`,
      resumed: (p2) =>
        `:arrow_forward: \u5DF2\u7531 ${p2.by} \u6062\u590D\uFF0C\u91CD\u65B0\u4E3A${p2.status}\u3002`,
      cancelled: (p2) => `:heavy_minus_sign: \u5DF2\u7531 ${p2.by} \u53D6\u6D88\u3002`,
      closed: (p2) => `:lock: \u5DF2\u7531 ${p2.by} \u5173\u95ED\u3002`,
      received: (p2) => `:package: \u5DF2\u6536\u8D27\uFF0C\u73B0\u5728${p2.status}\u3002`,
    },
    modal: {
      title: "\u65B0\u5EFA\u91C7\u8D2D\u8BA2\u5355",
      submit: "\u63D0\u4EA4",
      close: "\u53D6\u6D88",
      done: "\u5B8C\u6210",
      intro:
        "\u586B\u5199\u9700\u8981\u7684\u884C\uFF0C\u5176\u4F59\u7559\u7A7A\u3002\u5355\u4EF7\u6309\u57FA\u672C\u5355\u4F4D\u8BA1\uFF1B\u6570\u91CF\u53EF\u5E26\u5355\u4F4D\uFF08\u5982 `3 \u7BB1`\uFF09\u3002\u63D0\u4EA4\u540E\u5373\u9001\u5BA1\u3002",
      supplier: "\u4F9B\u5E94\u5546",
      item: (p2) => `\u7B2C ${p2.n} \u884C\uFF1A\u5546\u54C1`,
      qty: (p2) => `\u7B2C ${p2.n} \u884C\uFF1A\u6570\u91CF`,
      price: (p2) => `\u7B2C ${p2.n} \u884C\uFF1A\u5355\u4EF7`,
      priceHint: "\u7559\u7A7A = \u4E0A\u6B21\u4EF7\u683C",
      expected: "\u9884\u8BA1\u5230\u8D27",
      expectedHint: "\u4F8B\u5982 2026-12-05\u3001\u4E0B\u5468\u4E94\u3001\u6708\u5E95\u3001next friday",
      deliveryTerms: "\u4EA4\u8D27\u6761\u6B3E",
      deliveryHint: "\u4F8B\u5982 \u9001\u8D27\u5230\u6211\u53F8\u4ED3\u5E93\uFF0C\u542B\u8FD0\u8D39",
      qualityStandard: "\u8D28\u91CF\u6807\u51C6",
      qualityHint: "\u4F8B\u5982 GB/T 5782\uFF0C\u5230\u8D27\u68C0\u9A8C",
      paymentTerms: "\u4ED8\u6B3E\u6761\u4EF6\uFF08\u5929\uFF09",
      paymentHint: "\u7559\u7A7A = \u4F9B\u5E94\u5546\u7684\u4ED8\u6B3E\u6761\u4EF6",
      notes: "\u5907\u6CE8",
      lineIncomplete:
        "\u8BF7\u9009\u62E9\u5546\u54C1\u5E76\u586B\u5199\u6570\u91CF\uFF0C\u6216\u5C06\u6574\u884C\u7559\u7A7A\u3002",
      noPrice:
        "\u8BE5\u5546\u54C1\u6CA1\u6709\u4E0A\u6B21\u4EF7\u683C\uFF0C\u8BF7\u586B\u5199\u5355\u4EF7\u3002",
      empty: "\u8BF7\u81F3\u5C11\u586B\u5199\u4E00\u884C\u3002",
    },
    quick: {
      badLine: (p2) =>
        `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u7684\u884C\uFF1A\u8BF7\u5199\u6210 \`<\u6570\u91CF> <SKU> @ <\u5355\u4EF7>\`\uFF0C\u4F8B\u5982 \`100 SKU-1 @ 2.50\`\u3002`,
      noDate:
        "\u8BF7\u8BF4\u660E\u5230\u8D27\u65E5\u671F\uFF1A\u4EE5 `\u5230 <\u65E5\u671F>` \u7ED3\u5C3E\uFF08\u5982 `\u5230 \u4E0B\u5468\u4E94`\u3001`by \u6708\u5E95`\u3001`by next friday`\uFF09\u3002",
      noPrice: (p2) =>
        `${p2.sku} \u4ECE\u672A\u91C7\u8D2D\u8FC7\uFF0C\u6CA1\u6709\u4E0A\u6B21\u4EF7\u683C\uFF1A\u8BF7\u5199 \`@ <\u5355\u4EF7>\`\u3002`,
    },
  },
  supplier: {
    usage:
      "\u7528\u6CD5\uFF1A`/supplier <\u4EE3\u7801\u6216\u540D\u79F0>` \u67E5\u770B\u4F9B\u5E94\u5546\uFF1B`/supplier add`\u3001`/supplier edit <\u4EE3\u7801>`\u3001`/supplier archive <\u4EE3\u7801>`\u3002",
    title: (p2) => `${p2.name}\uFF08${p2.code}\uFF09`,
    archivedTag: " \xB7 \u5DF2\u5F52\u6863",
    contact: "\u8054\u7CFB\u4EBA",
    phone: "\u7535\u8BDD",
    email: "\u90AE\u7BB1",
    paymentTerms: "\u4ED8\u6B3E\u6761\u4EF6",
    leadTime: "\u4EA4\u8D27\u5468\u671F",
    days: (p2) => `${p2.days} \u5929`,
    recent: "\u6700\u8FD1\u7684\u91C7\u8D2D\u8BA2\u5355",
    noRecent: "_\u6682\u65E0\u91C7\u8D2D\u8BA2\u5355\u3002_",
    recentLine: (p2) => `*${p2.number}* \xB7 ${p2.status} \xB7 \u9884\u8BA1 ${p2.expected} \xB7 ${p2.total}`,
    matches: (p2) => `\u6709\u591A\u4E2A\u4F9B\u5E94\u5546\u5339\u914D \`${p2.query}\`\uFF1A${p2.list}`,
    modalAdd: "\u65B0\u5EFA\u4F9B\u5E94\u5546",
    modalEdit: "\u7F16\u8F91\u4F9B\u5E94\u5546",
    save: "\u4FDD\u5B58",
    cancel: "\u53D6\u6D88",
    code: "\u4EE3\u7801",
    codeHint: "\u5E38\u7528\u7B80\u79F0\uFF0C\u4F8B\u5982 ACME",
    name: "\u540D\u79F0",
    nameZh: "\u4E2D\u6587\u540D\u79F0",
    leadTimeDays: "\u4EA4\u8D27\u5468\u671F\uFF08\u5929\uFF09",
    paymentTermsDays: "\u4ED8\u6B3E\u6761\u4EF6\uFF08\u5929\uFF09",
    saved: (p2) => `:white_check_mark: \u5DF2\u4FDD\u5B58\u4F9B\u5E94\u5546 *${p2.code}*\u3002`,
    archived: (p2) =>
      `\u4F9B\u5E94\u5546 *${p2.code}* \u5DF2\u5F52\u6863\uFF0C\u65B0\u7684\u91C7\u8D2D\u8BA2\u5355\u4E0D\u80FD\u518D\u4F7F\u7528\u5B83\u3002`,
    alreadyArchived: (p2) =>
      `\u4F9B\u5E94\u5546 *${p2.code}* \u65E9\u5DF2\u5F52\u6863\uFF0C\u672A\u4F5C\u66F4\u6539\u3002`,
    picker: "\u641C\u7D22\u4EE3\u7801\u6216\u540D\u79F0",
  },
  budget: {
    usage:
      "\u7528\u6CD5\uFF1A`/jxc budget <\u91D1\u989D>` \u8BBE\u7F6E\u6708\u5EA6\u91C7\u8D2D\u9884\u7B97\uFF0C\u4F8B\u5982 `/jxc budget 500000`\u3002",
    show: (p2) =>
      `\u6708\u5EA6\u91C7\u8D2D\u9884\u7B97\uFF1A${p2.budget}\uFF1B\u672C\u6708\u5DF2\u6279\u51C6\uFF1A${p2.spent}\u3002`,
    notSet: (p2) =>
      `\u672A\u8BBE\u7F6E\u6708\u5EA6\u91C7\u8D2D\u9884\u7B97\uFF1B\u672C\u6708\u5DF2\u6279\u51C6\uFF1A${p2.spent}\u3002`,
    set: (p2) =>
      `:white_check_mark: \u6708\u5EA6\u91C7\u8D2D\u9884\u7B97\u5DF2\u8BBE\u4E3A ${p2.budget}\u3002`,
  },
};

// src/i18n/zh-cn-receiving.ts
var zhReceiving = {
  receive: {
    usage:
      "\u7528\u6CD5\uFF1A`/receive PO-000001` \u6253\u5F00\u6536\u8D27\u8868\u5355\uFF08\u9010\u884C\u586B\u5199\u5B9E\u6536\u3001\u5408\u683C\u3001\u62D2\u6536\u53CA\u539F\u56E0\u3001\u5E93\u4F4D\uFF09\uFF1B`/receive PO-000001 all [\u4ED3\u5E93/\u5E93\u4F4D]` \u5C06\u6240\u6709\u672A\u6536\u6570\u91CF\u5168\u90E8\u9A8C\u6536\u5408\u683C\u3002",
    reasons: {
      damaged: "\u7834\u635F",
      wrong_spec: "\u89C4\u683C\u4E0D\u7B26",
      quality: "\u8D28\u91CF\u95EE\u9898",
      short: "\u77ED\u7F3A",
    },
    nothingOpen: (p2) =>
      `*${p2.number}* \u5DF2\u5168\u90E8\u6536\u8D27\uFF0C\u6CA1\u6709\u672A\u6536\u7684\u6570\u91CF\u3002`,
    noBin: (p2) =>
      `${p2.sku} \u8FD8\u6CA1\u6709\u6709\u5E93\u5B58\u7684\u5E93\u4F4D\uFF1A\u8BF7\u6307\u5B9A\u5E93\u4F4D\uFF0C\u4F8B\u5982 \`/receive ${p2.number} all MAIN/A-01\`\u3002`,
    badBin: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u5E93\u4F4D\uFF1A\u8BF7\u6309 \u4ED3\u5E93/\u5E93\u4F4D \u8F93\u5165\uFF0C\u4F8B\u5982 MAIN/A-01\u3002`,
    summary: (p2) =>
      [
        `\u5408\u683C ${p2.accepted}`,
        p2.rejected > 0 ? `\uFF0C\u62D2\u6536 ${p2.rejected}\uFF08${p2.reasons}\uFF09` : "",
        p2.places ? `\uFF0C\u5165\u5E93 ${p2.places}` : "",
      ].join(""),
    posted: (p2) =>
      `:package: *${p2.receipt}*\uFF08*${p2.number}*\uFF09\uFF1A${p2.summary}\u3002${p2.number} \u73B0\u4E3A${p2.status}\u3002`,
    thread: (p2) =>
      `:package: ${p2.receipt}\uFF1A${p2.summary}\uFF0C\u6536\u8D27\u4EBA ${p2.by}\uFF1B\u73B0\u4E3A${p2.status}\u3002`,
    returnPending:
      "\u62D2\u6536\u7684\u8D27\u7269\u4E0D\u5165\u5E93\uFF0C\u4ECD\u8BA1\u5728\u9014\uFF0C\u5F85\u91C7\u8D2D\u5728\u91C7\u8D2D\u8BA2\u5355\u7684\u8BA8\u8BBA\u4E32\u4E2D\u51B3\u5B9A\uFF1A\u9000\u8D27\u3001\u6362\u8D27\u6216\u8BA9\u6B65\u63A5\u6536\u3002",
    modal: {
      title: "\u6536\u8D27",
      submit: "\u8FC7\u8D26",
      close: "\u53D6\u6D88",
      done: "\u5173\u95ED",
      intro: (p2) =>
        `*${p2.number}* \xB7 ${p2.supplier}\u3002\u9010\u884C\u586B\u5199\u5B9E\u9645\u5230\u8D27\uFF08\u5B9E\u6536\u7559\u7A7A\u5219\u8DF3\u8FC7\u8BE5\u884C\uFF09\u3002\u5408\u683C + \u62D2\u6536 \u5FC5\u987B\u7B49\u4E8E\u5B9E\u6536\uFF1B\u8D85\u51FA\u8BA2\u8D2D\u6570\u91CF ${p2.tolerance}% \u4EE5\u5185\u76F4\u63A5\u8FC7\u8D26\uFF1B\u8D85\u51FA\u66F4\u591A\u5219\u7B49\u5F85\u4ED3\u5E93\u4E3B\u7BA1\u5BA1\u6279\u3002`,
      more: (p2) =>
        `\u8FD8\u6709 ${p2.count} \u884C\u672A\u6536\uFF1A\u5148\u8FC7\u8D26\u672C\u6B21\u6536\u8D27\uFF0C\u518D\u6B21\u8F93\u5165 \`/receive ${p2.number}\`\u3002`,
      received: (p2) => `${p2.sku} \xB7 \u5B9E\u6536\uFF08\u672A\u6536 ${p2.open}\uFF09`,
      accepted: (p2) => `${p2.sku} \xB7 \u5408\u683C`,
      acceptedHint: "\u7559\u7A7A\uFF1A\u5B9E\u6536 \u2212 \u62D2\u6536",
      rejected: (p2) => `${p2.sku} \xB7 \u62D2\u6536`,
      reason: (p2) => `${p2.sku} \xB7 \u62D2\u6536\u539F\u56E0`,
      bin: (p2) => `${p2.sku} \xB7 \u5E93\u4F4D\uFF08\u4ED3\u5E93/\u5E93\u4F4D\uFF09`,
      empty: "\u8BF7\u81F3\u5C11\u586B\u5199\u4E00\u884C\u7684\u5B9E\u6536\u6570\u91CF\u3002",
    },
  },
};

// src/i18n/zh-cn-returns.ts
var zhReturns = {
  returns: {
    decisionNames: {
      return: "\u9000\u56DE\u4F9B\u5E94\u5546\uFF08\u4E0D\u8865\u8D27\uFF09",
      replace: "\u9000\u56DE\u6362\u8D27",
      accept: "\u8BA9\u6B65\u63A5\u6536",
    },
    buttons: { return: "\u9000\u8D27", replace: "\u6362\u8D27", accept: "\u8BA9\u6B65\u63A5\u6536" },
    confirm: {
      returnTitle: "\u9000\u8D27\u4E14\u4E0D\u8865\u8D27\uFF1F",
      returnText: (p2) =>
        `${p2.qty} ${p2.sku} \u9000\u56DE\u4F9B\u5E94\u5546\u4E14\u4E0D\u518D\u8865\u8D27\uFF1A${p2.number} \u4E0D\u518D\u7B49\u5F85\u8FD9\u4E9B\u8D27\u7269\u3002`,
      replaceTitle: "\u9000\u56DE\u6362\u8D27\uFF1F",
      replaceText: (p2) =>
        `${p2.qty} ${p2.sku} \u9000\u56DE\u4F9B\u5E94\u5546\uFF0C\u7531\u4F9B\u5E94\u5546\u8865\u53D1\uFF1A\u4ECD\u8BA1\u4E3A ${p2.number} \u7684\u5728\u9014\u6570\u91CF\u3002`,
      yes: "\u786E\u5B9A",
      no: "\u53D6\u6D88",
    },
    lineHead: (p2) =>
      `:leftwards_arrow_with_hook: *${p2.qty}* ${p2.sku} \u62D2\u6536\uFF08${p2.reason}\uFF09`,
    waiting:
      "\u8BF7\u91C7\u8D2D\u51B3\u5B9A\uFF1A*\u9000\u8D27*\uFF08\u4E0D\u8865\u8D27\uFF09\u3001*\u6362\u8D27*\uFF08\u4F9B\u5E94\u5546\u8865\u53D1\uFF0C\u4ECD\u8BA1\u5728\u9014\uFF09\u6216*\u8BA9\u6B65\u63A5\u6536*\uFF08\u6309\u8BA2\u5355\u4EF7\u5165\u5E93\uFF09\u3002",
    stillWaiting: (p2) =>
      `\u8FD8\u6709 ${p2.qty} \u5F85\u91C7\u8D2D\u51B3\u5B9A\uFF1A\u9000\u8D27\u3001\u6362\u8D27\u6216\u8BA9\u6B65\u63A5\u6536\u3002`,
    decided: {
      return: (p2) =>
        `${p2.number}\uFF1A${p2.qty} \u9000\u56DE\u4F9B\u5E94\u5546\uFF0C\u4E0D\u8865\u8D27 \u2014 ${p2.by}`,
      replace: (p2) =>
        `${p2.number}\uFF1A${p2.qty} \u9000\u56DE\u6362\u8D27\uFF0C\u4ECD\u8BA1\u5728\u9014 \u2014 ${p2.by}`,
      accept: (p2) => `${p2.qty} \u8BA9\u6B65\u63A5\u6536\uFF0C\u5165\u5E93 ${p2.place} \u2014 ${p2.by}`,
    },
    more: (p2) =>
      `\u53E6\u6709 ${p2.count} \u884C\u62D2\u6536\u8D27\u7269\uFF0C\u5904\u7406\u5B8C\u4E0A\u9762\u7684\u884C\u540E\u4F1A\u5728\u6B64\u663E\u793A\u6309\u94AE\u3002`,
    thread: {
      return: (p2) =>
        `:leftwards_arrow_with_hook: *${p2.number}* \xB7 ${p2.rtn}\uFF1A${p2.receipt} \u7684 ${p2.qty} ${p2.sku} \u9000\u56DE${p2.supplier}\uFF0C\u4E0D\u8865\u8D27\uFF0C\u7531 ${p2.by} \u51B3\u5B9A\uFF1B\u4E0D\u518D\u8BA1\u4E3A\u5728\u9014\u3002${p2.number} \u73B0\u4E3A${p2.status}\u3002`,
      replace: (p2) =>
        `:leftwards_arrow_with_hook: *${p2.number}* \xB7 ${p2.rtn}\uFF1A${p2.receipt} \u7684 ${p2.qty} ${p2.sku} \u9000\u56DE${p2.supplier}\u6362\u8D27\uFF0C\u7531 ${p2.by} \u51B3\u5B9A\uFF1B\u4ECD\u8BA1\u4E3A\u5728\u9014\u3002${p2.number} \u73B0\u4E3A${p2.status}\u3002`,
      accept: (p2) =>
        `:white_check_mark: *${p2.number}* \xB7 ${p2.receipt} \u7684 ${p2.qty} ${p2.sku} \u7531 ${p2.by} \u8BA9\u6B65\u63A5\u6536\uFF0C\u5165\u5E93 ${p2.place}\uFF0C\u6309\u8BA2\u5355\u4EF7\u8BA1 ${p2.value}\u3002${p2.number} \u73B0\u4E3A${p2.status}\u3002`,
    },
    warehouse: {
      return: (p2) =>
        `:truck: \u8BF7\u5C06 ${p2.qty} ${p2.sku}\uFF08${p2.receipt}\uFF0C\u62D2\u6536\uFF1A${p2.reason}\uFF09\u9000\u56DE${p2.supplier} \u2014 ${p2.rtn}\uFF0C\u4E0D\u8865\u8D27\u3002\u7531 ${p2.by} \u51B3\u5B9A\u3002`,
      replace: (p2) =>
        `:truck: \u8BF7\u5C06 ${p2.qty} ${p2.sku}\uFF08${p2.receipt}\uFF0C\u62D2\u6536\uFF1A${p2.reason}\uFF09\u9000\u56DE${p2.supplier} \u2014 ${p2.rtn}\uFF0C\u4F9B\u5E94\u5546\u5C06\u8865\u53D1\u3002\u7531 ${p2.by} \u51B3\u5B9A\u3002`,
      accept: (p2) =>
        `:inbox_tray: \u8BF7\u5C06 ${p2.qty} ${p2.sku}\uFF08${p2.receipt}\uFF0C\u62D2\u6536\uFF1A${p2.reason}\uFF09\u4E0A\u67B6\u5230 ${p2.place}\uFF1A\u5DF2\u7531 ${p2.by} \u8BA9\u6B65\u63A5\u6536\u3002`,
    },
    done: {
      return: (p2) =>
        `\u5DF2\u5B8C\u6210\uFF1A${p2.rtn} \u2014 ${p2.qty} ${p2.sku} \u9000\u56DE\u4F9B\u5E94\u5546\uFF0C\u4E0D\u8865\u8D27\uFF1B${p2.number} \u73B0\u4E3A${p2.status}\u3002\u5DF2\u901A\u77E5\u4ED3\u5E93\u9000\u8D27\u3002`,
      replace: (p2) =>
        `\u5DF2\u5B8C\u6210\uFF1A${p2.rtn} \u2014 ${p2.qty} ${p2.sku} \u9000\u56DE\u6362\u8D27\uFF0C\u4ECD\u8BA1\u5728\u9014\uFF1B${p2.number} \u73B0\u4E3A${p2.status}\u3002\u5DF2\u901A\u77E5\u4ED3\u5E93\u9000\u8D27\u3002`,
      accept: (p2) =>
        `\u5DF2\u5B8C\u6210\uFF1A${p2.qty} ${p2.sku} \u5DF2\u5165\u5E93 ${p2.place}\uFF0C\u6309\u8BA2\u5355\u4EF7\u8BA1 ${p2.value}\uFF1B${p2.number} \u73B0\u4E3A${p2.status}\u3002\u5DF2\u901A\u77E5\u4ED3\u5E93\u4E0A\u67B6\u3002`,
    },
    left: (p2) => `\u8FD8\u6709 ${p2.qty} \u5F85\u5904\u7406\u3002`,
    modal: {
      title: "\u8BA9\u6B65\u63A5\u6536",
      submit: "\u63A5\u6536",
      close: "\u53D6\u6D88",
      done: "\u5173\u95ED",
      intro: (p2) =>
        `${p2.receipt} \u7684 *${p2.qty}* ${p2.sku} \u88AB\u62D2\u6536\uFF08${p2.reason}\uFF09\u3002\u63A5\u6536\u7684\u8D27\u7269\u6309\u8BA2\u5355\u4EF7\uFF08\u6BCF\u4EF6 ${p2.price}\uFF09\u5165\u5E93\uFF1B\u672A\u63A5\u6536\u7684\u90E8\u5206\u4ECD\u5F85\u9000\u8D27\u6216\u6362\u8D27\u3002`,
      qty: (p2) => `\u63A5\u6536\u6570\u91CF\uFF08\u6700\u591A ${p2.qty}\uFF09`,
      bin: "\u5165\u5E93\u5E93\u4F4D\uFF08\u4ED3\u5E93/\u5E93\u4F4D\uFF09",
    },
    over: {
      line: (p2) =>
        `*${p2.sku}*\uFF1A\u8BA2\u8D2D ${p2.ordered}\uFF0C\u6B64\u524D ${p2.before}\uFF0C\u672C\u6B21\u5408\u683C ${p2.accepted} \u2014 *\u8D85\u51FA\u8BA2\u5355 ${p2.over}\uFF08${p2.pct}%\uFF09*\uFF1B\u5BB9\u5DEE\u5185\u6700\u591A ${p2.most}`,
      noneBefore: "\u65E0",
      pending: (
        p2,
      ) => `:hourglass: *${p2.receipt}*\uFF08*${p2.number}*\uFF09\u8D85\u51FA ${p2.pct}% \u7684\u6536\u8D27\u5BB9\u5DEE\uFF1A
${p2.lines}
\u7B49\u5F85\u5BA1\u6279\uFF08${p2.roles}\uFF09\uFF1B\u6279\u51C6\u524D\u4E0D\u5165\u5E93\u3002\u5BA1\u6279\u7ED3\u679C\u5C06\u79C1\u4FE1\u901A\u77E5\u4F60\u3002`,
      card: (
        p2,
      ) => `*${p2.number}* \xB7 ${p2.supplier} \xB7 \u6536\u8D27\u4EBA ${p2.by}\uFF0C\u8D85\u51FA ${p2.pct}% \u7684\u5BB9\u5DEE\uFF1A
${p2.lines}`,
      within: (p2) => `\u53E6\u6709 ${p2.count} \u884C\u5728\u5BB9\u5DEE\u5185\u3002`,
      effect:
        "\u6279\u51C6\u540E\u6309\u8BA2\u5355\u4EF7\u5165\u5E93\uFF1B\u9A73\u56DE\u5219\u62D2\u6536\u8D27\u7269\uFF0C\u5E93\u5B58\u4E0D\u53D8\u3002",
      thread: {
        awaiting: (p2) =>
          `:hourglass: *${p2.number}* \xB7 ${p2.receipt}\uFF08\u6536\u8D27\u4EBA ${p2.by}\uFF09\u8D85\u51FA\u5BB9\u5DEE\uFF0C\u7B49\u5F85\u4ED3\u5E93\u4E3B\u7BA1\u5BA1\u6279\uFF1B\u5C1A\u672A\u5165\u5E93\u3002`,
        refused: (p2) =>
          `:x: *${p2.number}* \xB7 ${p2.receipt}\uFF08\u8D85\u51FA\u5BB9\u5DEE\uFF09\u5DF2\u88AB ${p2.by} \u9A73\u56DE${p2.reason ? `\uFF1A${p2.reason}` : ""}\u3002\u672A\u5165\u5E93\uFF1B\u8D27\u7269\u7531\u627F\u8FD0\u4EBA\u5E26\u56DE\uFF0C\u4ECD\u8BA1\u4E3A\u5728\u9014\u3002`,
      },
      toReceiver: {
        approved: "\u5DF2\u5165\u5E93\uFF1A\u8BF7\u6309\u6536\u8D27\u5355\u4E0A\u67B6\u3002",
        rejected:
          "\u672A\u5165\u5E93\uFF1A\u8BF7\u62D2\u6536\u8D27\u7269\uFF0C\u7531\u627F\u8FD0\u4EBA\u5E26\u56DE\u3002",
      },
      approvedBy: (p2) => `\u8D85\u51FA\u5BB9\u5DEE\uFF0C\u5DF2\u7531 ${p2.by} \u6279\u51C6\u3002`,
    },
    receiptTitle: (p2) => `\u6536\u8D27\u5355 ${p2.receipt} \xB7 ${p2.number} \xB7 ${p2.supplier}`,
    receiptStatuses: {
      posted: ":white_check_mark: \u5DF2\u8FC7\u8D26",
      pending_approval: ":hourglass: \u5F85\u5BA1\u6279",
      refused: ":x: \u5DF2\u62D2\u6536",
    },
  },
};

// src/i18n/zh-cn.ts
var problems2 = {
  not_a_number: "\u4E0D\u662F\u6570\u5B57",
  zero: "\u5FC5\u987B\u5927\u4E8E\u96F6",
  negative: "\u4E0D\u80FD\u4E3A\u8D1F\u6570",
  fractional: "\u8BE5\u5355\u4F4D\u53EA\u80FD\u662F\u6574\u6570",
  too_large: "\u6570\u503C\u8FC7\u5927",
  too_many_decimals: "\u5C0F\u6570\u4F4D\u6570\u8D85\u8FC7\u8D27\u5E01\u7CBE\u5EA6",
  unknown_unit: "\u8BE5\u5546\u54C1\u6CA1\u6709\u8FD9\u4E2A\u5355\u4F4D",
  empty: "\u4E0D\u80FD\u4E3A\u7A7A",
  too_long: "\u5185\u5BB9\u8FC7\u957F",
  incomplete: "\u91D1\u989D\u548C\u89D2\u8272\u9700\u540C\u65F6\u586B\u5199\u6216\u540C\u65F6\u7559\u7A7A",
  not_a_date:
    "\u65E0\u6CD5\u8BC6\u522B\u4E3A\u65E5\u671F\uFF08\u53EF\u4EE5\u8F93\u5165 2026-12-05\u300112\u67085\u65E5\u3001\u4E0B\u5468\u4E94\u3001\u6708\u5E95 \u6216 next friday\uFF09",
  no_such_day: "\u65E5\u5386\u4E0A\u6CA1\u6709\u8FD9\u4E00\u5929",
  in_the_past: "\u8BE5\u65E5\u671F\u5DF2\u7ECF\u8FC7\u53BB",
  ends_before_start: "\u7ED3\u675F\u65E5\u671F\u65E9\u4E8E\u5F00\u59CB\u65E5\u671F",
  mismatch: "\u5408\u683C\u6570 + \u62D2\u6536\u6570 \u5FC5\u987B\u7B49\u4E8E\u5B9E\u6536\u6570",
};
var roleNames2 = {
  admin: "\u7BA1\u7406\u5458",
  purchasing_clerk: "\u91C7\u8D2D\u5458",
  purchasing_manager: "\u91C7\u8D2D\u7ECF\u7406",
  warehouse_keeper: "\u4ED3\u7BA1\u5458",
  warehouse_supervisor: "\u4ED3\u5E93\u4E3B\u7BA1",
  salesperson: "\u9500\u552E\u5458",
  sales_manager: "\u9500\u552E\u7ECF\u7406",
  accountant: "\u4F1A\u8BA1",
  finance_supervisor: "\u8D22\u52A1\u4E3B\u7BA1",
};
var departmentNames2 = {
  purchasing: "\u91C7\u8D2D",
  warehouse: "\u4ED3\u5E93",
  sales: "\u9500\u552E",
  finance: "\u8D22\u52A1",
};
var eventNames2 = {
  "approval.requested": "\u5355\u636E\u63D0\u4EA4\u5BA1\u6279",
  "approval.step_opened": "\u5BA1\u6279\u8F6C\u5230\u4E0B\u4E00\u4F4D\u5BA1\u6279\u4EBA",
  "approval.step_approved": "\u5BA1\u6279\u7684\u4E00\u7EA7\u5DF2\u901A\u8FC7",
  "approval.approved": "\u5355\u636E\u5BA1\u6279\u901A\u8FC7",
  "approval.rejected": "\u5355\u636E\u88AB\u9A73\u56DE",
  "approval.cancelled": "\u5BA1\u6279\u7533\u8BF7\u5DF2\u64A4\u56DE",
  "approval.reminder": "\u5BA1\u6279\u7B49\u5F85\u8FC7\u4E45",
  "approval.escalated": "\u7B49\u5F85\u4E2D\u7684\u5BA1\u6279\u5DF2\u5347\u7EA7",
  "adjustment.posted": "\u5E93\u5B58\u8C03\u6574\u5DF2\u8BB0\u8D26",
  "po.created": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u521B\u5EFA",
  "po.sent": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u53D1\u9001\u7ED9\u4F9B\u5E94\u5546",
  "po.held": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u6682\u505C",
  "po.resumed": "\u6682\u505C\u7684\u91C7\u8D2D\u8BA2\u5355\u5DF2\u6062\u590D",
  "po.cancelled": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u53D6\u6D88",
  "po.closed": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u5173\u95ED",
  "po.received": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u6536\u8D27",
  "po.late": "\u91C7\u8D2D\u8BA2\u5355\u5DF2\u8FC7\u9884\u8BA1\u4EA4\u8D27\u65E5",
  "purchase_plan.ready": "\u6BCF\u5468\u91C7\u8D2D\u8BA1\u5212\u5DF2\u751F\u6210",
  ...zhCountEvents,
  "receipt.awaiting_approval": "\u8D85\u51FA\u5BB9\u5DEE\u7684\u6536\u8D27\u5F85\u5BA1\u6279",
  "receipt.refused": "\u8D85\u51FA\u5BB9\u5DEE\u7684\u6536\u8D27\u5DF2\u88AB\u62D2\u6536",
  "receipt.decided": "\u91C7\u8D2D\u5DF2\u51B3\u5B9A\u62D2\u6536\u8D27\u7269\u7684\u5904\u7406\u65B9\u5F0F",
};
var codes2 = (values) => values.map((v) => `\`${v}\``).join("\u3001");
var why2 = (p2) =>
  typeof p2.problem === "string" && p2.problem in problems2 ? `\uFF1A${problems2[p2.problem]}` : "";
var decisionName2 = (p2, names, lead) =>
  typeof p2.decision === "string" && p2.decision in names ? `${lead}${names[p2.decision]}` : "";
var zhCN = {
  errors: {
    NOT_ALLOWED: (p2) =>
      p2.roles === "any"
        ? "\u60A8\u8FD8\u6CA1\u6709 jxc \u89D2\u8272\uFF0C\u8BF7\u8054\u7CFB\u7BA1\u7406\u5458\u4E3A\u60A8\u5206\u914D\uFF08`/jxc role @\u60A8 add <\u89D2\u8272>`\uFF09\u3002"
        : `\u60A8\u6CA1\u6709\u6743\u9650\u6267\u884C\u6B64\u64CD\u4F5C${p2.roles ? `\uFF08\u9700\u8981\u4EE5\u4E0B\u89D2\u8272\u4E4B\u4E00\uFF1A${roleList(p2.roles, roleNames2)}\uFF09` : ""}\u3002`,
    NOT_FOUND: (p2) => `\u672A\u627E\u5230${p2.what ? ` ${p2.what}` : "\u76F8\u5173\u5185\u5BB9"}\u3002`,
    INVALID_INPUT: (p2) => `\u8F93\u5165\u65E0\u6548${why2(p2)}\u3002`,
    UNKNOWN_SUBCOMMAND: (p2) => `\u672A\u77E5\u547D\u4EE4 \`${p2.input}\`\u3002`,
    UNSUPPORTED_LANGUAGE: (p2) =>
      `jxc \u4E0D\u652F\u6301 \`${p2.input}\`\uFF0C\u8BF7\u4F7F\u7528 \`en\` \u6216 \`zh\`\u3002`,
    CONFLICT: () =>
      "\u6709\u4EBA\u540C\u65F6\u4FEE\u6539\u4E86\u6B64\u5185\u5BB9\uFF0C\u8BF7\u91CD\u8BD5\u3002",
    INSUFFICIENT_STOCK: (p2) =>
      `\u5E93\u5B58\u4E0D\u8DB3${p2.sku ? `\uFF1A${p2.sku}` : ""}${p2.available !== void 0 ? `\uFF0C\u53EF\u7528 ${p2.available}` : ""}${p2.requested !== void 0 ? `\uFF0C\u9700\u8981 ${p2.requested}` : ""}\u3002`,
    UNKNOWN_ITEM: (p2) =>
      `\u6CA1\u6709\u4E0E \`${p2.query}\` \u5339\u914D\u7684\u5546\u54C1${p2.suggestions ? `\u3002\u60A8\u662F\u5426\u8981\u627E\uFF1A${p2.suggestions}\uFF1F` : "\u3002"}`,
    UNKNOWN_WAREHOUSE: (p2) =>
      `\u6CA1\u6709\u4ED3\u5E93 \`${p2.code}\`${p2.known ? `\u3002\u73B0\u6709\u4ED3\u5E93\uFF1A${p2.known}` : "\u3002"}`,
    UNKNOWN_LOCATION: (p2) =>
      `\u4ED3\u5E93 ${p2.warehouse} \u4E2D\u6CA1\u6709\u5E93\u4F4D \`${p2.code}\`\u3002`,
    UNKNOWN_USER: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F Slack \u7528\u6237\uFF0C\u8BF7\u7528 @ \u63D0\u53CA\uFF0C\u4F8B\u5982 @alice\u3002`,
    UNKNOWN_ROLE: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u89D2\u8272\u3002\u89D2\u8272\uFF1A${p2.known}`,
    INVALID_QUANTITY: (p2) => `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u6570\u91CF${why2(p2)}\u3002`,
    INVALID_MONEY: (p2) => `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u91D1\u989D${why2(p2)}\u3002`,
    LAST_ADMIN: () =>
      "\u8FD9\u6837\u5C06\u6CA1\u6709\u4EFB\u4F55\u7BA1\u7406\u5458\u3002\u8BF7\u5148\u6307\u5B9A\u5176\u4ED6\u7BA1\u7406\u5458\u3002",
    DUPLICATE: (p2) => `${p2.what} \`${p2.key}\` \u5DF2\u5B58\u5728\u3002`,
    ALREADY_DECIDED: (p2) =>
      `\u5DF2\u5904\u7406${p2.by ? `\uFF08\u7531 <@${p2.by}> \u51B3\u5B9A\uFF09` : ""}${decisionName2(p2, zhReturns.returns.decisionNames, "\uFF1A")}\u3002`,
    STALE_ACTION: () =>
      "\u6B64\u6D88\u606F\u5DF2\u8FC7\u671F\uFF0C\u672A\u505A\u4EFB\u4F55\u66F4\u6539\u3002",
    SELF_APPROVAL: () =>
      "\u4E0D\u80FD\u5BA1\u6279\u81EA\u5DF1\u63D0\u4EA4\u7684\u7533\u8BF7\uFF0C\u5C06\u7531\u5176\u4ED6\u5BA1\u6279\u4EBA\u51B3\u5B9A\u3002",
    POLICY_ORDER: (p2) =>
      p2.tier === 0
        ? "\u5347\u7EA7\u65F6\u95F4\u5FC5\u987B\u665A\u4E8E\u63D0\u9192\u65F6\u95F4\u3002"
        : `\u7B2C ${p2.tier} \u7EA7\u7684\u8D77\u59CB\u91D1\u989D\u5FC5\u987B\u9AD8\u4E8E\u4E0A\u4E00\u7EA7\u3002`,
    UNKNOWN_DEPARTMENT: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u90E8\u95E8\u3002\u90E8\u95E8\uFF1A${codes2(Object.values(departmentNames2))}\uFF08\u6216 ${codes2(departments)}\uFF09\u3002`,
    CHANNEL_MENTION_NEEDED: (p2) =>
      p2.input
        ? `\`${p2.input}\` \u662F\u4EE5\u7EAF\u6587\u672C\u53D1\u9001\u7684\uFF0C\u6CA1\u6709\u9891\u9053 ID\u3002\u8BF7\u8F93\u5165 # \u5E76\u4ECE Slack \u7684\u5217\u8868\u4E2D\u9009\u62E9\u9891\u9053\uFF0C\u4F7F\u5176\u53D8\u6210\u94FE\u63A5\uFF0C\u4F8B\u5982 \`/jxc channel \u4ED3\u5E93 #warehouse\`\u3002`
        : "\u8BF7\u6307\u5B9A\u9891\u9053\uFF1A\u8F93\u5165 # \u5E76\u4ECE Slack \u7684\u5217\u8868\u4E2D\u9009\u62E9\uFF0C\u4F8B\u5982 `/jxc channel \u4ED3\u5E93 #warehouse`\u3002",
    UNKNOWN_EVENT_TYPE: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u4E8B\u4EF6\u7C7B\u578B\u3002\u4E8B\u4EF6\u7C7B\u578B\uFF1A${codes2(eventTypes)}\u3002`,
    UNKNOWN_ROUTE_TARGET: (p2) =>
      `\`${p2.input}\` \u4E0D\u662F\u6709\u6548\u7684\u901A\u77E5\u5BF9\u8C61\u3002\u53EF\u7528\uFF1A\`owner\`\uFF08\u7533\u8BF7\u4EBA\uFF09\u3001\`role:<\u89D2\u8272>\`\uFF08\u89D2\u8272\uFF1A${codes2(roles)}\uFF09\u6216 \`channel:<\u90E8\u95E8>\`\uFF08\u90E8\u95E8\uFF1A${codes2(departments)}\uFF09\u3002`,
    UNKNOWN_SUPPLIER: (p2) =>
      `\u6CA1\u6709\u4F9B\u5E94\u5546\u5339\u914D \`${p2.query}\`${p2.suggestions ? `\u3002\u4F60\u662F\u4E0D\u662F\u8981\u627E ${p2.suggestions}\uFF1F` : "\u3002"}\u53EF\u7528 \`/supplier add\` \u65B0\u5EFA\u3002`,
    ILLEGAL_TRANSITION: (p2) =>
      `${p2.number} \u5F53\u524D${p2.status ? (zhPoStatusNames[p2.status] ?? p2.status) : "\u5904\u4E8E\u5176\u4ED6\u72B6\u6001"}\uFF0C\u4E0D\u80FD${zhPoActionNames[p2.action] ?? p2.action}\uFF1B\u672A\u4F5C\u4EFB\u4F55\u66F4\u6539\u3002`,
    OVER_RECEIPT: (p2) =>
      `${p2.sku}\uFF1A\u8BA2\u8D2D ${p2.ordered}\uFF0C\u5DF2\u9A8C\u6536 ${p2.already}\uFF1B\u6700\u591A\u8FD8\u80FD\u9A8C\u6536 ${p2.most}\uFF08\u8D85\u6536\u5BB9\u5DEE ${p2.pct}%\uFF09\u3002\u672A\u505A\u4EFB\u4F55\u66F4\u6539\uFF1A\u8BF7\u6700\u591A\u63A5\u6536\u8BE5\u6570\u91CF\uFF0C\u5176\u4F59\u9000\u8D27\u3002`,
    REJECTS_LEFT: (p2) =>
      `${p2.receipt} \u7684 ${p2.sku} \u53EA\u5269 ${p2.left} \u5F85\u5904\u7406\uFF08\u5176\u4F59\u5DF2\u7531\u4ED6\u4EBA\u5904\u7406\uFF09\uFF1B\u672A\u505A\u4EFB\u4F55\u66F4\u6539\u3002`,
    REPLACEMENT_NOT_EXPECTED: (p2) =>
      p2.owed === 0
        ? `${p2.number} \u5DF2\u4E0D\u518D\u7B49\u5F85 ${p2.sku}\uFF08\u5DF2\u6536\u9F50\u6216\u5DF2\u5173\u95ED\uFF09\uFF0C\u6362\u8D27\u65E0\u6CD5\u518D\u6309\u6B64\u8BA2\u5355\u6536\u8D27\uFF1A\u8BF7\u9009\u62E9\u9000\u8D27\u6216\u8BA9\u6B65\u63A5\u6536\u3002`
        : `${p2.number} \u53EA\u8FD8\u5DEE ${p2.owed} ${p2.sku}\uFF0C\u65E0\u6CD5\u6362\u8D27 ${p2.qty}\uFF1A\u5176\u4F59\u8BF7\u9000\u8D27\u6216\u8BA9\u6B65\u63A5\u6536\u3002`,
    ...zhCountErrors,
  },
  problems: problems2,
  roleNames: roleNames2,
  departmentNames: departmentNames2,
  eventNames: eventNames2,
  generic: {
    unexpected: (p2) =>
      `\u7CFB\u7EDF\u51FA\u9519\uFF0C\u672A\u505A\u4EFB\u4F55\u66F4\u6539\u3002\u8BF7\u91CD\u8BD5\uFF1B\u5982\u679C\u95EE\u9898\u6301\u7EED\uFF0C\u8BF7\u628A\u6B64\u7F16\u53F7\u544A\u8BC9\u7BA1\u7406\u5458\uFF1A\`${p2.ref}\`\u3002`,
  },
  help: {
    title: "jxc \u2014 \u8FDB\u9500\u5B58",
    intro:
      "\u60A8\u53EF\u4EE5\u4F7F\u7528\u4EE5\u4E0B\u547D\u4EE4\uFF0C\u5728\u4EFB\u610F\u9891\u9053\u6216\u79C1\u4FE1\u4E2D\u8F93\u5165\u5373\u53EF\u3002",
    didYouMean: (p2) =>
      `\u65E0\u6CD5\u8BC6\u522B \`${p2.input}\`\u3002\u60A8\u662F\u60F3\u8F93\u5165 \`${p2.suggestion}\` \u5417\uFF1F`,
    unknown: (p2) => `\u65E0\u6CD5\u8BC6\u522B \`${p2.input}\`\u3002`,
    noRole:
      "_\u60A8\u8FD8\u6CA1\u6709 jxc \u89D2\u8272\uFF0C\u56E0\u6B64\u5927\u90E8\u5206\u547D\u4EE4\u672A\u663E\u793A\u3002\u8BF7\u8054\u7CFB\u7BA1\u7406\u5458\u4E3A\u60A8\u5206\u914D\u89D2\u8272\u3002_",
    footer: "\u8BED\u8A00\uFF1A`/jxc lang en` \xB7 `/jxc lang zh`",
  },
  commands: {
    stock:
      "\u67E5\u8BE2\u5E93\u5B58\uFF1A\u6309\u4ED3\u5E93\u548C\u5E93\u4F4D\u663E\u793A\u5728\u5E93\u3001\u9884\u7559\u548C\u53EF\u7528\u6570\u91CF",
    adjust:
      "\u767B\u8BB0\u635F\u574F\u3001\u4E22\u5931\u6216\u76D8\u76C8\u7684\u5E93\u5B58\uFF1B\u91D1\u989D\u8F83\u5927\u7684\u8C03\u6574\u9700\u4ED3\u5E93\u4E3B\u7BA1\u5BA1\u6279",
    move: "\u5728\u5E93\u4F4D\u6216\u4ED3\u5E93\u4E4B\u95F4\u79FB\u5E93\uFF08\u91D1\u989D\u968F\u4E4B\u8F6C\u79FB\uFF09",
    approve:
      "\u7B49\u5F85\u4F60\u5BA1\u6279\u7684\u4E8B\u9879\uFF0C\u53EF\u76F4\u63A5\u6279\u51C6\u6216\u9A73\u56DE",
    "jxc delegate":
      "\u5916\u51FA\u671F\u95F4\u8BF7\u4ED6\u4EBA\u4EE3\u4F60\u5BA1\u6279\uFF0C\u4F8B\u5982 `\u4E0B\u5468`",
    "jxc policy":
      "\u5BA1\u6279\u89C4\u5219\uFF1A\u8C01\u5BA1\u6279\u3001\u4ECE\u591A\u5C11\u91D1\u989D\u8D77\u3001\u591A\u4E45\u63D0\u9192\uFF08\u7BA1\u7406\u5458\uFF09",
    "jxc roles": "\u67E5\u770B\u5404\u89D2\u8272\u6210\u5458",
    "jxc role": "\u5206\u914D\u6216\u53D6\u6D88\u89D2\u8272\uFF08\u7BA1\u7406\u5458\uFF09",
    "jxc import":
      "\u5BFC\u5165\u5546\u54C1\u3001\u671F\u521D\u5E93\u5B58\u3001\u4F9B\u5E94\u5546\u6216\u5BA2\u6237 CSV \u6587\u4EF6\uFF08\u7BA1\u7406\u5458\uFF09",
    "jxc check":
      "\u6839\u636E\u5E93\u5B58\u6D41\u6C34\u91CD\u65B0\u6838\u5BF9\u5E93\u5B58\u4F59\u989D\u5E76\u62A5\u544A\u5DEE\u5F02",
    "jxc channel": "\u67E5\u770B\u5404\u90E8\u95E8\u7684\u901A\u77E5\u9891\u9053",
    "jxc channel set": "\u8BBE\u7F6E\u90E8\u95E8\u7684\u901A\u77E5\u9891\u9053\uFF08\u7BA1\u7406\u5458\uFF09",
    "jxc route": "\u67E5\u770B\u6BCF\u7C7B\u4E8B\u4EF6\u901A\u77E5\u8C01",
    "jxc route edit":
      "\u4FEE\u6539\u67D0\u7C7B\u4E8B\u4EF6\u7684\u901A\u77E5\u5BF9\u8C61\uFF0C\u6216\u6062\u590D\u9ED8\u8BA4\uFF08\u7BA1\u7406\u5458\uFF09",
    po: "\u91C7\u8D2D\u8BA2\u5355\uFF1A\u6253\u5F00\u8868\u5355\uFF0C\u6216\u4E00\u884C\u8F93\u5165\u5982 `/po ACME 100 SKU-1 @ 2.50 \u5230 \u4E0B\u5468\u4E94`\uFF1B\u6309\u91D1\u989D\u5BA1\u6279",
    "po plan":
      "\u91C7\u8D2D\u8BA1\u5212\uFF1A\u6839\u636E\u5E93\u5B58\u3001\u5728\u9014\u8BA2\u5355\u548C\u6700\u8FD1 90 \u5929\u51FA\u5E93\uFF0C\u5EFA\u8BAE\u5411\u8C01\u4E70\u3001\u4E70\u591A\u5C11\u53CA\u539F\u56E0",
    "po show":
      "\u67E5\u770B\u91C7\u8D2D\u8BA2\u5355\u7684\u5168\u90E8\u6761\u6B3E\uFF0C\u4EE5\u53CA\u4F60\u53EF\u4EE5\u8FDB\u884C\u7684\u64CD\u4F5C",
    receive:
      "\u6309\u5DF2\u53D1\u9001\u7684\u91C7\u8D2D\u8BA2\u5355\u6536\u8D27\uFF1A\u9A8C\u6536\u3001\u6CE8\u660E\u62D2\u6536\u539F\u56E0\u3001\u4E0A\u67B6\u5230\u5E93\u4F4D",
    supplier:
      "\u67E5\u770B\u4F9B\u5E94\u5546\uFF1A\u8054\u7CFB\u4EBA\u3001\u4ED8\u6B3E\u6761\u4EF6\u3001\u4EA4\u8D27\u5468\u671F\u3001\u6700\u8FD1\u7684\u91C7\u8D2D\u8BA2\u5355",
    "supplier edit": "\u65B0\u5EFA\u3001\u7F16\u8F91\u6216\u5F52\u6863\u4F9B\u5E94\u5546",
    "jxc budget":
      "\u91C7\u8D2D\u5BA1\u6279\u5361\u7247\u4E0A\u663E\u793A\u7684\u6708\u5EA6\u91C7\u8D2D\u9884\u7B97\uFF08\u7BA1\u7406\u5458\u3001\u8D22\u52A1\u4E3B\u7BA1\uFF09",
    "jxc help": "\u663E\u793A\u672C\u5E2E\u52A9",
    "jxc lang":
      "\u9009\u62E9\u8BED\u8A00\uFF1A`en`\uFF08English\uFF09\u6216 `zh`\uFF08\u7B80\u4F53\u4E2D\u6587\uFF09",
    "jxc outbox":
      "\u67E5\u770B\u672C\u5E94\u7528\u6D88\u606F\u7684\u53D1\u9001\u60C5\u51B5\uFF0C\u91CD\u8BD5\u53D1\u9001\u5931\u8D25\u7684\u6D88\u606F\uFF08\u7BA1\u7406\u5458\uFF09",
    count:
      "\u76D8\u70B9\uFF1A\u5BF9\u6574\u4E2A\u4ED3\u5E93\u3001\u5E93\u533A\u3001\u5E93\u4F4D\u6216\u7269\u6599\u53D1\u8D77\u76F2\u76D8\uFF1B\u67E5\u770B\u8FDB\u884C\u4E2D\u7684\u76D8\u70B9",
    "count work":
      "\u7528\u8868\u5355\u5F55\u5165\u76D8\u70B9\u5E76\u5B8C\u6210\uFF1A\u5C0F\u989D\u5DEE\u5F02\u76F4\u63A5\u8FC7\u8D26\uFF0C\u5927\u989D\u5DEE\u5F02\u7B49\u5F85\u4ED3\u5E93\u4E3B\u7BA1\u5BA1\u6279",
  },
  stock: {
    onHand: "\u5728\u5E93",
    reserved: "\u9884\u7559",
    available: "\u53EF\u7528",
    onOrder: "\u5728\u9014",
    value: "\u5E93\u5B58\u91D1\u989D",
    averageCost: "\u5E73\u5747\u6210\u672C",
    lowStock: (p2) =>
      `:warning: *\u5E93\u5B58\u4E0D\u8DB3* \u2014 \u5DF2\u4F4E\u4E8E\u6216\u7B49\u4E8E\u518D\u8BA2\u8D27\u70B9 ${p2.reorderPoint}`,
    byLocation: "\u6309\u4ED3\u5E93\u548C\u5E93\u4F4D",
    nothingStocked: "_\u6240\u6709\u5E93\u4F4D\u5747\u65E0\u5E93\u5B58\u3002_",
    moreBins: (p2) => `\u2026\u2026\u53E6\u6709 ${p2.count} \u4E2A\u5E93\u4F4D`,
    share: "\u5206\u4EAB\u5230\u9891\u9053",
    sharedBy: (p2) => `\u7531 <@${p2.user}> \u5206\u4EAB`,
    matches: (p2) =>
      `\u5171\u6709 ${p2.total} \u4E2A\u5546\u54C1\u5339\u914D \`${p2.query}\`\uFF08\u663E\u793A\u7B2C ${p2.from}\u2013${p2.to} \u4E2A\uFF09`,
    details: "\u8BE6\u60C5",
    previous: "\u25C0 \u4E0A\u4E00\u9875",
    next: "\u4E0B\u4E00\u9875 \u25B6",
    noMatch: (p2) => `\u6CA1\u6709\u4E0E \`${p2.query}\` \u5339\u914D\u7684\u5546\u54C1\u3002`,
    suggestions: "\u60A8\u662F\u5426\u8981\u627E\uFF1A",
    inWarehouse: (p2) => `\u4ED3\u5E93 ${p2.warehouse}`,
  },
  importCsv: {
    title: "\u5BFC\u5165 CSV",
    submit: "\u5BFC\u5165",
    close: "\u53D6\u6D88",
    done: "\u5173\u95ED",
    kinds: {
      items: "\u5546\u54C1",
      stock: "\u671F\u521D\u5E93\u5B58",
      suppliers: "\u4F9B\u5E94\u5546",
      customers: "\u5BA2\u6237",
      bins: "\u4ED3\u5E93\u548C\u5E93\u4F4D",
    },
    intro: (p2) =>
      `\u8BF7\u4E0A\u4F20\u5305\u542B\u4EE5\u4E0B\u5217\u7684*${p2.kind}* CSV \u6587\u4EF6\uFF1A\`${p2.columns}\`\u3002\u652F\u6301 UTF-8 \u548C GBK/GB18030\uFF08\u4E2D\u6587\u7248 Excel \u4FDD\u5B58\u7684\u683C\u5F0F\uFF09\u3002\u6240\u6709\u884C\u90FD\u4F1A\u5148\u68C0\u67E5\uFF1A\u53EA\u8981\u6709\u4E00\u884C\u6709\u8BEF\u5C31\u4E0D\u4F1A\u5BFC\u5165\u4EFB\u4F55\u6570\u636E\uFF0C\u9664\u975E\u52FE\u9009\u4E0B\u9762\u7684\u9009\u9879\u3002`,
    fileLabel: "CSV \u6587\u4EF6",
    skipBad: "\u8DF3\u8FC7\u6709\u8BEF\u7684\u884C\uFF0C\u53EA\u5BFC\u5165\u6B63\u786E\u7684\u884C",
    optionsLabel: "\u9009\u9879",
    usage:
      "\u7528\u6CD5\uFF1A`/jxc import items`\u3001`/jxc import stock`\u3001`/jxc import suppliers`\u3001`/jxc import customers` \u6216 `/jxc import bins`",
    noFile: "\u8BF7\u9009\u62E9\u8981\u5BFC\u5165\u7684 CSV \u6587\u4EF6\u3002",
    working: (p2) =>
      `\u6B63\u5728\u5BFC\u5165 \`${p2.name}\`\u2026\u2026\u7ED3\u679C\u5C06\u663E\u793A\u5728\u8FD9\u91CC\u5E76\u901A\u8FC7\u79C1\u4FE1\u53D1\u9001\u7ED9\u60A8\u3002`,
    imported: (p2) => `:white_check_mark: \u5DF2\u4ECE \`${p2.name}\` \u5BFC\u5165${p2.kind}`,
    failed: (p2) =>
      `:x: \u672A\u4ECE \`${p2.name}\` \u5BFC\u5165\u4EFB\u4F55${p2.kind}\uFF1A\u8BF7\u4FEE\u6B63\u4EE5\u4E0B\u5404\u884C\u540E\u91CD\u65B0\u4E0A\u4F20\u3002`,
    summary: (p2) =>
      `\u5171 ${p2.rows} \u884C \xB7 \u65B0\u5EFA ${p2.created} \xB7 \u66F4\u65B0 ${p2.updated} \xB7 \u672A\u53D8 ${p2.unchanged} \xB7 \u8DF3\u8FC7 ${p2.skipped} \xB7 \u7F16\u7801 ${p2.encoding}`,
    createdPlaces: (p2) =>
      `\u65B0\u5EFA\u4ED3\u5E93\uFF1A${p2.warehouses || "\u65E0"} \xB7 \u65B0\u5EFA\u5E93\u4F4D\uFF1A${p2.bins || "\u65E0"}`,
    rowError: (p2) =>
      `\u2022 \u7B2C ${p2.row} \u884C${p2.column ? `\uFF0C${p2.column}` : ""}\uFF1A${p2.message}`,
    moreErrors: (p2) => `\u2026\u2026\u53E6\u6709 ${p2.count} \u5904`,
  },
  check: {
    allAgree:
      ":white_check_mark: \u6240\u6709\u5E93\u5B58\u4F59\u989D\u548C\u5546\u54C1\u4F30\u503C\u5747\u4E0E\u5E93\u5B58\u6D41\u6C34\u4E00\u81F4\u3002",
    differences: (p2) =>
      `:x: \u5E93\u5B58\u6D41\u6C34\u4E0E\u4F59\u989D\u4E4B\u95F4\u6709 ${p2.count} \u5904\u5DEE\u5F02\uFF1A`,
    balanceLine: (p2) =>
      `\u2022 \u5546\u54C1 ${p2.itemId} \u5E93\u4F4D ${p2.locationId}${p2.lotKey ? ` \u6279\u6B21 ${p2.lotKey}` : ""}\uFF1A\u6D41\u6C34 ${p2.ledgerOnHand}\uFF0C\u4F59\u989D ${p2.balanceOnHand}`,
    valuationLine: (p2) =>
      `\u2022 \u5546\u54C1 ${p2.itemId} \u4F30\u503C\uFF1A\u6D41\u6C34 ${p2.ledgerQty} / ${p2.ledgerValue}\uFF0C\u8BB0\u5F55 ${p2.storedQty} / ${p2.storedValue}`,
    more: (p2) => `\u2026\u2026\u53E6\u6709 ${p2.count} \u5904`,
  },
  pickers: {
    item: "\u641C\u7D22\u7F16\u7801\u3001\u6761\u7801\u6216\u540D\u79F0",
  },
  roles: {
    title: "\u89D2\u8272",
    nobody: "_\u6682\u65E0_",
    granted: (p2) => `\u5DF2\u5B8C\u6210\uFF1A<@${p2.user}> \u73B0\u5728\u662F${p2.role}\u3002`,
    alreadyHas: (p2) => `<@${p2.user}> \u5DF2\u7ECF\u662F${p2.role}\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    revoked: (p2) => `\u5DF2\u5B8C\u6210\uFF1A<@${p2.user}> \u4E0D\u518D\u662F${p2.role}\u3002`,
    didNotHave: (p2) =>
      `<@${p2.user}> \u539F\u672C\u4E0D\u662F${p2.role}\uFF0C\u672A\u505A\u66F4\u6539\u3002`,
    usage:
      "\u7528\u6CD5\uFF1A`/jxc role @\u7528\u6237 add <\u89D2\u8272>` \u6216 `/jxc role @\u7528\u6237 remove <\u89D2\u8272>`",
  },
  ...zhApprovals,
  ...zhAdmin,
  ...zhPurchasing,
  ...zhReceiving,
  ...zhPlan,
  ...zhCount,
  ...zhReturns,
  lang: {
    changed:
      "\u597D\u7684\uFF0Cjxc \u4EE5\u540E\u5C06\u7528\u7B80\u4F53\u4E2D\u6587\u4E0E\u60A8\u4EA4\u6D41\u3002",
    usage: "\u7528\u6CD5\uFF1A`/jxc lang en` \u6216 `/jxc lang zh`",
  },
};

// src/i18n/index.ts
var locales = ["en", "zh-CN"];
var catalogs = { en, "zh-CN": zhCN };
function messages(locale) {
  return catalogs[locale];
}
function describeError(locale, error) {
  return catalogs[locale].errors[error.code](error.params);
}
function toLocale(input) {
  if (!input) return void 0;
  const value = input.trim().toLowerCase().replace("_", "-");
  if (value === "zh" || value.startsWith("zh-") || value === "\u4E2D\u6587" || value === "cn") return "zh-CN";
  if (value === "en" || value.startsWith("en-") || value === "english") return "en";
  return void 0;
}

// src/slack/blocks.ts
var limits = {
  sectionText: 3e3,
  headerText: 150,
  fieldText: 2e3,
  contextElements: 10,
  messageBlocks: 50,
  modalBlocks: 100,
  buttonText: 75,
  optionText: 75,
  modalTitle: 24,
};
function clip(text14, max3) {
  if (text14.length <= max3) return text14;
  return `${text14.slice(0, max3 - 1)}\u2026`;
}
function header(text14) {
  return { type: "header", text: { type: "plain_text", text: clip(text14, limits.headerText), emoji: true } };
}
function section(mrkdwn) {
  return { type: "section", text: { type: "mrkdwn", text: clip(mrkdwn, limits.sectionText) } };
}
function fields(items2) {
  return {
    type: "section",
    fields: items2.slice(0, 10).map((text14) => ({ type: "mrkdwn", text: clip(text14, limits.fieldText) })),
  };
}
function context(items2) {
  return {
    type: "context",
    elements: items2
      .slice(0, limits.contextElements)
      .map((text14) => ({ type: "mrkdwn", text: clip(text14, limits.sectionText) })),
  };
}
function divider() {
  return { type: "divider" };
}
function toEphemeral(reply) {
  return {
    response_type: "ephemeral",
    text: clip(reply.text, 3e3),
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  };
}

// src/slack/middleware/attach-locale.ts
function localeOf(context2) {
  return toLocale(typeof context2.locale === "string" ? context2.locale : void 0) ?? "en";
}
function actingUserId(body) {
  if (!isRecord2(body)) return void 0;
  if (typeof body.user_id === "string") return body.user_id;
  if (isRecord2(body.user) && typeof body.user.id === "string") return body.user.id;
  if (isRecord2(body.event) && typeof body.event.user === "string") return body.event.user;
  return void 0;
}
function isRecord2(value) {
  return typeof value === "object" && value !== null;
}

// src/slack/channel-membership.ts
import { ErrorCode } from "@slack/web-api";

var checkTimeoutMs = 1500;
async function botMembership(client, channelId, logger) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), checkTimeoutMs);
  });
  try {
    const info2 = await Promise.race([client.conversations.info({ channel: channelId }), timeout]);
    if (info2 === "timeout") {
      logger.warn({ channel: channelId }, "conversations.info did not answer in time");
      return "unknown";
    }
    if (info2.channel?.is_member === true) return "member";
    return info2.channel?.is_member === false ? "not_member" : "unknown";
  } catch (error) {
    if (isPlatformError(error, "channel_not_found")) return "not_member";
    logger.warn({ err: error, channel: channelId }, "could not check the bot's channel membership");
    return "unknown";
  } finally {
    clearTimeout(timer);
  }
}
function isPlatformError(error, code) {
  if (typeof error !== "object" || error === null || !("code" in error) || !("data" in error)) return false;
  const { data } = error;
  return (
    error.code === ErrorCode.PlatformError &&
    typeof data === "object" &&
    data !== null &&
    "error" in data &&
    data.error === code
  );
}

// src/slack/slash-command.ts
function slashCommand(logger, handler) {
  return async ({ command: command2, ack, context: context2, client }) => {
    const request = {
      text: command2.text.trim(),
      userId: command2.user_id,
      channelId: command2.channel_id,
      triggerId: command2.trigger_id,
      locale: localeOf(context2),
      requestId: typeof context2.requestId === "string" ? context2.requestId : "",
      openModal: async (view) => {
        await client.views.open({ trigger_id: command2.trigger_id, view });
      },
      botMembership: (channelId) => botMembership(client, channelId, logger),
    };
    let reply;
    try {
      reply = await handler(request);
    } catch (error) {
      reply = { text: errorText(error, request, logger, command2.command) };
    }
    await ack(reply ? toEphemeral(reply) : void 0);
  };
}
function errorText(error, request, logger, what) {
  if (isJxcError(error)) return describeError(request.locale, error);
  logger.error(
    { err: error, requestId: request.requestId, user: request.userId, command: what },
    "handler failed",
  );
  return messages(request.locale).generic.unexpected({ ref: request.requestId.slice(0, 8) || "n/a" });
}

// src/slack/block-action.ts
function buttonAction(logger, handler) {
  return async ({ ack, body, action, context: context2, respond, client }) => {
    await ack();
    await new Promise((resolve) => setImmediate(resolve));
    const click = {
      userId: body.user.id,
      actionId: action.action_id,
      value: action.value ?? "",
      locale: localeOf(context2),
      requestId: typeof context2.requestId === "string" ? context2.requestId : "",
      channelId: body.channel?.id,
      messageTs:
        body.container.type === "message" && !body.container.is_ephemeral ? body.message?.ts : void 0,
      responseUrl: body.response_url ?? "",
      onHome: body.view?.type === "home",
      publishHome: async (blocks) => {
        await client.views.publish({ user_id: body.user.id, view: { type: "home", blocks } });
      },
      respond,
      openModal: async (view) => {
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
    };
    try {
      await handler(click);
    } catch (error) {
      const text14 = errorText(error, click, logger, action.action_id);
      await respond({ ...toEphemeral({ text: text14 }), replace_original: false });
    }
  };
}

// src/slack/mrkdwn.ts
function escapeMrkdwn(text14) {
  return text14.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// src/text/dates.ts
import * as chrono from "chrono-node";
// commands/approve/describe.ts
import { z as z3 } from "zod";

// src/text/calendar.ts
var dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function isRealDay(year, month, day3) {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day3) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day3 >= 1 &&
    day3 <= daysInMonth(year, month)
  );
}
function toDay({ year, month, day: day3 }) {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day3).padStart(2, "0")}`;
}
function toYmd(day3) {
  const match = dayShape.exec(day3);
  const ymd = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!ymd || !isRealDay(ymd.year, ymd.month, ymd.day)) throw new RangeError(`not a calendar day: ${day3}`);
  return ymd;
}
function fromUtc(ms) {
  const date = new Date(ms);
  return toDay({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}
function utcOf(day3) {
  const { year, month, day: d } = toYmd(day3);
  const date = new Date(Date.UTC(2e3, month - 1, d));
  date.setUTCFullYear(year);
  return date.getTime();
}
function addDays(day3, n3) {
  return fromUtc(utcOf(day3) + n3 * 864e5);
}
function addMonths(day3, n3) {
  const { year, month, day: d } = toYmd(day3);
  const index9 = year * 12 + (month - 1) + n3;
  const y = Math.floor(index9 / 12);
  const m = (index9 % 12) + 1;
  return toDay({ year: y, month: m, day: Math.min(d, daysInMonth(y, m)) });
}
function startOfMonth(day3, n3 = 0) {
  const { year, month } = toYmd(day3);
  return addMonths(toDay({ year, month, day: 1 }), n3);
}
function endOfMonth(day3, n3 = 0) {
  const { year, month } = toYmd(startOfMonth(day3, n3));
  return toDay({ year, month, day: daysInMonth(year, month) });
}
function isoWeekday(day3) {
  return new Date(utcOf(day3)).getUTCDay() || 7;
}
function startOfWeek(day3, n3 = 0) {
  return addDays(day3, 1 - isoWeekday(day3) + 7 * n3);
}
function daysBetween(from, to) {
  return Math.round((utcOf(to) - utcOf(from)) / 864e5);
}
var zoneFormats = /* @__PURE__ */ new Map();
function zoneFormat(timeZone) {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}
function wallClockIn(timeZone, now) {
  const parts = {};
  for (const part of zoneFormat(timeZone).formatToParts(now)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}
function todayIn(timeZone, now) {
  return toDay(wallClockIn(timeZone, now));
}
var enWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
var enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var zhWeekdays = ["\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u65E5"];
function formatDay(day3, locale) {
  const { year, month, day: d } = toYmd(day3);
  const weekday = isoWeekday(day3) - 1;
  if (locale === "zh-CN") return `${year}\u5E74${month}\u6708${d}\u65E5 \u5468${zhWeekdays[weekday]}`;
  return `${enWeekdays[weekday]} ${d} ${enMonths[month - 1]} ${year}`;
}

// src/text/date-words.ts
var chineseDigits = {
  \u96F6: 0,
  "\u3007": 0,
  \u4E00: 1,
  \u4E8C: 2,
  \u4E24: 2,
  \u4E09: 3,
  \u56DB: 4,
  \u4E94: 5,
  \u516D: 6,
  \u4E03: 7,
  \u516B: 8,
  \u4E5D: 9,
};
var numeral =
  "(\\d{1,4}|[\u96F6\u3007\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]{1,4})";
function readNumeral(text14) {
  if (/^\d+$/.test(text14)) return Number(text14);
  const ten = text14.indexOf("\u5341");
  if (ten === -1) {
    let value = 0;
    for (const char of text14) {
      const digit = chineseDigits[char];
      if (digit === void 0) return void 0;
      value = value * 10 + digit;
    }
    return text14 === "" ? void 0 : value;
  }
  if (text14.length > 3 || text14.includes("\u5341", ten + 1)) return void 0;
  const tens = ten === 0 ? 1 : chineseDigits[text14.slice(0, ten)];
  const ones = ten === text14.length - 1 ? 0 : chineseDigits[text14.slice(ten + 1)];
  if (tens === void 0 || tens === 0 || ones === void 0) return void 0;
  return tens * 10 + ones;
}
var chineseWeekday = "([\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u65E5\u5929\u4E031-7])";
function readChineseWeekday(text14) {
  if (text14 === "\u65E5" || text14 === "\u5929") return 7;
  const value = readNumeral(text14);
  return value !== void 0 && value >= 1 && value <= 7 ? value : void 0;
}
var englishWeekdays = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
var englishWeekday = `(${Object.keys(englishWeekdays)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
function readEnglishWeekday(text14) {
  return englishWeekdays[text14];
}
var englishCounts = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
var englishCount = `(\\d{1,4}|${Object.keys(englishCounts).join("|")})`;
function readEnglishCount(text14) {
  return /^\d+$/.test(text14) ? Number(text14) : englishCounts[text14];
}
var offsets = {
  \u4E0A\u4E0A: -2,
  \u4E0A: -1,
  \u672C: 0,
  \u8FD9: 0,
  \u4ECA: 0,
  \u4E0B: 1,
  \u4E0B\u4E0B: 2,
  \u660E: 1,
  \u53BB: -1,
  \u524D: -2,
  \u540E: 2,
  last: -1,
  this: 0,
  next: 1,
};
function readOffset(text14) {
  return text14 === void 0 ? 0 : (offsets[text14.trim()] ?? 0);
}

// src/text/date-rules.ts
var Refusal = class {
  constructor(problem) {
    this.problem = problem;
  }
  problem;
};
var casualDays = {
  \u4ECA\u5929: 0,
  \u4ECA\u65E5: 0,
  \u660E\u5929: 1,
  \u660E\u65E5: 1,
  \u540E\u5929: 2,
  \u5927\u540E\u5929: 3,
  \u6628\u5929: -1,
  \u6628\u65E5: -1,
  \u524D\u5929: -2,
  \u5927\u524D\u5929: -3,
  today: 0,
  tomorrow: 1,
  tmr: 1,
  tmrw: 1,
  yesterday: -1,
  "day after tomorrow": 2,
  "the day after tomorrow": 2,
  "day before yesterday": -2,
  "the day before yesterday": -2,
};
var n = numeral;
var week = "(?:\u5468|\u661F\u671F|\u793C\u62DC)";
var later = "(?:\u540E|\u4EE5\u540E|\u4E4B\u540E)";
var step = "(\u4E0A\u4E0A|\u4E0A|\u672C|\u8FD9|\u4E0B\u4E0B|\u4E0B)";
var compactRules = [
  [
    /^(今天|今日|明天|明日|后天|大后天|昨天|昨日|前天|大前天)$/,
    (m, today) => day(addDays(today, casualDays[at(m, 1)] ?? 0)),
  ],
  // 下周五 下星期五 下礼拜天 本周三 这个星期一 上周五 下下周一; 下周 = next Monday (through Sunday)
  [
    new RegExp(`^${step}\u4E2A?${week}${chineseWeekday}?$`),
    (m, today) => weekOf(today, readOffset(m[1]), m[2] === void 0 ? void 0 : readChineseWeekday(m[2])),
  ],
  [
    new RegExp(`^${week}${chineseWeekday}$`),
    (m) => ({ kind: "weekday", weekday: readChineseWeekday(at(m, 1)) ?? 0 }),
  ],
  // 月底 本月底 下月底 下个月末 下月初 下个月 下月15号 本月3日
  [/^月(?:底|末)$/, (_m, today) => day(endOfMonth(today))],
  [
    new RegExp(`^${step}\u4E2A?\u6708(?:(\u5E95|\u672B)|(\u521D)|${n}(?:\u53F7|\u65E5))?$`),
    (m, today) => monthOf(today, readOffset(m[1]), m[2] ? "end" : m[3] ? 1 : m[4] ? number(m[4]) : void 0),
  ],
  // 年底 今年底 明年年底 明年初 今年 明年
  [/^(今|本|明|去)?年?年(底|末)$/, (m, today) => day(yearEnd(toYmd(today).year + readOffset(m[1])))],
  [/^(今|本|明|去)年(初)?$/, (m, today) => yearOf(toYmd(today).year + readOffset(m[1]), m[2] !== void 0)],
  // 2026年12月5日 二〇二六年十二月五号 明年3月1日 12月5日 十二月五号
  [
    new RegExp(
      `^(\\d{4}|[\u96F6\u3007\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D]{4})\u5E74${n}\u6708${n}(?:\u65E5|\u53F7)?$`,
    ),
    (m) => fixed(number(m[1]), number(m[2]), number(m[3])),
  ],
  [
    new RegExp(`^(\u4ECA|\u672C|\u660E|\u53BB)\u5E74${n}\u6708${n}(?:\u65E5|\u53F7)?$`),
    (m, today) => fixed(toYmd(today).year + readOffset(m[1]), number(m[2]), number(m[3])),
  ],
  [new RegExp(`^${n}\u6708${n}(?:\u65E5|\u53F7)?$`), (m) => monthDay(number(m[1]), number(m[2]))],
  // 5号 十五日
  [new RegExp(`^${n}(?:\u53F7|\u65E5)$`), (m) => dayOfMonth(number(m[1]))],
  // 3天后 三天以后 两周后 两个星期后 1个月后 一年后
  [
    new RegExp(`^${n}\u4E2A?(\u5929|\u65E5|\u5468|\u661F\u671F|\u793C\u62DC)${later}$`),
    (m, today) => ahead(today, number(m[1]), unitOf(m[2])),
  ],
  [new RegExp(`^${n}\u4E2A(\u6708)${later}$`), (m, today) => ahead(today, number(m[1]), "month")],
  [new RegExp(`^${n}(\u5E74)${later}$`), (m, today) => ahead(today, number(m[1]), "year")],
  // 2026-12-05 2026/12/5 2026.12.05 20261205 12/5 12/5/2026
  [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, (m) => fixed(number(m[1]), number(m[3]), number(m[4]))],
  [/^((?:19|20)\d{2})(\d{2})(\d{2})$/, (m) => fixed(number(m[1]), number(m[2]), number(m[3]))],
  [/^(\d{1,2})\/(\d{1,2})$/, (m) => monthDay(number(m[1]), number(m[2]))],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => fixed(number(m[3]), number(m[1]), number(m[2]))],
];
var englishStep = "(?:(last|this|next) )?";
var spacedRules = [
  [
    /^(today|tomorrow|tmr|tmrw|yesterday|(?:the )?day after tomorrow|(?:the )?day before yesterday)$/,
    (m, today) => day(addDays(today, casualDays[at(m, 1)] ?? 0)),
  ],
  // the 5th (this month's, or next month's once it has passed)
  [/^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/, (m) => dayOfMonth(number(m[1]))],
  // friday (the coming one) · this friday (today or later this week) · next friday (next week's) · last friday
  [
    new RegExp(`^${englishWeekday}$`),
    (m) => ({ kind: "weekday", weekday: readEnglishWeekday(at(m, 1)) ?? 0 }),
  ],
  [
    new RegExp(`^(this coming|coming|this) ${englishWeekday}$`),
    (m, today) => day(addDays(today, ((readEnglishWeekday(at(m, 2)) ?? 0) - isoWeekday(today) + 7) % 7)),
  ],
  [
    new RegExp(`^(next|last) ${englishWeekday}$`),
    (m, today) => weekOf(today, readOffset(m[1]), readEnglishWeekday(at(m, 2))),
  ],
  // next week (its Monday, through Sunday) · next month (its 1st) · this year
  [/^(last|this|next) week$/, (m, today) => weekOf(today, readOffset(m[1]), void 0)],
  [/^(last|this|next) month$/, (m, today) => monthOf(today, readOffset(m[1]), void 0)],
  [/^(last|this|next) year$/, (m, today) => yearOf(toYmd(today).year + readOffset(m[1]), false)],
  // end of month · eom · end of next month · month end · end of the year · eoy · start of next month
  [/^(?:eom|month[- ]end)$/, (_m, today) => day(endOfMonth(today))],
  [/^(?:eoy|year[- ]end)$/, (_m, today) => day(yearEnd(toYmd(today).year))],
  [
    new RegExp(`^(?:the )?(end|start|beginning) of (?:the )?${englishStep}(month|year)$`),
    (m, today) => {
      const offset = readOffset(m[2]);
      const first = m[1] !== "end";
      if (m[3] === "month") return monthOf(today, offset, first ? 1 : "end");
      const year = toYmd(today).year + offset;
      return first ? yearOf(year, true) : day(yearEnd(year));
    },
  ],
  // in 3 days · in a week · 2 weeks from now · 3 days later · in 1 month
  [
    new RegExp(`^in ${englishCount} (day|week|month|year)s?$`),
    (m, today) => ahead(today, readEnglishCount(at(m, 1)) ?? 0, unitOf(m[2])),
  ],
  [
    new RegExp(`^${englishCount} (day|week|month|year)s? (?:from (?:now|today)|later)$`),
    (m, today) => ahead(today, readEnglishCount(at(m, 1)) ?? 0, unitOf(m[2])),
  ],
];
function readByHand(text14, today) {
  const compact = text14.replace(/ /g, "");
  for (const [pattern, read2] of compactRules) {
    const match = pattern.exec(compact);
    if (match) return read2(match, today);
  }
  for (const [pattern, read2] of spacedRules) {
    const match = pattern.exec(text14);
    if (match) return read2(match, today);
  }
  return void 0;
}
function at(match, index9) {
  return match[index9] ?? "";
}
function number(text14) {
  const value = text14 === void 0 ? void 0 : readNumeral(text14);
  if (value === void 0) throw new Refusal("not_a_date");
  return value;
}
function day(value, through) {
  return through === void 0 ? { kind: "day", day: value } : { kind: "day", day: value, through };
}
function fixed(year, month, dayOfMonth2) {
  if (!isRealDay(year, month, dayOfMonth2)) throw new Refusal("no_such_day");
  return day(toDay({ year, month, day: dayOfMonth2 }));
}
function monthDay(month, dayOfMonth2) {
  if (month < 1 || month > 12 || dayOfMonth2 < 1 || dayOfMonth2 > daysInMonth(2e3, month)) {
    throw new Refusal("no_such_day");
  }
  return { kind: "monthDay", month, day: dayOfMonth2 };
}
function dayOfMonth(value) {
  if (value < 1 || value > 31) throw new Refusal("no_such_day");
  return { kind: "dayOfMonth", day: value };
}
function weekOf(today, offset, weekday) {
  const monday = startOfWeek(today, offset);
  if (weekday === void 0) return day(monday, addDays(monday, 6));
  return day(addDays(monday, weekday - 1));
}
function monthOf(today, offset, which) {
  const first = startOfMonth(today, offset);
  if (which === void 0) return day(first, endOfMonth(first));
  if (which === "end") return day(endOfMonth(first));
  const { year, month } = toYmd(first);
  return fixed(year, month, which);
}
function yearOf(year, firstDayOnly) {
  if (year < 1 || year > 9999) throw new Refusal("no_such_day");
  const first = toDay({ year, month: 1, day: 1 });
  return firstDayOnly ? day(first) : day(first, yearEnd(year));
}
function yearEnd(year) {
  return toDay({ year, month: 12, day: 31 });
}
function unitOf(word) {
  if (word === "week" || word === "\u5468" || word === "\u661F\u671F" || word === "\u793C\u62DC")
    return "week";
  if (word === "month" || word === "\u6708") return "month";
  if (word === "year" || word === "\u5E74") return "year";
  return "day";
}
var maxAhead = { day: 3660, week: 520, month: 120, year: 10 };
function ahead(today, count6, unit) {
  if (count6 > maxAhead[unit]) throw new Refusal("too_large");
  if (unit === "day") return day(addDays(today, count6));
  if (unit === "week") return day(addDays(today, 7 * count6));
  return day(addMonths(today, unit === "month" ? count6 : 12 * count6));
}

// src/text/dates.ts
var maxDateTextLength = 80;
function parseDay(input, options) {
  try {
    const context2 = contextOf(input, options);
    const placed = place(
      read(context2.text, context2),
      context2.today,
      options.allowPast ? "current" : "forward",
    );
    return { day: checked(placed.day, context2) };
  } catch (error) {
    throw refusalOf(error, input, options.field);
  }
}
function parseDayRange(input, options) {
  try {
    const context2 = contextOf(input, options);
    const mode = options.allowPast ? "current" : "forward";
    const { text: text14, between } = stripRangeWords(context2.text);
    let problem = "not_a_date";
    const whole = attempt(() => read(text14, context2));
    if (whole.ok) {
      const placed = place(whole.value, context2.today, mode);
      return { from: checked(placed.day, context2), to: placed.through };
    }
    if (whole.problem !== "not_a_date") problem = whole.problem;
    for (const [left, right] of splits(text14, between)) {
      const range = attempt(() => {
        const start = place(read(left, context2), context2.today, mode);
        const endReading = read(right, context2);
        if (endReading.kind === "monthDay" && endReading.month === toYmd(start.day).month) {
          if (endReading.day < toYmd(start.day).day) throw new Refusal("ends_before_start");
        }
        const end =
          endReading.kind === "day"
            ? place(endReading, context2.today, mode)
            : onOrAfter(endReading, start.day);
        if (end.through < start.day) throw new Refusal("ends_before_start");
        return { from: checked(start.day, context2), to: end.through };
      });
      if (range.ok) return range.value;
      if (problem === "not_a_date") problem = range.problem;
    }
    throw new Refusal(problem);
  } catch (error) {
    throw refusalOf(error, input, options.field);
  }
}
function refusalOf(error, input, field2) {
  if (!(error instanceof Refusal)) return error;
  return new JxcError("INVALID_INPUT", { input, problem: error.problem }, field2);
}
function attempt(run) {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}
function contextOf(input, options) {
  const text14 = normalize(input);
  const clock = wallClockIn(options.timeZone, options.now);
  return {
    text: text14,
    today: toDay(clock),
    allowPast: options.allowPast ?? false,
    locale: options.locale ?? "en",
    reference: () => new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second),
  };
}
function normalize(input) {
  const text14 = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.。!！?？,，]+$/u, "")
    .replace(/^(?:on|by) /, "");
  if (text14 === "") throw new Refusal("empty");
  if (text14.length > maxDateTextLength) throw new Refusal("too_long");
  return text14;
}
function checked(day3, context2) {
  if (!context2.allowPast && day3 < context2.today) throw new Refusal("in_the_past");
  return day3;
}
function read(text14, context2) {
  const byHand = readByHand(text14, context2.today);
  if (byHand) return byHand;
  const parsers =
    context2.locale === "zh-CN"
      ? [chrono.zh.hans.casual, chrono.casual]
      : [chrono.casual, chrono.zh.hans.casual];
  for (const parser of parsers) {
    const reading = readWithChrono(parser, text14, context2.reference());
    if (reading) return reading;
  }
  throw new Refusal("not_a_date");
}
function readWithChrono(parser, text14, reference) {
  const results = parser.parse(text14, reference);
  const [result] = results;
  if (results.length !== 1 || !result || result.index !== 0 || result.text !== text14 || result.end)
    return void 0;
  const { start } = result;
  const year = start.get("year");
  const month = start.get("month");
  const day3 = start.get("day");
  if (year === null || month === null || day3 === null || !start.isCertain("day")) return void 0;
  if (!start.isCertain("month")) return { kind: "dayOfMonth", day: day3 };
  if (!start.isCertain("year")) return { kind: "monthDay", month, day: day3 };
  return isRealDay(year, month, day3) ? { kind: "day", day: toDay({ year, month, day: day3 }) } : void 0;
}
function place(reading, today, mode) {
  if (reading.kind === "day") return { day: reading.day, through: reading.through ?? reading.day };
  if (mode === "forward") {
    if (reading.kind === "weekday")
      return single(addDays(today, ((reading.weekday - isoWeekday(today) + 6) % 7) + 1));
    return onOrAfter(reading, today);
  }
  const { year, month } = toYmd(today);
  switch (reading.kind) {
    case "weekday":
      return single(addDays(startOfWeek(today), reading.weekday - 1));
    case "monthDay":
      return single(realDay(year, reading.month, reading.day));
    case "dayOfMonth":
      return single(realDay(year, month, reading.day));
  }
}
function onOrAfter(reading, anchor) {
  const { year, month, day: day3 } = toYmd(anchor);
  switch (reading.kind) {
    case "weekday":
      return single(addDays(anchor, (reading.weekday - isoWeekday(anchor) + 7) % 7));
    case "monthDay": {
      for (const y of [year, year + 1]) {
        const candidate =
          isRealDay(y, reading.month, reading.day) &&
          toDay({ year: y, month: reading.month, day: reading.day });
        if (candidate && candidate >= anchor) return single(candidate);
      }
      throw new Refusal("no_such_day");
    }
    case "dayOfMonth": {
      for (const first of [startOfMonth(anchor), startOfMonth(anchor, 1)]) {
        const { year: y, month: m } = toYmd(first);
        if (reading.day <= daysInMonth(y, m) && (y !== year || m !== month || reading.day >= day3)) {
          return single(toDay({ year: y, month: m, day: reading.day }));
        }
      }
      throw new Refusal("no_such_day");
    }
  }
}
function single(day3) {
  return { day: day3, through: day3 };
}
function realDay(year, month, day3) {
  if (!isRealDay(year, month, day3)) throw new Refusal("no_such_day");
  return toDay({ year, month, day: day3 });
}
function stripRangeWords(text14) {
  const between = /^between /.test(text14);
  const stripped = text14
    .replace(/^(?:from|between) /, "")
    .replace(/^(?:从|自|由)\s*/, "")
    .replace(/\s*为止$/, "");
  return { text: stripped, between };
}
var rangeSeparators = [
  " to ",
  " until ",
  " till ",
  " through ",
  " thru ",
  "-",
  "\u2013",
  "\u2014",
  "~",
  "\u301C",
  "\u81F3",
  "\u5230",
];
function* splits(text14, between) {
  const separators = between ? [" and ", ...rangeSeparators] : rangeSeparators;
  for (const separator of separators) {
    for (let at2 = text14.indexOf(separator); at2 !== -1; at2 = text14.indexOf(separator, at2 + 1)) {
      const left = text14.slice(0, at2).trim();
      const right = text14.slice(at2 + separator.length).trim();
      if (left && right) yield [left, right];
    }
  }
}

// src/domain/stocktakes/reads.ts
import {
  and as and6,
  asc as asc4,
  count,
  desc as desc2,
  eq as eq10,
  gt as gt2,
  inArray as inArray2,
  isNull as isNull2,
  ne as ne3,
  sql as sql8,
} from "drizzle-orm";
// commands/count/card.ts
import { z } from "zod";

function readHeaders(db2, where, limit = 1) {
  const lines2 = sql8`select count(*) from stocktake_lines l where l.stocktake_id = ${stocktakes.id}`;
  const countedLines = sql8`select count(l.counted_qty) from stocktake_lines l where l.stocktake_id = ${stocktakes.id}`;
  return db2
    .select({
      header: stocktakes,
      warehouseCode: warehouses.code,
      total: sql8`(${lines2})`.mapWith(Number),
      counted: sql8`(${countedLines})`.mapWith(Number),
    })
    .from(stocktakes)
    .innerJoin(warehouses, eq10(warehouses.id, stocktakes.warehouseId))
    .where(where)
    .orderBy(desc2(stocktakes.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row.header,
      warehouseCode: row.warehouseCode,
      total: row.total,
      counted: row.counted,
    }));
}
function readStocktake(db2, id) {
  return readHeaders(db2, eq10(stocktakes.id, id))[0];
}
function findStocktake(db2, number2) {
  return readHeaders(db2, eq10(stocktakes.number, number2.toUpperCase()))[0];
}
function listOpenStocktakes(db2, limit) {
  return readHeaders(db2, inArray2(stocktakes.status, ["counting", "pending_approval"]), limit);
}
function readCountSheet(db2, stocktakeId, afterLineNo, size) {
  return db2
    .select({
      id: stocktakeLines.id,
      lineNo: stocktakeLines.lineNo,
      bin: locations.code,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      baseUnit: items.baseUnit,
      purchaseUnit: items.purchaseUnit,
      purchaseUnitFactor: items.purchaseUnitFactor,
      salesUnit: items.salesUnit,
      salesUnitFactor: items.salesUnitFactor,
      countedQty: stocktakeLines.countedQty,
    })
    .from(stocktakeLines)
    .innerJoin(items, eq10(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq10(locations.id, stocktakeLines.locationId))
    .where(and6(eq10(stocktakeLines.stocktakeId, stocktakeId), gt2(stocktakeLines.lineNo, afterLineNo)))
    .orderBy(asc4(stocktakeLines.lineNo))
    .limit(size)
    .all();
}
function firstUncountedLine(db2, stocktakeId) {
  return db2
    .select({ lineNo: stocktakeLines.lineNo, bin: locations.code })
    .from(stocktakeLines)
    .innerJoin(locations, eq10(locations.id, stocktakeLines.locationId))
    .where(and6(eq10(stocktakeLines.stocktakeId, stocktakeId), isNull2(stocktakeLines.countedQty)))
    .orderBy(asc4(stocktakeLines.lineNo))
    .limit(1)
    .get();
}
function firstLineInBin(db2, stocktakeId, binCode) {
  return db2
    .select({ lineNo: stocktakeLines.lineNo })
    .from(stocktakeLines)
    .innerJoin(locations, eq10(locations.id, stocktakeLines.locationId))
    .where(
      and6(
        eq10(stocktakeLines.stocktakeId, stocktakeId),
        sql8`${locations.code} = ${binCode.trim()} collate nocase`,
      ),
    )
    .orderBy(asc4(stocktakeLines.lineNo))
    .limit(1)
    .get()?.lineNo;
}
function readVarianceLines(db2, stocktakeId, options) {
  const rows = db2
    .select({
      lineNo: stocktakeLines.lineNo,
      bin: locations.code,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      snapshotQty: stocktakeLines.snapshotQty,
      movedQty: stocktakeLines.movedQty,
      expectedQty: stocktakeLines.expectedQty,
      countedQty: stocktakeLines.countedQty,
      varianceQty: stocktakeLines.varianceQty,
      varianceValue: stocktakeLines.varianceValue,
      posting: stocktakeLines.posting,
      postedValue: stocktakeLines.postedValue,
    })
    .from(stocktakeLines)
    .innerJoin(items, eq10(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq10(locations.id, stocktakeLines.locationId))
    .where(
      and6(
        eq10(stocktakeLines.stocktakeId, stocktakeId),
        options.posting ? eq10(stocktakeLines.posting, options.posting) : ne3(stocktakeLines.varianceQty, 0),
      ),
    )
    .orderBy(
      desc2(sql8`abs(${stocktakeLines.varianceValue})`),
      desc2(sql8`abs(${stocktakeLines.varianceQty})`),
      asc4(stocktakeLines.lineNo),
    )
    .limit(options.limit)
    .all();
  return rows.map((row) => ({
    ...row,
    movedQty: row.movedQty ?? 0,
    expectedQty: row.expectedQty ?? row.snapshotQty,
    countedQty: row.countedQty ?? 0,
    varianceQty: row.varianceQty ?? 0,
    varianceValue: row.varianceValue ?? 0,
  }));
}
function countVarianceLines(db2, stocktakeId) {
  return (
    db2
      .select({ n: count() })
      .from(stocktakeLines)
      .where(and6(eq10(stocktakeLines.stocktakeId, stocktakeId), ne3(stocktakeLines.varianceQty, 0)))
      .get()?.n ?? 0
  );
}

// src/slack/slack-date.ts
function slackDate(at2) {
  const seconds = Math.floor(at2 / 1e3);
  return `<!date^${seconds}^{date_short_pretty} {time}|${new Date(at2).toISOString().slice(0, 16).replace("T", " ")} UTC>`;
}

// commands/names.ts
var slashCommands = {
  jxc: "/jxc",
  stock: "/stock",
  adjust: "/adjust",
  approve: "/approve",
  move: "/move",
  po: "/po",
  supplier: "/supplier",
  receive: "/receive",
  count: "/count",
};
var actionIds = {
  stockShare: "stock_share",
  itemPicker: "item_picker",
  supplierPicker: "supplier_picker",
  /** Suffixed with the move: po_send, po_hold, … */
  poMovePrefix: "po_",
  /** Suffixed with an index or offset: action ids must be unique within a message. */
  stockPagePrefix: "stock_page_",
  stockShowPrefix: "stock_show_",
  approvalApprove: "approval_approve",
  approvalReject: "approval_reject",
  adjustmentCancel: "adjustment_cancel",
  /** Suffixed with the document type. */
  policyEditPrefix: "policy_edit_",
  policyTimers: "policy_timers",
  /** Suffixed with the delivery id. */
  outboxRetryPrefix: "outbox_retry_",
  homeRefresh: "home_refresh",
  /** Suffixed with an index: one per line or supplier group of a plan message. */
  planWhyPrefix: "po_plan_why_",
  planDraftsPrefix: "po_plan_drafts_",
  /** Suffixed with an index in the /count list; bare on a count's card and replies. */
  countOpen: "count_open",
  countFinish: "count_finish",
  countFinishAnyway: "count_finish_anyway",
  countCancel: "count_cancel",
  /** Suffixed with the decision and the GR line id: reject_return_12, reject_replace_12, reject_accept_12. */
  rejectDecisionPrefix: "reject_",
};
var actionPatterns = {
  stockPage: /^stock_page_\d+$/,
  stockShow: /^stock_show_\d+$/,
  /** Several cards in one /approve list need distinct action ids. */
  approvalApprove: /^approval_approve(_\d+)?$/,
  approvalReject: /^approval_reject(_\d+)?$/,
  policyEdit: /^policy_edit_[a-z_]+$/,
  outboxRetry: /^outbox_retry_\d+$/,
  poMove: /^po_(submit|send|hold|resume|close|cancel)$/,
  planWhy: /^po_plan_why_\d+$/,
  planDrafts: /^po_plan_drafts_\d+$/,
  countOpen: /^count_open(_\d+)?$/,
  rejectDecision: /^reject_(return|replace|accept)_\d+$/,
};
var callbackIds = {
  csvImport: "csv_import",
  approvalReject: "approval_reject",
  policyEdit: "policy_edit",
  policyTimers: "policy_timers",
  purchaseOrder: "purchase_order",
  supplier: "supplier",
  goodsReceipt: "goods_receipt",
  stocktakeCount: "stocktake_count",
  rejectAccept: "reject_accept",
};

// commands/notices/purchase-order-card.ts
// src/domain/approvals/decide.ts
// src/domain/approvals/eligibility.ts
// src/domain/approvals/delegation.ts
import {
  and as and7,
  and as and14,
  and as and17,
  desc as desc4,
  eq as eq11,
  eq as eq12,
  eq as eq23,
  eq as eq26,
  gte,
  isNull as isNull3,
  lte,
} from "drizzle-orm";

var columns = {
  id: approvalDelegations.id,
  approver: approvalDelegations.approver,
  delegate: approvalDelegations.delegate,
  fromDay: approvalDelegations.fromDay,
  toDay: approvalDelegations.toDay,
};
var dayPattern = /^\d{4}-\d{2}-\d{2}$/;
function delegateApprovals(db2, clock, input) {
  const { approver, delegate: delegate2, fromDay, toDay: toDay2, today } = input;
  if (approver === delegate2) throw new JxcError("INVALID_INPUT", { input: delegate2 }, "delegate");
  if (!dayPattern.test(fromDay) || !dayPattern.test(toDay2) || toDay2 < fromDay || toDay2 < today) {
    throw new JxcError("INVALID_INPUT", { input: `${fromDay} \u2013 ${toDay2}` }, "days");
  }
  const at2 = clock.now();
  return db2.transaction((tx) => {
    const row = tx
      .insert(approvalDelegations)
      .values({ approver, delegate: delegate2, fromDay, toDay: toDay2, createdAt: at2 })
      .returning(columns)
      .get();
    writeAudit(tx, {
      actor: approver,
      action: "approval.delegate",
      entity: "delegation",
      entityId: String(row.id),
      after: row,
      at: at2,
    });
    return row;
  });
}
function revokeDelegation(db2, clock, input) {
  const at2 = clock.now();
  db2.transaction((tx) => {
    const row = tx
      .select(columns)
      .from(approvalDelegations)
      .where(and7(eq11(approvalDelegations.id, input.id), isNull3(approvalDelegations.revokedAt)))
      .get();
    if (!row) throw new JxcError("NOT_FOUND", { what: `#${input.id}` });
    if (row.approver !== input.actor && !input.isAdmin) throw new JxcError("NOT_ALLOWED", { roles: "admin" });
    tx.update(approvalDelegations)
      .set({ revokedAt: at2 })
      .where(eq11(approvalDelegations.id, input.id))
      .run();
    writeAudit(tx, {
      actor: input.actor,
      action: "approval.undelegate",
      entity: "delegation",
      entityId: String(row.id),
      before: row,
      at: at2,
    });
  });
}
function delegationsInvolving(db2, userId, today) {
  return db2
    .select(columns)
    .from(approvalDelegations)
    .where(and7(isNull3(approvalDelegations.revokedAt), gte(approvalDelegations.toDay, today)))
    .all()
    .filter((d) => d.approver === userId || d.delegate === userId);
}
function activeOn(db2, day3, who) {
  const party =
    "approver" in who
      ? eq11(approvalDelegations.approver, who.approver)
      : eq11(approvalDelegations.delegate, who.delegate);
  return db2
    .select(columns)
    .from(approvalDelegations)
    .where(
      and7(
        party,
        isNull3(approvalDelegations.revokedAt),
        lte(approvalDelegations.fromDay, day3),
        gte(approvalDelegations.toDay, day3),
      ),
    )
    .all();
}
function approversDelegatingTo(db2, delegate2, day3) {
  return activeOn(db2, day3, { delegate: delegate2 }).map((d) => d.approver);
}
function delegatesOf(db2, approver, day3) {
  return activeOn(db2, day3, { approver }).map((d) => d.delegate);
}

// src/domain/approvals/eligibility.ts
function holdersOf(db2, role) {
  return db2
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(eq12(roleAssignments.role, role))
    .all()
    .map((r) => r.userId);
}
function eligibleApprovers(db2, role, requestedBy, day3) {
  const holders = holdersOf(db2, role).filter((id) => id !== requestedBy);
  const seen = new Set(holders);
  const approvers = holders.map((userId) => ({ userId, onBehalfOf: null }));
  for (const holder of holders) {
    for (const delegate2 of delegatesOf(db2, holder, day3)) {
      if (delegate2 === requestedBy || seen.has(delegate2)) continue;
      seen.add(delegate2);
      approvers.push({ userId: delegate2, onBehalfOf: holder });
    }
  }
  return approvers;
}
function authorityToDecide(db2, input) {
  const { userId, role, requestedBy, day: day3 } = input;
  if (userId === requestedBy) throw new JxcError("SELF_APPROVAL");
  const holders = new Set(holdersOf(db2, role));
  if (holders.has(userId)) return { userId, onBehalfOf: null };
  const principal = approversDelegatingTo(db2, userId, day3).find((a) => holders.has(a) && a !== requestedBy);
  if (principal) return { userId, onBehalfOf: principal };
  throw new JxcError("NOT_ALLOWED", { roles: role });
}

// src/domain/adjustments/outcome.ts
import { and as and8, eq as eq13 } from "drizzle-orm";

var adjustmentOutcome = {
  approved: (tx, ctx) => postAdjustmentDocument(tx, ctx),
  rejected: (tx, ctx) => {
    const row = tx
      .update(stockAdjustments)
      .set({ status: "rejected" })
      .where(and8(eq13(stockAdjustments.id, ctx.docId), eq13(stockAdjustments.status, "pending")))
      .returning({ number: stockAdjustments.number })
      .get();
    if (row) {
      writeAudit(tx, {
        actor: ctx.actor,
        action: "adjustment.reject",
        entity: "stock_adjustment",
        entityId: row.number,
        at: ctx.at,
      });
    }
  },
};

// src/domain/purchasing/purchase-orders.ts
import { and as and10, eq as eq16 } from "drizzle-orm";

// src/domain/quantity.ts
var maxQuantity = 1e9;
function listUnits(item) {
  const units = [{ unit: item.baseUnit, factor: 1 }];
  if (item.purchaseUnit && item.purchaseUnitFactor) {
    units.push({ unit: item.purchaseUnit, factor: item.purchaseUnitFactor });
  }
  if (item.salesUnit && item.salesUnitFactor)
    units.push({ unit: item.salesUnit, factor: item.salesUnitFactor });
  return units;
}
var quantityShape = /^([+\-−]?[\d.,]*\d(?:e[+-]?\d+)?)\s*(.*)$/i;
function parseQuantity(input, item) {
  const text14 = input.normalize("NFKC").trim();
  if (text14 === "") throw refuseQuantity(input, "empty");
  const shape = quantityShape.exec(text14);
  if (!shape) throw refuseQuantity(input, "not_a_number");
  const [, numberText = "", unitText = ""] = shape;
  const reading = parseExactDecimal(numberText);
  if (!reading.ok) throw refuseQuantity(input, reading.problem);
  const unit = findUnit(item, unitText);
  if (!unit) throw refuseQuantity(input, "unknown_unit");
  const { digits, scale } = reading.value;
  if (digits === 0n) throw refuseQuantity(input, "zero");
  const scaled = digits * BigInt(unit.factor);
  const divisor = 10n ** BigInt(scale);
  if (scaled % divisor !== 0n) throw refuseQuantity(input, "fractional");
  const baseQty = scaled / divisor;
  if (baseQty > BigInt(maxQuantity)) throw refuseQuantity(input, "too_large");
  return { baseQty: Number(baseQty), unit: unit.unit };
}
function refuseQuantity(input, problem) {
  return new JxcError("INVALID_QUANTITY", { input, problem });
}
function findUnit(item, typed) {
  const units = listUnits(item);
  const wanted = typed.trim().toLowerCase();
  if (wanted === "") return units[0];
  return units.find((candidate) => candidate.unit.normalize("NFKC").toLowerCase() === wanted);
}
function formatQuantity(baseQty, item, unit) {
  const chosen = unit === void 0 ? void 0 : findUnit(item, unit);
  if (!chosen || chosen.factor === 1) return `${baseQty} ${item.baseUnit}`;
  const sign = baseQty < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(baseQty) / chosen.factor);
  const rest = Math.abs(baseQty) % chosen.factor;
  if (rest === 0) return `${sign}${whole} ${chosen.unit}`;
  if (whole === 0) return `${sign}${rest} ${item.baseUnit}`;
  return `${sign}${whole} ${chosen.unit} ${rest} ${item.baseUnit}`;
}

// src/domain/purchasing/reads.ts
import {
  and as and9,
  desc as desc3,
  eq as eq14,
  gte as gte2,
  inArray as inArray3,
  ne as ne4,
  sql as sql9,
} from "drizzle-orm";

// src/domain/purchasing/states.ts
function isPurchaseOrderStatus(value) {
  return value !== void 0 && value in purchaseOrderTransitions;
}
var purchaseOrderTransitions = {
  draft: { submit: "pending_approval", cancel: "cancelled" },
  pending_approval: { approve: "approved", reject: "draft", cancel: "cancelled" },
  approved: { send: "sent", hold: "on_hold", cancel: "cancelled" },
  sent: {
    receive_part: "partially_received",
    receive_all: "received",
    hold: "on_hold",
    cancel: "cancelled",
  },
  partially_received: {
    receive_part: "partially_received",
    receive_all: "received",
    hold: "on_hold",
    close: "closed",
  },
  received: { close: "closed" },
  on_hold: { resume: "held_from", cancel: "cancelled" },
  closed: {},
  cancelled: {},
};
var actionPermissions = {
  submit: "po.create",
  approve: "po.create",
  reject: "po.create",
  send: "po.send",
  hold: "po.manage",
  resume: "po.manage",
  cancel: "po.manage",
  close: "po.manage",
  receive_part: "po.receive",
  receive_all: "po.receive",
};
var buttonActions = ["submit", "send", "hold", "resume", "close", "cancel"];
function isButtonAction(value) {
  return buttonActions.includes(value);
}
var openForDelivery = ["approved", "sent", "partially_received"];
var committedStatuses = ["approved", "sent", "partially_received", "received", "closed"];
function linesEditable(status) {
  return status === "draft" || status === "pending_approval";
}
function nextStatus(po, action) {
  const target = purchaseOrderTransitions[po.status][action];
  const refused = new JxcError("ILLEGAL_TRANSITION", { number: po.number, status: po.status, action });
  if (target === void 0) throw refused;
  if (target !== "held_from") return target;
  if (!po.heldFrom) throw refused;
  return po.heldFrom;
}
function assertCanMove(po, action) {
  nextStatus(po, action);
  if (action === "cancel" && po.status === "on_hold" && po.heldFrom === "partially_received") {
    throw new JxcError("ILLEGAL_TRANSITION", { number: po.number, status: po.status, action });
  }
}

// src/domain/purchasing/reads.ts
function readPurchaseOrder(db2, key) {
  const where =
    typeof key === "number"
      ? eq14(purchaseOrders.id, key)
      : sql9`${purchaseOrders.number} = ${key.trim().toUpperCase()}`;
  const row = db2
    .select({
      po: purchaseOrders,
      supplier: { id: suppliers.id, code: suppliers.code, name: suppliers.name, nameZh: suppliers.nameZh },
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq14(suppliers.id, purchaseOrders.supplierId))
    .where(where)
    .get();
  if (!row) return void 0;
  const lines2 = db2
    .select({
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      qty: purchaseOrderLines.qty,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(purchaseOrderLines)
    .innerJoin(items, eq14(items.id, purchaseOrderLines.itemId))
    .where(eq14(purchaseOrderLines.purchaseOrderId, row.po.id))
    .orderBy(purchaseOrderLines.lineNo)
    .all()
    .map((line3) => ({ ...line3, amount: line3.qty * line3.unitPrice }));
  const { po } = row;
  return {
    id: po.id,
    number: po.number,
    status: po.status,
    heldFrom: po.heldFrom,
    currency: po.currency,
    supplier: row.supplier,
    expectedDay: po.expectedDay,
    deliveryTerms: po.deliveryTerms,
    qualityStandard: po.qualityStandard,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    createdBy: po.createdBy,
    createdAt: po.createdAt,
    approvedDay: po.approvedDay,
    lines: lines2,
    total: lines2.reduce((sum, line3) => sum + line3.amount, 0),
  };
}
function lastPurchasePrice(db2, itemId, supplierId, excludePoId = 0) {
  const lastFrom = (bySupplier) =>
    db2
      .select({ unitPrice: purchaseOrderLines.unitPrice, number: purchaseOrders.number })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq14(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .where(
        and9(
          eq14(purchaseOrderLines.itemId, itemId),
          inArray3(purchaseOrders.status, [...committedStatuses]),
          ne4(purchaseOrders.id, excludePoId),
          bySupplier ? eq14(purchaseOrders.supplierId, supplierId) : void 0,
        ),
      )
      .orderBy(desc3(purchaseOrders.approvedDay), desc3(purchaseOrders.id))
      .get();
  const own = lastFrom(true);
  if (own) return { ...own, sameSupplier: true };
  const any = lastFrom(false);
  return any ? { ...any, sameSupplier: false } : void 0;
}
function purchasingSpendThisMonth(db2, today) {
  const row = db2
    .select({
      total: sql9`coalesce(sum(${purchaseOrderLines.qty} * ${purchaseOrderLines.unitPrice}), 0)`,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq14(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and9(
        inArray3(purchaseOrders.status, [...committedStatuses]),
        gte2(purchaseOrders.approvedDay, startOfMonth(today)),
      ),
    )
    .get();
  return Number(row?.total ?? 0);
}
function recentPurchaseOrders(db2, supplierId, limit = 5) {
  return db2
    .select({
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      expectedDay: purchaseOrders.expectedDay,
      total: sql9`coalesce((select sum(l.qty * l.unit_price) from purchase_order_lines l where l.purchase_order_id = ${purchaseOrders.id}), 0)`,
    })
    .from(purchaseOrders)
    .where(eq14(purchaseOrders.supplierId, supplierId))
    .orderBy(desc3(purchaseOrders.id))
    .limit(limit)
    .all();
}

// src/domain/purchasing/settings.ts
import { eq as eq15 } from "drizzle-orm";

var budgetKey = "purchasing_monthly_budget";
var thresholdKey = "price_alert_pct";
var defaultPriceAlertPct = 10;
function readSetting(db2, key) {
  return db2
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq15(companySettings.key, key))
    .get()?.value;
}
function readPurchasingBudget(db2) {
  const value = readSetting(db2, budgetKey);
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}
function readPriceAlertPct(db2) {
  const value = readSetting(db2, thresholdKey);
  return typeof value === "number" && value >= 0 ? value : defaultPriceAlertPct;
}
function setPurchasingBudget(db2, clock, input) {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > maxMoneyMinor) {
    throw new JxcError("INVALID_MONEY", { input: String(input.amount), problem: "zero" }, "amount");
  }
  const at2 = clock.now();
  db2.transaction((tx) => {
    const before = readPurchasingBudget(tx);
    tx.insert(companySettings)
      .values({ key: budgetKey, value: input.amount, updatedBy: input.actor, updatedAt: at2 })
      .onConflictDoUpdate({
        target: companySettings.key,
        set: { value: input.amount, updatedBy: input.actor, updatedAt: at2 },
      })
      .run();
    writeAudit(tx, {
      actor: input.actor,
      action: "setting.change",
      entity: "setting",
      entityId: budgetKey,
      before,
      after: input.amount,
      at: at2,
    });
  });
}

// src/domain/purchasing/purchase-orders.ts
var maxPurchaseOrderLines = 30;
var maxTextLength = 500;
var maxPaymentTermsDays = 3650;
function createPurchaseOrder(db2, clock, input) {
  const terms = checkTerms(input);
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const supplier = tx.select().from(suppliers).where(eq16(suppliers.id, input.supplierId)).get();
      if (!supplier || supplier.archived) {
        throw new JxcError("UNKNOWN_SUPPLIER", { query: String(input.supplierId) }, "supplier");
      }
      checkLines(tx, input.lines);
      const number2 = nextDocumentNumber(tx, "purchase_order");
      const { id } = tx
        .insert(purchaseOrders)
        .values({
          number: number2,
          supplierId: supplier.id,
          status: "draft",
          currency: input.currency,
          expectedDay: input.expectedDay,
          deliveryTerms: terms.deliveryTerms,
          qualityStandard: terms.qualityStandard,
          paymentTermsDays: input.paymentTermsDays ?? supplier.paymentTermsDays,
          notes: terms.notes,
          createdBy: input.userId,
          createdAt: at2,
          updatedAt: at2,
        })
        .returning({ id: purchaseOrders.id })
        .get();
      insertLines(tx, id, input.lines);
      writeAudit(tx, {
        actor: input.userId,
        action: "po.create",
        entity: "purchase_order",
        entityId: number2,
        after: { supplier: supplier.code, lines: input.lines, expectedDay: input.expectedDay },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: "po.created",
          actor: input.userId,
          docType: "purchase_order",
          docId: id,
          payload: { number: number2 },
        },
        at2,
      );
      const submitted = input.submit
        ? submitInTx(tx, at2, id, input.userId, input.today)
        : { status: "draft", roles: [] };
      const view = readPurchaseOrder(tx, id);
      return {
        id,
        number: number2,
        status: submitted.status,
        total: view?.total ?? 0,
        approverRoles: submitted.roles,
      };
    },
    { behavior: "immediate" },
  );
}
var actionEvents = {
  send: "po.sent",
  hold: "po.held",
  resume: "po.resumed",
  cancel: "po.cancelled",
  close: "po.closed",
  receive_part: "po.received",
  receive_all: "po.received",
};
function movePurchaseOrder(db2, clock, input) {
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const po = requirePo(tx, input.id);
      requireAuthority(tx, input.userId, input.action, po);
      assertCanMove(po, input.action);
      if (input.action === "submit") {
        if (po.expectedDay < input.today) {
          throw new JxcError("INVALID_INPUT", { problem: "in_the_past" }, "expected");
        }
        const result = submitInTx(tx, at2, po.id, input.userId, input.today);
        return { number: po.number, status: result.status, approverRoles: result.roles };
      }
      const status = nextStatus(po, input.action);
      tx.update(purchaseOrders)
        .set({
          status,
          heldFrom: input.action === "hold" ? po.status : null,
          updatedAt: at2,
        })
        .where(and10(eq16(purchaseOrders.id, po.id), eq16(purchaseOrders.status, po.status)))
        .run();
      if (po.status === "pending_approval" && input.action === "cancel") {
        cancelApproval(tx, at2, { docType: "purchase_order", docId: po.id, actor: input.userId });
      }
      writeAudit(tx, {
        actor: input.userId,
        action: `po.${input.action}`,
        entity: "purchase_order",
        entityId: po.number,
        before: { status: po.status },
        after: { status },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: actionEvents[input.action],
          actor: input.userId,
          docType: "purchase_order",
          docId: po.id,
          payload: { number: po.number, from: po.status, to: status, owner: po.createdBy },
        },
        at2,
      );
      return { number: po.number, status, approverRoles: [] };
    },
    { behavior: "immediate" },
  );
}
function applyApprovalVerdict(tx, ctx, verdict) {
  const po = requirePo(tx, ctx.docId);
  if (po.status !== "pending_approval") return;
  const status = nextStatus(po, verdict);
  tx.update(purchaseOrders)
    .set({ status, approvedDay: verdict === "approve" ? ctx.day : null, updatedAt: ctx.at })
    .where(eq16(purchaseOrders.id, po.id))
    .run();
  writeAudit(tx, {
    actor: ctx.actor,
    action: `po.${verdict}`,
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status },
    at: ctx.at,
  });
}
function submitInTx(tx, at2, id, userId, today) {
  const po = readPurchaseOrder(tx, id);
  if (!po) throw new JxcError("STALE_ACTION");
  if (po.lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  tx.update(purchaseOrders)
    .set({ status: "pending_approval", updatedAt: at2 })
    .where(eq16(purchaseOrders.id, id))
    .run();
  writeAudit(tx, {
    actor: userId,
    action: "po.submit",
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status: "pending_approval", total: po.total },
    at: at2,
  });
  const approval = requestApproval(tx, at2, {
    docType: "purchase_order",
    docId: id,
    docNumber: po.number,
    amount: po.total,
    requestedBy: userId,
    summary: describeForApproval(tx, po, today),
  });
  if (approval) return { status: "pending_approval", roles: approval.roles };
  applyApprovalVerdict(tx, { docId: id, at: at2, actor: userId, day: today }, "approve");
  return { status: "approved", roles: [] };
}
function describeForApproval(tx, po, today) {
  return {
    supplier: po.supplier,
    expectedDay: po.expectedDay,
    deliveryTerms: po.deliveryTerms,
    qualityStandard: po.qualityStandard,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    total: po.total,
    lines: po.lines.map((line3) => ({
      sku: line3.sku,
      name: line3.name,
      nameZh: line3.nameZh,
      unit: line3.unit,
      qty: line3.qty,
      unitPrice: line3.unitPrice,
      lastPrice: lastPurchasePrice(tx, line3.itemId, po.supplier.id, po.id)?.unitPrice ?? null,
    })),
    priceAlertPct: readPriceAlertPct(tx),
    spendThisMonth: purchasingSpendThisMonth(tx, today),
    budget: readPurchasingBudget(tx),
  };
}
function requirePo(tx, id) {
  const po = tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      createdBy: purchaseOrders.createdBy,
      expectedDay: purchaseOrders.expectedDay,
    })
    .from(purchaseOrders)
    .where(eq16(purchaseOrders.id, id))
    .get();
  if (!po) throw new JxcError("STALE_ACTION");
  return po;
}
function requireAuthority(tx, userId, action, po) {
  const held = new Set(
    tx
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq16(roleAssignments.userId, userId))
      .all()
      .map((r) => r.role)
      .filter(isRole),
  );
  const ownEarly = po.createdBy === userId && linesEditable(po.status);
  if (action === "cancel" && ownEarly && can(held, "po.create")) return;
  const permission = actionPermissions[action];
  if (!can(held, permission)) throw new JxcError("NOT_ALLOWED", { roles: "" });
}
function checkTerms(input) {
  const text14 = (value, field2) => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length > maxTextLength) {
      throw new JxcError("INVALID_INPUT", { problem: "too_long" }, field2);
    }
    return trimmed || null;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.expectedDay)) {
    throw new JxcError("INVALID_INPUT", { problem: "not_a_date" }, "expected");
  }
  if (input.expectedDay < input.today) {
    throw new JxcError("INVALID_INPUT", { input: input.expectedDay, problem: "in_the_past" }, "expected");
  }
  const days = input.paymentTermsDays;
  if (days !== void 0 && (!Number.isInteger(days) || days < 0 || days > maxPaymentTermsDays)) {
    throw new JxcError("INVALID_INPUT", { input: String(days), problem: "too_large" }, "payment");
  }
  return {
    deliveryTerms: text14(input.deliveryTerms, "delivery"),
    qualityStandard: text14(input.qualityStandard, "quality"),
    notes: text14(input.notes, "notes"),
  };
}
function checkLines(tx, lines2) {
  if (lines2.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  if (lines2.length > maxPurchaseOrderLines) {
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "lines");
  }
  lines2.forEach((line3, index9) => {
    const n3 = index9 + 1;
    const item = tx
      .select({ id: items.id, archived: items.archived })
      .from(items)
      .where(eq16(items.id, line3.itemId))
      .get();
    if (!item || item.archived)
      throw new JxcError("UNKNOWN_ITEM", { query: String(line3.itemId) }, `line${n3}_item`);
    if (!Number.isSafeInteger(line3.qty) || line3.qty <= 0 || line3.qty > maxQuantity) {
      const problem = line3.qty <= 0 ? (line3.qty === 0 ? "zero" : "negative") : "too_large";
      throw new JxcError("INVALID_QUANTITY", { input: String(line3.qty), problem }, `line${n3}_qty`);
    }
    if (!Number.isSafeInteger(line3.unitPrice) || line3.unitPrice <= 0) {
      const problem = line3.unitPrice === 0 ? "zero" : "negative";
      throw new JxcError("INVALID_MONEY", { input: String(line3.unitPrice), problem }, `line${n3}_price`);
    }
    if (line3.qty * line3.unitPrice > maxMoneyMinor) {
      throw new JxcError(
        "INVALID_MONEY",
        { input: String(line3.unitPrice), problem: "too_large" },
        `line${n3}_price`,
      );
    }
  });
}
function insertLines(tx, purchaseOrderId, lines2) {
  tx.insert(purchaseOrderLines)
    .values(lines2.map((line3, index9) => ({ purchaseOrderId, lineNo: index9 + 1, ...line3 })))
    .run();
}

// src/domain/purchasing/outcome.ts
var purchaseOrderOutcome = {
  approved: (tx, ctx) => applyApprovalVerdict(tx, ctx, "approve"),
  rejected: (tx, ctx) => applyApprovalVerdict(tx, ctx, "reject"),
};

// src/domain/receiving/post-receipt.ts
import { randomUUID as randomUUID3 } from "node:crypto";
// src/domain/receiving/receipt-approval.ts
// src/domain/receiving/open-lines.ts
import { and as and11, and as and12, eq as eq17, eq as eq18, eq as eq20, sql as sql10 } from "drizzle-orm";

// src/domain/receiving/owed.ts
var postedAccepted = (lineId) => `coalesce((select sum(owed_g.accepted) from goods_receipt_lines owed_g
              join goods_receipts owed_r on owed_r.id = owed_g.goods_receipt_id
             where owed_g.purchase_order_line_id = ${lineId} and owed_r.status = 'posted'), 0)`;
var decided = (lineId, kinds) => `coalesce((select sum(owed_d.qty) from reject_decisions owed_d
             where owed_d.purchase_order_line_id = ${lineId} and owed_d.decision in (${kinds})), 0)`;
function settledSql(lineId) {
  return `(${postedAccepted(lineId)} + ${decided(lineId, "'accept', 'return'")})`;
}
function acceptedSql(lineId) {
  return `(${postedAccepted(lineId)} + ${decided(lineId, "'accept'")})`;
}
function owedSql(line3) {
  return `max(${line3}.qty - ${settledSql(`${line3}.id`)}, 0)`;
}

// src/domain/receiving/open-lines.ts
function readReceivableLines(db2, purchaseOrderId) {
  return receivableQuery(db2).all({ purchaseOrderId });
}
function readReceivableLinesIn(tx, purchaseOrderId) {
  return receivableSelect(tx).where(eq17(purchaseOrderLines.purchaseOrderId, purchaseOrderId)).all();
}
function receivableSelect(db2) {
  return db2
    .select({
      id: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      ordered: purchaseOrderLines.qty,
      unitPrice: purchaseOrderLines.unitPrice,
      accepted: sql10.raw(acceptedSql('"purchase_order_lines"."id"')).mapWith(Number),
      settled: sql10.raw(settledSql('"purchase_order_lines"."id"')).mapWith(Number),
      open: sql10.raw(owedSql('"purchase_order_lines"')).mapWith(Number),
    })
    .from(purchaseOrderLines)
    .innerJoin(items, eq17(items.id, purchaseOrderLines.itemId))
    .orderBy(purchaseOrderLines.lineNo)
    .$dynamic();
}
var receivableQuery = preparedPerDb((db2) =>
  receivableSelect(db2)
    .where(eq17(purchaseOrderLines.purchaseOrderId, sql10.placeholder("purchaseOrderId")))
    .prepare(),
);

// src/domain/receiving/post-receipt.ts
var receivableStatuses = ["sent", "partially_received"];
function requireReceivablePo(tx, purchaseOrderId) {
  const po = tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      createdBy: purchaseOrders.createdBy,
    })
    .from(purchaseOrders)
    .where(eq18(purchaseOrders.id, purchaseOrderId))
    .get();
  if (!po) throw new JxcError("NOT_FOUND", { what: `#${purchaseOrderId}` });
  if (!receivableStatuses.includes(po.status)) {
    throw new JxcError("ILLEGAL_TRANSITION", {
      number: po.number,
      status: po.status,
      action: "receive_part",
    });
  }
  return po;
}
function finishReceipt(tx, input) {
  const { po, receipt, at: at2, actor } = input;
  const complete = input.lines.every((line3) => line3.open === 0);
  const action = complete ? "receive_all" : "receive_part";
  assertCanMove(po, action);
  const status = nextStatus(po, action);
  tx.update(purchaseOrders)
    .set({ status, updatedAt: at2 })
    .where(and11(eq18(purchaseOrders.id, po.id), eq18(purchaseOrders.status, po.status)))
    .run();
  const totals = {
    accepted: input.posted.reduce((sum, line3) => sum + line3.accepted, 0),
    rejected: input.posted.reduce((sum, line3) => sum + line3.rejected, 0),
    value: input.posted.reduce((sum, line3) => sum + line3.value, 0),
  };
  writeAudit(tx, {
    actor,
    action: "gr.post",
    entity: "goods_receipt",
    entityId: receipt.number,
    after: { po: po.number, lines: input.posted, receivedBy: receipt.receivedBy },
    at: at2,
  });
  writeAudit(tx, {
    actor,
    action: `po.${action}`,
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status, receipt: receipt.number },
    at: at2,
  });
  emitEvent(
    tx,
    {
      type: "po.received",
      // The receiver, even when a supervisor approved it: the thread says who received it.
      actor: receipt.receivedBy,
      // Told in the PO's thread: the receipt is part of the PO's story.
      docType: "purchase_order",
      docId: po.id,
      payload: {
        number: po.number,
        receipt: receipt.number,
        receiptId: receipt.id,
        from: po.status,
        to: status,
        owner: po.createdBy,
        ...(actor !== receipt.receivedBy ? { approvedBy: actor } : {}),
        ...totals,
      },
    },
    at2,
  );
  return { poStatus: status, ...totals };
}
function postHeldReceipt(tx, input) {
  const receipt = tx
    .select({
      id: goodsReceipts.id,
      number: goodsReceipts.number,
      status: goodsReceipts.status,
      purchaseOrderId: goodsReceipts.purchaseOrderId,
      receivedBy: goodsReceipts.receivedBy,
    })
    .from(goodsReceipts)
    .where(eq18(goodsReceipts.id, input.receiptId))
    .get();
  if (receipt?.status !== "pending_approval") throw new JxcError("STALE_ACTION");
  const po = requireReceivablePo(tx, receipt.purchaseOrderId);
  const rows = tx
    .select({
      id: goodsReceiptLines.id,
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      unitPrice: purchaseOrderLines.unitPrice,
      sku: items.sku,
      unit: items.baseUnit,
      accepted: goodsReceiptLines.accepted,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq18(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq18(items.id, purchaseOrderLines.itemId))
    .where(eq18(goodsReceiptLines.goodsReceiptId, receipt.id))
    .orderBy(purchaseOrderLines.lineNo)
    .all();
  const ctx = {
    userId: receipt.receivedBy,
    at: input.at,
    batchId: randomUUID3(),
    docType: "goods_receipt",
    docId: receipt.id,
  };
  const posted = rows.map((row) => {
    const move =
      row.accepted > 0 && row.locationId !== null
        ? receiveStock(tx, ctx, {
            itemId: row.itemId,
            locationId: row.locationId,
            qty: row.accepted,
            unitCost: row.unitPrice,
            reason: "receipt",
          })
        : void 0;
    if (move) {
      tx.update(goodsReceiptLines)
        .set({ moveId: move.moveId })
        .where(eq18(goodsReceiptLines.id, row.id))
        .run();
    }
    return {
      lineNo: row.lineNo,
      sku: row.sku,
      unit: row.unit,
      accepted: row.accepted,
      rejected: row.rejected,
      rejectReason: row.rejectReason,
      locationId: row.locationId,
      value: move?.value ?? 0,
    };
  });
  tx.update(goodsReceipts).set({ status: "posted" }).where(eq18(goodsReceipts.id, receipt.id)).run();
  const result = finishReceipt(tx, {
    po,
    receipt,
    lines: readReceivableLinesIn(tx, po.id),
    posted,
    at: input.at,
    actor: input.actor,
  });
  return { id: receipt.id, number: receipt.number, poNumber: po.number, ...result, lines: posted };
}

// src/domain/receiving/settings.ts
import { eq as eq19 } from "drizzle-orm";

var toleranceKey = "receipt_tolerance_pct";
var defaultReceiptTolerancePct = 5;
function readReceiptTolerancePct(db2) {
  const value = db2
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq19(companySettings.key, toleranceKey))
    .get()?.value;
  return typeof value === "number" && value >= 0 && value <= 1e3 ? value : defaultReceiptTolerancePct;
}
function maxAcceptedQty(ordered, tolerancePct) {
  return ordered + Math.floor((ordered * tolerancePct) / 100);
}

// src/domain/receiving/receipt-approval.ts
function overReceiptSummary(tx, input) {
  const supplier = tx
    .select({ code: suppliers.code, name: suppliers.name, nameZh: suppliers.nameZh })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq20(suppliers.id, purchaseOrders.supplierId))
    .where(eq20(purchaseOrders.id, input.po.id))
    .get() ?? { code: "", name: "", nameZh: null };
  let excessValue = 0;
  const lines2 = [];
  for (const { line: line3, poLine, over } of input.lines) {
    excessValue += Math.max(poLine.settled + line3.accepted - poLine.ordered, 0) * poLine.unitPrice;
    if (!over) continue;
    lines2.push({
      sku: poLine.sku,
      name: poLine.name,
      nameZh: poLine.nameZh,
      unit: poLine.unit,
      ordered: poLine.ordered,
      before: poLine.settled,
      accepted: line3.accepted,
      rejected: line3.rejected,
      most: maxAcceptedQty(poLine.ordered, input.tolerancePct),
      place: line3.locationId === void 0 ? null : placeOf(tx, line3.locationId),
    });
  }
  return {
    summary: {
      po: input.po.number,
      supplier,
      receivedBy: input.receivedBy,
      tolerancePct: input.tolerancePct,
      lines: lines2,
      within: input.lines.length - lines2.length,
    },
    excessValue,
  };
}
function placeOf(tx, locationId) {
  const row = tx
    .select({ warehouse: warehouses.code, bin: locations.code })
    .from(locations)
    .innerJoin(warehouses, eq20(warehouses.id, locations.warehouseId))
    .where(eq20(locations.id, locationId))
    .get();
  return row ? `${row.warehouse}/${row.bin}` : null;
}
var receiptOutcome = {
  approved: (tx, ctx) => {
    postHeldReceipt(tx, { receiptId: ctx.docId, at: ctx.at, actor: ctx.actor });
  },
  rejected: (tx, ctx) => {
    const receipt = tx
      .update(goodsReceipts)
      .set({ status: "refused" })
      .where(and12(eq20(goodsReceipts.id, ctx.docId), eq20(goodsReceipts.status, "pending_approval")))
      .returning({
        number: goodsReceipts.number,
        purchaseOrderId: goodsReceipts.purchaseOrderId,
        receivedBy: goodsReceipts.receivedBy,
      })
      .get();
    if (!receipt) return;
    const po = tx
      .select({ number: purchaseOrders.number, createdBy: purchaseOrders.createdBy })
      .from(purchaseOrders)
      .where(eq20(purchaseOrders.id, receipt.purchaseOrderId))
      .get();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "gr.refuse",
      entity: "goods_receipt",
      entityId: receipt.number,
      before: { status: "pending_approval" },
      after: { status: "refused" },
      at: ctx.at,
    });
    emitEvent(
      tx,
      {
        type: "receipt.refused",
        actor: ctx.actor,
        docType: "purchase_order",
        docId: receipt.purchaseOrderId,
        payload: {
          number: po?.number ?? "",
          receipt: receipt.number,
          receiptId: ctx.docId,
          owner: po?.createdBy ?? "",
          receiver: receipt.receivedBy,
        },
      },
      ctx.at,
    );
  },
};

// src/domain/stocktakes/post.ts
import { randomUUID as randomUUID4 } from "node:crypto";
// src/domain/stocktakes/outcome.ts
import { and as and13, eq as eq21, eq as eq22 } from "drizzle-orm";

function countMoveContext(input, at2) {
  return {
    userId: input.userId,
    at: at2,
    batchId: randomUUID4(),
    docType: "stocktake",
    docId: input.stocktakeId,
    note: input.number,
  };
}
function postVariances(tx, ctx, lines2) {
  let value = 0;
  for (const line3 of lines2) {
    const posted = postAdjustment(tx, ctx, {
      itemId: line3.itemId,
      locationId: line3.locationId,
      qtyDelta: line3.varianceQty,
      reason: "count",
      userId: ctx.userId,
      ...(ctx.note ? { note: ctx.note } : {}),
    });
    value += posted.value;
    tx.update(stocktakeLines)
      .set({ posting: "posted", moveId: posted.moveId, postedValue: posted.value })
      .where(eq21(stocktakeLines.id, line3.id))
      .run();
  }
  return { lines: lines2.length, value };
}

// src/domain/stocktakes/outcome.ts
function pendingCount(tx, ctx) {
  const header2 = tx
    .select()
    .from(stocktakes)
    .where(and13(eq22(stocktakes.id, ctx.docId), eq22(stocktakes.status, "pending_approval")))
    .get();
  if (!header2) throw new JxcError("STALE_ACTION");
  const lines2 = tx
    .select()
    .from(stocktakeLines)
    .where(and13(eq22(stocktakeLines.stocktakeId, header2.id), eq22(stocktakeLines.posting, "pending")))
    .orderBy(stocktakeLines.lineNo)
    .all();
  if (lines2.some((line3) => line3.countedBy === ctx.actor)) throw new JxcError("SELF_APPROVAL");
  return { header: header2, lines: lines2 };
}
var stocktakeOutcome = {
  approved: (tx, ctx) => {
    const { header: header2, lines: lines2 } = pendingCount(tx, ctx);
    const moveCtx = countMoveContext(
      { stocktakeId: header2.id, number: header2.number, userId: header2.finishedBy ?? ctx.actor },
      ctx.at,
    );
    const posted = postVariances(
      tx,
      moveCtx,
      lines2.map((line3) => ({ ...line3, varianceQty: line3.varianceQty ?? 0 })),
    );
    tx.update(stocktakes)
      .set({ status: "posted", closedAt: ctx.at })
      .where(eq22(stocktakes.id, header2.id))
      .run();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "stocktake.post",
      entity: "stocktake",
      entityId: header2.number,
      before: { status: "pending_approval" },
      after: { status: "posted", ...posted },
      at: ctx.at,
    });
    emitEvent(
      tx,
      {
        type: "stocktake.posted",
        actor: ctx.actor,
        docType: "stocktake",
        docId: header2.id,
        payload: { number: header2.number, ...posted, owner: header2.startedBy },
      },
      ctx.at,
    );
  },
  rejected: (tx, ctx) => {
    const { header: header2, lines: lines2 } = pendingCount(tx, ctx);
    tx.update(stocktakeLines)
      .set({ posting: "rejected" })
      .where(and13(eq22(stocktakeLines.stocktakeId, header2.id), eq22(stocktakeLines.posting, "pending")))
      .run();
    tx.update(stocktakes)
      .set({ status: "rejected", closedAt: ctx.at })
      .where(eq22(stocktakes.id, header2.id))
      .run();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "stocktake.reject",
      entity: "stocktake",
      entityId: header2.number,
      before: { status: "pending_approval" },
      after: { status: "rejected", lines: lines2.length },
      at: ctx.at,
    });
  },
};

// src/domain/approvals/outcomes.ts
var approvalOutcomes = {
  stock_adjustment: adjustmentOutcome,
  purchase_order: purchaseOrderOutcome,
  stocktake: stocktakeOutcome,
  goods_receipt: receiptOutcome,
};

// src/domain/approvals/decide.ts
var maxReasonLength = 500;
function decideApproval(db2, clock, decision) {
  const reason = decision.reason?.trim();
  if (decision.verdict === "reject" && !reason) {
    throw new JxcError("INVALID_INPUT", { problem: "empty" }, "reason");
  }
  if (reason && reason.length > maxReasonLength) {
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "reason");
  }
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const { request, step: step2 } = readOpenStep(tx, decision);
      if (!isRole(step2.role) || !isApprovalDocType(request.docType)) throw new JxcError("STALE_ACTION");
      const approver = authorityToDecide(tx, {
        userId: decision.userId,
        role: step2.role,
        requestedBy: request.requestedBy,
        day: decision.day,
      });
      const status = decision.verdict === "approve" ? "approved" : "rejected";
      tx.update(approvalSteps)
        .set({
          status,
          decidedBy: approver.userId,
          onBehalfOf: approver.onBehalfOf,
          decidedAt: at2,
          reason: reason ?? null,
        })
        .where(and14(eq23(approvalSteps.requestId, request.id), eq23(approvalSteps.tier, step2.tier)))
        .run();
      writeAudit(tx, {
        actor: approver.userId,
        action: `approval.${decision.verdict}`,
        entity: request.docType,
        entityId: request.docNumber,
        before: { tier: step2.tier, status: "pending" },
        after: { tier: step2.tier, status, onBehalfOf: approver.onBehalfOf, reason: reason ?? null },
        at: at2,
      });
      const doc = { actor: approver.userId, docType: request.docType, docId: request.docId };
      const payload = { requestId: request.id, tier: step2.tier };
      const outcome = approvalOutcomes[request.docType];
      if (status === "rejected") {
        closeRequest(tx, request.id, "rejected", at2);
        emitEvent(tx, { ...doc, type: "approval.rejected", payload }, at2);
        outcome?.rejected(tx, { at: at2, actor: approver.userId, docId: request.docId, day: decision.day });
        return { docNumber: request.docNumber, requestStatus: "rejected", nextTier: null };
      }
      const nextTier = openNextTier(tx, request.id, step2.tier, at2);
      if (nextTier !== null) {
        emitEvent(tx, { ...doc, type: "approval.step_approved", payload }, at2);
        emitEvent(
          tx,
          { ...doc, type: "approval.step_opened", payload: { requestId: request.id, tier: nextTier } },
          at2,
        );
        return { docNumber: request.docNumber, requestStatus: "pending", nextTier };
      }
      closeRequest(tx, request.id, "approved", at2);
      emitEvent(tx, { ...doc, type: "approval.approved", payload }, at2);
      outcome?.approved(tx, { at: at2, actor: approver.userId, docId: request.docId, day: decision.day });
      return { docNumber: request.docNumber, requestStatus: "approved", nextTier: null };
    },
    { behavior: "immediate" },
  );
}
function readOpenStep(tx, decision) {
  const request = tx
    .select({
      id: approvalRequests.id,
      docType: approvalRequests.docType,
      docId: approvalRequests.docId,
      docNumber: approvalRequests.docNumber,
      requestedBy: approvalRequests.requestedBy,
      status: approvalRequests.status,
    })
    .from(approvalRequests)
    .where(eq23(approvalRequests.id, decision.requestId))
    .get();
  if (!request) throw new JxcError("STALE_ACTION");
  const step2 = tx
    .select({
      tier: approvalSteps.tier,
      role: approvalSteps.role,
      status: approvalSteps.status,
      decidedBy: approvalSteps.decidedBy,
    })
    .from(approvalSteps)
    .where(and14(eq23(approvalSteps.requestId, request.id), eq23(approvalSteps.tier, decision.tier)))
    .get();
  if (!step2) throw new JxcError("STALE_ACTION");
  if (step2.status === "approved" || step2.status === "rejected") {
    throw new JxcError("ALREADY_DECIDED", { by: step2.decidedBy ?? "", verdict: step2.status });
  }
  if (request.status === "rejected") {
    const rejecter = tx
      .select({ decidedBy: approvalSteps.decidedBy })
      .from(approvalSteps)
      .where(and14(eq23(approvalSteps.requestId, request.id), eq23(approvalSteps.status, "rejected")))
      .get();
    throw new JxcError("ALREADY_DECIDED", { by: rejecter?.decidedBy ?? "", verdict: "rejected" });
  }
  if (request.status !== "pending" || step2.status !== "pending") throw new JxcError("STALE_ACTION");
  return { request, step: step2 };
}
function openNextTier(tx, requestId, tier, at2) {
  const next = tx
    .update(approvalSteps)
    .set({ status: "pending", activatedAt: at2 })
    .where(
      and14(
        eq23(approvalSteps.requestId, requestId),
        eq23(approvalSteps.tier, tier + 1),
        eq23(approvalSteps.status, "waiting"),
      ),
    )
    .returning({ tier: approvalSteps.tier })
    .get();
  return next?.tier ?? null;
}
function closeRequest(tx, requestId, status, at2) {
  tx.update(approvalRequests)
    .set({ status, decidedAt: at2 })
    .where(eq23(approvalRequests.id, requestId))
    .run();
  if (status === "rejected") {
    tx.update(approvalSteps)
      .set({ status: "cancelled" })
      .where(and14(eq23(approvalSteps.requestId, requestId), eq23(approvalSteps.status, "waiting")))
      .run();
  }
}

// src/domain/approvals/queries.ts
import { and as and15, asc as asc5, eq as eq24 } from "drizzle-orm";

function readApproval(db2, requestId) {
  const request = db2.select().from(approvalRequests).where(eq24(approvalRequests.id, requestId)).get();
  if (!request) return void 0;
  const steps = db2
    .select()
    .from(approvalSteps)
    .where(eq24(approvalSteps.requestId, requestId))
    .orderBy(asc5(approvalSteps.tier))
    .all()
    .flatMap((s) => (isRole(s.role) ? [{ ...s, role: s.role }] : []));
  const summary = typeof request.summary === "object" && request.summary !== null ? request.summary : {};
  return { ...request, summary, steps };
}
function openStep(view) {
  return view.steps.find((s) => s.status === "pending");
}
function pendingApprovalsFor(db2, userId, day3) {
  const open4 = db2
    .select({
      requestId: approvalSteps.requestId,
      role: approvalSteps.role,
      requestedBy: approvalRequests.requestedBy,
    })
    .from(approvalSteps)
    .innerJoin(approvalRequests, eq24(approvalRequests.id, approvalSteps.requestId))
    .where(and15(eq24(approvalSteps.status, "pending"), eq24(approvalRequests.status, "pending")))
    .orderBy(asc5(approvalRequests.createdAt))
    .all();
  return open4
    .filter(
      (s) =>
        isRole(s.role) &&
        eligibleApprovers(db2, s.role, s.requestedBy, day3).some((a) => a.userId === userId),
    )
    .flatMap((s) => readApproval(db2, s.requestId) ?? []);
}
function myOpenRequests(db2, userId) {
  return db2
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and15(eq24(approvalRequests.requestedBy, userId), eq24(approvalRequests.status, "pending")))
    .orderBy(asc5(approvalRequests.createdAt))
    .all()
    .flatMap((r) => readApproval(db2, r.id) ?? []);
}

// src/domain/approvals/reminders.ts
import { and as and16, eq as eq25, isNull as isNull4, lte as lte2 } from "drizzle-orm";

var hour = 36e5;
var nextRoleUp = {
  purchasing_clerk: "purchasing_manager",
  warehouse_keeper: "warehouse_supervisor",
  salesperson: "sales_manager",
  accountant: "finance_supervisor",
  purchasing_manager: "admin",
  warehouse_supervisor: "admin",
  sales_manager: "admin",
  finance_supervisor: "admin",
  admin: "admin",
};
function remindAndEscalate(db2, clock) {
  const { remindAfterHours, escalateAfterHours } = readTimers(db2);
  const now = clock.now();
  return db2.transaction(
    (tx) => {
      const waiting = (column, hours) =>
        tx
          .select({
            requestId: approvalSteps.requestId,
            tier: approvalSteps.tier,
            role: approvalSteps.role,
            docType: approvalRequests.docType,
            docId: approvalRequests.docId,
            docNumber: approvalRequests.docNumber,
          })
          .from(approvalSteps)
          .innerJoin(approvalRequests, eq25(approvalRequests.id, approvalSteps.requestId))
          .where(
            and16(
              eq25(approvalSteps.status, "pending"),
              isNull4(column),
              lte2(approvalSteps.activatedAt, now - hours * hour),
            ),
          )
          .all();
      const key = (s) => and16(eq25(approvalSteps.requestId, s.requestId), eq25(approvalSteps.tier, s.tier));
      const toEscalate = waiting(approvalSteps.escalatedAt, escalateAfterHours).filter(
        (s) => isRole(s.role) && nextRoleUp[s.role] !== s.role,
      );
      for (const step2 of toEscalate) {
        const to = isRole(step2.role) ? nextRoleUp[step2.role] : "admin";
        tx.update(approvalSteps).set({ role: to, escalatedAt: now, remindedAt: now }).where(key(step2)).run();
        writeAudit(tx, {
          actor: "jxc",
          action: "approval.escalate",
          entity: step2.docType,
          entityId: step2.docNumber,
          before: { tier: step2.tier, role: step2.role },
          after: { tier: step2.tier, role: to },
          at: now,
        });
        const payload = { requestId: step2.requestId, tier: step2.tier, from: step2.role, to };
        emitEvent(
          tx,
          { type: "approval.escalated", actor: "jxc", docType: step2.docType, docId: step2.docId, payload },
          now,
        );
      }
      const toRemind = waiting(approvalSteps.remindedAt, remindAfterHours);
      for (const step2 of toRemind) {
        tx.update(approvalSteps).set({ remindedAt: now }).where(key(step2)).run();
        const payload = { requestId: step2.requestId, tier: step2.tier };
        emitEvent(
          tx,
          { type: "approval.reminder", actor: "jxc", docType: step2.docType, docId: step2.docId, payload },
          now,
        );
      }
      return { reminded: toRemind.length, escalated: toEscalate.length };
    },
    { behavior: "immediate" },
  );
}

// commands/approve/card.ts
function decisionToken(requestId, tier) {
  return `${requestId}:${tier}`;
}
function parseDecisionToken(value) {
  const match = /^(\d{1,12}):(\d{1,2})$/.exec(value);
  if (!match) return void 0;
  return { requestId: Number(match[1]), tier: Number(match[2]) };
}
function renderApprovalCard(view, locale, company, options) {
  const m = messages(locale).approvals;
  const step2 = view.steps.find((s) => s.tier === options.tier);
  const open4 =
    view.status === "pending" &&
    step2?.status === "pending" &&
    (options.role === void 0 || options.role === step2.role);
  const title2 = cardTitle(view, locale, open4, options);
  const blocks = [
    header(title2),
    section(describeDocument(view.docType, view.summary, locale, company.currency)),
    fields([
      `*${m.requestedBy}*
<@${view.requestedBy}>`,
      `*${m.amount}*
${formatMoney(Math.abs(view.amount), company.currency, locale)}`,
      `*${m.requestedAt}*
${slackDate(view.createdAt)}`,
    ]),
    context(view.steps.map((s) => stepLine(s, locale))),
  ];
  if (open4) blocks.push(decisionButtons(view.id, options, locale));
  return { text: title2, blocks };
}
function cardTitle(view, locale, open4, options) {
  const m = messages(locale).approvals;
  const number2 = view.docNumber;
  if (view.status === "approved") return m.approvedTitle({ number: number2 });
  if (view.status === "rejected") return m.rejectedTitle({ number: number2 });
  if (view.status === "cancelled") return m.cancelledTitle({ number: number2 });
  if (!open4) return m.waitingTitle({ number: number2 });
  return options.reminder ? m.reminderTitle({ number: number2 }) : m.neededTitle({ number: number2 });
}
function stepLine(step2, locale) {
  const m = messages(locale).approvals;
  const role = messages(locale).roleNames[step2.role];
  const tier = step2.tier;
  const by = step2.decidedBy
    ? `<@${step2.decidedBy}>${step2.onBehalfOf ? m.onBehalfOf({ user: step2.onBehalfOf }) : ""}`
    : "";
  const when = step2.decidedAt ? slackDate(step2.decidedAt) : "";
  switch (step2.status) {
    case "approved":
      return m.stepApproved({ tier, role, by, when });
    case "rejected":
      return m.stepRejected({ tier, role, by, when, reason: step2.reason ?? "" });
    case "pending":
      return m.stepPending({ tier, role });
    case "waiting":
      return m.stepWaiting({ tier, role });
    case "cancelled":
      return m.stepCancelled({ tier, role });
  }
}
function decisionButtons(requestId, options, locale) {
  const m = messages(locale).approvals;
  const suffix = options.index === void 0 ? "" : `_${options.index}`;
  const value = decisionToken(requestId, options.tier);
  return {
    type: "actions",
    block_id: `approval_${requestId}_${options.tier}`,
    elements: [
      {
        type: "button",
        action_id: `${actionIds.approvalApprove}${suffix}`,
        text: { type: "plain_text", text: m.approve },
        style: "primary",
        value,
      },
      {
        type: "button",
        action_id: `${actionIds.approvalReject}${suffix}`,
        text: { type: "plain_text", text: m.reject },
        style: "danger",
        value,
      },
    ],
  };
}

// commands/po/render.ts
function baseQuantity(qty, unit) {
  return `${qty.toLocaleString("en")} ${unit}`;
}
function localName(locale, name, nameZh) {
  return locale === "zh-CN" && nameZh ? nameZh : name;
}
function priceDifference(price, last) {
  const pct = ((price - last) / last) * 100;
  const sign = pct > 0 ? "+" : pct < 0 ? "\u2212" : "\xB1";
  return { text: `${sign}${Math.abs(pct).toFixed(1)}%`, pct };
}
function priceCheck(locale, currency, line3, alertPct) {
  const m = messages(locale).po;
  if (line3.lastPrice === null || line3.lastPrice <= 0) return m.priceNew;
  const last = formatMoney(line3.lastPrice, currency, locale);
  if (line3.lastPrice === line3.unitPrice) return m.priceSame({ last });
  const diff = priceDifference(line3.unitPrice, line3.lastPrice);
  return Math.abs(diff.pct) > alertPct
    ? m.priceFlag({ last, diff: diff.text, limit: alertPct })
    : m.priceDiff({ last, diff: diff.text });
}
function lineTexts(locale, currency, lines2) {
  const m = messages(locale).po;
  return lines2.map((line3, index9) =>
    m.lineText({
      n: index9 + 1,
      qty: baseQuantity(line3.qty, line3.unit),
      sku: escapeMrkdwn(line3.sku),
      name: escapeMrkdwn(localName(locale, line3.name, line3.nameZh)),
      price: formatMoney(line3.unitPrice, currency, locale),
      amount: formatMoney(line3.qty * line3.unitPrice, currency, locale),
    }),
  );
}
function renderPurchaseOrder(po, locale, company, extra = {}) {
  const m = messages(locale).po;
  const supplier = localName(locale, po.supplier.name, po.supplier.nameZh);
  const title2 = m.docTitle({ number: po.number, supplier });
  const currency = po.currency || company.currency;
  const optional = (value) => (value ? escapeMrkdwn(value) : m.none);
  const blocks = [
    header(title2),
    fields([
      `*${m.supplier}*
${escapeMrkdwn(`${po.supplier.code} \xB7 ${supplier}`)}`,
      `*${m.status}*
${m.statuses[po.status]}`,
      `*${m.expected}*
${formatDay(po.expectedDay, locale)}`,
      `*${m.paymentTerms}*
${m.paymentDays({ days: po.paymentTermsDays })}`,
      `*${m.deliveryTerms}*
${optional(po.deliveryTerms)}`,
      `*${m.qualityStandard}*
${optional(po.qualityStandard)}`,
      `*${m.total}*
${formatMoney(po.total, currency, locale)}`,
      `*${m.createdBy}*
<@${po.createdBy}>`,
    ]),
    section(clip(lineTexts(locale, currency, po.lines).join("\n"), limits.sectionText)),
  ];
  if (po.notes)
    blocks.push(
      section(`*${m.notes}*
> ${escapeMrkdwn(po.notes)}`),
    );
  if (extra.steps && extra.steps.length > 0) blocks.push(context(extra.steps));
  return { text: `${title2} \xB7 ${m.statuses[po.status]}`, blocks };
}

// commands/notices/purchase-order-card.ts
function approvalStepLines(db2, docType, docId, locale) {
  const request = db2
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and17(eq26(approvalRequests.docType, docType), eq26(approvalRequests.docId, docId)))
    .orderBy(desc4(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db2, request.id)?.steps ?? []) : [];
  return steps.map((s) => stepLine(s, locale));
}
function renderPurchaseOrderCard(db2, docId, locale, company) {
  const po = readPurchaseOrder(db2, docId);
  if (!po) return { text: `#${docId}`, blocks: [] };
  return renderPurchaseOrder(po, locale, company, {
    steps: approvalStepLines(db2, "purchase_order", docId, locale),
  });
}

// commands/count/format.ts
function scopeText(locale, count6) {
  const m = messages(locale).count.scope;
  const parts = { warehouse: escapeMrkdwn(count6.warehouse), label: escapeMrkdwn(count6.label) };
  switch (count6.scope) {
    case "zone":
      return m.zone(parts);
    case "bins":
      return m.bins(parts);
    case "items":
      return m.items(parts);
    default:
      return m.warehouse(parts);
  }
}
function formatBp(bp) {
  return `${(Math.floor((bp ?? 0) / 10) / 10).toFixed(1)}%`;
}
function money(currency, locale, minor) {
  return formatMoney(minor, currency, locale);
}
function quantity(qty, unit, signed = false) {
  return signed ? signedQuantity(qty, unit) : baseQuantity(qty, unit);
}
function unitsText(item) {
  return listUnits(item)
    .map((u) => (u.factor === 1 ? u.unit : `${u.unit} = ${u.factor} ${item.baseUnit}`))
    .join(" \xB7 ");
}

// commands/count/report.ts
var reportLines = 20;
var linesPerSection = 10;
var openListed = 10;
function button(actionId, text14, value, style) {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: text14 },
    value,
    ...(style ? { style } : {}),
  };
}
function scopeOf(view, locale) {
  return scopeText(locale, { warehouse: view.warehouseCode, scope: view.scope, label: view.scopeLabel });
}
function startedReply(view, locale) {
  const m = messages(locale).count;
  const text14 = m.started({ number: view.number, lines: view.total, scope: scopeOf(view, locale) });
  return {
    text: text14,
    blocks: [
      section(text14),
      {
        type: "actions",
        elements: [
          button(actionIds.countOpen, m.countNow, String(view.id), "primary"),
          button(actionIds.countCancel, m.cancel, String(view.id), "danger"),
        ],
      },
    ],
  };
}
function uncountedReply(deps, stocktakeId, locale) {
  const m = messages(locale).count;
  const view = readStocktake(deps.db, stocktakeId);
  if (!view) return { text: messages(locale).errors.STALE_ACTION() };
  const gap = firstUncountedLine(deps.db, stocktakeId);
  const text14 = m.uncountedConfirm({
    number: view.number,
    uncounted: view.total - view.counted,
    total: view.total,
    bin: escapeMrkdwn(gap?.bin ?? ""),
  });
  return {
    text: text14,
    blocks: [
      section(text14),
      {
        type: "actions",
        elements: [button(actionIds.countFinishAnyway, m.finishAnyway, String(view.id), "danger")],
      },
    ],
  };
}
function renderOpenCounts(deps, locale) {
  const m = messages(locale).count;
  const open4 = listOpenStocktakes(deps.db, openListed);
  if (open4.length === 0) return { text: m.noneOpen };
  const blocks = [header(m.openTitle)];
  open4.forEach((view, index9) => {
    const line3 = m.openLine({
      number: view.number,
      scope: scopeOf(view, locale),
      progress: m.progress({ counted: view.counted, total: view.total }),
      status: m.status[view.status],
      by: `<@${view.startedBy}>`,
    });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: line3 },
      ...(view.status === "counting"
        ? { accessory: button(`${actionIds.countOpen}_${index9}`, m.count, String(view.id)) }
        : {}),
    });
  });
  return { text: m.openTitle, blocks };
}
function varianceLineText(line3, locale, company) {
  const m = messages(locale).count;
  return m.report.line({
    bin: escapeMrkdwn(line3.bin),
    sku: escapeMrkdwn(line3.sku),
    name: escapeMrkdwn(localName(locale, line3.name, line3.nameZh)),
    expected: quantity(line3.expectedQty, line3.unit),
    snapshot: quantity(line3.snapshotQty, line3.unit),
    moved: line3.movedQty === 0 ? "" : quantity(line3.movedQty, line3.unit, true),
    counted: quantity(line3.countedQty, line3.unit),
    variance: quantity(line3.varianceQty, line3.unit, true),
    value: money(company.currency, locale, line3.postedValue ?? line3.varianceValue),
    posting: m.posting[line3.posting],
  });
}
function postingTotals(deps, id, posting) {
  const lines2 = readVarianceLines(deps.db, id, { posting, limit: 1e6 });
  return {
    lines: lines2.length,
    value: lines2.reduce((sum, line3) => sum + (line3.postedValue ?? line3.varianceValue), 0),
  };
}
function renderReport(deps, stocktakeId, locale) {
  const m = messages(locale).count;
  const view = readStocktake(deps.db, stocktakeId);
  if (!view) return { text: messages(locale).errors.STALE_ACTION() };
  if (view.status === "cancelled" || view.finishedAt === null) {
    return { text: m.report.cancelledBy({ number: view.number, by: `<@${view.startedBy}>` }) };
  }
  const r = m.report;
  const cash = (minor) => money(deps.company.currency, locale, minor);
  const title2 = r.title({ number: view.number });
  const posted = postingTotals(deps, view.id, "posted");
  const pending = postingTotals(deps, view.id, "pending");
  const rejected = postingTotals(deps, view.id, "rejected");
  const facts = [
    `*${r.counted}*
${r.countedValue({ counted: view.linesCounted ?? 0, total: view.total })}`,
    `*${r.exact}*
${r.exactValue({ exact: view.linesExact ?? 0, pct: formatBp(view.lineAccuracyBp) })}`,
    `*${r.valueAccuracy}*
${formatBp(view.valueAccuracyBp)}`,
    `*${r.expectedValue}*
${cash(view.expectedValue ?? 0)}`,
    `*${r.variance}*
${r.varianceValue({ net: cash(view.varianceValue ?? 0), gross: cash(view.varianceAbs ?? 0) })}`,
  ];
  facts.push(`*${r.posted}*
${r.linesValue({ lines: posted.lines, value: cash(posted.value) })}`);
  if (pending.lines > 0)
    facts.push(`*${r.waiting}*
${r.linesValue({ lines: pending.lines, value: cash(pending.value) })}`);
  if (rejected.lines > 0) {
    facts.push(`*${r.rejected}*
${r.linesValue({ lines: rejected.lines, value: cash(rejected.value) })}`);
  }
  const uncounted = view.total - (view.linesCounted ?? 0);
  if (uncounted > 0)
    facts.push(`*${r.uncounted}*
${r.uncountedValue({ lines: uncounted })}`);
  const blocks = [
    header(title2),
    section(
      r.scopeLine({
        scope: scopeOf(view, locale),
        status: m.status[view.status],
        by: `<@${view.finishedBy ?? ""}>`,
      }),
    ),
    fields(facts),
  ];
  const lines2 = readVarianceLines(deps.db, view.id, { limit: reportLines });
  if (lines2.length === 0) blocks.push(section(r.noVariance));
  for (let from = 0; from < lines2.length; from += linesPerSection) {
    const texts = lines2
      .slice(from, from + linesPerSection)
      .map((line3) => varianceLineText(line3, locale, deps.company));
    blocks.push(section(texts.join("\n")));
  }
  const more = countVarianceLines(deps.db, view.id) - lines2.length;
  if (more > 0) blocks.push(context([r.more({ count: more })]));
  return { text: `${title2} \xB7 ${m.status[view.status]}`, blocks };
}

// commands/count/card.ts
function renderStocktakeCard(db2, docId, locale, company) {
  const view = readStocktake(db2, docId);
  if (!view) return { text: `#${docId}`, blocks: [] };
  const m = messages(locale).count;
  const title2 = m.card.title({ number: view.number, scope: scopeOf(view, locale) });
  const blocks = [
    header(title2),
    fields([
      `*${m.card.startedBy}*
<@${view.startedBy}> \xB7 ${slackDate(view.startedAt)}`,
      `*${m.card.progress}*
${m.progress({ counted: view.counted, total: view.total })}`,
      `*${m.card.status}*
${m.status[view.status]}`,
    ]),
  ];
  if (view.finishedAt !== null) {
    blocks.push(
      section(
        m.card.summary({
          lineAccuracy: formatBp(view.lineAccuracyBp),
          valueAccuracy: formatBp(view.valueAccuracyBp),
          net: money(company.currency, locale, view.varianceValue ?? 0),
        }),
      ),
    );
  }
  const steps = approvalStepLines(db2, "stocktake", docId, locale);
  if (steps.length > 0) blocks.push(context(steps));
  if (view.status === "counting") {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: actionIds.countOpen,
          text: { type: "plain_text", text: m.count },
          style: "primary",
          value: String(view.id),
        },
        {
          type: "button",
          action_id: actionIds.countFinish,
          text: { type: "plain_text", text: m.finish },
          value: String(view.id),
        },
      ],
    });
  }
  return { text: `${title2} \xB7 ${m.status[view.status]}`, blocks };
}
var noteData = z.object({
  event: z.string(),
  actor: z.string(),
  number: z.string(),
  changed: z.number().optional(),
  counted: z.number().optional(),
  total: z.number().optional(),
  linesCounted: z.number().optional(),
  linesExact: z.number().optional(),
  lineAccuracyBp: z.number().optional(),
  valueAccuracyBp: z.number().optional(),
  uncounted: z.number().optional(),
  postedLines: z.number().optional(),
  postedValue: z.number().optional(),
  waitingLines: z.number().optional(),
  waitingValue: z.number().optional(),
  lines: z.number().optional(),
  value: z.number().optional(),
});
function renderStocktakeNote(data, ctx) {
  const parsed = noteData.safeParse(data);
  const text14 = parsed.success ? noteText(parsed.data, ctx.locale, ctx.company) : String(data.event ?? "");
  return { text: text14, blocks: [section(text14)] };
}
function noteText(note, locale, company) {
  const t = messages(locale).count.thread;
  const by = `<@${note.actor}>`;
  const cash = (minor) => money(company.currency, locale, minor ?? 0);
  const head = `*${note.number}* \xB7 `;
  switch (note.event) {
    case "stocktake.counted":
      return `${head}${t.counted({ by, changed: note.changed ?? 0, counted: note.counted ?? 0, total: note.total ?? 0 })}`;
    case "stocktake.finished": {
      const lines2 = [
        t.finished({
          by,
          counted: note.linesCounted ?? 0,
          total: note.total ?? 0,
          exact: note.linesExact ?? 0,
          lineAccuracy: formatBp(note.lineAccuracyBp),
          valueAccuracy: formatBp(note.valueAccuracyBp),
        }),
        t.postedAtOnce({ lines: note.postedLines ?? 0, value: cash(note.postedValue) }),
        ...((note.waitingLines ?? 0) > 0
          ? [t.waiting({ lines: note.waitingLines ?? 0, value: cash(note.waitingValue) })]
          : []),
        ...((note.uncounted ?? 0) > 0 ? [t.uncounted({ lines: note.uncounted ?? 0 })] : []),
      ];
      return `${head}${lines2.join("\n")}`;
    }
    case "stocktake.posted":
      return `${head}${t.posted({ lines: note.lines ?? 0, value: cash(note.value) })}`;
    case "stocktake.cancelled":
      return `${head}${t.cancelled({ by })}`;
    default:
      return `${head}${note.event}`;
  }
}
var summaryData = z.object({
  warehouse: z.string(),
  scope: z.string(),
  scopeLabel: z.string(),
  valueAccuracyBp: z.number(),
  waitingLines: z.number(),
  waitingValue: z.number(),
  lines: z.array(
    z.object({
      bin: z.string(),
      sku: z.string(),
      name: z.string(),
      nameZh: z.string().nullable(),
      unit: z.string(),
      expected: z.number(),
      counted: z.number(),
      variance: z.number(),
      value: z.number(),
    }),
  ),
});
function describeStocktake(summary, locale, currency) {
  const parsed = summaryData.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const s = parsed.data;
  const m = messages(locale).count.approval;
  const head = m.head({
    scope: scopeText(locale, { warehouse: s.warehouse, scope: s.scope, label: s.scopeLabel }),
    lines: s.waitingLines,
    value: money(currency, locale, s.waitingValue),
    accuracy: formatBp(s.valueAccuracyBp),
  });
  const lines2 = s.lines.map((line3) =>
    m.line({
      bin: escapeMrkdwn(line3.bin),
      sku: escapeMrkdwn(line3.sku),
      name: escapeMrkdwn(localName(locale, line3.name, line3.nameZh)),
      expected: quantity(line3.expected, line3.unit),
      counted: quantity(line3.counted, line3.unit),
      variance: quantity(line3.variance, line3.unit, true),
      value: money(currency, locale, line3.value),
    }),
  );
  const more = s.waitingLines - s.lines.length;
  return [head, ...lines2, ...(more > 0 ? [m.more({ count: more })] : [])].join("\n");
}

// commands/receive/notices.ts
// src/domain/receiving/read-receipt.ts
import { and as and18, desc as desc5, eq as eq27, eq as eq29 } from "drizzle-orm";
import { z as z2 } from "zod";

function readGoodsReceipt(db2, id) {
  const receipt = db2
    .select({ number: goodsReceipts.number, receivedBy: goodsReceipts.receivedBy })
    .from(goodsReceipts)
    .where(eq27(goodsReceipts.id, id))
    .get();
  if (!receipt) return void 0;
  const lines2 = db2
    .select({
      sku: items.sku,
      unit: items.baseUnit,
      accepted: goodsReceiptLines.accepted,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq27(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq27(items.id, purchaseOrderLines.itemId))
    .where(eq27(goodsReceiptLines.goodsReceiptId, id))
    .orderBy(purchaseOrderLines.lineNo)
    .all()
    .map(({ locationId, ...line3 }) => {
      const place2 = locationId === null ? void 0 : placeName(db2, locationId);
      return { ...line3, place: place2 ? `${place2.warehouseCode}/${place2.locationCode}` : null };
    });
  return { ...receipt, lines: lines2 };
}

// src/domain/returns/read-rejects.ts
import { asc as asc6, eq as eq28, inArray as inArray4 } from "drizzle-orm";

function readRejectedLines(db2, goodsReceiptId) {
  const lines2 = db2
    .select({
      goodsReceiptLineId: goodsReceiptLines.id,
      lineNo: purchaseOrderLines.lineNo,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq28(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq28(items.id, purchaseOrderLines.itemId))
    .where(eq28(goodsReceiptLines.goodsReceiptId, goodsReceiptId))
    .orderBy(asc6(purchaseOrderLines.lineNo))
    .all()
    .filter((line3) => line3.rejected > 0);
  const decisions = decisionsOf(
    db2,
    lines2.map((line3) => line3.goodsReceiptLineId),
  );
  return lines2.map((line3) => {
    const own = decisions.get(line3.goodsReceiptLineId) ?? [];
    const decided2 = own.reduce((sum, d) => sum + d.qty, 0);
    return { ...line3, decisions: own, undecided: Math.max(line3.rejected - decided2, 0) };
  });
}
function decisionsOf(db2, lineIds) {
  const byLine = /* @__PURE__ */ new Map();
  if (lineIds.length === 0) return byLine;
  const rows = db2
    .select({
      lineId: rejectDecisions.goodsReceiptLineId,
      id: rejectDecisions.id,
      decision: rejectDecisions.decision,
      qty: rejectDecisions.qty,
      number: rejectDecisions.number,
      warehouse: warehouses.code,
      bin: locations.code,
      decidedBy: rejectDecisions.decidedBy,
      decidedAt: rejectDecisions.decidedAt,
    })
    .from(rejectDecisions)
    .leftJoin(locations, eq28(locations.id, rejectDecisions.locationId))
    .leftJoin(warehouses, eq28(warehouses.id, locations.warehouseId))
    .where(inArray4(rejectDecisions.goodsReceiptLineId, lineIds))
    .orderBy(asc6(rejectDecisions.id))
    .all();
  for (const { lineId, warehouse, bin, ...row } of rows) {
    const list = byLine.get(lineId) ?? [];
    list.push({ ...row, place: warehouse && bin ? `${warehouse}/${bin}` : null });
    byLine.set(lineId, list);
  }
  return byLine;
}
function readRejectDecision(db2, id) {
  const row = db2
    .select({
      id: rejectDecisions.id,
      decision: rejectDecisions.decision,
      qty: rejectDecisions.qty,
      number: rejectDecisions.number,
      warehouse: warehouses.code,
      bin: locations.code,
      decidedBy: rejectDecisions.decidedBy,
      decidedAt: rejectDecisions.decidedAt,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      rejectReason: goodsReceiptLines.rejectReason,
      receipt: goodsReceipts.number,
      receivedBy: goodsReceipts.receivedBy,
      poNumber: purchaseOrders.number,
      supplierCode: suppliers.code,
      supplierName: suppliers.name,
      supplierNameZh: suppliers.nameZh,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(rejectDecisions)
    .innerJoin(goodsReceiptLines, eq28(goodsReceiptLines.id, rejectDecisions.goodsReceiptLineId))
    .innerJoin(goodsReceipts, eq28(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq28(purchaseOrderLines.id, rejectDecisions.purchaseOrderLineId))
    .innerJoin(purchaseOrders, eq28(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .innerJoin(suppliers, eq28(suppliers.id, purchaseOrders.supplierId))
    .innerJoin(items, eq28(items.id, purchaseOrderLines.itemId))
    .leftJoin(locations, eq28(locations.id, rejectDecisions.locationId))
    .leftJoin(warehouses, eq28(warehouses.id, locations.warehouseId))
    .where(eq28(rejectDecisions.id, id))
    .get();
  if (!row) return void 0;
  const { warehouse, bin, supplierCode, supplierName: supplierName2, supplierNameZh, ...rest } = row;
  return {
    ...rest,
    place: warehouse && bin ? `${warehouse}/${bin}` : null,
    supplier: { code: supplierCode, name: supplierName2, nameZh: supplierNameZh },
  };
}
function readRejectedLine(db2, goodsReceiptLineId) {
  const row = db2
    .select({
      receiptId: goodsReceipts.id,
      receipt: goodsReceipts.number,
      itemId: purchaseOrderLines.itemId,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(goodsReceiptLines)
    .innerJoin(goodsReceipts, eq28(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq28(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .where(eq28(goodsReceiptLines.id, goodsReceiptLineId))
    .get();
  if (!row) return void 0;
  const line3 = readRejectedLines(db2, row.receiptId).find(
    (l) => l.goodsReceiptLineId === goodsReceiptLineId,
  );
  return line3 ? { ...line3, ...row } : void 0;
}

// commands/receive/render.ts
var unique = (values) => [...new Set(values.filter((v) => v !== null))];
var maxDecisionLines = 20;
function receiptSummary(receipt, locale) {
  const m = messages(locale).receive;
  const sum = (key) => receipt.lines.reduce((total, line3) => total + line3[key], 0);
  return m.summary({
    accepted: sum("accepted"),
    rejected: sum("rejected"),
    reasons: unique(
      receipt.lines.map((l) => (l.rejected > 0 && l.rejectReason ? m.reasons[l.rejectReason] : null)),
    ).join(", "),
    places: escapeMrkdwn(unique(receipt.lines.map((l) => (l.accepted > 0 ? l.place : null))).join(", ")),
  });
}
function decisionText(line3, decision, locale) {
  const d = messages(locale).returns.decided;
  const qty = baseQuantity(decision.qty, line3.unit);
  const by = `<@${decision.decidedBy}>`;
  if (decision.decision === "accept") {
    return d.accept({ qty, place: escapeMrkdwn(decision.place ?? ""), by });
  }
  return d[decision.decision]({ qty, number: decision.number ?? "", by });
}
function rejectedLineText(line3, locale) {
  const r = messages(locale).returns;
  const reasons = messages(locale).receive.reasons;
  const head = r.lineHead({
    qty: baseQuantity(line3.rejected, line3.unit),
    sku: escapeMrkdwn(line3.sku),
    reason: line3.rejectReason ? reasons[line3.rejectReason] : "",
  });
  const decided2 = line3.decisions.map((d) => `\u2022 ${decisionText(line3, d, locale)}`);
  if (line3.undecided === 0) return [head, ...decided2].join("\n");
  if (decided2.length === 0) return `${head}: ${r.waiting}`;
  return [head, ...decided2, r.stillWaiting({ qty: baseQuantity(line3.undecided, line3.unit) })].join("\n");
}
function decisionToken2(line3) {
  return `${line3.goodsReceiptLineId}:${line3.undecided}`;
}
function parseDecisionToken2(value) {
  const match = /^(\d{1,12}):(\d{1,12})$/.exec(value);
  return match ? { lineId: Number(match[1]), undecided: Number(match[2]) } : void 0;
}
function decisionButtons2(line3, poNumber3, locale) {
  const r = messages(locale).returns;
  const value = decisionToken2(line3);
  const facts = { qty: baseQuantity(line3.undecided, line3.unit), sku: line3.sku, number: poNumber3 };
  const confirm = (title2, text14) => ({
    title: { type: "plain_text", text: clip(title2, 100) },
    text: { type: "plain_text", text: clip(text14, 300) },
    confirm: { type: "plain_text", text: clip(r.confirm.yes, 30) },
    deny: { type: "plain_text", text: clip(r.confirm.no, 30) },
  });
  const id = (decision) => `${actionIds.rejectDecisionPrefix}${decision}_${line3.goodsReceiptLineId}`;
  return {
    type: "actions",
    block_id: `reject_${line3.goodsReceiptLineId}`,
    elements: [
      {
        type: "button",
        action_id: id("return"),
        text: { type: "plain_text", text: clip(r.buttons.return, limits.buttonText) },
        value,
        confirm: confirm(r.confirm.returnTitle, r.confirm.returnText(facts)),
      },
      {
        type: "button",
        action_id: id("replace"),
        text: { type: "plain_text", text: clip(r.buttons.replace, limits.buttonText) },
        value,
        confirm: confirm(r.confirm.replaceTitle, r.confirm.replaceText(facts)),
      },
      {
        type: "button",
        action_id: id("accept"),
        text: { type: "plain_text", text: clip(r.buttons.accept, limits.buttonText) },
        style: "primary",
        value,
      },
    ],
  };
}
function receiptThreadMessage(db2, data, locale) {
  const receipt = readGoodsReceipt(db2, data.receiptId);
  if (!receipt) return void 0;
  const m = messages(locale).receive;
  const head = `*${data.number}* \xB7 ${m.thread({
    receipt: receipt.number,
    summary: receiptSummary(receipt, locale),
    status: data.status,
    by: `<@${data.actor}>`,
  })}${data.approvedBy ? messages(locale).returns.over.approvedBy({ by: `<@${data.approvedBy}>` }) : ""}`;
  const rejected = readRejectedLines(db2, data.receiptId);
  const texts = rejected.map((line3) => rejectedLineText(line3, locale));
  const blocks = [section(head)];
  const settled2 = rejected.flatMap((line3, i) => (line3.undecided === 0 ? [texts[i] ?? ""] : []));
  if (settled2.length > 0) blocks.push(section(settled2.join("\n")));
  const waiting = rejected.flatMap((line3, i) =>
    line3.undecided > 0 ? [{ line: line3, text: texts[i] ?? "" }] : [],
  );
  for (const { line: line3, text: text14 } of waiting.slice(0, maxDecisionLines)) {
    blocks.push(section(text14), decisionButtons2(line3, data.number, locale));
  }
  if (waiting.length > maxDecisionLines) {
    blocks.push(context([messages(locale).returns.more({ count: waiting.length - maxDecisionLines })]));
  }
  return { text: clip([head, ...texts].join("\n"), limits.sectionText), blocks };
}

// commands/receive/notices.ts
function line(text14) {
  return { text: text14, blocks: [section(text14)] };
}
var poStatusName = (locale, status) =>
  typeof status === "string" && isPurchaseOrderStatus(status) ? messages(locale).po.statuses[status] : "";
function refusalReason(db2, receiptId) {
  const request = db2
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and18(eq29(approvalRequests.docType, "goods_receipt"), eq29(approvalRequests.docId, receiptId)))
    .orderBy(desc5(approvalRequests.id))
    .get();
  const view = request ? readApproval(db2, request.id) : void 0;
  return view?.steps.find((s) => s.status === "rejected")?.reason ?? "";
}
var noteData2 = z2.object({
  event: z2.string(),
  actor: z2.string(),
  number: z2.string(),
  receipt: z2.string(),
  receiptId: z2.number(),
  decisionId: z2.number().optional(),
  to: z2.string().optional(),
  receiver: z2.string().optional(),
});
function receiptNote(data, ctx) {
  const note = noteData2.parse(data);
  const r = messages(ctx.locale).returns;
  const by = `<@${note.actor}>`;
  if (note.event === "receipt.awaiting_approval") {
    return line(r.over.thread.awaiting({ number: note.number, receipt: note.receipt, by }));
  }
  if (note.event === "receipt.refused") {
    const reason = escapeMrkdwn(refusalReason(ctx.db, note.receiptId));
    return line(r.over.thread.refused({ number: note.number, receipt: note.receipt, by, reason }));
  }
  const decision = note.decisionId === void 0 ? void 0 : readRejectDecision(ctx.db, note.decisionId);
  if (!decision) return line(`*${note.number}* \xB7 ${note.receipt}`);
  const common = {
    number: note.number,
    qty: baseQuantity(decision.qty, decision.unit),
    sku: escapeMrkdwn(decision.sku),
    receipt: decision.receipt,
    by,
    status: poStatusName(ctx.locale, note.to),
  };
  if (decision.decision === "accept") {
    return line(
      r.thread.accept({
        ...common,
        place: escapeMrkdwn(decision.place ?? ""),
        value: formatMoney(decision.qty * decision.unitPrice, ctx.company.currency, ctx.locale),
      }),
    );
  }
  const supplier = escapeMrkdwn(localName(ctx.locale, decision.supplier.name, decision.supplier.nameZh));
  return line(r.thread[decision.decision]({ ...common, rtn: decision.number ?? "", supplier }));
}
function warehouseInstruction(data, ctx) {
  const parsed = z2.object({ decisionId: z2.number(), actor: z2.string() }).parse(data);
  const decision = readRejectDecision(ctx.db, parsed.decisionId);
  if (!decision) return line(`#${parsed.decisionId}`);
  const w = messages(ctx.locale).returns.warehouse;
  const reasons = messages(ctx.locale).receive.reasons;
  const common = {
    qty: baseQuantity(decision.qty, decision.unit),
    sku: escapeMrkdwn(decision.sku),
    receipt: decision.receipt,
    reason: decision.rejectReason ? reasons[decision.rejectReason] : "",
    by: `<@${parsed.actor}>`,
  };
  if (decision.decision === "accept") {
    return line(w.accept({ ...common, place: escapeMrkdwn(decision.place ?? "") }));
  }
  const supplier = escapeMrkdwn(localName(ctx.locale, decision.supplier.name, decision.supplier.nameZh));
  return line(w[decision.decision]({ ...common, supplier, rtn: decision.number ?? "" }));
}
function overLineText(over, locale) {
  const r = messages(locale).returns.over;
  const excess = Math.max(over.before + over.accepted - over.ordered, 0);
  const pct = Math.round((excess * 1e3) / over.ordered) / 10;
  return r.line({
    sku: escapeMrkdwn(over.sku),
    accepted: baseQuantity(over.accepted, over.unit),
    ordered: baseQuantity(over.ordered, over.unit),
    before: over.before === 0 ? r.noneBefore : baseQuantity(over.before, over.unit),
    over: baseQuantity(excess, over.unit),
    pct: pct.toLocaleString("en"),
    most: baseQuantity(over.most, over.unit),
  });
}
var overSummary = z2.object({
  po: z2.string(),
  supplier: z2.object({ code: z2.string(), name: z2.string(), nameZh: z2.string().nullable() }),
  receivedBy: z2.string(),
  tolerancePct: z2.number(),
  within: z2.number(),
  lines: z2.array(
    z2.object({
      sku: z2.string(),
      name: z2.string(),
      nameZh: z2.string().nullable(),
      unit: z2.string(),
      ordered: z2.number(),
      before: z2.number(),
      accepted: z2.number(),
      rejected: z2.number(),
      most: z2.number(),
      place: z2.string().nullable(),
    }),
  ),
});
function describeOverReceipt(summary, locale) {
  const parsed = overSummary.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const s = parsed.data;
  const r = messages(locale).returns.over;
  const lines2 = s.lines.map(
    (l) => `\u2022 ${overLineText(l, locale)}${l.place ? ` \xB7 ${escapeMrkdwn(l.place)}` : ""}`,
  );
  const text14 = r.card({
    number: s.po,
    supplier: escapeMrkdwn(
      `${s.supplier.code} \xB7 ${localName(locale, s.supplier.name, s.supplier.nameZh)}`,
    ),
    by: `<@${s.receivedBy}>`,
    lines: lines2.join("\n"),
    pct: s.tolerancePct,
  });
  return [text14, s.within > 0 ? r.within({ count: s.within }) : "", r.effect].filter(Boolean).join("\n");
}
function renderReceiptCard(db2, receiptId, locale) {
  const row = db2
    .select({
      number: goodsReceipts.number,
      status: goodsReceipts.status,
      po: purchaseOrders.number,
      supplier: suppliers.name,
      supplierZh: suppliers.nameZh,
    })
    .from(goodsReceipts)
    .innerJoin(purchaseOrders, eq29(purchaseOrders.id, goodsReceipts.purchaseOrderId))
    .innerJoin(suppliers, eq29(suppliers.id, purchaseOrders.supplierId))
    .where(eq29(goodsReceipts.id, receiptId))
    .get();
  const receipt = readGoodsReceipt(db2, receiptId);
  if (!row || !receipt) return { text: `#${receiptId}`, blocks: [] };
  const r = messages(locale).returns;
  const title2 = r.receiptTitle({
    receipt: row.number,
    number: row.po,
    supplier: localName(locale, row.supplier, row.supplierZh),
  });
  const status = r.receiptStatuses[row.status];
  const blocks = [
    header(title2),
    section(`${status} \xB7 ${receiptSummary(receipt, locale)} \xB7 <@${receipt.receivedBy}>`),
  ];
  const request = db2
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and18(eq29(approvalRequests.docType, "goods_receipt"), eq29(approvalRequests.docId, receiptId)))
    .orderBy(desc5(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db2, request.id)?.steps ?? []) : [];
  if (steps.length > 0) blocks.push(context(steps.map((s) => stepLine(s, locale))));
  return { text: clip(`${title2} \xB7 ${status}`, limits.sectionText), blocks };
}

// commands/approve/describe.ts
function text11(summary, key) {
  const value = summary[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
function signedQuantity(qty, unit) {
  return `${qty > 0 ? "+" : "\u2212"}${Math.abs(qty).toLocaleString("en")} ${unit}`;
}
function reasonName(locale, reason) {
  const reasons = messages(locale).adjust.reasons;
  return reason in reasons ? reasons[reason] : reason;
}
function describeDocument(docType, summary, locale, currency) {
  if (docType === "stock_adjustment") {
    const name =
      locale === "zh-CN" && text11(summary, "nameZh") ? text11(summary, "nameZh") : text11(summary, "name");
    const note = text11(summary, "note");
    const line3 = messages(locale).adjust.docLine({
      qty: signedQuantity(Number(summary.qtyDelta ?? 0), text11(summary, "unit")),
      sku: escapeMrkdwn(text11(summary, "sku")),
      name: escapeMrkdwn(name),
      place: escapeMrkdwn(`${text11(summary, "warehouse")}/${text11(summary, "bin")}`),
      reason: reasonName(locale, text11(summary, "reason")),
    });
    return note
      ? `${line3}
> ${escapeMrkdwn(note)}`
      : line3;
  }
  if (docType === "purchase_order") return describePurchaseOrder(summary, locale, currency);
  if (docType === "stocktake") return describeStocktake(summary, locale, currency);
  if (docType === "goods_receipt") return describeOverReceipt(summary, locale);
  return escapeMrkdwn(JSON.stringify(summary));
}
var poSummary = z3.object({
  supplier: z3.object({ code: z3.string(), name: z3.string(), nameZh: z3.string().nullable() }),
  expectedDay: z3.string(),
  deliveryTerms: z3.string().nullable(),
  qualityStandard: z3.string().nullable(),
  paymentTermsDays: z3.number(),
  notes: z3.string().nullable(),
  total: z3.number(),
  lines: z3.array(
    z3.object({
      sku: z3.string(),
      name: z3.string(),
      nameZh: z3.string().nullable(),
      unit: z3.string(),
      qty: z3.number(),
      unitPrice: z3.number(),
      lastPrice: z3.number().nullable(),
    }),
  ),
  priceAlertPct: z3.number(),
  spendThisMonth: z3.number(),
  budget: z3.number().nullable(),
});
function describePurchaseOrder(summary, locale, currency) {
  const parsed = poSummary.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const po = parsed.data;
  const m = messages(locale).po;
  const money2 = (minor) => formatMoney(minor, currency, locale);
  const supplier = escapeMrkdwn(
    `${po.supplier.code} \xB7 ${localName(locale, po.supplier.name, po.supplier.nameZh)}`,
  );
  const lines2 = lineTexts(locale, currency, po.lines).map(
    (text14, index9) => `${text14}
      _${priceCheck(locale, currency, po.lines[index9] ?? { unitPrice: 0, lastPrice: null }, po.priceAlertPct)}_`,
  );
  const terms = [
    `*${m.expected}:* ${formatDay(po.expectedDay, locale)}`,
    `*${m.paymentTerms}:* ${m.paymentDays({ days: po.paymentTermsDays })}`,
    po.deliveryTerms ? `*${m.deliveryTerms}:* ${escapeMrkdwn(po.deliveryTerms)}` : "",
    po.qualityStandard ? `*${m.qualityStandard}:* ${escapeMrkdwn(po.qualityStandard)}` : "",
    po.notes ? `*${m.notes}:* ${escapeMrkdwn(po.notes)}` : "",
  ].filter(Boolean);
  const after = po.spendThisMonth + po.total;
  const spent = money2(po.spendThisMonth);
  const budgetLine =
    po.budget === null
      ? m.noBudget({ spent, after: money2(after) })
      : (after > po.budget ? m.budgetOver : m.budgetLine)({
          spent,
          after: money2(after),
          budget: money2(po.budget),
          pct: Math.round((after / po.budget) * 100),
        });
  return [`*${m.supplier}:* ${supplier}`, ...lines2, terms.join(" \xB7 "), budgetLine].join("\n");
}

// src/domain/catalogue/items.ts
import { eq as eq30 } from "drizzle-orm";

// src/domain/catalogue/validate.ts
var maxCodeLength = 64;
var maxTextLength2 = 200;
function requireText(value, field2, max3 = maxTextLength2) {
  const text14 = value.trim();
  if (text14 === "") throw new JxcError("INVALID_INPUT", { input: value, problem: "empty" }, field2);
  if (text14.length > max3)
    throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field2);
  return text14;
}
function optionalText(value, field2, max3 = maxTextLength2) {
  if (value === void 0 || value === null) return value;
  const text14 = value.trim();
  if (text14 === "") return null;
  if (text14.length > max3)
    throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field2);
  return text14;
}
function optionalWholeNumber(value, field2, max3) {
  if (value === void 0 || value === null) return value;
  const problem = !Number.isInteger(value)
    ? "fractional"
    : value < 0
      ? "negative"
      : value > max3
        ? "too_large"
        : void 0;
  if (problem) throw new JxcError("INVALID_INPUT", { input: String(value), problem }, field2);
  return value;
}

// src/domain/catalogue/item-input.ts
var maxUnitLength = 16;
var maxFactor = 1e6;
var maxListLength = 50;
function normaliseItemInput(input) {
  const purchase = normaliseUnit(
    input.purchaseUnit,
    input.purchaseUnitFactor,
    "purchaseUnit",
    "purchaseUnitFactor",
  );
  const sales = normaliseUnit(input.salesUnit, input.salesUnitFactor, "salesUnit", "salesUnitFactor");
  if (input.valuation !== void 0 && !valuationMethods.includes(input.valuation)) {
    throw new JxcError(
      "INVALID_INPUT",
      { input: String(input.valuation), known: valuationMethods.join(", ") },
      "valuation",
    );
  }
  return {
    sku: requireText(input.sku, "sku", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    category: optionalText(input.category, "category"),
    baseUnit: requireText(input.baseUnit, "baseUnit", maxUnitLength),
    purchaseUnit: purchase.unit,
    purchaseUnitFactor: purchase.factor,
    salesUnit: sales.unit,
    salesUnitFactor: sales.factor,
    salePrice: optionalWholeNumber(input.salePrice, "salePrice", maxMoneyMinor),
    reorderPoint: optionalWholeNumber(input.reorderPoint, "reorderPoint", maxQuantity),
    reorderQty: optionalWholeNumber(input.reorderQty, "reorderQty", maxQuantity),
    maxLevel: optionalWholeNumber(input.maxLevel, "maxLevel", maxQuantity),
    safetyStock: optionalWholeNumber(input.safetyStock, "safetyStock", maxQuantity),
    leadTimeDays: optionalWholeNumber(input.leadTimeDays, "leadTimeDays", 3650),
    supplierCode: optionalText(input.supplierCode, "supplierCode", maxCodeLength),
    valuation: input.valuation,
    tracksLots: input.tracksLots,
    aliases: normaliseList(input.aliases, "aliases", 200),
    barcodes: normaliseList(input.barcodes, "barcodes", maxCodeLength),
  };
}
function normaliseUnit(unit, factor, unitField, factorField) {
  const name = optionalText(unit, unitField, maxUnitLength);
  if (name === void 0 && (factor === void 0 || factor === null)) return { unit: void 0, factor: void 0 };
  if (!name) {
    if (factor !== void 0 && factor !== null) {
      throw new JxcError("INVALID_INPUT", { input: "", problem: "empty" }, unitField);
    }
    return { unit: null, factor: null };
  }
  if (factor === void 0 || factor === null) {
    throw new JxcError("INVALID_INPUT", { input: "", problem: "empty" }, factorField);
  }
  const checked2 = optionalWholeNumber(factor, factorField, maxFactor);
  if (checked2 === 0) throw new JxcError("INVALID_INPUT", { input: "0", problem: "zero" }, factorField);
  return { unit: name, factor: checked2 };
}
function normaliseList(values, field2, max3) {
  if (values === void 0) return void 0;
  const seen = /* @__PURE__ */ new Set();
  for (const value of values) {
    const text14 = value.trim();
    if (text14 === "") continue;
    if (text14.length > max3)
      throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field2);
    seen.add(text14);
  }
  if (seen.size > maxListLength) {
    throw new JxcError("INVALID_INPUT", { input: String(seen.size), problem: "too_large" }, field2);
  }
  return [...seen];
}

// src/domain/catalogue/item-table.ts
var itemTable = {
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

// src/domain/catalogue/sql.ts
var cache2 = /* @__PURE__ */ new WeakMap();
function prepareCached(db2, text14) {
  let statements2 = cache2.get(db2.$client);
  if (!statements2) {
    statements2 = /* @__PURE__ */ new Map();
    cache2.set(db2.$client, statements2);
  }
  let statement = statements2.get(text14);
  if (!statement) {
    statement = db2.$client.prepare(text14);
    statements2.set(text14, statement);
  }
  return statement;
}
function runAtomically(db2, work) {
  return db2.$client.inTransaction ? work() : db2.$client.transaction(work).immediate();
}
function insertAuditRow(db2, entry) {
  prepareCached(
    db2,
    "insert into audit_log (actor, action, entity, entity_id, before, after, at) values (?, ?, ?, ?, ?, ?, ?)",
  ).run(
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === void 0 || entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === void 0 || entry.after === null ? null : JSON.stringify(entry.after),
    entry.at,
  );
}

// src/domain/catalogue/keyed-row.ts
var compiledTables = /* @__PURE__ */ new WeakMap();
function compile(spec) {
  let compiled = compiledTables.get(spec);
  if (compiled) return compiled;
  const fields3 = Object.keys(spec.columns);
  const columnOf = (field2) => spec.columns[field2] ?? field2;
  const list = fields3.map((field2) => `${columnOf(field2)} as "${field2}"`).join(", ");
  const insertColumns = [...fields3.map(columnOf), "updated_at"];
  compiled = {
    fields: fields3,
    select: `select id, ${list} from ${spec.table} where ${columnOf(spec.keyField)} = ? collate nocase`,
    insert: `insert into ${spec.table} (${insertColumns.join(", ")}) values (${insertColumns.map(() => "?").join(", ")})`,
    update: `update ${spec.table} set ${[...fields3.map((field2) => `${columnOf(field2)} = ?`), "updated_at = ?"].join(", ")} where id = ?`,
  };
  compiledTables.set(spec, compiled);
  return compiled;
}
function readKeyedRow(db2, spec, key) {
  const row = prepareCached(db2, compile(spec).select).get(key);
  if (!row) return void 0;
  const { id, ...values } = row;
  return { id, values };
}
function preloadKeyedRows(db2, spec) {
  const { fields: fields3, select } = compile(spec);
  const keyIndex = fields3.indexOf(spec.keyField) + 1;
  const scan = select.slice(0, select.lastIndexOf(" where "));
  const byKey = /* @__PURE__ */ new Map();
  for (const row of prepareCached(db2, scan).raw().all()) {
    byKey.set(String(row[keyIndex]).toLowerCase(), row);
  }
  return (key) => {
    const row = byKey.get(key.toLowerCase());
    if (!row) return void 0;
    const values = {};
    fields3.forEach((field2, index9) => {
      values[field2] = row[index9 + 1] ?? null;
    });
    return { id: Number(row[0]), values };
  };
}
function planKeyedUpsert(spec, existing, wanted) {
  const before = {};
  const after = {};
  for (const field2 of compile(spec).fields) {
    const value = wanted[field2];
    if (existing) {
      const stored = existing.values[field2] ?? null;
      if (field2 === spec.keyField) continue;
      if (value !== void 0 && value !== stored) {
        before[field2] = stored;
        after[field2] = value;
      }
    } else {
      after[field2] = value === void 0 ? (spec.defaults[field2] ?? null) : value;
    }
  }
  return { existing, before, after };
}
function applyKeyedPlan(db2, spec, plan, at2) {
  const { fields: fields3, insert, update: update3 } = compile(spec);
  if (!plan.existing) {
    const result = prepareCached(db2, insert).run(
      ...fields3.map((field2) => plan.after[field2] ?? null),
      at2,
    );
    return Number(result.lastInsertRowid);
  }
  const merged = { ...plan.existing.values, ...plan.after };
  prepareCached(db2, update3).run(...fields3.map((field2) => merged[field2] ?? null), at2, plan.existing.id);
  return plan.existing.id;
}
function presentValues(values) {
  const present = {};
  for (const [field2, value] of Object.entries(values)) if (value !== null) present[field2] = value;
  return present;
}
function isUnchanged(plan) {
  return plan.existing !== void 0 && Object.keys(plan.after).length === 0;
}
function upsertKeyedRow(db2, spec, wanted, ctx) {
  const key = wanted[spec.keyField];
  if (typeof key !== "string") throw new Error(`${spec.table}: the key ${spec.keyField} must be a string`);
  const plan = planKeyedUpsert(spec, readKeyedRow(db2, spec, key), wanted);
  if (plan.existing && isUnchanged(plan)) return { id: plan.existing.id, created: false, changed: false };
  const id = applyKeyedPlan(db2, spec, plan, ctx.at);
  insertAuditRow(db2, {
    actor: ctx.userId,
    action: `${spec.entity}.${plan.existing ? "update" : "create"}`,
    entity: spec.entity,
    entityId: String(id),
    before: plan.existing ? plan.before : null,
    after: plan.existing ? plan.after : presentValues(plan.after),
    at: ctx.at,
  });
  return { id, created: !plan.existing, changed: true };
}

// src/domain/catalogue/item-reads.ts
function readAliases(db2, itemId) {
  return prepareCached(db2, "select alias from item_aliases where item_id = ? order by rowid")
    .pluck()
    .all(itemId);
}
function readBarcodes(db2, itemId) {
  return prepareCached(db2, "select barcode from item_barcodes where item_id = ? order by rowid")
    .pluck()
    .all(itemId);
}
function readItemsOneByOne(db2) {
  return {
    findBySku: (sku) => readKeyedRow(db2, itemTable, sku),
    aliasesOf: (itemId) => readAliases(db2, itemId),
    barcodesOf: (itemId) => readBarcodes(db2, itemId),
    barcodeOwner: (barcode) =>
      prepareCached(db2, "select item_id from item_barcodes where barcode = ?").pluck().get(barcode),
    supplierId: (code) =>
      prepareCached(db2, "select id from suppliers where code = ? collate nocase").pluck().get(code),
  };
}
function preloadItemReads(db2) {
  const findBySku = preloadKeyedRows(db2, itemTable);
  const aliases = groupPairs(db2, "select item_id, alias from item_aliases order by rowid");
  const barcodes = groupPairs(db2, "select item_id, barcode from item_barcodes order by rowid");
  const owners = /* @__PURE__ */ new Map();
  for (const [itemId, list] of barcodes) for (const barcode of list) owners.set(barcode, itemId);
  const suppliers2 = /* @__PURE__ */ new Map();
  for (const [id, code] of prepareCached(db2, "select id, code from suppliers").raw().all()) {
    suppliers2.set(code.toLowerCase(), id);
  }
  return {
    findBySku,
    aliasesOf: (itemId) => aliases.get(itemId) ?? [],
    barcodesOf: (itemId) => barcodes.get(itemId) ?? [],
    barcodeOwner: (barcode) => owners.get(barcode),
    supplierId: (code) => suppliers2.get(code.toLowerCase()),
  };
}
function groupPairs(db2, text14) {
  const groups = /* @__PURE__ */ new Map();
  for (const [itemId, value] of prepareCached(db2, text14).raw().all()) {
    const list = groups.get(itemId);
    if (list) list.push(value);
    else groups.set(itemId, [value]);
  }
  return groups;
}

// src/domain/catalogue/item-row.ts
var columns2 = `i.id, i.sku, i.name, i.name_zh, i.category, i.base_unit, i.purchase_unit,
  i.purchase_unit_factor, i.sales_unit, i.sales_unit_factor, i.sale_price, i.reorder_point,
  i.reorder_qty, i.max_level, i.safety_stock, i.lead_time_days, i.default_supplier_id,
  i.valuation, i.tracks_lots, i.archived, i.updated_at`;
function itemFromRow(row) {
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
var summaryColumns = "i.id, i.sku, i.name, i.name_zh, i.base_unit, i.reorder_point, i.archived";
function summaryFromRow(row) {
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
var lookups = preparedPerDb((db2) => ({
  byId: db2.$client.prepare(`select ${columns2} from items i where i.id = ?`).raw(),
  bySku: db2.$client.prepare(`select ${columns2} from items i where i.sku = ? collate nocase`).raw(),
  byBarcode: db2.$client
    .prepare(`select ${columns2} from item_barcodes b join items i on i.id = b.item_id where b.barcode = ?`)
    .raw(),
  summaryById: db2.$client.prepare(`select ${summaryColumns} from items i where i.id = ?`).raw(),
  // A page of ids as one JSON array parameter: one statement for a list instead of one per item.
  summariesByIds: db2.$client
    .prepare(`select ${summaryColumns} from json_each(?) j join items i on i.id = j.value order by j.key`)
    .raw(),
  summaryBySku: db2.$client
    .prepare(`select ${summaryColumns} from items i where i.sku = ? collate nocase`)
    .raw(),
  summaryByBarcode: db2.$client
    .prepare(
      `select ${summaryColumns} from item_barcodes b join items i on i.id = b.item_id where b.barcode = ?`,
    )
    .raw(),
}));
function readItemById(db2, id) {
  const row = lookups(db2).byId.get(id);
  return row && itemFromRow(row);
}
function readItemBySkuOrBarcode(db2, code) {
  const { bySku, byBarcode } = lookups(db2);
  const row = bySku.get(code) ?? byBarcode.get(code);
  return row && itemFromRow(row);
}
function readItemSummary(db2, id) {
  const row = lookups(db2).summaryById.get(id);
  return row && summaryFromRow(row);
}
function readItemSummaries(db2, ids) {
  if (ids.length === 0) return [];
  const rows = lookups(db2).summariesByIds.all(JSON.stringify(ids));
  return rows.map(summaryFromRow);
}
function readItemSummaryBySkuOrBarcode(db2, code) {
  const { summaryBySku, summaryByBarcode } = lookups(db2);
  const row = summaryBySku.get(code) ?? summaryByBarcode.get(code);
  return row && summaryFromRow(row);
}

// src/domain/catalogue/items.ts
function upsertItem(tx, input, ctx, reads = readItemsOneByOne(tx)) {
  const item = normaliseItemInput(input);
  return runAtomically(tx, () => {
    const supplierId = resolveSupplierId(reads, item.supplierCode);
    const plan = planKeyedUpsert(itemTable, reads.findBySku(item.sku), toRowValues(item, supplierId));
    const existingId = plan.existing?.id;
    const aliases = diffList(existingId === void 0 ? [] : reads.aliasesOf(existingId), item.aliases);
    const barcodes = diffList(existingId === void 0 ? [] : reads.barcodesOf(existingId), item.barcodes);
    for (const barcode of barcodes?.added ?? []) {
      const owner = reads.barcodeOwner(barcode);
      if (owner !== void 0 && owner !== existingId) {
        throw new JxcError("DUPLICATE", { what: "barcode", key: barcode }, "barcodes");
      }
    }
    if (plan.existing && isUnchanged(plan) && !aliases && !barcodes) {
      return { id: plan.existing.id, created: false, changed: false };
    }
    const id = applyKeyedPlan(tx, itemTable, plan, ctx.at);
    writeListChange(tx, "delete from item_aliases where item_id = ? and alias = ?", id, aliases?.removed);
    writeListChange(tx, "insert into item_aliases (item_id, alias) values (?, ?)", id, aliases?.added);
    writeListChange(tx, "delete from item_barcodes where item_id = ? and barcode = ?", id, barcodes?.removed);
    writeListChange(tx, "insert into item_barcodes (item_id, barcode) values (?, ?)", id, barcodes?.added);
    const before = { ...plan.before };
    const after = plan.existing ? { ...plan.after } : presentValues(plan.after);
    if (aliases) {
      before.aliases = aliases.before;
      after.aliases = aliases.after;
    }
    if (barcodes) {
      before.barcodes = barcodes.before;
      after.barcodes = barcodes.after;
    }
    insertAuditRow(tx, {
      actor: ctx.userId,
      action: plan.existing ? "item.update" : "item.create",
      entity: "item",
      entityId: String(id),
      before: plan.existing ? before : null,
      after,
      at: ctx.at,
    });
    return { id, created: !plan.existing, changed: true };
  });
}
function toRowValues(item, supplierId) {
  return {
    sku: item.sku,
    name: item.name,
    nameZh: item.nameZh,
    category: item.category,
    baseUnit: item.baseUnit,
    purchaseUnit: item.purchaseUnit,
    purchaseUnitFactor: item.purchaseUnitFactor,
    salesUnit: item.salesUnit,
    salesUnitFactor: item.salesUnitFactor,
    salePrice: item.salePrice,
    reorderPoint: item.reorderPoint,
    reorderQty: item.reorderQty,
    maxLevel: item.maxLevel,
    safetyStock: item.safetyStock,
    leadTimeDays: item.leadTimeDays,
    defaultSupplierId: supplierId,
    valuation: item.valuation,
    tracksLots: item.tracksLots === void 0 ? void 0 : item.tracksLots ? 1 : 0,
  };
}
function resolveSupplierId(reads, code) {
  if (code === void 0 || code === null) return code;
  const id = reads.supplierId(code);
  if (id === void 0) throw new JxcError("NOT_FOUND", { what: `supplier ${code}` }, "supplierCode");
  return id;
}
function diffList(stored, wanted) {
  if (wanted === void 0) return void 0;
  const storedSet = new Set(stored);
  const wantedSet = new Set(wanted);
  const added = wanted.filter((value) => !storedSet.has(value));
  const removed = stored.filter((value) => !wantedSet.has(value));
  if (added.length === 0 && removed.length === 0) return void 0;
  return { added, removed, before: stored, after: wanted };
}
function writeListChange(db2, statement, itemId, values) {
  if (!values) return;
  const prepared = prepareCached(db2, statement);
  for (const value of values) prepared.run(itemId, value);
}
function findItemBySkuOrBarcode(db2, code) {
  const text14 = code.trim();
  return text14 === "" ? void 0 : readItemBySkuOrBarcode(db2, text14);
}
function getItem(db2, id) {
  return readItemById(db2, id);
}

// commands/item-quantity.ts
function readItemAmount(db2, tokens) {
  const [code, quantityText, maybeUnit, ...others] = tokens;
  if (!code || !quantityText) return void 0;
  const item = findItemBySkuOrBarcode(db2, code);
  if (!item) throw new JxcError("UNKNOWN_ITEM", { query: code }, "sku");
  const isUnit =
    maybeUnit !== void 0 && listUnits(item).some((u) => u.unit.toLowerCase() === maybeUnit.toLowerCase());
  if (isUnit) return { item, amount: `${quantityText} ${maybeUnit}`, rest: others };
  return { item, amount: quantityText, rest: maybeUnit === void 0 ? others : [maybeUnit, ...others] };
}

// src/domain/catalogue/places.ts
import { asc as asc7, eq as eq31, sql as sql11 } from "drizzle-orm";

var defaultBinCode = "MAIN";
function ensureWarehouse(tx, code, ctx) {
  const wanted = requireText(code, "warehouse", maxCodeLength);
  return runAtomically(tx, () => {
    const existing = findWarehouse(tx, wanted);
    if (existing) return { id: existing.id, created: false };
    const row = tx
      .insert(warehouses)
      .values({ code: wanted, name: wanted, updatedAt: ctx.at })
      .returning({ id: warehouses.id })
      .get();
    writeAudit(tx, {
      actor: ctx.userId,
      action: "warehouse.create",
      entity: "warehouse",
      entityId: String(row.id),
      after: { code: wanted },
      at: ctx.at,
    });
    ensureLocation(tx, row.id, defaultBinCode, ctx);
    return { id: row.id, created: true };
  });
}
function ensureLocation(tx, warehouseId, code, ctx) {
  const wanted = requireText(code, "bin", maxCodeLength);
  return runAtomically(tx, () => {
    const existing = findLocation(tx, warehouseId, wanted);
    if (existing) return { id: existing.id, created: false };
    const warehouse = tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq31(warehouses.id, warehouseId))
      .get();
    if (!warehouse) throw new JxcError("UNKNOWN_WAREHOUSE", { code: String(warehouseId) });
    const row = tx
      .insert(locations)
      .values({ warehouseId, code: wanted })
      .returning({ id: locations.id })
      .get();
    writeAudit(tx, {
      actor: ctx.userId,
      action: "location.create",
      entity: "location",
      entityId: String(row.id),
      after: { warehouseId, code: wanted },
      at: ctx.at,
    });
    return { id: row.id, created: true };
  });
}
function findWarehouse(db2, code) {
  return db2.select().from(warehouses).where(sql11`${warehouses.code} = ${code.trim()} collate nocase`).get();
}
function findLocation(db2, warehouseId, code) {
  return db2
    .select({ id: locations.id, code: locations.code, archived: locations.archived })
    .from(locations)
    .where(
      sql11`${locations.warehouseId} = ${warehouseId} and ${locations.code} = ${code.trim()} collate nocase`,
    )
    .get();
}
function listWarehouses(db2) {
  return db2
    .select()
    .from(warehouses)
    .where(eq31(warehouses.archived, false))
    .orderBy(asc7(warehouses.code))
    .all();
}

// src/domain/stock-query.ts
var maxQueryLength = 100;
function findStockItems(db2, index9, query, page) {
  const text14 = query.trim();
  if (!text14) throw new JxcError("INVALID_INPUT", { problem: "empty" });
  if (text14.length > maxQueryLength) throw new JxcError("INVALID_INPUT", { problem: "too_long" });
  const exact = readItemSummaryBySkuOrBarcode(db2, text14);
  if (exact && !exact.archived) return { kind: "item", item: exact };
  index9.refreshIfStale();
  const found = index9.search(text14, page);
  if (found.total === 1 && found.itemIds[0] !== void 0 && page.offset === 0) {
    const [only] = itemsByIds(db2, found.itemIds);
    if (only) return { kind: "item", item: only };
  }
  if (found.total > 0)
    return { kind: "list", items: itemsByIds(db2, found.itemIds), total: found.total, ...page };
  return { kind: "none", suggestions: itemsByIds(db2, index9.suggest(text14, 5)) };
}
function searchItemsForPicker(db2, index9, query, limit) {
  const text14 = query.trim().slice(0, maxQueryLength);
  if (!text14) return [];
  const exact = readItemSummaryBySkuOrBarcode(db2, text14);
  index9.refreshIfStale();
  const ids = index9.search(text14, { offset: 0, limit }).itemIds.filter((id) => id !== exact?.id);
  const rows = itemsByIds(db2, ids);
  return exact && !exact.archived ? [exact, ...rows].slice(0, limit) : rows;
}
function requireWarehouse(db2, code) {
  const warehouse = findWarehouse(db2, code);
  if (warehouse) return warehouse;
  const known = listWarehouses(db2)
    .map((w) => w.code)
    .join(", ");
  throw new JxcError("UNKNOWN_WAREHOUSE", { code, known });
}
function itemsByIds(db2, ids) {
  return readItemSummaries(db2, ids);
}

// commands/places.ts
function resolvePlace(db2, text14, impliedWarehouse) {
  const parts = text14.split("/");
  const [warehouseCode, binCode] = parts.length === 2 ? parts : [impliedWarehouse, parts[0]];
  if (parts.length > 2 || !warehouseCode || !binCode) return void 0;
  const warehouse = requireWarehouse(db2, warehouseCode);
  const location = findLocation(db2, warehouse.id, binCode);
  if (!location || location.archived) {
    throw new JxcError("UNKNOWN_LOCATION", { code: binCode, warehouse: warehouse.code }, "place");
  }
  return {
    locationId: location.id,
    warehouseCode: warehouse.code,
    place: `${warehouse.code}/${location.code}`,
  };
}

// commands/adjust/parse.ts
var reasonWords = {
  damaged: "damaged",
  damage: "damaged",
  \u635F\u574F: "damaged",
  \u7834\u635F: "damaged",
  lost: "lost",
  \u4E22\u5931: "lost",
  found: "found",
  \u76D8\u76C8: "found",
  \u627E\u5230: "found",
  count: "count",
  \u76D8\u70B9: "count",
  other: "other",
  \u5176\u4ED6: "other",
};
var impliedSign = { damaged: -1, lost: -1, found: 1 };
function parseAdjustment(db2, text14) {
  const tokens = text14.split(/\s+/).filter(Boolean);
  const read2 = tokens.length >= 4 ? readItemAmount(db2, tokens) : void 0;
  if (!read2) return { kind: "usage" };
  const { item, amount } = read2;
  const [placeText2 = "", reasonText = "", ...noteWords] = read2.rest;
  const note = noteWords.join(" ") || void 0;
  if (!placeText2.includes("/")) return { kind: "place", input: placeText2 };
  const reason = reasonWords[reasonText.toLowerCase()];
  if (!reason) return { kind: "reason", input: reasonText };
  const place2 = resolvePlace(db2, placeText2);
  if (!place2) return { kind: "place", input: placeText2 };
  const signed = /^[+\-−]/.exec(amount.trim())?.[0];
  const { baseQty } = parseQuantity(amount.replace(/^[+\-−]/, ""), item);
  const sign = signed ? (signed === "+" ? 1 : -1) : impliedSign[reason];
  if (sign === void 0) return { kind: "usage" };
  return {
    item,
    locationId: place2.locationId,
    place: place2.place,
    qtyDelta: sign * baseQty,
    reason,
    note,
  };
}

// commands/adjust/index.ts
function registerAdjustCommand(router, deps) {
  router.command(
    slashCommands.adjust,
    slashCommand(deps.logger, ({ text: text14, userId, locale }) => {
      requirePermission(deps.db, userId, "stock.adjust");
      const parsed = parseAdjustment(deps.db, text14);
      if ("kind" in parsed) return { text: problemText(parsed, locale) };
      const outcome = requestAdjustment(deps.db, deps.clock, {
        itemId: parsed.item.id,
        locationId: parsed.locationId,
        qtyDelta: parsed.qtyDelta,
        reason: parsed.reason,
        userId,
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      deps.notifier.kick();
      return confirmation(deps, parsed, outcome, locale);
    }),
  );
  router.action(
    actionIds.adjustmentCancel,
    buttonAction(deps.logger, async (click) => {
      const id = Number(click.value);
      if (!Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      const { number: number2 } = cancelAdjustment(deps.db, deps.clock, { id, userId: click.userId });
      deps.notifier.kick();
      const text14 = messages(click.locale).adjust.cancelled({ number: number2 });
      await click.respond({ ...toEphemeral({ text: text14 }), replace_original: true });
    }),
  );
}
function problemText(problem, locale) {
  const m = messages(locale).adjust;
  if (problem.kind === "place")
    return `${m.badPlace({ input: problem.input })}
${m.usage}`;
  if (problem.kind === "reason")
    return `${m.unknownReason({ input: problem.input })}
${m.usage}`;
  return m.usage;
}
function confirmation(deps, parsed, outcome, locale) {
  const m = messages(locale).adjust;
  const facts = {
    number: outcome.number,
    qty: signedQuantity(parsed.qtyDelta, parsed.item.baseUnit),
    sku: escapeMrkdwn(parsed.item.sku),
    place: escapeMrkdwn(parsed.place),
    value: formatMoney(outcome.estimatedValue, deps.company.currency, locale),
  };
  if (outcome.status === "posted") {
    return { text: m.posted({ ...facts, reason: reasonName(locale, parsed.reason) }) };
  }
  const roles2 = outcome.approverRoles.map((r) => messages(locale).roleNames[r]).join(" \u2192 ");
  const text14 = m.pending({ ...facts, roles: roles2 });
  return {
    text: text14,
    blocks: [
      section(text14),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: actionIds.adjustmentCancel,
            text: { type: "plain_text", text: m.cancel },
            value: String(outcome.id),
          },
        ],
      },
    ],
  };
}

// commands/approve/decide.ts
import { z as z4 } from "zod";

// src/slack/response-url.ts
async function replaceViaResponseUrl(responseUrl, message) {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify({ ...message, replace_original: true }),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}

// src/slack/view-submission.ts
function viewSubmission(logger, options, handler) {
  return async ({ ack, body, view, context: context2 }) => {
    if (body.type !== "view_submission") return ack();
    const submit = {
      userId: body.user.id,
      locale: localeOf(context2),
      requestId: typeof context2.requestId === "string" ? context2.requestId : "",
      viewId: view.id,
      privateMetadata: view.private_metadata,
      value: (blockId, actionId) => {
        const state = view.state.values[blockId]?.[actionId];
        return state?.value ?? state?.selected_option?.value ?? "";
      },
    };
    let outcome;
    try {
      outcome = await handler(submit);
    } catch (error) {
      const field2 = isJxcError(error) && error.field ? options.fieldBlocks[error.field] : void 0;
      const text14 = errorText(error, submit, logger, view.callback_id);
      await ack({ response_action: "errors", errors: { [field2 ?? options.fallbackBlock]: text14 } });
      return;
    }
    if ("errors" in outcome) {
      await ack({ response_action: "errors", errors: outcome.errors });
      return;
    }
    if ("update" in outcome) {
      await ack({ response_action: "update", view: outcome.update });
      return;
    }
    await ack();
    await outcome.after?.();
  };
}

// src/text/parse-json.ts
function parseJson(text14) {
  try {
    return JSON.parse(text14);
  } catch {
    return void 0;
  }
}

// commands/catalog.ts
var helpEntries = [
  { usage: "/stock <sku | barcode | name> [@warehouse]", summary: "stock", permission: "stock.view" },
  {
    usage: "/adjust <sku> <\xB1qty> <warehouse>/<bin> <reason> [note]",
    summary: "adjust",
    permission: "stock.adjust",
  },
  { usage: "/move <sku> <qty> <warehouse>/<bin> to <bin>", summary: "move", permission: "stock.move" },
  { usage: "/approve", summary: "approve", permission: "approvals.view" },
  {
    usage: "/po \xB7 /po <supplier> <qty> <sku> @ <price>, \u2026 by <date>",
    summary: "po",
    permission: "po.create",
  },
  { usage: "/po plan [<supplier>] [<days>] [season]", summary: "po plan", permission: "po.plan" },
  { usage: "/po PO-000001", summary: "po show", permission: "po.view" },
  { usage: "/receive PO-000001 [all [<warehouse>/<bin>]]", summary: "receive", permission: "po.receive" },
  {
    usage: "/count \xB7 /count start <warehouse> [zone <zone> | <warehouse>/<bin> \u2026 | <sku> \u2026]",
    summary: "count",
    permission: "stock.count",
  },
  {
    usage: "/count CNT-000001 [<bin>] \xB7 finish \xB7 cancel",
    summary: "count work",
    permission: "stock.count",
  },
  { usage: "/supplier <code | name>", summary: "supplier", permission: "supplier.view" },
  {
    usage: "/supplier add \xB7 edit <code> \xB7 archive <code>",
    summary: "supplier edit",
    permission: "supplier.edit",
  },
  { usage: "/jxc roles", summary: "jxc roles", permission: "roles.view" },
  { usage: "/jxc role @user add|remove <role>", summary: "jxc role", permission: "roles.manage" },
  {
    usage: "/jxc import items|stock|suppliers|customers|bins",
    summary: "jxc import",
    permission: "catalogue.import",
  },
  { usage: "/jxc check", summary: "jxc check", permission: "stock.check" },
  { usage: "/jxc policy", summary: "jxc policy", permission: "approvals.policy" },
  { usage: "/jxc budget <amount>", summary: "jxc budget", permission: "budget.manage" },
  { usage: "/jxc delegate @user <dates>", summary: "jxc delegate", permission: "approvals.view" },
  { usage: "/jxc channel", summary: "jxc channel", permission: "channels.view" },
  { usage: "/jxc channel <department> #channel", summary: "jxc channel set", permission: "channels.manage" },
  { usage: "/jxc route [<event-type>]", summary: "jxc route", permission: "routing.view" },
  {
    usage: "/jxc route <event-type> add|remove <target> \xB7 reset",
    summary: "jxc route edit",
    permission: "routing.manage",
  },
  { usage: "/jxc outbox", summary: "jxc outbox", permission: "outbox.manage" },
  { usage: "/jxc help", summary: "jxc help" },
  { usage: "/jxc lang en|zh", summary: "jxc lang" },
];

// commands/jxc/help.ts
function renderHelp(locale, held, lead) {
  const m = messages(locale);
  const lines2 = helpEntries
    .filter((entry) => !entry.permission || can(held, entry.permission))
    .map((entry) => `\`${escapeMrkdwn(entry.usage)}\` \u2014 ${m.commands[entry.summary]}`);
  const intro =
    held.size > 0
      ? m.help.intro
      : `${m.help.intro}
${m.help.noRole}`;
  const blocks = [
    ...(lead ? [section(lead)] : []),
    header(m.help.title),
    section(`${intro}

${lines2.join("\n")}`),
    context([m.help.footer]),
  ];
  return { text: [lead, m.help.title, ...lines2].filter(Boolean).join("\n"), blocks };
}

// commands/home/render.ts
var cardsOnHome = 5;
function renderHome(sources, userId, locale) {
  const m = messages(locale);
  const day3 = todayIn(sources.company.timeZone, sources.clock.now());
  const pending = pendingApprovalsFor(sources.db, userId, day3);
  const blocks = [header(m.home.title)];
  blocks.push(section(`*${m.approvals.listTitle}* (${pending.length})`));
  if (pending.length === 0) blocks.push(context([m.approvals.listEmpty]));
  pending.slice(0, cardsOnHome).forEach((view, index9) => {
    const tier = openStep(view)?.tier ?? 1;
    blocks.push(
      ...renderApprovalCard(view, locale, sources.company, { tier, index: index9 }).blocks.slice(1),
    );
  });
  if (pending.length > cardsOnHome) {
    blocks.push(context([m.approvals.listMore({ count: pending.length - cardsOnHome })]));
  }
  const mine = myOpenRequests(sources.db, userId);
  if (mine.length > 0) {
    blocks.push(divider(), section(`*${m.approvals.mineTitle}* (${mine.length})`));
    const names = m.roleNames;
    blocks.push(
      context(
        mine.slice(0, 10).map((v) => {
          const role = openStep(v)?.role ?? "";
          return m.home.waitingOn({ number: v.docNumber, role: names[role] ?? role });
        }),
      ),
    );
  }
  blocks.push(divider(), {
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: actionIds.homeRefresh,
        text: { type: "plain_text", text: m.home.refresh },
        value: "home",
      },
    ],
  });
  const help = renderHelp(locale, rolesOf(sources.db, userId)).blocks ?? [];
  blocks.push(divider(), ...help);
  return { text: m.home.title, blocks };
}

// commands/approve/list.ts
var cardsPerList = 5;
function renderPendingList(deps, userId, locale, notice) {
  const m = messages(locale).approvals;
  const day3 = todayIn(deps.company.timeZone, deps.clock.now());
  const pending = pendingApprovalsFor(deps.db, userId, day3);
  const blocks = [];
  if (notice) blocks.push(context([notice]));
  blocks.push(header(m.listTitle));
  if (pending.length === 0) blocks.push(context([m.listEmpty]));
  pending.slice(0, cardsPerList).forEach((view, index9) => {
    const tier = openStep(view)?.tier ?? 1;
    blocks.push(
      ...renderApprovalCard(view, locale, deps.company, { tier, index: index9 }).blocks.slice(1),
      divider(),
    );
  });
  if (pending.length > cardsPerList)
    blocks.push(context([m.listMore({ count: pending.length - cardsPerList })]));
  const mine = myOpenRequests(deps.db, userId);
  if (mine.length > 0) {
    blocks.push(header(m.mineTitle));
    blocks.push(
      context(mine.slice(0, 10).map((v) => `*${v.docNumber}* \xB7 ${stepSummary(v.steps, locale)}`)),
    );
  }
  const text14 = notice ?? (pending.length === 0 ? m.listEmpty : m.listTitle);
  return { text: text14, blocks };
}
function stepSummary(steps, locale) {
  const names = messages(locale).roleNames;
  const open4 = steps.find((s) => s.status === "pending");
  return open4 ? (names[open4.role] ?? open4.role) : "";
}

// commands/approve/decide.ts
var reasonBlock = "reason";
var reasonAction = "reason_input";
var rejectMetadata = z4.object({
  requestId: z4.number().int(),
  tier: z4.number().int(),
  responseUrl: z4.string(),
  fromList: z4.boolean(),
});
function registerApprovalDecisions(router, deps) {
  router.action(
    actionPatterns.approvalApprove,
    buttonAction(deps.logger, async (click) => {
      const token = parseDecisionToken(click.value);
      if (!token) throw new JxcError("STALE_ACTION");
      const result = decideApproval(deps.db, deps.clock, {
        ...token,
        userId: click.userId,
        verdict: "approve",
        day: todayIn(deps.company.timeZone, deps.clock.now()),
      });
      deps.notifier.kick();
      const names = messages(click.locale).roleNames;
      const next =
        result.nextTier === null ? "" : nextRoleName(deps, token.requestId, result.nextTier, names);
      const notice = messages(click.locale).approvals.youApproved({ number: result.docNumber, next });
      if (click.onHome) {
        await click.publishHome(renderHome(deps, click.userId, click.locale).blocks);
        return;
      }
      await refreshClicked(
        deps,
        { ...token, fromList: click.messageTs === void 0, responseUrl: click.responseUrl },
        click.userId,
        click.locale,
        notice,
      );
    }),
  );
  router.action(
    actionPatterns.approvalReject,
    buttonAction(deps.logger, async (click) => {
      const token = parseDecisionToken(click.value);
      const view = token && readApproval(deps.db, token.requestId);
      if (!token || !view) throw new JxcError("STALE_ACTION");
      await click.openModal(
        rejectModal(click, view.docNumber, {
          ...token,
          responseUrl: click.responseUrl,
          fromList: click.messageTs === void 0,
        }),
      );
    }),
  );
  router.view(
    callbackIds.approvalReject,
    viewSubmission(
      deps.logger,
      { fieldBlocks: { reason: reasonBlock }, fallbackBlock: reasonBlock },
      (submit) => {
        const metadata3 = rejectMetadata.safeParse(parseJson(submit.privateMetadata));
        if (!metadata3.success) throw new JxcError("STALE_ACTION");
        const target = metadata3.data;
        const result = decideApproval(deps.db, deps.clock, {
          requestId: target.requestId,
          tier: target.tier,
          userId: submit.userId,
          verdict: "reject",
          reason: submit.value(reasonBlock, reasonAction),
          day: todayIn(deps.company.timeZone, deps.clock.now()),
        });
        deps.notifier.kick();
        const notice = messages(submit.locale).approvals.youRejected({ number: result.docNumber });
        return {
          close: true,
          after: () => refreshClicked(deps, target, submit.userId, submit.locale, notice),
        };
      },
    ),
  );
}
function nextRoleName(deps, requestId, tier, names) {
  const role = readApproval(deps.db, requestId)?.steps.find((s) => s.tier === tier)?.role ?? "";
  return names[role] ?? role;
}
async function refreshClicked(deps, target, userId, locale, notice) {
  const view = readApproval(deps.db, target.requestId);
  if (!view || target.responseUrl === "") return;
  const message = target.fromList
    ? renderPendingList(deps, userId, locale, notice)
    : renderApprovalCard(view, locale, deps.company, { tier: target.tier });
  await replaceViaResponseUrl(target.responseUrl, target.fromList ? toEphemeral(message) : message);
}
function rejectModal(click, number2, metadata3) {
  const m = messages(click.locale).approvals;
  return {
    type: "modal",
    callback_id: callbackIds.approvalReject,
    private_metadata: JSON.stringify(metadata3),
    title: { type: "plain_text", text: clip(m.rejectTitle, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.rejectSubmit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.rejectCancel, limits.modalTitle) },
    blocks: [
      section(m.rejectIntro({ number: number2 })),
      {
        type: "input",
        block_id: reasonBlock,
        label: { type: "plain_text", text: m.reasonLabel },
        element: {
          type: "plain_text_input",
          action_id: reasonAction,
          multiline: true,
          max_length: 500,
          placeholder: { type: "plain_text", text: m.reasonHint },
        },
      },
    ],
  };
}

// commands/approve/index.ts
function registerApproveCommand(router, deps) {
  router.command(
    slashCommands.approve,
    slashCommand(deps.logger, ({ userId, locale }) => {
      requirePermission(deps.db, userId, "approvals.view");
      return renderPendingList(deps, userId, locale);
    }),
  );
  registerApprovalDecisions(router, deps);
}

// src/domain/stocktakes/cancel.ts
// src/domain/stocktakes/count.ts
import { and as and19, count as count2, eq as eq32, eq as eq33, inArray as inArray5 } from "drizzle-orm";

// src/domain/stocktakes/statements.ts
var countStatements = preparedPerDb((db2) => {
  const c = db2.$client;
  const lastMove = c.prepare("select coalesce(max(id), 0) from stock_moves").pluck();
  const moved = c
    .prepare(
      `select coalesce(sum(qty), 0) from stock_moves
        where item_id = ? and id > ? and id <= ? and location_id = ?`,
    )
    .pluck();
  const insertLine = c.prepare(
    `insert into stocktake_lines (stocktake_id, line_no, item_id, location_id, snapshot_qty, snapshot_move_id)
     values (?, ?, ?, ?, ?, ?)`,
  );
  const setCounted = c.prepare(
    "update stocktake_lines set counted_qty = ?, counted_by = ?, counted_at = ?, counted_move_id = ? where id = ?",
  );
  const setFinished = c.prepare(
    `update stocktake_lines set moved_qty = ?, expected_qty = ?, variance_qty = ?, variance_value = ?, posting = ?
      where id = ?`,
  );
  return {
    /** The newest ledger move's id (0 before any): the point a snapshot or a count is taken at. */
    lastMoveId: () => lastMove.get(),
    /** Net quantity moved at item × bin after move `after`, up to and including move `through`. */
    movedBetween: (line3, after, through) => moved.get(line3.itemId, after, through, line3.locationId),
    insertLine: (line3) => {
      insertLine.run(
        line3.stocktakeId,
        line3.lineNo,
        line3.itemId,
        line3.locationId,
        line3.snapshotQty,
        line3.snapshotMoveId,
      );
    },
    setCounted: (lineId, counted) => {
      setCounted.run(
        counted?.qty ?? null,
        counted?.by ?? null,
        counted?.at ?? null,
        counted?.moveId ?? null,
        lineId,
      );
    },
    setFinished: (lineId, figures, posting) => {
      setFinished.run(
        figures.movedQty,
        figures.expectedQty,
        figures.varianceQty,
        figures.varianceValue,
        posting,
        lineId,
      );
    },
  };
});

// src/domain/stocktakes/count.ts
function requireCounting(tx, stocktakeId) {
  const header2 = tx.select().from(stocktakes).where(eq32(stocktakes.id, stocktakeId)).get();
  if (!header2) throw new JxcError("STALE_ACTION");
  if (header2.status !== "counting") {
    throw new JxcError("STOCKTAKE_CLOSED", { number: header2.number, status: header2.status });
  }
  return header2;
}
function readProgress(tx, stocktakeId) {
  const row = tx
    .select({ total: count2(), counted: count2(stocktakeLines.countedQty) })
    .from(stocktakeLines)
    .where(eq32(stocktakeLines.stocktakeId, stocktakeId))
    .get();
  return { counted: row?.counted ?? 0, total: row?.total ?? 0 };
}
function recordCounts(db2, clock, input) {
  for (const entry of input.entries) requireCountedQty(entry);
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const header2 = requireCounting(tx, input.stocktakeId);
      const ids = input.entries.map((entry) => entry.lineId);
      const stored =
        ids.length === 0
          ? []
          : tx
              .select({
                id: stocktakeLines.id,
                lineNo: stocktakeLines.lineNo,
                countedQty: stocktakeLines.countedQty,
              })
              .from(stocktakeLines)
              .where(and19(eq32(stocktakeLines.stocktakeId, header2.id), inArray5(stocktakeLines.id, ids)))
              .all();
      const byId = new Map(stored.map((line3) => [line3.id, line3]));
      if (ids.some((id) => !byId.has(id))) throw new JxcError("STALE_ACTION");
      const statements2 = countStatements(db2);
      const moveId = statements2.lastMoveId();
      const changed = [];
      for (const entry of input.entries) {
        const line3 = byId.get(entry.lineId);
        if (!line3 || line3.countedQty === entry.qty) continue;
        statements2.setCounted(
          line3.id,
          entry.qty === null ? null : { qty: entry.qty, by: input.userId, at: at2, moveId },
        );
        changed.push({ lineNo: line3.lineNo, qty: entry.qty });
      }
      const progress = readProgress(tx, header2.id);
      if (changed.length > 0) {
        writeAudit(tx, {
          actor: input.userId,
          action: "stocktake.count",
          entity: "stocktake",
          entityId: header2.number,
          after: { lines: changed },
          at: at2,
        });
        emitEvent(
          tx,
          {
            type: "stocktake.counted",
            actor: input.userId,
            docType: "stocktake",
            docId: header2.id,
            payload: {
              number: header2.number,
              changed: changed.length,
              ...progress,
              owner: header2.startedBy,
            },
          },
          at2,
        );
      }
      return { number: header2.number, changed: changed.length, ...progress };
    },
    { behavior: "immediate" },
  );
}
function requireCountedQty(entry) {
  if (entry.qty === null) return;
  const field2 = `line${entry.lineId}`;
  if (!Number.isSafeInteger(entry.qty)) {
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "fractional" }, field2);
  }
  if (entry.qty < 0)
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "negative" }, field2);
  if (entry.qty > maxQuantity) {
    throw new JxcError("INVALID_QUANTITY", { input: String(entry.qty), problem: "too_large" }, field2);
  }
}

// src/domain/stocktakes/cancel.ts
function cancelStocktake(db2, clock, input) {
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const header2 = requireCounting(tx, input.stocktakeId);
      if (header2.startedBy !== input.userId && !input.mayCancelAny) {
        throw new JxcError("NOT_ALLOWED", { roles: "admin,warehouse_supervisor" });
      }
      tx.update(stocktakes)
        .set({ status: "cancelled", closedAt: at2 })
        .where(eq33(stocktakes.id, header2.id))
        .run();
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.cancel",
        entity: "stocktake",
        entityId: header2.number,
        before: { status: "counting" },
        after: { status: "cancelled" },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.cancelled",
          actor: input.userId,
          docType: "stocktake",
          docId: header2.id,
          payload: { number: header2.number, owner: header2.startedBy },
        },
        at2,
      );
      return { number: header2.number };
    },
    { behavior: "immediate" },
  );
}

// src/domain/stocktakes/finish.ts
import { and as and20, eq as eq34, isNotNull } from "drizzle-orm";

// src/domain/stocktakes/accuracy.ts
function ratioBp(part, whole) {
  if (whole <= 0) throw new RangeError("ratioBp needs a positive whole");
  const scaled = BigInt(part) * 10000n * 2n + BigInt(whole);
  return Number(scaled / (BigInt(whole) * 2n));
}
function measureAccuracy(lines2) {
  const linesCounted = lines2.length;
  const linesExact = lines2.filter((line3) => line3.varianceQty === 0).length;
  const expectedValue = lines2.reduce((sum, line3) => sum + line3.expectedValue, 0);
  const varianceValue = lines2.reduce((sum, line3) => sum + line3.varianceValue, 0);
  const varianceAbs = lines2.reduce((sum, line3) => sum + Math.abs(line3.varianceValue), 0);
  const lineAccuracyBp = linesCounted === 0 ? 0 : ratioBp(linesExact, linesCounted);
  const valueAccuracyBp =
    expectedValue > 0 ? Math.max(0, 1e4 - ratioBp(varianceAbs, expectedValue)) : varianceAbs === 0 ? 1e4 : 0;
  return {
    linesCounted,
    linesExact,
    expectedValue,
    varianceValue,
    varianceAbs,
    lineAccuracyBp,
    valueAccuracyBp,
  };
}

// src/domain/stocktakes/summary.ts
var summaryLines = 8;
function approvalSummary(tx, stocktakeId, figures) {
  const header2 = readStocktake(tx, stocktakeId);
  const lines2 = readVarianceLines(tx, stocktakeId, { posting: "pending", limit: summaryLines });
  return {
    warehouse: header2?.warehouseCode ?? "",
    scope: header2?.scope ?? "warehouse",
    scopeLabel: header2?.scopeLabel ?? "",
    linesCounted: figures.linesCounted,
    lineAccuracyBp: figures.lineAccuracyBp,
    valueAccuracyBp: figures.valueAccuracyBp,
    waitingLines: figures.waiting.lines,
    waitingValue: figures.waiting.value,
    lines: lines2.map((line3) => ({
      bin: line3.bin,
      sku: line3.sku,
      name: line3.name,
      nameZh: line3.nameZh,
      unit: line3.unit,
      expected: line3.expectedQty,
      counted: line3.countedQty,
      variance: line3.varianceQty,
      value: line3.varianceValue,
    })),
  };
}

// src/domain/stocktakes/finish.ts
function finishStocktake(db2, clock, input) {
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const at2 = clock.now();
      const header2 = requireCounting(tx, input.stocktakeId);
      const { counted, total } = readProgress(tx, header2.id);
      if (counted === 0) throw new JxcError("NOTHING_COUNTED", { number: header2.number });
      const uncounted = total - counted;
      if (uncounted > 0 && !input.allowUncounted) {
        throw new JxcError("UNCOUNTED_LINES", { number: header2.number, uncounted, total });
      }
      const threshold = readPolicy(tx, "stocktake")[0]?.minAmount ?? Number.POSITIVE_INFINITY;
      const statements2 = countStatements(db2);
      const lines2 = valueCountedLines(tx, statements2, header2.id, threshold);
      for (const line3 of lines2)
        statements2.setFinished(line3.id, line3, line3.posting === "posted" ? "none" : line3.posting);
      const accuracy = measureAccuracy(lines2);
      const ctx = countMoveContext(
        { stocktakeId: header2.id, number: header2.number, userId: input.userId },
        at2,
      );
      const posted = postVariances(
        tx,
        ctx,
        lines2.filter((line3) => line3.posting === "posted"),
      );
      const pending = lines2.filter((line3) => line3.posting === "pending");
      const waiting = {
        lines: pending.length,
        value: pending.reduce((sum, line3) => sum + Math.abs(line3.varianceValue), 0),
        net: pending.reduce((sum, line3) => sum + line3.varianceValue, 0),
      };
      const status = pending.length > 0 ? "pending_approval" : "posted";
      tx.update(stocktakes)
        .set({
          status,
          finishedBy: input.userId,
          finishedAt: at2,
          closedAt: status === "posted" ? at2 : null,
          ...accuracy,
        })
        .where(eq34(stocktakes.id, header2.id))
        .run();
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.finish",
        entity: "stocktake",
        entityId: header2.number,
        before: { status: "counting" },
        after: { status, ...accuracy, uncounted, posted, waiting },
        at: at2,
      });
      const doc = { actor: input.userId, docType: "stocktake", docId: header2.id };
      emitEvent(
        tx,
        {
          ...doc,
          type: "stocktake.finished",
          payload: {
            number: header2.number,
            ...accuracy,
            total,
            uncounted,
            postedLines: posted.lines,
            postedValue: posted.value,
            waitingLines: waiting.lines,
            waitingValue: waiting.net,
            owner: header2.startedBy,
          },
        },
        at2,
      );
      const approval =
        pending.length === 0
          ? null
          : requestApproval(tx, at2, {
              docType: "stocktake",
              docId: header2.id,
              docNumber: header2.number,
              amount: waiting.value,
              requestedBy: input.userId,
              summary: approvalSummary(tx, header2.id, { ...accuracy, waiting }),
            });
      return {
        id: header2.id,
        number: header2.number,
        status,
        accuracy,
        total,
        uncounted,
        posted,
        waiting,
        approverRoles: approval?.roles ?? [],
      };
    },
    { behavior: "immediate" },
  );
}
function valueCountedLines(tx, statements2, stocktakeId, threshold) {
  const lines2 = tx
    .select()
    .from(stocktakeLines)
    .where(and20(eq34(stocktakeLines.stocktakeId, stocktakeId), isNotNull(stocktakeLines.countedQty)))
    .orderBy(stocktakeLines.lineNo)
    .all();
  return lines2.map((line3) => {
    const counted = line3.countedQty ?? 0;
    const movedQty = statements2.movedBetween(
      line3,
      line3.snapshotMoveId,
      line3.countedMoveId ?? line3.snapshotMoveId,
    );
    const expectedQty = line3.snapshotQty + movedQty;
    const varianceQty = counted - expectedQty;
    const item = requireItem(tx, line3.itemId);
    const varianceValue =
      varianceQty > 0
        ? valueAtCurrentCost(tx, item.id, varianceQty)
        : varianceQty < 0
          ? -quoteIssueCost(tx, item, -varianceQty)
          : 0;
    const expectedValue = expectedQty > 0 ? valueAtCurrentCost(tx, item.id, expectedQty) : 0;
    const posting = varianceQty === 0 ? "none" : Math.abs(varianceValue) >= threshold ? "pending" : "posted";
    return {
      id: line3.id,
      itemId: line3.itemId,
      locationId: line3.locationId,
      movedQty,
      expectedQty,
      varianceQty,
      varianceValue,
      expectedValue,
      posting,
    };
  });
}

// src/domain/stocktakes/found.ts
// src/domain/stocktakes/overlap.ts
import { and as and21, and as and22, eq as eq35, eq as eq36, max as max2, or } from "drizzle-orm";

function requireNoOverlap(tx, warehouse, places) {
  const held = tx
    .select({
      itemId: stocktakeLines.itemId,
      locationId: stocktakeLines.locationId,
      number: stocktakes.number,
      sku: items.sku,
      bin: locations.code,
    })
    .from(stocktakeLines)
    .innerJoin(stocktakes, eq35(stocktakes.id, stocktakeLines.stocktakeId))
    .innerJoin(items, eq35(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq35(locations.id, stocktakeLines.locationId))
    .where(
      and21(
        eq35(stocktakes.warehouseId, warehouse.id),
        or(
          eq35(stocktakes.status, "counting"),
          and21(eq35(stocktakes.status, "pending_approval"), eq35(stocktakeLines.posting, "pending")),
        ),
      ),
    )
    .all();
  if (held.length === 0) return;
  const byPlace = new Map(held.map((row) => [`${row.itemId}:${row.locationId}`, row]));
  for (const place2 of places) {
    const clash = byPlace.get(`${place2.itemId}:${place2.locationId}`);
    if (clash) {
      throw new JxcError("COUNT_OVERLAP", {
        number: clash.number,
        sku: clash.sku,
        place: `${warehouse.code}/${clash.bin}`,
      });
    }
  }
}

// src/domain/stocktakes/found.ts
function countFoundStock(db2, clock, input) {
  requireCountedQty({ lineId: 0, qty: input.qty });
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const at2 = clock.now();
      const header2 = requireCounting(tx, input.stocktakeId);
      const place2 = tx
        .select({
          code: locations.code,
          zone: locations.zone,
          warehouseId: locations.warehouseId,
          warehouse: warehouses.code,
        })
        .from(locations)
        .innerJoin(warehouses, eq36(warehouses.id, locations.warehouseId))
        .where(eq36(locations.id, input.locationId))
        .get();
      const item = tx.select({ sku: items.sku }).from(items).where(eq36(items.id, input.itemId)).get();
      if (!item) throw new JxcError("UNKNOWN_ITEM", { query: String(input.itemId) }, "sku");
      if (!place2 || place2.warehouseId !== header2.warehouseId) {
        throw new JxcError("UNKNOWN_LOCATION", { code: place2?.code ?? "?", warehouse: "?" }, "place");
      }
      const placeName2 = `${place2.warehouse}/${place2.code}`;
      if (!covers(tx, header2, { ...input, ...place2 })) {
        throw new JxcError("OUTSIDE_COUNT", {
          number: header2.number,
          sku: item.sku,
          place: placeName2,
          kind: header2.scope,
          label: header2.scopeLabel,
        });
      }
      const moveId = countStatements(db2).lastMoveId();
      const counted = {
        countedQty: input.qty,
        countedBy: input.userId,
        countedAt: at2,
        countedMoveId: moveId,
      };
      const existing = tx
        .select({ id: stocktakeLines.id, lineNo: stocktakeLines.lineNo })
        .from(stocktakeLines)
        .where(
          and22(
            eq36(stocktakeLines.stocktakeId, header2.id),
            eq36(stocktakeLines.itemId, input.itemId),
            eq36(stocktakeLines.locationId, input.locationId),
          ),
        )
        .get();
      let lineNo;
      if (existing) {
        tx.update(stocktakeLines).set(counted).where(eq36(stocktakeLines.id, existing.id)).run();
        lineNo = existing.lineNo;
      } else {
        requireNoOverlap(tx, { id: header2.warehouseId, code: place2.warehouse }, [input]);
        const last = tx
          .select({ lineNo: max2(stocktakeLines.lineNo) })
          .from(stocktakeLines)
          .where(eq36(stocktakeLines.stocktakeId, header2.id))
          .get();
        lineNo = (last?.lineNo ?? 0) + 1;
        tx.insert(stocktakeLines)
          .values({
            stocktakeId: header2.id,
            lineNo,
            itemId: input.itemId,
            locationId: input.locationId,
            snapshotQty: readLocationTotals(tx, input.itemId, input.locationId).onHand,
            snapshotMoveId: moveId,
            ...counted,
          })
          .run();
      }
      const progress = readProgress(tx, header2.id);
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.found",
        entity: "stocktake",
        entityId: header2.number,
        after: { lineNo, sku: item.sku, place: placeName2, qty: input.qty, added: !existing },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.counted",
          actor: input.userId,
          docType: "stocktake",
          docId: header2.id,
          payload: { number: header2.number, changed: 1, ...progress, owner: header2.startedBy },
        },
        at2,
      );
      return { number: header2.number, changed: 1, ...progress, lineNo, added: !existing };
    },
    { behavior: "immediate" },
  );
}
function covers(tx, header2, found) {
  const same = (a, b) => a.toLowerCase() === b.toLowerCase();
  switch (header2.scope) {
    case "zone":
      return found.zone !== null && same(found.zone, header2.scopeLabel);
    case "bins":
      return header2.scopeLabel.split(", ").some((code) => same(code, found.code));
    case "items":
      return (
        tx
          .select({ id: stocktakeLines.id })
          .from(stocktakeLines)
          .where(
            and22(eq36(stocktakeLines.stocktakeId, header2.id), eq36(stocktakeLines.itemId, found.itemId)),
          )
          .limit(1)
          .get() !== void 0
      );
    default:
      return true;
  }
}

// src/domain/stocktakes/start.ts
import { and as and23, eq as eq37, inArray as inArray6, sql as sql12 } from "drizzle-orm";

function startStocktake(db2, clock, input) {
  return db2.transaction(
    (tx) => {
      const at2 = clock.now();
      const warehouse = tx
        .select({ id: warehouses.id, code: warehouses.code })
        .from(warehouses)
        .where(eq37(warehouses.id, input.warehouseId))
        .get();
      if (!warehouse) throw new JxcError("UNKNOWN_WAREHOUSE", { code: String(input.warehouseId), known: "" });
      const scope = resolveScope(tx, warehouse, input.scope);
      const places = readStockedPlaces(tx, warehouse.id, scope.filter);
      if (places.length === 0) throw new JxcError("NOTHING_TO_COUNT", { what: scope.what });
      if (input.scope.kind === "items") requireEveryItem(tx, input.scope.itemIds, places, warehouse.code);
      requireNoOverlap(tx, warehouse, places);
      const number2 = nextDocumentNumber(tx, "stocktake");
      const statements2 = countStatements(db2);
      const snapshotMoveId = statements2.lastMoveId();
      const { id } = tx
        .insert(stocktakes)
        .values({
          number: number2,
          warehouseId: warehouse.id,
          scope: input.scope.kind,
          scopeLabel: scope.label,
          status: "counting",
          startedBy: input.userId,
          startedAt: at2,
        })
        .returning({ id: stocktakes.id })
        .get();
      places.forEach((place2, index9) => {
        statements2.insertLine({
          stocktakeId: id,
          lineNo: index9 + 1,
          itemId: place2.itemId,
          locationId: place2.locationId,
          snapshotQty: place2.qty,
          snapshotMoveId,
        });
      });
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.start",
        entity: "stocktake",
        entityId: number2,
        after: {
          warehouse: warehouse.code,
          scope: input.scope.kind,
          label: scope.label,
          lines: places.length,
        },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.started",
          actor: input.userId,
          docType: "stocktake",
          docId: id,
          payload: { number: number2, lines: places.length, owner: input.userId },
        },
        at2,
      );
      return { id, number: number2, lines: places.length };
    },
    { behavior: "immediate" },
  );
}
function resolveScope(tx, warehouse, scope) {
  switch (scope.kind) {
    case "warehouse":
      return { filter: void 0, label: "", what: warehouse.code };
    case "zone": {
      const zone = requireZone(tx, warehouse, scope.zone);
      return {
        filter: sql12`${locations.zone} = ${zone} collate nocase`,
        label: zone,
        what: `${warehouse.code} \xB7 ${zone}`,
      };
    }
    case "bins": {
      const ids = [...new Set(scope.locationIds)];
      const bins = tx
        .select({ id: locations.id, code: locations.code, warehouseId: locations.warehouseId })
        .from(locations)
        .where(inArray6(locations.id, ids))
        .all();
      const outside = ids.find((id) => !bins.some((b) => b.id === id && b.warehouseId === warehouse.id));
      if (ids.length === 0 || outside !== void 0) {
        throw new JxcError(
          "UNKNOWN_LOCATION",
          { code: String(outside ?? ""), warehouse: warehouse.code },
          "place",
        );
      }
      const codes3 = ids.map((id) => bins.find((b) => b.id === id)?.code ?? "");
      return {
        filter: inArray6(stockBalances.locationId, ids),
        label: codes3.join(", "),
        what: codes3.map((code) => `${warehouse.code}/${code}`).join(", "),
      };
    }
    case "items": {
      const ids = [...new Set(scope.itemIds)];
      const found = tx
        .select({ id: items.id, sku: items.sku })
        .from(items)
        .where(inArray6(items.id, ids))
        .all();
      const missing = ids.find((id) => !found.some((row) => row.id === id));
      if (ids.length === 0 || missing !== void 0) {
        throw new JxcError("UNKNOWN_ITEM", { query: String(missing ?? "") }, "sku");
      }
      const skus = ids.map((id) => found.find((row) => row.id === id)?.sku ?? "");
      return {
        filter: inArray6(stockBalances.itemId, ids),
        label: skus.join(", "),
        what: `${skus.join(", ")} \xB7 ${warehouse.code}`,
      };
    }
  }
}
function requireZone(tx, warehouse, typed) {
  const zones = tx
    .selectDistinct({ zone: locations.zone })
    .from(locations)
    .where(and23(eq37(locations.warehouseId, warehouse.id), eq37(locations.archived, false)))
    .all()
    .flatMap((row) => (row.zone ? [row.zone] : []))
    .sort();
  const zone = zones.find((z12) => z12.toLowerCase() === typed.trim().toLowerCase());
  if (!zone) {
    throw new JxcError(
      "UNKNOWN_ZONE",
      { zone: typed, warehouse: warehouse.code, known: zones.join(", ") },
      "zone",
    );
  }
  return zone;
}
function readStockedPlaces(tx, warehouseId, filter) {
  const rows = tx
    .select({
      itemId: stockBalances.itemId,
      locationId: stockBalances.locationId,
      qty: sql12`sum(${stockBalances.onHand})`.mapWith(Number),
      sku: items.sku,
      bin: locations.code,
      rank: locations.rank,
    })
    .from(stockBalances)
    .innerJoin(locations, eq37(locations.id, stockBalances.locationId))
    .innerJoin(items, eq37(items.id, stockBalances.itemId))
    .where(and23(eq37(locations.warehouseId, warehouseId), filter))
    .groupBy(stockBalances.itemId, stockBalances.locationId)
    .having(sql12`sum(${stockBalances.onHand}) <> 0`)
    .all();
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      compare(a.bin, b.bin) ||
      compare(a.sku, b.sku),
  );
}
function requireEveryItem(tx, itemIds, places, warehouse) {
  const absent = itemIds.find((id) => !places.some((place2) => place2.itemId === id));
  if (absent === void 0) return;
  const sku = tx.select({ sku: items.sku }).from(items).where(eq37(items.id, absent)).get()?.sku ?? "";
  throw new JxcError("NOTHING_TO_COUNT", { what: `${sku} \xB7 ${warehouse}` });
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// commands/count/parse.ts
var startWords = /* @__PURE__ */ new Set(["start", "new", "\u5F00\u59CB", "\u65B0\u5EFA"]);
var finishWords = /* @__PURE__ */ new Set(["finish", "done", "\u5B8C\u6210", "\u7ED3\u675F"]);
var cancelWords = /* @__PURE__ */ new Set(["cancel", "\u53D6\u6D88"]);
var zoneWords = /* @__PURE__ */ new Set(["zone", "\u533A", "\u5E93\u533A"]);
var foundWords = /* @__PURE__ */ new Set(["found", "add", "\u627E\u5230", "\u53D1\u73B0"]);
var countNumber = /^CNT-?(\d{1,9})$/i;
function readCountNumber(word) {
  const digits = countNumber.exec(word)?.[1];
  return digits === void 0 ? void 0 : `CNT-${digits.replace(/^0+(?=\d)/, "").padStart(6, "0")}`;
}
function parseCountRequest(db2, text14) {
  const words = text14.split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === void 0) return { kind: "list" };
  if (startWords.has(first.toLowerCase())) return parseStart(db2, rest);
  const [second = "", ...found] = rest;
  const foundOn = readCountNumber(first);
  if (foundOn && foundWords.has(second.toLowerCase())) return parseFound(db2, foundOn, found);
  const numbered = words.map(readCountNumber);
  const at2 = numbered.findIndex((n3) => n3 !== void 0);
  const number2 = numbered[at2];
  if (number2 === void 0 || words.length > 2) return { kind: "usage" };
  const [other] = words.filter((_, index9) => index9 !== at2);
  if (other === void 0) return { kind: "open", number: number2 };
  const verb = other.toLowerCase();
  if (finishWords.has(verb)) return { kind: "finish", number: number2 };
  if (cancelWords.has(verb)) return { kind: "cancel", number: number2 };
  return at2 === 0
    ? { kind: "open", number: number2, bin: other.split("/").at(-1) ?? other }
    : { kind: "usage" };
}
function parseFound(db2, number2, words) {
  const read2 = readItemAmount(db2, words);
  const [bin, ...extra] = read2?.rest ?? [];
  if (!read2 || bin === void 0 || extra.length > 0) return { kind: "usage" };
  return { kind: "found", number: number2, item: read2.item, amount: read2.amount, bin };
}
function parseStart(db2, words) {
  const [first, ...rest] = words;
  if (first === void 0) return { kind: "usage" };
  if (first.includes("/")) return parseBins(db2, words);
  const warehouse = requireWarehouse(db2, first);
  const start = (scope) => ({
    kind: "start",
    warehouseId: warehouse.id,
    scope,
  });
  const [next, zone, ...extra] = rest;
  if (next === void 0) return start({ kind: "warehouse" });
  if (zoneWords.has(next.toLowerCase())) {
    return zone === void 0 || extra.length > 0 ? { kind: "usage" } : start({ kind: "zone", zone });
  }
  const itemIds = [];
  const locationIds = [];
  for (const word of rest) {
    const bin = word.includes("/") ? resolvePlace(db2, word) : void 0;
    if (bin && bin.warehouseCode !== warehouse.code) return { kind: "oneWarehouse" };
    const item = bin ? void 0 : findItemBySkuOrBarcode(db2, word);
    const location = bin || item ? void 0 : findLocation(db2, warehouse.id, word);
    if (item) itemIds.push(item.id);
    else if (bin) locationIds.push(bin.locationId);
    else if (location && !location.archived) locationIds.push(location.id);
    else return { kind: "neither", input: word, warehouse: warehouse.code };
    if (itemIds.length > 0 && locationIds.length > 0) return { kind: "mixed", input: word };
  }
  return start(itemIds.length > 0 ? { kind: "items", itemIds } : { kind: "bins", locationIds });
}
function parseBins(db2, words) {
  const places = [];
  for (const word of words) {
    const place2 = resolvePlace(db2, word, places[0]?.warehouseCode);
    if (!place2) return { kind: "usage" };
    if (places[0] && place2.warehouseCode !== places[0].warehouseCode) return { kind: "oneWarehouse" };
    places.push(place2);
  }
  const [first] = places;
  if (!first) return { kind: "usage" };
  return {
    kind: "start",
    warehouseId: requireWarehouse(db2, first.warehouseCode).id,
    scope: { kind: "bins", locationIds: places.map((p2) => p2.locationId) },
  };
}

// commands/count/sheet.ts
import { z as z5 } from "zod";

var sheetLines = 30;
var metadata = z5.object({
  id: z5.number().int(),
  after: z5.number().int(),
  lines: z5.array(z5.number().int()),
});
var sheetBlock = (lineId) => `count_line_${lineId}`;
function countSheetView(header2, lines2, locale, notice) {
  const m = messages(locale).count.sheet;
  const first = lines2[0];
  const last = lines2.at(-1);
  const intro = m.intro({
    number: header2.number,
    scope: scopeText(locale, {
      warehouse: header2.warehouseCode,
      scope: header2.scope,
      label: header2.scopeLabel,
    }),
    from: first?.lineNo ?? 0,
    to: last?.lineNo ?? 0,
    total: header2.total,
    counted: header2.counted,
  });
  const blocks = [...(notice ? [context([notice])] : []), section(intro)];
  for (const line3 of lines2) {
    blocks.push({
      type: "input",
      block_id: sheetBlock(line3.id),
      optional: true,
      label: {
        type: "plain_text",
        text: clip(`${line3.bin} \xB7 ${line3.sku} \xB7 ${localName(locale, line3.name, line3.nameZh)}`, 2e3),
      },
      element: {
        type: "plain_text_input",
        action_id: sheetBlock(line3.id),
        max_length: 40,
        placeholder: { type: "plain_text", text: clip(m.unitsHint({ units: unitsText(line3) }), 150) },
        ...(line3.countedQty === null ? {} : { initial_value: `${line3.countedQty} ${line3.baseUnit}` }),
      },
    });
  }
  const more = last !== void 0 && last.lineNo < header2.total;
  return {
    type: "modal",
    callback_id: callbackIds.stocktakeCount,
    private_metadata: JSON.stringify({
      id: header2.id,
      after: (first?.lineNo ?? 1) - 1,
      lines: lines2.map((l) => l.id),
    }),
    title: { type: "plain_text", text: clip(m.title({ number: header2.number }), limits.modalTitle) },
    submit: { type: "plain_text", text: clip(more ? m.saveNext : m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks,
  };
}
function firstSheetBlock(privateMetadata) {
  const meta = metadata.safeParse(parseJson(privateMetadata));
  const first = meta.success ? meta.data.lines[0] : void 0;
  return first === void 0 ? void 0 : sheetBlock(first);
}
var SheetErrors = class extends Error {
  constructor(errors) {
    super("count sheet errors");
    this.errors = errors;
  }
  errors;
};
function parseCountedQty(text14, line3) {
  try {
    return parseQuantity(text14, line3).baseQty;
  } catch (error) {
    if (isJxcError(error) && error.params.problem === "zero") return 0;
    throw error;
  }
}
function readCountSheetForm(db2, submit) {
  const meta = metadata.safeParse(parseJson(submit.privateMetadata));
  if (!meta.success) throw new JxcError("STALE_ACTION");
  const { id, after, lines: ids } = meta.data;
  const lines2 = readCountSheet(db2, id, after, ids.length);
  if (lines2.length !== ids.length || lines2.some((line3, index9) => line3.id !== ids[index9])) {
    throw new JxcError("STALE_ACTION");
  }
  const errors = {};
  const entries = [];
  for (const line3 of lines2) {
    const text14 = submit.value(sheetBlock(line3.id), sheetBlock(line3.id)).trim();
    if (text14 === "") {
      entries.push({ lineId: line3.id, qty: null });
      continue;
    }
    try {
      entries.push({ lineId: line3.id, qty: parseCountedQty(text14, line3) });
    } catch (error) {
      if (!isJxcError(error)) throw error;
      errors[sheetBlock(line3.id)] = describeError(submit.locale, error);
    }
  }
  if (Object.keys(errors).length > 0) throw new SheetErrors(errors);
  return {
    stocktakeId: id,
    entries,
    lastLineNo: lines2.at(-1)?.lineNo ?? after,
  };
}
function countSavedView(header2, firstGap, locale) {
  const m = messages(locale).count.sheet;
  const lines2 = [
    m.done({ number: header2.number, counted: header2.counted, total: header2.total }),
    ...(firstGap
      ? [m.missing({ number: header2.number, uncounted: header2.total - header2.counted, bin: firstGap.bin })]
      : []),
    m.finishHint({ number: header2.number }),
  ];
  return {
    type: "modal",
    callback_id: `${callbackIds.stocktakeCount}_done`,
    title: { type: "plain_text", text: clip(m.doneTitle, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks: [section(lines2.join("\n\n"))],
  };
}

// commands/count/index.ts
function registerCountCommand(router, deps) {
  router.command(
    slashCommands.count,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const held = requirePermission(deps.db, userId, "stock.count");
      const parsed = parseCountRequest(deps.db, request.text);
      switch (parsed.kind) {
        case "list":
          return renderOpenCounts(deps, locale);
        case "start": {
          const started = startStocktake(deps.db, deps.clock, { ...parsed, userId });
          deps.notifier.kick();
          const view = readStocktake(deps.db, started.id);
          return view ? startedReply(view, locale) : void 0;
        }
        case "open": {
          const view = requireStocktake(deps, parsed.number);
          if (view.status !== "counting") return renderReport(deps, view.id, locale);
          const from = parsed.bin === void 0 ? void 0 : firstLineInBin(deps.db, view.id, parsed.bin);
          if (parsed.bin !== void 0 && from === void 0) {
            return {
              text: messages(locale).count.noSuchBin({ number: view.number, bin: escapeMrkdwn(parsed.bin) }),
            };
          }
          await request.openModal(sheetFrom(deps, view, locale, from));
          return void 0;
        }
        case "finish":
          return finishAndReport(deps, requireStocktake(deps, parsed.number).id, userId, locale, false);
        case "cancel": {
          const view = requireStocktake(deps, parsed.number);
          const done = cancelStocktake(deps.db, deps.clock, {
            stocktakeId: view.id,
            userId,
            mayCancelAny: can(held, "stock.countCancelAny"),
          });
          deps.notifier.kick();
          return { text: messages(locale).count.cancelled(done) };
        }
        case "found": {
          const view = requireStocktake(deps, parsed.number);
          const place2 = resolvePlace(deps.db, parsed.bin, view.warehouseCode);
          if (!place2) return { text: messages(locale).count.usage };
          const qty = parseQuantity(parsed.amount, parsed.item).baseQty;
          const done = countFoundStock(deps.db, deps.clock, {
            stocktakeId: view.id,
            itemId: parsed.item.id,
            locationId: place2.locationId,
            qty,
            userId,
          });
          deps.notifier.kick();
          return {
            text: messages(locale).count.foundCounted({
              ...done,
              qty: `${qty.toLocaleString("en")} ${parsed.item.baseUnit}`,
              sku: escapeMrkdwn(parsed.item.sku),
              place: place2.place,
            }),
          };
        }
        default:
          return { text: problemText2(parsed, locale) };
      }
    }),
  );
  router.action(
    actionPatterns.countOpen,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const view = readStocktake(deps.db, idOf(click.value));
      if (!view) throw new JxcError("STALE_ACTION");
      if (view.status !== "counting") {
        throw new JxcError("STOCKTAKE_CLOSED", { number: view.number, status: view.status });
      }
      await click.openModal(sheetFrom(deps, view, click.locale, void 0));
    }),
  );
  router.action(
    actionIds.countFinish,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const reply = finishAndReport(deps, idOf(click.value), click.userId, click.locale, false);
      await click.respond({ ...toEphemeral(reply), replace_original: false });
    }),
  );
  router.action(
    actionIds.countFinishAnyway,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const reply = finishAndReport(deps, idOf(click.value), click.userId, click.locale, true);
      await click.respond({ ...toEphemeral(reply), replace_original: true });
    }),
  );
  router.action(
    actionIds.countCancel,
    buttonAction(deps.logger, async (click) => {
      const held = requirePermission(deps.db, click.userId, "stock.count");
      const done = cancelStocktake(deps.db, deps.clock, {
        stocktakeId: idOf(click.value),
        userId: click.userId,
        mayCancelAny: can(held, "stock.countCancelAny"),
      });
      deps.notifier.kick();
      await click.respond({
        ...toEphemeral({ text: messages(click.locale).count.cancelled(done) }),
        replace_original: true,
      });
    }),
  );
  router.view(
    callbackIds.stocktakeCount,
    viewSubmission(deps.logger, { fieldBlocks: {}, fallbackBlock: "" }, (submit) => {
      const fallback = firstSheetBlock(submit.privateMetadata) ?? "";
      try {
        requirePermission(deps.db, submit.userId, "stock.count");
        const form = readCountSheetForm(deps.db, submit);
        const progress = recordCounts(deps.db, deps.clock, {
          stocktakeId: form.stocktakeId,
          userId: submit.userId,
          entries: form.entries,
        });
        deps.notifier.kick();
        const view = readStocktake(deps.db, form.stocktakeId);
        if (!view) throw new JxcError("STALE_ACTION");
        const next = readCountSheet(deps.db, view.id, form.lastLineNo, sheetLines);
        if (next.length > 0) {
          const notice = messages(submit.locale).count.sheet.saved(progress);
          return { update: countSheetView(view, next, submit.locale, notice) };
        }
        return { update: countSavedView(view, firstUncountedLine(deps.db, view.id), submit.locale) };
      } catch (error) {
        if (error instanceof SheetErrors) return { errors: error.errors };
        const lineId = isJxcError(error) ? /^line(\d+)$/.exec(error.field ?? "")?.[1] : void 0;
        const field2 = lineId === void 0 ? void 0 : sheetBlock(Number(lineId));
        return {
          errors: { [field2 ?? fallback]: errorText(error, submit, deps.logger, callbackIds.stocktakeCount) },
        };
      }
    }),
  );
}
function idOf(value) {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new JxcError("STALE_ACTION");
  return id;
}
function requireStocktake(deps, number2) {
  const view = findStocktake(deps.db, number2);
  if (!view) throw new JxcError("NOT_FOUND", { what: number2 });
  return view;
}
function sheetFrom(deps, view, locale, fromLineNo) {
  const start = fromLineNo ?? firstUncountedLine(deps.db, view.id)?.lineNo ?? 1;
  return countSheetView(view, readCountSheet(deps.db, view.id, start - 1, sheetLines), locale);
}
function finishAndReport(deps, stocktakeId, userId, locale, allowUncounted) {
  try {
    finishStocktake(deps.db, deps.clock, { stocktakeId, userId, allowUncounted });
  } catch (error) {
    if (isJxcError(error) && error.code === "UNCOUNTED_LINES")
      return uncountedReply(deps, stocktakeId, locale);
    throw error;
  }
  deps.notifier.kick();
  return renderReport(deps, stocktakeId, locale);
}
function problemText2(problem, locale) {
  const m = messages(locale).count;
  switch (problem.kind) {
    case "oneWarehouse":
      return m.oneWarehouse;
    case "mixed":
      return `${m.mixed({ input: escapeMrkdwn(problem.input) })}
${m.usage}`;
    case "neither":
      return `${m.neither({ input: escapeMrkdwn(problem.input), warehouse: problem.warehouse })}
${m.usage}`;
    default:
      return m.usage;
  }
}

// commands/csv-import/submit.ts
import { z as z6 } from "zod";

// src/domain/import/columns.ts
var columnSets = {
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
    optional: ["name_zh", "contact", "phone", "email", "payment_terms_days", "lead_time_days"],
  },
  customers: {
    required: ["code", "name"],
    optional: ["name_zh", "contact", "phone", "email", "owner", "payment_terms_days", "credit_limit"],
  },
};
var listSeparator = "|";

// src/domain/import/decode.ts
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var gb18030 = new TextDecoder("gb18030", { fatal: true });
function decodeCsvBytes(bytes) {
  if ((bytes[0] === 255 && bytes[1] === 254) || (bytes[0] === 254 && bytes[1] === 255)) {
    return { ok: false, reason: "utf-16" };
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: "binary" };
  try {
    return { ok: true, text: utf8.decode(body), encoding: "utf-8" };
  } catch {}
  try {
    return { ok: true, text: gb18030.decode(body), encoding: "gb18030" };
  } catch {
    return { ok: false, reason: "encoding" };
  }
}
function hasUtf8Bom(bytes) {
  return bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
}
function looksBinary(bytes) {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte >= 32 || byte === 9 || byte === 10 || byte === 13 || byte === 12) continue;
    if (byte === 26 && i === bytes.length - 1) continue;
    return true;
  }
  return false;
}

// src/domain/import/report.ts
var importKinds = ["items", "stock", "suppliers", "customers", "bins"];
function emptyReport(encoding) {
  return {
    ok: true,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    createdWarehouses: [],
    createdLocations: [],
    encoding,
  };
}
function toImportError(row, column, error) {
  if (!isJxcError(error)) throw error;
  return column === void 0
    ? { row, code: error.code, params: error.params }
    : { row, column, code: error.code, params: error.params };
}

// src/domain/import/table.ts
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";

// src/domain/import/cell-guard.ts
var formulaStart = /^[=+\-@\t\r]/;
function unguardCell(value) {
  if (value.startsWith("'") && formulaStart.test(value.slice(1))) return value.slice(1);
  const wrapped = /^="(.*)"$/s.exec(value);
  return wrapped ? (wrapped[1] ?? "") : value;
}

// src/domain/import/table.ts
function cellOf(source, column) {
  const index9 = source.columns.get(column);
  if (index9 === void 0) return void 0;
  const cell = (source.record[index9] ?? "").trim();
  const first = cell.charCodeAt(0);
  return first === 39 || first === 61 ? unguardCell(cell).trim() : cell;
}
function detectDelimiter(text14) {
  const firstLine = text14.slice(0, text14.search(/\r?\n|$/));
  const counts = [",", "	", ";"].map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.delimiter ?? ",";
}
function normaliseHeader(cell) {
  return cell
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
var chunkSize = 1 << 20;
function* splitCsvText(text14, size = chunkSize) {
  let start = 0;
  while (start < text14.length) {
    let cut = start + size;
    if (cut >= text14.length) {
      yield text14.slice(start);
      return;
    }
    let quotes = countQuotes(text14, start, cut);
    for (;;) {
      const lineEnd = text14.indexOf("\n", cut);
      if (lineEnd < 0) {
        cut = text14.length;
        break;
      }
      quotes += countQuotes(text14, cut, lineEnd);
      cut = lineEnd + 1;
      if (quotes % 2 === 0) break;
    }
    yield text14.slice(start, cut);
    start = cut;
  }
}
function countQuotes(text14, from, to) {
  let count6 = 0;
  for (let at2 = text14.indexOf('"', from); at2 >= 0 && at2 < to; at2 = text14.indexOf('"', at2 + 1))
    count6++;
  return count6;
}
function readCsvRows(text14, columnSet, visit) {
  const delimiter = detectDelimiter(text14);
  let errors = [];
  let columns3;
  let width = 0;
  let recordNumber = 0;
  for (const chunk of splitCsvText(text14)) {
    let records;
    try {
      records = parse(chunk, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const row = recordNumber + (typeof error.records === "number" ? error.records : 0) + 1;
      return { errors: [{ row, code: "INVALID_INPUT", params: { what: "csv", detail: error.code } }] };
    }
    for (const record of records) {
      recordNumber++;
      if (recordNumber === 1) {
        const names = record.map(normaliseHeader);
        errors = checkHeader(names, columnSet);
        if (errors.length > 0) return { errors };
        columns3 = new Map(names.flatMap((name, index9) => (name === "" ? [] : [[name, index9]])));
        width = names.length;
      } else if (columns3 && !isBlank(record)) {
        visit(dataRow(recordNumber, record, columns3, width));
      }
    }
  }
  if (recordNumber === 0) return { errors: [{ row: 1, code: "NOT_FOUND", params: { what: "header row" } }] };
  return { errors };
}
function isBlank(record) {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}
function dataRow(row, record, columns3, width) {
  const extra = record.slice(width).find((cell) => cell.trim() !== "");
  if (extra === void 0) return { row, record, columns: columns3 };
  const problem = {
    row,
    code: "INVALID_INPUT",
    params: { input: extra, what: "cell beyond the last column" },
  };
  return { row, record, columns: columns3, problem };
}
function checkHeader(names, columnSet) {
  const errors = [];
  const known = /* @__PURE__ */ new Set([...columnSet.required, ...columnSet.optional]);
  const seen = /* @__PURE__ */ new Set();
  for (const name of names) {
    if (name === "") continue;
    if (seen.has(name))
      errors.push({ row: 1, column: name, code: "DUPLICATE", params: { what: "column", key: name } });
    seen.add(name);
    if (!known.has(name)) {
      errors.push({
        row: 1,
        column: name,
        code: "INVALID_INPUT",
        params: { input: name, known: [...known].join(", ") },
      });
    }
  }
  for (const name of columnSet.required) {
    if (!seen.has(name))
      errors.push({ row: 1, column: name, code: "NOT_FOUND", params: { what: `column ${name}` } });
  }
  return errors;
}

// src/domain/import/cells.ts
var columnOverrides = {
  baseUnit: "unit",
  purchaseUnitFactor: "purchase_factor",
  salesUnitFactor: "sales_factor",
  supplierCode: "supplier",
  barcodes: "barcode",
  ownerUserId: "owner",
};
function columnForField(field2) {
  if (field2 === void 0) return void 0;
  return columnOverrides[field2] ?? field2.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
var RowReader = class {
  constructor(source) {
    this.source = source;
    if (source.problem) this.errors.push(source.problem);
  }
  source;
  errors = [];
  get row() {
    return this.source.row;
  }
  /** The trimmed cell, "" when blank or when the file has no such column. */
  raw(column) {
    return cellOf(this.source, column) ?? "";
  }
  text(column) {
    const cell = cellOf(this.source, column);
    if (cell === void 0) return void 0;
    return cell === "" ? null : cell;
  }
  /** Several values in one cell, separated by "|"; undefined when the column is absent. */
  list(column) {
    const cell = cellOf(this.source, column);
    if (cell === void 0) return void 0;
    return cell
      .split(listSeparator)
      .map((value) => value.trim())
      .filter((value) => value !== "");
  }
  /** A whole number such as days; Excel's "30.0" is fine, "1.5" is not. */
  wholeNumber(column, max3) {
    const cell = this.text(column);
    if (cell === void 0 || cell === null) return cell;
    return this.attempt(column, () => {
      const reading = parseExactDecimal(cell.normalize("NFKC"));
      if (!reading.ok) throw new JxcError("INVALID_INPUT", { input: cell, problem: reading.problem });
      const value = rescaleDecimal(reading.value, 0);
      if (value === void 0) throw new JxcError("INVALID_INPUT", { input: cell, problem: "fractional" });
      if (value > BigInt(max3)) throw new JxcError("INVALID_INPUT", { input: cell, problem: "too_large" });
      return Number(value);
    });
  }
  money(column, decimals) {
    const cell = this.text(column);
    if (cell === void 0 || cell === null) return cell;
    return this.attempt(column, () => parseMoney(cell, decimals));
  }
  /** A quantity in any of the item's units, converted to base units; "0" is allowed (a level, not a move). */
  level(column, units) {
    const cell = this.text(column);
    if (cell === void 0 || cell === null) return cell;
    const reading = parseExactDecimal(cell.normalize("NFKC"));
    if (reading.ok && reading.value.digits === 0n) return 0;
    if (!units) return void 0;
    return this.attempt(column, () => parseQuantity(cell, units).baseQty);
  }
  /** Runs a check, recording a JxcError against `column` (or the field it names) instead of throwing. */
  attempt(column, check) {
    try {
      return check();
    } catch (error) {
      const at2 = isJxcError(error) && error.field !== void 0 ? columnForField(error.field) : column;
      this.errors.push(toImportError(this.row, at2, error));
      return void 0;
    }
  }
  fail(column, error) {
    this.errors.push(toImportError(this.row, column, error));
  }
};

// src/domain/import/run.ts
var ValidationCollector = class {
  result = { valid: [], errors: [], bad: 0 };
  add(row, errors, input) {
    if (errors.length > 0 || input === void 0) {
      this.result.errors.push(...errors);
      this.result.bad++;
      return;
    }
    this.result.valid.push({ row, input });
  }
};

// src/domain/import/validate-bins.ts
var maxRank = 1e5;
var maxCapacity = 1e9;
var BinRowValidator = class {
  collector = new ValidationCollector();
  seen = /* @__PURE__ */ new Map();
  get result() {
    return this.collector.result;
  }
  add(source) {
    const cells = new RowReader(source);
    const warehouse = cells.attempt("warehouse", () =>
      requireText(cells.raw("warehouse"), "warehouse", maxCodeLength),
    );
    const bin = cells.attempt("bin", () => requireText(cells.raw("bin"), "bin", maxCodeLength));
    const line3 =
      warehouse === void 0 || bin === void 0
        ? void 0
        : {
            warehouse,
            bin,
            // A warehouse spans many rows; a blank name on one of them leaves the name as it is.
            warehouseName: cells.text("warehouse_name") ?? void 0,
            warehouseNameZh: cells.text("warehouse_name_zh") ?? void 0,
            zone: cells.text("zone"),
            rank: cells.wholeNumber("rank", maxRank),
            capacity: cells.wholeNumber("capacity", maxCapacity),
          };
    if (line3) {
      const key = `${line3.warehouse}\0${line3.bin}`.toLowerCase();
      const firstRow = this.seen.get(key);
      if (firstRow === void 0) this.seen.set(key, cells.row);
      else
        cells.fail(
          "bin",
          new JxcError("DUPLICATE", { what: "bin", key: `${line3.warehouse}/${line3.bin}`, row: firstRow }),
        );
    }
    this.collector.add(cells.row, cells.errors, line3);
  }
};

// src/domain/import/validate-items.ts
var maxFactor2 = 1e6;
var maxDays = 3650;
var ItemRowValidator = class {
  constructor(run) {
    this.run = run;
  }
  run;
  collector = new ValidationCollector();
  skuRows = /* @__PURE__ */ new Map();
  barcodeOwners = /* @__PURE__ */ new Map();
  knownSuppliers = /* @__PURE__ */ new Map();
  storedBarcodeOwners;
  get result() {
    return this.collector.result;
  }
  readStoredOwners() {
    this.storedBarcodeOwners ??= readBarcodeOwners(this.run);
    return this.storedBarcodeOwners;
  }
  add(source) {
    const { run } = this;
    const cells = new RowReader(source);
    const item = readItem(run, cells);
    if (item) {
      const sku = item.sku.toLowerCase();
      const firstRow = this.skuRows.get(sku);
      if (firstRow === void 0) this.skuRows.set(sku, cells.row);
      else cells.fail("sku", new JxcError("DUPLICATE", { what: "sku", key: item.sku, row: firstRow }));
      const storedOwners = item.barcodes?.length ? this.readStoredOwners() : void 0;
      for (const barcode of item.barcodes ?? []) {
        checkBarcode(cells, barcode, sku, this.barcodeOwners, storedOwners);
      }
      if (item.supplierCode && !supplierExists(run, item.supplierCode, this.knownSuppliers)) {
        cells.fail("supplier", new JxcError("NOT_FOUND", { what: `supplier ${item.supplierCode}` }));
      }
    }
    this.collector.add(cells.row, cells.errors, item);
    if (item && cells.errors.length === 0) run.items.set(item.sku.toLowerCase(), item);
  }
};
function readItem(run, cells) {
  const units = {
    baseUnit: cells.raw("unit"),
    purchaseUnit: cells.text("purchase_unit"),
    purchaseUnitFactor: cells.wholeNumber("purchase_factor", maxFactor2),
    salesUnit: cells.text("sales_unit"),
    salesUnitFactor: cells.wholeNumber("sales_factor", maxFactor2),
  };
  const valuation = cells.text("valuation");
  const input = {
    sku: cells.raw("sku"),
    name: cells.raw("name"),
    nameZh: cells.text("name_zh"),
    category: cells.text("category"),
    baseUnit: units.baseUnit,
    purchaseUnit: units.purchaseUnit,
    purchaseUnitFactor: units.purchaseUnitFactor,
    salesUnit: units.salesUnit,
    salesUnitFactor: units.salesUnitFactor,
    salePrice: cells.money("sale_price", run.currencyDecimals),
    reorderPoint: cells.level("reorder_point", units),
    reorderQty: cells.level("reorder_qty", units),
    maxLevel: cells.level("max_level", units),
    safetyStock: cells.level("safety_stock", units),
    leadTimeDays: cells.wholeNumber("lead_time_days", maxDays),
    supplierCode: cells.text("supplier"),
    valuation: valuation ? valuation.toLowerCase() : void 0,
    aliases: cells.list("aliases"),
    barcodes: cells.list("barcode") ?? [],
  };
  return cells.attempt(void 0, () => normaliseItemInput(input));
}
function checkBarcode(cells, barcode, sku, fileOwners, storedOwners) {
  const fileOwner = fileOwners.get(barcode);
  if (fileOwner !== void 0 && fileOwner !== sku) {
    cells.fail("barcode", new JxcError("DUPLICATE", { what: "barcode", key: barcode }));
    return;
  }
  fileOwners.set(barcode, sku);
  const storedOwner = storedOwners?.get(barcode);
  if (storedOwner !== void 0 && storedOwner.toLowerCase() !== sku) {
    cells.fail("barcode", new JxcError("DUPLICATE", { what: "barcode", key: barcode, owner: storedOwner }));
  }
}
function readBarcodeOwners(run) {
  const rows = prepareCached(
    run.db,
    "select b.barcode, i.sku from item_barcodes b join items i on i.id = b.item_id",
  )
    .raw()
    .all();
  return new Map(rows);
}
function supplierExists(run, code, cache3) {
  const key = code.toLowerCase();
  if (run.suppliers.has(key)) return true;
  let known = cache3.get(key);
  if (known === void 0) {
    known =
      prepareCached(run.db, "select 1 from suppliers where code = ? collate nocase").get(code) !== void 0;
    cache3.set(key, known);
  }
  return known;
}

// src/domain/catalogue/customers.ts
import { sql as sql13 } from "drizzle-orm";

var customerTable = {
  table: "customers",
  entity: "customer",
  keyField: "code",
  columns: {
    code: "code",
    name: "name",
    nameZh: "name_zh",
    contact: "contact",
    phone: "phone",
    email: "email",
    ownerUserId: "owner_user_id",
    paymentTermsDays: "payment_terms_days",
    creditLimit: "credit_limit",
  },
  defaults: { paymentTermsDays: 30 },
};
var slackUserId = /^[UW][A-Z0-9]{2,}$/;
function normaliseCustomerInput(input) {
  const owner = optionalText(input.ownerUserId, "ownerUserId", 32);
  if (owner && !slackUserId.test(owner)) throw new JxcError("UNKNOWN_USER", { input: owner }, "ownerUserId");
  return {
    code: requireText(input.code, "code", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    contact: optionalText(input.contact, "contact"),
    phone: optionalText(input.phone, "phone"),
    email: optionalText(input.email, "email"),
    ownerUserId: owner,
    paymentTermsDays: optionalWholeNumber(input.paymentTermsDays, "paymentTermsDays", 3650) ?? void 0,
    creditLimit: optionalWholeNumber(input.creditLimit, "creditLimit", maxMoneyMinor),
  };
}
function upsertCustomer(tx, input, ctx) {
  const wanted = normaliseCustomerInput(input);
  return runAtomically(tx, () => upsertKeyedRow(tx, customerTable, { ...wanted }, ctx));
}

// src/domain/catalogue/suppliers.ts
import { eq as eq38, sql as sql14 } from "drizzle-orm";

var supplierTable = {
  table: "suppliers",
  entity: "supplier",
  keyField: "code",
  columns: {
    code: "code",
    name: "name",
    nameZh: "name_zh",
    contact: "contact",
    phone: "phone",
    email: "email",
    paymentTermsDays: "payment_terms_days",
    leadTimeDays: "lead_time_days",
  },
  defaults: { paymentTermsDays: 30 },
};
function normaliseSupplierInput(input) {
  return {
    code: requireText(input.code, "code", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    contact: optionalText(input.contact, "contact"),
    phone: optionalText(input.phone, "phone"),
    email: optionalText(input.email, "email"),
    paymentTermsDays: optionalWholeNumber(input.paymentTermsDays, "paymentTermsDays", 3650) ?? void 0,
    leadTimeDays: optionalWholeNumber(input.leadTimeDays, "leadTimeDays", 3650),
  };
}
function upsertSupplier(tx, input, ctx) {
  const wanted = normaliseSupplierInput(input);
  return runAtomically(tx, () => upsertKeyedRow(tx, supplierTable, { ...wanted }, ctx));
}
function findSupplierByCode(db2, code) {
  return db2.select().from(suppliers).where(sql14`${suppliers.code} = ${code.trim()} collate nocase`).get();
}
function archiveSupplier(db2, clock, input) {
  return db2.transaction((tx) => {
    const supplier = tx
      .select()
      .from(suppliers)
      .where(sql14`${suppliers.code} = ${input.code.trim()} collate nocase`)
      .get();
    if (!supplier) throw new JxcError("UNKNOWN_SUPPLIER", { query: input.code }, "supplier");
    if (supplier.archived) return { changed: false };
    const at2 = clock.now();
    tx.update(suppliers).set({ archived: true, updatedAt: at2 }).where(eq38(suppliers.id, supplier.id)).run();
    writeAudit(tx, {
      actor: input.userId,
      action: "supplier.archive",
      entity: "supplier",
      entityId: String(supplier.id),
      before: { archived: false },
      after: { archived: true },
      at: at2,
    });
    return { changed: true };
  });
}

// src/domain/import/validate-parties.ts
var maxDays2 = 3650;
var SupplierRowValidator = class {
  constructor(run) {
    this.run = run;
  }
  run;
  collector = new ValidationCollector();
  codes = /* @__PURE__ */ new Map();
  get result() {
    return this.collector.result;
  }
  add(source) {
    const cells = new RowReader(source);
    const supplier = cells.attempt(void 0, () =>
      normaliseSupplierInput({
        code: cells.raw("code"),
        name: cells.raw("name"),
        nameZh: cells.text("name_zh"),
        contact: cells.text("contact"),
        phone: cells.text("phone"),
        email: cells.text("email"),
        paymentTermsDays: cells.wholeNumber("payment_terms_days", maxDays2) ?? void 0,
        leadTimeDays: cells.wholeNumber("lead_time_days", maxDays2),
      }),
    );
    if (supplier) checkDuplicateCode(cells, supplier.code, this.codes);
    this.collector.add(cells.row, cells.errors, supplier);
    if (supplier && cells.errors.length === 0) this.run.suppliers.add(supplier.code.toLowerCase());
  }
};
var CustomerRowValidator = class {
  constructor(run) {
    this.run = run;
  }
  run;
  collector = new ValidationCollector();
  codes = /* @__PURE__ */ new Map();
  get result() {
    return this.collector.result;
  }
  add(source) {
    const cells = new RowReader(source);
    const customer = cells.attempt(void 0, () =>
      normaliseCustomerInput({
        code: cells.raw("code"),
        name: cells.raw("name"),
        nameZh: cells.text("name_zh"),
        contact: cells.text("contact"),
        phone: cells.text("phone"),
        email: cells.text("email"),
        ownerUserId: cells.text("owner"),
        paymentTermsDays: cells.wholeNumber("payment_terms_days", maxDays2) ?? void 0,
        creditLimit: cells.money("credit_limit", this.run.currencyDecimals),
      }),
    );
    if (customer) checkDuplicateCode(cells, customer.code, this.codes);
    this.collector.add(cells.row, cells.errors, customer);
  }
};
function checkDuplicateCode(cells, code, codes3) {
  const key = code.toLowerCase();
  const firstRow = codes3.get(key);
  if (firstRow === void 0) codes3.set(key, cells.row);
  else cells.fail("code", new JxcError("DUPLICATE", { what: "code", key: code, row: firstRow }));
}

// src/domain/import/validate-stock.ts
var StockRowValidator = class {
  constructor(run) {
    this.run = run;
  }
  run;
  collector = new ValidationCollector();
  seen = /* @__PURE__ */ new Map();
  get result() {
    return this.collector.result;
  }
  add(source) {
    const cells = new RowReader(source);
    const line3 = readStockLine(this.run, cells);
    if (line3) {
      const key = `${line3.sku}\0${line3.warehouse}\0${line3.bin}`.toLowerCase();
      const firstRow = this.seen.get(key);
      if (firstRow === void 0) this.seen.set(key, cells.row);
      else {
        const label = `${line3.sku} ${line3.warehouse}/${line3.bin}`;
        cells.fail("bin", new JxcError("DUPLICATE", { what: "stock line", key: label, row: firstRow }));
      }
    }
    this.collector.add(cells.row, cells.errors, line3);
  }
};
function readStockLine(run, cells) {
  const sku = cells.attempt("sku", () => requireText(cells.raw("sku"), "sku", maxCodeLength));
  const units = sku === void 0 ? void 0 : findUnits(run, sku);
  if (sku !== void 0 && !units) cells.fail("sku", new JxcError("UNKNOWN_ITEM", { query: sku }));
  const warehouse = cells.attempt("warehouse", () =>
    requireText(cells.raw("warehouse"), "warehouse", maxCodeLength),
  );
  const binText = cells.raw("bin");
  const bin =
    binText === "" ? defaultBinCode : cells.attempt("bin", () => requireText(binText, "bin", maxCodeLength));
  const qty = units ? cells.attempt("qty", () => parseQuantity(cells.raw("qty"), units).baseQty) : void 0;
  const unitCost = cells.attempt("unit_cost", () => parseMoney(cells.raw("unit_cost"), run.currencyDecimals));
  if (sku === void 0 || warehouse === void 0 || bin === void 0) return void 0;
  if (qty === void 0 || unitCost === void 0) return void 0;
  return { sku, warehouse, bin, qty, unitCost };
}
function findUnits(run, sku) {
  const pending = run.items.get(sku.toLowerCase());
  if (pending) return pending;
  const row = prepareCached(
    run.db,
    `select base_unit as baseUnit, purchase_unit as purchaseUnit, purchase_unit_factor as purchaseUnitFactor,
            sales_unit as salesUnit, sales_unit_factor as salesUnitFactor
       from items where sku = ? collate nocase and archived = 0`,
  ).get(sku);
  return row;
}

// src/domain/catalogue/bin-details.ts
import { eq as eq39 } from "drizzle-orm";

function describeBin(tx, warehouseId, locationId, details, ctx) {
  const warehouseChanged = nameWarehouse(tx, warehouseId, details, ctx);
  const bin = tx.select().from(locations).where(eq39(locations.id, locationId)).get();
  if (!bin) return warehouseChanged;
  const wanted = {
    zone: details.zone === void 0 ? bin.zone : details.zone,
    rank: details.rank === void 0 ? bin.rank : details.rank,
    capacity: details.capacity === void 0 ? bin.capacity : details.capacity,
  };
  if (wanted.zone === bin.zone && wanted.rank === bin.rank && wanted.capacity === bin.capacity)
    return warehouseChanged;
  tx.update(locations).set(wanted).where(eq39(locations.id, locationId)).run();
  const before = { zone: bin.zone, rank: bin.rank, capacity: bin.capacity };
  writeAudit(tx, {
    actor: ctx.userId,
    action: "location.update",
    entity: "location",
    entityId: String(locationId),
    before,
    after: wanted,
    at: ctx.at,
  });
  return true;
}
function nameWarehouse(tx, warehouseId, details, ctx) {
  const row = tx.select().from(warehouses).where(eq39(warehouses.id, warehouseId)).get();
  if (!row) return false;
  const name = details.warehouseName ?? row.name;
  const nameZh = details.warehouseNameZh === void 0 ? row.nameZh : details.warehouseNameZh;
  if (name === row.name && nameZh === row.nameZh) return false;
  tx.update(warehouses)
    .set({ name, nameZh, updatedAt: ctx.at })
    .where(eq39(warehouses.id, warehouseId))
    .run();
  const before = { name: row.name, nameZh: row.nameZh };
  writeAudit(tx, {
    actor: ctx.userId,
    action: "warehouse.update",
    entity: "warehouse",
    entityId: String(warehouseId),
    before,
    after: { name, nameZh },
    at: ctx.at,
  });
  return true;
}

// src/domain/import/write-rows.ts
var RowWriteError = class extends Error {
  constructor(row, cause) {
    super(`row ${row} failed while writing`, { cause });
    this.row = row;
  }
  row;
  name = "RowWriteError";
};
function count3(report, outcome) {
  if (outcome.created) report.created++;
  else if (outcome.changed) report.updated++;
  else report.unchanged++;
}
function writeRow(row, write, report) {
  try {
    count3(report, write());
  } catch (error) {
    throw new RowWriteError(row, error);
  }
}
function writeSuppliers(ctx, rows, report) {
  for (const { row, input } of rows) writeRow(row, () => upsertSupplier(ctx.db, input, ctx), report);
}
function writeCustomers(ctx, rows, report) {
  for (const { row, input } of rows) writeRow(row, () => upsertCustomer(ctx.db, input, ctx), report);
}
function writeItems(ctx, rows, report) {
  const reads = preloadItemReads(ctx.db);
  for (const { row, input } of rows) writeRow(row, () => upsertItem(ctx.db, input, ctx, reads), report);
}
function writeStockLines(ctx, rows, report) {
  const warehouses2 = /* @__PURE__ */ new Map();
  const bins = /* @__PURE__ */ new Map();
  for (const { row, input } of rows) {
    writeRow(
      row,
      () => {
        const locationId = resolveBin(ctx, input, report, warehouses2, bins);
        const itemId = prepareCached(ctx.db, "select id from items where sku = ? collate nocase")
          .pluck()
          .get(input.sku);
        if (typeof itemId !== "number") throw new JxcError("UNKNOWN_ITEM", { query: input.sku });
        const before = prepareCached(
          ctx.db,
          "select 1 from stock_moves where item_id = ? and location_id = ? and reason = 'opening' limit 1",
        ).get(itemId, locationId);
        const { changed } = setOpeningStock(ctx.db, ctx.clock, {
          itemId,
          locationId,
          qty: input.qty,
          unitCost: input.unitCost,
          userId: ctx.userId,
        });
        return { created: changed && before === void 0, changed };
      },
      report,
    );
  }
}
function writeBins(ctx, rows, report) {
  const warehouses2 = /* @__PURE__ */ new Map();
  const bins = /* @__PURE__ */ new Map();
  for (const { row, input } of rows) {
    writeRow(
      row,
      () => {
        const before = report.createdLocations.length;
        const locationId = resolveBin(ctx, input, report, warehouses2, bins);
        const warehouseId = warehouses2.get(input.warehouse.toLowerCase()) ?? 0;
        const changed = describeBin(ctx.db, warehouseId, locationId, input, ctx);
        const created = report.createdLocations.slice(before).includes(`${input.warehouse}/${input.bin}`);
        return { created, changed: created || changed };
      },
      report,
    );
  }
}
function resolveBin(ctx, input, report, warehouses2, bins) {
  const warehouseKey = input.warehouse.toLowerCase();
  let warehouseId = warehouses2.get(warehouseKey);
  if (warehouseId === void 0) {
    const warehouse = ensureWarehouse(ctx.db, input.warehouse, ctx);
    warehouseId = warehouse.id;
    warehouses2.set(warehouseKey, warehouseId);
    if (warehouse.created) {
      report.createdWarehouses.push(input.warehouse);
      report.createdLocations.push(`${input.warehouse}/${defaultBinCode}`);
    }
  }
  const binKey = `${warehouseId}\0${input.bin.toLowerCase()}`;
  let locationId = bins.get(binKey);
  if (locationId === void 0) {
    const location = ensureLocation(ctx.db, warehouseId, input.bin, ctx);
    locationId = location.id;
    bins.set(binKey, locationId);
    if (location.created) report.createdLocations.push(`${input.warehouse}/${input.bin}`);
  }
  return locationId;
}

// src/domain/import/import-csv.ts
var kindOrder = ["bins", "suppliers", "customers", "items", "stock"];
function importCsv(db2, clock, kind, bytes, options) {
  const [report] = importCsvFiles(db2, clock, [{ kind, bytes }], options);
  if (!report) throw new Error("importCsvFiles returned no report");
  return report;
}
function importCsvFiles(db2, clock, files, options) {
  const run = {
    db: db2,
    currencyDecimals: currencyDecimals(options.currency),
    items: /* @__PURE__ */ new Map(),
    suppliers: /* @__PURE__ */ new Set(),
  };
  const ordered = files
    .map((file, index9) => ({ ...file, index: index9 }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const prepared = ordered.map((file) => prepareFile(run, file.index, file.kind, file.bytes, options));
  const failed = prepared.some((file) => !file.report.ok);
  if (!failed) writeAll(db2, clock, prepared, options);
  if (failed || prepared.some((file) => !file.report.ok)) {
    for (const file of prepared) file.report.ok = false;
  }
  return prepared.sort((a, b) => a.index - b.index).map((file) => file.report);
}
function prepareFile(run, index9, kind, bytes, options) {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    const report2 = emptyReport("utf-8");
    report2.ok = false;
    report2.errors.push({ row: 0, code: "INVALID_INPUT", params: { what: "file", reason: decoded.reason } });
    return { index: index9, report: report2 };
  }
  const report = emptyReport(decoded.encoding);
  const plan = planFile(run, kind);
  const read2 = readCsvRows(decoded.text, columnSets[kind], (row) => plan.validator.add(row));
  if (read2.errors.length > 0) {
    report.ok = false;
    report.errors.push(...read2.errors);
    return { index: index9, report };
  }
  const validation = plan.validator.result;
  report.rows = validation.valid.length + validation.bad;
  report.errors.push(...validation.errors);
  if (validation.bad > 0) {
    if (options.skipBad) report.skipped = validation.bad;
    else report.ok = false;
  }
  return { index: index9, report, write: plan.write };
}
function planFile(run, kind) {
  switch (kind) {
    case "bins": {
      const validator = new BinRowValidator();
      return { validator, write: (ctx, report) => writeBins(ctx, validator.result.valid, report) };
    }
    case "items": {
      const validator = new ItemRowValidator(run);
      return { validator, write: (ctx, report) => writeItems(ctx, validator.result.valid, report) };
    }
    case "stock": {
      const validator = new StockRowValidator(run);
      return { validator, write: (ctx, report) => writeStockLines(ctx, validator.result.valid, report) };
    }
    case "suppliers": {
      const validator = new SupplierRowValidator(run);
      return { validator, write: (ctx, report) => writeSuppliers(ctx, validator.result.valid, report) };
    }
    case "customers": {
      const validator = new CustomerRowValidator(run);
      return { validator, write: (ctx, report) => writeCustomers(ctx, validator.result.valid, report) };
    }
  }
}
function writeAll(db2, clock, prepared, options) {
  const ctx = { db: db2, clock, userId: options.userId, at: clock.now() };
  let current;
  try {
    db2.$client
      .transaction(() => {
        for (const file of prepared) {
          current = file;
          file.write?.(ctx, file.report);
        }
      })
      .immediate();
  } catch (error) {
    if (!(error instanceof RowWriteError) || !current) throw error;
    for (const file of prepared) resetCounts(file.report);
    current.report.errors.push(toImportError(error.row, void 0, error.cause));
  }
}
function resetCounts(report) {
  report.ok = false;
  report.created = 0;
  report.updated = 0;
  report.unchanged = 0;
  report.createdWarehouses = [];
  report.createdLocations = [];
}

// commands/csv-import/views.ts
var importBlocks = { file: "import_file", options: "import_options" };
var importActions = { file: "file", options: "options" };
var maxErrorLines = 25;
function importModal(kind, locale) {
  const m = messages(locale).importCsv;
  return {
    type: "modal",
    callback_id: callbackIds.csvImport,
    private_metadata: JSON.stringify({ kind }),
    title: { type: "plain_text", text: m.title },
    submit: { type: "plain_text", text: m.submit },
    close: { type: "plain_text", text: m.close },
    blocks: [
      section(m.intro({ kind: m.kinds[kind], columns: columnSets[kind].required.join(",") })),
      {
        type: "input",
        block_id: importBlocks.file,
        label: { type: "plain_text", text: m.fileLabel },
        element: {
          type: "file_input",
          action_id: importActions.file,
          filetypes: ["csv", "txt"],
          max_files: 1,
        },
      },
      {
        type: "input",
        block_id: importBlocks.options,
        optional: true,
        label: { type: "plain_text", text: m.optionsLabel },
        element: {
          type: "checkboxes",
          action_id: importActions.options,
          options: [{ text: { type: "plain_text", text: m.skipBad }, value: "skip_bad" }],
        },
      },
    ],
  };
}
function noticeModal(text14, locale) {
  const m = messages(locale).importCsv;
  return {
    type: "modal",
    callback_id: `${callbackIds.csvImport}_notice`,
    title: { type: "plain_text", text: m.title },
    close: { type: "plain_text", text: m.done },
    blocks: [section(text14)],
  };
}
function reportText(kind, fileName, report, locale) {
  const m = messages(locale).importCsv;
  const lines2 = [
    report.ok
      ? m.imported({ kind: m.kinds[kind], name: fileName })
      : m.failed({ kind: m.kinds[kind], name: fileName }),
    m.summary(report),
  ];
  if (report.createdWarehouses.length > 0 || report.createdLocations.length > 0) {
    lines2.push(
      m.createdPlaces({
        warehouses: report.createdWarehouses.join(", "),
        bins: report.createdLocations.join(", "),
      }),
    );
  }
  const errors = report.errors.slice(0, maxErrorLines).map((e) =>
    m.rowError({
      row: e.row,
      column: e.column ?? "",
      message: describeError(locale, new JxcError(e.code, e.params)),
    }),
  );
  if (report.errors.length > maxErrorLines)
    errors.push(m.moreErrors({ count: report.errors.length - maxErrorLines }));
  return [...lines2, ...errors].join("\n");
}
function reportBlocks(text14) {
  return [section(text14)];
}

// commands/csv-import/submit.ts
var maxBytes = 20 * 1024 * 1024;
var metadataSchema = z6.object({ kind: z6.enum(importKinds) });
function registerCsvImportSubmission(router, deps) {
  router.view(callbackIds.csvImport, async ({ ack, body, view, context: context2, client }) => {
    const locale = localeOf(context2);
    const m = messages(locale).importCsv;
    const userId = body.user.id;
    const request = {
      locale,
      userId,
      requestId: typeof context2.requestId === "string" ? context2.requestId : "",
    };
    const fieldError = (text15) =>
      ack({ response_action: "errors", errors: { [importBlocks.file]: text15 } });
    try {
      requirePermission(deps.db, userId, "catalogue.import");
    } catch (error) {
      return fieldError(errorText(error, request, deps.logger, callbackIds.csvImport));
    }
    const metadata3 = metadataSchema.safeParse(parseJson(view.private_metadata));
    const file = view.state.values[importBlocks.file]?.[importActions.file]?.files?.[0];
    if (!metadata3.success || !file) return fieldError(m.noFile);
    const skipBad = (
      view.state.values[importBlocks.options]?.[importActions.options]?.selected_options ?? []
    ).some((option) => option.value === "skip_bad");
    await ack({ response_action: "update", view: noticeModal(m.working({ name: file.name }), locale) });
    let text14;
    try {
      const bytes = await download(file.url_private_download, String(context2.botToken ?? ""));
      if (bytes.length > maxBytes) throw new JxcError("INVALID_INPUT", { problem: "too_long" });
      const { kind } = metadata3.data;
      const report = importCsv(deps.db, deps.clock, kind, bytes, {
        userId,
        skipBad,
        currency: deps.company.currency,
      });
      if (report.created + report.updated > 0) deps.itemIndex.markChanged();
      text14 = reportText(kind, file.name, report, locale);
    } catch (error) {
      text14 = errorText(error, request, deps.logger, callbackIds.csvImport);
    }
    await client.views.update({ view_id: view.id, view: noticeModal(text14, locale) });
    await client.chat.postMessage({ channel: userId, text: text14, blocks: reportBlocks(text14) });
  });
}
async function download(url, botToken) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${botToken}` } });
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

// commands/home/index.ts
function registerAppHome(router, deps) {
  router.event("app_home_opened", async ({ event, client, context: context2 }) => {
    if (event.tab !== "home") return;
    const { blocks } = renderHome(deps, event.user, localeOf(context2));
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks } });
  });
  router.action(
    actionIds.homeRefresh,
    buttonAction(deps.logger, async (click) => {
      await click.publishHome(renderHome(deps, click.userId, click.locale).blocks);
    }),
  );
}

// src/text/closest-match.ts
function closestMatch(input, candidates) {
  const needle = input.toLowerCase();
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return void 0;
  const allowed = Math.max(1, Math.floor(Math.max(needle.length, best.candidate.length) / 3));
  return best.distance <= allowed ? best.candidate : void 0;
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  const at2 = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at2(i - 1, j) + 1, at2(i, j - 1) + 1, at2(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at2(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return at2(a.length, b.length);
}

// commands/policy/show.ts
function button2(actionId, text14) {
  return {
    type: "actions",
    elements: [
      { type: "button", action_id: actionId, text: { type: "plain_text", text: text14 }, value: "edit" },
    ],
  };
}
function renderPolicies(deps, locale) {
  const m = messages(locale).policy;
  const blocks = [header(m.title)];
  for (const docType of approvalDocTypes) {
    const lines2 = readPolicy(deps.db, docType).map((tier, index9) =>
      m.tierLine({
        tier: index9 + 1,
        from: formatMoney(tier.minAmount, deps.company.currency, locale),
        role: messages(locale).roleNames[tier.role],
      }),
    );
    blocks.push(
      section(`*${m.docTypes[docType]}*
${lines2.join("\n")}`),
      button2(`${actionIds.policyEditPrefix}${docType}`, m.edit),
    );
  }
  const timers = readTimers(deps.db);
  blocks.push(
    context([m.timers({ remind: timers.remindAfterHours, escalate: timers.escalateAfterHours })]),
    button2(actionIds.policyTimers, m.editTimers),
  );
  return { text: m.title, blocks };
}

// commands/jxc/budget.ts
function purchasingBudget(deps, request, argument) {
  const m = messages(request.locale).budget;
  const money2 = (minor) => formatMoney(minor, deps.company.currency, request.locale);
  if (argument) {
    const amount = parseMoney(argument, currencyDecimals(deps.company.currency));
    setPurchasingBudget(deps.db, deps.clock, { amount, actor: request.userId });
    return { text: m.set({ budget: money2(amount) }) };
  }
  const spent = money2(purchasingSpendThisMonth(deps.db, todayIn(deps.company.timeZone, deps.clock.now())));
  const budget = readPurchasingBudget(deps.db);
  return {
    text: `${budget === null ? m.notSet({ spent }) : m.show({ budget: money2(budget), spent })}
${m.usage}`,
  };
}

// src/slack/mentions.ts
function parseUserMention(input) {
  const escaped = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(input);
  if (escaped) return escaped[1];
  return /^[UW][A-Z0-9]{2,}$/.test(input) ? input : void 0;
}
function parseChannelMention(input) {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(input)?.[1];
}
function isUserId(id) {
  return /^[UW][A-Z0-9]+$/.test(id);
}

// commands/jxc/channel.ts
function showDepartmentChannels(deps, request) {
  const m = messages(request.locale);
  const lines2 = listDepartmentChannels(deps.db).map(({ department, channelId }) =>
    m.channels.line({
      department: m.departmentNames[department],
      code: department,
      channel: channelId ? `<#${channelId}>` : m.channels.notSet,
    }),
  );
  return {
    text: [m.channels.title, ...lines2].join("\n"),
    blocks: [header(m.channels.title), section(lines2.join("\n")), section(m.channels.usage)],
  };
}
async function setChannel(deps, request, argument) {
  const m = messages(request.locale);
  const [departmentWord = "", channelWord = ""] = argument.split(/\s+/).filter(Boolean);
  const department = parseDepartment(departmentWord);
  const channelId = parseChannelMention(channelWord);
  if (!channelId) throw new JxcError("CHANNEL_MENTION_NEEDED", channelWord ? { input: channelWord } : {});
  const { changed } = setDepartmentChannel(deps.db, deps.clock, {
    actor: request.userId,
    department,
    channelId,
  });
  const names = { department: m.departmentNames[department], channel: channelId };
  const lines2 = [changed ? m.channels.set(names) : m.channels.unchanged(names)];
  const membership = await request.botMembership(channelId);
  if (membership === "not_member") lines2.push(m.channels.invite(names));
  if (membership === "unknown") lines2.push(m.channels.uncheckable(names));
  return { text: lines2.join("\n") };
}
function parseDepartment(input) {
  const wanted = input
    .trim()
    .toLowerCase()
    .replace(/部门?$/, "");
  if (isDepartment(wanted)) return wanted;
  for (const locale of locales) {
    const names = messages(locale).departmentNames;
    const found = departments.find((d) => names[d].toLowerCase() === wanted);
    if (found) return found;
  }
  throw new JxcError("UNKNOWN_DEPARTMENT", { input: input || "\u2014" });
}

// commands/jxc/check.ts
var maxLines = 20;
function checkStock(deps, request) {
  const m = messages(request.locale).check;
  const { balanceDifferences, valuationDifferences } = checkBalances(deps.db);
  const lines2 = [
    ...balanceDifferences.map((d) => m.balanceLine(d)),
    ...valuationDifferences.map((d) => m.valuationLine(d)),
  ];
  if (lines2.length === 0) return { text: m.allAgree };
  const shown = lines2.slice(0, maxLines);
  if (lines2.length > maxLines) shown.push(m.more({ count: lines2.length - maxLines }));
  return {
    text: `${m.differences({ count: lines2.length })}
${shown.join("\n")}`,
  };
}

// commands/jxc/delegate.ts
function delegate(deps, request, argument) {
  const m = messages(request.locale).delegate;
  const [first = "", ...rest] = argument.split(/\s+/).filter(Boolean);
  const now = deps.clock.now();
  const today = todayIn(deps.company.timeZone, now);
  const day3 = (d) => formatDay(d, request.locale);
  if (first === "") {
    const rows = delegationsInvolving(deps.db, request.userId, today);
    if (rows.length === 0)
      return {
        text: `${m.none}
${m.usage}`,
      };
    const lines2 = rows.map((d) =>
      (d.approver === request.userId ? m.givenLine : m.receivedLine)({
        id: d.id,
        approver: d.approver,
        delegate: d.delegate,
        from: day3(d.fromDay),
        to: day3(d.toDay),
      }),
    );
    return {
      text: `${lines2.join("\n")}
${m.usage}`,
    };
  }
  if (first === "end" || first === "\u7ED3\u675F") {
    const id = Number(rest[0]);
    if (!Number.isSafeInteger(id)) return { text: m.usage };
    revokeDelegation(deps.db, deps.clock, {
      id,
      actor: request.userId,
      isAdmin: rolesOf(deps.db, request.userId).has("admin"),
    });
    return { text: m.ended({ id }) };
  }
  const delegateId = parseUserMention(first);
  if (!delegateId) throw new JxcError("UNKNOWN_USER", { input: first });
  if (rest.length === 0) return { text: m.usage };
  const range = parseDayRange(rest.join(" "), {
    now,
    timeZone: deps.company.timeZone,
    locale: request.locale,
    field: "days",
  });
  const row = delegateApprovals(deps.db, deps.clock, {
    approver: request.userId,
    delegate: delegateId,
    fromDay: range.from,
    toDay: range.to,
    today,
  });
  return { text: m.done({ id: row.id, delegate: delegateId, from: day3(row.fromDay), to: day3(row.toDay) }) };
}

// commands/jxc/import.ts
async function openImport(_deps, request, argument) {
  const kind = importKinds.find((k) => k === argument.trim().toLowerCase());
  if (!kind) return { text: messages(request.locale).importCsv.usage };
  await request.openModal(importModal(kind, request.locale));
  return void 0;
}

// src/domain/user-settings.ts
import { eq as eq40 } from "drizzle-orm";

function getUserLanguage(db2, userId) {
  const row = db2.select().from(userSettings).where(eq40(userSettings.slackUserId, userId)).get();
  return {
    override: row?.language ?? void 0,
    platformLocale: row?.platformLocale ?? void 0,
    platformLocaleFetchedAt: row?.platformLocaleFetchedAt ?? void 0,
  };
}
function setLanguage(db2, clock, userId, language) {
  db2.transaction((tx) => {
    const before = tx.select().from(userSettings).where(eq40(userSettings.slackUserId, userId)).get();
    const at2 = clock.now();
    tx.insert(userSettings)
      .values({ slackUserId: userId, language, updatedAt: at2 })
      .onConflictDoUpdate({ target: userSettings.slackUserId, set: { language, updatedAt: at2 } })
      .run();
    writeAudit(tx, {
      actor: userId,
      action: "user.language.set",
      entity: "user",
      entityId: userId,
      before: { language: before?.language ?? null },
      after: { language },
      at: at2,
    });
  });
}
function rememberPlatformLocale(db2, clock, userId, locale) {
  const at2 = clock.now();
  db2
    .insert(userSettings)
    .values({ slackUserId: userId, platformLocale: locale, platformLocaleFetchedAt: at2, updatedAt: at2 })
    .onConflictDoUpdate({
      target: userSettings.slackUserId,
      set: { platformLocale: locale, platformLocaleFetchedAt: at2, updatedAt: at2 },
    })
    .run();
}

// commands/jxc/lang.ts
function changeLanguage(deps, request, argument) {
  if (!argument) return { text: messages(request.locale).lang.usage };
  const locale = toLocale(argument);
  if (!locale) throw new JxcError("UNSUPPORTED_LANGUAGE", { input: argument });
  setLanguage(deps.db, deps.clock, request.userId, locale);
  deps.locales.forget(request.userId);
  return { text: messages(locale).lang.changed };
}

// src/domain/outbox.ts
import {
  and as and24,
  count as count4,
  desc as desc6,
  eq as eq41,
  inArray as inArray7,
  isNull as isNull5,
  min,
} from "drizzle-orm";

function threadKeyOf(doc) {
  return `${doc.docType}:${doc.docId}`;
}
function summarizeOutbox(db2, failureLimit = 10) {
  const counts = Object.fromEntries(deliveryStatuses.map((status) => [status, 0]));
  const byStatus = db2
    .select({ status: deliveries.status, n: count4() })
    .from(deliveries)
    .groupBy(deliveries.status)
    .all();
  for (const { status, n: n3 } of byStatus) counts[status] = n3;
  const unplanned = db2
    .select({ n: count4(), oldestAt: min(outboxEvents.createdAt) })
    .from(outboxEvents)
    .where(isNull5(outboxEvents.dispatchedAt))
    .get();
  const oldestOpen = db2
    .select({ at: min(deliveries.createdAt) })
    .from(deliveries)
    .where(inArray7(deliveries.status, ["pending", "sending"]))
    .get();
  const failures = db2
    .select()
    .from(deliveries)
    .where(eq41(deliveries.status, "failed"))
    .orderBy(desc6(deliveries.id))
    .limit(failureLimit)
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      target: row.target,
      template: row.template,
      error: row.lastError ?? "",
      attempts: row.attempts,
      createdAt: row.createdAt,
    }));
  return {
    counts,
    unplanned: { count: unplanned?.n ?? 0, oldestAt: unplanned?.oldestAt ?? void 0 },
    oldestOpenAt: oldestOpen?.at ?? void 0,
    failures,
  };
}
function retryDelivery(db2, clock, actor, deliveryId) {
  db2.transaction((tx) => {
    const row = tx.select().from(deliveries).where(eq41(deliveries.id, deliveryId)).get();
    if (row?.status !== "failed") throw new JxcError("STALE_ACTION");
    const now = clock.now();
    const again = { status: "pending", attempts: 0, lastError: null, nextAttemptAt: now };
    tx.update(deliveries).set(again).where(eq41(deliveries.id, deliveryId)).run();
    const thread = tx
      .select()
      .from(documentThreads)
      .where(eq41(documentThreads.deliveryId, deliveryId))
      .get();
    if (thread) {
      tx.update(deliveries)
        .set(again)
        .where(
          and24(
            eq41(deliveries.threadKey, threadKeyOf(thread)),
            eq41(deliveries.status, "failed"),
            eq41(deliveries.lastError, "parent_failed"),
          ),
        )
        .run();
    }
    writeAudit(tx, {
      actor,
      action: "delivery.retry",
      entity: "delivery",
      entityId: String(deliveryId),
      before: { status: row.status, lastError: row.lastError, attempts: row.attempts },
      after: { status: "pending" },
      at: now,
    });
  });
}

// commands/jxc/outbox.ts
function showOutbox(deps, request) {
  return renderOutbox(deps, request.locale);
}
function registerOutboxRetry(router, deps) {
  router.action(
    actionPatterns.outboxRetry,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "outbox.manage");
      const id = Number(click.value);
      if (!Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      retryDelivery(deps.db, deps.clock, click.userId, id);
      deps.notifier.kick();
      const lead = messages(click.locale).outbox.retried({ id });
      await click.respond({ ...toEphemeral(renderOutbox(deps, click.locale, lead)), replace_original: true });
    }),
  );
}
function renderOutbox(deps, locale, lead) {
  const m = messages(locale).outbox;
  const summary = summarizeOutbox(deps.db);
  const now = deps.clock.now();
  const counts = deliveryStatuses
    .map((status) => `${m.statuses[status]} *${summary.counts[status]}*`)
    .join(" \xB7 ");
  const waiting = [counts, ...waitingLines(summary, now, locale)];
  const blocks = [
    ...(lead ? [section(lead)] : []),
    header(m.title),
    section(waiting.join("\n")),
    section(`*${summary.failures.length > 0 ? m.failures : m.noFailures}*`),
    ...summary.failures.map((failure) => failureBlock(failure, locale, deps.clock)),
  ];
  const lines2 = summary.failures.map((failure) => failureLine(failure, locale, deps.clock));
  return { text: [lead, m.title, ...waiting, ...lines2].filter(Boolean).join("\n"), blocks };
}
function waitingLines(summary, now, locale) {
  const m = messages(locale).outbox;
  const { oldestOpenAt, unplanned } = summary;
  const lines2 = [];
  if (oldestOpenAt !== void 0) lines2.push(m.oldestWaiting({ age: age(now - oldestOpenAt, locale) }));
  if (unplanned.oldestAt !== void 0) {
    lines2.push(m.unplanned({ count: unplanned.count, age: age(now - unplanned.oldestAt, locale) }));
  }
  return lines2.length > 0 ? lines2 : [m.nothingWaiting];
}
function failureBlock(failure, locale, clock) {
  return {
    type: "section",
    text: { type: "mrkdwn", text: clip(failureLine(failure, locale, clock), limits.sectionText) },
    accessory: {
      type: "button",
      action_id: `${actionIds.outboxRetryPrefix}${failure.id}`,
      text: { type: "plain_text", text: messages(locale).outbox.retry },
      value: String(failure.id),
    },
  };
}
function failureLine(failure, locale, clock) {
  const m = messages(locale).outbox;
  const target =
    failure.kind === "home"
      ? m.homeOf({ user: failure.target })
      : isUserId(failure.target)
        ? `<@${failure.target}>`
        : `<#${failure.target}>`;
  return m.failure({
    id: failure.id,
    kind: m.kinds[failure.kind],
    target,
    template: escapeMrkdwn(failure.template),
    error: escapeMrkdwn(failure.error),
    attempts: failure.attempts,
    age: age(clock.now() - failure.createdAt, locale),
  });
}
function age(ms, locale) {
  const m = messages(locale).outbox.age;
  const seconds = Math.max(0, Math.floor(ms / 1e3));
  if (seconds < 60) return m.seconds({ n: seconds });
  if (seconds < 3600) return m.minutes({ n: Math.floor(seconds / 60) });
  if (seconds < 86400) return m.hours({ n: Math.floor(seconds / 3600) });
  return m.days({ n: Math.floor(seconds / 86400) });
}

// commands/jxc/roles.ts
function showRoles(deps, request) {
  const m = messages(request.locale);
  const byRole = /* @__PURE__ */ new Map();
  for (const { userId, role } of listRoleAssignments(deps.db)) {
    byRole.set(role, [...(byRole.get(role) ?? []), `<@${userId}>`]);
  }
  const lines2 = roles.map(
    (role) => `*${m.roleNames[role]}* \`${role}\` \u2014 ${byRole.get(role)?.join(", ") ?? m.roles.nobody}`,
  );
  return {
    text: [m.roles.title, ...lines2].join("\n"),
    blocks: [header(m.roles.title), section(lines2.join("\n"))],
  };
}
function changeRole(deps, request, argument) {
  const m = messages(request.locale);
  const [who = "", verb = "", ...roleWords] = argument.split(/\s+/).filter(Boolean);
  const userId = parseUserMention(who);
  if (!userId) throw new JxcError("UNKNOWN_USER", { input: who || "\u2014" });
  const role = parseRole(roleWords.join(" "));
  const change = { actor: request.userId, userId, role };
  if (verb === "add") {
    const { changed } = grantRole(deps.db, deps.clock, change);
    return {
      text: changed
        ? m.roles.granted({ user: userId, role: m.roleNames[role] })
        : m.roles.alreadyHas({ user: userId, role: m.roleNames[role] }),
    };
  }
  if (verb === "remove") {
    const { changed } = revokeRole(deps.db, deps.clock, change);
    return {
      text: changed
        ? m.roles.revoked({ user: userId, role: m.roleNames[role] })
        : m.roles.didNotHave({ user: userId, role: m.roleNames[role] }),
    };
  }
  return { text: m.roles.usage };
}
function parseRole(input) {
  const wanted = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (isRole(wanted)) return wanted;
  for (const locale of ["en", "zh-CN"]) {
    const names = messages(locale).roleNames;
    const found = roles.find((role) => names[role].toLowerCase().replace(/\s+/g, "_") === wanted);
    if (found) return found;
  }
  throw new JxcError("UNKNOWN_ROLE", { input: input || "\u2014", known: roles.join(", ") });
}

// src/domain/routing/routes.ts
import { eq as eq42, inArray as inArray8 } from "drizzle-orm";

// src/domain/routing/targets.ts
var routeTargets = [
  "owner",
  ...roles.map((role) => `role:${role}`),
  ...departments.map((department) => `channel:${department}`),
];
function toRouteTarget(value) {
  if (value === "owner") return value;
  const [kind, name = ""] = value.split(":", 2);
  if (kind === "role" && isRole(name)) return `role:${name}`;
  if (kind === "channel" && isDepartment(name)) return `channel:${name}`;
  return void 0;
}
var defaultRoutes = {
  "approval.requested": [],
  "approval.step_opened": [],
  "approval.step_approved": ["owner"],
  "approval.approved": ["owner"],
  "approval.rejected": ["owner"],
  "approval.cancelled": [],
  "approval.reminder": [],
  "approval.escalated": ["owner"],
  "adjustment.posted": ["channel:warehouse"],
  // PO events are told in the PO's thread in the purchasing channel; the author hears the rest.
  "po.created": [],
  "po.sent": ["owner"],
  "po.held": ["owner"],
  "po.resumed": ["owner"],
  "po.cancelled": ["owner"],
  "po.closed": ["owner"],
  "po.received": ["owner"],
  // Late deliveries: the author by DM (and the PO's thread); the manager is added after a delay.
  "po.late": ["owner"],
  // The weekly plan is shared work: the purchasing channel.
  "purchase_plan.ready": ["channel:purchasing"],
  // Counts tell their story in their thread in the warehouse channel; the one who started it hears the end.
  "stocktake.started": [],
  "stocktake.counted": [],
  "stocktake.finished": ["owner"],
  "stocktake.posted": ["owner"],
  "stocktake.cancelled": ["owner"],
  // Receiving: told in the PO's thread; the PO's author hears what was refused or decided.
  "receipt.awaiting_approval": [],
  "receipt.refused": ["owner"],
  "receipt.decided": ["owner"],
};

// src/domain/routing/routes.ts
var nobody = "none";
function routeFor(db2, eventType) {
  const rows = db2
    .select({ target: routingRules.target })
    .from(routingRules)
    .where(eq42(routingRules.eventType, eventType))
    .all();
  if (rows.length === 0) return { eventType, targets: orderTargets(defaultRoutes[eventType]), custom: false };
  const stored = new Set(rows.map((row) => row.target));
  const targets = orderTargets([...stored].flatMap((t) => toRouteTarget(t) ?? []));
  return { eventType, targets, custom: true };
}
function recipientsFor(db2, eventType, context2 = {}) {
  const { targets } = routeFor(db2, eventType);
  const users = [];
  const add = (userId) => {
    if (!users.includes(userId)) users.push(userId);
  };
  if (targets.includes("owner") && context2.ownerUserId) add(context2.ownerUserId);
  const wantedRoles = targets.flatMap((t) => (t.startsWith("role:") ? [t.slice(5)] : []));
  if (wantedRoles.length > 0) {
    const holders = db2
      .select({ userId: roleAssignments.userId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(inArray8(roleAssignments.role, wantedRoles))
      .orderBy(roleAssignments.userId)
      .all();
    for (const role of wantedRoles) {
      for (const holder of holders) if (holder.role === role) add(holder.userId);
    }
  }
  const channels = targets.flatMap((t) => {
    if (!t.startsWith("channel:")) return [];
    const department = t.slice(8);
    return [{ department, channelId: getDepartmentChannel(db2, department) }];
  });
  return { users, channels };
}
function addRouteTarget(db2, clock, change) {
  return editRoute(db2, clock, change, "route.add", (targets) =>
    targets.includes(change.target) ? targets : [...targets, change.target],
  );
}
function removeRouteTarget(db2, clock, change) {
  return editRoute(db2, clock, change, "route.remove", (targets) =>
    targets.filter((t) => t !== change.target),
  );
}
function resetRoute(db2, clock, change) {
  requirePermission(db2, change.actor, "routing.manage");
  return db2.transaction((tx) => {
    const before = routeFor(tx, change.eventType);
    if (!before.custom) return { changed: false, route: before };
    tx.delete(routingRules).where(eq42(routingRules.eventType, change.eventType)).run();
    const route = routeFor(tx, change.eventType);
    writeAudit(tx, {
      actor: change.actor,
      action: "route.reset",
      entity: "event_type",
      entityId: change.eventType,
      before: { targets: before.targets },
      after: { targets: route.targets },
      at: clock.now(),
    });
    return { changed: true, route };
  });
}
function editRoute(db2, clock, change, action, edit) {
  requirePermission(db2, change.actor, "routing.manage");
  return db2.transaction((tx) => {
    const before = routeFor(tx, change.eventType);
    const targets = orderTargets(edit(before.targets));
    if (sameTargets(targets, before.targets)) return { changed: false, route: before };
    const at2 = clock.now();
    tx.delete(routingRules).where(eq42(routingRules.eventType, change.eventType)).run();
    const stored = targets.length > 0 ? targets : [nobody];
    tx.insert(routingRules)
      .values(
        stored.map((target) => ({
          eventType: change.eventType,
          target,
          updatedBy: change.actor,
          updatedAt: at2,
        })),
      )
      .run();
    const route = { eventType: change.eventType, targets, custom: true };
    writeAudit(tx, {
      actor: change.actor,
      action,
      entity: "event_type",
      entityId: change.eventType,
      before: { targets: before.targets },
      after: { targets },
      at: at2,
    });
    return { changed: true, route };
  });
}
var canonicalIndex = new Map(routeTargets.map((target, index9) => [target, index9]));
var canonical = (target) => canonicalIndex.get(target) ?? Number.MAX_SAFE_INTEGER;
function orderTargets(targets) {
  return [...new Set(targets)].sort((a, b) => canonical(a) - canonical(b));
}
function sameTargets(a, b) {
  return a.length === b.length && a.every((target, index9) => target === b[index9]);
}

// commands/jxc/route.ts
function showRoutes(deps, request, argument) {
  const m = messages(request.locale);
  const [typeWord] = argument.split(/\s+/).filter(Boolean);
  if (typeWord) {
    const text14 = describeRoute(deps, request.locale, routeFor(deps.db, parseEventType(typeWord)));
    return {
      text: `${text14}
${m.routes.usage}`,
    };
  }
  const lines2 = eventTypes.map((type) => describeRoute(deps, request.locale, routeFor(deps.db, type)));
  return {
    text: [m.routes.title, ...lines2].join("\n"),
    // A section per event type keeps each under Block Kit's 3000 characters as types are added.
    blocks: [header(m.routes.title), ...lines2.map((line3) => section(line3)), section(m.routes.usage)],
  };
}
function editRoute2(deps, request, argument) {
  const m = messages(request.locale);
  const [typeWord = "", verb = "", ...targetWords] = argument.split(/\s+/).filter(Boolean);
  const eventType = parseEventType(typeWord);
  const base = { actor: request.userId, eventType };
  const needsTarget = ["add", "remove"].includes(verb.toLowerCase());
  if (needsTarget && targetWords.length === 0) return { text: m.routes.usage };
  const show = (route) => describeRoute(deps, request.locale, route);
  switch (verb.toLowerCase()) {
    case "add": {
      const target = parseTarget(targetWords.join(" "));
      const { changed, route } = addRouteTarget(deps.db, deps.clock, { ...base, target });
      const said = changed ? m.routes.added : m.routes.alreadyThere;
      return {
        text: `${said({ target, eventType })}
${show(route)}`,
      };
    }
    case "remove": {
      const target = parseTarget(targetWords.join(" "));
      const { changed, route } = removeRouteTarget(deps.db, deps.clock, { ...base, target });
      const said = changed ? m.routes.removed : m.routes.notThere;
      return {
        text: `${said({ target, eventType })}
${show(route)}`,
      };
    }
    case "reset": {
      const { changed, route } = resetRoute(deps.db, deps.clock, base);
      const said = changed ? m.routes.reset : m.routes.alreadyDefault;
      return {
        text: `${said({ eventType })}
${show(route)}`,
      };
    }
    default:
      return { text: m.routes.usage };
  }
}
function describeRoute(deps, locale, route) {
  const m = messages(locale);
  const state = route.custom ? m.routes.custom : m.routes.default;
  const lines2 = route.targets.map(
    (target) => `\u2022 ${describeTarget(deps, locale, target)} \`${target}\``,
  );
  const heading = m.routes.heading({
    eventType: route.eventType,
    about: m.eventNames[route.eventType],
    state,
  });
  return [heading, ...(lines2.length > 0 ? lines2 : [`\u2022 ${m.routes.nobody}`])].join("\n");
}
function describeTarget(deps, locale, target) {
  const m = messages(locale);
  if (target === "owner") return m.routes.owner;
  if (target.startsWith("role:")) return m.routes.role({ role: m.roleNames[parseRole(target.slice(5))] });
  const department = parseDepartment(target.slice(8));
  const channelId = getDepartmentChannel(deps.db, department);
  const name = m.departmentNames[department];
  return channelId
    ? m.routes.channel({ department: name, channel: channelId })
    : m.routes.channelNotSet({ department: name, code: department });
}
function parseEventType(input) {
  const wanted = input.trim().toLowerCase();
  const found = eventTypes.find((type) => type === wanted);
  if (!found) throw new JxcError("UNKNOWN_EVENT_TYPE", { input: input || "\u2014" });
  return found;
}
function parseTarget(input) {
  const typed = input.trim().replace("\uFF1A", ":");
  const [kind = "", ...rest] = typed.split(":");
  const name = rest.join(":").trim();
  const parsed = (() => {
    try {
      if (["owner", "requester", "\u7533\u8BF7\u4EBA"].includes(typed.toLowerCase())) return "owner";
      if (kind.toLowerCase() === "role") return `role:${parseRole(name)}`;
      if (kind.toLowerCase() === "channel") return `channel:${parseDepartment(name)}`;
    } catch (error) {
      if (!isJxcError(error)) throw error;
    }
    return void 0;
  })();
  const target = parsed && toRouteTarget(parsed);
  if (!target) throw new JxcError("UNKNOWN_ROUTE_TARGET", { input: input || "\u2014" });
  return target;
}

// commands/jxc/index.ts
var subcommands = {
  help: { run: (deps, request) => renderHelp(request.locale, rolesOf(deps.db, request.userId)) },
  lang: { run: changeLanguage },
  roles: { permission: "roles.view", run: showRoles },
  role: { permission: "roles.manage", run: changeRole },
  check: { permission: "stock.check", run: checkStock },
  import: { permission: "catalogue.import", run: openImport },
  delegate: { permission: "approvals.view", run: delegate },
  policy: { permission: "approvals.policy", run: (deps, request) => renderPolicies(deps, request.locale) },
  // Looking is open to every role; changing is for admins, so the permission depends on the words.
  channel: {
    permission: (argument) => (argument ? "channels.manage" : "channels.view"),
    run: (deps, request, argument) =>
      argument ? setChannel(deps, request, argument) : showDepartmentChannels(deps, request),
  },
  route: {
    permission: (argument) => (wordCount(argument) > 1 ? "routing.manage" : "routing.view"),
    run: (deps, request, argument) =>
      wordCount(argument) > 1 ? editRoute2(deps, request, argument) : showRoutes(deps, request, argument),
  },
  outbox: { permission: "outbox.manage", run: showOutbox },
  // Spend against budget is for those who set it; purchasing sees it on every PO approval card.
  budget: { permission: "budget.manage", run: purchasingBudget },
};
function wordCount(text14) {
  return text14.split(/\s+/).filter(Boolean).length;
}
function registerJxcCommand(router, deps) {
  router.command(
    slashCommands.jxc,
    slashCommand(deps.logger, (request) => {
      const [name = "help", ...rest] = request.text.split(/\s+/).filter(Boolean);
      const subcommand = subcommands[name.toLowerCase()];
      if (!subcommand) return unknownSubcommand(deps, request, name);
      const argument = rest.join(" ");
      const { permission } = subcommand;
      if (permission) {
        const needed = typeof permission === "function" ? permission(argument) : permission;
        requirePermission(deps.db, request.userId, needed);
      }
      return subcommand.run(deps, request, argument);
    }),
  );
}
function unknownSubcommand(deps, request, name) {
  const suggestion = closestMatch(name, Object.keys(subcommands));
  const m = messages(request.locale).help;
  const lead = suggestion
    ? m.didYouMean({ input: name, suggestion: `/jxc ${suggestion}` })
    : m.unknown({ input: name });
  return renderHelp(request.locale, rolesOf(deps.db, request.userId), lead);
}

// commands/move/index.ts
var joiningWords = /* @__PURE__ */ new Set(["to", "->", "\u2192", "\u5230", "\u81F3"]);
function registerMoveCommand(router, deps) {
  router.command(
    slashCommands.move,
    slashCommand(deps.logger, ({ text: text14, userId, locale }) => {
      requirePermission(deps.db, userId, "stock.move");
      const m = messages(locale).move;
      const read2 = readItemAmount(deps.db, text14.split(/\s+/).filter(Boolean));
      const places = read2?.rest.filter((word) => !joiningWords.has(word.toLowerCase())) ?? [];
      const [fromText, toText] = places;
      if (!read2 || !fromText || !toText || places.length > 2) return { text: m.usage };
      const from = resolvePlace(deps.db, fromText);
      if (!from)
        return {
          text: `${m.badFrom({ input: fromText })}
${m.usage}`,
        };
      const to = resolvePlace(deps.db, toText, from.warehouseCode);
      if (!to) return { text: m.usage };
      const { baseQty, unit } = parseQuantity(read2.amount, read2.item);
      transferStock(deps.db, deps.clock, {
        itemId: read2.item.id,
        fromLocationId: from.locationId,
        toLocationId: to.locationId,
        qty: baseQty,
        userId,
      });
      const qty = read2.amount.includes(" ") ? read2.amount : `${baseQty} ${unit}`;
      return { text: m.moved({ qty, sku: escapeMrkdwn(read2.item.sku), from: from.place, to: to.place }) };
    }),
  );
}

// db/read-snapshot.ts
function readSnapshot(db2, read2) {
  const client = db2.$client;
  if (client.inTransaction) return read2();
  const { begin, commit, rollback } = statements(db2);
  begin.run();
  let result;
  try {
    result = read2();
  } catch (error) {
    if (client.inTransaction) rollback.run();
    throw error;
  }
  if (client.inTransaction) commit.run();
  return result;
}
var statements = preparedPerDb((db2) => ({
  begin: db2.$client.prepare("begin"),
  commit: db2.$client.prepare("commit"),
  rollback: db2.$client.prepare("rollback"),
}));

// commands/pickers/item-picker.ts
var maxOptions = 50;
function itemPickerElement(locale, actionId = actionIds.itemPicker) {
  return {
    type: "external_select",
    action_id: actionId,
    min_query_length: 1,
    placeholder: { type: "plain_text", text: messages(locale).pickers.item },
  };
}
function registerItemPicker(router, deps, actionId = actionIds.itemPicker) {
  router.suggestion(actionId, async ({ ack, body, context: context2 }) => {
    const locale = localeOf(context2);
    const found = readSnapshot(deps.db, () => {
      try {
        requirePermission(deps.db, body.user.id, "stock.view");
      } catch {
        return [];
      }
      return searchItemsForPicker(deps.db, deps.itemIndex, body.value, maxOptions);
    });
    await ack({ options: found.map((item) => toOption(item, locale)) });
  });
}
function toOption(item, locale) {
  const name = locale === "zh-CN" && item.nameZh ? item.nameZh : item.name;
  return {
    text: { type: "plain_text", text: clip(`${item.sku} \xB7 ${name}`, limits.optionText) },
    value: String(item.id),
  };
}

// commands/po/suppliers.ts
import { and as and25, eq as eq43, like, or as or2, sql as sql15 } from "drizzle-orm";

function searchSuppliers(db2, query, limit = 50) {
  const text14 = query.trim();
  if (!text14) return [];
  const pattern = `%${text14.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db2
    .select()
    .from(suppliers)
    .where(
      and25(
        eq43(suppliers.archived, false),
        or2(
          sql15`${suppliers.code} like ${pattern} escape '\\'`,
          sql15`${suppliers.name} like ${pattern} escape '\\'`,
          like(suppliers.nameZh, pattern),
        ),
      ),
    )
    .orderBy(suppliers.code)
    .limit(limit)
    .all();
}
function requireSupplier(db2, query, options = {}) {
  const exact = findSupplierByCode(db2, query);
  if (exact && (options.archived || !exact.archived)) return exact;
  const found = searchSuppliers(db2, query, 6);
  if (found.length === 1 && found[0]) return found[0];
  const suggestions = found
    .slice(0, 5)
    .map((s) => `\`${s.code}\``)
    .join(", ");
  throw new JxcError("UNKNOWN_SUPPLIER", { query, ...(suggestions ? { suggestions } : {}) }, "supplier");
}

// commands/pickers/supplier-picker.ts
var maxOptions2 = 50;
function supplierPickerElement(locale) {
  return {
    type: "external_select",
    action_id: actionIds.supplierPicker,
    min_query_length: 1,
    placeholder: { type: "plain_text", text: messages(locale).supplier.picker },
  };
}
function registerSupplierPicker(router, deps) {
  router.suggestion(actionIds.supplierPicker, async ({ ack, body, context: context2 }) => {
    const locale = localeOf(context2);
    try {
      requirePermission(deps.db, body.user.id, "supplier.view");
    } catch {
      await ack({ options: [] });
      return;
    }
    const found = searchSuppliers(deps.db, body.value, maxOptions2);
    await ack({ options: found.map((supplier) => toOption2(supplier, locale)) });
  });
}
function toOption2(supplier, locale) {
  const name = localName(locale, supplier.name, supplier.nameZh);
  return {
    text: { type: "plain_text", text: clip(`${supplier.code} \xB7 ${name}`, limits.optionText) },
    value: String(supplier.id),
  };
}

// commands/po/modal.ts
var modalLineRows = 8;
var itemPickerOfRow = (n3) => `${actionIds.itemPicker}_${n3}`;
var poBlocks = {
  supplier: "po_supplier",
  expected: "po_expected",
  delivery: "po_delivery",
  quality: "po_quality",
  payment: "po_payment",
  notes: "po_notes",
  item: (n3) => `po_line${n3}_item`,
  qty: (n3) => `po_line${n3}_qty`,
  price: (n3) => `po_line${n3}_price`,
};
function poFieldBlocks() {
  const map = {
    supplier: poBlocks.supplier,
    expected: poBlocks.expected,
    delivery: poBlocks.delivery,
    quality: poBlocks.quality,
    payment: poBlocks.payment,
    notes: poBlocks.notes,
    lines: poBlocks.item(1),
  };
  for (let n3 = 1; n3 <= modalLineRows; n3 += 1) {
    map[`line${n3}_item`] = poBlocks.item(n3);
    map[`line${n3}_qty`] = poBlocks.qty(n3);
    map[`line${n3}_price`] = poBlocks.price(n3);
  }
  return map;
}
function textInput(blockId, label, options = {}) {
  return {
    type: "input",
    block_id: blockId,
    optional: options.optional ?? true,
    label: { type: "plain_text", text: clip(label, 2e3) },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      multiline: options.multiline ?? false,
      max_length: options.max ?? 500,
      ...(options.hint ? { placeholder: { type: "plain_text", text: clip(options.hint, 150) } } : {}),
    },
  };
}
function purchaseOrderModal(locale) {
  const m = messages(locale).po.modal;
  const blocks = [
    section(m.intro),
    {
      type: "input",
      block_id: poBlocks.supplier,
      label: { type: "plain_text", text: m.supplier },
      element: supplierPickerElement(locale),
    },
  ];
  for (let n3 = 1; n3 <= modalLineRows; n3 += 1) {
    blocks.push(
      {
        type: "input",
        block_id: poBlocks.item(n3),
        optional: true,
        label: { type: "plain_text", text: m.item({ n: n3 }) },
        element: itemPickerElement(locale, itemPickerOfRow(n3)),
      },
      textInput(poBlocks.qty(n3), m.qty({ n: n3 }), { max: 40 }),
      textInput(poBlocks.price(n3), m.price({ n: n3 }), { hint: m.priceHint, max: 40 }),
    );
  }
  blocks.push(
    textInput(poBlocks.expected, m.expected, { optional: false, hint: m.expectedHint, max: 80 }),
    textInput(poBlocks.delivery, m.deliveryTerms, { hint: m.deliveryHint }),
    textInput(poBlocks.quality, m.qualityStandard, { hint: m.qualityHint }),
    textInput(poBlocks.payment, m.paymentTerms, { hint: m.paymentHint, max: 5 }),
    textInput(poBlocks.notes, m.notes, { multiline: true }),
  );
  return {
    type: "modal",
    callback_id: callbackIds.purchaseOrder,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks,
  };
}
function readPurchaseOrderForm(db2, submit, context2) {
  const m = messages(submit.locale).po.modal;
  const value = (block, action = block) => submit.value(block, action).trim();
  const supplierId = Number(value(poBlocks.supplier, actionIds.supplierPicker));
  if (!Number.isSafeInteger(supplierId) || supplierId <= 0) {
    throw new JxcError("UNKNOWN_SUPPLIER", { query: "" }, "supplier");
  }
  const decimals = currencyDecimals(context2.company.currency);
  const lines2 = [];
  const rows = [];
  const errors = {};
  for (let n3 = 1; n3 <= modalLineRows; n3 += 1) {
    const itemValue = value(poBlocks.item(n3), itemPickerOfRow(n3));
    const qtyText = value(poBlocks.qty(n3));
    const priceText = value(poBlocks.price(n3));
    if (!itemValue && !qtyText && !priceText) continue;
    if (!itemValue || !qtyText) {
      errors[itemValue ? poBlocks.qty(n3) : poBlocks.item(n3)] = m.lineIncomplete;
      continue;
    }
    const item = getItem(db2, Number(itemValue));
    if (!item) throw new JxcError("UNKNOWN_ITEM", { query: itemValue }, `line${n3}_item`);
    const qty = withField(() => parseQuantity(qtyText, item).baseQty, `line${n3}_qty`);
    let unitPrice;
    if (priceText) {
      unitPrice = withField(() => parseMoney(priceText, decimals), `line${n3}_price`);
    } else {
      const last = lastPurchasePrice(db2, item.id, supplierId);
      if (!last) {
        errors[poBlocks.price(n3)] = m.noPrice;
        continue;
      }
      unitPrice = last.unitPrice;
    }
    lines2.push({ itemId: item.id, qty, unitPrice });
    rows.push(n3);
  }
  if (Object.keys(errors).length > 0) throw new FormErrors(errors);
  if (lines2.length === 0) throw new FormErrors({ [poBlocks.item(1)]: m.empty });
  const { day: day3 } = parseDay(value(poBlocks.expected), {
    now: context2.now,
    timeZone: context2.company.timeZone,
    locale: submit.locale,
    field: "expected",
  });
  const paymentText = value(poBlocks.payment);
  let paymentTermsDays;
  if (paymentText) {
    if (!/^\d{1,4}$/.test(paymentText)) {
      throw new JxcError("INVALID_INPUT", { input: paymentText, problem: "not_a_number" }, "payment");
    }
    paymentTermsDays = Number(paymentText);
  }
  return {
    supplierId,
    lines: lines2,
    rows,
    expectedDay: day3,
    deliveryTerms: value(poBlocks.delivery),
    qualityStandard: value(poBlocks.quality),
    paymentTermsDays,
    notes: value(poBlocks.notes),
  };
}
var FormErrors = class extends Error {
  constructor(errors) {
    super("form errors");
    this.errors = errors;
  }
  errors;
};
function withField(run, field2) {
  try {
    return run();
  } catch (error) {
    if (isJxcError(error)) throw new JxcError(error.code, error.params, field2);
    throw error;
  }
}
function toModalRow(error, rows) {
  if (!isJxcError(error) || !error.field) return error;
  const match = /^line(\d+)_(item|qty|price)$/.exec(error.field);
  if (!match) return error;
  const row = rows[Number(match[1]) - 1];
  return row === void 0 ? error : new JxcError(error.code, error.params, `line${row}_${match[2]}`);
}

// src/domain/purchasing/plan.ts
import { eq as eq44 } from "drizzle-orm";
// commands/po/plan.ts
import { z as z7 } from "zod";

// src/domain/purchasing/plan-rule.ts
function demandPerDay(issued, windowDays) {
  return windowDays > 0 ? issued / windowDays : 0;
}
function roundUpToPack(qty, pack) {
  const size = pack > 0 ? pack : 1;
  return Math.ceil(qty / size) * size;
}
function suggestPurchase(facts, window) {
  const { windowDays, reviewDays } = window;
  const lead = facts.leadTimeDays ?? 0;
  const safety = facts.safetyStock ?? 0;
  const noHistory = facts.issued <= 0;
  const issued = Math.max(0, facts.issued);
  const over = (days) => (windowDays > 0 ? Math.ceil((issued * days) / windowDays) : 0);
  const leadDemand = over(lead);
  const coverDemand = over(lead + reviewDays);
  const projected = facts.onHand - facts.reserved + facts.onOrder + facts.inDraft;
  const sizable = facts.maxLevel !== null || facts.reorderQty !== null || !noHistory;
  let trigger;
  let triggerSource;
  if (facts.reorderPoint !== null) {
    trigger = facts.reorderPoint;
    triggerSource = "reorder_point";
  } else if (!noHistory) {
    trigger = leadDemand + safety;
    triggerSource = "lead_demand";
  } else if (sizable) {
    trigger = safety;
    triggerSource = "safety_stock";
  } else {
    return { kind: "none", facts, why: "not_planned", projected };
  }
  if (projected > trigger) return { kind: "none", facts, why: "enough", projected };
  if (!sizable) return { kind: "none", facts, why: "no_history", projected };
  let basis;
  let needed;
  let reorderTimes = 0;
  if (facts.maxLevel !== null) {
    basis = "max_level";
    needed = facts.maxLevel - projected;
  } else if (facts.reorderQty !== null && facts.reorderQty > 0) {
    basis = "reorder_qty";
    reorderTimes = Math.floor((trigger - projected) / facts.reorderQty) + 1;
    needed = reorderTimes * facts.reorderQty;
  } else if (!noHistory) {
    basis = "cover";
    needed = coverDemand + safety - projected;
  } else {
    return { kind: "none", facts, why: "no_history", projected };
  }
  if (needed <= 0) return { kind: "none", facts, why: "enough", projected };
  return {
    kind: "suggest",
    facts,
    windowDays,
    reviewDays,
    leadTimeDays: lead,
    safetyStock: safety,
    leadDemand,
    projected,
    trigger,
    triggerSource,
    basis,
    coverDemand,
    reorderTimes,
    needed,
    qty: roundUpToPack(needed, facts.pack),
    noHistory,
  };
}

// src/domain/purchasing/plan.ts
var dayMs = 864e5;
var planSettingKeys = {
  windowDays: "purchase_plan_window_days",
  reviewDays: "purchase_plan_review_days",
  sameSeason: "purchase_plan_same_season",
};
var defaultPlanWindowDays = 90;
var defaultPlanReviewDays = 7;
var maxPlanWindowDays = 730;
function readNumberSetting(db2, key) {
  return db2
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq44(companySettings.key, key))
    .get()?.value;
}
function readPlanOptions(db2) {
  const whole = (value, fallback, max3) =>
    typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max3 ? value : fallback;
  return {
    windowDays: whole(
      readNumberSetting(db2, planSettingKeys.windowDays),
      defaultPlanWindowDays,
      maxPlanWindowDays,
    ),
    reviewDays: whole(readNumberSetting(db2, planSettingKeys.reviewDays), defaultPlanReviewDays, 365),
    sameSeasonLastYear: readNumberSetting(db2, planSettingKeys.sameSeason) === true,
  };
}
function planPeriod(now, options) {
  if (options.sameSeasonLastYear) {
    const from = now - 365 * dayMs;
    return { from, to: from + options.windowDays * dayMs };
  }
  return { from: now - options.windowDays * dayMs, to: now };
}
var openList = openForDelivery.map((s) => `'${s}'`).join(",");
function readPlanFacts(db2, period, scope = {}) {
  const sqlite = db2.$client;
  const itemFilter =
    "itemId" in scope
      ? "and i.id = @itemId"
      : "supplierId" in scope
        ? "and i.default_supplier_id = @supplierId"
        : "";
  const moveFilter = "itemId" in scope ? "and item_id = @itemId" : "";
  const params = { ...scope };
  const items2 = sqlite
    .prepare(
      `select i.id, i.purchase_unit_factor, i.default_supplier_id, i.reorder_point, i.reorder_qty,
              i.max_level, i.safety_stock, i.lead_time_days, s.lead_time_days
         from items i left join suppliers s on s.id = i.default_supplier_id
        where i.archived = 0 ${itemFilter}`,
    )
    .raw()
    .all(params);
  const issued = /* @__PURE__ */ new Map();
  for (const [itemId, qty] of sqlite
    .prepare(
      `select item_id, -sum(qty) from stock_moves
        where reason = 'issue' and at >= @from and at < @to ${moveFilter} group by item_id`,
    )
    .raw()
    .all({ ...params, from: period.from, to: period.to })) {
    issued.set(itemId, qty);
  }
  const stock = /* @__PURE__ */ new Map();
  for (const [itemId, onHand] of sqlite
    .prepare(`select item_id, qty from item_valuations where 1 ${moveFilter}`)
    .raw()
    .all(params)) {
    stock.set(itemId, [onHand, 0]);
  }
  for (const [itemId, reserved] of sqlite
    .prepare(
      `select item_id, sum(reserved) from stock_balances not indexed where reserved <> 0 ${moveFilter} group by item_id`,
    )
    .raw()
    .all(params)) {
    stock.set(itemId, [stock.get(itemId)?.[0] ?? 0, reserved]);
  }
  const ordered = /* @__PURE__ */ new Map();
  for (const [itemId, open4, draft] of sqlite
    .prepare(
      `select l.item_id,
              sum(case when p.status in (${openList}) then ${owedSql("l")} else 0 end),
              sum(case when p.status in ('draft','pending_approval') then l.qty else 0 end)
         from purchase_order_lines l join purchase_orders p on p.id = l.purchase_order_id
        where p.status in (${openList},'draft','pending_approval') ${moveFilter.replace("item_id", "l.item_id")}
        group by l.item_id`,
    )
    .raw()
    .all(params)) {
    ordered.set(itemId, [open4, draft]);
  }
  return items2.map((row) => {
    const [id, factor, supplierId, rp, rq, max3, safety, itemLead, supLead] = row;
    const [onHand, reserved] = stock.get(id) ?? [0, 0];
    const [onOrder, inDraft] = ordered.get(id) ?? [0, 0];
    return {
      itemId: id,
      // Names are read afterwards for the few items the plan shows (nameItems): 100k strings cost.
      sku: "",
      name: "",
      nameZh: null,
      baseUnit: "",
      purchaseUnit: null,
      pack: factor && factor > 1 ? factor : 1,
      supplierId,
      issued: issued.get(id) ?? 0,
      onHand,
      reserved,
      onOrder,
      inDraft,
      reorderPoint: rp,
      reorderQty: rq,
      maxLevel: max3,
      safetyStock: safety,
      leadTimeDays: itemLead ?? supLead,
      leadTimeSource: itemLead !== null ? "item" : supLead !== null ? "supplier" : "none",
    };
  });
}
function nameItems(db2, facts) {
  if (facts.length === 0) return;
  const byId = new Map(facts.map((f) => [f.itemId, f]));
  const rows = db2.$client
    .prepare(
      `select id, sku, name, name_zh, base_unit, purchase_unit from items
        where id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify([...byId.keys()]));
  for (const [id, sku, name, nameZh, baseUnit, purchaseUnit] of rows) {
    const f = byId.get(id);
    if (!f) continue;
    f.sku = sku;
    f.name = name;
    f.nameZh = nameZh;
    f.baseUnit = baseUnit;
    f.purchaseUnit = f.pack > 1 ? purchaseUnit : null;
  }
}
function byUrgency(a, b) {
  const d = a.projected - a.trigger - (b.projected - b.trigger);
  return d !== 0 ? d : a.facts.sku < b.facts.sku ? -1 : a.facts.sku > b.facts.sku ? 1 : 0;
}
function buildPurchasePlan(db2, now, options, scope = {}) {
  const period = planPeriod(now, options);
  const facts = readPlanFacts(db2, period, scope);
  const bySupplier = /* @__PURE__ */ new Map();
  const noHistory = [];
  const shown = [];
  let suggested = 0;
  let noHistorySized = 0;
  for (const item of facts) {
    const verdict = suggestPurchase(item, options);
    if (verdict.kind === "none") {
      if (verdict.why === "no_history") shown.push(item);
      continue;
    }
    shown.push(item);
    suggested += 1;
    if (verdict.noHistory) noHistorySized += 1;
    const list = bySupplier.get(item.supplierId);
    if (list) list.push(verdict);
    else bySupplier.set(item.supplierId, [verdict]);
  }
  nameItems(db2, shown);
  for (const item of shown) {
    if (suggestPurchase(item, options).kind === "none")
      noHistory.push({ itemId: item.itemId, sku: item.sku });
  }
  const supplierIds = [...bySupplier.keys()].filter((id) => id !== null);
  const suppliers2 = /* @__PURE__ */ new Map();
  if (supplierIds.length > 0) {
    const rows = db2.$client
      .prepare(
        `select id, code, name, name_zh from suppliers where id in (${supplierIds.map(() => "?").join(",")})`,
      )
      .raw()
      .all(...supplierIds);
    for (const [id, code, name, nameZh] of rows) suppliers2.set(id, { id, code, name, nameZh });
  }
  const groups = [...bySupplier.entries()].map(([id, lines2]) => ({
    supplier: id === null ? null : (suppliers2.get(id) ?? null),
    lines: lines2.sort(byUrgency),
  }));
  groups.sort((a, b) => {
    if ((a.supplier === null) !== (b.supplier === null)) return a.supplier === null ? 1 : -1;
    return b.lines.length - a.lines.length || (a.supplier?.code ?? "").localeCompare(b.supplier?.code ?? "");
  });
  noHistory.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { options, period, itemsConsidered: facts.length, groups, suggested, noHistory, noHistorySized };
}

// src/domain/purchasing/plan-drafts.ts
function startingPrice(db2, itemId, supplierId) {
  const last = lastPurchasePrice(db2, itemId, supplierId);
  if (last) return last.unitPrice;
  const row = db2.$client
    .prepare("select qty, value from item_valuations where item_id = ?")
    .raw()
    .get(itemId);
  if (!row || row[0] <= 0 || row[1] <= 0) return void 0;
  return Math.max(1, Math.round(row[1] / row[0]));
}
function createDraftsFromPlan(db2, clock, input) {
  requirePermission(db2, input.userId, "po.create");
  const plan = buildPurchasePlan(db2, clock.now(), input.options, { supplierId: input.supplierId });
  const group = plan.groups.find((g) => g.supplier?.id === input.supplierId);
  if (!group || group.lines.length === 0) throw new JxcError("STALE_ACTION");
  const priced = [];
  const unpriced = [];
  for (const suggestion of group.lines) {
    const unitPrice = startingPrice(db2, suggestion.facts.itemId, input.supplierId);
    if (unitPrice === void 0) unpriced.push(suggestion.facts.sku);
    else
      priced.push({ line: { itemId: suggestion.facts.itemId, qty: suggestion.qty, unitPrice }, suggestion });
  }
  const numbers = [];
  for (let start = 0; start < priced.length; start += maxPurchaseOrderLines) {
    const chunk = priced.slice(start, start + maxPurchaseOrderLines);
    const lead = Math.max(1, ...chunk.map((c) => c.suggestion.leadTimeDays));
    const created = createPurchaseOrder(db2, clock, {
      supplierId: input.supplierId,
      lines: chunk.map((c) => c.line),
      expectedDay: addDays(input.today, lead),
      notes: "Purchase plan / \u91C7\u8D2D\u8BA1\u5212",
      currency: input.currency,
      userId: input.userId,
      today: input.today,
      submit: false,
    });
    numbers.push(created.number);
  }
  return { numbers, lines: priced.length, unpriced };
}

// commands/po/plan.ts
var overviewGroups = 5;
var overviewLines = 6;
var supplierLines = 40;
var noHistoryShown = 8;
function parsePlanRequest(words, defaults) {
  const request = { options: { ...defaults } };
  for (const word of words) {
    if (/^\d+$/.test(word)) {
      const days = Number(word);
      if (days < 1 || days > maxPlanWindowDays) return void 0;
      request.options.windowDays = days;
    } else if (/^(season|去年同期|同期)$/i.test(word)) {
      request.options.sameSeasonLastYear = true;
    } else if (request.supplierCode === void 0) {
      request.supplierCode = word;
    } else {
      return void 0;
    }
  }
  return request;
}
var whyValue = z7.object({
  i: z7.number().int(),
  w: z7.number().int(),
  r: z7.number().int(),
  s: z7.boolean(),
});
var draftsValue = z7.object({
  p: z7.number().int(),
  w: z7.number().int(),
  r: z7.number().int(),
  s: z7.boolean(),
});
function optionsOf(value) {
  if (value.w < 1 || value.w > maxPlanWindowDays || value.r < 0) throw new JxcError("STALE_ACTION");
  return { windowDays: value.w, reviewDays: value.r, sameSeasonLastYear: value.s };
}
function parseValue(schema, raw2) {
  try {
    return schema.parse(JSON.parse(raw2));
  } catch {
    throw new JxcError("STALE_ACTION");
  }
}
function quantity2(qty, s) {
  return baseQuantity(qty, s.baseUnit);
}
function supplierName(locale, group) {
  const m = messages(locale).plan;
  if (!group.supplier) return m.noSupplier;
  return escapeMrkdwn(
    `${group.supplier.code} \xB7 ${localName(locale, group.supplier.name, group.supplier.nameZh)}`,
  );
}
function lineText(locale, s) {
  const m = messages(locale).plan;
  const text14 = m.line({
    qty: quantity2(s.qty, s.facts),
    sku: escapeMrkdwn(s.facts.sku),
    name: escapeMrkdwn(localName(locale, s.facts.name, s.facts.nameZh)),
    projected: s.projected.toLocaleString("en"),
    trigger: s.trigger.toLocaleString("en"),
  });
  return s.noHistory ? `${text14}${m.noHistoryTag({ days: s.windowDays })}` : text14;
}
function planHead(locale, plan, title2) {
  const m = messages(locale).plan;
  const { windowDays, sameSeasonLastYear } = plan.options;
  return [
    header(title2),
    context([
      `${m.window({ days: windowDays, season: sameSeasonLastYear })} ${m.historyNote}`,
      m.summary({
        suggested: plan.suggested,
        suppliers: plan.groups.filter((g) => g.supplier).length,
        items: plan.itemsConsidered,
      }),
    ]),
  ];
}
function renderPlan(locale, plan, oneSupplier) {
  const m = messages(locale).plan;
  const blocks = planHead(locale, plan, m.title);
  const opts = { w: plan.options.windowDays, r: plan.options.reviewDays, s: plan.options.sameSeasonLastYear };
  const groups = oneSupplier ? plan.groups.slice(0, 1) : plan.groups.slice(0, overviewGroups);
  const perGroup = oneSupplier ? supplierLines : overviewLines;
  let n3 = 0;
  groups.forEach((group, g) => {
    const title2 = {
      type: "section",
      text: {
        type: "mrkdwn",
        text: m.group({ supplier: supplierName(locale, group), count: group.lines.length }),
      },
      ...(group.supplier
        ? {
            accessory: {
              type: "button",
              action_id: `${actionIds.planDraftsPrefix}${g}`,
              text: { type: "plain_text", text: clip(m.createDrafts, limits.buttonText) },
              value: JSON.stringify({ p: group.supplier.id, ...opts }),
              style: "primary",
            },
          }
        : {}),
    };
    blocks.push(title2);
    for (const line3 of group.lines.slice(0, perGroup)) {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: clip(lineText(locale, line3), limits.sectionText) },
        accessory: {
          type: "button",
          action_id: `${actionIds.planWhyPrefix}${n3}`,
          text: { type: "plain_text", text: clip(m.why, limits.buttonText) },
          value: JSON.stringify({ i: line3.facts.itemId, ...opts }),
        },
      });
      n3 += 1;
    }
    if (group.lines.length > perGroup) {
      blocks.push(
        context([m.moreLines({ count: group.lines.length - perGroup, code: group.supplier?.code ?? "" })]),
      );
    }
  });
  const notes2 = [];
  if (plan.groups.length > groups.length)
    notes2.push(m.moreSuppliers({ count: plan.groups.length - groups.length }));
  notes2.push(...planNotes(locale, plan));
  if (plan.suggested === 0) blocks.push(section(m.nothing));
  if (notes2.length > 0) blocks.push(context(notes2));
  return {
    text: `${m.title}: ${m.summary({ suggested: plan.suggested, suppliers: plan.groups.length, items: plan.itemsConsidered })}`,
    blocks,
  };
}
function planNotes(locale, plan) {
  const m = messages(locale).plan;
  const days = plan.options.windowDays;
  const notes2 = [];
  if (plan.noHistorySized > 0) notes2.push(m.noHistorySized({ count: plan.noHistorySized, days }));
  if (plan.noHistory.length > 0) {
    const shown = plan.noHistory.slice(0, noHistoryShown).map((i) => escapeMrkdwn(i.sku));
    const skus = plan.noHistory.length > noHistoryShown ? `${shown.join(", ")}, \u2026` : shown.join(", ");
    notes2.push(m.noHistory({ count: plan.noHistory.length, days, skus }));
  }
  return notes2;
}
function dayOf(deps, at2) {
  return todayIn(deps.company.timeZone, at2);
}
function renderWhy(deps, locale, plan, s) {
  const m = messages(locale).plan;
  const f = s.facts;
  const q = (n3) => quantity2(n3, f);
  const rate = demandPerDay(f.issued, s.windowDays).toFixed(2);
  const from = formatDay(dayOf(deps, plan.period.from), locale);
  const to = formatDay(dayOf(deps, plan.period.to - 1), locale);
  const lines2 = [
    f.issued > 0
      ? m.whyDemand({ issued: q(f.issued), days: s.windowDays, rate, from, to })
      : m.whyNoDemand({ days: s.windowDays, from, to }),
    m.whyLead({ days: s.leadTimeDays, source: f.leadTimeSource }),
  ];
  if (f.issued > 0) lines2.push(m.whyLeadDemand({ rate, days: s.leadTimeDays, qty: q(s.leadDemand) }));
  lines2.push(m.whySafety({ qty: q(s.safetyStock) }));
  lines2.push(
    m.whyProjected({
      onHand: q(f.onHand),
      reserved: q(f.reserved),
      onOrder: q(f.onOrder),
      inDraft: q(f.inDraft),
      projected: q(s.projected),
    }),
  );
  lines2.push(m.whyTrigger[s.triggerSource]({ trigger: q(s.trigger), projected: q(s.projected) }));
  if (s.basis === "max_level") {
    lines2.push(
      m.whyBasis.max_level({ max: q(f.maxLevel ?? 0), projected: q(s.projected), needed: q(s.needed) }),
    );
  } else if (s.basis === "reorder_qty") {
    lines2.push(
      m.whyBasis.reorder_qty({
        reorderQty: q(f.reorderQty ?? 0),
        times: s.reorderTimes,
        needed: q(s.needed),
      }),
    );
  } else {
    lines2.push(
      m.whyBasis.cover({
        days: s.leadTimeDays,
        review: s.reviewDays,
        cover: q(s.coverDemand),
        safety: q(s.safetyStock),
        projected: q(s.projected),
        needed: q(s.needed),
      }),
    );
  }
  lines2.push(
    f.pack > 1
      ? m.whyRounded({ unit: f.purchaseUnit ?? "", pack: q(f.pack), qty: q(s.qty) })
      : m.whyNotRounded({ qty: q(s.qty) }),
  );
  if (s.noHistory) lines2.push(m.whyNoHistory({ days: s.windowDays }));
  const title2 = m.whyTitle({
    qty: q(s.qty),
    sku: escapeMrkdwn(f.sku),
    name: escapeMrkdwn(localName(locale, f.name, f.nameZh)),
  });
  return {
    text: title2,
    blocks: [section(`*${title2}*`), section(lines2.map((l) => `\u2022 ${l}`).join("\n"))],
  };
}
function answerPlanCommand(deps, words, userId, locale) {
  requirePermission(deps.db, userId, "po.plan");
  const m = messages(locale).plan;
  const request = parsePlanRequest(words, readPlanOptions(deps.db));
  if (!request) return { text: m.usage };
  if (request.supplierCode !== void 0) {
    if (/^(help|帮助|\?)$/i.test(request.supplierCode)) return { text: m.usage };
    const supplier = findSupplierByCode(deps.db, request.supplierCode);
    if (!supplier) return { text: m.unknownSupplier({ code: escapeMrkdwn(request.supplierCode) }) };
    const plan = buildPurchasePlan(deps.db, deps.clock.now(), request.options, { supplierId: supplier.id });
    const own = plan.groups.filter((g) => g.supplier?.id === supplier.id);
    return renderPlan(locale, { ...plan, groups: own, suggested: own[0]?.lines.length ?? 0 }, true);
  }
  return renderPlan(locale, buildPurchasePlan(deps.db, deps.clock.now(), request.options), false);
}
function registerPlanButtons(router, deps) {
  router.action(
    actionPatterns.planWhy,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "po.plan");
      const value = parseValue(whyValue, click.value);
      const plan = buildPurchasePlan(deps.db, deps.clock.now(), optionsOf(value), { itemId: value.i });
      const line3 = plan.groups.flatMap((g) => g.lines).find((l) => l.facts.itemId === value.i);
      const m = messages(click.locale).plan;
      const reply = line3 ? renderWhy(deps, click.locale, plan, line3) : { text: m.whyGone };
      await click.respond({ ...toEphemeral(reply), replace_original: false });
    }),
  );
  router.action(
    actionPatterns.planDrafts,
    buttonAction(deps.logger, async (click) => {
      const value = parseValue(draftsValue, click.value);
      const m = messages(click.locale).plan;
      let text14;
      try {
        const result = createDraftsFromPlan(deps.db, deps.clock, {
          supplierId: value.p,
          options: optionsOf(value),
          userId: click.userId,
          today: todayIn(deps.company.timeZone, deps.clock.now()),
          currency: deps.company.currency,
        });
        const parts = [];
        if (result.numbers.length > 0)
          parts.push(m.drafts({ numbers: result.numbers.join(", "), lines: result.lines }));
        if (result.unpriced.length > 0)
          parts.push(m.unpriced({ skus: result.unpriced.map(escapeMrkdwn).join(", ") }));
        text14 = parts.join("\n");
      } catch (error) {
        if (!(isJxcError(error) && error.code === "STALE_ACTION")) throw error;
        text14 = m.nothingLeft;
      }
      deps.notifier.kick();
      await click.respond({ ...toEphemeral({ text: text14 }), replace_original: false });
    }),
  );
}
var weeklyData = z7.object({
  windowDays: z7.number(),
  season: z7.boolean(),
  items: z7.number(),
  suggested: z7.number(),
  suppliers: z7.number(),
  moreGroups: z7.number(),
  noHistory: z7.number(),
  noHistorySized: z7.number(),
  groups: z7.array(
    z7.object({
      code: z7.string().nullable(),
      name: z7.string().nullable(),
      nameZh: z7.string().nullable(),
      count: z7.number(),
      lines: z7.array(
        z7.object({
          sku: z7.string(),
          name: z7.string(),
          nameZh: z7.string().nullable(),
          unit: z7.string(),
          qty: z7.number(),
          noHistory: z7.boolean(),
        }),
      ),
    }),
  ),
});
function renderWeeklyPlan(data, locale) {
  const d = weeklyData.parse(data);
  const m = messages(locale).plan;
  const blocks = [
    header(m.weeklyTitle),
    context([
      `${m.window({ days: d.windowDays, season: d.season })} ${m.historyNote}`,
      m.summary({ suggested: d.suggested, suppliers: d.suppliers, items: d.items }),
    ]),
  ];
  for (const g of d.groups) {
    const supplier =
      g.code === null
        ? m.noSupplier
        : escapeMrkdwn(`${g.code} \xB7 ${localName(locale, g.name ?? g.code, g.nameZh)}`);
    const lines2 = g.lines.map((l) => {
      const text14 = `\u2022 *${baseQuantity(l.qty, l.unit)}* ${escapeMrkdwn(l.sku)} ${escapeMrkdwn(localName(locale, l.name, l.nameZh))}`;
      return l.noHistory ? `${text14}${m.noHistoryTag({ days: d.windowDays })}` : text14;
    });
    if (g.count > g.lines.length)
      lines2.push(m.moreLines({ count: g.count - g.lines.length, code: g.code ?? "" }));
    blocks.push(
      section(
        clip(
          `${m.group({ supplier, count: g.count })}
${lines2.join("\n")}`,
          limits.sectionText,
        ),
      ),
    );
  }
  if (d.suggested === 0) blocks.push(section(m.nothing));
  const notes2 = [];
  if (d.moreGroups > 0) notes2.push(m.moreSuppliers({ count: d.moreGroups }));
  if (d.noHistorySized > 0) notes2.push(m.noHistorySized({ count: d.noHistorySized, days: d.windowDays }));
  if (d.noHistory > 0)
    notes2.push(m.noHistory({ count: d.noHistory, days: d.windowDays, skus: "`/po plan`" }));
  notes2.push(m.weeklyMore);
  blocks.push(context(notes2));
  return {
    text: `${m.weeklyTitle}: ${m.summary({ suggested: d.suggested, suppliers: d.suppliers, items: d.items })}`,
    blocks,
  };
}

// commands/po/quick.ts
var dateSplit = /^(.*?)(?:\s+by\s+|\s*到\s*)((?:(?!\s+by\s+|到).)+)$/is;
function parseQuickPurchaseOrder(db2, text14, context2) {
  const split = dateSplit.exec(text14.normalize("NFKC").trim());
  if (!split) return { kind: "noDate" };
  const [, head = "", dateText = ""] = split;
  const [supplierCode = "", ...rest] = head.trim().split(/\s+/);
  const body = rest.join(" ");
  if (!supplierCode || !body) return { kind: "usage" };
  const supplier = requireSupplier(db2, supplierCode);
  const decimals = currencyDecimals(context2.company.currency);
  const lines2 = [];
  for (const raw2 of body.split(/[,;，；、]/)) {
    const lineText2 = raw2.trim();
    if (!lineText2) continue;
    const [left = "", priceText, ...extra] = lineText2.split(/\s*[@＠]\s*/);
    const tokens = left.trim().split(/\s+/);
    const sku = tokens.pop() ?? "";
    const qtyText = tokens.join(" ");
    if (!sku || !qtyText || extra.length > 0) return { kind: "badLine", input: lineText2 };
    const item = findItemBySkuOrBarcode(db2, sku);
    if (!item || item.archived) throw new JxcError("UNKNOWN_ITEM", { query: sku }, "sku");
    const { baseQty } = parseQuantity(qtyText, item);
    let unitPrice;
    if (priceText === void 0 || priceText.trim() === "") {
      const last = lastPurchasePrice(db2, item.id, supplier.id);
      if (!last) return { kind: "noPrice", sku: item.sku };
      unitPrice = last.unitPrice;
    } else {
      unitPrice = parseMoney(priceText, decimals);
    }
    lines2.push({ itemId: item.id, qty: baseQty, unitPrice });
  }
  if (lines2.length === 0) return { kind: "usage" };
  const { day: day3 } = parseDay(dateText, {
    now: context2.now,
    timeZone: context2.company.timeZone,
    locale: context2.locale,
    field: "expected",
  });
  return { supplierId: supplier.id, lines: lines2, expectedDay: day3 };
}

// commands/po/index.ts
var poNumber = /^PO-\d{1,9}$/i;
function registerPoCommand(router, deps) {
  router.command(
    slashCommands.po,
    slashCommand(deps.logger, async (request) => {
      const { text: text14, userId, locale } = request;
      if (poNumber.test(text14)) {
        requirePermission(deps.db, userId, "po.view");
        const po = readPurchaseOrder(deps.db, text14);
        if (!po) throw new JxcError("NOT_FOUND", { what: text14.toUpperCase() });
        return showPurchaseOrder(deps, po, userId, locale);
      }
      const [first, ...rest] = text14.split(/\s+/);
      if (first !== void 0 && /^(plan|计划|采购计划)$/i.test(first)) {
        return answerPlanCommand(deps, rest, userId, locale);
      }
      requirePermission(deps.db, userId, "po.create");
      if (text14 === "") {
        await request.openModal(purchaseOrderModal(locale));
        return void 0;
      }
      if (/^(help|帮助|\?)$/i.test(text14)) return { text: messages(locale).po.usage };
      const now = deps.clock.now();
      const parsed = parseQuickPurchaseOrder(deps.db, text14, { company: deps.company, now, locale });
      if ("kind" in parsed) return { text: problemText3(parsed, locale) };
      const created = createPurchaseOrder(deps.db, deps.clock, {
        ...parsed,
        currency: deps.company.currency,
        userId,
        today: todayIn(deps.company.timeZone, now),
        submit: true,
      });
      deps.notifier.kick();
      return createdReply(deps, created, userId, locale);
    }),
  );
  registerPlanButtons(router, deps);
  for (let n3 = 1; n3 <= modalLineRows; n3 += 1) registerItemPicker(router, deps, itemPickerOfRow(n3));
  router.view(
    callbackIds.purchaseOrder,
    viewSubmission(deps.logger, { fieldBlocks: poFieldBlocks(), fallbackBlock: "po_expected" }, (submit) => {
      requirePermission(deps.db, submit.userId, "po.create");
      const now = deps.clock.now();
      let form;
      try {
        form = readPurchaseOrderForm(deps.db, submit, { company: deps.company, now });
      } catch (error) {
        if (error instanceof FormErrors) return { errors: error.errors };
        throw error;
      }
      let created;
      try {
        created = createPurchaseOrder(deps.db, deps.clock, {
          supplierId: form.supplierId,
          lines: form.lines,
          expectedDay: form.expectedDay,
          deliveryTerms: form.deliveryTerms,
          qualityStandard: form.qualityStandard,
          paymentTermsDays: form.paymentTermsDays,
          notes: form.notes,
          currency: deps.company.currency,
          userId: submit.userId,
          today: todayIn(deps.company.timeZone, now),
          submit: true,
        });
      } catch (error) {
        throw toModalRow(error, form.rows);
      }
      deps.notifier.kick();
      const reply = createdReply(deps, created, submit.userId, submit.locale);
      return { update: doneView(reply, submit.locale) };
    }),
  );
  router.action(
    actionPatterns.poMove,
    buttonAction(deps.logger, async (click) => {
      const action = click.actionId.slice(actionIds.poMovePrefix.length);
      const id = Number(click.value);
      if (!isButtonAction(action) || !Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      const result = movePurchaseOrder(deps.db, deps.clock, {
        id,
        action,
        userId: click.userId,
        today: todayIn(deps.company.timeZone, deps.clock.now()),
      });
      deps.notifier.kick();
      const po = readPurchaseOrder(deps.db, id);
      if (!po) throw new JxcError("STALE_ACTION");
      const m = messages(click.locale).po;
      const notice = m.moved({ number: result.number, status: m.statuses[result.status] });
      const shown = showPurchaseOrder(deps, po, click.userId, click.locale, notice);
      await click.respond({ ...toEphemeral(shown), replace_original: true });
    }),
  );
}
function showPurchaseOrder(deps, po, userId, locale, notice) {
  const rendered = renderPurchaseOrder(po, locale, deps.company, {
    steps: approvalStepLines(deps.db, "purchase_order", po.id, locale),
  });
  const blocks = [...(notice ? [context([notice])] : []), ...rendered.blocks];
  const buttons = allowedButtons(po, rolesOf(deps.db, userId), userId);
  if (buttons.length > 0) {
    const m = messages(locale).po.buttons;
    blocks.push({
      type: "actions",
      block_id: `po_actions_${po.id}`,
      elements: buttons.map((action) => ({
        type: "button",
        action_id: `${actionIds.poMovePrefix}${action}`,
        text: { type: "plain_text", text: clip(m[action], limits.buttonText) },
        value: String(po.id),
        ...(action === "submit" || action === "send" ? { style: "primary" } : {}),
        ...(action === "cancel" ? { style: "danger" } : {}),
      })),
    });
  }
  return { text: notice ?? rendered.text, blocks };
}
function allowedButtons(po, held, userId) {
  return buttonActions.filter((action) => {
    if (purchaseOrderTransitions[po.status][action] === void 0) return false;
    if (action === "cancel" && po.status === "on_hold" && po.heldFrom === "partially_received") return false;
    const ownEarly = action === "cancel" && po.createdBy === userId && linesEditable(po.status);
    return can(held, actionPermissions[action]) || (ownEarly && can(held, "po.create"));
  });
}
function createdReply(deps, created, userId, locale) {
  const m = messages(locale).po;
  const total = formatMoney(created.total, deps.company.currency, locale);
  const roleNames3 = messages(locale).roleNames;
  const text14 =
    created.status === "pending_approval"
      ? m.pending({
          number: created.number,
          total,
          roles: created.approverRoles.map((r) => roleNames3[r]).join(" \u2192 "),
        })
      : created.status === "approved"
        ? m.approvedAtOnce({ number: created.number, total })
        : m.draftSaved({ number: created.number, total });
  const po = readPurchaseOrder(deps.db, created.id);
  return po ? showPurchaseOrder(deps, po, userId, locale, text14) : { text: text14 };
}
function doneView(reply, locale) {
  const m = messages(locale).po.modal;
  const blocks = (reply.blocks ?? [section(reply.text)]).filter((b) => b.type !== "actions");
  return {
    type: "modal",
    callback_id: `${callbackIds.purchaseOrder}_done`,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
    blocks,
  };
}
function problemText3(problem, locale) {
  const m = messages(locale).po;
  switch (problem.kind) {
    case "noDate":
      return `${m.quick.noDate}
${m.usage}`;
    case "badLine":
      return `${m.quick.badLine({ input: problem.input })}
${m.usage}`;
    case "noPrice":
      return m.quick.noPrice({ sku: problem.sku });
    default:
      return m.usage;
  }
}

// commands/policy/modals.ts
var tierCount = 3;
var policyBlocks = {
  amount: (tier) => `tier${tier}_amount`,
  role: (tier) => `tier${tier}_role`,
  remind: "remind",
  escalate: "escalate",
};
function title(text14) {
  return { type: "plain_text", text: clip(text14, limits.modalTitle) };
}
function textInput2(blockId, label, initial, optional) {
  return {
    type: "input",
    block_id: blockId,
    optional,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 20,
      ...(initial === void 0 ? {} : { initial_value: initial }),
    },
  };
}
function policyModal(docType, tiers, currency, locale) {
  const m = messages(locale).policy;
  const options = roles.map((role) => ({
    text: { type: "plain_text", text: messages(locale).roleNames[role] },
    value: role,
  }));
  const blocks = [context([`*${m.docTypes[docType]}* \xB7 ${m.amountHint}`])];
  for (let tier = 1; tier <= tierCount; tier += 1) {
    const current = tiers[tier - 1];
    const amount = current ? formatMoneyPlain(current.minAmount, currencyDecimals(currency)) : void 0;
    blocks.push(textInput2(policyBlocks.amount(tier), m.amountLabel({ tier, currency }), amount, tier > 1));
    const initial = options.find((o) => o.value === current?.role);
    blocks.push({
      type: "input",
      block_id: policyBlocks.role(tier),
      optional: tier > 1,
      label: { type: "plain_text", text: m.roleLabel({ tier }) },
      element: {
        type: "static_select",
        action_id: policyBlocks.role(tier),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  return {
    type: "modal",
    callback_id: callbackIds.policyEdit,
    private_metadata: docType,
    title: title(m.modalTitle),
    submit: title(m.save),
    close: title(m.cancel),
    blocks,
  };
}
function timersModal(timers, locale) {
  const m = messages(locale).policy;
  return {
    type: "modal",
    callback_id: callbackIds.policyTimers,
    title: title(m.modalTitle),
    submit: title(m.save),
    close: title(m.cancel),
    blocks: [
      textInput2(policyBlocks.remind, m.remindLabel, String(timers.remindAfterHours), false),
      textInput2(policyBlocks.escalate, m.escalateLabel, String(timers.escalateAfterHours), false),
    ],
  };
}

// commands/policy/index.ts
var fieldBlocks = {
  tiers: policyBlocks.amount(1),
  remindAfterHours: policyBlocks.remind,
  escalateAfterHours: policyBlocks.escalate,
};
for (let tier = 1; tier <= tierCount; tier += 1) fieldBlocks[`tier${tier}`] = policyBlocks.amount(tier);
function registerPolicyEditing(router, deps) {
  router.action(
    actionPatterns.policyEdit,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "approvals.policy");
      const docType = click.actionId.slice(actionIds.policyEditPrefix.length);
      if (!isApprovalDocType(docType)) throw new JxcError("STALE_ACTION");
      await click.openModal(
        policyModal(docType, readPolicy(deps.db, docType), deps.company.currency, click.locale),
      );
    }),
  );
  router.action(
    actionIds.policyTimers,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "approvals.policy");
      await click.openModal(timersModal(readTimers(deps.db), click.locale));
    }),
  );
  router.view(
    callbackIds.policyEdit,
    viewSubmission(deps.logger, { fieldBlocks, fallbackBlock: policyBlocks.amount(1) }, (submit) => {
      requirePermission(deps.db, submit.userId, "approvals.policy");
      const docType = submit.privateMetadata;
      if (!isApprovalDocType(docType)) throw new JxcError("STALE_ACTION");
      setPolicy(deps.db, deps.clock, {
        docType,
        tiers: readTiers(submit, deps.company.currency),
        actor: submit.userId,
      });
      return { close: true };
    }),
  );
  router.view(
    callbackIds.policyTimers,
    viewSubmission(deps.logger, { fieldBlocks, fallbackBlock: policyBlocks.remind }, (submit) => {
      requirePermission(deps.db, submit.userId, "approvals.policy");
      const hours = (block, field2) => {
        const text14 = submit.value(block, block).trim();
        if (!/^\d{1,4}$/.test(text14))
          throw new JxcError("INVALID_INPUT", { input: text14, problem: "not_a_number" }, field2);
        return Number(text14);
      };
      setTimers(
        deps.db,
        deps.clock,
        {
          remindAfterHours: hours(policyBlocks.remind, "remindAfterHours"),
          escalateAfterHours: hours(policyBlocks.escalate, "escalateAfterHours"),
        },
        submit.userId,
      );
      return { close: true };
    }),
  );
}
function readTiers(submit, currency) {
  const tiers = [];
  for (let tier = 1; tier <= tierCount; tier += 1) {
    const amount = submit.value(policyBlocks.amount(tier), policyBlocks.amount(tier)).trim();
    const role = submit.value(policyBlocks.role(tier), policyBlocks.role(tier));
    if (!amount && !role) continue;
    if (!amount || !isRole(role))
      throw new JxcError("INVALID_INPUT", { problem: "incomplete" }, `tier${tier}`);
    try {
      tiers.push({ minAmount: parseMoney(amount, currencyDecimals(currency)), role });
    } catch (error) {
      if (error instanceof JxcError) throw new JxcError(error.code, error.params, `tier${tier}`);
      throw error;
    }
  }
  return tiers;
}

// src/domain/receiving/receive-goods.ts
import { randomUUID as randomUUID5 } from "node:crypto";
import { sql as sql16 } from "drizzle-orm";

// src/domain/receiving/check-lines.ts
function checkLines2(lines2, poLines, tolerancePct, requireBin) {
  const seen = /* @__PURE__ */ new Set();
  return lines2.map((line3) => {
    const field2 = (name) => `line${line3.lineNo}_${name}`;
    const poLine = poLines.get(line3.lineNo);
    if (!poLine || seen.has(line3.lineNo)) {
      throw new JxcError("INVALID_INPUT", { input: String(line3.lineNo) }, field2("received"));
    }
    seen.add(line3.lineNo);
    checkQuantity(line3.received, field2("received"), true);
    checkQuantity(line3.accepted, field2("accepted"), false);
    checkQuantity(line3.rejected, field2("rejected"), false);
    if (line3.accepted + line3.rejected !== line3.received) {
      throw new JxcError(
        "INVALID_QUANTITY",
        { input: `${line3.accepted} + ${line3.rejected}`, problem: "mismatch" },
        field2("accepted"),
      );
    }
    if (line3.rejected > 0 && !line3.rejectReason) {
      throw new JxcError("INVALID_INPUT", { problem: "empty" }, field2("reason"));
    }
    if (line3.accepted > 0) {
      if (line3.locationId === void 0)
        throw new JxcError("INVALID_INPUT", { problem: "empty" }, field2("bin"));
      requireBin(line3.locationId, field2("bin"));
    }
    const over = poLine.settled + line3.accepted > maxAcceptedQty(poLine.ordered, tolerancePct);
    return { line: line3, poLine, over };
  });
}
function checkQuantity(qty, field2, positive) {
  if (Number.isSafeInteger(qty) && qty >= (positive ? 1 : 0) && qty <= maxQuantity) return;
  const problem = !Number.isInteger(qty)
    ? "fractional"
    : qty < 0
      ? "negative"
      : qty === 0
        ? "zero"
        : "too_large";
  throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem }, field2);
}

// src/domain/receiving/receive-goods.ts
function receiveGoods(db2, clock, input) {
  requirePermission(db2, input.userId, "po.receive");
  if (input.lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const at2 = clock.now();
      const po = requireReceivablePo(tx, input.purchaseOrderId);
      const poLines = new Map(readReceivableLines(db2, po.id).map((line3) => [line3.lineNo, line3]));
      const tolerancePct = readReceiptTolerancePct(tx);
      const checked2 = checkLines2(input.lines, poLines, tolerancePct, (locationId, field2) =>
        requireLocation(tx, locationId, field2),
      );
      const number2 = nextDocumentNumber(tx, "goods_receipt");
      if (checked2.some((c) => c.over)) {
        return holdReceipt(db2, tx, {
          po,
          number: number2,
          checked: checked2,
          tolerancePct,
          userId: input.userId,
          at: at2,
        });
      }
      const { id } = tx
        .insert(goodsReceipts)
        .values({ number: number2, purchaseOrderId: po.id, receivedBy: input.userId, receivedAt: at2 })
        .returning({ id: goodsReceipts.id })
        .get();
      const ctx = {
        userId: input.userId,
        at: at2,
        batchId: randomUUID5(),
        docType: "goods_receipt",
        docId: id,
      };
      const posted = [];
      const insertLine = insertLineStatement(db2);
      for (const { line: line3, poLine } of checked2) {
        const move =
          line3.accepted > 0 && line3.locationId !== void 0
            ? receiveStock(tx, ctx, {
                itemId: poLine.itemId,
                locationId: line3.locationId,
                qty: line3.accepted,
                unitCost: poLine.unitPrice,
                reason: "receipt",
              })
            : void 0;
        insertLine.run({ ...lineRow(id, line3, poLine), moveId: move?.moveId ?? null });
        poLine.accepted += line3.accepted;
        poLine.settled += line3.accepted;
        poLine.open = Math.max(poLine.ordered - poLine.settled, 0);
        posted.push(postedLine(line3, poLine, move?.value ?? 0));
      }
      const result = finishReceipt(tx, {
        po,
        receipt: { id, number: number2, receivedBy: input.userId },
        lines: [...poLines.values()],
        posted,
        at: at2,
        actor: input.userId,
      });
      return {
        id,
        number: number2,
        status: "posted",
        poNumber: po.number,
        ...result,
        lines: posted,
        approverRoles: [],
        over: [],
        tolerancePct,
      };
    },
    { behavior: "immediate" },
  );
}
function holdReceipt(db2, tx, input) {
  const { po, number: number2, checked: checked2, userId, at: at2 } = input;
  const { id } = tx
    .insert(goodsReceipts)
    .values({
      number: number2,
      purchaseOrderId: po.id,
      receivedBy: userId,
      receivedAt: at2,
      status: "pending_approval",
    })
    .returning({ id: goodsReceipts.id })
    .get();
  const insertLine = insertLineStatement(db2);
  for (const { line: line3, poLine } of checked2)
    insertLine.run({ ...lineRow(id, line3, poLine), moveId: null });
  const { summary, excessValue } = overReceiptSummary(tx, {
    po,
    receivedBy: userId,
    tolerancePct: input.tolerancePct,
    lines: checked2.map(({ line: line3, poLine, over }) => ({ line: line3, poLine, over })),
  });
  writeAudit(tx, {
    actor: userId,
    action: "gr.hold",
    entity: "goods_receipt",
    entityId: number2,
    after: { po: po.number, summary },
    at: at2,
  });
  const approval = requestApproval(tx, at2, {
    docType: "goods_receipt",
    docId: id,
    docNumber: number2,
    amount: excessValue,
    requestedBy: userId,
    summary,
  });
  if (!approval) {
    const posted = postHeldReceipt(tx, { receiptId: id, at: at2, actor: userId });
    return { ...posted, status: "posted", approverRoles: [], over: [], tolerancePct: input.tolerancePct };
  }
  emitEvent(
    tx,
    {
      type: "receipt.awaiting_approval",
      actor: userId,
      docType: "purchase_order",
      docId: po.id,
      payload: { number: po.number, receipt: number2, receiptId: id, owner: po.createdBy },
    },
    at2,
  );
  const lines2 = checked2.map(({ line: line3, poLine }) => postedLine(line3, poLine, 0));
  return {
    id,
    number: number2,
    status: "pending_approval",
    poNumber: po.number,
    poStatus: po.status,
    accepted: lines2.reduce((sum, line3) => sum + line3.accepted, 0),
    rejected: lines2.reduce((sum, line3) => sum + line3.rejected, 0),
    value: 0,
    lines: lines2,
    approverRoles: approval.roles,
    over: summary.lines,
    tolerancePct: input.tolerancePct,
  };
}
function lineRow(goodsReceiptId, line3, poLine) {
  return {
    goodsReceiptId,
    purchaseOrderLineId: poLine.id,
    received: line3.received,
    accepted: line3.accepted,
    rejected: line3.rejected,
    rejectReason: line3.rejected > 0 ? (line3.rejectReason ?? null) : null,
    locationId: line3.accepted > 0 ? (line3.locationId ?? null) : null,
    supplierReturn: line3.rejected > 0 ? "pending" : "none",
  };
}
function postedLine(line3, poLine, value) {
  return {
    lineNo: poLine.lineNo,
    sku: poLine.sku,
    unit: poLine.unit,
    accepted: line3.accepted,
    rejected: line3.rejected,
    rejectReason: line3.rejected > 0 ? (line3.rejectReason ?? null) : null,
    locationId: line3.accepted > 0 ? (line3.locationId ?? null) : null,
    value,
  };
}
var insertLineStatement = preparedPerDb((db2) => {
  const p2 = sql16.placeholder;
  return db2
    .insert(goodsReceiptLines)
    .values({
      goodsReceiptId: p2("goodsReceiptId"),
      purchaseOrderLineId: p2("purchaseOrderLineId"),
      received: p2("received"),
      accepted: p2("accepted"),
      rejected: p2("rejected"),
      rejectReason: p2("rejectReason"),
      locationId: p2("locationId"),
      moveId: p2("moveId"),
      supplierReturn: p2("supplierReturn"),
    })
    .prepare();
});

// src/domain/returns/decide-rejects.ts
import { randomUUID as randomUUID6 } from "node:crypto";
// src/domain/receiving/po-progress.ts
import { and as and26, desc as desc7, eq as eq45, eq as eq46, sql as sql17 } from "drizzle-orm";
// commands/receive/decide.ts
import { z as z8 } from "zod";

function settlePurchaseOrder(tx, db2, po, actor, at2) {
  const complete = readReceivableLines(db2, po.id).every((l) => l.open === 0);
  if (!complete) return po.status;
  if (po.status === "on_hold" && po.heldFrom === "partially_received") {
    tx.update(purchaseOrders)
      .set({ heldFrom: "received", updatedAt: at2 })
      .where(and26(eq45(purchaseOrders.id, po.id), eq45(purchaseOrders.status, "on_hold")))
      .run();
    writeAudit(tx, {
      actor,
      action: "po.receive_all",
      entity: "purchase_order",
      entityId: po.number,
      before: { status: po.status, heldFrom: po.heldFrom },
      after: { status: po.status, heldFrom: "received" },
      at: at2,
    });
    return po.status;
  }
  if (po.status !== "partially_received") return po.status;
  const status = nextStatus(po, "receive_all");
  tx.update(purchaseOrders)
    .set({ status, updatedAt: at2 })
    .where(and26(eq45(purchaseOrders.id, po.id), eq45(purchaseOrders.status, po.status)))
    .run();
  writeAudit(tx, {
    actor,
    action: "po.receive_all",
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status },
    at: at2,
  });
  return status;
}

// src/domain/returns/decide-rejects.ts
function isRejectDecisionKind(value) {
  return rejectDecisionKinds.includes(value);
}
function decideRejectedGoods(db2, clock, input) {
  requirePermission(db2, input.userId, "po.rejects");
  return db2.transaction(
    (tx) => {
      shareStatements(db2, tx);
      const at2 = clock.now();
      const { line: line3, undecided } = requireOpenLine(
        tx,
        input.goodsReceiptLineId,
        input.expectedUndecided,
      );
      checkQuantity(input.qty, "qty", true);
      if (input.qty > undecided) {
        throw new JxcError(
          "REJECTS_LEFT",
          { sku: line3.sku, receipt: line3.receipt, left: undecided },
          "qty",
        );
      }
      const poLines = readReceivableLines(db2, line3.poId);
      const poLine = poLines.find((l) => l.id === line3.poLineId);
      if (!poLine) throw new JxcError("STALE_ACTION");
      const po = { number: line3.poNumber, status: line3.poStatus, heldFrom: line3.heldFrom };
      let locationId = null;
      let move;
      if (input.decision === "replace") {
        const expects =
          receivableStatuses.includes(po.status) ||
          (po.status === "on_hold" && po.heldFrom !== null && receivableStatuses.includes(po.heldFrom));
        if (!expects || poLine.open < input.qty) {
          throw new JxcError("REPLACEMENT_NOT_EXPECTED", {
            number: po.number,
            sku: line3.sku,
            owed: expects ? poLine.open : 0,
            qty: input.qty,
          });
        }
      }
      if (input.decision === "accept") {
        locationId = input.locationId ?? line3.locationId;
        if (locationId === null) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "bin");
        requireLocation(tx, locationId, "bin");
        const pct = readReceiptTolerancePct(tx);
        const most = maxAcceptedQty(poLine.ordered, pct);
        if (poLine.settled + input.qty > most) {
          throw new JxcError(
            "OVER_RECEIPT",
            {
              sku: line3.sku,
              ordered: poLine.ordered,
              already: poLine.settled,
              most: Math.max(most - poLine.settled, 0),
              pct,
            },
            "qty",
          );
        }
        move = receiveStock(
          tx,
          {
            userId: input.userId,
            at: at2,
            batchId: randomUUID6(),
            docType: "goods_receipt",
            docId: line3.receiptId,
          },
          { itemId: line3.itemId, locationId, qty: input.qty, unitCost: line3.unitPrice, reason: "receipt" },
        );
      }
      const number2 = input.decision === "accept" ? null : nextDocumentNumber(tx, "supplier_return");
      const { id } = tx
        .insert(rejectDecisions)
        .values({
          goodsReceiptLineId: line3.id,
          purchaseOrderLineId: line3.poLineId,
          decision: input.decision,
          qty: input.qty,
          number: number2,
          locationId,
          moveId: move?.moveId ?? null,
          decidedBy: input.userId,
          decidedAt: at2,
        })
        .returning({ id: rejectDecisions.id })
        .get();
      if (input.qty === undecided) {
        tx.update(goodsReceiptLines)
          .set({ supplierReturn: "decided" })
          .where(eq46(goodsReceiptLines.id, line3.id))
          .run();
      }
      const poStatus =
        input.decision === "replace"
          ? po.status
          : settlePurchaseOrder(tx, db2, { id: line3.poId, ...po }, input.userId, at2);
      writeAudit(tx, {
        actor: input.userId,
        action: `gr.reject_${input.decision}`,
        entity: "goods_receipt",
        entityId: line3.receipt,
        before: { lineNo: line3.lineNo, undecided },
        after: {
          lineNo: line3.lineNo,
          sku: line3.sku,
          qty: input.qty,
          number: number2,
          locationId,
          value: move?.value ?? 0,
        },
        at: at2,
      });
      emitEvent(
        tx,
        {
          type: "receipt.decided",
          actor: input.userId,
          docType: "purchase_order",
          docId: line3.poId,
          payload: {
            number: line3.poNumber,
            receipt: line3.receipt,
            receiptId: line3.receiptId,
            decisionId: id,
            decision: input.decision,
            from: po.status,
            to: poStatus,
            owner: line3.poAuthor,
            receiver: line3.receivedBy,
          },
        },
        at2,
      );
      return {
        id,
        decision: input.decision,
        number: number2,
        qty: input.qty,
        sku: line3.sku,
        unit: line3.unit,
        receipt: line3.receipt,
        poNumber: line3.poNumber,
        poStatus,
        locationId,
        value: move?.value ?? 0,
        undecided: undecided - input.qty,
      };
    },
    { behavior: "immediate" },
  );
}
function requireUndecided(db2, goodsReceiptLineId, expectedUndecided) {
  db2.transaction((tx) => {
    requireOpenLine(tx, goodsReceiptLineId, expectedUndecided);
  });
}
function requireOpenLine(tx, goodsReceiptLineId, expectedUndecided) {
  const line3 = readLine(tx, goodsReceiptLineId);
  if (line3?.receiptStatus !== "posted") throw new JxcError("STALE_ACTION");
  const decided2 = tx
    .select({ qty: sql17`coalesce(sum(${rejectDecisions.qty}), 0)`.mapWith(Number) })
    .from(rejectDecisions)
    .where(eq46(rejectDecisions.goodsReceiptLineId, line3.id))
    .get();
  const undecided = line3.rejected - (decided2?.qty ?? 0);
  if (undecided <= 0) throw alreadyDecided(tx, line3.id);
  if (expectedUndecided !== void 0 && expectedUndecided !== undecided) {
    throw new JxcError("REJECTS_LEFT", { sku: line3.sku, receipt: line3.receipt, left: undecided });
  }
  return { line: line3, undecided };
}
function readLine(tx, goodsReceiptLineId) {
  return tx
    .select({
      id: goodsReceiptLines.id,
      rejected: goodsReceiptLines.rejected,
      locationId: goodsReceiptLines.locationId,
      receiptId: goodsReceipts.id,
      receipt: goodsReceipts.number,
      receiptStatus: goodsReceipts.status,
      receivedBy: goodsReceipts.receivedBy,
      poLineId: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      unitPrice: purchaseOrderLines.unitPrice,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      unit: items.baseUnit,
      poId: purchaseOrders.id,
      poNumber: purchaseOrders.number,
      poStatus: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      poAuthor: purchaseOrders.createdBy,
    })
    .from(goodsReceiptLines)
    .innerJoin(goodsReceipts, eq46(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq46(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(purchaseOrders, eq46(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .innerJoin(items, eq46(items.id, purchaseOrderLines.itemId))
    .where(eq46(goodsReceiptLines.id, goodsReceiptLineId))
    .get();
}
function alreadyDecided(tx, goodsReceiptLineId) {
  const last = tx
    .select({ by: rejectDecisions.decidedBy, decision: rejectDecisions.decision })
    .from(rejectDecisions)
    .where(eq46(rejectDecisions.goodsReceiptLineId, goodsReceiptLineId))
    .orderBy(desc7(rejectDecisions.id))
    .get();
  return new JxcError("ALREADY_DECIDED", last ? { by: last.by, decision: last.decision } : {});
}

// commands/receive/modal.ts
var modalReceiptLines = 19;
var maxLineNo = 100;
var fields2 = ["received", "accepted", "rejected", "reason", "bin"];
var grBlock = (lineNo, field2) => `gr_line${lineNo}_${field2}`;
function receiptFieldBlocks() {
  const map = {};
  for (let n3 = 1; n3 <= maxLineNo; n3 += 1) {
    for (const field2 of fields2) map[`line${n3}_${field2}`] = grBlock(n3, field2);
  }
  return map;
}
function binWithStock(db2, itemId) {
  const best = getItemStock(db2, itemId)
    .locations.filter((l) => l.onHand > 0)
    .sort((a, b) => b.onHand - a.onHand)[0];
  return best ? { locationId: best.locationId, place: `${best.warehouseCode}/${best.locationCode}` } : void 0;
}
function numberInput(blockId, label, initial, hint) {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: { type: "plain_text", text: clip(label, 2e3) },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 40,
      ...(initial ? { initial_value: initial } : {}),
      ...(hint ? { placeholder: { type: "plain_text", text: clip(hint, 150) } } : {}),
    },
  };
}
function receiptModal(db2, po, open4, context_) {
  const { locale } = context_;
  const m = messages(locale).receive;
  const shown = open4.slice(0, modalReceiptLines);
  const blocks = [
    section(
      m.modal.intro({
        number: po.number,
        supplier: escapeMrkdwn(localName(locale, po.supplier.name, po.supplier.nameZh)),
        tolerance: context_.tolerancePct,
      }),
    ),
  ];
  for (const line3 of shown) {
    const sku = clip(line3.sku, 60);
    const openQty = String(line3.open);
    blocks.push(
      numberInput(
        grBlock(line3.lineNo, "received"),
        m.modal.received({ sku, open: baseQuantity(line3.open, line3.unit) }),
        openQty,
      ),
      numberInput(grBlock(line3.lineNo, "accepted"), m.modal.accepted({ sku }), "", m.modal.acceptedHint),
      numberInput(grBlock(line3.lineNo, "rejected"), m.modal.rejected({ sku }), ""),
      {
        type: "input",
        block_id: grBlock(line3.lineNo, "reason"),
        optional: true,
        label: { type: "plain_text", text: clip(m.modal.reason({ sku }), 2e3) },
        element: {
          type: "static_select",
          action_id: grBlock(line3.lineNo, "reason"),
          options: rejectReasons.map((reason) => ({
            text: { type: "plain_text", text: m.reasons[reason] },
            value: reason,
          })),
        },
      },
      numberInput(
        grBlock(line3.lineNo, "bin"),
        m.modal.bin({ sku }),
        binWithStock(db2, line3.itemId)?.place ?? "",
        "MAIN/A-01",
      ),
    );
  }
  if (open4.length > shown.length) {
    blocks.push(context([m.modal.more({ count: open4.length - shown.length, number: po.number })]));
  }
  return {
    type: "modal",
    callback_id: callbackIds.goodsReceipt,
    private_metadata: JSON.stringify({ poId: po.id, lines: shown.map((l) => [l.lineNo, l.itemId]) }),
    title: { type: "plain_text", text: clip(m.modal.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.modal.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.modal.close, limits.modalTitle) },
    blocks,
  };
}
var ReceiptFormErrors = class extends Error {
  constructor(errors) {
    super("form errors");
    this.errors = errors;
  }
  errors;
};
function isRejectReason(value) {
  return rejectReasons.includes(value);
}
function withField2(run, field2) {
  try {
    return run();
  } catch (error) {
    if (isJxcError(error)) throw new JxcError(error.code, error.params, field2);
    throw error;
  }
}
function readReceiptForm(db2, submit) {
  const meta = JSON.parse(submit.privateMetadata || "{}");
  if (typeof meta !== "object" || meta === null || !("poId" in meta) || !("lines" in meta)) {
    throw new JxcError("STALE_ACTION");
  }
  const poId = Number(meta.poId);
  const shown = Array.isArray(meta.lines) ? meta.lines : [];
  const lines2 = [];
  for (const entry of shown) {
    if (!Array.isArray(entry)) continue;
    const lineNo = Number(entry[0]);
    const item = getItem(db2, Number(entry[1]));
    if (!Number.isSafeInteger(lineNo) || !item) throw new JxcError("STALE_ACTION");
    const value = (field2) => submit.value(grBlock(lineNo, field2), grBlock(lineNo, field2)).trim();
    const qty = (field2) => {
      const text14 = value(field2);
      return text14 === ""
        ? void 0
        : withField2(() => parseQuantity(text14, item).baseQty, `line${lineNo}_${field2}`);
    };
    const received = qty("received");
    if (received === void 0) continue;
    const rejected = qty("rejected") ?? 0;
    const accepted = qty("accepted") ?? received - rejected;
    const reason = value("reason");
    const binText = value("bin");
    let locationId;
    if (binText && accepted > 0) {
      const place2 = withField2(() => resolvePlace(db2, binText), `line${lineNo}_bin`);
      if (!place2) {
        throw new ReceiptFormErrors({
          [grBlock(lineNo, "bin")]: messages(submit.locale).receive.badBin({ input: binText }),
        });
      }
      locationId = place2.locationId;
    }
    lines2.push({
      lineNo,
      received,
      accepted,
      rejected,
      rejectReason: isRejectReason(reason) ? reason : void 0,
      locationId,
    });
  }
  const first = shown[0];
  if (lines2.length === 0) {
    const firstLine = Array.isArray(first) ? Number(first[0]) : 1;
    throw new ReceiptFormErrors({
      [grBlock(firstLine, "received")]: messages(submit.locale).receive.modal.empty,
    });
  }
  return { poId, lines: lines2 };
}

// commands/receive/decide.ts
var qtyBlock = "accept_qty";
var binBlock = "accept_bin";
var acceptMetadata = z8.object({ lineId: z8.number().int(), undecided: z8.number().int() });
function registerRejectDecisions(router, deps) {
  router.action(
    actionPatterns.rejectDecision,
    buttonAction(deps.logger, async (click) => {
      const decision = /^reject_(return|replace|accept)_/.exec(click.actionId)?.[1] ?? "";
      const token = parseDecisionToken2(click.value);
      if (!token || !isRejectDecisionKind(decision)) throw new JxcError("STALE_ACTION");
      requirePermission(deps.db, click.userId, "po.rejects");
      if (decision === "accept") {
        requireUndecided(deps.db, token.lineId, token.undecided);
        const line3 = readRejectedLine(deps.db, token.lineId);
        if (!line3) throw new JxcError("STALE_ACTION");
        await click.openModal(acceptModal(deps, line3, click.locale));
        return;
      }
      const done = decideRejectedGoods(deps.db, deps.clock, {
        goodsReceiptLineId: token.lineId,
        decision,
        qty: token.undecided,
        expectedUndecided: token.undecided,
        userId: click.userId,
      });
      deps.notifier.kick();
      await click.respond({
        ...toEphemeral({ text: doneText(deps, done, click.locale) }),
        replace_original: false,
      });
    }),
  );
  router.view(
    callbackIds.rejectAccept,
    viewSubmission(
      deps.logger,
      { fieldBlocks: { qty: qtyBlock, bin: binBlock }, fallbackBlock: qtyBlock },
      (submit) => {
        const metadata3 = acceptMetadata.safeParse(parseJson(submit.privateMetadata));
        if (!metadata3.success) throw new JxcError("STALE_ACTION");
        const line3 = readRejectedLine(deps.db, metadata3.data.lineId);
        const item = line3 && getItem(deps.db, line3.itemId);
        if (!line3 || !item) throw new JxcError("STALE_ACTION");
        const qtyText = submit.value(qtyBlock, qtyBlock).trim();
        const qty =
          qtyText === "" ? line3.undecided : withField2(() => parseQuantity(qtyText, item).baseQty, "qty");
        const binText = submit.value(binBlock, binBlock).trim();
        const place2 = binText === "" ? void 0 : withField2(() => resolvePlace(deps.db, binText), "bin");
        if (binText !== "" && !place2) {
          return { errors: { [binBlock]: messages(submit.locale).receive.badBin({ input: binText }) } };
        }
        const done = decideRejectedGoods(deps.db, deps.clock, {
          goodsReceiptLineId: line3.goodsReceiptLineId,
          decision: "accept",
          qty,
          expectedUndecided: metadata3.data.undecided,
          ...(place2 ? { locationId: place2.locationId } : {}),
          userId: submit.userId,
        });
        deps.notifier.kick();
        return { update: doneView2(doneText(deps, done, submit.locale), submit.locale) };
      },
    ),
  );
}
function placeText(deps, locationId) {
  const place2 = locationId === null ? void 0 : placeName(deps.db, locationId);
  return place2 ? `${place2.warehouseCode}/${place2.locationCode}` : "";
}
function doneText(deps, done, locale) {
  const r = messages(locale).returns;
  const common = {
    qty: baseQuantity(done.qty, done.unit),
    sku: escapeMrkdwn(done.sku),
    number: done.poNumber,
    status: messages(locale).po.statuses[done.poStatus],
  };
  const text14 =
    done.decision === "accept"
      ? r.done.accept({
          ...common,
          place: escapeMrkdwn(placeText(deps, done.locationId)),
          value: formatMoney(done.value, deps.company.currency, locale),
        })
      : r.done[done.decision]({ ...common, rtn: done.number ?? "" });
  return done.undecided > 0 ? text14 + r.left({ qty: baseQuantity(done.undecided, done.unit) }) : text14;
}
function acceptModal(deps, line3, locale) {
  const r = messages(locale).returns;
  const reasons = messages(locale).receive.reasons;
  const bin = placeText(deps, line3.locationId) || (binWithStock(deps.db, line3.itemId)?.place ?? "");
  const qty = baseQuantity(line3.undecided, line3.unit);
  const input = (blockId, label, initial, hint) => ({
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: clip(label, 2e3) },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 40,
      ...(initial ? { initial_value: initial } : {}),
      ...(hint ? { placeholder: { type: "plain_text", text: hint } } : {}),
    },
  });
  return {
    type: "modal",
    callback_id: callbackIds.rejectAccept,
    private_metadata: JSON.stringify({ lineId: line3.goodsReceiptLineId, undecided: line3.undecided }),
    title: { type: "plain_text", text: clip(r.modal.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(r.modal.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(r.modal.close, limits.modalTitle) },
    blocks: [
      section(
        r.modal.intro({
          qty,
          sku: escapeMrkdwn(line3.sku),
          receipt: line3.receipt,
          reason: line3.rejectReason ? reasons[line3.rejectReason] : "",
          price: formatMoney(line3.unitPrice, deps.company.currency, locale),
        }),
      ),
      input(qtyBlock, r.modal.qty({ qty }), String(line3.undecided)),
      input(binBlock, r.modal.bin, bin, "MAIN/A-01"),
    ],
  };
}
function doneView2(text14, locale) {
  const r = messages(locale).returns.modal;
  return {
    type: "modal",
    callback_id: `${callbackIds.rejectAccept}_done`,
    title: { type: "plain_text", text: clip(r.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(r.done, limits.modalTitle) },
    blocks: [section(text14)],
  };
}

// commands/receive/index.ts
var poNumber2 = /^PO-\d{1,9}$/i;
function registerReceiveCommand(router, deps) {
  router.command(
    slashCommands.receive,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const [first = "", mode, placeText2, ...rest] = request.text.split(/\s+/).filter(Boolean);
      const m = messages(locale).receive;
      if (!poNumber2.test(first) || rest.length > 0 || (mode !== void 0 && !/^(all|全部)$/i.test(mode))) {
        return { text: m.usage };
      }
      requirePermission(deps.db, userId, "po.receive");
      const po = readPurchaseOrder(deps.db, first);
      if (!po) throw new JxcError("NOT_FOUND", { what: first.toUpperCase() });
      if (!receivableStatuses.includes(po.status)) {
        throw new JxcError("ILLEGAL_TRANSITION", {
          number: po.number,
          status: po.status,
          action: "receive_part",
        });
      }
      const open4 = readReceivableLines(deps.db, po.id).filter((line3) => line3.open > 0);
      if (open4.length === 0) return { text: m.nothingOpen({ number: po.number }) };
      if (mode === void 0) {
        const view = receiptModal(deps.db, po, open4, {
          locale,
          tolerancePct: readReceiptTolerancePct(deps.db),
        });
        await request.openModal(view);
        return void 0;
      }
      const place2 = placeText2 ? resolvePlace(deps.db, placeText2) : void 0;
      if (placeText2 && !place2) return { text: m.badBin({ input: placeText2 }) };
      const lines2 = [];
      for (const line3 of open4) {
        const locationId = place2?.locationId ?? binWithStock(deps.db, line3.itemId)?.locationId;
        if (locationId === void 0)
          return { text: m.noBin({ sku: escapeMrkdwn(line3.sku), number: po.number }) };
        lines2.push({
          lineNo: line3.lineNo,
          received: line3.open,
          accepted: line3.open,
          rejected: 0,
          locationId,
        });
      }
      const posted = receiveGoods(deps.db, deps.clock, { purchaseOrderId: po.id, lines: lines2, userId });
      deps.notifier.kick();
      return postedReply(deps, posted, locale);
    }),
  );
  router.view(
    callbackIds.goodsReceipt,
    viewSubmission(
      deps.logger,
      { fieldBlocks: receiptFieldBlocks(), fallbackBlock: "gr_line1_received" },
      (submit) => {
        requirePermission(deps.db, submit.userId, "po.receive");
        let form;
        try {
          form = readReceiptForm(deps.db, submit);
        } catch (error) {
          if (error instanceof ReceiptFormErrors) return { errors: error.errors };
          throw error;
        }
        const posted = receiveGoods(deps.db, deps.clock, {
          purchaseOrderId: form.poId,
          lines: form.lines,
          userId: submit.userId,
        });
        deps.notifier.kick();
        return { update: doneView3(postedReply(deps, posted, submit.locale), submit.locale) };
      },
    ),
  );
  registerRejectDecisions(router, deps);
}
function postedReply(deps, posted, locale) {
  const m = messages(locale).receive;
  if (posted.status === "pending_approval") {
    const names = messages(locale).roleNames;
    const text15 = messages(locale).returns.over.pending({
      receipt: posted.number,
      number: posted.poNumber,
      pct: posted.tolerancePct,
      lines: posted.over.map((line3) => `\u2022 ${overLineText(line3, locale)}`).join("\n"),
      roles: posted.approverRoles.map((role) => names[role]).join(" \u2192 "),
    });
    return { text: text15, blocks: [section(text15)] };
  }
  const receipt = readGoodsReceipt(deps.db, posted.id);
  const summary = receipt ? receiptSummary(receipt, locale) : "";
  const text14 = m.posted({
    receipt: posted.number,
    number: posted.poNumber,
    summary,
    status: messages(locale).po.statuses[posted.poStatus],
  });
  const rejected = receipt?.lines.some((line3) => line3.rejected > 0) ?? false;
  const full = rejected
    ? `${text14}
${m.returnPending}`
    : text14;
  return { text: full, blocks: [section(full)] };
}
function doneView3(reply, locale) {
  const m = messages(locale).receive.modal;
  return {
    type: "modal",
    callback_id: `${callbackIds.goodsReceipt}_done`,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
    blocks: reply.blocks ?? [section(reply.text)],
  };
}

// src/domain/stock/on-order.ts
import { and as and27, eq as eq47, inArray as inArray9, sql as sql18 } from "drizzle-orm";

function onOrderQty(db2, itemId) {
  return Number(onOrderQuery(db2).get({ itemId })?.qty ?? 0);
}
var onOrderQuery = preparedPerDb((db2) =>
  db2
    .select({ qty: sql18`coalesce(sum(${sql18.raw(owedSql('"purchase_order_lines"'))}), 0)` })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq47(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and27(
        eq47(purchaseOrderLines.itemId, sql18.placeholder("itemId")),
        inArray9(purchaseOrders.status, [...openForDelivery]),
      ),
    )
    .prepare(),
);

// commands/stock/tokens.ts
import { z as z9 } from "zod";

var pageSchema = z9.object({
  q: z9.string().max(100),
  w: z9.number().int().positive().optional(),
  o: z9.number().int().min(0),
});
var itemSchema = z9.object({ i: z9.number().int().positive(), w: z9.number().int().positive().optional() });
function encodePage(token) {
  return JSON.stringify({ q: token.query, w: token.warehouseId, o: token.offset });
}
function decodePage(value) {
  const parsed = pageSchema.safeParse(parseJson(value));
  return parsed.success
    ? { query: parsed.data.q, warehouseId: parsed.data.w, offset: parsed.data.o }
    : void 0;
}
function encodeShare(token) {
  return JSON.stringify({ i: token.itemId, w: token.warehouseId });
}
function decodeItem(value) {
  const parsed = itemSchema.safeParse(parseJson(value));
  return parsed.success ? { itemId: parsed.data.i, warehouseId: parsed.data.w } : void 0;
}

// commands/stock/render.ts
var maxBinLines = 25;
function renderItemStock(item, stock, options) {
  const { locale } = options;
  const m = messages(locale).stock;
  const qty = (n3) => formatQuantity(n3, item);
  const bins = stock.locations.filter(
    (l) => options.warehouseId === void 0 || l.warehouseId === options.warehouseId,
  );
  const totals = options.warehouseId === void 0 ? stock : sumBins(bins);
  const low = item.reorderPoint !== null && totals.available + stock.onOrder <= item.reorderPoint;
  const figures = [
    `*${m.onHand}*
${qty(totals.onHand)}`,
    `*${m.reserved}*
${qty(totals.reserved)}`,
    `*${m.available}*
${qty(totals.available)}`,
    `*${m.onOrder}*
${qty(stock.onOrder)}`,
  ];
  if (options.showCost) {
    figures.push(`*${m.value}*
${formatMoney(stock.value, options.currency, locale)}`);
    figures.push(
      `*${m.averageCost}*
${stock.averageUnitCost === void 0 ? "\u2014" : `${formatMoney(stock.averageUnitCost, options.currency, locale)} / ${item.baseUnit}`}`,
    );
  }
  const binLines = bins
    .slice(0, maxBinLines)
    .map(
      (l) =>
        `*${escapeMrkdwn(l.warehouseCode)}* \xB7 \`${escapeMrkdwn(l.locationCode)}\` \u2014 ${m.onHand} ${qty(l.onHand)} \xB7 ${m.reserved} ${qty(l.reserved)} \xB7 ${m.available} ${qty(l.available)}`,
    );
  if (bins.length > maxBinLines) binLines.push(m.moreBins({ count: bins.length - maxBinLines }));
  const title2 = itemTitle(item, locale);
  const blocks = [
    header(title2),
    ...(low ? [section(m.lowStock({ reorderPoint: qty(item.reorderPoint ?? 0) }))] : []),
    fields(figures),
    section(`*${m.byLocation}*
${binLines.join("\n") || m.nothingStocked}`),
  ];
  if (options.sharedBy) {
    blocks.push(context([m.sharedBy({ user: options.sharedBy })]));
  } else {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: actionIds.stockShare,
          text: { type: "plain_text", text: m.share },
          value: encodeShare({ itemId: item.id, warehouseId: options.warehouseId }),
        },
      ],
    });
  }
  const text14 = `${title2}: ${m.onHand} ${qty(totals.onHand)}, ${m.available} ${qty(totals.available)}`;
  return { text: text14, blocks };
}
function renderItemList(found, page, locale) {
  const m = messages(locale).stock;
  const from = found.offset + 1;
  const to = found.offset + found.items.length;
  const heading = m.matches({ total: found.total, query: escapeMrkdwn(page.query), from, to });
  const rows = found.items.map((item, i) => ({
    type: "section",
    text: {
      type: "mrkdwn",
      text: clip(
        `\`${escapeMrkdwn(item.sku)}\` ${escapeMrkdwn(itemTitle(item, locale))} \u2014 ${m.available} ${formatQuantity(found.available.get(item.id) ?? 0, item)}`,
        3e3,
      ),
    },
    accessory: {
      type: "button",
      action_id: `${actionIds.stockShowPrefix}${i}`,
      text: { type: "plain_text", text: m.details },
      value: encodeShare({ itemId: item.id, warehouseId: page.warehouseId }),
    },
  }));
  const paging = [
    ...(found.offset > 0
      ? [pageButton(m.previous, { ...page, offset: Math.max(0, found.offset - found.limit) })]
      : []),
    ...(to < found.total ? [pageButton(m.next, { ...page, offset: to })] : []),
  ];
  const blocks = [section(heading), ...rows];
  if (paging.length > 0) blocks.push({ type: "actions", elements: paging });
  return { text: heading, blocks };
}
function renderNoMatch(query, suggestions, locale) {
  const m = messages(locale).stock;
  const lines2 = suggestions.map(
    (item) => `\u2022 \`${escapeMrkdwn(item.sku)}\` ${escapeMrkdwn(itemTitle(item, locale))}`,
  );
  const shown = escapeMrkdwn(query);
  const text14 =
    lines2.length > 0
      ? `${m.noMatch({ query: shown })}
${m.suggestions}
${lines2.join("\n")}`
      : m.noMatch({ query: shown });
  return { text: text14, blocks: [section(text14)] };
}
function itemTitle(item, locale) {
  return locale === "zh-CN" && item.nameZh
    ? `${item.nameZh} (${item.name})`
    : item.nameZh
      ? `${item.name} \xB7 ${item.nameZh}`
      : item.name;
}
function pageButton(text14, token) {
  return {
    type: "button",
    action_id: `${actionIds.stockPagePrefix}${token.offset}`,
    text: { type: "plain_text", text: text14 },
    value: encodePage(token),
  };
}
function sumBins(bins) {
  return bins.reduce(
    (sum, l) => ({
      onHand: sum.onHand + l.onHand,
      reserved: sum.reserved + l.reserved,
      available: sum.available + l.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
}

// commands/stock/index.ts
var pageSize = 10;
function registerStockCommand(router, deps) {
  router.command(
    slashCommands.stock,
    slashCommand(deps.logger, ({ text: text14, userId, locale }) =>
      readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, userId, "stock.view");
        const { query, warehouseCode } = splitWarehouse(text14);
        const warehouseId = warehouseCode ? requireWarehouse(deps.db, warehouseCode).id : void 0;
        return answerQuery(deps, { query, warehouseId, offset: 0 }, held, locale);
      }),
    ),
  );
  const replace = (click, reply) => click.respond({ ...toEphemeral(reply), replace_original: true });
  router.action(
    actionPatterns.stockPage,
    buttonAction(deps.logger, async (click) => {
      const reply = readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, click.userId, "stock.view");
        const token = decodePage(click.value);
        if (!token) throw new JxcError("STALE_ACTION");
        return answerQuery(deps, token, held, click.locale);
      });
      await replace(click, reply);
    }),
  );
  router.action(
    actionPatterns.stockShow,
    buttonAction(deps.logger, async (click) => {
      const reply = readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, click.userId, "stock.view");
        const token = decodeItem(click.value);
        const item = token && readItemSummary(deps.db, token.itemId);
        if (!token || !item) throw new JxcError("STALE_ACTION");
        return detail(deps, item, click.locale, {
          showCost: can(held, "stock.viewCost"),
          warehouseId: token.warehouseId,
        });
      });
      await replace(click, reply);
    }),
  );
  router.action(
    actionIds.stockShare,
    buttonAction(deps.logger, async (click) => {
      const card = readSnapshot(deps.db, () => {
        requirePermission(deps.db, click.userId, "stock.view");
        const token = decodeItem(click.value);
        const item = token && readItemSummary(deps.db, token.itemId);
        if (!token || !item) throw new JxcError("STALE_ACTION");
        return detail(deps, item, click.locale, {
          showCost: false,
          warehouseId: token.warehouseId,
          sharedBy: click.userId,
        });
      });
      await click.respond({
        response_type: "in_channel",
        replace_original: false,
        text: card.text,
        blocks: card.blocks,
      });
    }),
  );
}
function answerQuery(deps, token, held, locale) {
  const found = findStockItems(deps.db, deps.itemIndex, token.query, {
    offset: token.offset,
    limit: pageSize,
  });
  if (found.kind === "none") return renderNoMatch(token.query, found.suggestions, locale);
  if (found.kind === "item") {
    return detail(deps, found.item, locale, {
      showCost: can(held, "stock.viewCost"),
      warehouseId: token.warehouseId,
    });
  }
  const available = availableByItem(
    deps.db,
    found.items.map((item) => item.id),
  );
  return renderItemList(
    { ...found, available },
    { query: token.query, warehouseId: token.warehouseId },
    locale,
  );
}
function detail(deps, item, locale, options) {
  const stock = { ...getItemStock(deps.db, item.id), onOrder: onOrderQty(deps.db, item.id) };
  return renderItemStock(item, stock, { locale, currency: deps.company.currency, ...options });
}
function splitWarehouse(text14) {
  const words = text14.split(/\s+/).filter(Boolean);
  const at2 = words.findIndex((w) => w.startsWith("@") && w.length > 1);
  if (at2 < 0) return { query: text14, warehouseCode: void 0 };
  const code = words[at2]?.slice(1);
  return { query: words.filter((_, i) => i !== at2).join(" "), warehouseCode: code };
}

// commands/supplier/index.ts
import { z as z10 } from "zod";

var fieldNames = ["code", "name", "nameZh", "contact", "phone", "email", "paymentTermsDays", "leadTimeDays"];
var metadata2 = z10.object({ code: z10.string().nullable() });
function registerSupplierCommand(router, deps) {
  router.command(
    slashCommands.supplier,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const [verb = "", ...rest] = request.text.split(/\s+/).filter(Boolean);
      const argument = rest.join(" ");
      const m = messages(locale).supplier;
      switch (verb.toLowerCase()) {
        case "":
          requirePermission(deps.db, userId, "supplier.view");
          return { text: m.usage };
        case "add":
          requirePermission(deps.db, userId, "supplier.edit");
          await request.openModal(supplierModal(locale, void 0));
          return void 0;
        case "edit": {
          requirePermission(deps.db, userId, "supplier.edit");
          if (!argument) return { text: m.usage };
          await request.openModal(supplierModal(locale, requireSupplier(deps.db, argument)));
          return void 0;
        }
        case "archive": {
          requirePermission(deps.db, userId, "supplier.archive");
          if (!argument) return { text: m.usage };
          const supplier = requireSupplier(deps.db, argument);
          const { changed } = archiveSupplier(deps.db, deps.clock, { code: supplier.code, userId });
          return { text: (changed ? m.archived : m.alreadyArchived)({ code: supplier.code }) };
        }
        default:
          requirePermission(deps.db, userId, "supplier.view");
          return showSupplier(deps, requireSupplier(deps.db, request.text, { archived: true }), locale);
      }
    }),
  );
  router.view(
    callbackIds.supplier,
    viewSubmission(
      deps.logger,
      { fieldBlocks: Object.fromEntries(fieldNames.map((f) => [f, f])), fallbackBlock: "name" },
      (submit) => {
        requirePermission(deps.db, submit.userId, "supplier.edit");
        const meta = metadata2.safeParse(parseJson(submit.privateMetadata));
        if (!meta.success) throw new JxcError("STALE_ACTION");
        const value = (field2) => submit.value(field2, field2).trim();
        const code = meta.data.code ?? value("code");
        if (meta.data.code === null && findSupplierByCode(deps.db, code)) {
          throw new JxcError("DUPLICATE", { what: messages(submit.locale).supplier.code, key: code }, "code");
        }
        const days = (field2) => {
          const text14 = value(field2);
          if (!text14) return void 0;
          if (!/^\d{1,4}$/.test(text14)) {
            throw new JxcError("INVALID_INPUT", { input: text14, problem: "not_a_number" }, field2);
          }
          return Number(text14);
        };
        const supplierInput = {
          code,
          name: value("name"),
          nameZh: value("nameZh") || null,
          contact: value("contact") || null,
          phone: value("phone") || null,
          email: value("email") || null,
          leadTimeDays: days("leadTimeDays") ?? null,
        };
        const paymentTermsDays = days("paymentTermsDays");
        if (paymentTermsDays !== void 0) supplierInput.paymentTermsDays = paymentTermsDays;
        upsertSupplier(deps.db, supplierInput, { userId: submit.userId, at: deps.clock.now() });
        const saved = findSupplierByCode(deps.db, code);
        const m = messages(submit.locale).supplier;
        const shown = saved ? showSupplier(deps, saved, submit.locale) : { text: "" };
        return {
          update: {
            type: "modal",
            callback_id: `${callbackIds.supplier}_done`,
            title: { type: "plain_text", text: clip(m.modalEdit, limits.modalTitle) },
            close: {
              type: "plain_text",
              text: clip(messages(submit.locale).po.modal.done, limits.modalTitle),
            },
            blocks: [context([m.saved({ code })]), ...(shown.blocks ?? [])],
          },
        };
      },
    ),
  );
}
function showSupplier(deps, supplier, locale) {
  const m = messages(locale).supplier;
  const po = messages(locale).po;
  const name = localName(locale, supplier.name, supplier.nameZh);
  const title2 = `${m.title({ code: supplier.code, name })}${supplier.archived ? m.archivedTag : ""}`;
  const or3 = (value) => (value ? escapeMrkdwn(value) : po.none);
  const recent = recentPurchaseOrders(deps.db, supplier.id).map((row) =>
    m.recentLine({
      number: row.number,
      status: po.statuses[row.status],
      expected: formatDay(row.expectedDay, locale),
      total: formatMoney(row.total, deps.company.currency, locale),
    }),
  );
  const blocks = [
    header(title2),
    fields([
      `*${m.contact}*
${or3(supplier.contact)}`,
      `*${m.phone}*
${or3(supplier.phone)}`,
      `*${m.email}*
${or3(supplier.email)}`,
      `*${m.paymentTerms}*
${m.days({ days: supplier.paymentTermsDays })}`,
      `*${m.leadTime}*
${supplier.leadTimeDays === null ? po.none : m.days({ days: supplier.leadTimeDays })}`,
    ]),
    section(`*${m.recent}*
${recent.length > 0 ? recent.join("\n") : m.noRecent}`),
  ];
  return { text: title2, blocks };
}
function supplierModal(locale, supplier) {
  const m = messages(locale).supplier;
  const text14 = (field2, label, initial, options = {}) => ({
    type: "input",
    block_id: field2,
    optional: options.optional ?? true,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: field2,
      max_length: options.max ?? 200,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.hint ? { placeholder: { type: "plain_text", text: options.hint } } : {}),
    },
  });
  const blocks = [];
  if (!supplier) blocks.push(text14("code", m.code, void 0, { optional: false, hint: m.codeHint, max: 40 }));
  blocks.push(
    text14("name", m.name, supplier?.name, { optional: false }),
    text14("nameZh", m.nameZh, supplier?.nameZh),
    text14("contact", m.contact, supplier?.contact),
    text14("phone", m.phone, supplier?.phone),
    text14("email", m.email, supplier?.email),
    text14("paymentTermsDays", m.paymentTermsDays, supplier ? String(supplier.paymentTermsDays) : "30", {
      max: 4,
    }),
    text14("leadTimeDays", m.leadTimeDays, supplier?.leadTimeDays?.toString(), { max: 4 }),
  );
  return {
    type: "modal",
    callback_id: callbackIds.supplier,
    private_metadata: JSON.stringify({ code: supplier?.code ?? null }),
    title: { type: "plain_text", text: clip(supplier ? m.modalEdit : m.modalAdd, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.cancel, limits.modalTitle) },
    blocks: supplier ? [section(`*${escapeMrkdwn(supplier.code)}*`), ...blocks] : blocks,
  };
}

// commands/index.ts
function registerListeners(deps) {
  const router = new SlackRouter();
  registerJxcCommand(router, deps);
  registerOutboxRetry(router, deps);
  registerStockCommand(router, deps);
  registerCsvImportSubmission(router, deps);
  registerItemPicker(router, deps);
  registerAdjustCommand(router, deps);
  registerMoveCommand(router, deps);
  registerApproveCommand(router, deps);
  registerPoCommand(router, deps);
  registerReceiveCommand(router, deps);
  registerSupplierPicker(router, deps);
  registerSupplierCommand(router, deps);
  registerPolicyEditing(router, deps);
  registerAppHome(router, deps);
  registerCountCommand(router, deps);
  return router;
}

// src/notify/planners/documents.ts
// src/notify/plan.ts
import {
  and as and28,
  and as and29,
  desc as desc8,
  eq as eq48,
  eq as eq49,
  inArray as inArray10,
  sql as sql19,
} from "drizzle-orm";
// commands/notices/index.ts
import { z as z11 } from "zod";

function documentThread(doc) {
  const thread = { docType: doc.docType, docId: doc.docId, card: doc.card };
  return {
    post: (key, template, data) => ({ kind: "post", key, target: doc.channel, template, data, thread }),
  };
}
function directMessage(userId, key, template, data) {
  return { kind: "post", key, target: userId, template, data };
}
function channelMessage(channelId, key, template, data) {
  return { kind: "post", key, target: channelId, template, data };
}
function homeTab(userId, key, template, data) {
  return { kind: "home", key, target: userId, template, data };
}
function updateMessage(deliveryId, key, template, data) {
  return { kind: "update", key, updatesDeliveryId: deliveryId, template, data };
}

// src/notify/planners/documents.ts
var documentDepartments = {
  stock_adjustment: "warehouse",
  purchase_order: "purchasing",
  goods_receipt: "warehouse",
  sales_order: "sales",
  payment: "finance",
  bill: "finance",
  invoice: "finance",
  stocktake: "warehouse",
};
var documentCardTemplate = "document.card";
function documentEventDeliveries(db2, event, note, owner) {
  if (event.docType === null || event.docId === null) return [];
  const planned = [];
  const department = documentDepartments[event.docType];
  const home = department ? getDepartmentChannel(db2, department) : void 0;
  if (home) {
    const card = { template: documentCardTemplate, data: { docType: event.docType, docId: event.docId } };
    const thread = documentThread({ docType: event.docType, docId: event.docId, channel: home, card });
    planned.push(thread.post("thread", note.template, note.data));
  }
  const { users, channels } = recipientsFor(db2, event.type, owner ? { ownerUserId: owner } : {});
  for (const userId of users) {
    if (userId !== event.actor) planned.push(directMessage(userId, `dm:${userId}`, note.template, note.data));
  }
  for (const { channelId } of channels) {
    if (channelId && channelId !== home) {
      planned.push(channelMessage(channelId, `channel:${channelId}`, note.template, note.data));
    }
  }
  return planned;
}
function earlierDeliveries(db2, where) {
  const conditions = Object.entries(where.match).map(
    ([key, value]) => sql19`json_extract(${deliveries.data}, ${`$.${key}`}) = ${value}`,
  );
  return db2
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(outboxEvents, eq49(outboxEvents.id, deliveries.eventId))
    .where(
      and29(
        eq49(outboxEvents.docType, where.docType),
        eq49(outboxEvents.docId, where.docId),
        inArray10(outboxEvents.type, where.eventTypes),
        eq49(deliveries.template, where.template),
        eq49(deliveries.kind, "post"),
        ...conditions,
      ),
    )
    .all()
    .map((row) => row.id);
}

// src/notify/planners/adjustments.ts
var adjustmentTemplates = { note: "adjustment.note" };
var adjustmentPlanners = {
  "adjustment.posted": (event, ctx) =>
    documentEventDeliveries(
      ctx.db,
      event,
      { template: adjustmentTemplates.note, data: { ...event.payload } },
      void 0,
    ),
};

// src/notify/planners/approvals.ts
var approvalTemplates = {
  card: "approval.card",
  note: "approval.note",
  home: "home",
};
var cardEvents = ["approval.step_opened", "approval.reminder", "approval.escalated"];
function requestOf(event, ctx) {
  const requestId = Number(event.payload.requestId);
  const tier = Number(event.payload.tier ?? 0);
  const view = readApproval(ctx.db, requestId);
  return view ? { view, tier, requestId } : void 0;
}
function cardsForTier(event, ctx, reminder) {
  const found = requestOf(event, ctx);
  const step2 = found?.view.steps.find((s) => s.tier === found.tier);
  if (!found || !step2 || step2.status !== "pending" || !isRole(step2.role)) return [];
  const day3 = todayIn(ctx.company.timeZone, ctx.clock.now());
  return eligibleApprovers(ctx.db, step2.role, found.view.requestedBy, day3).map((approver) =>
    directMessage(approver.userId, `card:${approver.userId}`, approvalTemplates.card, {
      requestId: found.requestId,
      tier: found.tier,
      role: step2.role,
      ...(reminder ? { reminder: true } : {}),
    }),
  );
}
function rewriteCards(event, ctx, tiers, extra = {}) {
  const found = requestOf(event, ctx);
  if (!found || event.docType === null || event.docId === null) return [];
  const { docType, docId } = event;
  return tiers.flatMap((tier) =>
    earlierDeliveries(ctx.db, {
      docType,
      docId,
      eventTypes: cardEvents,
      template: approvalTemplates.card,
      match: { requestId: found.requestId, tier },
    }).map((id) =>
      updateMessage(id, `update:${id}`, approvalTemplates.card, {
        requestId: found.requestId,
        tier,
        ...extra,
      }),
    ),
  );
}
function notes(event, ctx) {
  const found = requestOf(event, ctx);
  if (!found) return [];
  const data = {
    requestId: found.requestId,
    tier: found.tier,
    event: event.type,
    actor: event.actor,
    ...event.payload,
  };
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: approvalTemplates.note, data },
    found.view.requestedBy,
  );
}
function homes(event, ctx, tiers, extraRoles = []) {
  const found = requestOf(event, ctx);
  if (!found) return [];
  const day3 = todayIn(ctx.company.timeZone, ctx.clock.now());
  const roles2 = [
    ...found.view.steps.filter((s) => tiers.includes(s.tier)).map((s) => s.role),
    ...extraRoles,
  ].filter(isRole);
  const users = /* @__PURE__ */ new Set([found.view.requestedBy]);
  for (const role of roles2) {
    for (const approver of eligibleApprovers(ctx.db, role, found.view.requestedBy, day3))
      users.add(approver.userId);
  }
  return [...users].map((userId) => homeTab(userId, `home:${userId}`, approvalTemplates.home, {}));
}
var tierOf = (event) => [Number(event.payload.tier)];
var allTiers = (event, ctx) => requestOf(event, ctx)?.view.steps.map((s) => s.tier) ?? [];
var approvalPlanners = {
  "approval.requested": notes,
  "approval.step_opened": (event, ctx) => [
    ...cardsForTier(event, ctx, false),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.step_approved": (event, ctx) => [
    ...rewriteCards(event, ctx, tierOf(event)),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.approved": (event, ctx) => [
    ...rewriteCards(event, ctx, tierOf(event)),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.rejected": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
    ...homes(event, ctx, allTiers(event, ctx)),
  ],
  "approval.cancelled": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
    ...homes(event, ctx, allTiers(event, ctx)),
  ],
  "approval.reminder": (event, ctx) => cardsForTier(event, ctx, true),
  "approval.escalated": (event, ctx) => [
    // The old role's cards lose their buttons; the new role's holders get fresh ones.
    ...rewriteCards(event, ctx, tierOf(event), { role: event.payload.from }),
    ...cardsForTier(event, ctx, false),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event), [String(event.payload.from)]),
  ],
};

// src/notify/planners/purchase-plan.ts
var purchasePlanTemplates = { weekly: "purchase_plan.weekly" };
var purchasePlanPlanners = {
  "purchase_plan.ready": (event, ctx) => {
    const { users, channels } = recipientsFor(ctx.db, event.type, {});
    return [
      ...channels
        .filter((c) => c.channelId)
        .map((c) =>
          channelMessage(
            c.channelId ?? "",
            `channel:${c.channelId}`,
            purchasePlanTemplates.weekly,
            event.payload,
          ),
        ),
      ...users.map((u) => directMessage(u, `dm:${u}`, purchasePlanTemplates.weekly, event.payload)),
    ];
  },
};

// src/notify/planners/purchasing.ts
var purchasingTemplates = { note: "po.note" };
function poNote(event, ctx) {
  const owner = typeof event.payload.owner === "string" ? event.payload.owner : void 0;
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: purchasingTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    owner,
  );
}
function poLate(event, ctx) {
  const data = { ...event.payload, event: event.type, actor: event.actor };
  const owner = typeof event.payload.owner === "string" ? event.payload.owner : void 0;
  if (event.payload.level !== "manager") {
    return documentEventDeliveries(ctx.db, event, { template: purchasingTemplates.note, data }, owner);
  }
  const inThread = documentEventDeliveries(
    ctx.db,
    event,
    { template: purchasingTemplates.note, data },
    void 0,
  );
  const managers = holdersOf(ctx.db, "purchasing_manager").map((userId) =>
    directMessage(userId, `manager:${userId}`, purchasingTemplates.note, data),
  );
  return [...inThread, ...managers];
}
var purchasingPlanners = {
  "po.created": poNote,
  "po.sent": poNote,
  "po.held": poNote,
  "po.resumed": poNote,
  "po.cancelled": poNote,
  "po.closed": poNote,
  "po.received": poNote,
  "po.late": poLate,
};

// src/notify/delivery-store.ts
import {
  and as and30,
  count as count5,
  eq as eq50,
  inArray as inArray11,
  isNull as isNull6,
  lt,
  sql as sql20,
} from "drizzle-orm";

var open = ["pending", "sending"];
function laneOf(row) {
  return row.kind === "home" ? `home:${row.target}` : row.target;
}
var laneSql = sql20`case when ${deliveries.kind} = 'home' then 'home:' || ${deliveries.target} else ${deliveries.target} end`;
function insertDelivery(db2, row) {
  return db2.insert(deliveries).values(row).onConflictDoNothing().returning({ id: deliveries.id }).get()?.id;
}
function deliveryById(db2, id) {
  return db2.select().from(deliveries).where(eq50(deliveries.id, id)).get();
}
function dedupeKeyTaken(db2, dedupeKey) {
  return (
    db2.select({ id: deliveries.id }).from(deliveries).where(eq50(deliveries.dedupeKey, dedupeKey)).get() !==
    void 0
  );
}
function laneHeads(db2) {
  const heads = db2
    .select({ id: sql20`min(${deliveries.id})` })
    .from(deliveries)
    .where(inArray11(deliveries.status, open))
    .groupBy(laneSql);
  return db2.select().from(deliveries).where(inArray11(deliveries.id, heads)).orderBy(deliveries.id).all();
}
function openWork(db2) {
  const events =
    db2.select({ n: count5() }).from(outboxEvents).where(isNull6(outboxEvents.dispatchedAt)).get()?.n ?? 0;
  const owed =
    db2.select({ n: count5() }).from(deliveries).where(inArray11(deliveries.status, open)).get()?.n ?? 0;
  return { events, deliveries: owed };
}
function markSending(db2, id) {
  db2
    .update(deliveries)
    .set({ status: "sending", attempts: sql20`${deliveries.attempts} + 1` })
    .where(eq50(deliveries.id, id))
    .run();
}
function markDelivered(db2, id, at2, posted) {
  db2
    .update(deliveries)
    .set({
      status: "delivered",
      deliveredAt: at2,
      ...(posted ? { postedChannel: posted.channel, ts: posted.ts } : {}),
    })
    .where(eq50(deliveries.id, id))
    .run();
}
function markFailed(db2, id, error) {
  db2.update(deliveries).set({ status: "failed", lastError: error }).where(eq50(deliveries.id, id)).run();
}
function markSkipped(db2, id, reason) {
  db2.update(deliveries).set({ status: "skipped", lastError: reason }).where(eq50(deliveries.id, id)).run();
}
function reschedule(db2, id, change) {
  db2
    .update(deliveries)
    .set({
      status: change.status,
      nextAttemptAt: change.at,
      ...(change.error !== void 0 ? { lastError: change.error } : {}),
      ...(change.refund ? { attempts: sql20`max(${deliveries.attempts} - 1, 0)` } : {}),
    })
    .where(eq50(deliveries.id, id))
    .run();
}
function skipSuperseded(db2, row) {
  const sameThing =
    row.kind === "home"
      ? and30(eq50(deliveries.kind, "home"), eq50(deliveries.target, row.target))
      : row.kind === "update" && row.updatesDeliveryId !== null
        ? and30(eq50(deliveries.kind, "update"), eq50(deliveries.updatesDeliveryId, row.updatesDeliveryId))
        : void 0;
  if (!sameThing) return false;
  const newest = db2
    .select({ id: sql20`max(${deliveries.id})` })
    .from(deliveries)
    .where(and30(sameThing, eq50(deliveries.status, "pending")))
    .get()?.id;
  if (newest === void 0 || newest === null || newest <= row.id) return false;
  db2
    .update(deliveries)
    .set({ status: "skipped", lastError: "superseded" })
    .where(and30(sameThing, inArray11(deliveries.status, open), lt(deliveries.id, newest)))
    .run();
  return true;
}

// src/notify/planners/receiving.ts
var receivingTemplates = {
  note: "receipt.note",
  warehouse: "receipt.warehouse",
};
var text12 = (value) => (typeof value === "string" ? value : void 0);
function receiptNote2(event, ctx) {
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: receivingTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    text12(event.payload.owner),
  );
}
function redrawAnnouncement(event, ctx) {
  const receiptId = Number(event.payload.receiptId);
  if (event.docType === null || event.docId === null || !Number.isInteger(receiptId)) return [];
  return earlierDeliveries(ctx.db, {
    docType: event.docType,
    docId: event.docId,
    eventTypes: ["po.received"],
    template: purchasingTemplates.note,
    match: { receiptId },
  }).flatMap((id) => {
    const original = deliveryById(ctx.db, id);
    if (!original) return [];
    const data = typeof original.data === "object" && original.data !== null ? original.data : {};
    return [updateMessage(id, `update:${id}`, purchasingTemplates.note, data)];
  });
}
function warehouseInstruction2(event, ctx) {
  const data = { decisionId: event.payload.decisionId, actor: event.actor };
  const channel = getDepartmentChannel(ctx.db, "warehouse");
  if (channel) return [channelMessage(channel, "warehouse", receivingTemplates.warehouse, data)];
  const receiver = text12(event.payload.receiver);
  return receiver ? [directMessage(receiver, "receiver", receivingTemplates.warehouse, data)] : [];
}
var receivingPlanners = {
  "receipt.awaiting_approval": receiptNote2,
  "receipt.refused": receiptNote2,
  "receipt.decided": (event, ctx) => [
    ...receiptNote2(event, ctx),
    ...redrawAnnouncement(event, ctx),
    ...warehouseInstruction2(event, ctx),
  ],
};

// src/notify/planners/stocktakes.ts
var stocktakeTemplates = { note: "stocktake.note" };
function stocktakeNote(event, ctx) {
  const owner = typeof event.payload.owner === "string" ? event.payload.owner : void 0;
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: stocktakeTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    owner,
  );
}
var stocktakePlanners = {
  "stocktake.started": stocktakeNote,
  "stocktake.counted": stocktakeNote,
  "stocktake.finished": stocktakeNote,
  "stocktake.posted": stocktakeNote,
  "stocktake.cancelled": stocktakeNote,
};

// commands/notices/adjustment-card.ts
import { and as and31, desc as desc9, eq as eq51 } from "drizzle-orm";

function renderAdjustmentCard(db2, docId, locale, company) {
  const m = messages(locale).adjust;
  const row = readAdjustment(db2, docId);
  if (!row) return { text: `#${docId}`, blocks: [] };
  const title2 = m.docTitle({ number: row.number });
  const a = messages(locale).approvals;
  const line3 = m.docLine({
    qty: signedQuantity(row.qtyDelta, row.unit),
    sku: escapeMrkdwn(row.sku),
    name: escapeMrkdwn(locale === "zh-CN" && row.nameZh ? row.nameZh : row.name),
    place: escapeMrkdwn(`${row.warehouse}/${row.bin}`),
    reason: reasonName(locale, row.reason),
  });
  const blocks = [
    header(title2),
    section(
      row.note
        ? `${line3}
> ${escapeMrkdwn(row.note)}`
        : line3,
    ),
    fields([
      `*${a.requestedBy}*
<@${row.requestedBy}>`,
      `*${a.amount}*
${formatMoney(row.estimatedValue, company.currency, locale)}`,
      m.status[row.status],
    ]),
  ];
  const request = db2
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and31(eq51(approvalRequests.docType, "stock_adjustment"), eq51(approvalRequests.docId, docId)))
    .orderBy(desc9(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db2, request.id)?.steps ?? []) : [];
  if (steps.length > 0) blocks.push(context(steps.map((s) => stepLine(s, locale))));
  return { text: `${title2} \xB7 ${m.status[row.status]}`, blocks };
}

// commands/notices/index.ts
var cardData = z11.object({
  requestId: z11.number(),
  tier: z11.number(),
  role: z11.string().optional(),
  reminder: z11.boolean().optional(),
});
var noteData3 = z11.object({
  requestId: z11.number(),
  tier: z11.number(),
  event: z11.string(),
  actor: z11.string(),
});
var documentData = z11.object({ docType: z11.string(), docId: z11.number() });
function line2(text14) {
  return { text: text14, blocks: [section(text14)] };
}
function roleName(locale, role) {
  const names = messages(locale).roleNames;
  return role ? (names[role] ?? role) : "";
}
function approvalNote(data, ctx) {
  const note = noteData3.parse(data);
  const view = readApproval(ctx.db, note.requestId);
  if (!view) return line2(note.event);
  const m = messages(ctx.locale).approvals;
  const number2 = view.docNumber;
  const by = `<@${note.actor}>`;
  const step2 = view.steps.find((s) => s.tier === note.tier);
  const next = roleName(ctx.locale, view.steps.find((s) => s.tier === note.tier + 1)?.role);
  const reason = step2?.reason ?? "";
  switch (note.event) {
    case "approval.requested":
      return line2(
        m.threadRequested({
          number: number2,
          by,
          roles: view.steps.map((s) => roleName(ctx.locale, s.role)).join(" \u2192 "),
        }),
      );
    case "approval.step_approved":
      return line2(m.toRequesterStep({ number: number2, by, next }));
    case "approval.approved":
      return line2(
        m.toRequesterApproved({ number: number2, by }) + receiverHint(view.docType, "approved", ctx.locale),
      );
    case "approval.rejected":
      return line2(
        m.toRequesterRejected({ number: number2, by, reason }) +
          receiverHint(view.docType, "rejected", ctx.locale),
      );
    case "approval.cancelled":
      return line2(`${number2} \xB7 ${m.threadCancelled({ by })}`);
    case "approval.escalated":
      return line2(
        m.toRequesterEscalated({ number: number2, role: roleName(ctx.locale, String(data.to ?? "")) }),
      );
    default:
      return line2(`${number2} \xB7 ${note.event}`);
  }
}
function receiverHint(docType, verdict, locale) {
  return docType === "goods_receipt" ? ` ${messages(locale).returns.over.toReceiver[verdict]}` : "";
}
var poNoteData = z11.object({ event: z11.string(), actor: z11.string(), to: z11.string().optional() });
var lateData = z11.object({
  expectedDay: z11.string(),
  daysLate: z11.number(),
  level: z11.string(),
  owner: z11.string(),
});
function lateText(data, locale) {
  const parsed = lateData.safeParse(data);
  if (!parsed.success) return "";
  const m = messages(locale).plan;
  const p2 = {
    expected: formatDay(parsed.data.expectedDay, locale),
    days: parsed.data.daysLate,
    owner: `<@${parsed.data.owner}>`,
  };
  return parsed.data.level === "manager" ? m.lateEscalated(p2) : m.lateNote(p2);
}
function poNote2(data, ctx) {
  const note = poNoteData.parse(data);
  const m = messages(ctx.locale).po;
  const by = `<@${note.actor}>`;
  const number2 = typeof data.number === "string" ? data.number : "";
  const status = isPurchaseOrderStatus(note.to) ? m.statuses[note.to] : "";
  const texts = {
    "po.created": m.thread.created({ by }),
    "po.sent": m.thread.sent({ by }),
    "po.held": m.thread.held({ by }),
    "po.resumed": m.thread.resumed({ by, status }),
    "po.cancelled": m.thread.cancelled({ by }),
    "po.closed": m.thread.closed({ by }),
    "po.received": m.thread.received({ status }),
    "po.late": lateText(data, ctx.locale),
  };
  if (note.event === "po.received" && typeof data.receiptId === "number") {
    const approvedBy = typeof data.approvedBy === "string" ? { approvedBy: data.approvedBy } : {};
    const told = receiptThreadMessage(
      ctx.db,
      { receiptId: data.receiptId, number: number2, actor: note.actor, status, ...approvedBy },
      ctx.locale,
    );
    if (told) return told;
  }
  const text14 = texts[note.event] ?? note.event;
  return line2(number2 ? `*${number2}* \xB7 ${text14}` : text14);
}
var noticeTemplates = {
  [documentCardTemplate]: (data, ctx) => {
    const doc = documentData.parse(data);
    if (doc.docType === "stock_adjustment")
      return renderAdjustmentCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "purchase_order")
      return renderPurchaseOrderCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "stocktake") return renderStocktakeCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "goods_receipt") return renderReceiptCard(ctx.db, doc.docId, ctx.locale);
    return line2(`${doc.docType} #${doc.docId}`);
  },
  [approvalTemplates.card]: (data, ctx) => {
    const card = cardData.parse(data);
    const view = readApproval(ctx.db, card.requestId);
    if (!view) return line2(`#${card.requestId}`);
    return renderApprovalCard(view, ctx.locale, ctx.company, {
      tier: card.tier,
      ...(card.role ? { role: card.role } : {}),
      ...(card.reminder ? { reminder: true } : {}),
    });
  },
  [approvalTemplates.note]: approvalNote,
  // The Home tab is drawn for its owner: the delivery's target is the user whose tab it is.
  [approvalTemplates.home]: (_data, ctx) => renderHome(ctx, ctx.recipient, ctx.locale),
  [purchasingTemplates.note]: poNote2,
  [purchasePlanTemplates.weekly]: (data, ctx) => renderWeeklyPlan(data, ctx.locale),
  [receivingTemplates.note]: receiptNote,
  [receivingTemplates.warehouse]: warehouseInstruction,
  [adjustmentTemplates.note]: (data, ctx) =>
    line2(
      messages(ctx.locale).adjust.threadPosted({
        value: formatMoney(Number(data.value ?? 0), ctx.company.currency, ctx.locale),
      }),
    ),
  [stocktakeTemplates.note]: renderStocktakeNote,
};

// src/domain/catalogue/search-text.ts
var fieldSeparator = "\n";
var fieldMarker = 10;
var startMarker = 1;
var asciiOnly = /^[\x20-\x7e]*$/;
var needsBlankCleanup = /[^\S ]| {2}|^ | $|\p{Cc}/u;
function normaliseSearchText(text14) {
  let result = asciiOnly.test(text14) ? text14.toLowerCase() : text14.normalize("NFKC").toLowerCase();
  if (needsBlankCleanup.test(result)) result = result.replace(/[\s\p{Cc}]+/gu, " ").trim();
  return result;
}
function composeItemText(sku, name, nameZh, aliases) {
  const fields3 = [normaliseSearchText(sku), normaliseSearchText(name)];
  if (nameZh) fields3.push(normaliseSearchText(nameZh));
  for (const alias of aliases) fields3.push(normaliseSearchText(alias));
  return fields3.join(fieldSeparator);
}
function splitWords(text14) {
  return text14.split(/[\s\-_/\\.,;:()（）【】[\]，。、·]+/u).filter((word) => word.length > 1);
}

// src/domain/catalogue/search-postings.ts
var GramTable = class {
  single = new Int32Array(65536).fill(-1);
  asciiPairs = new Int32Array(128 * 128).fill(-1);
  otherPairs = /* @__PURE__ */ new Map();
  size = 0;
  /** The gram's id; -1 when unknown and `create` is false. */
  id(a, b, create) {
    if (a < 0) {
      const known2 = this.single[b] ?? -1;
      if (known2 >= 0 || !create) return known2;
      this.single[b] = this.size;
      return this.size++;
    }
    if (a < 128 && b < 128) {
      const slot = a * 128 + b;
      const known2 = this.asciiPairs[slot] ?? -1;
      if (known2 >= 0 || !create) return known2;
      this.asciiPairs[slot] = this.size;
      return this.size++;
    }
    const key = (a << 16) | b;
    const known = this.otherPairs.get(key);
    if (known !== void 0 || !create) return known ?? -1;
    this.otherPairs.set(key, this.size);
    return this.size++;
  }
};
var denseShare = 32;
function writeGramIds(text14, grams, out, create) {
  let count6 = 0;
  let previous = startMarker;
  for (let i = 0; i < text14.length; i++) {
    const code = text14.charCodeAt(i);
    if (code === fieldMarker) {
      previous = fieldMarker;
      continue;
    }
    out[count6++] = grams.id(-1, code, create);
    out[count6++] = grams.id(previous, code, create);
    previous = code;
  }
  return count6;
}
function grow(array, size, fill) {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  bigger.set(array);
  return bigger;
}
function buildPostings(texts) {
  const grams = new GramTable();
  let scratch = new Int32Array(256);
  let counts = new Int32Array(4096);
  let lastDoc = new Int32Array(4096).fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const text14 = texts[doc] ?? "";
    scratch = grow(scratch, text14.length * 2, 0);
    const count6 = writeGramIds(text14, grams, scratch, true);
    counts = grow(counts, grams.size, 0);
    lastDoc = grow(lastDoc, grams.size, -1);
    for (let k = 0; k < count6; k++) {
      const gram = scratch[k] ?? 0;
      if (lastDoc[gram] === doc) continue;
      lastDoc[gram] = doc;
      counts[gram] = (counts[gram] ?? 0) + 1;
    }
  }
  const offsets2 = new Int32Array(grams.size + 1);
  for (let gram = 0; gram < grams.size; gram++)
    offsets2[gram + 1] = (offsets2[gram] ?? 0) + (counts[gram] ?? 0);
  const cursor = offsets2.slice(0, grams.size);
  const docs = new Int32Array(offsets2[grams.size] ?? 0);
  lastDoc.fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const count6 = writeGramIds(texts[doc] ?? "", grams, scratch, false);
    for (let k = 0; k < count6; k++) {
      const gram = scratch[k] ?? 0;
      if (lastDoc[gram] === doc) continue;
      lastDoc[gram] = doc;
      const slot = cursor[gram] ?? 0;
      docs[slot] = doc;
      cursor[gram] = slot + 1;
    }
  }
  return { grams, offsets: offsets2, docs, ...buildBitmaps(offsets2, docs, texts.length) };
}
function buildBitmaps(offsets2, docs, documents) {
  const words = (documents + 31) >>> 5;
  const bitmapOf = new Int32Array(offsets2.length - 1).fill(-1);
  let slots = 0;
  for (let gram = 0; gram < bitmapOf.length; gram++) {
    const count6 = (offsets2[gram + 1] ?? 0) - (offsets2[gram] ?? 0);
    if (count6 * denseShare >= documents) bitmapOf[gram] = slots++;
  }
  const bitmaps = new Uint32Array(slots * words);
  for (let gram = 0; gram < bitmapOf.length; gram++) {
    const slot = bitmapOf[gram] ?? -1;
    if (slot < 0) continue;
    const base = slot * words;
    for (let i = offsets2[gram] ?? 0; i < (offsets2[gram + 1] ?? 0); i++) {
      const doc = docs[i] ?? 0;
      bitmaps[base + (doc >>> 5)] = (bitmaps[base + (doc >>> 5)] ?? 0) | (1 << (doc & 31));
    }
  }
  return { bitmapOf, bitmaps, words };
}
function postingFor(postings, a, b) {
  return postingOfGram(postings, postings.grams.id(a, b, false));
}
function postingOfGram(postings, gram) {
  if (gram < 0) return postings.docs.subarray(0, 0);
  return postings.docs.subarray(postings.offsets[gram] ?? 0, postings.offsets[gram + 1] ?? 0);
}
function visitCommon(a, b, visit) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let j = 0;
  for (let i = 0; i < short.length; i++) {
    const doc = short[i] ?? 0;
    j = gallop(long, doc, j);
    if (j >= long.length) return;
    if (long[j] === doc && !visit(doc)) return;
  }
}
function gallop(list, value, from) {
  let low = from;
  let high = from;
  let step2 = 1;
  while (high < list.length && (list[high] ?? 0) < value) {
    low = high + 1;
    high = low + step2;
    step2 *= 2;
  }
  return lowerBound(list, value, low, Math.min(high, list.length));
}
function lowerBound(list, value, from, to) {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

// src/domain/catalogue/search-intersect.ts
function docsWithAllGrams(postings, grams) {
  if (grams.length === 0 || grams.includes(-1)) return new Int32Array(0);
  const length = (gram) => (postings.offsets[gram + 1] ?? 0) - (postings.offsets[gram] ?? 0);
  const [rarest = -1, ...rest] = [...new Set(grams)].sort((a, b) => length(a) - length(b));
  let result = postingOfGram(postings, rarest);
  const denseSlots = [];
  for (const gram of rest) {
    const slot = postings.bitmapOf[gram] ?? -1;
    if (slot >= 0) denseSlots.push(slot);
    else if (result.length > 0) result = intersectTwo(result, postingOfGram(postings, gram));
  }
  return denseSlots.length > 0 && result.length > 0 ? keepInBitmaps(result, postings, denseSlots) : result;
}
function intersectTwo(small, large) {
  const out = new Int32Array(small.length);
  let size = 0;
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    const doc = small[i] ?? 0;
    j = gallop(large, doc, j);
    if (j >= large.length) break;
    if (large[j] === doc) out[size++] = doc;
  }
  return out.subarray(0, size);
}
function keepInBitmaps(docs, postings, slots) {
  const { bitmaps, words } = postings;
  const has = (slot, doc) => ((bitmaps[slot * words + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1;
  const step2 = Math.max(1, Math.floor(docs.length / sampleSize));
  const hits = /* @__PURE__ */ new Map();
  for (const slot of slots) {
    let count6 = 0;
    for (let i = 0; i < docs.length; i += step2) count6 += has(slot, docs[i] ?? 0);
    hits.set(slot, count6);
  }
  const ordered = [...slots].sort((a, b) => (hits.get(a) ?? 0) - (hits.get(b) ?? 0));
  const out = new Int32Array(docs.length);
  let size = docs.length;
  let from = docs;
  for (const slot of ordered) {
    const base = slot * words;
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const doc = from[i] ?? 0;
      if (((bitmaps[base + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1) out[kept++] = doc;
    }
    size = kept;
    from = out;
    if (size === 0) break;
  }
  return out.subarray(0, size);
}
var sampleSize = 32;

// src/domain/catalogue/search-rank.ts
var DocMarks = class {
  constructor(snapshot) {
    this.snapshot = snapshot;
    if (snapshot.epoch >= 4294967294) {
      snapshot.marks.fill(0);
      snapshot.epoch = 0;
    }
    this.stamp = ++snapshot.epoch;
  }
  snapshot;
  stamp;
  add(doc) {
    this.snapshot.marks[doc] = this.stamp;
  }
  has(doc) {
    return this.snapshot.marks[doc] === this.stamp;
  }
};
function rankShortQuery(snapshot, text14, candidates, need, barcodeDoc2) {
  const { texts, postings } = snapshot;
  const ranked = new DocMarks(snapshot);
  const first = text14.charCodeAt(0);
  const exact = barcodeDoc2 === void 0 ? [] : [barcodeDoc2];
  if (barcodeDoc2 !== void 0) ranked.add(barcodeDoc2);
  const skuPrefix = [];
  visitCommon(candidates, postingFor(postings, startMarker, first), (doc) => {
    const itemText = texts[doc] ?? "";
    if (!ranked.has(doc) && itemText.startsWith(text14)) {
      ranked.add(doc);
      const whole = itemText.length === text14.length || itemText.charCodeAt(text14.length) === fieldMarker;
      (whole ? exact : skuPrefix).push(doc);
    }
    return exact.length + skuPrefix.length < need;
  });
  const namePrefix = [];
  const fieldStart = fieldSeparator + text14;
  const verify = text14.length > 1;
  visitCommon(candidates, postingFor(postings, fieldMarker, first), (doc) => {
    if (!ranked.has(doc) && (!verify || (texts[doc] ?? "").includes(fieldStart))) {
      ranked.add(doc);
      namePrefix.push(doc);
    }
    return exact.length + skuPrefix.length + namePrefix.length < need;
  });
  const others = [];
  const wanted = need - exact.length - skuPrefix.length - namePrefix.length;
  for (let i = 0; i < candidates.length && others.length < wanted; i++) {
    const doc = candidates[i] ?? 0;
    if (!ranked.has(doc)) others.push(doc);
  }
  const total = candidates.length + (barcodeDoc2 !== void 0 && !candidates.includes(barcodeDoc2) ? 1 : 0);
  return { exact, skuPrefix, namePrefix, others, total };
}
function rankLongQuery(snapshot, text14, candidates, need, barcodeDoc2) {
  const { texts, postings } = snapshot;
  const exact = barcodeDoc2 === void 0 ? [] : [barcodeDoc2];
  const skuPrefix = [];
  const namePrefix = [];
  const others = [];
  const fieldStart = fieldSeparator + text14;
  const startsAField = postingFor(postings, fieldMarker, text14.charCodeAt(0));
  let cursor = 0;
  let total = exact.length;
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i] ?? 0;
    if (doc === barcodeDoc2) continue;
    const itemText = texts[doc] ?? "";
    const at2 = itemText.indexOf(text14);
    if (at2 < 0) continue;
    total++;
    const before = exact.length + skuPrefix.length;
    if (at2 === 0) {
      if (before >= need) continue;
      const whole = itemText.length === text14.length || itemText.charCodeAt(text14.length) === fieldMarker;
      (whole ? exact : skuPrefix).push(doc);
    } else if (before + namePrefix.length < need && startsAFieldOf(doc) && isFieldStart(itemText, at2)) {
      namePrefix.push(doc);
    } else if (before + namePrefix.length + others.length < need) {
      others.push(doc);
    }
  }
  return { exact, skuPrefix, namePrefix, others, total };
  function startsAFieldOf(doc) {
    cursor = gallop(startsAField, doc, cursor);
    return startsAField[cursor] === doc;
  }
  function isFieldStart(itemText, at2) {
    return itemText.charCodeAt(at2 - 1) === fieldMarker || itemText.includes(fieldStart, at2);
  }
}
function barcodeDoc(snapshot, itemId) {
  if (itemId === void 0) return void 0;
  const doc = (snapshot.docOfItem[itemId] ?? 0) - 1;
  return doc >= 0 ? doc : void 0;
}
function pageOf(groups, offset, limit) {
  const page = [];
  let skip = offset;
  for (const group of groups) {
    if (page.length >= limit) break;
    if (skip >= group.length) {
      skip -= group.length;
      continue;
    }
    for (let i = skip; i < group.length && page.length < limit; i++) page.push(group[i] ?? 0);
    skip = 0;
  }
  return page;
}

// src/domain/catalogue/search-snapshot.ts
function buildSnapshot(db2) {
  const aliases = /* @__PURE__ */ new Map();
  const aliasRows = db2.$client
    .prepare(
      "select a.item_id, a.alias from item_aliases a join items i on i.id = a.item_id where i.archived = 0",
    )
    .raw()
    .iterate();
  for (const [itemId, alias] of aliasRows) {
    const list = aliases.get(itemId);
    if (list) list.push(alias);
    else aliases.set(itemId, [alias]);
  }
  const ids = [];
  const texts = [];
  const itemRows = db2.$client
    .prepare("select id, sku, name, name_zh from items where archived = 0 order by sku collate nocase, id")
    .raw()
    .iterate();
  for (const [id, sku, name, nameZh] of itemRows) {
    ids.push(id);
    texts.push(composeItemText(sku, name, nameZh, aliases.get(id) ?? []));
  }
  const itemIds = Int32Array.from(ids);
  const docOfItem = new Int32Array(ids.reduce((max3, id) => Math.max(max3, id), 0) + 1);
  itemIds.forEach((id, doc) => {
    docOfItem[id] = doc + 1;
  });
  return {
    itemIds,
    texts,
    postings: buildPostings(texts),
    docOfItem,
    marks: new Uint32Array(itemIds.length),
    epoch: 0,
  };
}
function collectWords(texts) {
  const words = /* @__PURE__ */ new Set();
  for (const text14 of texts) for (const word of splitWords(text14)) if (!/\d/.test(word)) words.add(word);
  return [...words];
}

// src/domain/catalogue/search-index.ts
var defaultLimit = 20;
var suggestionWords = 5;
var ItemSearchIndex = class _ItemSearchIndex {
  constructor(db2) {
    this.db = db2;
    this.dataVersionQuery = db2.$client.prepare("pragma data_version").pluck();
    this.barcodeQuery = db2.$client.prepare("select item_id from item_barcodes where barcode = ?").pluck();
    this.dataVersion = this.readDataVersion();
    this.snapshot = buildSnapshot(db2);
  }
  db;
  snapshot;
  dataVersion;
  localVersion = 0;
  builtLocalVersion = 0;
  dataVersionQuery;
  barcodeQuery;
  /** Reads every active item and builds the index (about a second at 100k items). */
  static build(db2) {
    return new _ItemSearchIndex(db2);
  }
  /**
   * Items whose SKU or barcode equals the query or whose SKU, name, Chinese name
   * or alias contains it: exact SKU/barcode first, then SKU prefix, then name
   * prefix, then the rest, each group in SKU order.
   */
  search(query, options = {}) {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? defaultLimit);
    const text14 = normaliseSearchText(query);
    if (text14 === "") return { total: 0, itemIds: [] };
    const snapshot = this.snapshot;
    const rank = text14.length <= 2 ? rankShortQuery : rankLongQuery;
    const found = rank(
      snapshot,
      text14,
      this.candidates(text14),
      offset + limit,
      barcodeDoc(snapshot, this.findBarcodeOwner(query)),
    );
    const page = pageOf([found.exact, found.skuPrefix, found.namePrefix, found.others], offset, limit);
    return { total: found.total, itemIds: page.map((doc) => snapshot.itemIds[doc] ?? 0) };
  }
  /**
   * The closest items when nothing matches: words within a few typos of the
   * query ("scerw" → screw), else the items sharing most character pairs with it.
   */
  suggest(query, limit = 5) {
    const text14 = normaliseSearchText(query);
    if (text14 === "" || limit <= 0) return [];
    const found = /* @__PURE__ */ new Set();
    for (const word of this.closestWords(text14)) {
      for (const id of this.search(word, { limit }).itemIds) if (found.size < limit) found.add(id);
    }
    for (const id of this.mostOverlapping(text14, limit)) if (found.size < limit) found.add(id);
    return [...found];
  }
  /**
   * Rebuilds when another connection committed (SQLite data_version moves on any commit there, not
   * only item changes) or this process called markChanged; otherwise costs one pragma (~µs).
   */
  refreshIfStale() {
    const version2 = this.readDataVersion();
    if (version2 === this.dataVersion && this.localVersion === this.builtLocalVersion) return;
    const localVersion = this.localVersion;
    this.snapshot = buildSnapshot(this.db);
    this.dataVersion = version2;
    this.builtLocalVersion = localVersion;
  }
  /** Call after this process writes items: its own commits do not change data_version. */
  markChanged() {
    this.localVersion++;
  }
  /** Barcodes are looked up in SQLite (primary key, ~10 µs) rather than held in memory. */
  findBarcodeOwner(query) {
    const barcode = query.trim();
    if (barcode === "" || barcode.length > 64) return void 0;
    return this.barcodeQuery.get(barcode);
  }
  readDataVersion() {
    return Number(this.dataVersionQuery.get());
  }
  /** Documents containing every character (pair) of the query: exactly its matches for 1–2 characters. */
  candidates(text14) {
    const { postings } = this.snapshot;
    if (text14.length === 1) return postingFor(postings, -1, text14.charCodeAt(0));
    const grams = [];
    for (let i = 1; i < text14.length; i++)
      grams.push(postings.grams.id(text14.charCodeAt(i - 1), text14.charCodeAt(i), false));
    return docsWithAllGrams(postings, grams);
  }
  closestWords(text14) {
    this.snapshot.words ??= collectWords(this.snapshot.texts);
    const allowed = Math.max(1, Math.floor(text14.length / 3));
    const scored = [];
    for (const word of this.snapshot.words) {
      if (Math.abs(word.length - text14.length) > allowed) continue;
      const distance = editDistance(text14, word);
      if (distance <= allowed) scored.push({ word, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
    return scored.slice(0, suggestionWords).map((entry) => entry.word);
  }
  mostOverlapping(text14, limit) {
    const { postings, itemIds } = this.snapshot;
    const scores = new Uint8Array(itemIds.length);
    const touched = [];
    let pairs = 0;
    for (let i = 1; i < text14.length; i++) {
      pairs++;
      for (const doc of postingFor(postings, text14.charCodeAt(i - 1), text14.charCodeAt(i))) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = Math.min(255, (scores[doc] ?? 0) + 1);
      }
    }
    const needed = Math.max(1, Math.ceil(pairs / 2));
    return touched
      .filter((doc) => (scores[doc] ?? 0) >= needed)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, limit)
      .map((doc) => itemIds[doc] ?? 0);
  }
};

// src/http/server.ts
import { Hono } from "hono";

function createHttpApp(options) {
  const http = new Hono();
  if (options.receiver) http.post("/slack/events", options.receiver.handle);
  http.get("/healthz", (c) => {
    const database = safely(options.isDatabaseHealthy);
    return c.json(
      { ok: database, version: options.version, database: database ? "ok" : "unavailable" },
      database ? 200 : 503,
    );
  });
  return http;
}
function safely(check) {
  try {
    return check();
  } catch {
    return false;
  }
}

// src/http/slack-receiver.ts
import { randomBytes } from "node:crypto";
import { ReceiverMultipleAckError } from "@slack/bolt";

// src/http/describe-request.ts
function describeRequest(body) {
  if (typeof body.command === "string") {
    return { kind: "command", user: str(body.user_id), command: body.command };
  }
  const type = str(body.type) ?? "unknown";
  const user = str(field(body.user, "id"));
  if (type === "block_actions") {
    const first = Array.isArray(body.actions) ? body.actions[0] : void 0;
    return { kind: type, user, action: str(field(first, "action_id")) };
  }
  if (type === "view_submission" || type === "view_closed") {
    return { kind: type, user, action: str(field(body.view, "callback_id")) };
  }
  if (type === "block_suggestion") return { kind: type, user, action: str(body.action_id) };
  if (type === "event_callback") {
    return { kind: "event", user: str(field(body.event, "user")), action: str(field(body.event, "type")) };
  }
  return { kind: type, user };
}
function field(value, key) {
  return typeof value === "object" && value !== null ? value[key] : void 0;
}
function str(value) {
  return typeof value === "string" ? value : void 0;
}

// src/http/parse-slack-body.ts
import { parse as parse2 } from "node:querystring";

function parseSlackBody(rawBody, contentType) {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = parse2(rawBody);
      const payload = lastValue(form.payload);
      if (payload !== void 0) return asObject(JSON.parse(payload));
      for (const key in form) {
        const value = form[key];
        if (Array.isArray(value)) form[key] = value.at(-1);
      }
      return form;
    }
    return asObject(JSON.parse(rawBody));
  } catch {
    return void 0;
  }
}
function lastValue(value) {
  return Array.isArray(value) ? value.at(-1) : value;
}
function asObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/http/slack-signature.ts
import { createHmac, timingSafeEqual } from "node:crypto";

var versionPrefix = "v0=";
var digestBytes = 32;
function checkSlackSignature(request, signingSecret, nowMs, maxSkewSeconds = 300) {
  const { signature, timestamp, rawBody } = request;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowMs / 1e3 - seconds) > maxSkewSeconds)
    return { ok: false, reason: "timestamp out of window" };
  const hexLength = versionPrefix.length + digestBytes * 2;
  if (!signature.startsWith(versionPrefix) || signature.length !== hexLength)
    return { ok: false, reason: "signature mismatch" };
  const given = Buffer.from(signature.slice(versionPrefix.length), "hex");
  if (given.length !== digestBytes) return { ok: false, reason: "signature mismatch" };
  const expected = createHmac("sha256", signingSecret).update(`v0:${seconds}:${rawBody}`).digest();
  return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: "signature mismatch" };
}

// src/http/slack-receiver.ts
var HonoSlackReceiver = class {
  constructor(options) {
    this.options = options;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 3001;
    this.maxBodyBytes = options.maxBodyBytes ?? 1e6;
  }
  options;
  app;
  ackTimeoutMs;
  maxBodyBytes;
  init(app) {
    this.app = app;
  }
  // The HTTP server belongs to Hono (src/http/server.ts), so there is nothing to start here.
  start() {
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
  /** The Hono handler for POST /slack/events. */
  handle = async (c) => {
    const startedAt = performance.now();
    const requestId = nextRequestId();
    const rawBody = await c.req.text();
    if (Buffer.byteLength(rawBody) > this.maxBodyBytes) return new Response(null, { status: 413 });
    const contentType = c.req.header("content-type");
    if (isSslCheck(rawBody, contentType)) return new Response(null, { status: 200 });
    const verdict = checkSlackSignature(
      {
        rawBody,
        signature: c.req.header("x-slack-signature"),
        timestamp: c.req.header("x-slack-request-timestamp"),
      },
      this.options.signingSecret,
      this.options.clock.now(),
    );
    if (!verdict.ok) {
      this.options.logger.warn(
        { requestId, outcome: "rejected", reason: verdict.reason },
        "slack request rejected",
      );
      return new Response(null, { status: 401 });
    }
    const body = parseSlackBody(rawBody, contentType);
    if (body === void 0) return new Response(null, { status: 400 });
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    const response = await this.dispatch(
      body,
      requestId,
      c.req.header("x-slack-retry-num"),
      c.req.header("x-slack-retry-reason"),
    );
    this.options.logger.info(
      {
        requestId,
        ...describeRequest(body),
        status: response.status,
        latencyMs: round(performance.now() - startedAt),
      },
      "slack request",
    );
    return response;
  };
  dispatch(body, requestId, retryNum, retryReason) {
    const app = this.app;
    if (!app) throw new Error("HonoSlackReceiver used before Bolt called init()");
    const { logger } = this.options;
    return new Promise((resolve) => {
      let acked2;
      const timer = setTimeout(() => {
        if (acked2) return;
        logger.error({ requestId, ...describeRequest(body) }, "no listener acknowledged within the deadline");
        settle2(new Response(null, { status: 404 }));
      }, this.ackTimeoutMs);
      let replied = false;
      const settle2 = (response) => {
        clearTimeout(timer);
        if (replied) return;
        replied = true;
        resolve(response);
      };
      const ack = async (reply) => {
        if (acked2) throw new ReceiverMultipleAckError();
        acked2 = toAckResponse(reply);
        clearTimeout(timer);
        if (!this.options.waitForListeners) settle2(acked2);
      };
      const event = {
        body,
        ack,
        retryNum: retryNum === void 0 ? void 0 : Number.parseInt(retryNum, 10),
        retryReason,
        customProperties: { requestId },
      };
      app.processEvent(event).then(
        () => {
          if (acked2 && this.options.waitForListeners) settle2(acked2);
        },
        (error) => {
          logger.error({ requestId, ...describeRequest(body), err: error }, "listener failed");
          settle2(acked2 ?? new Response(null, { status: 500 }));
        },
      );
    });
  }
};
var requestIdPrefix = randomBytes(4).toString("hex");
var requestCounter = 0;
function nextRequestId() {
  requestCounter += 1;
  return `${requestIdPrefix}-${requestCounter.toString(36)}`;
}
function toAckResponse(reply) {
  if (reply === void 0 || reply === "") return new Response(null, { status: 200 });
  if (typeof reply === "string") return new Response(reply, { status: 200 });
  return Response.json(reply);
}
function isSslCheck(rawBody, contentType) {
  return (
    contentType?.startsWith("application/x-www-form-urlencoded") === true && rawBody.startsWith("ssl_check=1")
  );
}
function round(ms) {
  return Math.round(ms * 100) / 100;
}

// src/notify/jobs/approval-reminders.ts
var approvalReminders = {
  name: "approval-reminders",
  cron: "*/15 * * * *",
  run: ({ db: db2, clock, logger }) => {
    const result = remindAndEscalate(db2, clock);
    if (result.reminded + result.escalated > 0) logger.info(result, "approval reminders");
  },
};

// src/domain/purchasing/late-deliveries.ts
var lateEscalationKey = "po_late_escalate_days";
var defaultLateEscalationDays = 3;
function escalationDays(db2) {
  const raw2 = db2.$client
    .prepare("select value from company_settings where key = ?")
    .pluck()
    .get(lateEscalationKey);
  const value = typeof raw2 === "string" ? Number(JSON.parse(raw2)) : Number.NaN;
  return Number.isInteger(value) && value >= 1 ? value : defaultLateEscalationDays;
}
function nudgeLateDeliveries(db2, at2, today) {
  const after = escalationDays(db2);
  const open4 = openForDelivery.map((s) => `'${s}'`).join(",");
  const late = db2.$client
    .prepare(
      `select p.id, p.number, p.created_by, p.expected_day,
              exists (select 1 from outbox_events e where e.type = 'po.late' and e.doc_type = 'purchase_order'
                       and e.doc_id = p.id and json_extract(e.payload, '$.level') = 'clerk'),
              exists (select 1 from outbox_events e where e.type = 'po.late' and e.doc_type = 'purchase_order'
                       and e.doc_id = p.id and json_extract(e.payload, '$.level') = 'manager')
         from purchase_orders p where p.status in (${open4}) and p.expected_day < ?`,
    )
    .raw()
    .all(today);
  const counts = { clerk: 0, manager: 0 };
  db2.$client.transaction(() => {
    for (const [id, number2, owner, expectedDay, toldClerk, toldManager] of late) {
      const daysLate = daysBetween(expectedDay, today);
      const emit = (level) => {
        emitEvent(
          db2,
          {
            type: "po.late",
            actor: "jxc",
            docType: "purchase_order",
            docId: id,
            payload: { number: number2, owner, expectedDay, daysLate, level },
          },
          at2,
        );
        counts[level] += 1;
      };
      if (!toldClerk) emit("clerk");
      if (!toldManager && daysLate >= after) emit("manager");
    }
  })();
  return counts;
}

// src/notify/jobs/late-deliveries.ts
var lateDeliveries = {
  name: "late-deliveries",
  cron: "0 9 * * *",
  run: ({ db: db2, clock, logger, company }) => {
    const now = clock.now();
    const result = nudgeLateDeliveries(db2, now, todayIn(company.timeZone, now));
    if (result.clerk + result.manager > 0) logger.info(result, "late deliveries");
  },
};

// src/notify/jobs/weekly-purchase-plan.ts
var groupsShown = 5;
var linesShown = 5;
function weeklyPlanSummary(plan) {
  return {
    windowDays: plan.options.windowDays,
    season: plan.options.sameSeasonLastYear,
    items: plan.itemsConsidered,
    suggested: plan.suggested,
    suppliers: plan.groups.filter((g) => g.supplier).length,
    moreGroups: Math.max(0, plan.groups.length - groupsShown),
    noHistory: plan.noHistory.length,
    noHistorySized: plan.noHistorySized,
    groups: plan.groups.slice(0, groupsShown).map((g) => ({
      code: g.supplier?.code ?? null,
      name: g.supplier?.name ?? null,
      nameZh: g.supplier?.nameZh ?? null,
      count: g.lines.length,
      lines: g.lines.slice(0, linesShown).map((l) => ({
        sku: l.facts.sku,
        name: l.facts.name,
        nameZh: l.facts.nameZh,
        unit: l.facts.baseUnit,
        qty: l.qty,
        noHistory: l.noHistory,
      })),
    })),
  };
}
var weeklyPurchasePlan = {
  name: "weekly-purchase-plan",
  cron: "0 8 * * 1",
  run: ({ db: db2, logger, scheduledAt, period }) => {
    const plan = buildPurchasePlan(db2, scheduledAt, readPlanOptions(db2));
    emitEvent(
      db2,
      { type: "purchase_plan.ready", actor: "jxc", payload: { period, ...weeklyPlanSummary(plan) } },
      scheduledAt,
    );
    logger.info({ suggested: plan.suggested, period }, "weekly purchase plan");
  },
};

// src/notify/jobs/index.ts
var scheduledJobs = [approvalReminders, weeklyPurchasePlan, lateDeliveries];

// src/notify/dispatcher.ts
// src/notify/threads.ts
import {
  and as and32,
  and as and33,
  asc as asc8,
  eq as eq52,
  eq as eq53,
  isNull as isNull7,
} from "drizzle-orm";

function storeThreadPost(db2, eventId, planned, now) {
  const { thread } = planned;
  const parent = threadParentOf(db2, thread);
  const common = { eventId, status: "pending", nextAttemptAt: now, createdAt: now };
  if (!parent) {
    const cardId = insertDelivery(db2, {
      ...common,
      dedupeKey: `${eventId}:${planned.key}`,
      kind: "post",
      target: planned.target,
      template: thread.card.template,
      data: thread.card.data,
    });
    if (cardId === void 0) return;
    db2
      .insert(documentThreads)
      .values({ docType: thread.docType, docId: thread.docId, deliveryId: cardId, createdAt: now })
      .run();
    return;
  }
  insertDelivery(db2, {
    ...common,
    dedupeKey: `${eventId}:${planned.key}`,
    kind: "post",
    target: parent.target,
    threadKey: threadKeyOf(thread),
    template: planned.template,
    data: planned.data,
  });
  insertDelivery(db2, {
    ...common,
    dedupeKey: `${eventId}:#card:${threadKeyOf(thread)}`,
    kind: "update",
    target: parent.target,
    updatesDeliveryId: parent.id,
    template: thread.card.template,
    data: thread.card.data,
  });
}
function threadParentOf(db2, doc) {
  const row = db2
    .select({ deliveryId: documentThreads.deliveryId })
    .from(documentThreads)
    .where(and32(eq52(documentThreads.docType, doc.docType), eq52(documentThreads.docId, doc.docId)))
    .get();
  return row ? deliveryById(db2, row.deliveryId) : void 0;
}
function threadParent(db2, threadKey) {
  const at2 = threadKey.lastIndexOf(":");
  const docId = Number(threadKey.slice(at2 + 1));
  if (at2 < 0 || !Number.isInteger(docId)) return void 0;
  return threadParentOf(db2, { docType: threadKey.slice(0, at2), docId });
}
function placementOf(db2, row) {
  if (row.kind === "update") {
    const target = row.updatesDeliveryId === null ? void 0 : deliveryById(db2, row.updatesDeliveryId);
    return settled(target, (t) => ({ kind: "ready", channel: t.postedChannel ?? t.target, ts: t.ts ?? "" }));
  }
  if (row.kind === "post" && row.threadKey) {
    const parent = threadParent(db2, row.threadKey);
    return settled(parent, (p2) => ({
      kind: "ready",
      channel: p2.postedChannel ?? p2.target,
      threadTs: p2.ts ?? "",
    }));
  }
  return { kind: "ready", channel: row.target };
}
function settled(dependency, ready) {
  if (!dependency) return { kind: "orphaned", reason: "parent_missing" };
  if (dependency.status === "delivered" && dependency.ts) return ready(dependency);
  if (dependency.status === "pending" || dependency.status === "sending") return { kind: "waiting" };
  return { kind: "orphaned", reason: "parent_failed" };
}

// src/notify/dispatcher.ts
var batchSize = 100;
function dispatchPending(deps) {
  const { db: db2 } = deps;
  let dispatched = 0;
  for (;;) {
    const batch = db2
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(isNull7(outboxEvents.dispatchedAt))
      .orderBy(asc8(outboxEvents.id))
      .limit(batchSize)
      .all();
    if (batch.length === 0) return { dispatched };
    for (const { id } of batch) {
      try {
        db2.transaction(() => dispatchEvent(deps, id));
        dispatched += 1;
      } catch (error) {
        deps.logger.error({ err: error, eventId: id }, "outbox event could not be planned");
        return {
          dispatched,
          stall: { eventId: id, error: error instanceof Error ? error.message : String(error) },
        };
      }
    }
  }
}
function dispatchEvent(deps, id) {
  const { db: db2, clock, company, logger } = deps;
  const row = db2
    .select()
    .from(outboxEvents)
    .where(and33(eq53(outboxEvents.id, id), isNull7(outboxEvents.dispatchedAt)))
    .get();
  if (!row) return;
  const now = clock.now();
  if (isEventType(row.type)) {
    const event = {
      id: row.id,
      type: row.type,
      actor: row.actor,
      docType: row.docType,
      docId: row.docId,
      payload: isRecord3(row.payload) ? row.payload : {},
      createdAt: row.createdAt,
    };
    const planned = deps.planners[row.type](event, { db: db2, clock, company });
    for (const delivery of planned) storePlanned(deps, event.id, delivery, now);
  } else {
    logger.warn({ eventId: row.id, type: row.type }, "outbox event of a type this version does not know");
  }
  db2.update(outboxEvents).set({ dispatchedAt: now }).where(eq53(outboxEvents.id, id)).run();
}
function storePlanned(deps, eventId, planned, now) {
  const { db: db2 } = deps;
  const dedupeKey = `${eventId}:${planned.key}`;
  if (dedupeKeyTaken(db2, dedupeKey)) return;
  const common = {
    eventId,
    dedupeKey,
    template: planned.template,
    data: planned.data,
    status: "pending",
    nextAttemptAt: now,
    createdAt: now,
  };
  switch (planned.kind) {
    case "post":
      if (planned.thread) storeThreadPost(db2, eventId, { ...planned, thread: planned.thread }, now);
      else insertDelivery(db2, { ...common, kind: "post", target: planned.target });
      return;
    case "home":
      insertDelivery(db2, { ...common, kind: "home", target: planned.target });
      return;
    case "update": {
      const original = deliveryById(db2, planned.updatesDeliveryId);
      if (original?.kind !== "post") {
        deps.logger.warn({ eventId, planned }, "planned update of a delivery that posted nothing; ignored");
        return;
      }
      insertDelivery(db2, {
        ...common,
        kind: "update",
        target: original.target,
        updatesDeliveryId: original.id,
      });
      return;
    }
  }
}
function isEventType(type) {
  return eventTypes.includes(type);
}
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/notify/not-in-channel.ts
var notInChannelTemplate = "jxc.not_in_channel";
var builtInTemplates = {
  [notInChannelTemplate]: (data, { locale }) => {
    const text14 = messages(locale).outbox.notInChannel({ channel: String(data.channel ?? "") });
    return { text: text14, blocks: [section(text14)] };
  },
};
function warnAdminsNotInChannel(db2, clock, company, channel) {
  const now = clock.now();
  const day3 = new Intl.DateTimeFormat("en-CA", { timeZone: company.timeZone }).format(now);
  const admins = listRoleAssignments(db2).filter((assignment) => assignment.role === "admin");
  for (const { userId } of admins) {
    insertDelivery(db2, {
      eventId: null,
      dedupeKey: `not_in_channel:${channel}:${userId}:${day3}`,
      kind: "post",
      target: userId,
      template: notInChannelTemplate,
      data: { channel },
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    });
  }
}

// src/notify/pacing.ts
var Pacing = class {
  constructor(clock, postIntervalMs) {
    this.clock = clock;
    this.postIntervalMs = postIntervalMs;
  }
  clock;
  postIntervalMs;
  laneFree = /* @__PURE__ */ new Map();
  methodFree = /* @__PURE__ */ new Map();
  /** The earliest time this lane may post again. */
  laneReadyAt(lane) {
    return this.laneFree.get(lane) ?? 0;
  }
  methodReadyAt(method) {
    return this.methodFree.get(method) ?? 0;
  }
  /** A post went out in this lane: the next one waits the per-channel interval. */
  posted(lane) {
    this.delayLane(lane, this.postIntervalMs);
  }
  /** Slack answered 429: a post limit is per channel, any other method's is per method. */
  rateLimited(method, lane, retryAfterMs) {
    if (method === "chat.postMessage") this.delayLane(lane, retryAfterMs);
    else this.methodFree.set(method, Math.max(this.methodReadyAt(method), this.clock.now() + retryAfterMs));
  }
  delayLane(lane, ms) {
    this.laneFree.set(lane, Math.max(this.laneReadyAt(lane), this.clock.now() + ms));
  }
};
function backoffMs(attempts, options, random = Math.random) {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// src/notify/render.ts
import { eq as eq54 } from "drizzle-orm";

function channelLanguage(db2) {
  const row = db2
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq54(companySettings.key, "channel_language"))
    .get();
  return toLocale(typeof row?.value === "string" ? row.value : void 0) ?? "en";
}
var RenderError = class extends Error {
  name = "RenderError";
};
function createRenderer(deps) {
  const { db: db2, clock, company, locales: locales2, templates } = deps;
  return async (row) => {
    const template = Object.hasOwn(templates, row.template) ? templates[row.template] : void 0;
    if (!template) throw new RenderError(`unknown_template: ${row.template}`);
    const locale = isUserId(row.target) ? await locales2.localeFor(row.target) : channelLanguage(db2);
    const data = typeof row.data === "object" && row.data !== null ? row.data : {};
    try {
      return template(data, { db: db2, clock, company, locale, recipient: row.target });
    } catch (error) {
      throw new RenderError(`render_failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

// src/slack/bolt-logger.ts
import { LogLevel } from "@slack/bolt";
// src/notify/slack-gateway.ts
import { WebClient } from "@slack/web-api";

function toBoltLogger(logger) {
  const child = logger.child({ source: "bolt" });
  const join3 = (parts) => parts.map((p2) => (typeof p2 === "string" ? p2 : String(p2))).join(" ");
  return {
    debug: (...parts) => child.debug(join3(parts)),
    info: (...parts) => child.info(join3(parts)),
    warn: (...parts) => child.warn(join3(parts)),
    error: (...parts) => child.error(join3(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

// src/notify/slack-failures.ts
var transientPlatformErrors = /* @__PURE__ */ new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "team_added_to_org",
]);
function classifySlackError(error) {
  const coded = isObject(error) ? error : {};
  switch (coded.code) {
    case "slack_webapi_rate_limited_error":
      return { kind: "rate_limited", retryAfterMs: Math.max(0, Number(coded.retryAfter ?? 1)) * 1e3 };
    case "slack_webapi_platform_error": {
      const data = isObject(coded.data) ? coded.data : {};
      const code = typeof data.error === "string" ? data.error : "unknown_error";
      return transientPlatformErrors.has(code)
        ? { kind: "transient", error: code }
        : { kind: "permanent", error: code };
    }
    case "slack_webapi_http_error": {
      const status = Number(coded.statusCode);
      return status >= 500
        ? { kind: "transient", error: `http_${status}` }
        : { kind: "permanent", error: `http_${status}` };
    }
    default: {
      const original = isObject(coded.original) ? coded.original : coded;
      const message = typeof original.message === "string" ? original.message : String(error);
      return { kind: "transient", error: `request_failed: ${message}`.slice(0, 300) };
    }
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null;
}

// src/notify/slack-gateway.ts
var deliveryEventType = "jxc_delivery";
var historyPageSize = 200;
var historyMaxPages = 10;
function createSlackGateway(options) {
  const client = new WebClient(options.botToken, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    logger: toBoltLogger(options.logger),
  });
  const call = async (method, run) => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, method, failure: classifySlackError(error) };
    }
  };
  const tag = (deliveryId) => ({
    event_type: deliveryEventType,
    event_payload: { delivery_id: deliveryId },
  });
  const blocksOf2 = (message) => (message.blocks.length > 0 ? { blocks: message.blocks } : {});
  return {
    postMessage: (deliveryId, message) =>
      call("chat.postMessage", async () => {
        const result = await client.chat.postMessage({
          channel: message.channel,
          text: message.text,
          ...blocksOf2(message),
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          metadata: tag(deliveryId),
        });
        return { channel: result.channel ?? message.channel, ts: result.ts ?? "" };
      }),
    updateMessage: (deliveryId, message) =>
      call("chat.update", async () => {
        await client.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          ...blocksOf2(message),
          metadata: tag(deliveryId),
        });
        return void 0;
      }),
    publishHome: (userId, message) =>
      call("views.publish", async () => {
        await client.views.publish({ user_id: userId, view: { type: "home", blocks: message.blocks } });
        return void 0;
      }),
    openDm: (userId) =>
      call("conversations.open", async () => {
        const result = await client.conversations.open({ users: userId });
        return result.channel?.id ?? "";
      }),
    findTagged: (deliveryId, where) =>
      call(where.threadTs ? "conversations.replies" : "conversations.history", async () => {
        let cursor;
        for (let page = 0; page < historyMaxPages; page += 1) {
          const query = {
            channel: where.channel,
            oldest: where.oldest,
            include_all_metadata: true,
            limit: historyPageSize,
            ...(cursor ? { cursor } : {}),
          };
          const result = where.threadTs
            ? await client.conversations.replies({ ...query, ts: where.threadTs })
            : await client.conversations.history(query);
          const found = (result.messages ?? []).find((message) => isTagged(message.metadata, deliveryId));
          if (found?.ts) return found.ts;
          cursor = result.response_metadata?.next_cursor || void 0;
          if (!result.has_more || !cursor) return void 0;
        }
        return void 0;
      }),
  };
}
function isTagged(metadata3, deliveryId) {
  if (metadata3?.event_type !== deliveryEventType || !metadata3.event_payload) return false;
  return (
    "delivery_id" in metadata3.event_payload && Number(metadata3.event_payload.delivery_id) === deliveryId
  );
}

// src/notify/recovery.ts
var clockSkewSeconds = 60;
async function findPosted(gateway, row, where) {
  let channel = where.channel;
  if (isUserId(channel)) {
    const dm = await gateway.openDm(channel);
    if (!dm.ok) return dm;
    channel = dm.value;
  }
  const oldest = Math.max(0, Math.floor(row.createdAt / 1e3) - clockSkewSeconds).toFixed(6);
  const found = await gateway.findTagged(row.id, {
    channel,
    oldest,
    ...(where.threadTs ? { threadTs: where.threadTs } : {}),
  });
  if (!found.ok) return found;
  return { ok: true, value: found.value ? { channel, ts: found.value } : void 0 };
}

// src/notify/worker.ts
var progressed = { kind: "progressed" };
async function sweepLanes(deps) {
  let moved = false;
  let wakeInMs;
  for (const head of laneHeads(deps.db)) {
    const step2 = await advance(deps, head);
    if (step2.kind === "progressed") moved = true;
    if (step2.kind === "wait") wakeInMs = Math.min(wakeInMs ?? step2.ms, step2.ms);
  }
  return { progressed: moved, ...(wakeInMs === void 0 ? {} : { wakeInMs }) };
}
var methodOf = {
  post: "chat.postMessage",
  update: "chat.update",
  home: "views.publish",
};
async function advance(deps, row) {
  const { db: db2, clock, pacing } = deps;
  const lane = laneOf(row);
  const method = methodOf[row.kind];
  const readyAt = Math.max(
    row.nextAttemptAt,
    pacing.methodReadyAt(method),
    row.kind === "post" ? pacing.laneReadyAt(lane) : 0,
  );
  if (readyAt > clock.now()) return { kind: "wait", ms: readyAt - clock.now() };
  if (skipSuperseded(db2, row)) return progressed;
  const placement = placementOf(db2, row);
  if (placement.kind === "waiting") return { kind: "blocked" };
  if (placement.kind === "orphaned") {
    if (row.kind === "update") markSkipped(db2, row.id, placement.reason);
    else markFailed(db2, row.id, placement.reason);
    return progressed;
  }
  if (row.kind === "post" && row.status === "sending") {
    const settled2 = await settleUnknownPost(deps, row, placement);
    if (settled2) return settled2;
  }
  let message;
  try {
    message = await deps.render(row);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    deps.logger.error(
      { deliveryId: row.id, template: row.template, err: error },
      "delivery could not be rendered",
    );
    markFailed(db2, row.id, error.message);
    return progressed;
  }
  markSending(db2, row.id);
  const attempts = row.attempts + 1;
  switch (row.kind) {
    case "post": {
      const result = await deps.gateway.postMessage(row.id, {
        ...message,
        channel: placement.channel,
        ...(placement.threadTs ? { threadTs: placement.threadTs } : {}),
      });
      if (result.ok) pacing.posted(lane);
      return settle(deps, row, attempts, result);
    }
    case "update": {
      const result = await deps.gateway.updateMessage(row.updatesDeliveryId ?? row.id, {
        ...message,
        channel: placement.channel,
        ts: placement.ts ?? "",
      });
      return settle(deps, row, attempts, result);
    }
    case "home":
      return settle(deps, row, attempts, await deps.gateway.publishHome(row.target, message));
  }
}
async function settleUnknownPost(deps, row, placement) {
  const { db: db2, clock } = deps;
  const found = await findPosted(deps.gateway, row, placement);
  if (!found.ok) {
    const failure = found.failure;
    if (failure.kind === "permanent") {
      markFailed(db2, row.id, `lookup_failed: ${failure.error}`);
      return progressed;
    }
    const ms =
      failure.kind === "rate_limited"
        ? failure.retryAfterMs
        : backoffMs(Math.max(1, row.attempts), deps.backoff);
    if (failure.kind === "rate_limited") deps.pacing.rateLimited(found.method, laneOf(row), ms);
    reschedule(db2, row.id, { at: clock.now() + ms, status: "sending" });
    return { kind: "wait", ms };
  }
  if (found.value) {
    deps.logger.info({ deliveryId: row.id, ts: found.value.ts }, "delivery found in Slack; not sent again");
    markDelivered(db2, row.id, clock.now(), found.value);
    return progressed;
  }
  if (row.attempts >= deps.maxAttempts) {
    markFailed(db2, row.id, row.lastError ?? "unconfirmed");
    return progressed;
  }
  return void 0;
}
function settle(deps, row, attempts, result) {
  const { db: db2, clock, logger } = deps;
  const now = clock.now();
  if (result.ok) {
    markDelivered(db2, row.id, now, result.value);
    logger.debug({ deliveryId: row.id, kind: row.kind, target: row.target }, "delivered");
    return progressed;
  }
  const { failure, method } = result;
  const context2 = { deliveryId: row.id, kind: row.kind, target: row.target, method, attempts };
  switch (failure.kind) {
    case "rate_limited":
      deps.pacing.rateLimited(method, laneOf(row), failure.retryAfterMs);
      reschedule(db2, row.id, { at: now + failure.retryAfterMs, status: "pending", refund: true });
      logger.info({ ...context2, retryAfterMs: failure.retryAfterMs }, "rate limited by Slack");
      return { kind: "wait", ms: failure.retryAfterMs };
    case "permanent":
      markFailed(db2, row.id, failure.error);
      logger.warn({ ...context2, error: failure.error }, "delivery failed for good");
      if (failure.error === "not_in_channel" && !isUserId(row.target)) {
        warnAdminsNotInChannel(db2, clock, deps.company, row.target);
      }
      return progressed;
    case "transient": {
      logger.warn({ ...context2, error: failure.error }, "delivery failed; will try again");
      const at2 = now + backoffMs(attempts, deps.backoff);
      if (row.kind === "post") reschedule(db2, row.id, { at: at2, status: "sending", error: failure.error });
      else if (attempts >= deps.maxAttempts) markFailed(db2, row.id, failure.error);
      else reschedule(db2, row.id, { at: at2, status: "pending", error: failure.error });
      return { kind: "wait", ms: at2 - now };
    }
  }
}

// src/notify/notifier.ts
var defaultTuning = {
  pollMs: 2e3,
  postIntervalMs: 1e3,
  maxAttempts: 6,
  backoffBaseMs: 2e3,
  backoffMaxMs: 5 * 6e4,
  requestTimeoutMs: 1e4,
};
function createNotifier(options) {
  const { db: db2, clock, logger, company } = options;
  const tuning = { ...defaultTuning, ...options.tuning };
  const log = logger.child({ component: "notifier" });
  const pacing = new Pacing(clock, tuning.postIntervalMs);
  const workerDeps = {
    db: db2,
    clock,
    logger: log,
    company,
    pacing,
    gateway: createSlackGateway({
      botToken: options.botToken,
      slackApiUrl: options.slackApiUrl,
      logger: log,
      timeoutMs: tuning.requestTimeoutMs,
    }),
    render: createRenderer({
      db: db2,
      clock,
      company,
      locales: options.locales,
      templates: { ...builtInTemplates, ...options.templates },
    }),
    maxAttempts: tuning.maxAttempts,
    backoff: { baseMs: tuning.backoffBaseMs, maxMs: tuning.backoffMaxMs },
  };
  let stall;
  let running = Promise.resolve();
  const sweep = () => {
    const next = running.then(async () => {
      const planned = dispatchPending({ db: db2, clock, company, logger: log, planners: options.planners });
      stall = planned.stall;
      const swept = await sweepLanes(workerDeps);
      return { ...swept, progressed: swept.progressed || planned.dispatched > 0 };
    });
    running = next.catch(() => {});
    return next;
  };
  let loop;
  let stopping = false;
  let kicked = false;
  let wake;
  const nap = (ms) =>
    new Promise((resolve) => {
      if (kicked || stopping) return resolve();
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  return {
    kick() {
      kicked = true;
      wake?.();
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          kicked = false;
          let pause = tuning.pollMs;
          try {
            const result = await sweep();
            pause = result.progressed ? 0 : Math.min(result.wakeInMs ?? tuning.pollMs, tuning.pollMs);
          } catch (error) {
            log.error({ err: error }, "outbox sweep failed");
          }
          await nap(pause);
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = void 0;
      await running;
    },
    async drain({ timeoutMs = 3e4 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = await sweep();
        const owed = openWork(db2);
        if (owed.events === 0 && owed.deliveries === 0) return;
        if (Date.now() > deadline) {
          const why3 = stall ? `; event ${stall.eventId} cannot be planned: ${stall.error}` : "";
          throw new Error(
            `outbox not drained after ${timeoutMs} ms: ${owed.events} events, ${owed.deliveries} deliveries open${why3}`,
          );
        }
        if (!result.progressed) {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(1, Math.min(result.wakeInMs ?? 20, 1e3))),
          );
        }
      }
    },
  };
}

// src/notify/registry.ts
var appPlanners = {
  ...approvalPlanners,
  ...adjustmentPlanners,
  ...purchasingPlanners,
  ...purchasePlanPlanners,
  ...stocktakePlanners,
  ...receivingPlanners,
};

// src/notify/scheduler.ts
import { Cron } from "croner";

// src/notify/period-key.ts
var formatters2 = /* @__PURE__ */ new Map();
function formatterFor(timeZone) {
  let formatter = formatters2.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters2.set(timeZone, formatter);
  }
  return formatter;
}
var pad = (value) => String(value).padStart(2, "0");
function periodKey(instant, timeZone) {
  const parts = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day: day3 = 1, hour: hour2 = 0, minute = 0, second = 0 } = parts;
  const wallClock = Date.UTC(year, month - 1, day3, hour2, minute, second);
  const offsetMinutes = Math.round((wallClock - Math.floor(instant / 1e3) * 1e3) / 6e4);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${year}-${pad(month)}-${pad(day3)}T${pad(hour2)}:${pad(minute)}${offset}`;
}

// src/notify/scheduled-runs.ts
import { and as and34, eq as eq55 } from "drizzle-orm";

var NOT_RUN_BEFORE_REGISTRATION = "not run: the job did not exist yet";
var maxErrorLength = 2e3;
function claimRun(db2, job, period, at2) {
  return db2.transaction((tx) => {
    const seen = tx
      .select({ period: scheduledRuns.period })
      .from(scheduledRuns)
      .where(eq55(scheduledRuns.job, job))
      .limit(1)
      .get();
    if (!seen) {
      tx.insert(scheduledRuns)
        .values({ job, period, startedAt: at2, finishedAt: at2, error: NOT_RUN_BEFORE_REGISTRATION })
        .run();
      return "first_seen";
    }
    const inserted = tx
      .insert(scheduledRuns)
      .values({ job, period, startedAt: at2 })
      .onConflictDoNothing()
      .run();
    return inserted.changes > 0 ? "claimed" : "taken";
  });
}
function finishRun(db2, job, period, at2, error) {
  db2
    .update(scheduledRuns)
    .set({ finishedAt: at2, error: error === void 0 ? null : error.slice(0, maxErrorLength) })
    .where(and34(eq55(scheduledRuns.job, job), eq55(scheduledRuns.period, period)))
    .run();
}

// src/notify/scheduler.ts
var maxSleepMs = 6e4;
function createScheduler(options) {
  const { db: db2, clock, company, logger } = options;
  const compiled = compile2(options.jobs, company.timeZone);
  let timer;
  let running = Promise.resolve();
  let started = false;
  const runJob = async ({ job, cron }, now) => {
    const latest = cron.previousRuns(1, new Date(now + 1))[0];
    if (!latest) return void 0;
    const scheduledAt = latest.getTime();
    const period = periodKey(scheduledAt, company.timeZone);
    const claim = claimRun(db2, job.name, period, clock.now());
    if (claim === "taken") return void 0;
    if (claim === "first_seen") return { job: job.name, period, outcome: "not_run_first_seen" };
    try {
      await job.run({ db: db2, clock, company, logger, period, scheduledAt });
      finishRun(db2, job.name, period, clock.now());
      return { job: job.name, period, outcome: "ran" };
    } catch (error) {
      const text14 = describe(error);
      logger.error({ err: error, job: job.name, period }, "scheduled job failed");
      finishRun(db2, job.name, period, clock.now(), text14);
      return { job: job.name, period, outcome: "failed", error: text14 };
    }
  };
  const runDue = (now = clock.now()) => {
    const run = running.then(async () => {
      const outcomes = await Promise.all(compiled.map((entry) => runJob(entry, now)));
      return outcomes.filter((outcome) => outcome !== void 0);
    });
    running = run.catch(() => void 0);
    return run;
  };
  const nextRunAfter = (now) => {
    const next = compiled
      .map(({ cron }) => cron.nextRun(new Date(now))?.getTime())
      .filter((at2) => at2 !== void 0);
    return next.length > 0 ? Math.min(...next) : void 0;
  };
  const arm = () => {
    if (!started) return;
    const now = clock.now();
    const next = nextRunAfter(now);
    if (next === void 0) return;
    timer = setTimeout(
      () => {
        timer = void 0;
        runDue()
          .catch((error) => logger.error({ err: error }, "scheduler tick failed"))
          .finally(arm);
      },
      Math.min(Math.max(next - now, 0), maxSleepMs),
    );
    timer.unref();
  };
  return {
    start() {
      if (started) return;
      started = true;
      runDue()
        .catch((error) => logger.error({ err: error }, "scheduler catch-up failed"))
        .finally(arm);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = void 0;
      await running;
    },
    runDue,
    nextRunAfter,
  };
}
function compile2(jobs, timeZone) {
  const names = /* @__PURE__ */ new Set();
  return jobs.map((job) => {
    if (names.has(job.name)) throw new Error(`scheduled job "${job.name}" is listed twice`);
    names.add(job.name);
    try {
      return { job, cron: new Cron(job.cron, { timezone: timeZone, mode: "5-part" }) };
    } catch (error) {
      throw new Error(`scheduled job "${job.name}": bad cron "${job.cron}": ${describe(error)}`);
    }
  });
}
function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// src/slack/create-bolt-app.ts
import { App } from "@slack/bolt";
import { WebClient as WebClient2 } from "@slack/web-api";

function createBoltApp({ connection, slackApiUrl, logger }) {
  const boltLogger = toBoltLogger(logger);
  const clientOptions = slackApiUrl ? { slackApiUrl } : {};
  const common = {
    authorize: lazyBotAuthorization(connection.botToken, clientOptions, boltLogger),
    logger: boltLogger,
    clientOptions,
    convoStore: false,
    // Done in jxc's one global middleware instead (src/slack/middleware/pipeline.ts).
    ignoreSelf: false,
    // Rethrow so the receiver answers 500 and logs the failure with its request context.
    extendedErrorHandler: false,
  };
  if (connection.kind === "socket") {
    return new App({ ...common, socketMode: true, appToken: connection.appToken });
  }
  return new App({ ...common, receiver: connection.receiver });
}
function lazyBotAuthorization(botToken, clientOptions, logger) {
  let identity;
  const lookUp = () =>
    new WebClient2(botToken, { ...clientOptions, logger }).auth.test().then((r) => ({
      botId: r.bot_id,
      botUserId: r.user_id,
      teamId: r.team_id,
    }));
  return async () => {
    identity ??= lookUp().catch((error) => {
      identity = void 0;
      throw error;
    });
    return { botToken, ...(await identity) };
  };
}

// src/slack/locale.ts
var day2 = 24 * 60 * 60 * 1e3;
function createLocaleResolver(options) {
  const { db: db2, clock, logger, lookup } = options;
  const refreshAfterMs = options.refreshAfterMs ?? day2;
  const retryAfterMs = options.retryAfterMs ?? 5 * 60 * 1e3;
  const memory = /* @__PURE__ */ new Map();
  const remember = (userId, locale, forMs) => {
    memory.set(userId, { locale, until: clock.now() + forMs });
    return locale;
  };
  return {
    async localeFor(userId) {
      const cached = memory.get(userId);
      if (cached && cached.until > clock.now()) return cached.locale;
      const stored = getUserLanguage(db2, userId);
      if (stored.override) return remember(userId, stored.override, refreshAfterMs);
      const storedAt = stored.platformLocaleFetchedAt ?? 0;
      if (stored.platformLocale && clock.now() - storedAt < refreshAfterMs) {
        return remember(
          userId,
          toLocale(stored.platformLocale) ?? "en",
          refreshAfterMs - (clock.now() - storedAt),
        );
      }
      try {
        const reported = await lookup(userId);
        if (reported) {
          rememberPlatformLocale(db2, clock, userId, reported);
          return remember(userId, toLocale(reported) ?? "en", refreshAfterMs);
        }
      } catch (error) {
        logger.warn({ user: userId, err: error }, "could not read the user's Slack locale");
      }
      return remember(userId, toLocale(stored.platformLocale) ?? "en", retryAfterMs);
    },
    forget(userId) {
      memory.delete(userId);
    },
  };
}

// src/slack/middleware/dedupe-events.ts
import { lt as lt2 } from "drizzle-orm";

function createEventDedupe({ db: db2, clock, keepForMs = 24 * 60 * 60 * 1e3 }) {
  const insert = db2.$client.prepare(
    "insert or ignore into processed_events (event_id, received_at) values (?, ?)",
  );
  const remove = db2.$client.prepare("delete from processed_events where event_id = ?");
  let lastPrunedAt = 0;
  return {
    claim(eventId) {
      const now = clock.now();
      if (now - lastPrunedAt > keepForMs / 24) {
        db2
          .delete(processedEvents)
          .where(lt2(processedEvents.receivedAt, now - keepForMs))
          .run();
        lastPrunedAt = now;
      }
      return insert.run(eventId, now).changes > 0;
    },
    release(eventId) {
      remove.run(eventId);
    },
  };
}
function eventIdOf(body) {
  const id = typeof body === "object" && body !== null && "event_id" in body ? body.event_id : void 0;
  return typeof id === "string" ? id : void 0;
}

// src/slack/middleware/pipeline.ts
function jxcPipeline({ dedupe, locales: locales2, router }) {
  return async (args) => {
    const eventId = eventIdOf(args.body);
    if (eventId !== void 0 && !dedupe.claim(eventId)) return;
    try {
      if (isOwnEvent(args.body, args.context)) return;
      const userId = actingUserId(args.body);
      args.context.locale = userId ? await locales2.localeFor(userId) : "en";
      await router.dispatch(args);
    } catch (error) {
      if (eventId !== void 0) dedupe.release(eventId);
      throw error;
    }
  };
}
function isOwnEvent(body, context2) {
  if (typeof body !== "object" || body === null || !("event" in body)) return false;
  const event = body.event;
  if (!event) return false;
  if (event.type === "message" && event.subtype === "bot_message" && event.bot_id === context2.botId)
    return true;
  const keep = event.type === "member_joined_channel" || event.type === "member_left_channel";
  return !keep && event.user !== void 0 && event.user === context2.botUserId;
}

// src/slack/users-info-locale.ts
import { WebClient as WebClient3 } from "@slack/web-api";

function usersInfoLocaleLookup(botToken, slackApiUrl) {
  const client = new WebClient3(botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 1500,
  });
  return async (userId) => {
    const result = await client.users.info({ user: userId, include_locale: true });
    return result.user?.locale;
  };
}

// src/version.ts
// src/project-path.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname as dirname2, join } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

function projectPath(...segments) {
  return join(projectRoot, ...segments);
}
function findProjectRoot(from) {
  for (let folder = from; ; folder = dirname2(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname2(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}
var projectRoot = findProjectRoot(dirname2(fileURLToPath2(import.meta.url)));

// src/version.ts
var version = JSON.parse(readFileSync(projectPath("package.json"), "utf8")).version;

// src/app.ts
function createJxc(options) {
  const { slack, slackApiUrl, db: db2, clock, logger, company } = options;
  bootstrapAdmins(db2, clock, options.admins);
  const { connection, receiver } = connect(options);
  const bolt = createBoltApp({
    connection,
    slackApiUrl,
    logger,
  });
  const locales2 = createLocaleResolver({
    db: db2,
    clock,
    logger,
    lookup: usersInfoLocaleLookup(slack.botToken, slackApiUrl),
  });
  const notifier = createNotifier({
    db: db2,
    clock,
    logger,
    company,
    botToken: slack.botToken,
    slackApiUrl,
    locales: locales2,
    planners: options.notify?.planners ?? appPlanners,
    templates: options.notify?.templates ?? noticeTemplates,
    ...(options.notify?.tuning ? { tuning: options.notify.tuning } : {}),
  });
  const itemIndex = ItemSearchIndex.build(db2);
  const router = registerListeners({
    db: db2,
    clock,
    logger,
    locales: locales2,
    company,
    itemIndex,
    notifier,
  });
  bolt.use(jxcPipeline({ dedupe: createEventDedupe({ db: db2, clock }), locales: locales2, router }));
  const http = createHttpApp({ receiver, version, isDatabaseHealthy: () => pingDatabase(db2) });
  const scheduler = createScheduler({ jobs: options.jobs ?? scheduledJobs, db: db2, clock, company, logger });
  return { http, bolt, scheduler, notifier };
}
function connect(options) {
  const { slack, logger, clock } = options;
  if (slack.kind === "socket") {
    return {
      connection: { kind: "socket", botToken: slack.botToken, appToken: slack.appToken },
      receiver: void 0,
    };
  }
  const receiver = new HonoSlackReceiver({
    signingSecret: slack.signingSecret,
    logger,
    clock,
    waitForListeners: options.waitForListeners ?? false,
  });
  return { connection: { kind: "http", botToken: slack.botToken, receiver }, receiver };
}

// src/domain/clock.ts
var systemClock = { now: () => Date.now() };

// src/log.ts
import { pino } from "pino";

function createLogger(options = {}) {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { app: "jxc" },
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "appToken",
          "signingSecret",
          "*.signingSecret",
          "headers.authorization",
          'headers["x-slack-signature"]',
          "signature",
        ],
        censor: "[redacted]",
      },
    },
    // Asynchronous, buffered writes: a line waits until 4 KB have gathered (or at most 250 ms), so a
    // busy server makes one write(2), and one thread-pool round trip, per ~20 request lines instead
    // of one per event-loop turn. pino flushes what is left synchronously when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }),
  );
}

// src/sandbox/emulator/slack-emulator.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { serve } from "@hono/node-server";

// src/sandbox/emulator/block-kit-text.ts
var BlockKitViolation = class extends Error {};
function fail(path, problem) {
  throw new BlockKitViolation(`${path}: ${problem}`);
}
function isRecord4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function requireRecord(value, path) {
  if (!isRecord4(value)) fail(path, "must be an object");
  return value;
}
function requireArray(value, path) {
  if (!Array.isArray(value)) fail(path, "must be an array");
  return value;
}
function checkString(value, path, limits2) {
  if (value === void 0 || value === null) {
    if (limits2.required) fail(path, "is required");
    return;
  }
  if (typeof value !== "string") fail(path, "must be a string");
  const min2 = limits2.min ?? 0;
  if (value.length < min2) fail(path, `must be at least ${min2} character${min2 === 1 ? "" : "s"}`);
  if (value.length > limits2.max) fail(path, `must be at most ${limits2.max} characters`);
}
function checkArrayLength(items2, path, min2, max3) {
  if (items2.length < min2) fail(path, `must contain at least ${min2} item${min2 === 1 ? "" : "s"}`);
  if (items2.length > max3) fail(path, `must contain at most ${max3} items (got ${items2.length})`);
}
function checkText(value, path, rules2) {
  if (value === void 0 || value === null) {
    if (rules2.required) fail(path, "is required");
    return;
  }
  const text14 = requireRecord(value, path);
  if (text14.type !== "plain_text" && text14.type !== "mrkdwn") {
    fail(`${path}.type`, "must be plain_text or mrkdwn");
  }
  if (rules2.plainOnly && text14.type !== "plain_text") fail(`${path}.type`, "must be plain_text");
  if (text14.type === "plain_text" && text14.emoji !== void 0 && typeof text14.emoji !== "boolean") {
    fail(`${path}.emoji`, "must be a boolean");
  }
  checkString(text14.text, `${path}.text`, { min: 1, max: rules2.max, required: true });
}
function checkConfirm(value, path) {
  if (value === void 0) return;
  const confirm = requireRecord(value, path);
  checkText(confirm.title, `${path}.title`, { max: 100, plainOnly: true, required: true });
  checkText(confirm.text, `${path}.text`, { max: 300, required: true });
  checkText(confirm.confirm, `${path}.confirm`, { max: 30, plainOnly: true, required: true });
  checkText(confirm.deny, `${path}.deny`, { max: 30, plainOnly: true, required: true });
  if (confirm.style !== void 0 && confirm.style !== "primary" && confirm.style !== "danger") {
    fail(`${path}.style`, "must be primary or danger");
  }
}
function registerActionId(value, path, ids) {
  if (value === void 0) return;
  checkString(value, path, { min: 1, max: 255 });
  const actionId = value;
  if (ids.actionIds.has(actionId)) fail(path, `duplicate action_id "${actionId}"`);
  ids.actionIds.add(actionId);
}

// src/sandbox/emulator/block-kit-elements.ts
var INPUT_ONLY = /* @__PURE__ */ new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
]);
var NOT_IN_INPUT = /* @__PURE__ */ new Set(["button", "overflow", "workflow_button", "image"]);
var SELECT_TYPES = /* @__PURE__ */ new Set([
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
]);
var OTHER_ELEMENT_TYPES = /* @__PURE__ */ new Set([
  "button",
  "overflow",
  "checkboxes",
  "radio_buttons",
  "datepicker",
  "timepicker",
  "datetimepicker",
  "image",
  "workflow_button",
  ...INPUT_ONLY,
]);
function isKnownElementType(type) {
  return typeof type === "string" && (SELECT_TYPES.has(type) || OTHER_ELEMENT_TYPES.has(type));
}
function checkElement(value, path, placement, ids) {
  const element = requireRecord(value, path);
  const type = element.type;
  if (typeof type !== "string" || !isKnownElementType(type)) {
    fail(`${path}.type`, `unknown element type ${JSON.stringify(type)}`);
  }
  if (placement === "input" && NOT_IN_INPUT.has(type)) {
    fail(`${path}.type`, `${type} is not allowed in an input block`);
  }
  if (placement !== "input" && INPUT_ONLY.has(type)) {
    fail(`${path}.type`, `${type} is only allowed in an input block`);
  }
  if (placement === "actions" && type === "image") {
    fail(`${path}.type`, "image is not allowed in an actions block");
  }
  if (type === "image") {
    checkImageElement(element, path);
    return;
  }
  registerActionId(element.action_id, `${path}.action_id`, ids);
  checkConfirm(element.confirm, `${path}.confirm`);
  checkText(element.placeholder, `${path}.placeholder`, { max: 150, plainOnly: true });
  switch (type) {
    case "button":
      checkButton(element, path);
      return;
    case "static_select":
    case "multi_static_select":
      checkStaticSelect(element, path, type === "multi_static_select");
      return;
    case "external_select":
    case "multi_external_select":
      if (element.options !== void 0) fail(`${path}.options`, `not allowed on ${type}`);
      if (element.option_groups !== void 0) fail(`${path}.option_groups`, `not allowed on ${type}`);
      return;
    case "overflow":
      checkOptionList(element.options, `${path}.options`, { min: 1, max: 5, mrkdwn: false, urls: true });
      return;
    case "checkboxes":
    case "radio_buttons":
      checkChoiceElement(element, path, type === "checkboxes");
      return;
    case "plain_text_input":
      checkPlainTextInput(element, path);
      return;
    case "number_input":
      if (typeof element.is_decimal_allowed !== "boolean") fail(`${path}.is_decimal_allowed`, "is required");
      return;
    case "datepicker":
      if (element.initial_date !== void 0 && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
        fail(`${path}.initial_date`, "must be YYYY-MM-DD");
      }
      return;
    case "timepicker":
      if (element.initial_time !== void 0 && !/^\d{2}:\d{2}$/.test(String(element.initial_time))) {
        fail(`${path}.initial_time`, "must be HH:mm");
      }
      return;
    case "workflow_button":
      checkText(element.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
      return;
    default:
      return;
  }
}
function checkImageElement(element, path) {
  if (element.image_url === void 0 && element.slack_file === void 0) {
    fail(path, "image needs image_url or slack_file");
  }
  checkString(element.image_url, `${path}.image_url`, { min: 1, max: 3e3 });
  checkString(element.alt_text, `${path}.alt_text`, { min: 1, max: 2e3, required: true });
}
function checkButton(button3, path) {
  checkText(button3.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
  checkString(button3.value, `${path}.value`, { max: 2e3 });
  checkString(button3.url, `${path}.url`, { max: 3e3 });
  checkString(button3.accessibility_label, `${path}.accessibility_label`, { max: 75 });
  if (button3.style !== void 0 && button3.style !== "primary" && button3.style !== "danger") {
    fail(`${path}.style`, "must be primary or danger");
  }
}
function checkOption(value, path, rules2) {
  const option = requireRecord(value, path);
  checkText(option.text, `${path}.text`, { max: 75, plainOnly: !rules2.mrkdwn, required: true });
  checkString(option.value, `${path}.value`, { min: 1, max: 75, required: true });
  checkText(option.description, `${path}.description`, { max: 75, plainOnly: !rules2.mrkdwn });
  if (option.url !== void 0) {
    if (!rules2.urls) fail(`${path}.url`, "only allowed in overflow options");
    checkString(option.url, `${path}.url`, { min: 1, max: 3e3 });
  }
}
function checkOptionList(value, path, rules2) {
  const options = requireArray(value, path);
  checkArrayLength(options, path, rules2.min, rules2.max);
  options.forEach((option, index9) => {
    checkOption(option, `${path}[${index9}]`, rules2);
  });
  return options;
}
function checkStaticSelect(select, path, multi) {
  const rules2 = { min: 1, max: 100, mrkdwn: false };
  let available;
  if (select.options !== void 0 && select.option_groups !== void 0) {
    fail(path, "must not have both options and option_groups");
  }
  if (select.option_groups !== void 0) {
    const groups = requireArray(select.option_groups, `${path}.option_groups`);
    checkArrayLength(groups, `${path}.option_groups`, 1, 100);
    available = groups.flatMap((group, index9) => {
      const groupPath = `${path}.option_groups[${index9}]`;
      const record = requireRecord(group, groupPath);
      checkText(record.label, `${groupPath}.label`, { max: 75, plainOnly: true, required: true });
      return checkOptionList(record.options, `${groupPath}.options`, rules2);
    });
  } else {
    if (select.options === void 0) fail(`${path}.options`, "is required (or option_groups)");
    available = checkOptionList(select.options, `${path}.options`, rules2);
  }
  if (multi) {
    checkInitialOptions(select.initial_options, `${path}.initial_options`, available);
    const maxSelected = select.max_selected_items;
    if (maxSelected !== void 0 && (typeof maxSelected !== "number" || maxSelected < 1)) {
      fail(`${path}.max_selected_items`, "must be a number of at least 1");
    }
  } else {
    checkInitialOption(select.initial_option, `${path}.initial_option`, available);
  }
}
function checkChoiceElement(element, path, multi) {
  const options = checkOptionList(element.options, `${path}.options`, { min: 1, max: 10, mrkdwn: true });
  if (multi) checkInitialOptions(element.initial_options, `${path}.initial_options`, options);
  else checkInitialOption(element.initial_option, `${path}.initial_option`, options);
}
function sameOption(a, b) {
  if (!isRecord4(a) || !isRecord4(b) || a.value !== b.value) return false;
  const aText = isRecord4(a.text) ? a.text.text : void 0;
  const bText = isRecord4(b.text) ? b.text.text : void 0;
  return aText === bText;
}
function checkInitialOption(value, path, available) {
  if (value === void 0) return;
  if (!available.some((option) => sameOption(option, value))) {
    fail(path, "must exactly match one of the options");
  }
}
function checkInitialOptions(value, path, available) {
  if (value === void 0) return;
  const initial = requireArray(value, path);
  initial.forEach((option, index9) => {
    checkInitialOption(option, `${path}[${index9}]`, available);
  });
}
function checkPlainTextInput(input, path) {
  const { min_length: minLength, max_length: maxLength } = input;
  if (minLength !== void 0 && (typeof minLength !== "number" || minLength < 0 || minLength > 3e3)) {
    fail(`${path}.min_length`, "must be a number between 0 and 3000");
  }
  if (maxLength !== void 0 && (typeof maxLength !== "number" || maxLength < 1 || maxLength > 3e3)) {
    fail(`${path}.max_length`, "must be a number between 1 and 3000");
  }
  if (typeof minLength === "number" && typeof maxLength === "number" && minLength > maxLength) {
    fail(`${path}.min_length`, "must not exceed max_length");
  }
  checkString(input.initial_value, `${path}.initial_value`, {
    max: typeof maxLength === "number" ? maxLength : 3e3,
  });
}

// src/sandbox/emulator/block-kit-limits.ts
var KNOWN_BLOCK_TYPES = /* @__PURE__ */ new Set([
  "section",
  "header",
  "divider",
  "context",
  "actions",
  "image",
  "input",
  "rich_text",
  "file",
  "video",
]);
var MAX_BLOCKS = { message: 50, modal: 100, home: 100 };
var MAX_VIEW_JSON_BYTES = 25e4;
function explain(check) {
  try {
    check();
    return void 0;
  } catch (error) {
    if (error instanceof BlockKitViolation) return error.message;
    throw error;
  }
}
function validateBlocks(blocks, surface) {
  return explain(() => checkBlocks(blocks, surface));
}
function validateView(view) {
  return explain(() => checkView(view));
}
function checkView(value) {
  const view = requireRecord(value, "view");
  if (view.type !== "modal" && view.type !== "home") fail("type", "must be modal or home");
  if (view.type === "modal") {
    checkText(view.title, "title", { max: 24, plainOnly: true, required: true });
    checkText(view.submit, "submit", { max: 24, plainOnly: true });
    checkText(view.close, "close", { max: 24, plainOnly: true });
  }
  checkString(view.private_metadata, "private_metadata", { max: 3e3 });
  checkString(view.callback_id, "callback_id", { max: 255 });
  checkString(view.external_id, "external_id", { max: 255 });
  const size = Buffer.byteLength(JSON.stringify(view), "utf8");
  if (size > MAX_VIEW_JSON_BYTES) {
    fail("view", `must be at most ${MAX_VIEW_JSON_BYTES} bytes of JSON (got ${size})`);
  }
  const blocks = requireArray(view.blocks, "blocks");
  checkBlocks(blocks, view.type);
  const hasInput = blocks.some((block) => requireRecord(block, "blocks[]").type === "input");
  if (view.type === "modal" && hasInput && view.submit === void 0) {
    fail("submit", "is required when the view contains input blocks");
  }
}
function checkBlocks(value, surface) {
  const blocks = requireArray(value, "blocks");
  const max3 = MAX_BLOCKS[surface];
  if (blocks.length > max3) {
    fail("blocks", `must contain at most ${max3} blocks in a ${surface} (got ${blocks.length})`);
  }
  const ids = { blockIds: /* @__PURE__ */ new Set(), actionIds: /* @__PURE__ */ new Set() };
  blocks.forEach((block, index9) => {
    checkBlock(block, `blocks[${index9}]`, ids);
  });
}
function checkBlock(value, path, ids) {
  const block = requireRecord(value, path);
  if (typeof block.type !== "string" || !KNOWN_BLOCK_TYPES.has(block.type)) {
    fail(`${path}.type`, `unknown block type ${JSON.stringify(block.type)}`);
  }
  if (block.block_id !== void 0) {
    checkString(block.block_id, `${path}.block_id`, { min: 1, max: 255 });
    const blockId = block.block_id;
    if (ids.blockIds.has(blockId)) fail(`${path}.block_id`, `duplicate block_id "${blockId}"`);
    ids.blockIds.add(blockId);
  }
  switch (block.type) {
    case "section":
      checkSection(block, path, ids);
      return;
    case "header":
      checkText(block.text, `${path}.text`, { max: 150, plainOnly: true, required: true });
      return;
    case "context":
      checkContext(block, path);
      return;
    case "actions": {
      const elements = requireArray(block.elements, `${path}.elements`);
      checkArrayLength(elements, `${path}.elements`, 1, 25);
      elements.forEach((element, index9) => {
        checkElement(element, `${path}.elements[${index9}]`, "actions", ids);
      });
      return;
    }
    case "image":
      checkImageElement(block, path);
      checkText(block.title, `${path}.title`, { max: 2e3, plainOnly: true });
      return;
    case "input":
      checkText(block.label, `${path}.label`, { max: 2e3, plainOnly: true, required: true });
      checkText(block.hint, `${path}.hint`, { max: 2e3, plainOnly: true });
      if (block.element === void 0) fail(`${path}.element`, "is required");
      checkElement(block.element, `${path}.element`, "input", ids);
      return;
    case "rich_text":
      requireArray(block.elements, `${path}.elements`);
      return;
    case "video":
      checkText(block.title, `${path}.title`, { max: 200, plainOnly: true, required: true });
      checkString(block.alt_text, `${path}.alt_text`, { min: 1, max: 2e3, required: true });
      checkString(block.video_url, `${path}.video_url`, { min: 1, max: 3e3, required: true });
      checkString(block.thumbnail_url, `${path}.thumbnail_url`, { min: 1, max: 3e3, required: true });
      return;
    default:
      return;
  }
}
function checkSection(block, path, ids) {
  if (block.text === void 0 && block.fields === void 0) fail(path, "a section needs text or fields");
  checkText(block.text, `${path}.text`, { max: 3e3 });
  if (block.fields !== void 0) {
    const fields3 = requireArray(block.fields, `${path}.fields`);
    checkArrayLength(fields3, `${path}.fields`, 1, 10);
    fields3.forEach((field2, index9) => {
      checkText(field2, `${path}.fields[${index9}]`, { max: 2e3, required: true });
    });
  }
  if (block.accessory !== void 0) checkElement(block.accessory, `${path}.accessory`, "accessory", ids);
}
function checkContext(block, path) {
  const elements = requireArray(block.elements, `${path}.elements`);
  checkArrayLength(elements, `${path}.elements`, 1, 10);
  elements.forEach((value, index9) => {
    const elementPath = `${path}.elements[${index9}]`;
    const element = requireRecord(value, elementPath);
    if (element.type === "image") checkImageElement(element, elementPath);
    else checkText(element, elementPath, { max: 3e3, required: true });
  });
}

// src/sandbox/emulator/emulator-format.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/sandbox/emulator/emulator-types.ts
var EMULATED_TEAM_ID = "T0JXC0001";
var EMULATED_TEAM_DOMAIN = "jxc-test";
var EMULATED_BOT_ID = "B0JXC0001";
var EMULATED_APP_ID = "A0JXC0001";

// src/sandbox/emulator/emulator-format.ts
function randomSlackId() {
  return randomBytes2(6).toString("base64url").slice(0, 5);
}
function uniqueId(taken) {
  let id = randomSlackId();
  while (taken.has(id)) id = randomSlackId();
  taken.add(id);
  return id;
}
function interactiveElements(block) {
  const candidates = [];
  if (Array.isArray(block.elements) && block.type === "actions") candidates.push(...block.elements);
  if (block.accessory !== void 0) candidates.push(block.accessory);
  if (block.element !== void 0) candidates.push(block.element);
  return candidates.filter((element) => isRecord4(element));
}
function withGeneratedIds(blocks) {
  const copy = structuredClone(blocks);
  const blockIds = /* @__PURE__ */ new Set();
  const actionIds2 = /* @__PURE__ */ new Set();
  for (const block of copy) {
    if (!isRecord4(block)) continue;
    if (typeof block.block_id === "string") blockIds.add(block.block_id);
    for (const element of interactiveElements(block)) {
      if (typeof element.action_id === "string") actionIds2.add(element.action_id);
    }
  }
  for (const block of copy) {
    if (!isRecord4(block)) continue;
    if (block.block_id === void 0) block.block_id = uniqueId(blockIds);
    for (const element of interactiveElements(block)) {
      if (element.action_id === void 0 && element.type !== "image") {
        element.action_id = uniqueId(actionIds2);
      }
    }
  }
  return copy;
}
function stringArg(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return void 0;
}
function isTruthyArg(value) {
  return value === true || value === "true" || value === "1" || value === 1;
}
function toSlackMessage(message, botUserId, options) {
  const fromBot = message.user === botUserId;
  const slack = {
    type: "message",
    ts: message.ts,
    user: message.user,
    text: message.text ?? "",
    team: EMULATED_TEAM_ID,
  };
  if (fromBot) {
    slack.bot_id = EMULATED_BOT_ID;
    slack.app_id = EMULATED_APP_ID;
  }
  if (message.blocks) slack.blocks = structuredClone(message.blocks);
  if (message.threadTs) slack.thread_ts = message.threadTs;
  if (options.replyCount !== void 0 && options.replyCount > 0) {
    slack.thread_ts = message.ts;
    slack.reply_count = options.replyCount;
  }
  if (message.replaced) slack.edited = { user: message.user, ts: message.ts };
  if (message.files) slack.files = structuredClone(message.files);
  if (options.includeMetadata && message.metadata !== void 0) {
    slack.metadata = structuredClone(message.metadata);
  }
  return slack;
}
function toSlackView(open4, stateValues = {}) {
  const view = open4.view;
  return {
    id: open4.id,
    team_id: EMULATED_TEAM_ID,
    type: view.type,
    blocks: structuredClone(view.blocks ?? []),
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    state: { values: structuredClone(stateValues) },
    hash: open4.hash,
    title: structuredClone(view.title),
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: structuredClone(view.close ?? null),
    submit: structuredClone(view.submit ?? null),
    previous_view_id: open4.previousViewId ?? null,
    root_view_id: open4.rootViewId,
    app_id: EMULATED_APP_ID,
    external_id: view.external_id ?? "",
    app_installed_team_id: EMULATED_TEAM_ID,
    bot_id: EMULATED_BOT_ID,
  };
}

// src/sandbox/emulator/emulator-chat.ts
var MAX_TEXT_LENGTH = 4e4;
function okAnswer(body = {}) {
  return { body: { ok: true, ...body } };
}
function errorAnswer(error, extra = {}) {
  return { body: { ok: false, error, ...extra } };
}
function notMemberAnswer(state, channel) {
  if (state.botIsMember(channel)) return void 0;
  return errorAnswer(channel.startsWith("G") ? "channel_not_found" : "not_in_channel");
}
var RATE_LIMITED = {
  status: 429,
  headers: { "Retry-After": "1" },
  body: { ok: false, error: "ratelimited" },
};
function parseMessageContent(args, mode) {
  const text14 = stringArg(args.text);
  const content = {};
  if (text14 !== void 0) {
    if (text14.length > MAX_TEXT_LENGTH) return errorAnswer("msg_too_long");
    content.text = text14;
  }
  if (args.blocks !== void 0) {
    const problem = validateBlocks(args.blocks, "message");
    if (problem) return errorAnswer("invalid_blocks", { errors: [problem] });
    content.blocks = withGeneratedIds(args.blocks);
  }
  const hasBlocks = content.blocks !== void 0 && content.blocks.length > 0;
  if (hasBlocks && !text14) {
    return errorAnswer("invalid_arguments", { errors: ["text: fallback text is required with blocks"] });
  }
  if (args.metadata !== void 0) {
    const metadata3 = args.metadata;
    if (
      !isRecord4(metadata3) ||
      typeof metadata3.event_type !== "string" ||
      !isRecord4(metadata3.event_payload)
    ) {
      return errorAnswer("invalid_metadata_format");
    }
    content.metadata = structuredClone(metadata3);
  }
  const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
  const empty = !text14 && !hasBlocks && !hasAttachments;
  if (mode === "new" && empty) return errorAnswer("no_text");
  if (mode === "update" && empty && content.blocks === void 0 && content.metadata === void 0) {
    return errorAnswer("no_text");
  }
  return content;
}
function isAnswer(value) {
  return "body" in value;
}
function threadRoot(state, channel, threadTs) {
  if (!threadTs) return void 0;
  const parent = state.findMessage(channel, threadTs, { ephemeral: false });
  return parent?.threadTs ?? threadTs;
}
var postMessage = (state, args) => {
  const channelArg = stringArg(args.channel);
  if (!channelArg) return errorAnswer("channel_not_found");
  const channel = state.resolveChannel(channelArg);
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  if (!state.admitChannelPost(channel)) return RATE_LIMITED;
  const content = parseMessageContent(args, "new");
  if (isAnswer(content)) return content;
  const stored = {
    channel,
    ts: state.nextTs(),
    user: state.botUserId,
    ...content,
    source: "api",
  };
  const threadTs = threadRoot(state, channel, stringArg(args.thread_ts));
  if (threadTs) stored.threadTs = threadTs;
  state.messages.push(stored);
  return okAnswer({
    channel,
    ts: stored.ts,
    message: toSlackMessage(stored, state.botUserId, { includeMetadata: true }),
  });
};
var postEphemeral = (state, args) => {
  const channelArg = stringArg(args.channel);
  if (!channelArg) return errorAnswer("channel_not_found");
  const user = stringArg(args.user);
  if (!user) return errorAnswer("user_not_found");
  const outside = notMemberAnswer(state, state.resolveChannel(channelArg));
  if (outside) return outside;
  const content = parseMessageContent(args, "new");
  if (isAnswer(content)) return content;
  const stored = {
    channel: state.resolveChannel(channelArg),
    ts: state.nextTs(),
    user: state.botUserId,
    ...content,
    ephemeral: true,
    visibleTo: user,
    source: "api",
  };
  const threadTs = stringArg(args.thread_ts);
  if (threadTs) stored.threadTs = threadTs;
  state.messages.push(stored);
  return okAnswer({ message_ts: stored.ts });
};
var update = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : void 0;
  if (!target) return errorAnswer("message_not_found");
  const content = parseMessageContent(args, "update");
  if (isAnswer(content)) return content;
  if (content.text !== void 0) target.text = content.text;
  if (content.blocks !== void 0) target.blocks = content.blocks;
  if (content.metadata !== void 0) target.metadata = content.metadata;
  target.replaced = true;
  return okAnswer({
    channel: target.channel,
    ts: target.ts,
    text: target.text ?? "",
    message: toSlackMessage(target, state.botUserId, { includeMetadata: true }),
  });
};
var deleteMessage = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : void 0;
  if (!target) return errorAnswer("message_not_found");
  state.removeMessage(target);
  return okAnswer({ channel: target.channel, ts: target.ts });
};
var getPermalink = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.message_ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : void 0;
  if (!target) return errorAnswer("message_not_found");
  const base = `https://${EMULATED_TEAM_DOMAIN}.slack.com/archives/${target.channel}/p${target.ts.replace(".", "")}`;
  const thread = target.threadTs ? `?thread_ts=${target.threadTs}&cid=${target.channel}` : "";
  return okAnswer({ channel: target.channel, permalink: base + thread });
};
var chatMethods = {
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
};

// src/sandbox/emulator/emulator-misc.ts
var DEFAULT_TZ = "America/Los_Angeles";
var DEFAULT_LOCALE = "en-US";
function tzOffsetSeconds(timeZone) {
  const label = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(/* @__PURE__ */ new Date())
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? "");
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60);
}
var authTest = (state) =>
  okAnswer({
    url: `https://${EMULATED_TEAM_DOMAIN}.slack.com/`,
    team: "jxc test",
    user: state.users.get(state.botUserId)?.name ?? "jxc",
    team_id: EMULATED_TEAM_ID,
    user_id: state.botUserId,
    bot_id: EMULATED_BOT_ID,
    is_enterprise_install: false,
  });
var usersInfo = (state, args) => {
  const id = stringArg(args.user);
  const user = id ? state.users.get(id) : void 0;
  if (!user) return errorAnswer("user_not_found");
  const tz = user.tz ?? DEFAULT_TZ;
  const body = {
    id: user.id,
    team_id: EMULATED_TEAM_ID,
    name: user.name,
    real_name: user.name,
    deleted: false,
    is_bot: user.isBot ?? false,
    is_admin: false,
    tz,
    tz_label: tz,
    tz_offset: tzOffsetSeconds(tz),
    profile: { real_name: user.name, display_name: user.name, team: EMULATED_TEAM_ID },
  };
  if (isTruthyArg(args.include_locale)) body.locale = user.locale ?? DEFAULT_LOCALE;
  return okAnswer({ user: body });
};
var getUploadUrl = (state, args) => {
  const filename = stringArg(args.filename);
  const length = Number(stringArg(args.length));
  if (!filename || !Number.isInteger(length) || length < 1) return errorAnswer("invalid_arguments");
  const fileId = state.nextId("F");
  state.files.set(fileId, { name: filename, declaredLength: length, completed: false });
  return okAnswer({ upload_url: `${state.baseUrl}/upload/${fileId}`, file_id: fileId });
};
function parseFileList(value) {
  if (!Array.isArray(value) || value.length === 0) return void 0;
  const files = [];
  for (const entry of value) {
    if (!isRecord4(entry) || typeof entry.id !== "string") return void 0;
    files.push(typeof entry.title === "string" ? { id: entry.id, title: entry.title } : { id: entry.id });
  }
  return files;
}
var completeUpload = (state, args) => {
  const requested = parseFileList(args.files);
  if (!requested) return errorAnswer("invalid_arguments");
  const refs = [];
  for (const { id, title: title2 } of requested) {
    const record = state.files.get(id);
    if (!record?.bytes) return errorAnswer("file_not_found");
    if (record.bytes.length !== record.declaredLength) return errorAnswer("file_size_mismatch");
    refs.push(title2 ? { id, name: record.name, title: title2 } : { id, name: record.name });
  }
  const channelArg = stringArg(args.channel_id);
  const channel = channelArg ? state.resolveChannel(channelArg) : void 0;
  for (const ref of refs) {
    const record = state.files.get(ref.id);
    if (!record) continue;
    record.completed = true;
    if (ref.title) record.title = ref.title;
    if (channel) record.channel = channel;
  }
  if (channel) {
    const shared = {
      channel,
      ts: state.nextTs(),
      user: state.botUserId,
      files: refs,
      source: "api",
    };
    const comment = stringArg(args.initial_comment);
    if (comment) shared.text = comment;
    const threadTs = stringArg(args.thread_ts);
    if (threadTs) shared.threadTs = threadTs;
    state.messages.push(shared);
  }
  return okAnswer({
    files: refs.map((ref) => ({ id: ref.id, name: ref.name, title: ref.title ?? ref.name })),
  });
};
function fileObjectOf(state, fileId) {
  const record = state.files.get(fileId);
  if (!record) throw new Error(`No file ${fileId} in the emulator`);
  const url = `${state.baseUrl}/files-pri/${fileId}/${encodeURIComponent(record.name)}`;
  return {
    id: fileId,
    name: record.name,
    title: record.title ?? record.name,
    filetype: record.name.split(".").pop() ?? "",
    size: record.bytes?.length ?? record.declaredLength,
    user: record.owner,
    url_private: url,
    url_private_download: `${url}?download=1`,
  };
}
var miscMethods = {
  "auth.test": authTest,
  "users.info": usersInfo,
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};

// src/sandbox/emulator/emulator-state.ts
var TRIGGER_TTL_MS = 3e3;
var RESPONSE_URL_TTL_MS = 30 * 6e4;
var RESPONSE_URL_MAX_USES = 5;
var CHANNEL_BURST = 3;
var EmulatorState = class {
  constructor(botUserId, botToken) {
    this.botUserId = botUserId;
    this.botToken = botToken;
  }
  botUserId;
  botToken;
  users = /* @__PURE__ */ new Map();
  channelNames = /* @__PURE__ */ new Map();
  /**
   * Channels the bot has been removed from (or was never invited to). The bot starts as a
   * member of every channel, so tests and the sandbox post anywhere unless they say otherwise.
   */
  botAbsentFrom = /* @__PURE__ */ new Set();
  calls = [];
  messages = [];
  views = /* @__PURE__ */ new Map();
  /** rootViewId → view ids from bottom to top of the modal stack. */
  stacks = /* @__PURE__ */ new Map();
  homeViewIds = /* @__PURE__ */ new Map();
  triggers = /* @__PURE__ */ new Map();
  responseUrls = /* @__PURE__ */ new Map();
  responseUrlPosts = [];
  failures = /* @__PURE__ */ new Map();
  holds = /* @__PURE__ */ new Map();
  /** Answers being held back, each resolved on release. */
  held = /* @__PURE__ */ new Set();
  files = /* @__PURE__ */ new Map();
  /** Socket Mode: the app-level token apps.connections.open accepts, and the URL it hands out. */
  socketMode;
  channelRate;
  baseUrl = "";
  watchers = /* @__PURE__ */ new Set();
  clockOffsetMs = 0;
  // Counters survive reset() so ids and timestamps never repeat within one emulator.
  lastTsMicros = 0;
  idCounter = 0;
  /** Calls `watcher` after every change anyone might see; answers how to stop watching. */
  watch(watcher) {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }
  /** Tells watchers (the sandbox page's live stream) that the workspace may look different. */
  changed() {
    for (const watcher of this.watchers) watcher();
  }
  now() {
    return Date.now() + this.clockOffsetMs;
  }
  advanceTime(ms) {
    this.clockOffsetMs += ms;
  }
  nextTs() {
    const micros = Math.max(this.now() * 1e3, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
  }
  nextId(prefix, width = 9) {
    this.idCounter += 1;
    return `${prefix}${this.idCounter.toString(36).toUpperCase().padStart(width, "0")}`;
  }
  reset() {
    this.calls = [];
    this.messages = [];
    this.views.clear();
    this.stacks.clear();
    this.homeViewIds.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.responseUrlPosts = [];
    this.failures.clear();
    this.holds.clear();
    this.releaseHeld();
    this.files.clear();
    this.channelRate = void 0;
  }
  /** Whether the bot may post in and read this channel; DMs (D…, or a user id) always. */
  botIsMember(channel) {
    const resolved = this.resolveChannel(channel);
    return resolved.startsWith("D") || !this.botAbsentFrom.has(resolved);
  }
  /** Slack accepts a user id as a channel and delivers to the DM with that user. */
  resolveChannel(channel) {
    return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
  }
  findMessage(channel, ts, options = {}) {
    const resolved = this.resolveChannel(channel);
    return this.messages.find(
      (message) =>
        message.channel === resolved &&
        message.ts === ts &&
        (options.ephemeral === void 0 || Boolean(message.ephemeral) === options.ephemeral),
    );
  }
  removeMessage(target) {
    this.messages = this.messages.filter((message) => message !== target);
  }
  takeFailure(method) {
    const queue = this.failures.get(method);
    const rule = queue?.[0];
    if (!queue || !rule) return void 0;
    const remaining = (rule.times ?? 1) - 1;
    if (remaining > 0) queue[0] = { ...rule, times: remaining };
    else queue.shift();
    return rule;
  }
  takeHold(method) {
    return this.holds.get(method)?.shift();
  }
  /** Resolves when the held answer is released (or the emulator stops). */
  holdAnswer() {
    return new Promise((resolve) => {
      const release = () => {
        this.held.delete(release);
        resolve();
      };
      this.held.add(release);
    });
  }
  releaseHeld() {
    for (const release of [...this.held]) release();
  }
  /** Token bucket per channel; answers false when the post must be rate limited. */
  admitChannelPost(channel) {
    if (!this.channelRate) return true;
    const { perSecond, buckets } = this.channelRate;
    const capacity = Math.max(CHANNEL_BURST, perSecond);
    const now = this.now();
    const bucket = buckets.get(channel) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1e3) * perSecond);
    bucket.updatedAt = now;
    buckets.set(channel, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
  userStack(userId) {
    for (const [rootId, stack] of this.stacks) {
      const root = this.views.get(rootId);
      if (root && root.userId === userId) return stack;
    }
    return void 0;
  }
};

// src/sandbox/emulator/emulator-response-url.ts
var MAX_TEXT_LENGTH2 = 4e4;
function originalMessage(state, record) {
  const { channel, messageTs } = record.context;
  const ts = messageTs ?? record.lastPostedTs;
  if (!channel || !ts) return void 0;
  const resolved = state.resolveChannel(channel);
  return state.messages.find((message) => message.channel === resolved && message.ts === ts);
}
function deliverResponse(state, record, body) {
  if (isTruthyArg(body.delete_original)) {
    const target2 = originalMessage(state, record);
    if (target2) state.removeMessage(target2);
    return void 0;
  }
  const text14 = stringArg(body.text);
  if (text14 !== void 0 && text14.length > MAX_TEXT_LENGTH2) return "msg_too_long";
  let blocks;
  if (body.blocks !== void 0) {
    if (validateBlocks(body.blocks, "message")) return "invalid_blocks";
    blocks = withGeneratedIds(body.blocks);
  }
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (!text14 && !blocks?.length && !hasAttachments) return "no_text";
  const target = isTruthyArg(body.replace_original) ? originalMessage(state, record) : void 0;
  if (target) {
    target.text = text14;
    target.blocks = blocks;
    target.replaced = true;
    target.source = "response_url";
    return void 0;
  }
  const channel = record.context.channel;
  if (!channel) return void 0;
  const message = {
    channel: state.resolveChannel(channel),
    ts: state.nextTs(),
    user: state.botUserId,
    source: "response_url",
  };
  if (text14 !== void 0) message.text = text14;
  if (blocks) message.blocks = blocks;
  if (body.response_type !== "in_channel") {
    message.ephemeral = true;
    if (record.context.userId) message.visibleTo = record.context.userId;
  }
  const threadTs = stringArg(body.thread_ts);
  if (threadTs) message.threadTs = threadTs;
  state.messages.push(message);
  record.lastPostedTs = message.ts;
  return void 0;
}
function handleResponseUrlPost(state, id, rawBody) {
  const record = state.responseUrls.get(id);
  if (!record) return { status: 404, text: "invalid_url" };
  if (state.now() - record.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, text: "expired_url" };
  if (record.uses >= RESPONSE_URL_MAX_USES) return { status: 404, text: "used_url" };
  let body;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { status: 400, text: "invalid_payload" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { status: 400, text: "invalid_payload" };
  }
  const payload = body;
  const problem = deliverResponse(state, record, payload);
  if (problem) return { status: 400, text: problem };
  record.uses += 1;
  state.responseUrlPosts.push({ id, body: structuredClone(payload) });
  return { status: 200, text: JSON.stringify({ ok: true }), json: { ok: true } };
}

// src/sandbox/emulator/emulator-routes.ts
import { Hono as Hono2 } from "hono";

// src/sandbox/emulator/emulator-conversations.ts
function tsToMicros(ts) {
  const [seconds = "0", fraction = ""] = ts.split(".");
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, "0").slice(0, 6));
}
function channelInfo(state, id) {
  if (id.startsWith("D")) {
    return { id, is_im: true, is_channel: false, is_private: true, user: id.slice(1), is_member: true };
  }
  if (!/^[CG][A-Z0-9]+$/.test(id)) return void 0;
  const isMember = state.botIsMember(id);
  if (id.startsWith("G") && !isMember) return void 0;
  return {
    id,
    name: state.channelNames.get(id) ?? id.toLowerCase(),
    is_channel: id.startsWith("C"),
    is_group: id.startsWith("G"),
    is_im: false,
    is_private: id.startsWith("G"),
    is_archived: false,
    is_member: isMember,
  };
}
function requireChannel(state, args) {
  const channel = stringArg(args.channel);
  if (!channel) return void 0;
  const resolved = state.resolveChannel(channel);
  return channelInfo(state, resolved) ? resolved : void 0;
}
function visibleMessages(state, channel) {
  return state.messages.filter((message) => message.channel === channel && !message.ephemeral);
}
function paginate(ordered, args) {
  const oldest = stringArg(args.oldest);
  const latest = stringArg(args.latest);
  const inclusive = isTruthyArg(args.inclusive);
  const inRange = ordered.filter((message) => {
    const at2 = tsToMicros(message.ts);
    if (oldest !== void 0 && (inclusive ? at2 < tsToMicros(oldest) : at2 <= tsToMicros(oldest))) {
      return false;
    }
    if (latest !== void 0 && (inclusive ? at2 > tsToMicros(latest) : at2 >= tsToMicros(latest))) {
      return false;
    }
    return true;
  });
  const cursor = stringArg(args.cursor);
  const start = cursor ? Number(Buffer.from(cursor, "base64url").toString("utf8").replace("offset:", "")) : 0;
  const limitArg = Number(stringArg(args.limit) ?? 100);
  const limit = Number.isFinite(limitArg) && limitArg > 0 ? Math.min(limitArg, 1e3) : 100;
  const page = inRange.slice(start, start + limit);
  const hasMore = start + limit < inRange.length;
  const nextCursor = hasMore ? Buffer.from(`offset:${start + limit}`, "utf8").toString("base64url") : "";
  return { messages: page, hasMore, nextCursor };
}
var info = (state, args) => {
  const channel = requireChannel(state, args);
  const details = channel ? channelInfo(state, channel) : void 0;
  if (!details) return errorAnswer("channel_not_found");
  return okAnswer({ channel: details });
};
var join2 = (state, args) => {
  const channel = requireChannel(state, args);
  const details = channel ? channelInfo(state, channel) : void 0;
  if (!channel || !details) return errorAnswer("channel_not_found");
  if (details.is_im) return errorAnswer("method_not_supported_for_channel_type");
  state.botAbsentFrom.delete(channel);
  return okAnswer({ channel: { ...details, is_member: true } });
};
var members = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const ids = channel.startsWith("D")
    ? [channel.slice(1), state.botUserId]
    : [...state.users.keys()].filter((id) => id !== state.botUserId || state.botIsMember(channel));
  return okAnswer({ members: ids, response_metadata: { next_cursor: "" } });
};
var open2 = (_state, args) => {
  const channel = stringArg(args.channel);
  if (channel) return okAnswer({ channel: { id: channel } });
  const users = (stringArg(args.users) ?? "")
    .split(",")
    .map((user) => user.trim())
    .filter(Boolean);
  const [first] = users;
  if (!first) return errorAnswer("users_list_not_supplied");
  if (users.length > 8) return errorAnswer("too_many_users");
  const id = users.length === 1 ? `D${first}` : `G${users.sort().join("").slice(0, 20)}`;
  return okAnswer({ no_op: true, already_open: true, channel: { id } });
};
var history = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  const includeMetadata = isTruthyArg(args.include_all_metadata);
  const all = visibleMessages(state, channel);
  const topLevel = all.filter((message) => !message.threadTs || message.threadTs === message.ts).reverse();
  const page = paginate(topLevel, args);
  return okAnswer({
    messages: page.messages.map((message) =>
      toSlackMessage(message, state.botUserId, {
        includeMetadata,
        replyCount: all.filter((reply) => reply.threadTs === message.ts && reply.ts !== message.ts).length,
      }),
    ),
    has_more: page.hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: page.nextCursor },
  });
};
var replies = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  const ts = stringArg(args.ts);
  const all = visibleMessages(state, channel);
  const parent = all.find((message) => message.ts === ts);
  if (!ts || !parent) return errorAnswer("thread_not_found");
  const rootTs = parent.threadTs ?? parent.ts;
  const thread = all.filter((message) => message.ts === rootTs || message.threadTs === rootTs);
  const page = paginate(thread, args);
  const includeMetadata = isTruthyArg(args.include_all_metadata);
  return okAnswer({
    messages: page.messages.map((message) => {
      const slack = toSlackMessage(message, state.botUserId, { includeMetadata });
      slack.thread_ts = rootTs;
      if (message.ts === rootTs) slack.reply_count = thread.length - 1;
      return slack;
    }),
    has_more: page.hasMore,
    response_metadata: { next_cursor: page.nextCursor },
  });
};
var conversationMethods = {
  "conversations.info": info,
  "conversations.join": join2,
  "conversations.members": members,
  "conversations.open": open2,
  "conversations.history": history,
  "conversations.replies": replies,
};

// src/sandbox/emulator/emulator-views.ts
import { randomBytes as randomBytes3 } from "node:crypto";

var MAX_STACK_DEPTH = 3;
function invalidView(problem) {
  return errorAnswer("invalid_arguments", { response_metadata: { messages: [`[ERROR] ${problem}`] } });
}
function newHash(state) {
  return `${Math.floor(state.now() / 1e3)}.${randomBytes3(4).toString("hex")}`;
}
function checkViewArg(state, value, expectedType, replacingViewId) {
  const problem = validateView(value);
  if (problem) return invalidView(problem);
  const view = value;
  if (expectedType && view.type !== expectedType) return invalidView(`type: must be ${expectedType}`);
  const externalId = stringArg(view.external_id);
  if (externalId) {
    const clash = [...state.views.values()].some(
      (open4) => open4.id !== replacingViewId && open4.view.external_id === externalId,
    );
    if (clash) return errorAnswer("duplicate_external_id");
  }
  return view;
}
function isAnswer2(value) {
  return isRecord4(value) && isRecord4(value.body) && !("type" in value);
}
function withIds(view) {
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  return { ...structuredClone(view), blocks: withGeneratedIds(blocks) };
}
function checkTrigger(state, triggerId) {
  const trigger = triggerId ? state.triggers.get(triggerId) : void 0;
  if (!trigger) return errorAnswer("invalid_trigger_id");
  if (trigger.used || state.now() - trigger.createdAt > TRIGGER_TTL_MS) {
    return errorAnswer("expired_trigger_id");
  }
  return trigger;
}
function createView(state, view, placement) {
  const id = state.nextId("V");
  const open4 = {
    id,
    view: withIds(view),
    hash: newHash(state),
    rootViewId: placement.rootViewId ?? id,
  };
  if (placement.userId) open4.userId = placement.userId;
  if (placement.previousViewId) open4.previousViewId = placement.previousViewId;
  state.views.set(id, open4);
  return open4;
}
function closeStack(state, rootViewId) {
  for (const viewId of state.stacks.get(rootViewId) ?? []) state.views.delete(viewId);
  state.stacks.delete(rootViewId);
}
function popView(state, viewId) {
  const open4 = state.views.get(viewId);
  const stack = open4 ? state.stacks.get(open4.rootViewId) : void 0;
  if (!open4 || !stack) return;
  const index9 = stack.indexOf(viewId);
  for (const removed of stack.splice(index9)) state.views.delete(removed);
  if (stack.length === 0) state.stacks.delete(open4.rootViewId);
}
function closeModal(state, viewId) {
  const open4 = state.views.get(viewId);
  const stack = open4 ? state.stacks.get(open4.rootViewId) : void 0;
  if (!open4 || !stack) return void 0;
  if (open4.view.clear_on_close === true) {
    const cleared = stack.length > 1;
    closeStack(state, open4.rootViewId);
    return { cleared };
  }
  popView(state, viewId);
  return { cleared: false };
}
function pushModal(state, below, view) {
  const stack = state.stacks.get(below.rootViewId);
  if (!stack) return "not_found";
  if (stack.length >= MAX_STACK_DEPTH) return "push_limit_reached";
  const pushed = createView(state, view, {
    userId: below.userId,
    rootViewId: below.rootViewId,
    previousViewId: stack[stack.length - 1],
  });
  stack.push(pushed.id);
  return pushed;
}
function replaceView(state, open4, view) {
  const externalId = open4.view.external_id;
  open4.view = withIds(view);
  if (open4.view.external_id === void 0 && externalId !== void 0) open4.view.external_id = externalId;
  open4.hash = newHash(state);
}
function validateAppView(state, view, replacingViewId) {
  const checked2 = checkViewArg(state, view, "modal", replacingViewId);
  if (!isAnswer2(checked2)) return void 0;
  const metadata3 = checked2.body.response_metadata;
  return isRecord4(metadata3) && Array.isArray(metadata3.messages)
    ? String(metadata3.messages[0])
    : "invalid view";
}
var open3 = (state, args) => {
  const trigger = checkTrigger(state, stringArg(args.trigger_id));
  if (isAnswer2(trigger)) return trigger;
  const view = checkViewArg(state, args.view, "modal");
  if (isAnswer2(view)) return view;
  trigger.used = true;
  const existing = trigger.userId ? state.userStack(trigger.userId) : void 0;
  const existingRoot = existing?.[0];
  if (existingRoot) closeStack(state, existingRoot);
  const opened = createView(state, view, trigger.userId ? { userId: trigger.userId } : {});
  state.stacks.set(opened.id, [opened.id]);
  return okAnswer({ view: toSlackView(opened) });
};
var push = (state, args) => {
  const trigger = checkTrigger(state, stringArg(args.trigger_id));
  if (isAnswer2(trigger)) return trigger;
  const view = checkViewArg(state, args.view, "modal");
  if (isAnswer2(view)) return view;
  const stack = trigger.userId ? state.userStack(trigger.userId) : [...state.stacks.values()].at(-1);
  const topId = stack?.at(-1);
  const top = topId ? state.views.get(topId) : void 0;
  if (!top) return errorAnswer("not_found");
  trigger.used = true;
  const pushed = pushModal(state, top, view);
  if (typeof pushed === "string") return errorAnswer(pushed);
  return okAnswer({ view: toSlackView(pushed) });
};
var update2 = (state, args) => {
  const viewId = stringArg(args.view_id);
  const externalId = stringArg(args.external_id);
  if (!viewId && !externalId) return errorAnswer("invalid_arguments");
  const target = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((candidate) => candidate.view.external_id === externalId);
  if (!target) return errorAnswer("not_found");
  const hash = stringArg(args.hash);
  if (hash !== void 0 && hash !== target.hash) return errorAnswer("hash_conflict");
  const currentType = target.view.type === "home" ? "home" : "modal";
  const view = checkViewArg(state, args.view, currentType, target.id);
  if (isAnswer2(view)) return view;
  replaceView(state, target, view);
  return okAnswer({ view: toSlackView(target) });
};
var publish = (state, args) => {
  const userId = stringArg(args.user_id);
  if (!userId) return errorAnswer("invalid_arguments");
  const existingId = state.homeViewIds.get(userId);
  const view = checkViewArg(state, args.view, "home", existingId);
  if (isAnswer2(view)) return view;
  const existing = existingId ? state.views.get(existingId) : void 0;
  const hash = stringArg(args.hash);
  if (existing && hash !== void 0 && hash !== existing.hash) return errorAnswer("hash_conflict");
  if (existing) {
    replaceView(state, existing, view);
    return okAnswer({ view: toSlackView(existing) });
  }
  const created = createView(state, view, { userId });
  state.homeViewIds.set(userId, created.id);
  return okAnswer({ view: toSlackView(created) });
};
var viewMethods = {
  "views.open": open3,
  "views.push": push,
  "views.update": update2,
  "views.publish": publish,
};

// src/sandbox/emulator/emulator-routes.ts
var METHODS = {
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...miscMethods,
};
var JSON_ARGUMENTS = /* @__PURE__ */ new Set(["blocks", "attachments", "view", "metadata", "files"]);
function decodeFormValue(key, value) {
  if (!JSON_ARGUMENTS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
async function parseApiRequest(request) {
  const args = {};
  for (const [key, value] of new URL(request.url).searchParams) args[key] = decodeFormValue(key, value);
  const contentType = request.headers.get("content-type") ?? "";
  let malformed = false;
  let bodyToken;
  if (contentType.includes("application/json")) {
    try {
      const parsed = JSON.parse(await request.text());
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) malformed = true;
      else Object.assign(args, parsed);
    } catch {
      malformed = true;
    }
  } else {
    const entries = [];
    if (contentType.includes("multipart/form-data")) {
      for (const [key, value] of await request.formData()) {
        if (typeof value === "string") entries.push([key, value]);
      }
    } else {
      entries.push(...new URLSearchParams(await request.text()));
    }
    for (const [key, value] of entries) args[key] = decodeFormValue(key, value);
    if (typeof args.token === "string") bodyToken = args.token;
  }
  const { token: _bodyToken, ...rest } = args;
  const header2 = request.headers.get("authorization") ?? "";
  const headerToken = /^Bearer\s+(.+)$/i.exec(header2)?.[1]?.trim();
  return { args: rest, token: headerToken ?? bodyToken, malformed };
}
function answerFor(state, method, parsed) {
  if (method === "apps.connections.open") return openSocketConnection(state, parsed.token);
  const handler = METHODS[method];
  if (!handler) return errorAnswer("unknown_method");
  if (parsed.malformed) return errorAnswer("invalid_json");
  if (parsed.token === void 0 || parsed.token === "") return errorAnswer("not_authed");
  if (parsed.token !== state.botToken) return errorAnswer("invalid_auth");
  const rule = state.takeFailure(method);
  if (rule) {
    if (rule.status === 429) {
      return { ...RATE_LIMITED, headers: { "Retry-After": String(rule.retryAfterSeconds ?? 1) } };
    }
    return { status: rule.status ?? 200, body: { ok: false, error: rule.error ?? "internal_error" } };
  }
  return handler(state, parsed.args);
}
async function readUpload(request) {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) return Buffer.from(await request.arrayBuffer());
  for (const [, value] of await request.formData()) {
    if (typeof value === "string") return Buffer.from(value, "utf8");
    return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}
function createEmulatorApp(state) {
  const app = new Hono2();
  app.use(async (_c, next) => {
    await next();
    state.changed();
  });
  app.all("/api/:method", async (c) => {
    const method = c.req.param("method");
    const parsed = await parseApiRequest(c.req.raw);
    const hold = state.takeHold(method);
    if (hold && !hold.accept) await state.holdAnswer();
    const answer = hold && !hold.accept ? errorAnswer("request_timeout") : answerFor(state, method, parsed);
    const ok = answer.body.ok === true;
    state.calls.push({
      method,
      args: parsed.args,
      token: parsed.token,
      ok,
      ...(ok ? {} : { error: String(answer.body.error) }),
    });
    if (hold?.accept) {
      state.changed();
      await state.holdAnswer();
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "Content-Type": "application/json; charset=utf-8", ...answer.headers },
    });
  });
  app.post("/response/:id", async (c) => {
    const result = handleResponseUrlPost(state, c.req.param("id"), await c.req.text());
    const contentType = result.json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
    return new Response(result.text, { status: result.status, headers: { "Content-Type": contentType } });
  });
  app.post("/upload/:id", async (c) => {
    const record = state.files.get(c.req.param("id"));
    if (!record) return c.text("file_not_found", 404);
    record.bytes = await readUpload(c.req.raw);
    return c.text(`OK - ${record.bytes.length}`, 200);
  });
  app.get("/files-pri/:id/:name", (c) => {
    const token = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (token !== state.botToken) return c.text("not_authed", 403);
    const record = state.files.get(c.req.param("id"));
    if (!record?.bytes) return c.text("file_not_found", 404);
    return new Response(new Uint8Array(record.bytes), {
      status: 200,
      headers: { "Content-Type": "application/octet-stream" },
    });
  });
  app.notFound((c) => c.text("not_found", 404));
  return app;
}
function openSocketConnection(state, token) {
  if (!token) return errorAnswer("not_authed");
  if (!state.socketMode) return errorAnswer("not_allowed_token_type");
  if (token !== state.socketMode.appToken) return errorAnswer("invalid_auth");
  return okAnswer({ url: state.socketMode.url });
}

// src/sandbox/emulator/emulator-view-responses.ts
function inputBlockIds(view) {
  const ids = /* @__PURE__ */ new Set();
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (isRecord4(block) && block.type === "input" && typeof block.block_id === "string") {
      ids.add(block.block_id);
    }
  }
  return ids;
}
function applyViewSubmissionAnswer(state, viewId, status, answer) {
  const open4 = state.views.get(viewId);
  if (!open4) return `view ${viewId} is not open`;
  if (status !== 200) return void 0;
  if (!isRecord4(answer) || answer.response_action === void 0) {
    popView(state, viewId);
    return void 0;
  }
  switch (answer.response_action) {
    case "clear":
      closeStack(state, open4.rootViewId);
      return void 0;
    case "update": {
      const problem = validateAppView(state, answer.view, open4.id);
      if (problem) return `response_action update: ${problem}`;
      replaceView(state, open4, answer.view);
      return void 0;
    }
    case "push": {
      const problem = validateAppView(state, answer.view);
      if (problem) return `response_action push: ${problem}`;
      const pushed = pushModal(state, open4, answer.view);
      return typeof pushed === "string" ? `response_action push: ${pushed}` : void 0;
    }
    case "errors": {
      if (!isRecord4(answer.errors)) return "response_action errors: errors must be an object";
      const known = inputBlockIds(open4.view);
      const unknown = Object.keys(answer.errors).filter((blockId) => !known.has(blockId));
      if (unknown.length > 0) {
        return `response_action errors: ${unknown.join(", ")} ${unknown.length === 1 ? "is not an input block_id" : "are not input block_ids"} (inputs: ${[...known].join(", ")})`;
      }
      return void 0;
    }
    default:
      return `unknown response_action ${JSON.stringify(answer.response_action)}`;
  }
}

// src/sandbox/emulator/emulator-wait.ts
var WAIT_POLL_MS = 5;
async function waitUntil(state, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const result = predicate();
      if (result !== void 0 && result !== false && result !== null) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  const recent = state.calls
    .slice(-10)
    .map((call) => `${call.method}${call.ok ? "" : ` (${call.error})`}`)
    .join(", ");
  const cause = lastError instanceof Error ? ` Last predicate error: ${lastError.message}.` : "";
  throw new Error(
    `waitFor timed out after ${timeoutMs} ms.${cause} Recent Slack calls: ${recent || "none"}.`,
  );
}

// src/sandbox/emulator/slack-emulator.ts
function idFromResponseUrl(responseUrlOrId) {
  return responseUrlOrId.split("/").filter(Boolean).at(-1) ?? responseUrlOrId;
}
var SlackEmulator = class _SlackEmulator {
  constructor(state, server, baseUrl) {
    this.state = state;
    this.server = server;
    this.baseUrl = baseUrl;
    this.apiUrl = `${baseUrl}/api/`;
    this.botToken = state.botToken;
    this.botUserId = state.botUserId;
  }
  state;
  server;
  baseUrl;
  apiUrl;
  botToken;
  botUserId;
  teamId = EMULATED_TEAM_ID;
  teamDomain = EMULATED_TEAM_DOMAIN;
  apiAppId = EMULATED_APP_ID;
  static async start(options = {}) {
    const state = new EmulatorState(options.botUserId ?? "UBOT000001", options.botToken ?? "xoxb-test-token");
    state.users.set(state.botUserId, { id: state.botUserId, name: "jxc", isBot: true });
    for (const user of options.users ?? []) state.users.set(user.id, { ...user });
    const app = createEmulatorApp(state);
    const { server, port } = await new Promise((resolve, reject) => {
      const listening = serve(
        // Leave the process-wide fetch globals alone; the app under test shares this process.
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
        (info2) => resolve({ server: listening, port: info2.port }),
      );
      listening.once("error", reject);
    });
    state.baseUrl = `http://127.0.0.1:${port}`;
    return new _SlackEmulator(state, server, state.baseUrl);
  }
  /** Lets an app with this app-level token connect over Socket Mode to the given WebSocket URL. */
  acceptSocketMode(appToken, url) {
    this.state.socketMode = { appToken, url };
  }
  addUser(user) {
    this.state.users.set(user.id, { ...user });
    this.state.changed();
  }
  /** Everyone in the workspace, the bot included. */
  users() {
    return [...this.state.users.values()].map((user) => ({ ...user }));
  }
  user(userId) {
    const user = this.state.users.get(userId);
    return user ? { ...user } : void 0;
  }
  /** Remembers a human-readable name for a channel id (conversations.info, driver payloads). */
  nameChannel(channelId, name) {
    this.state.channelNames.set(channelId, name);
    this.state.changed();
  }
  /** The named channels, in the order they were named (the sandbox sidebar lists them). */
  channels() {
    return [...this.state.channelNames].map(([id, name]) => ({ id, name }));
  }
  /**
   * Takes the bot out of a channel (or never invites it): posts there then fail with
   * `not_in_channel` (`channel_not_found` for a private G… channel, which it can no longer see)
   * and conversations.info says `is_member: false`. The bot starts in every channel.
   */
  removeBotFromChannel(channelId) {
    this.state.botAbsentFrom.add(channelId);
    this.state.changed();
  }
  /** Someone typed `/invite @jxc` in the channel. */
  addBotToChannel(channelId) {
    this.state.botAbsentFrom.delete(channelId);
    this.state.changed();
  }
  isBotInChannel(channelId) {
    return this.state.botIsMember(channelId);
  }
  /** Calls `watcher` whenever the workspace may have changed; answers how to stop. */
  watch(watcher) {
    return this.state.watch(watcher);
  }
  /** A person writes in a channel or a thread (the app hears nothing: it subscribes to no message events). */
  userPostsMessage(userId, channel, text14, threadTs) {
    const message = {
      channel: this.state.resolveChannel(channel),
      ts: this.state.nextTs(),
      user: userId,
      text: text14,
      source: "api",
    };
    const parent = threadTs ? this.state.findMessage(channel, threadTs, { ephemeral: false }) : void 0;
    if (parent) message.threadTs = parent.threadTs ?? parent.ts;
    this.state.messages.push(message);
    this.state.changed();
    return structuredClone(message);
  }
  channelName(channelId) {
    return this.state.channelNames.get(channelId);
  }
  createResponseUrl(context2 = {}) {
    const id = `${this.state.nextId("R", 6)}${randomBytes4(4).toString("hex")}`;
    this.state.responseUrls.set(id, { context: { ...context2 }, createdAt: this.state.now(), uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }
  /** Single use and valid for 3 s; a user id makes views.open/push act on that user's modals. */
  createTriggerId(userId) {
    const id = `${Math.floor(this.state.now() / 1e3)}.${this.state.nextId("", 6)}.${randomBytes4(16).toString("hex")}`;
    this.state.triggers.set(id, { createdAt: this.state.now(), used: false, ...(userId ? { userId } : {}) });
    return id;
  }
  calls(method) {
    return structuredClone(this.state.calls.filter((call) => method === void 0 || call.method === method));
  }
  responseUrlPosts(responseUrlOrId) {
    const id = responseUrlOrId === void 0 ? void 0 : idFromResponseUrl(responseUrlOrId);
    return structuredClone(this.state.responseUrlPosts.filter((post) => id === void 0 || post.id === id));
  }
  messages(channel) {
    const wanted = channel === void 0 ? void 0 : this.state.resolveChannel(channel);
    return structuredClone(
      this.state.messages.filter((message) => wanted === void 0 || message.channel === wanted),
    );
  }
  lastMessage(channel) {
    return this.messages(channel).at(-1);
  }
  view(viewId) {
    const open4 = this.state.views.get(viewId);
    return open4 ? structuredClone(open4) : void 0;
  }
  openViews(userId) {
    const views = [];
    for (const stack of this.state.stacks.values()) {
      for (const viewId of stack) {
        const open4 = this.state.views.get(viewId);
        if (open4 && (userId === void 0 || open4.userId === userId)) views.push(structuredClone(open4));
      }
    }
    return views;
  }
  /** The id of a user's Home tab view, which interactions on it name. */
  homeViewId(userId) {
    return this.state.homeViewIds.get(userId);
  }
  homeView(userId) {
    const viewId = this.state.homeViewIds.get(userId);
    const open4 = viewId ? this.state.views.get(viewId) : void 0;
    return open4 ? structuredClone(open4.view) : void 0;
  }
  /** A file a user uploaded in Slack (e.g. through a file_input), downloadable with the bot token. */
  userUploadsFile(userId, name, bytes) {
    const id = this.state.nextId("F");
    this.state.files.set(id, {
      name,
      declaredLength: bytes.length,
      bytes: Buffer.from(bytes),
      completed: true,
      owner: userId,
    });
    return this.fileObject(id);
  }
  /** The file object Slack shows the app (files.info, file_input state). */
  fileObject(fileId) {
    return fileObjectOf(this.state, fileId);
  }
  uploadedFile(fileId) {
    const record = this.state.files.get(fileId);
    if (!record?.bytes) return void 0;
    const file = { name: record.name, bytes: Buffer.from(record.bytes) };
    if (record.channel) file.channel = record.channel;
    return file;
  }
  failNext(method, rule) {
    const queue = this.state.failures.get(method) ?? [];
    queue.push({ ...rule });
    this.state.failures.set(method, queue);
  }
  /** Holds the next answer of `method` as if the line hung; `accept`: Slack acted first (default). */
  holdNext(method, rule = { accept: true }) {
    const queue = this.state.holds.get(method) ?? [];
    queue.push({ ...rule });
    this.state.holds.set(method, queue);
  }
  heldCount() {
    return this.state.held.size;
  }
  /** Sends every held answer; an unaccepted call gets `request_timeout`. */
  releaseHeld() {
    this.state.releaseHeld();
  }
  /** Paces chat.postMessage per channel: bursts of 3, then `perSecond`; excess gets 429 Retry-After 1. */
  enforceChannelRate(on, perSecond = 1) {
    this.state.channelRate = on ? { perSecond, buckets: /* @__PURE__ */ new Map() } : void 0;
  }
  /** Moves the emulator's clock (trigger and response_url expiry, rate buckets) forward. */
  advanceTime(ms) {
    this.state.advanceTime(ms);
  }
  /** Polls `predicate` until it answers something, or fails naming the app's recent Slack calls. */
  waitFor(predicate, timeoutMs = 2e3) {
    return waitUntil(this.state, predicate, timeoutMs);
  }
  // The methods below let SlackDriver play Slack's part after the app answers a request.
  /** Renders a synchronous reply to a slash command or block action like a response_url post. */
  applyImmediateResponse(responseUrl, body) {
    const record = this.state.responseUrls.get(idFromResponseUrl(responseUrl));
    if (!record) return `unknown response_url ${responseUrl}`;
    return this.changing(() => deliverResponse(this.state, record, body));
  }
  closeViewAsUser(viewId) {
    return this.changing(() => closeModal(this.state, viewId));
  }
  applyViewSubmissionAnswer(viewId, status, answer) {
    return this.changing(() => applyViewSubmissionAnswer(this.state, viewId, status, answer));
  }
  reset() {
    this.changing(() => this.state.reset());
  }
  changing(change) {
    const result = change();
    this.state.changed();
    return result;
  }
  async stop() {
    this.state.releaseHeld();
    await new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      if ("closeAllConnections" in this.server) this.server.closeAllConnections();
    });
  }
};

// src/sandbox/wire/signing.ts
import { createHmac as createHmac2 } from "node:crypto";

function signSlackRequest(signingSecret, timestamp, rawBody) {
  return `v0=${createHmac2("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

// test/bench/signed-request.ts
var benchSigningSecret = "benchbenchbenchbenchbenchbench00";
var benchUsers = [{ id: "U0BENCH01", name: "bench", locale: "en-US" }];
function signedCommand(command2, text14) {
  const body = new URLSearchParams({
    token: "bench",
    team_id: "T0JXC0001",
    team_domain: "bench",
    channel_id: "C0BENCH01",
    channel_name: "bench",
    user_id: "U0BENCH01",
    user_name: "bench",
    command: command2,
    text: text14,
    api_app_id: "A0JXC0001",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/response/bench",
    trigger_id: "1.2.bench",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1e3);
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(benchSigningSecret, timestamp, body),
    },
  };
}

// db/ip-inproc.ts
var [dbPath, command, text13, nArg = "20000"] = process.argv.slice(2);
var emulator = await SlackEmulator.start({ users: benchUsers });
var db = openDatabase(dbPath === "-" ? ":memory:" : dbPath);
var sink = {
  write(_s) {
    return true;
  },
};
var jxc = createJxc({
  slack: { kind: "http", botToken: emulator.botToken, signingSecret: benchSigningSecret },
  slackApiUrl: emulator.apiUrl,
  db,
  clock: systemClock,
  logger: createLogger({ level: "info", destination: sink }),
  company: { currency: "CNY", timeZone: "Asia/Shanghai" },
  admins: process.env.NOADMIN ? [] : benchUsers.map((u) => u.id),
});
var raw = signedCommand(command, text13).body;
var acked = "";
var once = () =>
  jxc.bolt.processEvent({
    body: parseSlackBody(raw, "application/x-www-form-urlencoded"),
    ack: async (r) => {
      acked = typeof r === "string" ? r : JSON.stringify(r ?? "");
    },
    retryNum: void 0,
    retryReason: void 0,
    customProperties: {},
  });
for (let i = 0; i < 2e3; i++) await once();
var n2 = Number(nArg);
var res = [];
for (let rep = 0; rep < 5; rep++) {
  const t = performance.now();
  for (let i = 0; i < n2; i++) await once();
  res.push(((performance.now() - t) * 1e3) / n2);
}
console.log(
  `${command} ${text13}: \xB5s/req ${res.map((x) => x.toFixed(1)).join(" ")} (min ${Math.min(...res).toFixed(1)}) ack=${acked.length}B`,
);
process.exit(0);
