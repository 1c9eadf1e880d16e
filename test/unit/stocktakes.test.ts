import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  approvalRequests,
  auditLog,
  documentSequences,
  locations,
  outboxEvents,
  roleAssignments,
  stockMoves,
  stocktakeLines,
  stocktakes,
} from "../../db/schema.ts";
import { decideApproval } from "../../src/domain/approvals/index.ts";
import type { Role } from "../../src/domain/roles.ts";
import { adjustStock, issueStock, receiveStock, transferStock } from "../../src/domain/stock/index.ts";
import { measureAccuracy, ratioBp } from "../../src/domain/stocktakes/accuracy.ts";
import { cancelStocktake } from "../../src/domain/stocktakes/cancel.ts";
import { recordCounts } from "../../src/domain/stocktakes/count.ts";
import { finishStocktake } from "../../src/domain/stocktakes/finish.ts";
import { countFoundStock } from "../../src/domain/stocktakes/found.ts";
import { readCountSheet, readVarianceLines } from "../../src/domain/stocktakes/reads.ts";
import { type StocktakeScopeInput, startStocktake } from "../../src/domain/stocktakes/start.ts";
import {
  createStockFixture,
  expectJxcError,
  inTransaction,
  type StockFixture,
  snapshotStock,
  testContext,
} from "./fixtures/stock-fixture.ts";

const keeper = "UKEEPER";
const keeper2 = "UKEEPER2";
const supervisor = "USUPER";
const today = "2025-01-02";
let f: StockFixture;

function grant(userId: string, role: Role): void {
  f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
}

/** Stock in at ¥2.00 a piece (200 fen). */
function stockIn(itemId: number, locationId: number, qty: number): void {
  inTransaction(f.db, (tx) => receiveStock(tx, testContext(), { itemId, locationId, qty, unitCost: 200 }));
}

function start(scope: StocktakeScopeInput = { kind: "warehouse" }, warehouseId = f.ids.mainWarehouse) {
  return startStocktake(f.db, f.clock, { warehouseId, scope, userId: keeper });
}

function linesOf(stocktakeId: number) {
  return f.db
    .select()
    .from(stocktakeLines)
    .where(eq(stocktakeLines.stocktakeId, stocktakeId))
    .orderBy(stocktakeLines.lineNo)
    .all();
}

/** Counts lines by line number: { 1: 100, 3: 0 }. */
function count(stocktakeId: number, byLineNo: Record<number, number | null>, userId = keeper) {
  const lines = linesOf(stocktakeId);
  const entries = Object.entries(byLineNo).map(([lineNo, qty]) => {
    const line = lines.find((l) => l.lineNo === Number(lineNo));
    if (!line) throw new Error(`no line ${lineNo}`);
    return { lineId: line.id, qty };
  });
  return recordCounts(f.db, f.clock, { stocktakeId, userId, entries });
}

function onHand(itemId: number, locationId: number): number {
  const row = f.db.$client
    .prepare(
      "select coalesce(sum(on_hand), 0) as qty from stock_balances where item_id = ? and location_id = ?",
    )
    .get(itemId, locationId) as { qty: number };
  return row.qty;
}

function writtenRows() {
  return {
    ...snapshotStock(f.db),
    stocktakes: f.db.select().from(stocktakes).all(),
    lines: f.db.select().from(stocktakeLines).all(),
    events: f.db.select().from(outboxEvents).all(),
    sequences: f.db.select().from(documentSequences).all(),
  };
}

beforeEach(() => {
  f = createStockFixture();
  grant(supervisor, "warehouse_supervisor");
});

describe("starting a count", () => {
  it("snapshots every item × bin with stock in walking order, and tells the thread", () => {
    stockIn(f.ids.avgItem, f.ids.binB, 50);
    stockIn(f.ids.fifoItem, f.ids.binA, 10);
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binC, 7);
    const started = start();
    expect(started).toMatchObject({ number: "CNT-000001", lines: 3 });
    const lines = linesOf(started.id);
    expect(lines.map((l) => [l.lineNo, l.locationId, l.itemId, l.snapshotQty, l.countedQty])).toEqual([
      [1, f.ids.binA, f.ids.avgItem, 100, null],
      [2, f.ids.binA, f.ids.fifoItem, 10, null],
      [3, f.ids.binB, f.ids.avgItem, 50, null],
    ]);
    const lastMove = f.db.$client.prepare("select max(id) as id from stock_moves").get() as { id: number };
    expect(new Set(lines.map((l) => l.snapshotMoveId))).toEqual(new Set([lastMove.id]));
    const events = f.db.select().from(outboxEvents).all();
    expect(events.map((e) => [e.type, e.docType, e.docId])).toEqual([
      ["stocktake.started", "stocktake", started.id],
    ]);
    const audit = f.db.select().from(auditLog).where(eq(auditLog.action, "stocktake.start")).all();
    expect(audit).toHaveLength(1);
  });

  it("counts one zone (named in any case), some bins or some items", () => {
    f.db.update(locations).set({ zone: "A" }).where(eq(locations.id, f.ids.binA)).run();
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.fifoItem, f.ids.binB, 10);
    const zone = start({ kind: "zone", zone: "a" });
    expect(linesOf(zone.id).map((l) => l.locationId)).toEqual([f.ids.binA]);
    expect(f.db.select().from(stocktakes).get()?.scopeLabel).toBe("A");
    cancelStocktake(f.db, f.clock, { stocktakeId: zone.id, userId: keeper, mayCancelAny: false });
    const bins = start({ kind: "bins", locationIds: [f.ids.binB] });
    expect(linesOf(bins.id).map((l) => l.itemId)).toEqual([f.ids.fifoItem]);
    const itemsCount = start({ kind: "items", itemIds: [f.ids.avgItem] });
    expect(linesOf(itemsCount.id).map((l) => [l.itemId, l.locationId])).toEqual([
      [f.ids.avgItem, f.ids.binA],
    ]);
  });

  it("refuses an unknown zone, a bin of another warehouse and a scope without stock, writing nothing", () => {
    f.db.update(locations).set({ zone: "A" }).where(eq(locations.id, f.ids.binA)).run();
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    const before = writtenRows();
    expectJxcError(() => start({ kind: "zone", zone: "Z" }), "UNKNOWN_ZONE", { zone: "Z", known: "A" });
    expectJxcError(() => start({ kind: "bins", locationIds: [f.ids.binC] }), "UNKNOWN_LOCATION");
    expectJxcError(() => start({ kind: "bins", locationIds: [f.ids.binB] }), "NOTHING_TO_COUNT");
    expectJxcError(
      () => start({ kind: "items", itemIds: [f.ids.avgItem, f.ids.fifoItem] }),
      "NOTHING_TO_COUNT",
      {
        what: "SKU-FIFO · MAIN",
      },
    );
    expectJxcError(() => start({ kind: "warehouse" }, f.ids.secondWarehouse), "NOTHING_TO_COUNT");
    expect(writtenRows()).toEqual(before);
  });

  it("refuses a second open count over the same item × bin, naming the open one", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binB, 100);
    const first = start({ kind: "bins", locationIds: [f.ids.binA] });
    const before = writtenRows();
    expectJxcError(() => start({ kind: "items", itemIds: [f.ids.avgItem] }), "COUNT_OVERLAP", {
      number: "CNT-000001",
      sku: "SKU-AVG",
      place: "MAIN/A-01",
    });
    expectJxcError(() => start(), "COUNT_OVERLAP");
    expect(writtenRows()).toEqual(before);
    expect(start({ kind: "bins", locationIds: [f.ids.binB] }).number).toBe("CNT-000002");
    cancelStocktake(f.db, f.clock, { stocktakeId: first.id, userId: keeper, mayCancelAny: false });
    expect(start({ kind: "bins", locationIds: [f.ids.binA] }).number).toBe("CNT-000003");
  });
});

describe("counting blind", () => {
  it("the count sheet carries no system quantity", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 1234);
    const { id } = start();
    const [line] = readCountSheet(f.db, id, 0, 30);
    expect(line).toMatchObject({ lineNo: 1, bin: "A-01", sku: "SKU-AVG", countedQty: null });
    expect(JSON.stringify(line)).not.toContain("1234");
  });

  it("saves counts, recounts, clears, and refuses bad quantities without saving any", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.fifoItem, f.ids.binA, 10);
    const { id } = start();
    expect(count(id, { 1: 98 })).toMatchObject({ number: "CNT-000001", changed: 1, counted: 1, total: 2 });
    const firstMoment = linesOf(id)[0]?.countedMoveId;
    stockIn(f.ids.fifoItem, f.ids.binB, 1);
    // Saving the same number again changes nothing, not even the moment it was counted.
    expect(count(id, { 1: 98, 2: 0 })).toMatchObject({ changed: 1, counted: 2 });
    expect(linesOf(id)[0]?.countedMoveId).toBe(firstMoment);
    expect(linesOf(id)[1]?.countedMoveId).toBeGreaterThan(firstMoment ?? 0);
    expect(count(id, { 1: null, 2: 0 })).toMatchObject({ changed: 1, counted: 1 });
    expect(linesOf(id)[0]).toMatchObject({ countedQty: null, countedBy: null });
    const before = writtenRows();
    expectJxcError(() => count(id, { 1: 5, 2: -1 }), "INVALID_QUANTITY", { problem: "negative" });
    expect(writtenRows()).toEqual(before);
    const events = f.db.select().from(outboxEvents).where(eq(outboxEvents.type, "stocktake.counted")).all();
    expect(events.map((e) => e.payload)).toEqual([
      { number: "CNT-000001", changed: 1, counted: 1, total: 2, owner: keeper },
      { number: "CNT-000001", changed: 1, counted: 2, total: 2, owner: keeper },
      { number: "CNT-000001", changed: 1, counted: 1, total: 2, owner: keeper },
    ]);
  });

  it("refuses lines of another count and counts that are no longer open", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binB, 100);
    const a = start({ kind: "bins", locationIds: [f.ids.binA] });
    const b = start({ kind: "bins", locationIds: [f.ids.binB] });
    const otherLine = linesOf(b.id)[0]?.id ?? 0;
    expectJxcError(
      () =>
        recordCounts(f.db, f.clock, {
          stocktakeId: a.id,
          userId: keeper,
          entries: [{ lineId: otherLine, qty: 1 }],
        }),
      "STALE_ACTION",
    );
    cancelStocktake(f.db, f.clock, { stocktakeId: a.id, userId: supervisor, mayCancelAny: true });
    expectJxcError(() => count(a.id, { 1: 100 }), "STOCKTAKE_CLOSED", {
      number: "CNT-000001",
      status: "cancelled",
    });
    expectJxcError(
      () => cancelStocktake(f.db, f.clock, { stocktakeId: b.id, userId: keeper2, mayCancelAny: false }),
      "NOT_ALLOWED",
    );
  });
});

describe("stock found that is not on the sheet", () => {
  const found = (stocktakeId: number, itemId: number, locationId: number, qty: number) =>
    countFoundStock(f.db, f.clock, { stocktakeId, itemId, locationId, qty, userId: keeper2 });

  it("adds a line snapshotted now and counted at once, or counts the line already there", () => {
    f.db.update(locations).set({ zone: "A" }).where(eq(locations.id, f.ids.binA)).run();
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    const { id } = start({ kind: "zone", zone: "A" });
    // The FIFO item turns up in A-01, where the system has none: the variance is all of it.
    expect(found(id, f.ids.fifoItem, f.ids.binA, 4)).toMatchObject({
      lineNo: 2,
      added: true,
      counted: 1,
      total: 2,
    });
    expect(found(id, f.ids.avgItem, f.ids.binA, 100)).toMatchObject({ lineNo: 1, added: false, counted: 2 });
    expect(linesOf(id)[1]).toMatchObject({
      itemId: f.ids.fifoItem,
      snapshotQty: 0,
      countedQty: 4,
      countedBy: keeper2,
    });
    const done = finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expect(done.accuracy).toMatchObject({ linesCounted: 2, linesExact: 1 });
    expect(onHand(f.ids.fifoItem, f.ids.binA)).toBe(4);
  });

  it("refuses a bin or an item the count does not cover, and an item × bin another count holds", () => {
    f.db.update(locations).set({ zone: "A" }).where(eq(locations.id, f.ids.binA)).run();
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.fifoItem, f.ids.binB, 5);
    const zone = start({ kind: "zone", zone: "A" });
    const items = start({ kind: "items", itemIds: [f.ids.fifoItem] });
    const before = writtenRows();
    expectJxcError(() => found(zone.id, f.ids.avgItem, f.ids.binB, 1), "OUTSIDE_COUNT", {
      number: "CNT-000001",
      place: "MAIN/B-01",
      kind: "zone",
      label: "A",
    });
    expectJxcError(() => found(items.id, f.ids.avgItem, f.ids.binB, 1), "OUTSIDE_COUNT", { kind: "items" });
    expectJxcError(() => found(zone.id, f.ids.avgItem, f.ids.binC, 1), "UNKNOWN_LOCATION");
    // The FIFO item at A-01 is in zone A, but the items count holds FIFO everywhere it was stocked: only B-01.
    expect(found(zone.id, f.ids.fifoItem, f.ids.binA, 1).added).toBe(true);
    expectJxcError(() => found(items.id, f.ids.fifoItem, f.ids.binA, 1), "COUNT_OVERLAP", {
      number: "CNT-000001",
    });
    expectJxcError(() => found(zone.id, f.ids.avgItem, f.ids.binA, -1), "INVALID_QUANTITY");
    expect(writtenRows().lines).toHaveLength(before.lines.length + 1);
  });
});

describe("finishing: reconciliation, posting and accuracy", () => {
  it("moves during the count are not variances: before a line is counted they are expected, after it they are not", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binB, 50);
    const { id } = start();
    // A receipt into A-01 before anyone counts it: the keeper finds 120.
    stockIn(f.ids.avgItem, f.ids.binA, 20);
    count(id, { 1: 120, 2: 50 });
    // A pick from B-01 and a transfer after both were counted.
    inTransaction(f.db, (tx) =>
      issueStock(tx, testContext(), { itemId: f.ids.avgItem, locationId: f.ids.binB, qty: 10 }),
    );
    transferStock(f.db, f.clock, {
      itemId: f.ids.avgItem,
      fromLocationId: f.ids.binA,
      toLocationId: f.ids.binB,
      qty: 5,
      userId: keeper,
    });
    const done = finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expect(done).toMatchObject({ status: "posted", posted: { lines: 0, value: 0 }, waiting: { lines: 0 } });
    expect(done.accuracy).toMatchObject({
      linesCounted: 2,
      linesExact: 2,
      lineAccuracyBp: 10_000,
      valueAccuracyBp: 10_000,
    });
    expect(
      linesOf(id).map((l) => [l.snapshotQty, l.movedQty, l.expectedQty, l.countedQty, l.varianceQty]),
    ).toEqual([
      [100, 20, 120, 120, 0],
      [50, 0, 50, 50, 0],
    ]);
    expect(f.db.select().from(stockMoves).where(eq(stockMoves.docType, "stocktake")).all()).toEqual([]);
  });

  it("posts small variances at once as count adjustments; large ones wait for one approval that posts them", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 1000);
    stockIn(f.ids.avgItem, f.ids.binB, 1000);
    stockIn(f.ids.fifoItem, f.ids.binA, 10);
    const { id } = start();
    // Lines: 1 A-01 AVG, 2 A-01 FIFO, 3 B-01 AVG. −5 × ¥2 = ¥10 (small), −600 × ¥2 = ¥1,200 (large).
    count(id, { 1: 995, 2: 10, 3: 400 }, keeper2);
    const done = finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expect(done).toMatchObject({
      status: "pending_approval",
      posted: { lines: 1, value: -1000 },
      waiting: { lines: 1, value: 120_000, net: -120_000 },
      approverRoles: ["warehouse_supervisor"],
    });
    expect(onHand(f.ids.avgItem, f.ids.binA)).toBe(995);
    expect(onHand(f.ids.avgItem, f.ids.binB)).toBe(1000);
    const moves = f.db.select().from(stockMoves).where(eq(stockMoves.docType, "stocktake")).all();
    expect(moves.map((m) => [m.reason, m.qty, m.value, m.docId, m.note])).toEqual([
      ["adjust_count", -5, -1000, id, "CNT-000001"],
    ]);
    expect(linesOf(id).map((l) => l.posting)).toEqual(["posted", "none", "pending"]);
    const request = f.db.select().from(approvalRequests).get();
    expect(request).toMatchObject({ docType: "stocktake", docId: id, amount: 120_000, requestedBy: keeper });
    expect(request?.summary).toMatchObject({
      warehouse: "MAIN",
      waitingLines: 1,
      lines: [{ bin: "B-01", sku: "SKU-AVG", expected: 1000, counted: 400, variance: -600, value: -120_000 }],
    });
    const types = f.db
      .select({ type: outboxEvents.type })
      .from(outboxEvents)
      .all()
      .map((e) => e.type);
    expect(types.slice(-3)).toEqual(["stocktake.finished", "approval.requested", "approval.step_opened"]);

    decideApproval(f.db, f.clock, {
      requestId: request?.id ?? 0,
      tier: 1,
      userId: supervisor,
      verdict: "approve",
      day: today,
    });
    expect(onHand(f.ids.avgItem, f.ids.binB)).toBe(400);
    expect(f.db.select().from(stocktakes).get()?.status).toBe("posted");
    expect(linesOf(id).map((l) => [l.posting, l.postedValue])).toEqual([
      ["posted", -1000],
      ["none", null],
      ["posted", -120_000],
    ]);
    const posted = f.db.select().from(outboxEvents).where(eq(outboxEvents.type, "stocktake.posted")).get();
    expect(posted?.payload).toMatchObject({ number: "CNT-000001", lines: 1, value: -120_000 });
  });

  it("a rejection leaves the large variances unposted and frees their bins", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 1000);
    const { id } = start();
    count(id, { 1: 100 });
    finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expectJxcError(() => start(), "COUNT_OVERLAP", { number: "CNT-000001" });
    const request = f.db.select().from(approvalRequests).get();
    decideApproval(f.db, f.clock, {
      requestId: request?.id ?? 0,
      tier: 1,
      userId: supervisor,
      verdict: "reject",
      reason: "count A-01 again",
      day: today,
    });
    expect(onHand(f.ids.avgItem, f.ids.binA)).toBe(1000);
    expect(f.db.select().from(stocktakes).get()?.status).toBe("rejected");
    expect(linesOf(id)[0]?.posting).toBe("rejected");
    expect(start().number).toBe("CNT-000002");
  });

  it("nobody decides a count they counted or finished", () => {
    grant(keeper2, "warehouse_supervisor");
    stockIn(f.ids.avgItem, f.ids.binA, 1000);
    const { id } = start();
    count(id, { 1: 100 }, keeper2);
    finishStocktake(f.db, f.clock, { stocktakeId: id, userId: supervisor, allowUncounted: false });
    const requestId = f.db.select().from(approvalRequests).get()?.id ?? 0;
    const decide = (userId: string) =>
      decideApproval(f.db, f.clock, { requestId, tier: 1, userId, verdict: "approve", day: today });
    expectJxcError(() => decide(supervisor), "SELF_APPROVAL");
    expectJxcError(() => decide(keeper2), "SELF_APPROVAL");
    expect(onHand(f.ids.avgItem, f.ids.binA)).toBe(1000);
    expect(f.db.select().from(stocktakes).get()?.status).toBe("pending_approval");
  });

  it("asks before leaving lines uncounted, never adjusts them, and refuses a count with nothing counted", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binB, 100);
    const { id } = start();
    const finish = (allowUncounted: boolean) =>
      finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted });
    expectJxcError(() => finish(true), "NOTHING_COUNTED", { number: "CNT-000001" });
    count(id, { 1: 99 });
    const before = writtenRows();
    expectJxcError(() => finish(false), "UNCOUNTED_LINES", { uncounted: 1, total: 2 });
    expect(writtenRows()).toEqual(before);
    const done = finish(true);
    expect(done).toMatchObject({ uncounted: 1, posted: { lines: 1, value: -200 } });
    expect(onHand(f.ids.avgItem, f.ids.binB)).toBe(100);
    expect(linesOf(id)[1]).toMatchObject({ countedQty: null, expectedQty: null, posting: "none" });
    expectJxcError(() => finish(true), "STOCKTAKE_CLOSED", { status: "posted" });
  });

  it("records the accuracy of the count on the document", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 100);
    stockIn(f.ids.avgItem, f.ids.binB, 100);
    stockIn(f.ids.fifoItem, f.ids.binA, 100);
    const { id } = start();
    // Exact, 3 over (+¥6), 1 short (−¥2): gross ¥8 of ¥600 expected.
    count(id, { 1: 100, 2: 103, 3: 99 });
    finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expect(f.db.select().from(stocktakes).get()).toMatchObject({
      linesCounted: 3,
      linesExact: 1,
      expectedValue: 60_000,
      varianceValue: 400,
      varianceAbs: 800,
      lineAccuracyBp: 3333,
      valueAccuracyBp: 9867,
    });
    expect(
      readVarianceLines(f.db, id, { limit: 10 }).map((l) => [l.sku, l.varianceQty, l.varianceValue]),
    ).toEqual([
      ["SKU-FIFO", 3, 600],
      ["SKU-AVG", -1, -200],
    ]);
  });

  it("posts a found surplus at the current cost and a shortfall through the costing method", () => {
    stockIn(f.ids.avgItem, f.ids.binA, 10);
    adjustStock(f.db, f.clock, {
      itemId: f.ids.avgItem,
      locationId: f.ids.binA,
      qtyDelta: 10,
      reason: "found",
      unitCost: 400,
      userId: keeper,
    });
    // 20 pcs worth ¥60: ¥3.00 each on average.
    const { id } = start();
    count(id, { 1: 22 });
    const done = finishStocktake(f.db, f.clock, { stocktakeId: id, userId: keeper, allowUncounted: false });
    expect(done.posted).toEqual({ lines: 1, value: 600 });
    expect(onHand(f.ids.avgItem, f.ids.binA)).toBe(22);
  });
});

describe("accuracy arithmetic", () => {
  it("rounds half up, exactly, beyond 2^53 / 10^4", () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(1, 20_000)).toBe(1);
    expect(ratioBp(999_999_999_999, 1_000_000_000_000)).toBe(10_000);
  });

  it("value accuracy never goes below zero and is 100% only for a perfect count of nothing", () => {
    expect(
      measureAccuracy([{ varianceQty: 5, varianceValue: 900, expectedValue: 100 }]).valueAccuracyBp,
    ).toBe(0);
    expect(measureAccuracy([{ varianceQty: 0, varianceValue: 0, expectedValue: 0 }]).valueAccuracyBp).toBe(
      10_000,
    );
    expect(measureAccuracy([{ varianceQty: 1, varianceValue: 0, expectedValue: 0 }])).toMatchObject({
      valueAccuracyBp: 10_000,
      lineAccuracyBp: 0,
    });
    expect(measureAccuracy([{ varianceQty: 2, varianceValue: 10, expectedValue: 0 }]).valueAccuracyBp).toBe(
      0,
    );
  });
});
