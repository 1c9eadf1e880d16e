import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { items } from "./catalogue.ts";
import { locations } from "./places.ts";

/** The next human number of each document type (PO-000123, ADJ-000007). */
export const documentSequences = sqliteTable("document_sequences", {
  docType: text("doc_type").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

/**
 * Admin-edited approval tiers: a document of `docType` whose amount is at least
 * `minAmount` (minor units) needs `role` at `tier`. No rows for a type → defaults in code.
 */
export const approvalPolicies = sqliteTable(
  "approval_policies",
  {
    docType: text("doc_type").notNull(),
    tier: integer("tier").notNull(),
    minAmount: integer("min_amount").notNull(),
    role: text("role").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.docType, t.tier] })],
);

export const approvalStatuses = ["pending", "approved", "rejected", "cancelled"] as const;

/** A document waiting for (or done with) approval; one open request per document. */
export const approvalRequests = sqliteTable(
  "approval_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docType: text("doc_type").notNull(),
    docId: integer("doc_id").notNull(),
    docNumber: text("doc_number").notNull(),
    amount: integer("amount").notNull(),
    requestedBy: text("requested_by").notNull(),
    status: text("status", { enum: approvalStatuses }).notNull(),
    /** The facts an approver needs on the card, frozen when requested. */
    summary: text("summary", { mode: "json" }).notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    decidedAt: integer("decided_at", { mode: "number" }),
  },
  (t) => [
    index("approval_requests_doc_idx").on(t.docType, t.docId),
    index("approval_requests_status_idx").on(t.status),
  ],
);

export const approvalStepStatuses = ["waiting", "pending", "approved", "rejected", "cancelled"] as const;

/**
 * One tier of a request. Tiers run in order: tier n+1 waits until tier n is approved.
 * `role` may change on escalation; who decided (and for whom, when delegated) is kept.
 */
export const approvalSteps = sqliteTable(
  "approval_steps",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => approvalRequests.id),
    tier: integer("tier").notNull(),
    role: text("role").notNull(),
    status: text("status", { enum: approvalStepStatuses }).notNull(),
    activatedAt: integer("activated_at", { mode: "number" }),
    remindedAt: integer("reminded_at", { mode: "number" }),
    escalatedAt: integer("escalated_at", { mode: "number" }),
    decidedBy: text("decided_by"),
    /** The approver a delegate decided for. */
    onBehalfOf: text("on_behalf_of"),
    decidedAt: integer("decided_at", { mode: "number" }),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.tier] }), index("approval_steps_status_idx").on(t.status)],
);

/** An approver's stand-in for a range of days (inclusive, company time zone, YYYY-MM-DD). */
export const approvalDelegations = sqliteTable(
  "approval_delegations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    approver: text("approver").notNull(),
    delegate: text("delegate").notNull(),
    fromDay: text("from_day").notNull(),
    toDay: text("to_day").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [index("approval_delegations_delegate_idx").on(t.delegate)],
);

export const adjustmentStatuses = ["pending", "posted", "rejected", "cancelled"] as const;

/**
 * A stock adjustment as a document (ADJ-…): small ones post at once, larger ones
 * wait for the warehouse supervisor; the ledger move is written only when posted.
 */
export const stockAdjustments = sqliteTable(
  "stock_adjustments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer("location_id")
      .notNull()
      .references(() => locations.id),
    qtyDelta: integer("qty_delta").notNull(),
    reason: text("reason").notNull(),
    note: text("note"),
    /** Signed value at current cost when requested (minor units); the amount approval tiers compare. */
    estimatedValue: integer("estimated_value").notNull(),
    status: text("status", { enum: adjustmentStatuses }).notNull(),
    requestedBy: text("requested_by").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    postedAt: integer("posted_at", { mode: "number" }),
    moveId: integer("move_id"),
  },
  (t) => [uniqueIndex("stock_adjustments_number_unique").on(t.number)],
);
