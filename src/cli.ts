import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { openDatabase } from "../db/client.ts";
import { ConfigError, loadConfig, loadDotEnv } from "./config.ts";
import { systemClock } from "./domain/clock.ts";
import { JxcError } from "./domain/errors.ts";
import { exportCsv } from "./domain/import/export-csv.ts";
import { type ImportFile, importCsvFiles } from "./domain/import/import-csv.ts";
import { type ImportError, type ImportKind, type ImportReport, importKinds } from "./domain/import/report.ts";
import { describeError } from "./i18n/index.ts";

// The command line for bulk catalogue work (`npm run jxc -- …`): argument parsing and printing only.

const kinds = importKinds;
const cliUser = "cli";

const usage = `Usage:
  npm run jxc -- import <kind> <file> [<kind> <file> …] [--skip-bad]
  npm run jxc -- export <kind> <file>
kinds: ${kinds.join(", ")}. Several import files run as one transaction (bins, suppliers, customers, items, stock, then supplier_items).
Environment: DATABASE_PATH (default ./data/jxc.sqlite), JXC_CURRENCY (default CNY).`;

class UsageError extends Error {}

function isKind(value: string | undefined): value is ImportKind {
  return kinds.includes(value as ImportKind);
}

function parseFilePairs(args: string[]): { kind: ImportKind; path: string }[] {
  const pairs: { kind: ImportKind; path: string }[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const kind = args[i];
    const path = args[i + 1];
    if (!isKind(kind)) throw new UsageError(`Unknown kind "${kind ?? ""}".`);
    if (!path) throw new UsageError(`Missing the file after "${kind}".`);
    pairs.push({ kind, path });
  }
  if (pairs.length === 0) throw new UsageError("Name a kind and a file.");
  return pairs;
}

/** One error in plain English, with the extra detail a terminal has room for. */
function describeImportError(error: ImportError): string {
  const where =
    error.row === 0 ? "file" : `row ${error.row}${error.column ? `, column ${error.column}` : ""}`;
  let text = describeError("en", new JxcError(error.code, error.params));
  if (error.row === 0) {
    const why = { binary: "it looks binary", "utf-16": "it is UTF-16; save it as CSV UTF-8" }[
      String(error.params.reason)
    ];
    text = `not a CSV text file in UTF-8 or GB18030 (${why ?? "unknown encoding"}).`;
  }
  if (error.params.known !== undefined) text += ` Known: ${error.params.known}.`;
  if (error.params.detail !== undefined) text += ` (${error.params.detail})`;
  if (error.code === "DUPLICATE" && error.params.row !== undefined)
    text += ` First on row ${error.params.row}.`;
  if (error.code === "DUPLICATE" && error.params.owner !== undefined)
    text += ` It belongs to ${error.params.owner}.`;
  return `  ${where}: ${text}`;
}

function printReport(path: string, kind: ImportKind, report: ImportReport): void {
  const name = `${basename(path)} (${kind}, ${report.encoding})`;
  if (!report.ok) {
    const errorCount = report.errors.length;
    console.log(`${name}: nothing was imported — ${errorCount} error${errorCount === 1 ? "" : "s"}:`);
  } else {
    console.log(
      `${name}: ${report.rows} row${report.rows === 1 ? "" : "s"} — ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.skipped} skipped`,
    );
    if (report.createdWarehouses.length > 0)
      console.log(`  created warehouses: ${report.createdWarehouses.join(", ")}`);
    if (report.createdLocations.length > 0)
      console.log(`  created bins: ${report.createdLocations.join(", ")}`);
    if (report.errors.length > 0) console.log("  skipped rows:");
  }
  for (const error of report.errors) console.log(describeImportError(error));
}

function runImport(args: string[]): number {
  const skipBad = args.includes("--skip-bad");
  const pairs = parseFilePairs(args.filter((arg) => arg !== "--skip-bad"));
  const files: ImportFile[] = pairs.map(({ kind, path }) => ({ kind, bytes: readFileSync(path) }));
  const config = loadConfig(process.env);
  const db = openDatabase(config.databasePath);
  try {
    const reports = importCsvFiles(db, systemClock, files, {
      userId: cliUser,
      skipBad,
      currency: config.currency,
    });
    reports.forEach((report, index) => {
      const pair = pairs[index];
      if (pair) printReport(pair.path, pair.kind, report);
    });
    return reports.every((report) => report.ok) ? 0 : 1;
  } finally {
    db.$client.close();
  }
}

function runExport(args: string[]): number {
  const [kind, path, ...rest] = args;
  if (!isKind(kind) || !path || rest.length > 0) throw new UsageError("Export takes one kind and one file.");
  const config = loadConfig(process.env);
  const db = openDatabase(config.databasePath);
  try {
    writeFileSync(path, exportCsv(db, kind, { currency: config.currency }));
    console.log(`Wrote ${kind} to ${path}.`);
    return 0;
  } finally {
    db.$client.close();
  }
}

function main(argv: string[]): number {
  loadDotEnv();
  const [command, ...args] = argv;
  try {
    if (command === "import") return runImport(args);
    if (command === "export") return runExport(args);
    throw new UsageError(command ? `Unknown command "${command}".` : "Name a command.");
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n${usage}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof Error && "code" in error && error.code === "ENOENT")
      console.error(error.message);
    else throw error;
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
