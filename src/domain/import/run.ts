import type { Db } from "../../../db/client.ts";
import type { ItemUnits } from "../quantity.ts";
import type { ImportError } from "./report.ts";
import type { CsvRow } from "./table.ts";

/**
 * What one import run knows while validating: the database, the currency, and
 * the SKUs and supplier codes that earlier files of the same run define, so a
 * stock file may name an item that the items file of the same run creates.
 */
export interface RunContext {
  db: Db;
  currencyDecimals: number;
  /** Lower-case SKU → units, for items defined by this run. */
  items: Map<string, ItemUnits>;
  /** Lower-case codes of suppliers defined by this run. */
  suppliers: Set<string>;
}

/** A row that passed validation, with the input it will be written as. */
export interface ValidRow<T> {
  row: number;
  input: T;
}

/** The outcome of validating one file: good rows, every error, and how many rows were bad. */
export interface Validation<T> {
  valid: ValidRow<T>[];
  errors: ImportError[];
  bad: number;
}

/** Validates rows one at a time as the parser hands them over, keeping only what will be written. */
export interface RowValidator<T> {
  add(source: CsvRow): void;
  readonly result: Validation<T>;
}

/** Collects rows into a Validation, counting a row as bad when it produced any error. */
export class ValidationCollector<T> {
  readonly result: Validation<T> = { valid: [], errors: [], bad: 0 };

  add(row: number, errors: ImportError[], input: T | undefined): void {
    if (errors.length > 0 || input === undefined) {
      this.result.errors.push(...errors);
      this.result.bad++;
      return;
    }
    this.result.valid.push({ row, input });
  }
}
