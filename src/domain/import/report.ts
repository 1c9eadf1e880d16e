import { type ErrorCode, type ErrorParams, isJxcError } from "../errors.ts";

/** What a CSV file holds; one import reads one kind. */
export const importKinds = ["items", "stock", "suppliers", "customers", "bins", "supplier_items"] as const;
export type ImportKind = (typeof importKinds)[number];

/** The encodings we detect; gb18030 is what Excel on Chinese Windows writes (a superset of GBK). */
export type CsvEncoding = "utf-8" | "gb18030";

/** One refused row or cell, numbered as a spreadsheet shows it (header = row 1, the file itself = row 0). */
export interface ImportError {
  row: number;
  column?: string;
  code: ErrorCode;
  params: ErrorParams;
}

/** What an import did, or would have done: counts, created places and every error with its row. */
export interface ImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportError[];
  createdWarehouses: string[];
  createdLocations: string[];
  encoding: CsvEncoding;
}

/** A report with nothing counted yet. */
export function emptyReport(encoding: CsvEncoding): ImportReport {
  return {
    ok: true,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    createdWarehouses: [],
    createdLocations: [],
    encoding,
  };
}

/** Turns a domain error into a row error; anything else is a bug and is rethrown, never swallowed. */
export function toImportError(row: number, column: string | undefined, error: unknown): ImportError {
  if (!isJxcError(error)) throw error;
  return column === undefined
    ? { row, code: error.code, params: error.params }
    : { row, column, code: error.code, params: error.params };
}
