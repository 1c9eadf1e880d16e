import { stringify } from "csv-stringify/sync";
import type { Db } from "../../../db/client.ts";
import { groupPairs } from "../catalogue/item-reads.ts";
import { prepareCached } from "../catalogue/sql.ts";
import { currencyDecimals, formatMoneyPlain } from "../money.ts";
import { guardCell } from "./cell-guard.ts";
import { allColumns, listSeparator } from "./columns.ts";
import type { ImportKind } from "./report.ts";

type Cell = string | number | null;
type CsvRecord = { [column: string]: Cell };

/** Excel only reads a CSV as UTF-8 (and shows Chinese correctly) when it starts with a BOM. */
const utf8Bom = "\uFEFF";

/**
 * The catalogue (or current stock) as CSV with exactly the import columns, so
 * a file exported, edited in Excel and imported again changes only what was
 * edited. UTF-8 with BOM and CRLF line ends, as Excel expects.
 */
export function exportCsv(db: Db, kind: ImportKind, options: { currency?: string } = {}): string {
  const decimals = currencyDecimals(options.currency ?? "CNY");
  const money = (minor: Cell) => (typeof minor === "number" ? formatMoneyPlain(minor, decimals) : null);
  const records = readRecords(db, kind, money).map((record) => guardTexts(record));
  return (
    utf8Bom + stringify(records, { header: true, columns: allColumns(kind), record_delimiter: "windows" })
  );
}

function readRecords(db: Db, kind: ImportKind, money: (minor: Cell) => string | null): CsvRecord[] {
  switch (kind) {
    case "bins":
      return all(
        db,
        `select w.code as warehouse, l.code as bin, w.name as warehouse_name, w.name_zh as warehouse_name_zh,
                l.zone, l.rank, l.capacity
           from locations l join warehouses w on w.id = l.warehouse_id
          where l.archived = 0 and w.archived = 0 order by w.code collate nocase, l.code collate nocase`,
      );
    case "items":
      return readItems(db, money);
    case "stock":
      return readStock(db, money);
    case "suppliers":
      return all(
        db,
        `select code, name, name_zh, contact, phone, email, payment_terms_days, lead_time_days, quality_notes
           from suppliers where archived = 0 order by code collate nocase`,
      );
    case "supplier_items":
      return readSupplierItems(db, money);
    case "customers":
      return all(
        db,
        `select code, name, name_zh, contact, phone, email, owner_user_id as owner, payment_terms_days, credit_limit
           from customers where archived = 0 order by code collate nocase`,
      ).map((row) => ({ ...row, credit_limit: money(row.credit_limit ?? null) }));
  }
}

/**
 * One row per price on a supplier's list (terms repeated), or one row without a price for an
 * item with terms only, so the file re-imports unchanged. MOQ and pack size in base units.
 */
function readSupplierItems(db: Db, money: (minor: Cell) => string | null): CsvRecord[] {
  return all(
    db,
    `select s.code as supplier, i.sku, p.unit_price as price, si.moq, si.pack_size, si.supplier_sku,
            si.lead_time_days, p.valid_from
       from supplier_items si join suppliers s on s.id = si.supplier_id join items i on i.id = si.item_id
       left join supplier_prices p on p.supplier_item_id = si.id
      where s.archived = 0 and i.archived = 0
      order by s.code collate nocase, i.sku collate nocase, p.valid_from`,
  ).map((row) => ({ ...row, price: money(row.price ?? null), valid_from: row.valid_from || null }));
}

function all(db: Db, text: string): CsvRecord[] {
  return prepareCached(db, text).all() as CsvRecord[];
}

function readItems(db: Db, money: (minor: Cell) => string | null): CsvRecord[] {
  const aliases = groupPairs(db, "select item_id, alias from item_aliases order by item_id, rowid");
  const barcodes = groupPairs(db, "select item_id, barcode from item_barcodes order by item_id, rowid");
  const rows = all(
    db,
    `select i.id, i.sku, i.name, i.name_zh, i.base_unit as unit, i.category, i.sale_price, i.reorder_point,
            i.reorder_qty, i.lead_time_days, s.code as supplier, i.safety_stock, i.max_level, i.purchase_unit,
            i.purchase_unit_factor as purchase_factor, i.sales_unit, i.sales_unit_factor as sales_factor, i.valuation
       from items i left join suppliers s on s.id = i.default_supplier_id
      where i.archived = 0 order by i.sku collate nocase`,
  );
  return rows.map(({ id, ...row }) => ({
    ...row,
    sale_price: money(row.sale_price ?? null),
    barcode: (barcodes.get(Number(id)) ?? []).join(listSeparator),
    aliases: (aliases.get(Number(id)) ?? []).join(listSeparator),
  }));
}

/**
 * Stock on hand per item × bin (lots summed), valued per bin from the ledger,
 * so a file of opening stock exports to itself and re-imports unchanged.
 */
function readStock(db: Db, money: (minor: Cell) => string | null): CsvRecord[] {
  const rows = all(
    db,
    `with on_hand as (
       select item_id, location_id, sum(on_hand) as qty from stock_balances group by item_id, location_id
     ), value as (
       select item_id, location_id, sum(value) as value from stock_moves group by item_id, location_id
     )
     select i.sku, w.code as warehouse, l.code as bin, h.qty, coalesce(v.value, 0) as value
       from on_hand h
       join items i on i.id = h.item_id
       join locations l on l.id = h.location_id
       join warehouses w on w.id = l.warehouse_id
       left join value v on v.item_id = h.item_id and v.location_id = h.location_id
      where h.qty > 0
      order by i.sku collate nocase, w.code collate nocase, l.code collate nocase`,
  );
  return rows.map(({ value, ...row }) => ({
    ...row,
    unit_cost: money(roundHalfUp(Number(value), Number(row.qty))),
  }));
}

/** value / qty rounded half up to whole minor units (values are never negative here in practice). */
function roundHalfUp(value: number, qty: number): number {
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(value) + qty) / (2 * qty));
}

function guardTexts(record: CsvRecord): CsvRecord {
  const guarded: CsvRecord = {};
  for (const [column, value] of Object.entries(record))
    guarded[column] = typeof value === "string" ? guardCell(value) : value;
  return guarded;
}
