import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CostLayer, issueFromLayers, sumLayers } from "../../src/domain/costing/fifo.ts";
import {
  type AverageState,
  issueFromAverage,
  receiveIntoAverage,
} from "../../src/domain/costing/moving-average.ts";
import { receiveIntoNegative } from "../../src/domain/costing/negative-stock.ts";
import { prorateValue, roundHalfUpDiv } from "../../src/domain/costing/rounding.ts";

// Oracles are in major units; the engine works in minor units (× 100).
const yuan = (major: number) => Math.round(major * 100);

describe("roundHalfUpDiv", () => {
  it("rounds halves away from zero", () => {
    expect(roundHalfUpDiv(5n, 2n)).toBe(3);
    expect(roundHalfUpDiv(-5n, 2n)).toBe(-3);
    expect(roundHalfUpDiv(5n, -2n)).toBe(-3);
    expect(roundHalfUpDiv(-5n, -2n)).toBe(3);
    expect(roundHalfUpDiv(7n, 3n)).toBe(2);
    expect(roundHalfUpDiv(8n, 3n)).toBe(3);
    expect(roundHalfUpDiv(0n, 7n)).toBe(0);
  });

  it("is exact where doubles are not (products beyond 2^53)", () => {
    // 9_007_199_254_740_991 × 3 / 3 in floating point loses the last digit.
    expect(prorateValue(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    expect(prorateValue(Number.MAX_SAFE_INTEGER, 999_999_999, 1_000_000_000)).toBe(9_007_199_245_733_792);
  });

  it("refuses division by zero and unsafe results", () => {
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(2n ** 60n, 1n)).toThrow(RangeError);
  });
});

describe("O1 — Odoo cheat sheet: receive 8 @ 10, receive 4 @ 16, deliver 10, receive 2 @ 6", () => {
  it("moving average after each move, with COGS", () => {
    let state: AverageState = { qty: 0, value: 0 };
    state = receiveIntoAverage(state, 8, 8 * yuan(10));
    expect(state).toEqual({ qty: 8, value: yuan(80) });
    expect(prorateValue(state.value, 1, state.qty)).toBe(yuan(10));
    state = receiveIntoAverage(state, 4, 4 * yuan(16));
    expect(state).toEqual({ qty: 12, value: yuan(144) });
    expect(prorateValue(state.value, 1, state.qty)).toBe(yuan(12));
    const delivered = issueFromAverage(state, 10);
    expect(delivered.cost).toBe(yuan(120));
    state = delivered.state;
    expect(state).toEqual({ qty: 2, value: yuan(24) });
    expect(prorateValue(state.value, 1, state.qty)).toBe(yuan(12));
    state = receiveIntoAverage(state, 2, 2 * yuan(6));
    expect(state).toEqual({ qty: 4, value: yuan(36) });
    expect(prorateValue(state.value, 1, state.qty)).toBe(yuan(9));
  });

  it("FIFO after each move, with COGS = 8×10 + 2×16", () => {
    let layers: CostLayer[] = [{ qtyRemaining: 8, valueRemaining: 8 * yuan(10) }];
    expect(sumLayers(layers)).toEqual({ qty: 8, value: yuan(80) });
    layers = [...layers, { qtyRemaining: 4, valueRemaining: 4 * yuan(16) }];
    expect(sumLayers(layers)).toEqual({ qty: 12, value: yuan(144) });
    const delivered = issueFromLayers(layers, 10);
    expect(delivered.cost).toBe(yuan(112));
    expect(delivered.consumed).toEqual([
      { layerIndex: 0, qty: 8, value: yuan(80) },
      { layerIndex: 1, qty: 2, value: yuan(32) },
    ]);
    expect(delivered.shortfall).toBe(0);
    layers = delivered.layers;
    expect(sumLayers(layers)).toEqual({ qty: 2, value: yuan(32) });
    layers = [...layers, { qtyRemaining: 2, valueRemaining: 2 * yuan(6) }];
    expect(sumLayers(layers)).toEqual({ qty: 4, value: yuan(44) });
  });
});

describe("O2 — FinCal cogs(): 2 @ 2, 3 @ 3, 5 @ 5, then 7 issued", () => {
  const receipts = [
    { qty: 2, unit: yuan(2) },
    { qty: 3, unit: yuan(3) },
    { qty: 5, unit: yuan(5) },
  ];

  it("FIFO: COGS 23.00, ending 15.00", () => {
    const layers = receipts.map((r) => ({ qtyRemaining: r.qty, valueRemaining: r.qty * r.unit }));
    const issued = issueFromLayers(layers, 7);
    expect(issued.cost).toBe(yuan(23));
    expect(sumLayers(issued.layers)).toEqual({ qty: 3, value: yuan(15) });
  });

  it("weighted average: COGS 26.60, ending 11.40", () => {
    const state = receipts.reduce<AverageState>((s, r) => receiveIntoAverage(s, r.qty, r.qty * r.unit), {
      qty: 0,
      value: 0,
    });
    const issued = issueFromAverage(state, 7);
    expect(issued.cost).toBe(yuan(26.6));
    expect(issued.state).toEqual({ qty: 3, value: yuan(11.4) });
  });
});

describe("moving average rules", () => {
  it("rounds half up and lets the last unit take the remainder", () => {
    // 3 units worth 100: 33.33… → 33, 33.5 → 34, then the last unit takes 33.
    let state: AverageState = { qty: 3, value: 100 };
    const first = issueFromAverage(state, 1);
    expect(first.cost).toBe(33);
    state = first.state;
    const second = issueFromAverage(state, 1);
    expect(second.cost).toBe(34);
    const last = issueFromAverage(second.state, 1);
    expect(last.cost).toBe(33);
    expect(last.state).toEqual({ qty: 0, value: 0 });
  });

  it("costs units beyond stock at the current average, and at zero stock at the fallback", () => {
    expect(issueFromAverage({ qty: 2, value: 200 }, 5)).toEqual({
      cost: 500,
      state: { qty: -3, value: -300 },
    });
    expect(issueFromAverage({ qty: 0, value: 0 }, 2, { qty: 4, value: 30 })).toEqual({
      cost: 15,
      state: { qty: -2, value: -15 },
    });
    expect(issueFromAverage({ qty: 0, value: 0 }, 2).cost).toBe(0);
    expect(issueFromAverage({ qty: -3, value: -300 }, 1)).toEqual({
      cost: 100,
      state: { qty: -4, value: -400 },
    });
  });

  it("settles negative stock on receipt: what is left carries the receipt's unit cost", () => {
    expect(receiveIntoNegative({ qty: -3, value: -300 }, 5, 750)).toEqual({ qty: 2, value: 300 });
    expect(receiveIntoNegative({ qty: -3, value: -300 }, 3, 999)).toEqual({ qty: 0, value: 0 });
    expect(receiveIntoNegative({ qty: -3, value: -300 }, 1, 999)).toEqual({ qty: -2, value: -200 });
    expect(receiveIntoAverage({ qty: -3, value: -300 }, 5, 750)).toEqual({ qty: 2, value: 300 });
  });
});

describe("FIFO rules", () => {
  it("prorates a partial layer and empties a layer with its whole value", () => {
    const issued = issueFromLayers([{ qtyRemaining: 3, valueRemaining: 100 }], 1);
    expect(issued.cost).toBe(33);
    expect(issued.layers).toEqual([{ qtyRemaining: 2, valueRemaining: 67 }]);
    const rest = issueFromLayers(issued.layers, 2);
    expect(rest.cost).toBe(67);
    expect(rest.layers).toEqual([{ qtyRemaining: 0, valueRemaining: 0 }]);
  });

  it("costs a shortfall at the last layer used, else the fallback", () => {
    const issued = issueFromLayers([{ qtyRemaining: 2, valueRemaining: 20 }], 5);
    expect(issued).toMatchObject({ cost: 50, shortfall: 3 });
    expect(issueFromLayers([], 2, { qty: 1, value: 7 })).toMatchObject({ cost: 14, shortfall: 2 });
  });
});

describe("properties", () => {
  const receipts = fc.array(fc.record({ qty: fc.integer({ min: 1, max: 1000 }), value: fc.nat(1_000_000) }), {
    minLength: 1,
    maxLength: 8,
  });
  const chunks = fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 });

  it("issuing everything in any chunks costs exactly what was received, under both methods", () => {
    fc.assert(
      fc.property(receipts, chunks, (received, sizes) => {
        const total = received.reduce((sum, r) => ({ qty: sum.qty + r.qty, value: sum.value + r.value }), {
          qty: 0,
          value: 0,
        });
        let average: AverageState = { qty: 0, value: 0 };
        let layers: CostLayer[] = [];
        for (const r of received) {
          average = receiveIntoAverage(average, r.qty, r.value);
          layers.push({ qtyRemaining: r.qty, valueRemaining: r.value });
        }
        let averageCost = 0;
        let fifoCost = 0;
        for (const size of [...sizes, total.qty]) {
          const q = Math.min(size, average.qty);
          if (q === 0) break;
          const a = issueFromAverage(average, q);
          const f = issueFromLayers(layers, q);
          expect(a.cost).toBeGreaterThanOrEqual(0);
          expect(a.state.value).toBeGreaterThanOrEqual(0);
          average = a.state;
          layers = f.layers;
          averageCost += a.cost;
          fifoCost += f.cost;
        }
        expect(average).toEqual({ qty: 0, value: 0 });
        expect(sumLayers(layers)).toEqual({ qty: 0, value: 0 });
        expect(averageCost).toBe(total.value);
        expect(fifoCost).toBe(total.value);
      }),
      { numRuns: 200 },
    );
  });
});
