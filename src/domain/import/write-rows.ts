import type { Db } from "../../../db/client.ts";
import { describeBin } from "../catalogue/bin-details.ts";
import { type CustomerInput, upsertCustomer } from "../catalogue/customers.ts";
import { type ItemInput, preloadItemReads, upsertItem } from "../catalogue/items.ts";
import { defaultBinCode, ensureLocation, ensureWarehouse } from "../catalogue/places.ts";
import { prepareCached } from "../catalogue/sql.ts";
import { type SupplierInput, upsertSupplier } from "../catalogue/suppliers.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { upsertSupplierTerms } from "../purchasing/supplier-terms.ts";
import { setOpeningStock } from "../stock/index.ts";
import type { ImportReport } from "./report.ts";
import type { ValidRow } from "./run.ts";
import type { BinLineInput } from "./validate-bins.ts";
import type { StockLineInput } from "./validate-stock.ts";
import type { SupplierItemLineInput } from "./validate-supplier-items.ts";

/** Who writes and when: one timestamp for the whole import, so its audit rows read as one event. */
export interface WriteContext {
  db: Db;
  clock: Clock;
  userId: string;
  at: number;
}

/** A write that failed after validation passed; the caller rolls the whole import back. */
export class RowWriteError extends Error {
  override name = "RowWriteError";
  constructor(
    readonly row: number,
    cause: unknown,
  ) {
    super(`row ${row} failed while writing`, { cause });
  }
}

type Outcome = { created: boolean; changed: boolean };

function count(report: ImportReport, outcome: Outcome): void {
  if (outcome.created) report.created++;
  else if (outcome.changed) report.updated++;
  else report.unchanged++;
}

/** Runs one row's write, tagging a failure with its row so the report can point at it. */
function writeRow(row: number, write: () => Outcome, report: ImportReport): void {
  try {
    count(report, write());
  } catch (error) {
    throw new RowWriteError(row, error);
  }
}

/** Upserts validated supplier rows by code. */
export function writeSuppliers(
  ctx: WriteContext,
  rows: ValidRow<SupplierInput>[],
  report: ImportReport,
): void {
  for (const { row, input } of rows) writeRow(row, () => upsertSupplier(ctx.db, input, ctx), report);
}

/** Upserts validated customer rows by code. */
export function writeCustomers(
  ctx: WriteContext,
  rows: ValidRow<CustomerInput>[],
  report: ImportReport,
): void {
  for (const { row, input } of rows) writeRow(row, () => upsertCustomer(ctx.db, input, ctx), report);
}

/** Upserts validated item rows by SKU (aliases and barcodes replaced, supplier resolved by code). */
export function writeItems(ctx: WriteContext, rows: ValidRow<ItemInput>[], report: ImportReport): void {
  const reads = preloadItemReads(ctx.db);
  for (const { row, input } of rows) writeRow(row, () => upsertItem(ctx.db, input, ctx, reads), report);
}

/**
 * Sets opening stock per item × bin, creating named warehouses and bins on the
 * way. "Created" means the bin held none of the item before; setting the same
 * figures again is "unchanged".
 */
export function writeStockLines(
  ctx: WriteContext,
  rows: ValidRow<StockLineInput>[],
  report: ImportReport,
): void {
  const warehouses = new Map<string, number>();
  const bins = new Map<string, number>();
  for (const { row, input } of rows) {
    writeRow(
      row,
      () => {
        const locationId = resolveBin(ctx, input, report, warehouses, bins);
        const itemId = prepareCached(ctx.db, "select id from items where sku = ? collate nocase")
          .pluck()
          .get(input.sku);
        if (typeof itemId !== "number") throw new JxcError("UNKNOWN_ITEM", { query: input.sku });
        const before = prepareCached(
          ctx.db,
          "select 1 from stock_moves where item_id = ? and location_id = ? and reason = 'opening' limit 1",
        ).get(itemId, locationId);
        const { changed } = setOpeningStock(ctx.db, ctx.clock, {
          itemId,
          locationId,
          qty: input.qty,
          unitCost: input.unitCost,
          userId: ctx.userId,
        });
        return { created: changed && before === undefined, changed };
      },
      report,
    );
  }
}

/** Creates missing warehouses and bins and sets what the file says about them. */
export function writeBins(ctx: WriteContext, rows: ValidRow<BinLineInput>[], report: ImportReport): void {
  const warehouses = new Map<string, number>();
  const bins = new Map<string, number>();
  for (const { row, input } of rows) {
    writeRow(
      row,
      () => {
        const before = report.createdLocations.length;
        const locationId = resolveBin(ctx, input, report, warehouses, bins);
        const warehouseId = warehouses.get(input.warehouse.toLowerCase()) ?? 0;
        const changed = describeBin(ctx.db, warehouseId, locationId, input, ctx);
        const created = report.createdLocations.slice(before).includes(`${input.warehouse}/${input.bin}`);
        return { created, changed: created || changed };
      },
      report,
    );
  }
}

function resolveBin(
  ctx: WriteContext,
  input: { warehouse: string; bin: string },
  report: ImportReport,
  warehouses: Map<string, number>,
  bins: Map<string, number>,
): number {
  const warehouseKey = input.warehouse.toLowerCase();
  let warehouseId = warehouses.get(warehouseKey);
  if (warehouseId === undefined) {
    const warehouse = ensureWarehouse(ctx.db, input.warehouse, ctx);
    warehouseId = warehouse.id;
    warehouses.set(warehouseKey, warehouseId);
    if (warehouse.created) {
      report.createdWarehouses.push(input.warehouse);
      report.createdLocations.push(`${input.warehouse}/${defaultBinCode}`);
    }
  }
  const binKey = `${warehouseId}\u0000${input.bin.toLowerCase()}`;
  let locationId = bins.get(binKey);
  if (locationId === undefined) {
    const location = ensureLocation(ctx.db, warehouseId, input.bin, ctx);
    locationId = location.id;
    bins.set(binKey, locationId);
    if (location.created) report.createdLocations.push(`${input.warehouse}/${input.bin}`);
  }
  return locationId;
}

/** Sets each supplier's terms per item and puts the rows' prices on their lists (one per valid-from day). */
export function writeSupplierItems(
  ctx: WriteContext,
  rows: ValidRow<SupplierItemLineInput>[],
  report: ImportReport,
): void {
  for (const { row, input } of rows) {
    writeRow(
      row,
      () => {
        const supplierId = prepareCached(ctx.db, "select id from suppliers where code = ? collate nocase")
          .pluck()
          .get(input.supplier);
        const itemId = prepareCached(ctx.db, "select id from items where sku = ? collate nocase")
          .pluck()
          .get(input.sku);
        if (typeof supplierId !== "number") throw new JxcError("UNKNOWN_SUPPLIER", { query: input.supplier });
        if (typeof itemId !== "number") throw new JxcError("UNKNOWN_ITEM", { query: input.sku });
        return upsertSupplierTerms(
          ctx.db,
          {
            supplierId,
            itemId,
            moq: input.moq,
            packSize: input.packSize,
            supplierSku: input.supplierSku,
            leadTimeDays: input.leadTimeDays,
            price: input.price === null ? undefined : { unitPrice: input.price, validFrom: input.validFrom },
          },
          ctx,
        );
      },
      report,
    );
  }
}
