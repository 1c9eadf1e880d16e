import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { items } from "./catalogue.ts";
import { locations } from "./places.ts";

export const moveReasons = [
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
] as const;
export type MoveReason = (typeof moveReasons)[number];

/** A lot (批次) with its expiry, for items that track them. */
export const lots = sqliteTable(
  "lots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    lotNo: text("lot_no").notNull(),
    expiresOn: text("expires_on"),
  },
  (t) => [uniqueIndex("lots_item_lot_unique").on(t.itemId, t.lotNo)],
);

/**
 * The append-only stock ledger. qty is signed, in base units; value is the
 * exact signed cost in minor units that the costing engine gave the move.
 */
export const stockMoves = sqliteTable(
  "stock_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer("location_id")
      .notNull()
      .references(() => locations.id),
    lotId: integer("lot_id").references(() => lots.id),
    qty: integer("qty").notNull(),
    value: integer("value").notNull(),
    reason: text("reason", { enum: moveReasons }).notNull(),
    /** Moves made by one operation share it (a transfer's two legs, a receipt's lines). */
    batchId: text("batch_id").notNull(),
    docType: text("doc_type"),
    docId: integer("doc_id"),
    note: text("note"),
    userId: text("user_id").notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("stock_moves_item_idx").on(t.itemId, t.id),
    index("stock_moves_doc_idx").on(t.docType, t.docId),
    // Demand per item over a period (the purchase plan): covering, and in item order so the
    // sums stream without a sort. Measured twice as fast as (reason, at, …) at 1M issue lines.
    index("stock_moves_reason_item_idx").on(t.reason, t.itemId, t.at, t.qty),
    // Picks per bin over a period (slotting): issues only, so receipts and transfers never pay for it.
    index("stock_moves_picks_idx").on(t.locationId, t.at, t.itemId).where(sql`${t.reason} = 'issue'`),
  ],
);

/**
 * Balances per item × location × lot (lot 0 = none), kept only for speed and
 * only written in the same transaction as the move; available is derived.
 */
export const stockBalances = sqliteTable(
  "stock_balances",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer("location_id")
      .notNull()
      .references(() => locations.id),
    lotKey: integer("lot_key").notNull().default(0),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.locationId, t.lotKey] }),
    index("stock_balances_location_idx").on(t.locationId),
    // Only balances holding a reservation: an item's reserved total without reading all its bins.
    index("stock_balances_reserved_idx").on(t.itemId).where(sql`${t.reserved} <> 0`),
  ],
);

/** Company-wide valuation of an item: total quantity and exact total value (moving average state). */
export const itemValuations = sqliteTable("item_valuations", {
  itemId: integer("item_id")
    .primaryKey()
    .references(() => items.id),
  qty: integer("qty").notNull().default(0),
  value: integer("value").notNull().default(0),
});

/** FIFO receipt layers; issues consume the oldest first. */
export const costLayers = sqliteTable(
  "cost_layers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    sourceMoveId: integer("source_move_id").references(() => stockMoves.id),
    qtyRemaining: integer("qty_remaining").notNull(),
    valueRemaining: integer("value_remaining").notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [index("cost_layers_open_idx").on(t.itemId, t.qtyRemaining, t.id)],
);
