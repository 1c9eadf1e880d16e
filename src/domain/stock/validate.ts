import { JxcError } from "../errors.ts";

/** The largest quantity one move may carry, in base units. */
export const maxMoveQty = 1_000_000_000;

/** A move quantity: a whole number of base units, 1 … 1e9. */
export function requireQuantity(qty: number, field = "qty"): number {
  const problem = quantityProblem(qty);
  if (problem) throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem }, field);
  return qty;
}

/** A signed change (adjustments): like a quantity but may be negative, never zero. */
export function requireQuantityDelta(delta: number, field = "qtyDelta"): number {
  const problem = quantityProblem(Math.abs(delta));
  if (problem) throw new JxcError("INVALID_QUANTITY", { input: String(delta), problem }, field);
  return delta;
}

/** A target balance (opening stock): like a quantity but zero is allowed. */
export function requireBalanceQuantity(qty: number, field = "qty"): number {
  if (qty === 0) return 0;
  return requireQuantity(qty, field);
}

/** Money in minor units: a safe non-negative integer. */
export function requireMoney(amount: number, field: string): number {
  const problem = !Number.isFinite(amount)
    ? "not_a_number"
    : !Number.isInteger(amount)
      ? "too_many_decimals"
      : amount < 0
        ? "negative"
        : !Number.isSafeInteger(amount)
          ? "too_large"
          : undefined;
  if (problem) throw new JxcError("INVALID_MONEY", { input: String(amount), problem }, field);
  return amount;
}

/** unitCost × qty, refused when the product would leave exact integer range. */
export function multiplyMoney(unitCost: number, qty: number, field: string): number {
  requireMoney(unitCost, field);
  const value = BigInt(unitCost) * BigInt(qty);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new JxcError("INVALID_MONEY", { input: String(unitCost), problem: "too_large" }, field);
  }
  return Number(value);
}

function quantityProblem(qty: number) {
  if (!Number.isFinite(qty)) return "not_a_number" as const;
  if (!Number.isInteger(qty)) return "fractional" as const;
  if (qty === 0) return "zero" as const;
  if (qty < 0) return "negative" as const;
  if (qty > maxMoveQty) return "too_large" as const;
  return undefined;
}
