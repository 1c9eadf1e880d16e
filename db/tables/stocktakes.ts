import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { items } from "./catalogue.ts";
import { locations, warehouses } from "./places.ts";
import { stockMoves } from "./stock.ts";

/**
 * counting → posted (every variance posted at finish), or → pending_approval (the large ones
 * wait) → posted | rejected; counting → cancelled. Open = counting or pending_approval.
 */
export const stocktakeStatuses = ["counting", "pending_approval", "posted", "rejected", "cancelled"] as const;
export type StocktakeStatus = (typeof stocktakeStatuses)[number];

/** What a count covers inside its warehouse: all of it, one zone, some bins, or some items. */
export const stocktakeScopes = ["warehouse", "zone", "bins", "items"] as const;
export type StocktakeScope = (typeof stocktakeScopes)[number];

/** What became of a line's variance: nothing to post, posted, waiting for approval, or rejected. */
export const stocktakeLinePostings = ["none", "posted", "pending", "rejected"] as const;
export type StocktakeLinePosting = (typeof stocktakeLinePostings)[number];

/**
 * A stocktake (CNT-000001). The accuracy figures are written when it is finished and kept
 * for the warehouse KPIs: line accuracy = exact lines / counted lines, value accuracy =
 * 1 − Σ|variance value| / expected value, both in basis points (10000 = 100%).
 */
export const stocktakes = sqliteTable(
  "stocktakes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    scope: text("scope", { enum: stocktakeScopes }).notNull(),
    /** The zone, bins or SKUs the scope names, as shown to people ("" for a whole warehouse). */
    scopeLabel: text("scope_label").notNull(),
    status: text("status", { enum: stocktakeStatuses }).notNull(),
    startedBy: text("started_by").notNull(),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    finishedBy: text("finished_by"),
    finishedAt: integer("finished_at", { mode: "number" }),
    closedAt: integer("closed_at", { mode: "number" }),
    linesCounted: integer("lines_counted"),
    linesExact: integer("lines_exact"),
    /** Counted lines' expected quantity at current cost, minor units. */
    expectedValue: integer("expected_value"),
    /** Net and absolute sums of the lines' variance values, minor units. */
    varianceValue: integer("variance_value"),
    varianceAbs: integer("variance_abs"),
    lineAccuracyBp: integer("line_accuracy_bp"),
    valueAccuracyBp: integer("value_accuracy_bp"),
  },
  (t) => [uniqueIndex("stocktakes_number_unique").on(t.number), index("stocktakes_status_idx").on(t.status)],
);

/**
 * One item × bin to count. The system quantity is snapshotted when the line is created
 * (snapshot_move_id = the last ledger move then); the counted quantity records the last
 * ledger move when it was typed (counted_move_id), so moves between the two are known and
 * expected = snapshot + those moves. A line is never shown with its snapshot while counting.
 */
export const stocktakeLines = sqliteTable(
  "stocktake_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stocktakeId: integer("stocktake_id")
      .notNull()
      .references(() => stocktakes.id),
    lineNo: integer("line_no").notNull(),
    itemId: integer("item_id")
      .notNull()
      .references(() => items.id),
    locationId: integer("location_id")
      .notNull()
      .references(() => locations.id),
    snapshotQty: integer("snapshot_qty").notNull(),
    snapshotMoveId: integer("snapshot_move_id").notNull(),
    countedQty: integer("counted_qty"),
    countedBy: text("counted_by"),
    countedAt: integer("counted_at", { mode: "number" }),
    countedMoveId: integer("counted_move_id"),
    /** Written when the count is finished. */
    movedQty: integer("moved_qty"),
    expectedQty: integer("expected_qty"),
    varianceQty: integer("variance_qty"),
    varianceValue: integer("variance_value"),
    posting: text("posting", { enum: stocktakeLinePostings }).notNull().default("none"),
    moveId: integer("move_id").references(() => stockMoves.id),
    /** The value the ledger move really had (costs may have moved since the finish). */
    postedValue: integer("posted_value"),
  },
  (t) => [
    uniqueIndex("stocktake_lines_line_unique").on(t.stocktakeId, t.lineNo),
    index("stocktake_lines_place_idx").on(t.itemId, t.locationId),
  ],
);
