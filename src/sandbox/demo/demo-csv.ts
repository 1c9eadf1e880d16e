import { stringify } from "csv-stringify/sync";
import { allColumns } from "../../domain/import/columns.ts";
import type { ImportFile } from "../../domain/import/import-csv.ts";
import type { ImportKind } from "../../domain/import/report.ts";
import {
  demoBinsByDistance,
  demoCustomerTable,
  demoItemTable,
  demoSupplierTable,
  demoWarehouseNames,
} from "./demo-catalogue.ts";

/** One CSV row: column → cell. */
export type CsvRecord = Record<string, string>;

// The columns of the supplier and customer tables in demo-catalogue.ts, in their order.
const supplierColumns = [
  "code",
  "name",
  "name_zh",
  "contact",
  "phone",
  "email",
  "payment_terms_days",
  "lead_time_days",
];
const customerColumns = [
  "code",
  "name",
  "name_zh",
  "contact",
  "phone",
  "owner",
  "payment_terms_days",
  "credit_limit",
];

/** One demo item as the table gives it, typed: what the history and the supplier terms are built from. */
export interface DemoItem {
  sku: string;
  category: string;
  /** The bigger unit's factor (a box of 100), 1 without one. */
  factor: number;
  /** Unit cost in the currency's text form ("0.04"), as on the table. */
  cost: string;
  reorderPoint: number;
  supplier: string;
  /** Where its stock is now: warehouse, bin, quantity. */
  places: { warehouse: string; bin: string; qty: number }[];
}

/** Every demo item from the table, typed. */
export function demoItems(): DemoItem[] {
  return rowsOf(demoItemTable).map((row) => ({
    sku: cell(row, 0),
    category: cell(row, 5),
    factor: Number(cell(row, 4).split("=")[1] ?? 1) || 1,
    cost: cell(row, 7),
    reorderPoint: Number(cell(row, 8)),
    supplier: cell(row, 9),
    places: stockRecords(row).map((r) => ({
      warehouse: r.warehouse ?? "",
      bin: r.bin ?? "",
      qty: Number(r.qty),
    })),
  }));
}

/** Each demo supplier's lead time in days, by code. */
export function demoLeadTimes(): Map<string, number> {
  return new Map(rowsOf(demoSupplierTable).map((row) => [cell(row, 0), Number(cell(row, 7))]));
}

/** What the demo's history changes about the files: more opening stock (it is issued later) and supplier terms. */
export interface DemoFileOptions {
  /** Extra opening quantity per `sku warehouse/bin`, issued again by the history. */
  openingExtra?: ReadonlyMap<string, number>;
  /** The supplier_items file's rows (prices, MOQ, pack sizes). */
  supplierItems?: CsvRecord[];
}

/** The key of an opening-stock line in DemoFileOptions.openingExtra. */
export const openingKey = (sku: string, warehouse: string, bin: string) => `${sku} ${warehouse}/${bin}`;

/**
 * The demo company as the CSV files an admin would import: bins, suppliers, customers, items,
 * opening stock and the suppliers' price lists.
 */
export function demoImportFiles(options: DemoFileOptions = {}): ImportFile[] {
  const items = rowsOf(demoItemTable);
  const extra = options.openingExtra ?? new Map<string, number>();
  const stock = items.flatMap(stockRecords).map((record) => {
    const more = extra.get(openingKey(record.sku ?? "", record.warehouse ?? "", record.bin ?? "")) ?? 0;
    return { ...record, qty: String(Number(record.qty) + more) };
  });
  const files = [
    file("bins", binRecords()),
    file(
      "suppliers",
      rowsOf(demoSupplierTable).map((row) => recordOf(supplierColumns, row)),
    ),
    file(
      "customers",
      rowsOf(demoCustomerTable).map((row) => recordOf(customerColumns, row)),
    ),
    file("items", items.map(itemRecord)),
    file("stock", stock),
  ];
  if (options.supplierItems) files.push(file("supplier_items", options.supplierItems));
  return files;
}

/** Every demo bin with its rank (distance from the door) and its warehouse's names. */
function binRecords(): CsvRecord[] {
  return Object.entries(demoBinsByDistance).flatMap(([warehouse, bins]) =>
    bins.map((bin, index) => ({
      warehouse,
      bin,
      warehouse_name: demoWarehouseNames[warehouse]?.name ?? warehouse,
      warehouse_name_zh: demoWarehouseNames[warehouse]?.nameZh ?? "",
      zone: bin.slice(0, 1),
      rank: String(index + 1),
      capacity: "",
    })),
  );
}

function file(kind: ImportKind, records: CsvRecord[]): ImportFile {
  const text = stringify(records, { header: true, columns: allColumns(kind) });
  return { kind, bytes: Buffer.from(text, "utf8") };
}

/** The cells of each non-empty line of a `|`-separated table. */
function rowsOf(table: string): string[][] {
  return table
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("|").map((cell) => cell.trim()));
}

function cell(row: string[], index: number): string {
  return row[index] ?? "";
}

/** A table row as a CSV record: the row's cells under these column names, in order. */
function recordOf(columns: readonly string[], row: string[]): CsvRecord {
  return Object.fromEntries(columns.map((column, index) => [column, cell(row, index)]));
}

function itemRecord(row: string[]): CsvRecord {
  const sku = cell(row, 0);
  const [bigUnit = "", factor = ""] = cell(row, 4).split("=");
  const reorderPoint = Number(cell(row, 8));
  const record: CsvRecord = {
    sku,
    name: cell(row, 1),
    name_zh: cell(row, 2),
    unit: cell(row, 3),
    barcode: ean13(sku),
    category: cell(row, 5),
    sale_price: cell(row, 6),
    reorder_point: String(reorderPoint),
    // No reorder quantity: the plan sizes orders from the demo's issue history instead.
    reorder_qty: "",
    // Fasteners keep a fifth of their reorder point as safety stock.
    safety_stock: cell(row, 5) === "fasteners" ? String(Math.round(reorderPoint / 5)) : "",
    lead_time_days: "",
    supplier: cell(row, 9),
  };
  if (bigUnit) {
    // Buy in the bigger unit (1 box = 100 pcs); gloves also sell by the dozen.
    record.purchase_unit = bigUnit;
    record.purchase_factor = factor;
    if (bigUnit === "dz") {
      record.sales_unit = bigUnit;
      record.sales_factor = factor;
    }
  }
  return record;
}

function stockRecords(row: string[]): CsvRecord[] {
  return cell(row, 10)
    .split(/\s+/)
    .filter(Boolean)
    .map((place) => {
      const [where = "", qty = ""] = place.split(":");
      const [warehouse = "", bin = ""] = where.split("/");
      return { sku: cell(row, 0), warehouse, bin, qty, unit_cost: cell(row, 7) };
    });
}

/** A stable, valid EAN-13 per SKU (prefix 69 = China), so barcode search works in the demo. */
function ean13(sku: string): string {
  let hash = 0;
  for (const char of sku) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 10_000_000_000;
  const body = `69${String(hash).padStart(10, "0")}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
