// Bridges the pure costing engine to item_valuations and cost_layers.
import { type CostLayer, issueFromLayers } from "../costing/fifo.ts";
import { type AverageState, issueFromAverage, receiveIntoAverage } from "../costing/moving-average.ts";
import { receiveIntoNegative } from "../costing/negative-stock.ts";
import { costAtRate, type UnitRate } from "../costing/rounding.ts";
import type { StockItem } from "./lookups.ts";
import { type Handle, stockStatements } from "./statements.ts";
import type { Tx } from "./types.ts";

interface StoredLayer extends CostLayer {
  id: number;
  sourceMoveId: number | null;
}

/** The receipt a return to the supplier undoes, and what those units cost when they came in. */
export interface IssueOrigin {
  moveId: number;
  cost: number;
}

/** Company-wide quantity and value of an item (both methods keep it; FIFO also keeps layers). */
export function readValuation(db: Handle, itemId: number): AverageState {
  return stockStatements(db).valuation().get({ itemId }) ?? { qty: 0, value: 0 };
}

/** Overwrites the valuation of an item. */
export function writeValuation(tx: Tx, itemId: number, state: AverageState): void {
  stockStatements(tx).writeValuation().run({ itemId, qty: state.qty, value: state.value });
}

/** What qty units would cost if issued now, without changing anything (transfers). */
export function quoteIssueCost(db: Handle, item: StockItem, qty: number): number {
  const state = readValuation(db, item.id);
  if (item.valuation === "moving_average") {
    return issueFromAverage(state, qty, state.qty === 0 ? lastKnownRate(db, item.id) : undefined).cost;
  }
  const layers = readLayersCovering(db, item.id, qty, undefined);
  return issueFromLayers(layers, qty, fifoFallback(db, item.id, state, layers)).cost;
}

/** Value of qty units at the item's current unit cost (stock that arrives without a price). */
export function valueAtCurrentCost(db: Handle, itemId: number, qty: number): number {
  const state = readValuation(db, itemId);
  return costAtRate(state.qty > 0 ? state : lastKnownRate(db, itemId), qty);
}

/**
 * Takes qty units out of the valuation and returns their cost. With an `origin` (return to
 * the supplier) the goods leave at the cost they came in at: FIFO consumes that receipt's
 * layer first; moving average takes the receipt's cost, capped by the value held, unless
 * the return empties the stock (then the usual last-unit rule applies).
 */
export function takeIssueCost(tx: Tx, item: StockItem, qty: number, origin?: IssueOrigin): number {
  const state = readValuation(tx, item.id);
  if (item.valuation === "moving_average") {
    if (origin && state.qty > qty) {
      const cost = Math.max(0, Math.min(origin.cost, state.value));
      writeValuation(tx, item.id, { qty: state.qty - qty, value: state.value - cost });
      return cost;
    }
    const issued = issueFromAverage(state, qty, state.qty === 0 ? lastKnownRate(tx, item.id) : undefined);
    writeValuation(tx, item.id, issued.state);
    return issued.cost;
  }
  const layers = readLayersCovering(tx, item.id, qty, origin?.moveId);
  const issued = issueFromLayers(layers, qty, fifoFallback(tx, item.id, state, layers));
  const update = stockStatements(tx).updateLayer();
  for (const used of issued.consumed) {
    const stored = layers[used.layerIndex];
    const after = issued.layers[used.layerIndex];
    if (stored && after) update.run({ id: stored.id, qty: after.qtyRemaining, value: after.valueRemaining });
  }
  writeValuation(tx, item.id, { qty: state.qty - qty, value: state.value - issued.cost });
  return issued.cost;
}

/**
 * Adds a receipt (already in the ledger as sourceMoveId) to the valuation; FIFO gets a layer.
 * Returns the revaluation the caller must book: non-zero only when negative stock is settled.
 */
export function addReceiptValue(
  tx: Tx,
  item: StockItem,
  line: { qty: number; value: number; sourceMoveId: number; at: number },
): number {
  const state = readValuation(tx, item.id);
  const after =
    item.valuation === "moving_average"
      ? receiveIntoAverage(state, line.qty, line.value)
      : state.qty < 0
        ? receiveIntoNegative(state, line.qty, line.value)
        : { qty: state.qty + line.qty, value: state.value + line.value };
  if (item.valuation === "fifo" && after.qty > 0) {
    // Into negative stock only what is left after settling the shortfall becomes a layer.
    const layer = state.qty < 0 ? after : line;
    stockStatements(tx).insertLayer().run({
      itemId: item.id,
      sourceMoveId: line.sourceMoveId,
      qty: layer.qty,
      value: layer.value,
      at: line.at,
    });
  }
  writeValuation(tx, item.id, after);
  return after.value - state.value - line.value;
}

const layerBatch = 32;

// Open layers, oldest first, only as many as cover qty (an item may hold thousands); the
// layer a given receipt created goes first (returns to the supplier).
function readLayersCovering(db: Handle, itemId: number, qty: number, sourceMoveId: number | undefined) {
  const statements = stockStatements(db);
  const layers: StoredLayer[] =
    sourceMoveId === undefined ? [] : statements.layerOfMove().all({ itemId, moveId: sourceMoveId });
  let covered = layers.reduce((sum, layer) => sum + layer.qtyRemaining, 0);
  let afterId = 0;
  while (covered < qty) {
    const batch = statements.openLayers().all({ itemId, afterId, limit: layerBatch });
    for (const layer of batch) {
      afterId = layer.id;
      if (layer.sourceMoveId !== null && layer.sourceMoveId === sourceMoveId) continue;
      layers.push(layer);
      covered += layer.qtyRemaining;
    }
    if (batch.length < layerBatch) break;
  }
  return layers;
}

// Beyond all layers: a negative state keeps its own estimate; at zero the last known cost.
function fifoFallback(db: Handle, itemId: number, state: AverageState, layers: readonly CostLayer[]) {
  if (state.qty < 0) return state;
  return layers.length === 0 ? lastKnownRate(db, itemId) : undefined;
}

// The unit cost of the latest move with a quantity: costs issues made at zero stock.
function lastKnownRate(db: Handle, itemId: number): UnitRate | undefined {
  const row = stockStatements(db).lastMoveWithQty().get({ itemId });
  return row ? { qty: Math.abs(row.qty), value: Math.abs(row.value) } : undefined;
}
