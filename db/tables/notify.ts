import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Domain events, written in the same transaction as the change that caused them.
 * The dispatcher turns each into deliveries once, then stamps dispatched_at.
 */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    docType: text("doc_type"),
    docId: integer("doc_id"),
    actor: text("actor").notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    dispatchedAt: integer("dispatched_at", { mode: "number" }),
  },
  (t) => [index("outbox_events_pending_idx").on(t.id).where(sql`${t.dispatchedAt} is null`)],
);

export const deliveryKinds = ["post", "update", "home"] as const;
export const deliveryStatuses = ["pending", "sending", "delivered", "failed", "skipped"] as const;

/**
 * One Slack call owed to one destination (a channel, a user's DM, a user's Home tab).
 * The dedupe key makes planning idempotent; the worker marks `sending` before the call
 * and looks the message up by its metadata on recovery, so nothing is sent twice.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id").references(() => outboxEvents.id),
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind", { enum: deliveryKinds }).notNull(),
    /** A channel id, or a user id for a DM or a Home tab. */
    target: text("target").notNull(),
    /** "doc_type:doc_id": post as a reply in that document's thread. */
    threadKey: text("thread_key"),
    /** For `update`: the delivery whose message is rewritten. */
    updatesDeliveryId: integer("updates_delivery_id"),
    template: text("template").notNull(),
    data: text("data", { mode: "json" }).notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "number" }).notNull(),
    lastError: text("last_error"),
    /** Where Slack put the message (a D… id for a DM) and its ts, once delivered. */
    postedChannel: text("posted_channel"),
    ts: text("ts"),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    deliveredAt: integer("delivered_at", { mode: "number" }),
  },
  (t) => [
    index("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("deliveries_event_idx").on(t.eventId),
  ],
);

/** The parent message of each document's thread in its department channel. */
export const documentThreads = sqliteTable(
  "document_threads",
  {
    docType: text("doc_type").notNull(),
    docId: integer("doc_id").notNull(),
    /** The delivery that posts (and later rewrites) the parent card. */
    deliveryId: integer("delivery_id").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.docType, t.docId] })],
);

/**
 * Who hears of each event type, as admins set it: "role:<role>", "owner" (the
 * document's requester), "channel:<department>". No rows for a type → the defaults in code.
 */
export const routingRules = sqliteTable(
  "routing_rules",
  {
    eventType: text("event_type").notNull(),
    target: text("target").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventType, t.target] })],
);

/** Each department's Slack channel (`/jxc channel purchasing #buying`). */
export const departmentChannels = sqliteTable("department_channels", {
  department: text("department").primaryKey(),
  channelId: text("channel_id").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/** One row per scheduled job and period, so a restart neither repeats nor skips a run. */
export const scheduledRuns = sqliteTable(
  "scheduled_runs",
  {
    job: text("job").notNull(),
    /** The period the run covers, e.g. "2026-11-25" for a daily job, in the company time zone. */
    period: text("period").notNull(),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    finishedAt: integer("finished_at", { mode: "number" }),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
