import type { Db } from "../../../db/client.ts";
import type { Clock } from "../clock.ts";
import { currencyDecimals } from "../money.ts";
import { columnSets } from "./columns.ts";
import { decodeCsvBytes } from "./decode.ts";
import { emptyReport, type ImportKind, type ImportReport, toImportError } from "./report.ts";
import type { RowValidator, RunContext } from "./run.ts";
import { readCsvRows } from "./table.ts";
import { BinRowValidator } from "./validate-bins.ts";
import { ItemRowValidator } from "./validate-items.ts";
import { CustomerRowValidator, SupplierRowValidator } from "./validate-parties.ts";
import { StockRowValidator } from "./validate-stock.ts";
import { SupplierItemRowValidator } from "./validate-supplier-items.ts";
import {
  RowWriteError,
  type WriteContext,
  writeBins,
  writeCustomers,
  writeItems,
  writeStockLines,
  writeSupplierItems,
  writeSuppliers,
} from "./write-rows.ts";

/** How an import runs: who does it, whether bad rows are skipped, and the company currency. */
export interface ImportOptions {
  userId: string;
  /** Import the good rows and report the bad ones as skipped, instead of writing nothing. */
  skipBad?: boolean;
  currency: string;
}

/** One file of an import run. */
export interface ImportFile {
  kind: ImportKind;
  bytes: Uint8Array;
}

/** Dependencies first, so a run's items may name its suppliers and its stock its items. */
const kindOrder: readonly ImportKind[] = [
  "bins",
  "suppliers",
  "customers",
  "items",
  "stock",
  "supplier_items",
];

/** A validated file and how to write its good rows. */
interface Prepared {
  index: number;
  report: ImportReport;
  /** Absent when the file itself could not be read (encoding, header). */
  write?: (ctx: WriteContext, report: ImportReport) => void;
}

/**
 * Imports one CSV file (bytes in, report out): every row is validated first;
 * one bad row means nothing is written unless `skipBad`; all writes happen in
 * one transaction; re-importing the same file changes nothing.
 */
export function importCsv(
  db: Db,
  clock: Clock,
  kind: ImportKind,
  bytes: Uint8Array,
  options: ImportOptions,
): ImportReport {
  const [report] = importCsvFiles(db, clock, [{ kind, bytes }], options);
  if (!report) throw new Error("importCsvFiles returned no report");
  return report;
}

/**
 * Imports several files as one run and one transaction (e.g. suppliers, items
 * and opening stock for a new company): later kinds may refer to what earlier
 * kinds define, and if any file fails, no file is written. Reports come back
 * in the order the files were given.
 */
export function importCsvFiles(
  db: Db,
  clock: Clock,
  files: ImportFile[],
  options: ImportOptions,
): ImportReport[] {
  const run: RunContext = {
    db,
    currencyDecimals: currencyDecimals(options.currency),
    items: new Map(),
    suppliers: new Set(),
  };
  const ordered = files
    .map((file, index) => ({ ...file, index }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const prepared = ordered.map((file) => prepareFile(run, file.index, file.kind, file.bytes, options));
  const failed = prepared.some((file) => !file.report.ok);
  if (!failed) writeAll(db, clock, prepared, options);
  if (failed || prepared.some((file) => !file.report.ok)) {
    for (const file of prepared) file.report.ok = false;
  }
  return prepared.sort((a, b) => a.index - b.index).map((file) => file.report);
}

function prepareFile(
  run: RunContext,
  index: number,
  kind: ImportKind,
  bytes: Uint8Array,
  options: ImportOptions,
): Prepared {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    const report = emptyReport("utf-8");
    report.ok = false;
    report.errors.push({ row: 0, code: "INVALID_INPUT", params: { what: "file", reason: decoded.reason } });
    return { index, report };
  }
  const report = emptyReport(decoded.encoding);
  const plan = planFile(run, kind);
  const read = readCsvRows(decoded.text, columnSets[kind], (row) => plan.validator.add(row));
  if (read.errors.length > 0) {
    report.ok = false;
    report.errors.push(...read.errors);
    return { index, report };
  }
  const validation = plan.validator.result;
  report.rows = validation.valid.length + validation.bad;
  report.errors.push(...validation.errors);
  if (validation.bad > 0) {
    if (options.skipBad) report.skipped = validation.bad;
    else report.ok = false;
  }
  return { index, report, write: plan.write };
}

/** The validator for a kind of file, and the writer bound to the rows it accepts. */
function planFile(
  run: RunContext,
  kind: ImportKind,
): { validator: RowValidator<unknown>; write: (ctx: WriteContext, report: ImportReport) => void } {
  switch (kind) {
    case "bins": {
      const validator = new BinRowValidator();
      return { validator, write: (ctx, report) => writeBins(ctx, validator.result.valid, report) };
    }
    case "items": {
      const validator = new ItemRowValidator(run);
      return { validator, write: (ctx, report) => writeItems(ctx, validator.result.valid, report) };
    }
    case "stock": {
      const validator = new StockRowValidator(run);
      return { validator, write: (ctx, report) => writeStockLines(ctx, validator.result.valid, report) };
    }
    case "suppliers": {
      const validator = new SupplierRowValidator(run);
      return { validator, write: (ctx, report) => writeSuppliers(ctx, validator.result.valid, report) };
    }
    case "customers": {
      const validator = new CustomerRowValidator(run);
      return { validator, write: (ctx, report) => writeCustomers(ctx, validator.result.valid, report) };
    }
    case "supplier_items": {
      const validator = new SupplierItemRowValidator(run);
      return { validator, write: (ctx, report) => writeSupplierItems(ctx, validator.result.valid, report) };
    }
  }
}

/** Writes every prepared file in one transaction; a write failure rolls all of it back and is reported. */
function writeAll(db: Db, clock: Clock, prepared: Prepared[], options: ImportOptions): void {
  const ctx: WriteContext = { db, clock, userId: options.userId, at: clock.now() };
  let current: Prepared | undefined;
  try {
    db.$client
      .transaction(() => {
        for (const file of prepared) {
          current = file;
          file.write?.(ctx, file.report);
        }
      })
      .immediate();
  } catch (error) {
    if (!(error instanceof RowWriteError) || !current) throw error;
    for (const file of prepared) resetCounts(file.report);
    current.report.errors.push(toImportError(error.row, undefined, error.cause));
  }
}

function resetCounts(report: ImportReport): void {
  report.ok = false;
  report.created = 0;
  report.updated = 0;
  report.unchanged = 0;
  report.createdWarehouses = [];
  report.createdLocations = [];
}
