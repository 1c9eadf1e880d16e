// The arithmetic of a supplier's minimum order quantity and pack size: pure, checked by hand.
import type { SupplierTerms } from "./supplier-terms-reads.ts";

/** Why a quantity does not fit a supplier's terms, and the nearest one that does. */
export interface TermsProblem {
  rule: "moq" | "pack";
  /** The MOQ or the pack size. */
  limit: number;
  /** The smallest quantity at or above the one asked for that fits both rules. */
  suggestion: number;
}

/** Whether `qty` respects the MOQ and is a whole number of packs; undefined when it does. */
export function checkOrderTerms(
  qty: number,
  terms: Pick<SupplierTerms, "moq" | "packSize"> | undefined,
): TermsProblem | undefined {
  if (!terms) return undefined;
  const pack = terms.packSize ?? 1;
  const suggestion = roundUpTo(Math.max(qty, terms.moq ?? 0), pack);
  if (terms.moq !== null && qty < terms.moq) return { rule: "moq", limit: terms.moq, suggestion };
  if (qty % pack !== 0) return { rule: "pack", limit: pack, suggestion };
  return undefined;
}

/** Rounds a quantity up to a whole number of steps. */
export function roundUpTo(qty: number, step: number): number {
  const size = step > 0 ? step : 1;
  return Math.ceil(qty / size) * size;
}

/** The smallest quantity that is whole purchase units and whole supplier packs at once. */
export function orderStep(purchaseFactor: number, packSize: number | null | undefined): number {
  const a = purchaseFactor > 0 ? purchaseFactor : 1;
  const b = packSize && packSize > 0 ? packSize : 1;
  return (a / gcd(a, b)) * b;
}

function gcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
