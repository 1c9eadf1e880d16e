import { isJxcError, JxcError } from "../errors.ts";
import { parseExactDecimal, parseMoney, rescaleDecimal } from "../money.ts";
import { type ItemUnits, parseQuantity } from "../quantity.ts";
import { listSeparator } from "./columns.ts";
import { type ImportError, toImportError } from "./report.ts";
import { type CsvRow, cellOf } from "./table.ts";

/** Domain field names whose CSV column is not simply their snake_case form. */
const columnOverrides: Record<string, string> = {
  baseUnit: "unit",
  purchaseUnitFactor: "purchase_factor",
  salesUnitFactor: "sales_factor",
  supplierCode: "supplier",
  barcodes: "barcode",
  ownerUserId: "owner",
};

/** The CSV column a domain field (the `field` of a JxcError) came from, so errors point at the cell. */
export function columnForField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  return columnOverrides[field] ?? field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Reads typed cells of one row, collecting every problem with its column
 * instead of stopping at the first, so a user fixes a file in one pass.
 * Absent columns read as undefined ("leave as is"), blank cells as null.
 */
export class RowReader {
  readonly errors: ImportError[] = [];

  constructor(readonly source: CsvRow) {
    if (source.problem) this.errors.push(source.problem);
  }

  get row(): number {
    return this.source.row;
  }

  /** The trimmed cell, "" when blank or when the file has no such column. */
  raw(column: string): string {
    return cellOf(this.source, column) ?? "";
  }

  text(column: string): string | null | undefined {
    const cell = cellOf(this.source, column);
    if (cell === undefined) return undefined;
    return cell === "" ? null : cell;
  }

  /** Several values in one cell, separated by "|"; undefined when the column is absent. */
  list(column: string): string[] | undefined {
    const cell = cellOf(this.source, column);
    if (cell === undefined) return undefined;
    return cell
      .split(listSeparator)
      .map((value) => value.trim())
      .filter((value) => value !== "");
  }

  /** A whole number such as days; Excel's "30.0" is fine, "1.5" is not. */
  wholeNumber(column: string, max: number): number | null | undefined {
    const cell = this.text(column);
    if (cell === undefined || cell === null) return cell;
    return this.attempt(column, () => {
      const reading = parseExactDecimal(cell.normalize("NFKC"));
      if (!reading.ok) throw new JxcError("INVALID_INPUT", { input: cell, problem: reading.problem });
      const value = rescaleDecimal(reading.value, 0);
      if (value === undefined) throw new JxcError("INVALID_INPUT", { input: cell, problem: "fractional" });
      if (value > BigInt(max)) throw new JxcError("INVALID_INPUT", { input: cell, problem: "too_large" });
      return Number(value);
    });
  }

  money(column: string, decimals: number): number | null | undefined {
    const cell = this.text(column);
    if (cell === undefined || cell === null) return cell;
    return this.attempt(column, () => parseMoney(cell, decimals));
  }

  /** A quantity in any of the item's units, converted to base units; "0" is allowed (a level, not a move). */
  level(column: string, units: ItemUnits | undefined): number | null | undefined {
    const cell = this.text(column);
    if (cell === undefined || cell === null) return cell;
    const reading = parseExactDecimal(cell.normalize("NFKC"));
    if (reading.ok && reading.value.digits === 0n) return 0;
    if (!units) return undefined;
    return this.attempt(column, () => parseQuantity(cell, units).baseQty);
  }

  /** Runs a check, recording a JxcError against `column` (or the field it names) instead of throwing. */
  attempt<T>(column: string | undefined, check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      const at = isJxcError(error) && error.field !== undefined ? columnForField(error.field) : column;
      this.errors.push(toImportError(this.row, at, error));
      return undefined;
    }
  }

  fail(column: string | undefined, error: JxcError): void {
    this.errors.push(toImportError(this.row, column, error));
  }
}
