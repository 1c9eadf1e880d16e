import { defaultBinCode } from "../catalogue/places.ts";
import { prepareCached } from "../catalogue/sql.ts";
import { maxCodeLength, requireText } from "../catalogue/validate.ts";
import { JxcError } from "../errors.ts";
import { parseMoney } from "../money.ts";
import { type ItemUnits, parseQuantity } from "../quantity.ts";
import { RowReader } from "./cells.ts";
import { type RowValidator, type RunContext, type Validation, ValidationCollector } from "./run.ts";
import type { CsvRow } from "./table.ts";

/** One opening-stock line: set this item's quantity in this bin, valued at unit_cost per base unit. */
export interface StockLineInput {
  sku: string;
  warehouse: string;
  bin: string;
  qty: number;
  unitCost: number;
}

/**
 * Checks every row of an opening-stock file: the SKU exists (stored, or defined
 * by an items file of the same run), the quantity reads in the item's units,
 * the cost is money, and no item × warehouse × bin appears twice.
 */
export class StockRowValidator implements RowValidator<StockLineInput> {
  private readonly collector = new ValidationCollector<StockLineInput>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly run: RunContext) {}

  get result(): Validation<StockLineInput> {
    return this.collector.result;
  }

  add(source: CsvRow): void {
    const cells = new RowReader(source);
    const line = readStockLine(this.run, cells);
    if (line) {
      const key = `${line.sku}\u0000${line.warehouse}\u0000${line.bin}`.toLowerCase();
      const firstRow = this.seen.get(key);
      if (firstRow === undefined) this.seen.set(key, cells.row);
      else {
        const label = `${line.sku} ${line.warehouse}/${line.bin}`;
        cells.fail("bin", new JxcError("DUPLICATE", { what: "stock line", key: label, row: firstRow }));
      }
    }
    this.collector.add(cells.row, cells.errors, line);
  }
}

function readStockLine(run: RunContext, cells: RowReader): StockLineInput | undefined {
  const sku = cells.attempt("sku", () => requireText(cells.raw("sku"), "sku", maxCodeLength));
  const units = sku === undefined ? undefined : findUnits(run, sku);
  if (sku !== undefined && !units) cells.fail("sku", new JxcError("UNKNOWN_ITEM", { query: sku }));
  const warehouse = cells.attempt("warehouse", () =>
    requireText(cells.raw("warehouse"), "warehouse", maxCodeLength),
  );
  const binText = cells.raw("bin");
  const bin =
    binText === "" ? defaultBinCode : cells.attempt("bin", () => requireText(binText, "bin", maxCodeLength));
  const qty = units ? cells.attempt("qty", () => parseQuantity(cells.raw("qty"), units).baseQty) : undefined;
  const unitCost = cells.attempt("unit_cost", () => parseMoney(cells.raw("unit_cost"), run.currencyDecimals));
  if (sku === undefined || warehouse === undefined || bin === undefined) return undefined;
  if (qty === undefined || unitCost === undefined) return undefined;
  return { sku, warehouse, bin, qty, unitCost };
}

/** The units of an item by SKU: defined by this run, or stored and active. */
export function findUnits(run: RunContext, sku: string): ItemUnits | undefined {
  const pending = run.items.get(sku.toLowerCase());
  if (pending) return pending;
  const row = prepareCached(
    run.db,
    `select base_unit as baseUnit, purchase_unit as purchaseUnit, purchase_unit_factor as purchaseUnitFactor,
            sales_unit as salesUnit, sales_unit_factor as salesUnitFactor
       from items where sku = ? collate nocase and archived = 0`,
  ).get(sku) as ItemUnits | undefined;
  return row;
}
