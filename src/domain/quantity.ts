import { JxcError } from "./errors.ts";
import { parseExactDecimal } from "./money.ts";

/** The unit facts of an item that quantity parsing needs (a subset of the items row). */
export interface ItemUnits {
  baseUnit: string;
  purchaseUnit?: string | null;
  purchaseUnitFactor?: number | null;
  salesUnit?: string | null;
  salesUnitFactor?: number | null;
}

/** Largest quantity in base units we accept: far beyond any real stock, far below float trouble. */
export const maxQuantity = 1_000_000_000;

/** Every unit an item can be counted in, with how many base units one of it holds. */
export function listUnits(item: ItemUnits): { unit: string; factor: number }[] {
  const units = [{ unit: item.baseUnit, factor: 1 }];
  if (item.purchaseUnit && item.purchaseUnitFactor) {
    units.push({ unit: item.purchaseUnit, factor: item.purchaseUnitFactor });
  }
  if (item.salesUnit && item.salesUnitFactor)
    units.push({ unit: item.salesUnit, factor: item.salesUnitFactor });
  return units;
}

const quantityShape = /^([+\-−]?[\d.,]*\d(?:e[+-]?\d+)?)\s*(.*)$/i;

/**
 * Reads what people type ("3", "3 box", "3box", "2箱", "1.5 box") into whole base
 * units, so the ledger only ever sees exact integers.
 */
export function parseQuantity(input: string, item: ItemUnits): { baseQty: number; unit: string } {
  const text = input.normalize("NFKC").trim();
  if (text === "") throw refuseQuantity(input, "empty");
  const shape = quantityShape.exec(text);
  if (!shape) throw refuseQuantity(input, "not_a_number");
  const [, numberText = "", unitText = ""] = shape;
  const reading = parseExactDecimal(numberText);
  if (!reading.ok) throw refuseQuantity(input, reading.problem);
  const unit = findUnit(item, unitText);
  if (!unit) throw refuseQuantity(input, "unknown_unit");
  const { digits, scale } = reading.value;
  if (digits === 0n) throw refuseQuantity(input, "zero");
  const scaled = digits * BigInt(unit.factor);
  const divisor = 10n ** BigInt(scale);
  if (scaled % divisor !== 0n) throw refuseQuantity(input, "fractional");
  const baseQty = scaled / divisor;
  if (baseQty > BigInt(maxQuantity)) throw refuseQuantity(input, "too_large");
  return { baseQty: Number(baseQty), unit: unit.unit };
}

// A plain function rather than a closure: parseQuantity runs 100k times in an import.
function refuseQuantity(input: string, problem: string): JxcError {
  return new JxcError("INVALID_QUANTITY", { input, problem });
}

function findUnit(item: ItemUnits, typed: string): { unit: string; factor: number } | undefined {
  const units = listUnits(item);
  const wanted = typed.trim().toLowerCase();
  if (wanted === "") return units[0];
  return units.find((candidate) => candidate.unit.normalize("NFKC").toLowerCase() === wanted);
}

/**
 * Base units as people read them: "45 pcs", or in a bigger unit when asked
 * ("2 box 5 pcs" when it does not divide evenly).
 */
export function formatQuantity(baseQty: number, item: ItemUnits, unit?: string): string {
  const chosen = unit === undefined ? undefined : findUnit(item, unit);
  if (!chosen || chosen.factor === 1) return `${baseQty} ${item.baseUnit}`;
  const sign = baseQty < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(baseQty) / chosen.factor);
  const rest = Math.abs(baseQty) % chosen.factor;
  if (rest === 0) return `${sign}${whole} ${chosen.unit}`;
  if (whole === 0) return `${sign}${rest} ${item.baseUnit}`;
  return `${sign}${whole} ${chosen.unit} ${rest} ${item.baseUnit}`;
}
