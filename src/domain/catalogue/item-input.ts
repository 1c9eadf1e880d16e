import { type ValuationMethod, valuationMethods } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import { maxMoneyMinor } from "../money.ts";
import { maxQuantity } from "../quantity.ts";
import { maxCodeLength, optionalText, optionalWholeNumber, requireText } from "./validate.ts";

/**
 * An item as an import row or a form gives it. Undefined fields are left as
 * they are on an existing item; null clears them. Quantities are base units,
 * money is minor units.
 */
export interface ItemInput {
  sku: string;
  name: string;
  nameZh?: string | null;
  category?: string | null;
  baseUnit: string;
  purchaseUnit?: string | null;
  purchaseUnitFactor?: number | null;
  salesUnit?: string | null;
  salesUnitFactor?: number | null;
  salePrice?: number | null;
  reorderPoint?: number | null;
  reorderQty?: number | null;
  maxLevel?: number | null;
  safetyStock?: number | null;
  leadTimeDays?: number | null;
  /** The default supplier's code; resolved to its id when written. */
  supplierCode?: string | null;
  valuation?: ValuationMethod;
  tracksLots?: boolean;
  /** Replaces the item's aliases when given. */
  aliases?: string[];
  /** Replaces the item's barcodes when given; a barcode names one item only. */
  barcodes?: string[];
}

const maxUnitLength = 16;
const maxFactor = 1_000_000;
const maxListLength = 50;

/** Checks and tidies an item before anything is written, so imports can validate every row first. */
export function normaliseItemInput(input: ItemInput): ItemInput {
  const purchase = normaliseUnit(
    input.purchaseUnit,
    input.purchaseUnitFactor,
    "purchaseUnit",
    "purchaseUnitFactor",
  );
  const sales = normaliseUnit(input.salesUnit, input.salesUnitFactor, "salesUnit", "salesUnitFactor");
  if (input.valuation !== undefined && !valuationMethods.includes(input.valuation)) {
    throw new JxcError(
      "INVALID_INPUT",
      { input: String(input.valuation), known: valuationMethods.join(", ") },
      "valuation",
    );
  }
  return {
    sku: requireText(input.sku, "sku", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    category: optionalText(input.category, "category"),
    baseUnit: requireText(input.baseUnit, "baseUnit", maxUnitLength),
    purchaseUnit: purchase.unit,
    purchaseUnitFactor: purchase.factor,
    salesUnit: sales.unit,
    salesUnitFactor: sales.factor,
    salePrice: optionalWholeNumber(input.salePrice, "salePrice", maxMoneyMinor),
    reorderPoint: optionalWholeNumber(input.reorderPoint, "reorderPoint", maxQuantity),
    reorderQty: optionalWholeNumber(input.reorderQty, "reorderQty", maxQuantity),
    maxLevel: optionalWholeNumber(input.maxLevel, "maxLevel", maxQuantity),
    safetyStock: optionalWholeNumber(input.safetyStock, "safetyStock", maxQuantity),
    leadTimeDays: optionalWholeNumber(input.leadTimeDays, "leadTimeDays", 3650),
    supplierCode: optionalText(input.supplierCode, "supplierCode", maxCodeLength),
    valuation: input.valuation,
    tracksLots: input.tracksLots,
    aliases: normaliseList(input.aliases, "aliases", 200),
    barcodes: normaliseList(input.barcodes, "barcodes", maxCodeLength),
  };
}

/** A unit and its factor come together: "box" means nothing without "= 20 pcs". */
function normaliseUnit(
  unit: string | null | undefined,
  factor: number | null | undefined,
  unitField: string,
  factorField: string,
): { unit: string | null | undefined; factor: number | null | undefined } {
  const name = optionalText(unit, unitField, maxUnitLength);
  if (name === undefined && (factor === undefined || factor === null))
    return { unit: undefined, factor: undefined };
  if (!name) {
    if (factor !== undefined && factor !== null) {
      throw new JxcError("INVALID_INPUT", { input: "", problem: "empty" }, unitField);
    }
    return { unit: null, factor: null };
  }
  if (factor === undefined || factor === null) {
    throw new JxcError("INVALID_INPUT", { input: "", problem: "empty" }, factorField);
  }
  const checked = optionalWholeNumber(factor, factorField, maxFactor);
  if (checked === 0) throw new JxcError("INVALID_INPUT", { input: "0", problem: "zero" }, factorField);
  return { unit: name, factor: checked };
}

/** Trims, drops blanks and repeats, keeping the order people wrote. */
function normaliseList(values: string[] | undefined, field: string, max: number): string[] | undefined {
  if (values === undefined) return undefined;
  const seen = new Set<string>();
  for (const value of values) {
    const text = value.trim();
    if (text === "") continue;
    if (text.length > max) throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field);
    seen.add(text);
  }
  if (seen.size > maxListLength) {
    throw new JxcError("INVALID_INPUT", { input: String(seen.size), problem: "too_large" }, field);
  }
  return [...seen];
}
