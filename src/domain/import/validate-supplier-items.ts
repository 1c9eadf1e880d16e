import { isRealDay, toDay } from "../../text/calendar.ts";
import { prepareCached } from "../catalogue/sql.ts";
import { maxCodeLength, requireText } from "../catalogue/validate.ts";
import { JxcError } from "../errors.ts";
import { type ItemUnits, parseQuantity } from "../quantity.ts";
import { RowReader } from "./cells.ts";
import { type RowValidator, type RunContext, type Validation, ValidationCollector } from "./run.ts";
import type { CsvRow } from "./table.ts";
import { findUnits } from "./validate-stock.ts";

/**
 * One line of a supplier_items file: a supplier's terms for one item and, when a price is given,
 * that price on its list from `validFrom` ("" = always). Codes are resolved when written, so the
 * suppliers and items files of the same run may define them. Undefined leaves a value as it is.
 */
export interface SupplierItemLineInput {
  supplier: string;
  sku: string;
  price: number | null;
  validFrom: string;
  moq: number | null;
  packSize: number | null;
  supplierSku: string | null | undefined;
  leadTimeDays: number | null | undefined;
}

const maxLeadDays = 3650;

/**
 * Checks every row of a supplier_items file: the supplier and the SKU exist (stored or in this
 * run), MOQ and pack size read in the item's units and are above zero, the price is money in the
 * currency's decimals, valid_from is a real day, and no supplier × item × valid_from appears twice.
 */
export class SupplierItemRowValidator implements RowValidator<SupplierItemLineInput> {
  private readonly collector = new ValidationCollector<SupplierItemLineInput>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly run: RunContext) {}

  get result(): Validation<SupplierItemLineInput> {
    return this.collector.result;
  }

  add(source: CsvRow): void {
    const cells = new RowReader(source);
    const line = this.read(cells);
    if (line) {
      const key = `${line.supplier}\u0000${line.sku}\u0000${line.validFrom}`.toLowerCase();
      const firstRow = this.seen.get(key);
      if (firstRow === undefined) this.seen.set(key, cells.row);
      else {
        const label = `${line.supplier} ${line.sku}${line.validFrom ? ` ${line.validFrom}` : ""}`;
        cells.fail("sku", new JxcError("DUPLICATE", { what: "supplier item", key: label, row: firstRow }));
      }
    }
    this.collector.add(cells.row, cells.errors, line);
  }

  private read(cells: RowReader): SupplierItemLineInput | undefined {
    const supplier = cells.attempt("supplier", () =>
      requireText(cells.raw("supplier"), "supplier", maxCodeLength),
    );
    if (supplier !== undefined && !this.supplierExists(supplier)) {
      cells.fail("supplier", new JxcError("UNKNOWN_SUPPLIER", { query: supplier }));
    }
    const sku = cells.attempt("sku", () => requireText(cells.raw("sku"), "sku", maxCodeLength));
    const units = sku === undefined ? undefined : findUnits(this.run, sku);
    if (sku !== undefined && !units) cells.fail("sku", new JxcError("UNKNOWN_ITEM", { query: sku }));
    const moq = quantity(cells, "moq", units);
    const packSize = quantity(cells, "pack_size", units);
    const price = cells.money("price", this.run.currencyDecimals);
    if (price !== undefined && price !== null && price <= 0) {
      cells.fail("price", new JxcError("INVALID_MONEY", { input: cells.raw("price"), problem: "zero" }));
    }
    const validFrom = readDay(cells, "valid_from");
    if (validFrom && (price === null || price === undefined) && cells.errors.length === 0) {
      cells.fail("price", new JxcError("INVALID_MONEY", { input: "", problem: "empty" }));
    }
    const supplierSku = cells.text("supplier_sku");
    if (supplierSku && supplierSku.length > maxCodeLength) {
      cells.fail("supplier_sku", new JxcError("INVALID_INPUT", { input: supplierSku, problem: "too_long" }));
    }
    const leadTimeDays = cells.wholeNumber("lead_time_days", maxLeadDays);
    if (cells.errors.length > 0 || supplier === undefined || sku === undefined) return undefined;
    if (moq === undefined || packSize === undefined || validFrom === undefined) return undefined;
    return {
      supplier,
      sku,
      price: price ?? null,
      validFrom,
      moq,
      packSize,
      supplierSku,
      leadTimeDays,
    };
  }

  private supplierExists(code: string): boolean {
    if (this.run.suppliers.has(code.toLowerCase())) return true;
    return (
      prepareCached(
        this.run.db,
        "select 1 from suppliers where code = ? collate nocase and archived = 0",
      ).get(code) !== undefined
    );
  }
}

/** A quantity above zero in any of the item's units ("10 box"); blank is null (no such term). */
function quantity(cells: RowReader, column: string, units: ItemUnits | undefined): number | null | undefined {
  const text = cells.text(column);
  if (text === null) return null;
  if (text === undefined || !units) return undefined;
  return cells.attempt(column, () => parseQuantity(text, units).baseQty);
}

/** A full day (2026-03-01 or 2026/3/1); blank is "" (in effect from the start). */
function readDay(cells: RowReader, column: string): string | undefined {
  const text = cells.text(column);
  if (text === undefined || text === null) return "";
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.normalize("NFKC"));
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || !isRealDay(year, month, day)) {
    cells.fail(column, new JxcError("INVALID_INPUT", { input: text, problem: "not_a_date" }));
    return undefined;
  }
  return toDay({ year, month, day });
}
