import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { locations } from "../../db/schema.ts";
import { JxcError } from "../../src/domain/errors.ts";
import type { Role } from "../../src/domain/roles.ts";
import { receiveStock, transferStock } from "../../src/domain/stock/index.ts";
import { getItemStock } from "../../src/domain/stock/item-stock.ts";
import {
  countsUnderWay,
  readAvailableAsSeen,
  readItemStockAsSeen,
  readsStockBlind,
  withoutCountedQuantity,
} from "../../src/domain/stocktakes/blind-stock.ts";
import { cancelStocktake } from "../../src/domain/stocktakes/cancel.ts";
import { recordCounts } from "../../src/domain/stocktakes/count.ts";
import { finishStocktake } from "../../src/domain/stocktakes/finish.ts";
import { type StocktakeScopeInput, startStocktake } from "../../src/domain/stocktakes/start.ts";
import {
  createStockFixture,
  inTransaction,
  type StockFixture,
  testContext,
} from "./fixtures/stock-fixture.ts";

const keeper = "UKEEPER";
let f: StockFixture;

function stockIn(itemId: number, locationId: number, qty: number): void {
  inTransaction(f.db, (tx) => receiveStock(tx, testContext(), { itemId, locationId, qty, unitCost: 200 }));
}

function start(scope: StocktakeScopeInput, warehouseId = f.ids.mainWarehouse) {
  return startStocktake(f.db, f.clock, { warehouseId, scope, userId: keeper });
}

/** Each bin of an item as a blind reader gets it: its figures, or the count it is being counted in. */
function seen(itemId: number, blind = true) {
  const stock = readItemStockAsSeen(f.db, itemId, blind);
  return {
    bins: stock.locations.map((l) => [l.locationCode, l.countedIn ?? l.onHand]),
    totals: [stock.onHand, stock.reserved, stock.available],
    leftOut: stock.leftOut,
  };
}

beforeEach(() => {
  f = createStockFixture();
  // MAIN: A-01 (zone A) and B-01 (zone B); WH2: C-01.
  f.db.update(locations).set({ zone: "A" }).where(eq(locations.id, f.ids.binA)).run();
  f.db.update(locations).set({ zone: "B" }).where(eq(locations.id, f.ids.binB)).run();
  stockIn(f.ids.avgItem, f.ids.binA, 100);
  stockIn(f.ids.avgItem, f.ids.binB, 50);
  stockIn(f.ids.avgItem, f.ids.binC, 7);
  stockIn(f.ids.fifoItem, f.ids.binA, 10);
});

describe("who reads stock blind while a count is under way", () => {
  const blind = (...held: Role[]) => readsStockBlind(new Set(held));

  it("someone who counts and holds no role that reviews counts or sees cost", () => {
    expect(blind("warehouse_keeper")).toBe(true);
    expect(blind("warehouse_keeper", "salesperson")).toBe(true);
    expect(blind("warehouse_keeper", "warehouse_supervisor")).toBe(false);
    expect(blind("warehouse_keeper", "purchasing_clerk")).toBe(false);
    expect(blind("warehouse_supervisor")).toBe(false);
    expect(blind("admin")).toBe(false);
    // Not counting at all: nothing to keep blind.
    expect(blind("salesperson")).toBe(false);
    expect(blind("accountant")).toBe(false);
  });
});

describe("stock as a blind reader sees it", () => {
  it("is every figure when no count is under way", () => {
    expect(countsUnderWay(f.db)).toEqual([]);
    expect(readItemStockAsSeen(f.db, f.ids.avgItem, true)).toEqual(getItemStock(f.db, f.ids.avgItem));
  });

  it("a count of some bins hides them, with its number, and the totals leave them out", () => {
    const { number } = start({ kind: "bins", locationIds: [f.ids.binA] });
    expect(countsUnderWay(f.db).map((c) => c.number)).toEqual([number]);
    expect(seen(f.ids.avgItem)).toEqual({
      bins: [
        ["A-01", "CNT-000001"],
        ["B-01", 50],
        ["C-01", 7],
      ],
      totals: [57, 0, 57],
      leftOut: { bins: 1, counts: ["CNT-000001"] },
    });
    // The hidden bin's figures are not just left unshown: they are not in the answer at all.
    const bin = readItemStockAsSeen(f.db, f.ids.avgItem, true).locations[0];
    expect(bin).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
    // Whoever does not read blind sees everything.
    expect(seen(f.ids.avgItem, false).totals).toEqual([157, 0, 157]);
  });

  it("a whole warehouse, a zone, or some items: each hides exactly what it counts", () => {
    start({ kind: "zone", zone: "b" });
    expect(seen(f.ids.avgItem).bins).toEqual([
      ["A-01", 100],
      ["B-01", "CNT-000001"],
      ["C-01", 7],
    ]);
    start({ kind: "items", itemIds: [f.ids.fifoItem] });
    expect(seen(f.ids.fifoItem).bins).toEqual([["A-01", "CNT-000002"]]);
    // The same bin holds an item the items count does not cover: it stays visible.
    expect(seen(f.ids.avgItem).bins[0]).toEqual(["A-01", 100]);
    start({ kind: "warehouse" }, f.ids.secondWarehouse);
    expect(seen(f.ids.avgItem)).toMatchObject({
      bins: [
        ["A-01", 100],
        ["B-01", "CNT-000001"],
        ["C-01", "CNT-000003"],
      ],
      totals: [100, 0, 100],
      leftOut: { bins: 2, counts: ["CNT-000001", "CNT-000003"] },
    });
  });

  it("stock that arrives in a counted bin during the count is hidden too, and an emptied bin stays listed", () => {
    start({ kind: "bins", locationIds: [f.ids.binA, f.ids.binB] });
    transferStock(f.db, f.clock, {
      itemId: f.ids.avgItem,
      fromLocationId: f.ids.binB,
      toLocationId: f.ids.binC,
      qty: 50,
      userId: keeper,
    });
    // B-01 is empty now; leaving it out would tell the counter the books say zero there.
    expect(seen(f.ids.avgItem).bins).toEqual([
      ["A-01", "CNT-000001"],
      ["B-01", "CNT-000001"],
      ["C-01", 57],
    ]);
  });

  it("shows everything again once the count is finished or cancelled", () => {
    const first = start({ kind: "bins", locationIds: [f.ids.binB] });
    const [line] = f.db.$client.prepare("select id from stocktake_lines").all() as { id: number }[];
    recordCounts(f.db, f.clock, {
      stocktakeId: first.id,
      userId: keeper,
      entries: [{ lineId: line?.id ?? 0, qty: 50 }],
    });
    finishStocktake(f.db, f.clock, { stocktakeId: first.id, userId: keeper, allowUncounted: false });
    expect(seen(f.ids.avgItem).leftOut).toBeUndefined();
    const second = start({ kind: "warehouse" });
    expect(seen(f.ids.avgItem).leftOut?.bins).toBe(2);
    cancelStocktake(f.db, f.clock, { stocktakeId: second.id, userId: keeper, mayCancelAny: false });
    expect(countsUnderWay(f.db)).toEqual([]);
    expect(seen(f.ids.avgItem).totals).toEqual([157, 0, 157]);
  });

  it("a result list gets available outside the counted bins, or nothing when every bin is counted", () => {
    start({ kind: "bins", locationIds: [f.ids.binA] });
    const ids = [f.ids.avgItem, f.ids.fifoItem];
    const all = new Map([
      [f.ids.avgItem, 157],
      [f.ids.fifoItem, 10],
    ]);
    expect(readAvailableAsSeen(f.db, ids, all, true)).toEqual(
      new Map([
        [f.ids.avgItem, { available: 57, leftOut: { bins: 1, counts: ["CNT-000001"] }, allCounted: false }],
        [f.ids.fifoItem, { available: 0, leftOut: { bins: 1, counts: ["CNT-000001"] }, allCounted: true }],
      ]),
    );
    expect(readAvailableAsSeen(f.db, ids, all, false).get(f.ids.avgItem)?.available).toBe(157);
  });
});

describe("a refusal for lack of stock at a bin being counted", () => {
  const short = () =>
    new JxcError("INSUFFICIENT_STOCK", { sku: "SKU-AVG", available: 100, requested: 500 }, "qty");
  const at = () => ({ itemId: f.ids.avgItem, locationId: f.ids.binA, place: "MAIN/A-01", unit: "pcs" });

  it("tells a blind reader what was asked and the count, never the quantity there", () => {
    start({ kind: "bins", locationIds: [f.ids.binA] });
    const masked = withoutCountedQuantity(f.db, new Set<Role>(["warehouse_keeper"]), short(), at());
    expect(masked).toBeInstanceOf(JxcError);
    expect(masked).toMatchObject({
      code: "INSUFFICIENT_STOCK_COUNTING",
      params: { sku: "SKU-AVG", requested: "500 pcs", place: "MAIN/A-01", number: "CNT-000001" },
      field: "qty",
    });
    expect(JSON.stringify((masked as JxcError).params)).not.toContain("100");
  });

  it("leaves it as it was for a supervisor, at a bin not being counted, or for any other error", () => {
    const supervisor = new Set<Role>(["warehouse_supervisor"]);
    const keeperRoles = new Set<Role>(["warehouse_keeper"]);
    start({ kind: "bins", locationIds: [f.ids.binB] });
    const error = short();
    expect(withoutCountedQuantity(f.db, keeperRoles, error, at())).toBe(error);
    start({ kind: "bins", locationIds: [f.ids.binA] });
    expect(withoutCountedQuantity(f.db, supervisor, error, at())).toBe(error);
    const other = new JxcError("UNKNOWN_LOCATION", { code: "Z", warehouse: "MAIN" });
    expect(withoutCountedQuantity(f.db, keeperRoles, other, at())).toBe(other);
  });
});
