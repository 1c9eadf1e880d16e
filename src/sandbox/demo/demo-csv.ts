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

type CsvRecord = Record<string, string>;

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

/** The demo company as the CSV files an admin would import: bins, suppliers, customers, items, opening stock. */
export function demoImportFiles(): ImportFile[] {
  const items = rowsOf(demoItemTable);
  return [
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
    file("stock", items.flatMap(stockRecords)),
  ];
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
    // Order twice the reorder point when stock runs low, a common rule of thumb.
    reorder_qty: String(reorderPoint * 2),
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
