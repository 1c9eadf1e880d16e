import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { roleAssignments } from "../../db/schema.ts";
import { performSlottingMove, suggestSlotting } from "../../src/domain/slotting/slotting.ts";
import {
  classifyItems,
  maxSlottingMoves,
  planSlotting,
  type SlotBin,
  type SlotHolding,
  type SlottingPlan,
} from "../../src/domain/slotting/slotting-rule.ts";
import { issueStock, receiveStock } from "../../src/domain/stock/index.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const bin = (id: number, rank: number | null, capacity: number | null): SlotBin => ({
  id,
  code: `R${id}`,
  rank,
  capacity,
});
const at = (itemId: number, binId: number, onHand: number, reserved = 0): SlotHolding => ({
  itemId,
  binId,
  lotKey: 0,
  onHand,
  reserved,
});
const picks = (entries: [number, number][]) => new Map(entries);
const movesOf = (plan: SlottingPlan) =>
  plan.kind === "plan"
    ? plan.moves.map((m) => `${m.reason} ${m.itemId}: ${m.fromBinId}→${m.toBinId} ×${m.qty}`)
    : plan.kind;

describe("slotting rules, by hand", () => {
  it("classes A as the items that make the first 80% of picks, B the next 15%, C the rest", () => {
    const classes = classifyItems(
      picks([
        [1, 50],
        [2, 30],
        [3, 15],
        [4, 5],
        [5, 0],
      ]),
    );
    expect([...classes.entries()]).toEqual([
      [1, { cls: "A", picks: 50, position: 1 }],
      [2, { cls: "A", picks: 30, position: 2 }],
      [3, { cls: "B", picks: 15, position: 3 }],
      [4, { cls: "C", picks: 5, position: 4 }],
    ]);
  });

  it("brings a fast mover from the back into the nearest bin with room, and leaves the rest alone", () => {
    // Item 1 is A (all the picks); A holds 30 units → bin 1 (cap 50) is the A zone.
    const plan = planSlotting({
      bins: [bin(1, 1, 50), bin(2, 2, 50), bin(3, 3, 50)],
      holdings: [at(1, 3, 30), at(2, 2, 40)],
      picks: picks([[1, 120]]),
    });
    expect(movesOf(plan)).toEqual(["closer 1: 3→1 ×30"]);
    expect(plan.kind === "plan" && plan.moves[0]?.targetLimit).toBe(50);
  });

  it("makes room near the door by moving a slow item back first, within capacity", () => {
    // Bin 1 holds 45 of a slow item (room 5); the fast item's 30 do not fit until it leaves.
    const plan = planSlotting({
      bins: [bin(1, 1, 50), bin(2, 2, 50), bin(3, 3, 50)],
      holdings: [at(1, 3, 30), at(2, 1, 45)],
      picks: picks([[1, 120]]),
    });
    expect(movesOf(plan)).toEqual(["make_room 2: 1→2 ×45", "closer 1: 3→1 ×30"]);
    expect(plan.kind === "plan" && plan.moves[0]?.forItemId).toBe(1);
  });

  it("never overfills a bin: when nothing nearer has room and nothing can make room, it stays", () => {
    const plan = planSlotting({
      bins: [bin(1, 1, 50), bin(2, 2, 40), bin(3, 3, 30)],
      // The slow item fills bin 1 and could only go to bin 2, which is full of another slow item.
      holdings: [at(1, 3, 30), at(2, 1, 50), at(3, 2, 40)],
      picks: picks([[1, 120]]),
    });
    expect(movesOf(plan)).toEqual([]);
    expect(plan).toMatchObject({ kind: "plan", stuck: 1 });
  });

  it("takes a bin without a capacity as full as it is: only what moves out makes room", () => {
    const plan = planSlotting({
      bins: [bin(1, 1, null), bin(2, 2, null), bin(3, 3, 100)],
      // A (item 1) in bin 3; C item 2 fills bin 1; bin 3 has room for the C item once asked.
      holdings: [at(1, 3, 30), at(2, 1, 30), at(3, 2, 10)],
      picks: picks([
        [1, 120],
        [3, 1],
      ]),
    });
    // Item 2 (no picks) leaves bin 1 for bin 3, which has room; item 1 takes its place (30 ≤ 30).
    expect(movesOf(plan)).toEqual(["make_room 2: 1→3 ×30", "closer 1: 3→1 ×30"]);
    expect(plan).toMatchObject({ kind: "plan", binsWithoutCapacity: 2 });
  });

  it("moves only what is not reserved, and nothing of stock all held for orders", () => {
    const plan = planSlotting({
      bins: [bin(1, 1, 100), bin(2, 2, 100)],
      holdings: [at(1, 2, 30, 10), at(2, 2, 20, 20)],
      picks: picks([
        [1, 100],
        [2, 100],
      ]),
    });
    expect(movesOf(plan)).toEqual(["closer 1: 2→1 ×20"]);
  });

  it("orders fast movers first: the nearest bin goes to the most picked", () => {
    const plan = planSlotting({
      bins: [bin(1, 1, 30), bin(2, 2, 30), bin(3, 3, 100), bin(4, null, null)],
      holdings: [at(1, 4, 30), at(2, 3, 30)],
      picks: picks([
        [2, 40],
        [1, 60],
      ]),
    });
    // Item 1 comes from an unranked bin (the farthest) into bin 1; item 2 into bin 2.
    expect(movesOf(plan)).toEqual(["closer 1: 4→1 ×30", "closer 2: 3→2 ×30"]);
    expect(plan).toMatchObject({ kind: "plan", unrankedBins: 1, counts: { A: 2, B: 0, C: 0 } });
  });

  it("says when bins have no rank or nothing was picked", () => {
    expect(
      planSlotting({ bins: [bin(1, null, 10)], holdings: [at(1, 1, 5)], picks: picks([[1, 3]]) }),
    ).toEqual({
      kind: "no_ranks",
      bins: 1,
    });
    expect(planSlotting({ bins: [bin(1, 1, 10)], holdings: [at(1, 1, 5)], picks: picks([]) })).toEqual({
      kind: "no_history",
    });
  });

  it("stops at the move limit and says there is more", () => {
    const many = Array.from({ length: maxSlottingMoves * 2 }, (_, i) => i + 1);
    const plan = planSlotting({
      bins: [bin(1, 1, 1_000_000), bin(2, 2, 1_000_000)],
      holdings: many.map((id) => at(id, 2, 1)),
      picks: picks(many.map((id) => [id, 10])),
    });
    expect(plan).toMatchObject({ kind: "plan", truncated: true });
    expect(plan.kind === "plan" && plan.moves.length).toBeLessThan(maxSlottingMoves);
  });
});

describe("slotting a warehouse from the ledger", () => {
  let f: StockFixture;
  const run = (sql: string, ...params: unknown[]) => f.db.$client.prepare(sql).run(...params);
  const day = 86_400_000;

  beforeEach(() => {
    f = createStockFixture();
    for (const [userId, role] of [
      ["UKEEPER", "warehouse_keeper"],
      ["USALES", "salesperson"],
    ] as const) {
      f.db.insert(roleAssignments).values({ userId, role, grantedBy: "U", grantedAt: 0 }).run();
    }
    // Bin A-01 is near the door, B-01 at the back; each holds 100.
    run("update locations set rank = 1, capacity = 100 where id = ?", f.ids.binA);
    run("update locations set rank = 2, capacity = 100 where id = ?", f.ids.binB);
    const now = f.clock.now();
    f.db.transaction((tx) => {
      const ctx = (t: number) => ({ userId: "UKEEPER", at: t, batchId: randomUUID() });
      receiveStock(tx, ctx(now - 100 * day), {
        itemId: f.ids.avgItem,
        locationId: f.ids.binB,
        qty: 60,
        unitCost: 10,
      });
      receiveStock(tx, ctx(now - 100 * day), {
        itemId: f.ids.fifoItem,
        locationId: f.ids.binA,
        qty: 30,
        unitCost: 10,
        lotId: f.ids.fifoLot,
      });
      // Three lines picked of the average item in the window, one outside it, one from another warehouse.
      for (const t of [now - 5 * day, now - 10 * day, now - 89 * day, now - 95 * day])
        issueStock(tx, ctx(t), { itemId: f.ids.avgItem, locationId: f.ids.binB, qty: 2 });
      receiveStock(tx, ctx(now - 100 * day), {
        itemId: f.ids.fifoItem,
        locationId: f.ids.binC,
        qty: 5,
        unitCost: 10,
        lotId: f.ids.fifoLot,
      });
      issueStock(tx, ctx(now - 3 * day), {
        itemId: f.ids.fifoItem,
        locationId: f.ids.binC,
        qty: 1,
        lotId: f.ids.fifoLot,
      });
    });
  });

  const warehouse = () => ({ id: f.ids.mainWarehouse, code: "MAIN", name: "MAIN", nameZh: null });

  it("counts picks as issue lines of the last 90 days in this warehouse and suggests the move", () => {
    const result = suggestSlotting(f.db, f.clock.now(), warehouse(), "UKEEPER");
    expect(result.plan).toMatchObject({ kind: "plan", totalPicks: 3, counts: { A: 1, B: 0, C: 0 } });
    expect(result.plan.kind === "plan" && result.plan.moves).toEqual([
      {
        itemId: f.ids.avgItem,
        lotKey: 0,
        fromBinId: f.ids.binB,
        toBinId: f.ids.binA,
        qty: 52,
        reason: "closer",
        targetLimit: 100,
      },
    ]);
    expectJxcError(() => suggestSlotting(f.db, f.clock.now(), warehouse(), "USALES"), "NOT_ALLOWED");
  });

  it("moves through the ledger once; a second click or changed stock moves nothing", () => {
    const result = suggestSlotting(f.db, f.clock.now(), warehouse(), "UKEEPER");
    const move = result.plan.kind === "plan" ? result.plan.moves[0] : undefined;
    if (!move) throw new Error("no move suggested");
    const input = { ...move, userId: "UKEEPER" };
    expectJxcError(() => performSlottingMove(f.db, f.clock, { ...input, userId: "USALES" }), "NOT_ALLOWED");
    // Room for 52 only: 30 already there, capacity 100 → 70 free. A tighter limit refuses it.
    run("update locations set capacity = 60 where id = ?", f.ids.binA);
    expect(performSlottingMove(f.db, f.clock, input)).toEqual({ kind: "no_room", free: 30 });
    run("update locations set capacity = 100 where id = ?", f.ids.binA);
    expect(performSlottingMove(f.db, f.clock, input)).toEqual({ kind: "moved", qty: 52 });
    expect(performSlottingMove(f.db, f.clock, input)).toEqual({ kind: "changed", now: 0 });
    const balances = f.db.$client
      .prepare(
        "select location_id as bin, on_hand as qty from stock_balances where item_id = ? order by location_id",
      )
      .all(f.ids.avgItem);
    expect(balances).toEqual([
      { bin: f.ids.binA, qty: 52 },
      { bin: f.ids.binB, qty: 0 },
    ]);
  });
});
