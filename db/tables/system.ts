import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Per-user preferences; the language override beats the chat platform's locale. */
export const userSettings = sqliteTable("user_settings", {
  slackUserId: text("slack_user_id").primaryKey(),
  language: text("language", { enum: ["en", "zh-CN"] }),
  platformLocale: text("platform_locale"),
  platformLocaleFetchedAt: integer("platform_locale_fetched_at", { mode: "number" }),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/** Slack event ids already handled, so Slack's retries have their effect once. */
export const processedEvents = sqliteTable("processed_events", {
  eventId: text("event_id").primaryKey(),
  receivedAt: integer("received_at", { mode: "number" }).notNull(),
});

/** Who changed what, before and after, when: written in the same transaction as the change. */
export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  actor: text("actor").notNull(),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id").notNull(),
  before: text("before", { mode: "json" }),
  after: text("after", { mode: "json" }),
  at: integer("at", { mode: "number" }).notNull(),
});

/** Who holds which role; keyed by Slack user id, bootstrapped from JXC_ADMINS. */
export const roleAssignments = sqliteTable(
  "role_assignments",
  {
    userId: text("user_id").notNull(),
    role: text("role").notNull(),
    grantedBy: text("granted_by").notNull(),
    grantedAt: integer("granted_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Company-wide switches (e.g. allow_negative_stock), one row per key, JSON values. */
export const companySettings = sqliteTable("company_settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/**
 * One row of counters that triggers move, in the transaction of the change, whenever the catalogue
 * (items, aliases, barcodes) or the role assignments change, by any connection: what the process
 * keeps in memory (the item index, the role cache) compares them with what it was built from.
 */
export const changeCounters = sqliteTable("change_counters", {
  id: integer("id").primaryKey(),
  catalogue: integer("catalogue").notNull().default(0),
  roles: integer("roles").notNull().default(0),
});
