import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { items } from "./catalogue.ts";
import { purchaseOrders } from "./purchasing.ts";

/**
 * Items whose projected stock may have changed since the last look. Triggers (in the
 * migration, not here: drizzle does not model them) add a row in the same transaction as
 * every ledger move, reservation change, PO status change and reorder point change; the
 * outbox worker evaluates and deletes them. may_alert is 0 when only configuration changed
 * (opening stock, a new reorder point): that re-arms an alert but never sends one.
 */
export const lowStockChecks = sqliteTable("low_stock_checks", {
  itemId: integer("item_id").primaryKey(),
  mayAlert: integer("may_alert", { mode: "boolean" }).notNull(),
});

/**
 * One row per item that has ever been at or below its reorder point. An episode starts when
 * projected stock drops to the point and ends when it is back above it; one alert per episode,
 * snoozes silence the item until a time, and the Draft PO button records its PO here.
 */
export const lowStockStates = sqliteTable(
  "low_stock_states",
  {
    itemId: integer("item_id")
      .primaryKey()
      .references(() => items.id),
    below: integer("below", { mode: "boolean" }).notNull(),
    /** Counts episodes, so buttons of an earlier one are recognised as stale. */
    episode: integer("episode").notNull(),
    /** When this episode's alert was sent; null while it was silenced (digest, snooze). */
    alertedAt: integer("alerted_at", { mode: "number" }),
    snoozedUntil: integer("snoozed_until", { mode: "number" }),
    snoozedBy: text("snoozed_by"),
    draftPoId: integer("draft_po_id").references(() => purchaseOrders.id),
    draftedBy: text("drafted_by"),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("low_stock_states_snoozed_idx").on(t.snoozedUntil).where(sql`${t.snoozedUntil} is not null`)],
);
