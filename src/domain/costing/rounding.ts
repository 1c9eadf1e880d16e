// Exact integer arithmetic for costing: products go through BigInt so nothing is lost beyond 2^53.

/** A unit cost kept as an exact ratio (value per qty) instead of a rounded number. */
export interface UnitRate {
  qty: number;
  value: number;
}

/**
 * numerator / denominator rounded half away from zero (2.5 → 3, −2.5 → −3), so a cost
 * and its reversal round to the same magnitude. Throws when the result is not a safe integer.
 */
export function roundHalfUpDiv(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError("roundHalfUpDiv: division by zero");
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const result = Number(sign * ((2n * n + d) / (2n * d)));
  if (!Number.isSafeInteger(result)) throw new RangeError("roundHalfUpDiv: result is not a safe integer");
  return result;
}

/** The share of `value` that `part` out of `whole` units carries: round_half_up(value × part / whole). */
export function prorateValue(value: number, part: number, whole: number): number {
  return roundHalfUpDiv(BigInt(value) * BigInt(part), BigInt(whole));
}

/** What qty units cost at a rate; no rate (nothing ever known) costs zero. */
export function costAtRate(rate: UnitRate | undefined, qty: number): number {
  if (!rate || rate.qty === 0) return 0;
  return prorateValue(rate.value, qty, rate.qty);
}
