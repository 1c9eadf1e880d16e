import type { AverageState } from "./moving-average.ts";
import { prorateValue } from "./rounding.ts";

/**
 * A receipt into negative stock (only possible when the company allows it). Units that
 * went out below zero were costed at an estimate; the receipt settles them:
 * - still at or below zero after it: the remaining shortfall keeps its estimated unit cost;
 * - above zero: the units now in stock carry the receipt's own unit cost.
 * The caller books newState.value − (state.value + value) as a value-only revaluation,
 * so the ledger keeps summing to the valuation and zero stock has zero value.
 */
export function receiveIntoNegative(state: AverageState, qty: number, value: number): AverageState {
  const after = state.qty + qty;
  if (after <= 0) return { qty: after, value: after === 0 ? 0 : prorateValue(state.value, after, state.qty) };
  return { qty: after, value: prorateValue(value, after, qty) };
}
