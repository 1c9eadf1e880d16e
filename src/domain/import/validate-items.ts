import { type ItemInput, normaliseItemInput } from "../catalogue/item-input.ts";
import { prepareCached } from "../catalogue/sql.ts";
import { JxcError } from "../errors.ts";
import type { ItemUnits } from "../quantity.ts";
import { RowReader } from "./cells.ts";
import { type RowValidator, type RunContext, type Validation, ValidationCollector } from "./run.ts";
import type { CsvRow } from "./table.ts";

const maxFactor = 1_000_000;
const maxDays = 3650;

/**
 * Checks every row of an items file before anything is written: types, money,
 * levels in the item's units, duplicate SKUs and barcodes within the file,
 * barcodes already on another item, and supplier codes that exist.
 */
export class ItemRowValidator implements RowValidator<ItemInput> {
  private readonly collector = new ValidationCollector<ItemInput>();
  private readonly skuRows = new Map<string, number>();
  private readonly barcodeOwners = new Map<string, string>();
  private readonly knownSuppliers = new Map<string, boolean>();
  private storedBarcodeOwners: Map<string, string> | undefined;

  constructor(private readonly run: RunContext) {}

  get result(): Validation<ItemInput> {
    return this.collector.result;
  }

  private readStoredOwners(): Map<string, string> {
    this.storedBarcodeOwners ??= readBarcodeOwners(this.run);
    return this.storedBarcodeOwners;
  }

  add(source: CsvRow): void {
    const { run } = this;
    const cells = new RowReader(source);
    const item = readItem(run, cells);
    if (item) {
      const sku = item.sku.toLowerCase();
      const firstRow = this.skuRows.get(sku);
      if (firstRow === undefined) this.skuRows.set(sku, cells.row);
      else cells.fail("sku", new JxcError("DUPLICATE", { what: "sku", key: item.sku, row: firstRow }));
      const storedOwners = item.barcodes?.length ? this.readStoredOwners() : undefined;
      for (const barcode of item.barcodes ?? []) {
        checkBarcode(cells, barcode, sku, this.barcodeOwners, storedOwners);
      }
      if (item.supplierCode && !supplierExists(run, item.supplierCode, this.knownSuppliers)) {
        cells.fail("supplier", new JxcError("NOT_FOUND", { what: `supplier ${item.supplierCode}` }));
      }
    }
    this.collector.add(cells.row, cells.errors, item);
    if (item && cells.errors.length === 0) run.items.set(item.sku.toLowerCase(), item);
  }
}

function readItem(run: RunContext, cells: RowReader): ItemInput | undefined {
  const units: ItemUnits = {
    baseUnit: cells.raw("unit"),
    purchaseUnit: cells.text("purchase_unit"),
    purchaseUnitFactor: cells.wholeNumber("purchase_factor", maxFactor),
    salesUnit: cells.text("sales_unit"),
    salesUnitFactor: cells.wholeNumber("sales_factor", maxFactor),
  };
  const valuation = cells.text("valuation");
  const input: ItemInput = {
    sku: cells.raw("sku"),
    name: cells.raw("name"),
    nameZh: cells.text("name_zh"),
    category: cells.text("category"),
    baseUnit: units.baseUnit,
    purchaseUnit: units.purchaseUnit,
    purchaseUnitFactor: units.purchaseUnitFactor,
    salesUnit: units.salesUnit,
    salesUnitFactor: units.salesUnitFactor,
    salePrice: cells.money("sale_price", run.currencyDecimals),
    reorderPoint: cells.level("reorder_point", units),
    reorderQty: cells.level("reorder_qty", units),
    maxLevel: cells.level("max_level", units),
    safetyStock: cells.level("safety_stock", units),
    leadTimeDays: cells.wholeNumber("lead_time_days", maxDays),
    supplierCode: cells.text("supplier"),
    valuation: valuation ? (valuation.toLowerCase() as ItemInput["valuation"]) : undefined,
    aliases: cells.list("aliases"),
    barcodes: cells.list("barcode") ?? [],
  };
  return cells.attempt(undefined, () => normaliseItemInput(input));
}

/** A barcode names one item: refuse it when another row or another stored item already has it. */
function checkBarcode(
  cells: RowReader,
  barcode: string,
  sku: string,
  fileOwners: Map<string, string>,
  storedOwners: Map<string, string> | undefined,
): void {
  const fileOwner = fileOwners.get(barcode);
  if (fileOwner !== undefined && fileOwner !== sku) {
    cells.fail("barcode", new JxcError("DUPLICATE", { what: "barcode", key: barcode }));
    return;
  }
  fileOwners.set(barcode, sku);
  const storedOwner = storedOwners?.get(barcode);
  if (storedOwner !== undefined && storedOwner.toLowerCase() !== sku) {
    cells.fail("barcode", new JxcError("DUPLICATE", { what: "barcode", key: barcode, owner: storedOwner }));
  }
}

/** Stored barcode → owning SKU, read in one scan: 100k point lookups cost several times more. */
function readBarcodeOwners(run: RunContext): Map<string, string> {
  const rows = prepareCached(
    run.db,
    "select b.barcode, i.sku from item_barcodes b join items i on i.id = b.item_id",
  )
    .raw()
    .all() as [string, string][];
  return new Map(rows);
}

function supplierExists(run: RunContext, code: string, cache: Map<string, boolean>): boolean {
  const key = code.toLowerCase();
  if (run.suppliers.has(key)) return true;
  let known = cache.get(key);
  if (known === undefined) {
    known =
      prepareCached(run.db, "select 1 from suppliers where code = ? collate nocase").get(code) !== undefined;
    cache.set(key, known);
  }
  return known;
}
