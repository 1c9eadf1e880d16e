import { receiveIntoNegative } from "./negative-stock.ts";
import { costAtRate, prorateValue, type UnitRate } from "./rounding.ts";

/** Value-based moving average state of one item: total quantity and exact total value (minor units). */
export interface AverageState {
  qty: number;
  value: number;
}

/** Adds a receipt at its exact value; into negative stock it settles the shortfall first. */
export function receiveIntoAverage(state: AverageState, qty: number, value: number): AverageState {
  if (state.qty < 0) return receiveIntoNegative(state, qty, value);
  return { qty: state.qty + qty, value: state.value + value };
}

/**
 * Costs an issue of qty units: round_half_up(value × qty / stateQty); emptying the stock
 * takes the whole remaining value. Beyond the stock on hand (negative stock allowed) the
 * extra units cost the current average, or `fallback` (the last known unit cost) at zero stock.
 */
export function issueFromAverage(
  state: AverageState,
  qty: number,
  fallback?: UnitRate,
): { cost: number; state: AverageState } {
  const cost = costIssue(state, qty, fallback);
  return { cost, state: { qty: state.qty - qty, value: state.value - cost } };
}

function costIssue(state: AverageState, qty: number, fallback: UnitRate | undefined): number {
  if (state.qty > qty) return prorateValue(state.value, qty, state.qty);
  if (state.qty === qty) return state.value;
  if (state.qty > 0) return state.value + prorateValue(state.value, qty - state.qty, state.qty);
  // Already negative: keep issuing at the estimate those units went out at.
  if (state.qty < 0) return prorateValue(state.value, qty, state.qty);
  return costAtRate(fallback, qty);
}
