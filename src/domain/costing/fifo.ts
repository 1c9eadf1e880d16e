import { costAtRate, prorateValue, type UnitRate } from "./rounding.ts";

/** One FIFO receipt layer: what is left of it, in base units and exact minor units. */
export interface CostLayer {
  qtyRemaining: number;
  valueRemaining: number;
}

/** How much of which layer (index into the input) an issue took, and at what value. */
export interface LayerConsumption {
  layerIndex: number;
  qty: number;
  value: number;
}

/** Result of a FIFO issue; `layers` has the input's length and order, emptied layers at 0/0. */
export interface FifoIssue {
  cost: number;
  layers: CostLayer[];
  consumed: LayerConsumption[];
  /** Units beyond all layers (negative stock), costed at the last layer used or `fallback`. */
  shortfall: number;
}

/**
 * Issues qty units from layers oldest first. Part of a layer costs
 * round_half_up(valueRemaining × q / qtyRemaining); the rest of a layer takes its whole
 * remaining value, so an emptied layer leaves no value behind.
 */
export function issueFromLayers(layers: readonly CostLayer[], qty: number, fallback?: UnitRate): FifoIssue {
  const next = layers.map((layer) => ({ ...layer }));
  const consumed: LayerConsumption[] = [];
  let left = qty;
  let cost = 0;
  let lastRate: UnitRate | undefined;
  for (const [layerIndex, layer] of next.entries()) {
    if (left === 0) break;
    if (layer.qtyRemaining <= 0) continue;
    const take = Math.min(left, layer.qtyRemaining);
    const value =
      take === layer.qtyRemaining
        ? layer.valueRemaining
        : prorateValue(layer.valueRemaining, take, layer.qtyRemaining);
    lastRate = { qty: layer.qtyRemaining, value: layer.valueRemaining };
    layer.qtyRemaining -= take;
    layer.valueRemaining -= value;
    consumed.push({ layerIndex, qty: take, value });
    cost += value;
    left -= take;
  }
  cost += costAtRate(lastRate ?? fallback, left);
  return { cost, layers: next, consumed, shortfall: left };
}

/** Total quantity and value still held in layers. */
export function sumLayers(layers: readonly CostLayer[]): { qty: number; value: number } {
  let qty = 0;
  let value = 0;
  for (const layer of layers) {
    qty += layer.qtyRemaining;
    value += layer.valueRemaining;
  }
  return { qty, value };
}
