import type { Db } from "../../../db/client.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { transferStock } from "../stock/index.ts";
import { planSlotting, type SlotBin, type SlotHolding, type SlottingPlan } from "./slotting-rule.ts";

/** Picks are counted over this many days back from now. */
export const slottingWindowDays = 90;
const dayMs = 86_400_000;

/** A warehouse's slotting plan with the bins it speaks of. */
export interface WarehouseSlotting {
  warehouse: { id: number; code: string; name: string; nameZh: string | null };
  bins: Map<number, SlotBin>;
  plan: SlottingPlan;
  windowDays: number;
}

/**
 * Reads one warehouse set-based (its bins, the stock in them, and per bin the picks of the last
 * 90 days: issue moves, one per line picked) and plans its slotting; nothing is read per item.
 * Read-only: moves happen one by one through the suggestions' buttons.
 */
export function suggestSlotting(
  db: Db,
  now: number,
  warehouse: WarehouseSlotting["warehouse"],
  userId: string,
): WarehouseSlotting {
  requirePermission(db, userId, "stock.slotting");
  const sqlite = db.$client;
  const bins = (
    sqlite
      .prepare("select id, code, rank, capacity from locations where warehouse_id = ? and archived = 0")
      .raw()
      .all(warehouse.id) as [number, string, number | null, number | null][]
  ).map(([id, code, rank, capacity]): SlotBin => ({ id, code, rank, capacity }));
  // A big warehouse is read by scanning the balances in table order: following the bin index to
  // each row costs ten times more per row once the warehouse holds a good share of the stock.
  const allBins = Number(sqlite.prepare("select count(*) from locations").pluck().get());
  const scan = bins.length * 10 >= allBins ? "not indexed" : "";
  const holdings: SlotHolding[] = [];
  for (const [itemId, binId, lotKey, onHand, reserved] of sqlite
    .prepare(
      `select item_id, location_id, lot_key, on_hand, reserved from stock_balances ${scan}
        where on_hand > 0 and location_id in (select id from locations where warehouse_id = ? and archived = 0)`,
    )
    .raw()
    .iterate(warehouse.id) as Iterable<[number, number, number, number, number]>) {
    holdings.push({ itemId, binId, lotKey, onHand, reserved });
  }
  // One range of the issues-only index per bin (a warehouse has tens or hundreds of bins), counted
  // here: SQLite would otherwise sort every line to group it.
  const picks = new Map<number, number>();
  const picked = sqlite
    .prepare(
      "select item_id from stock_moves where reason = 'issue' and location_id = ? and at >= ? and at < ?",
    )
    .pluck();
  const from = now - slottingWindowDays * dayMs;
  for (const bin of bins) {
    for (const itemId of picked.iterate(bin.id, from, now) as Iterable<number>) {
      picks.set(itemId, (picks.get(itemId) ?? 0) + 1);
    }
  }
  return {
    warehouse,
    bins: new Map(bins.map((b) => [b.id, b])),
    plan: planSlotting({ bins, holdings, picks }),
    windowDays: slottingWindowDays,
  };
}

/** A suggestion as its Move button carries it: recomputed nothing, checked against stock now. */
export interface SlottingMoveInput {
  itemId: number;
  lotKey: number;
  fromBinId: number;
  toBinId: number;
  qty: number;
  targetLimit: number;
  userId: string;
}

/** What a Move click did, or why it moved nothing. */
export type SlottingMoveOutcome =
  | { kind: "moved"; qty: number }
  /** The source no longer holds what was suggested (moved already, picked from since). */
  | { kind: "changed"; now: number }
  /** The target has no room for it yet (a make-room move before it not done, or stock arrived). */
  | { kind: "no_room"; free: number };

/**
 * Performs one suggested move through the ledger's transfer (roles that may move stock), after
 * checking in the same transaction that the source still holds exactly what was suggested and
 * the target still has room for it. A second click finds the stock gone and moves nothing.
 */
export function performSlottingMove(db: Db, clock: Clock, input: SlottingMoveInput): SlottingMoveOutcome {
  requirePermission(db, input.userId, "stock.move");
  return db.transaction(
    () => {
      const sqlite = db.$client;
      const source = sqlite
        .prepare(
          "select on_hand, reserved from stock_balances where item_id = ? and location_id = ? and lot_key = ?",
        )
        .raw()
        .get(input.itemId, input.fromBinId, input.lotKey) as [number, number] | undefined;
      const movable = source ? source[0] - source[1] : 0;
      if (movable !== input.qty) return { kind: "changed", now: Math.max(0, movable) };
      const target = sqlite
        .prepare(
          `select l.capacity, coalesce((select sum(on_hand) from stock_balances b where b.location_id = l.id), 0)
             from locations l where l.id = ?`,
        )
        .raw()
        .get(input.toBinId) as [number | null, number] | undefined;
      if (!target) throw new JxcError("UNKNOWN_LOCATION", { code: String(input.toBinId), warehouse: "?" });
      const [capacity, held] = target;
      const limit = capacity ?? input.targetLimit;
      if (held + input.qty > limit) return { kind: "no_room", free: Math.max(0, limit - held) };
      transferStock(db, clock, {
        itemId: input.itemId,
        fromLocationId: input.fromBinId,
        toLocationId: input.toBinId,
        qty: input.qty,
        userId: input.userId,
        ...(input.lotKey === 0 ? {} : { lotId: input.lotKey }),
      });
      return { kind: "moved", qty: input.qty };
    },
    { behavior: "immediate" },
  );
}
