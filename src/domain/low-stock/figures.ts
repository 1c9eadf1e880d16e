import type { Db } from "../../../db/client.ts";
import { openForDelivery } from "../purchasing/states.ts";

/** An item's projected stock company-wide against its reorder point, in base units. */
export interface LowStockFigures {
  itemId: number;
  reorderPoint: number | null;
  archived: boolean;
  onHand: number;
  reserved: number;
  onOrder: number;
  /** available + on order = on hand − reserved + on order (DESIGN §3), as /stock shows it. */
  projected: number;
}

/** What the low-stock table remembers of an item (see db/tables/low-stock.ts). */
export interface LowStockState {
  itemId: number;
  below: boolean;
  episode: number;
  alertedAt: number | null;
  snoozedUntil: number | null;
  snoozedBy: string | null;
  draftPoId: number | null;
  draftedBy: string | null;
}

/** Low means at or below the reorder point, as /stock flags it and the purchase plan buys. */
export function isLow(f: Pick<LowStockFigures, "reorderPoint" | "archived" | "projected">): boolean {
  return f.reorderPoint !== null && !f.archived && f.projected <= f.reorderPoint;
}

const open = openForDelivery.map((s) => `'${s}'`).join(",");

// One statement for any set of items: on hand is the valuation's quantity (one row per item),
// reserved sums the item's balance rows (its primary key range), on order is what /stock counts
// (onOrderQty: open PO lines less what receipts accepted, per line, never below zero).
const figureColumns = `i.id, i.reorder_point, i.archived, coalesce(v.qty, 0),
  coalesce((select sum(b.reserved) from stock_balances b where b.item_id = i.id), 0),
  coalesce((select sum(max(l.qty - coalesce((select sum(g.accepted) from goods_receipt_lines g
                                              where g.purchase_order_line_id = l.id), 0), 0))
              from purchase_order_lines l join purchase_orders p on p.id = l.purchase_order_id
             where l.item_id = i.id and p.status in (${open})), 0)`;

const stateColumns = `s.item_id, s.below, s.episode, s.alerted_at, s.snoozed_until, s.snoozed_by,
  s.draft_po_id, s.drafted_by`;

type FigureRow = [number, number | null, number, number, number, number];
type StateRow = [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  number | null,
  string | null,
];

function toFigures(row: FigureRow): LowStockFigures {
  const [itemId, reorderPoint, archived, onHand, reserved, onOrder] = row;
  return {
    itemId,
    reorderPoint,
    archived: archived !== 0,
    onHand,
    reserved,
    onOrder,
    projected: onHand - reserved + onOrder,
  };
}

function toState(row: StateRow): LowStockState | undefined {
  const [itemId, below, episode, alertedAt, snoozedUntil, snoozedBy, draftPoId, draftedBy] = row;
  if (itemId === null) return undefined;
  return {
    itemId,
    below: below === 1,
    episode: episode ?? 0,
    alertedAt,
    snoozedUntil,
    snoozedBy,
    draftPoId,
    draftedBy,
  };
}

/** A pending check: the item's figures now, its remembered state, and whether a move asked for it. */
export interface PendingCheck {
  figures: LowStockFigures;
  state: LowStockState | undefined;
  mayAlert: boolean;
}

/**
 * The first `limit` items the triggers asked to look at (in item order), with figures and state,
 * in one statement; `through` is the last check read, so the caller can delete exactly those.
 */
export function readPendingChecks(db: Db, limit: number): { checks: PendingCheck[]; through: number } {
  const rows = db.$client
    .prepare(
      `select c.item_id, c.may_alert, ${figureColumns}, ${stateColumns}
         from (select item_id, may_alert from low_stock_checks order by item_id limit ?) c
         left join items i on i.id = c.item_id
         left join item_valuations v on v.item_id = i.id
         left join low_stock_states s on s.item_id = i.id
        order by c.item_id`,
    )
    .raw()
    .all(limit) as [number, number, ...FigureRow, ...StateRow][];
  const checks = rows
    .filter((row) => row[2] !== null)
    .map((row) => ({
      mayAlert: row[1] === 1,
      figures: toFigures(row.slice(2, 8) as FigureRow),
      state: toState(row.slice(8) as StateRow),
    }));
  return { checks, through: rows.at(-1)?.[0] ?? 0 };
}

/** Every active item at or below its reorder point now, most urgent (furthest below) first. */
export function readLowItems(db: Db): (LowStockFigures & { snoozedUntil: number | null })[] {
  const rows = db.$client
    .prepare(
      `select ${figureColumns}, s.snoozed_until
         from items i left join item_valuations v on v.item_id = i.id
         left join low_stock_states s on s.item_id = i.id
        where i.archived = 0 and i.reorder_point is not null`,
    )
    .raw()
    .all() as [...FigureRow, number | null][];
  return rows
    .map((row) => ({ ...toFigures(row.slice(0, 6) as FigureRow), snoozedUntil: row[6] }))
    .filter(isLow)
    .sort(
      (a, b) =>
        a.projected - (a.reorderPoint ?? 0) - (b.projected - (b.reorderPoint ?? 0)) || a.itemId - b.itemId,
    );
}

/** One item's figures and state, for its alert message and buttons. */
export function readItemLowStock(
  db: Db,
  itemId: number,
): { figures: LowStockFigures; state: LowStockState | undefined } | undefined {
  const row = db.$client
    .prepare(
      `select ${figureColumns}, ${stateColumns}
         from items i left join item_valuations v on v.item_id = i.id
         left join low_stock_states s on s.item_id = i.id
        where i.id = ?`,
    )
    .raw()
    .get(itemId) as [...FigureRow, ...StateRow] | undefined;
  if (!row) return undefined;
  return { figures: toFigures(row.slice(0, 6) as FigureRow), state: toState(row.slice(6) as StateRow) };
}
