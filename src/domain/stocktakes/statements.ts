// Raw statements prepared once per connection for a count's per-line work: a 10,000-line count
// runs them tens of thousands of times, and drizzle would rebuild and re-prepare each call.
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import type { StocktakeLinePosting } from "../../../db/tables/stocktakes.ts";

/** The statements, bound to one connection; they run inside whatever transaction it has open. */
export const countStatements = preparedPerDb((db: Db) => {
  const c = db.$client;
  const lastMove = c.prepare("select coalesce(max(id), 0) from stock_moves").pluck();
  // stock_moves_item_idx (item_id, id) bounds the scan to the item's moves in the window.
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
    lastMoveId: (): number => lastMove.get() as number,
    /** Net quantity moved at item × bin after move `after`, up to and including move `through`. */
    movedBetween: (line: { itemId: number; locationId: number }, after: number, through: number): number =>
      moved.get(line.itemId, after, through, line.locationId) as number,
    insertLine: (line: {
      stocktakeId: number;
      lineNo: number;
      itemId: number;
      locationId: number;
      snapshotQty: number;
      snapshotMoveId: number;
    }): void => {
      insertLine.run(
        line.stocktakeId,
        line.lineNo,
        line.itemId,
        line.locationId,
        line.snapshotQty,
        line.snapshotMoveId,
      );
    },
    setCounted: (
      lineId: number,
      counted: { qty: number; by: string; at: number; moveId: number } | null,
    ): void => {
      setCounted.run(
        counted?.qty ?? null,
        counted?.by ?? null,
        counted?.at ?? null,
        counted?.moveId ?? null,
        lineId,
      );
    },
    setFinished: (
      lineId: number,
      figures: { movedQty: number; expectedQty: number; varianceQty: number; varianceValue: number },
      posting: StocktakeLinePosting,
    ): void => {
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
