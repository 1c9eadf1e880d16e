import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, costLayers, itemValuations, stockBalances, stockMoves } from "../../db/schema.ts";
import {
  adjustStock,
  availableByItem,
  availableQty,
  checkBalances,
  getItemStock,
  issueStock,
  receiveStock,
  releaseReservation,
  reserveStock,
  returnFromCustomer,
  returnToSupplier,
  setOpeningStock,
  transferStock,
} from "../../src/domain/stock/index.ts";
import type { Tx } from "../../src/domain/stock/types.ts";
import {
  createStockFixture,
  expectJxcError,
  inTransaction,
  openLayers,
  type StockFixture,
  setAllowNegativeStock,
  snapshotStock,
  testContext,
  valuationOf,
} from "./fixtures/stock-fixture.ts";

let f: StockFixture;
beforeEach(() => {
  f = createStockFixture();
});

const run = <T>(fn: (tx: Tx) => T) => inTransaction(f.db, fn);
const receive = (itemId: number, locationId: number, qty: number, unitCost: number, lotId?: number) =>
  run((tx) => receiveStock(tx, testContext(), { itemId, locationId, qty, unitCost, lotId }));
const issue = (itemId: number, locationId: number, qty: number, lotId?: number) =>
  run((tx) => issueStock(tx, testContext(), { itemId, locationId, qty, lotId }));
const fromCustomer = (itemId: number, locationId: number, qty: number, originalMoveId: number) =>
  run((tx) => returnFromCustomer(tx, testContext(), { itemId, locationId, qty, originalMoveId }));
const toSupplier = (itemId: number, locationId: number, qty: number, originalMoveId: number) =>
  run((tx) => returnToSupplier(tx, testContext(), { itemId, locationId, qty, originalMoveId }));
const transfer = (itemId: number, fromLocationId: number, toLocationId: number, qty: number) =>
  transferStock(f.db, f.clock, { itemId, fromLocationId, toLocationId, qty, userId: "U1" });
const valuation = (itemId: number) => valuationOf(f.db, itemId);
const layers = (itemId: number) => openLayers(f.db, itemId);
const auditActions = () => f.db.select().from(auditLog).all();
const expectLedgerAgrees = () =>
  expect(checkBalances(f.db)).toEqual({ balanceDifferences: [], valuationDifferences: [] });

describe("O1 through the ledger", () => {
  it("moving average: 8 @ 10, 4 @ 16, deliver 10 (COGS 120), 2 @ 6 → 4 / 36", () => {
    const { avgItem, binA, binB } = f.ids;
    receive(avgItem, binA, 8, 1000);
    receive(avgItem, binB, 4, 1600);
    expect(valuation(avgItem)).toMatchObject({ qty: 12, value: 14400 });
    expect(issue(avgItem, binA, 8).cost + issue(avgItem, binB, 2).cost).toBe(12000);
    receive(avgItem, binA, 2, 600);
    expect(valuation(avgItem)).toMatchObject({ qty: 4, value: 3600 });
    expect(getItemStock(f.db, avgItem)).toMatchObject({ onHand: 4, value: 3600, averageUnitCost: 900 });
    expectLedgerAgrees();
  });

  it("FIFO: COGS 112 = 8×10 + 2×16, ending 4 / 44", () => {
    const { fifoItem, binA } = f.ids;
    receive(fifoItem, binA, 8, 1000);
    receive(fifoItem, binA, 4, 1600);
    expect(issue(fifoItem, binA, 10).cost).toBe(11200);
    expect(layers(fifoItem)).toEqual([{ qty: 2, value: 3200 }]);
    receive(fifoItem, binA, 2, 600);
    expect(valuation(fifoItem)).toMatchObject({ qty: 4, value: 4400 });
    expectLedgerAgrees();
  });
});

describe("receiveStock / issueStock", () => {
  it("writes the signed ledger row and the balance", () => {
    const { avgItem, binA } = f.ids;
    const { moveId, value } = receive(avgItem, binA, 5, 250);
    expect(value).toBe(1250);
    const issued = issue(avgItem, binA, 2);
    const moves = f.db.select().from(stockMoves).all();
    expect(moves.map((m) => [m.id, m.qty, m.value, m.reason])).toEqual([
      [moveId, 5, 1250, "receipt"],
      [issued.moveId, -2, -500, "issue"],
    ]);
    expect(f.db.select().from(stockBalances).all()).toMatchObject([{ onHand: 3, reserved: 0, lotKey: 0 }]);
  });

  it.each([
    [0, "zero"],
    [-3, "negative"],
    [1.5, "fractional"],
    [1_000_000_001, "too_large"],
    [Number.NaN, "not_a_number"],
  ])("refuses quantity %s (%s) and writes nothing", (qty, problem) => {
    const { avgItem, binA } = f.ids;
    receive(avgItem, binA, 5, 100);
    const before = snapshotStock(f.db);
    expectJxcError(() => receive(avgItem, binA, qty, 100), "INVALID_QUANTITY", { problem });
    expectJxcError(() => issue(avgItem, binA, qty), "INVALID_QUANTITY", { problem });
    expect(snapshotStock(f.db)).toEqual(before);
  });

  it("refuses unknown items, locations and lots, and bad money, writing nothing", () => {
    const { avgItem, fifoItem, binA, fifoLot } = f.ids;
    const before = snapshotStock(f.db);
    expectJxcError(() => receive(9999, binA, 1, 1), "UNKNOWN_ITEM");
    expectJxcError(() => receive(avgItem, 9999, 1, 1), "UNKNOWN_LOCATION");
    expectJxcError(() => receive(avgItem, binA, 1, -1), "INVALID_MONEY", { problem: "negative" });
    expectJxcError(() => receive(avgItem, binA, 1, 0.5), "INVALID_MONEY");
    expectJxcError(() => receive(avgItem, binA, 1_000_000, 2 ** 50), "INVALID_MONEY", {
      problem: "too_large",
    });
    expectJxcError(() => receive(avgItem, binA, 1, 1, fifoLot), "NOT_FOUND"); // a lot of another item
    expectJxcError(() => issue(fifoItem, 9999, 1), "UNKNOWN_LOCATION");
    expect(snapshotStock(f.db)).toEqual(before);
  });

  it("refuses to go below zero at a location unless the company allows it", () => {
    const { avgItem, binA, binB } = f.ids;
    receive(avgItem, binA, 5, 100);
    const before = snapshotStock(f.db);
    expectJxcError(() => issue(avgItem, binA, 6), "INSUFFICIENT_STOCK", {
      sku: "SKU-AVG",
      available: 5,
      requested: 6,
    });
    // Company-wide there are 5, but none at bin B.
    expectJxcError(() => issue(avgItem, binB, 1), "INSUFFICIENT_STOCK", { available: 0, requested: 1 });
    expect(snapshotStock(f.db)).toEqual(before);
    setAllowNegativeStock(f.db, true);
    expect(issue(avgItem, binA, 8).cost).toBe(800);
    expect(getItemStock(f.db, avgItem)).toMatchObject({ onHand: -3, value: -300 });
    expectLedgerAgrees();
  });

  it("settles negative stock on the next receipt so zero stock has zero value", () => {
    setAllowNegativeStock(f.db, true);
    for (const itemId of [f.ids.avgItem, f.ids.fifoItem]) {
      receive(itemId, f.ids.binA, 2, 100);
      issue(itemId, f.ids.binA, 5); // 3 below zero, estimated at 100 each
      receive(itemId, f.ids.binA, 3, 150); // the real cost: 150 → 150 revaluation
      expect(valuation(itemId)).toMatchObject({ qty: 0, value: 0 });
      receive(itemId, f.ids.binA, 4, 150);
      expect(valuation(itemId)).toMatchObject({ qty: 4, value: 600 });
    }
    const revalues = f.db.select().from(stockMoves).where(eq(stockMoves.reason, "revalue")).all();
    expect(revalues.map((m) => [m.qty, m.value])).toEqual([
      [0, -150],
      [0, -150],
    ]);
    expect(layers(f.ids.fifoItem)).toEqual([{ qty: 4, value: 600 }]);
    expectLedgerAgrees();
  });

  it("keeps lots apart: an issue may not take another lot's stock", () => {
    const { fifoItem, binA, fifoLot } = f.ids;
    receive(fifoItem, binA, 3, 10, fifoLot);
    receive(fifoItem, binA, 5, 10);
    expectJxcError(() => issue(fifoItem, binA, 4, fifoLot), "INSUFFICIENT_STOCK", { available: 3 });
    expect(getItemStock(f.db, fifoItem)).toMatchObject({ onHand: 8, locations: [{ onHand: 8 }] });
    expectLedgerAgrees();
  });
});

describe("returns", () => {
  it("a customer return comes back at the unit cost it went out at", () => {
    const { avgItem, binA, binB } = f.ids;
    receive(avgItem, binA, 3, 100);
    const out = issue(avgItem, binA, 3);
    receive(avgItem, binA, 1, 400);
    const back = fromCustomer(avgItem, binB, 2, out.moveId);
    expect(back.value).toBe(200);
    expect(valuation(avgItem)).toMatchObject({ qty: 3, value: 600 });
    expectJxcError(() => fromCustomer(avgItem, binB, 4, out.moveId), "INVALID_QUANTITY", {
      problem: "too_large",
    });
    expectJxcError(() => fromCustomer(avgItem, binB, 1, back.moveId), "NOT_FOUND");
    expectLedgerAgrees();
  });

  it("a supplier return leaves at the cost it came in at (FIFO takes that receipt's layer)", () => {
    const { fifoItem, avgItem, binA } = f.ids;
    receive(fifoItem, binA, 5, 100);
    const second = receive(fifoItem, binA, 5, 300);
    const fifoBack = toSupplier(fifoItem, binA, 2, second.moveId);
    expect(fifoBack.cost).toBe(600);
    expect(layers(fifoItem)).toEqual([
      { qty: 5, value: 500 },
      { qty: 3, value: 900 },
    ]);
    receive(avgItem, binA, 5, 100);
    const avgSecond = receive(avgItem, binA, 5, 300);
    const avgBack = toSupplier(avgItem, binA, 5, avgSecond.moveId);
    expect(avgBack.cost).toBe(1500);
    expect(valuation(avgItem)).toMatchObject({ qty: 5, value: 500 });
    expectLedgerAgrees();
  });
});

describe("transferStock", () => {
  it("moves the same value out and in, leaving totals and FIFO layers alone", () => {
    const { fifoItem, avgItem, binA, binC } = f.ids;
    receive(fifoItem, binA, 4, 100);
    receive(fifoItem, binA, 4, 200);
    receive(avgItem, binA, 3, 100);
    const layersBefore = f.db.select().from(costLayers).all();
    expect(transfer(fifoItem, binA, binC, 6)).toEqual({ value: 800 });
    expect(transfer(avgItem, binA, binC, 2)).toEqual({ value: 200 });
    expect(f.db.select().from(costLayers).all()).toEqual(layersBefore);
    expect(valuation(fifoItem)).toMatchObject({ qty: 8, value: 1200 });
    expect(valuation(avgItem)).toMatchObject({ qty: 3, value: 300 });
    const stock = getItemStock(f.db, fifoItem);
    expect(stock.locations.map((l) => [l.warehouseCode, l.locationCode, l.onHand])).toEqual([
      ["MAIN", "A-01", 2],
      ["WH2", "C-01", 6],
    ]);
    expect(auditActions().filter((a) => a.action === "stock.transfer")).toHaveLength(2);
    expectLedgerAgrees();
  });

  it("refuses bad input and short stock, writing nothing", () => {
    const { avgItem, binA, binB } = f.ids;
    receive(avgItem, binA, 3, 100);
    const before = snapshotStock(f.db);
    const base = { itemId: avgItem, fromLocationId: binA, toLocationId: binB, qty: 1, userId: "U1" };
    expectJxcError(() => transferStock(f.db, f.clock, { ...base, qty: 4 }), "INSUFFICIENT_STOCK", {
      available: 3,
    });
    expectJxcError(() => transferStock(f.db, f.clock, { ...base, qty: 0 }), "INVALID_QUANTITY");
    expectJxcError(() => transferStock(f.db, f.clock, { ...base, toLocationId: binA }), "INVALID_INPUT");
    expectJxcError(() => transferStock(f.db, f.clock, { ...base, toLocationId: 9999 }), "UNKNOWN_LOCATION");
    expectJxcError(() => transferStock(f.db, f.clock, { ...base, itemId: 9999 }), "UNKNOWN_ITEM");
    expect(snapshotStock(f.db)).toEqual(before);
  });
});

describe("setOpeningStock", () => {
  const opening = (qty: number, unitCost: number, locationId = f.ids.binA, itemId = f.ids.fifoItem) =>
    setOpeningStock(f.db, f.clock, { itemId, locationId, qty, unitCost, userId: "UIMPORT" });

  it("sets rather than adds: the same figures twice change nothing", () => {
    expect(opening(10, 500)).toEqual({ changed: true });
    const before = snapshotStock(f.db);
    expect(opening(10, 500)).toEqual({ changed: false });
    expect(snapshotStock(f.db)).toEqual(before);
    expect(auditActions().map((a) => [a.action, a.entityId, a.actor])).toEqual([
      ["stock.opening", "SKU-FIFO", "UIMPORT"],
    ]);
  });

  it("before any trading, a corrected import rebuilds valuation and layers exactly", () => {
    opening(10, 500);
    opening(4, 200, f.ids.binC);
    expect(opening(6, 700)).toEqual({ changed: true });
    expect(valuation(f.ids.fifoItem)).toMatchObject({ qty: 10, value: 5000 });
    expect(layers(f.ids.fifoItem)).toEqual([
      { qty: 6, value: 4200 },
      { qty: 4, value: 800 },
    ]);
    expect(opening(6, 700)).toEqual({ changed: false });
    expectLedgerAgrees();
  });

  it("after trading, only the difference in units moves and a re-import is still a no-op", () => {
    const { avgItem, binA } = f.ids;
    opening(10, 100, binA, avgItem);
    issue(avgItem, binA, 4);
    expect(opening(12, 150, binA, avgItem)).toEqual({ changed: true });
    expect(valuation(avgItem)).toMatchObject({ qty: 8, value: 900 });
    expect(opening(12, 150, binA, avgItem)).toEqual({ changed: false });
    expect(opening(7, 150, binA, avgItem)).toEqual({ changed: true });
    expect(valuation(avgItem)).toMatchObject({ qty: 3 });
    expectJxcError(() => opening(0, 150, binA, avgItem), "INSUFFICIENT_STOCK", {
      available: 3,
      requested: 7,
    });
    expectLedgerAgrees();
  });

  it("refuses bad input, writing nothing", () => {
    const before = snapshotStock(f.db);
    expectJxcError(() => opening(-1, 100), "INVALID_QUANTITY", { problem: "negative" });
    expectJxcError(() => opening(2.5, 100), "INVALID_QUANTITY", { problem: "fractional" });
    expectJxcError(() => opening(2, -100), "INVALID_MONEY");
    expectJxcError(() => opening(2, 100, 9999), "UNKNOWN_LOCATION");
    expectJxcError(() => opening(2, 100, f.ids.binA, 9999), "UNKNOWN_ITEM");
    expect(snapshotStock(f.db)).toEqual(before);
  });
});

describe("adjustStock", () => {
  const adjust = (
    qtyDelta: number,
    reason: "damaged" | "lost" | "found" | "count" | "other",
    unitCost?: number,
  ) =>
    adjustStock(f.db, f.clock, {
      itemId: f.ids.avgItem,
      locationId: f.ids.binA,
      qtyDelta,
      reason,
      unitCost,
      userId: "UK",
      note: "n",
    });

  it("removes and adds stock with the matching reason, value and audit row", () => {
    receive(f.ids.avgItem, f.ids.binA, 4, 250);
    expect(adjust(-1, "damaged").value).toBe(-250);
    expect(adjust(2, "found").value).toBe(500); // no price given: the current unit cost
    expect(adjust(1, "count", 100).value).toBe(100);
    expect(
      f.db
        .select()
        .from(stockMoves)
        .all()
        .map((m) => m.reason),
    ).toEqual(["receipt", "adjust_damaged", "adjust_found", "adjust_count"]);
    const audits = auditActions();
    expect(audits.map((a) => a.action)).toEqual(["stock.adjust", "stock.adjust", "stock.adjust"]);
    expect(audits[0]).toMatchObject({
      actor: "UK",
      entity: "item",
      entityId: "SKU-AVG",
      before: { onHand: 4 },
    });
    expect(audits[0]?.after).toMatchObject({
      onHand: 3,
      qtyDelta: -1,
      reason: "damaged",
      value: -250,
      note: "n",
    });
    expectLedgerAgrees();
  });

  it("refuses zero, the wrong direction and short stock, writing nothing", () => {
    receive(f.ids.avgItem, f.ids.binA, 1, 100);
    const before = snapshotStock(f.db);
    expectJxcError(() => adjust(0, "count"), "INVALID_QUANTITY", { problem: "zero" });
    expectJxcError(() => adjust(-1.5, "count"), "INVALID_QUANTITY", { problem: "fractional" });
    expectJxcError(() => adjust(-2e9, "count"), "INVALID_QUANTITY", { problem: "too_large" });
    expectJxcError(() => adjust(-1, "found"), "INVALID_QUANTITY", { problem: "negative" });
    expectJxcError(() => adjust(1, "lost"), "INVALID_INPUT");
    expectJxcError(() => adjust(-2, "lost"), "INSUFFICIENT_STOCK", { available: 1, requested: 2 });
    expect(snapshotStock(f.db)).toEqual(before);
  });
});

describe("reservations and getItemStock", () => {
  const input = (qty: number) => ({ itemId: f.ids.avgItem, locationId: f.ids.binA, qty, userId: "USALES" });

  it("holds stock without moving it; available is derived", () => {
    receive(f.ids.avgItem, f.ids.binA, 10, 100);
    reserveStock(f.db, f.clock, input(4));
    expect(getItemStock(f.db, f.ids.avgItem)).toMatchObject({
      onHand: 10,
      reserved: 4,
      available: 6,
      value: 1000,
      averageUnitCost: 100,
      locations: [{ warehouseCode: "MAIN", locationCode: "A-01", onHand: 10, reserved: 4, available: 6 }],
    });
    const before = snapshotStock(f.db);
    expectJxcError(() => reserveStock(f.db, f.clock, input(7)), "INSUFFICIENT_STOCK", {
      available: 6,
      requested: 7,
    });
    expectJxcError(() => releaseReservation(f.db, f.clock, input(5)), "INVALID_QUANTITY", {
      problem: "too_large",
    });
    expectJxcError(() => reserveStock(f.db, f.clock, input(0)), "INVALID_QUANTITY");
    expectJxcError(() => reserveStock(f.db, f.clock, { ...input(1), locationId: 9999 }), "UNKNOWN_LOCATION");
    expect(snapshotStock(f.db)).toEqual(before);
    expect(availableQty(f.db, f.ids.avgItem)).toBe(6);
    expect(availableQty(f.db, f.ids.fifoItem)).toBe(0);
    releaseReservation(f.db, f.clock, input(4));
    expect(getItemStock(f.db, f.ids.avgItem)).toMatchObject({ reserved: 0, available: 10 });
    expect(availableQty(f.db, f.ids.avgItem)).toBe(10);
    expect(auditActions().map((a) => [a.action, a.before, a.after])).toEqual([
      ["stock.reserve", { locationId: f.ids.binA, reserved: 0 }, { locationId: f.ids.binA, reserved: 4 }],
      ["stock.release", { locationId: f.ids.binA, reserved: 4 }, { locationId: f.ids.binA, reserved: 0 }],
    ]);
  });

  it("gives several items' available quantity in one read, as availableQty gives each", () => {
    const { avgItem, fifoItem, binA, binB } = f.ids;
    receive(avgItem, binA, 10, 100);
    receive(avgItem, binB, 5, 100);
    receive(fifoItem, binB, 3, 100);
    reserveStock(f.db, f.clock, input(4));
    reserveStock(f.db, f.clock, { ...input(2), locationId: binB });
    issue(avgItem, binB, 1);
    const many = availableByItem(f.db, [fifoItem, avgItem, 9999]);
    expect([...many]).toEqual([
      [fifoItem, 3],
      [avgItem, 8],
      [9999, 0],
    ]);
    expect(many.get(avgItem)).toBe(availableQty(f.db, avgItem));
    expect(availableByItem(f.db, [])).toEqual(new Map());
  });

  it("shows nothing for an item never stocked and refuses unknown items", () => {
    expect(getItemStock(f.db, f.ids.fifoItem)).toEqual({
      locations: [],
      onHand: 0,
      reserved: 0,
      available: 0,
      value: 0,
      averageUnitCost: undefined,
    });
    expectJxcError(() => getItemStock(f.db, 9999), "UNKNOWN_ITEM");
  });
});

describe("checkBalances", () => {
  it("reports balances, valuations and layers that drift from the ledger", () => {
    receive(f.ids.fifoItem, f.ids.binA, 3, 100);
    expectLedgerAgrees();
    f.db.update(stockBalances).set({ onHand: 2 }).run();
    f.db.update(itemValuations).set({ value: 301 }).run();
    f.db.update(costLayers).set({ valueRemaining: 299 }).run();
    const report = checkBalances(f.db);
    expect(report.balanceDifferences).toEqual([
      { itemId: f.ids.fifoItem, locationId: f.ids.binA, lotKey: 0, ledgerOnHand: 3, balanceOnHand: 2 },
    ]);
    expect(report.valuationDifferences.map((d) => [d.problem, d.storedQty, d.storedValue])).toEqual([
      ["valuation", 3, 301],
      ["layers", 3, 299],
    ]);
  });
});
