import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JxcError } from "../../src/domain/errors.ts";
import {
  adjustStock,
  checkBalances,
  getItemStock,
  issueStock,
  receiveStock,
  returnFromCustomer,
  returnToSupplier,
  setOpeningStock,
  transferStock,
} from "../../src/domain/stock/index.ts";
import {
  createStockFixture,
  inTransaction,
  openLayers,
  type StockFixture,
  setAllowNegativeStock,
  testContext,
  valuationOf,
} from "./fixtures/stock-fixture.ts";

// Random operations over 2 items (moving average, FIFO) and 3 locations; indexes pick the rows.
const item = fc.nat(1);
const place = fc.nat(2);
const qty = fc.integer({ min: 1, max: 40 });
const unitCost = fc.integer({ min: 0, max: 5000 });
const operation = fc.oneof(
  fc.record({ kind: fc.constant("receive" as const), item, place, qty, unitCost }),
  fc.record({ kind: fc.constant("issue" as const), item, place, qty }),
  fc.record({ kind: fc.constant("customerReturn" as const), pick: fc.nat(), place, qty }),
  fc.record({ kind: fc.constant("supplierReturn" as const), pick: fc.nat(), place, qty }),
  fc.record({
    kind: fc.constant("transfer" as const),
    item,
    place,
    step: fc.integer({ min: 1, max: 2 }),
    qty,
  }),
  fc.record({
    kind: fc.constant("adjust" as const),
    item,
    place,
    delta: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
    unitCost: fc.option(unitCost, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("opening" as const), item, place, qty: fc.nat(40), unitCost }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

interface PastMove {
  itemId: number;
  moveId: number;
  qty: number;
}

/** Replays operations, checking the per-operation invariants; returns how many were refused for stock. */
function replay(f: StockFixture, operations: Operation[], checkSigns: (itemId: number) => void): number {
  const items = [f.ids.avgItem, f.ids.fifoItem];
  const places = [f.ids.binA, f.ids.binB, f.ids.binC];
  const issues: PastMove[] = [];
  const receipts: PastMove[] = [];
  let refused = 0;
  for (const op of operations) {
    const locationId = places[op.place] ?? f.ids.binA;
    const pickItem = (index: number) => items[index] ?? f.ids.avgItem;
    const movesBefore = countMoves(f);
    try {
      apply(op);
    } catch (error) {
      if (!(error instanceof JxcError) || error.code !== "INSUFFICIENT_STOCK") throw error;
      expect(countMoves(f)).toBe(movesBefore); // refused means nothing written
      refused += 1;
    }
    for (const itemId of items) checkSigns(itemId);
    function apply(op: Operation): void {
      const ctx = testContext();
      switch (op.kind) {
        case "receive": {
          const itemId = pickItem(op.item);
          const line = { itemId, locationId, qty: op.qty, unitCost: op.unitCost };
          const { moveId } = inTransaction(f.db, (tx) => receiveStock(tx, ctx, line));
          receipts.push({ itemId, moveId, qty: op.qty });
          return;
        }
        case "issue": {
          const itemId = pickItem(op.item);
          const { moveId } = inTransaction(f.db, (tx) =>
            issueStock(tx, ctx, { itemId, locationId, qty: op.qty }),
          );
          issues.push({ itemId, moveId, qty: op.qty });
          return;
        }
        case "customerReturn":
        case "supplierReturn": {
          const from = op.kind === "customerReturn" ? issues : receipts;
          const original = from[op.pick % Math.max(from.length, 1)];
          if (!original) return;
          const line = {
            ...original,
            locationId,
            qty: 1 + ((op.qty - 1) % original.qty),
            originalMoveId: original.moveId,
          };
          const returnMove = op.kind === "customerReturn" ? returnFromCustomer : returnToSupplier;
          inTransaction(f.db, (tx) => returnMove(tx, ctx, line));
          return;
        }
        case "transfer": {
          const itemId = pickItem(op.item);
          const toLocationId = places[(op.place + op.step) % 3] ?? f.ids.binA;
          const before = valuationOf(f.db, itemId);
          const layersBefore = openLayers(f.db, itemId);
          transferStock(f.db, f.clock, {
            itemId,
            fromLocationId: locationId,
            toLocationId,
            qty: op.qty,
            userId: "U1",
          });
          expect(valuationOf(f.db, itemId)).toEqual(before);
          expect(openLayers(f.db, itemId)).toEqual(layersBefore);
          return;
        }
        case "adjust": {
          const itemId = pickItem(op.item);
          const input = { itemId, locationId, qtyDelta: op.delta, unitCost: op.unitCost, userId: "U1" };
          adjustStock(f.db, f.clock, { ...input, reason: op.delta > 0 ? "found" : "count" });
          return;
        }
        case "opening": {
          const input = {
            itemId: pickItem(op.item),
            locationId,
            qty: op.qty,
            unitCost: op.unitCost,
            userId: "U1",
          };
          setOpeningStock(f.db, f.clock, input);
          return;
        }
      }
    }
  }
  return refused;
}

function countMoves(f: StockFixture): number {
  return f.db.get<{ n: number }>(sql`select count(*) as n from stock_moves`).n;
}

// Independent of checkBalances: per item × location, the ledger's sum is what /stock shows.
function expectLedgerSumsMatchStock(f: StockFixture): void {
  const sums = f.db.all<{ itemId: number; locationId: number; qty: number; value: number }>(
    sql`select item_id as itemId, location_id as locationId, sum(qty) as qty, sum(value) as value
        from stock_moves group by item_id, location_id`,
  );
  for (const itemId of [f.ids.avgItem, f.ids.fifoItem]) {
    const stock = getItemStock(f.db, itemId);
    const mine = sums.filter((row) => row.itemId === itemId);
    for (const row of mine) {
      const shown = stock.locations.find((l) => l.locationId === row.locationId)?.onHand ?? 0;
      expect(shown).toBe(row.qty);
    }
    const total = mine.reduce((sum, row) => ({ qty: sum.qty + row.qty, value: sum.value + row.value }), {
      qty: 0,
      value: 0,
    });
    expect({ qty: stock.onHand, value: stock.value }).toEqual(total);
    expect(valuationOf(f.db, itemId)).toEqual(total);
  }
}

const sequences = fc.array(operation, { minLength: 1, maxLength: 30 });

// One database per property; each case runs in a transaction rolled back at the end (the
// operations' own transactions nest as savepoints), so every case starts from the fixture.
function eachCaseRolledBack(f: StockFixture, run: () => void): void {
  f.db.$client.exec("begin");
  try {
    run();
  } finally {
    f.db.$client.exec("rollback");
  }
}

describe("stock ledger properties", () => {
  const f = createStockFixture();

  it("without negative stock: balances rebuild from the ledger, value ≥ 0, zero stock is worth zero", () => {
    fc.assert(
      fc.property(sequences, (operations) =>
        eachCaseRolledBack(f, () => {
          replay(f, operations, (itemId) => {
            const { qty, value } = valuationOf(f.db, itemId);
            expect(qty).toBeGreaterThanOrEqual(0);
            expect(value).toBeGreaterThanOrEqual(0);
            if (qty === 0) expect(value).toBe(0);
          });
          expect(checkBalances(f.db)).toEqual({ balanceDifferences: [], valuationDifferences: [] });
          expectLedgerSumsMatchStock(f);
        }),
      ),
      { numRuns: 200 },
    );
  });

  it("with negative stock allowed: still consistent, and value never has the opposite sign of qty", () => {
    fc.assert(
      fc.property(sequences, (operations) =>
        eachCaseRolledBack(f, () => {
          setAllowNegativeStock(f.db, true);
          const refused = replay(f, operations, (itemId) => {
            const { qty, value } = valuationOf(f.db, itemId);
            if (qty === 0) expect(value).toBe(0);
            if (qty > 0) expect(value).toBeGreaterThanOrEqual(0);
            if (qty < 0) expect(value).toBeLessThanOrEqual(0);
          });
          expect(refused).toBe(0);
          expect(checkBalances(f.db)).toEqual({ balanceDifferences: [], valuationDifferences: [] });
          expectLedgerSumsMatchStock(f);
        }),
      ),
      { numRuns: 100 },
    );
  });
});
