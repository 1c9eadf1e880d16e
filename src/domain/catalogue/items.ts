import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { suppliers } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import { type ItemInput, normaliseItemInput } from "./item-input.ts";
import { type ItemReads, readAliases, readBarcodes, readItemsOneByOne } from "./item-reads.ts";
import { type Item, readItemById, readItemBySkuOrBarcode } from "./item-row.ts";
import { itemTable } from "./item-table.ts";
import { applyKeyedPlan, isUnchanged, planKeyedUpsert, presentValues, type RowValues } from "./keyed-row.ts";
import { insertAuditRow, prepareCached, runAtomically, type SqlValue } from "./sql.ts";

// Callers of upsertItem build its input, and bulk writers (imports) reach the read strategies and
// the table description, through this one module.
export type { ItemInput } from "./item-input.ts";
export { type ItemReads, preloadItemReads } from "./item-reads.ts";
export type { Item } from "./item-row.ts";
export { itemTable } from "./item-table.ts";

/** An item with the names and codes stored beside it, for detail views. */
export interface ItemDetails extends Item {
  aliases: string[];
  barcodes: string[];
  supplierCode: string | null;
}

interface ListChange {
  added: string[];
  removed: string[];
  before: string[];
  after: string[];
}

/**
 * Creates or updates an item by SKU (ignoring case) with its aliases, barcodes
 * and default supplier. Writes nothing, and no audit row, when every given
 * field already matches, so re-importing a file is a no-op. Call it inside
 * the caller's transaction (pass that Db) or alone; bulk imports pass `reads`
 * from preloadItemReads.
 */
export function upsertItem(
  tx: Db,
  input: ItemInput,
  ctx: { userId: string; at: number },
  reads: ItemReads = readItemsOneByOne(tx),
): { id: number; created: boolean; changed: boolean } {
  const item = normaliseItemInput(input);
  return runAtomically(tx, () => {
    const supplierId = resolveSupplierId(reads, item.supplierCode);
    const plan = planKeyedUpsert(itemTable, reads.findBySku(item.sku), toRowValues(item, supplierId));
    const existingId = plan.existing?.id;
    const aliases = diffList(existingId === undefined ? [] : reads.aliasesOf(existingId), item.aliases);
    const barcodes = diffList(existingId === undefined ? [] : reads.barcodesOf(existingId), item.barcodes);
    for (const barcode of barcodes?.added ?? []) {
      const owner = reads.barcodeOwner(barcode);
      if (owner !== undefined && owner !== existingId) {
        throw new JxcError("DUPLICATE", { what: "barcode", key: barcode }, "barcodes");
      }
    }
    if (plan.existing && isUnchanged(plan) && !aliases && !barcodes) {
      return { id: plan.existing.id, created: false, changed: false };
    }
    const id = applyKeyedPlan(tx, itemTable, plan, ctx.at);
    writeListChange(tx, "delete from item_aliases where item_id = ? and alias = ?", id, aliases?.removed);
    writeListChange(tx, "insert into item_aliases (item_id, alias) values (?, ?)", id, aliases?.added);
    writeListChange(tx, "delete from item_barcodes where item_id = ? and barcode = ?", id, barcodes?.removed);
    writeListChange(tx, "insert into item_barcodes (item_id, barcode) values (?, ?)", id, barcodes?.added);
    const before: Record<string, unknown> = { ...plan.before };
    const after: Record<string, unknown> = plan.existing ? { ...plan.after } : presentValues(plan.after);
    if (aliases) {
      before.aliases = aliases.before;
      after.aliases = aliases.after;
    }
    if (barcodes) {
      before.barcodes = barcodes.before;
      after.barcodes = barcodes.after;
    }
    insertAuditRow(tx, {
      actor: ctx.userId,
      action: plan.existing ? "item.update" : "item.create",
      entity: "item",
      entityId: String(id),
      before: plan.existing ? before : null,
      after,
      at: ctx.at,
    });
    return { id, created: !plan.existing, changed: true };
  });
}

function toRowValues(
  item: ItemInput,
  supplierId: number | null | undefined,
): Record<string, SqlValue | undefined> {
  return {
    sku: item.sku,
    name: item.name,
    nameZh: item.nameZh,
    category: item.category,
    baseUnit: item.baseUnit,
    purchaseUnit: item.purchaseUnit,
    purchaseUnitFactor: item.purchaseUnitFactor,
    salesUnit: item.salesUnit,
    salesUnitFactor: item.salesUnitFactor,
    salePrice: item.salePrice,
    reorderPoint: item.reorderPoint,
    reorderQty: item.reorderQty,
    maxLevel: item.maxLevel,
    safetyStock: item.safetyStock,
    leadTimeDays: item.leadTimeDays,
    defaultSupplierId: supplierId,
    valuation: item.valuation,
    tracksLots: item.tracksLots === undefined ? undefined : item.tracksLots ? 1 : 0,
  };
}

function resolveSupplierId(reads: ItemReads, code: string | null | undefined): number | null | undefined {
  if (code === undefined || code === null) return code;
  const id = reads.supplierId(code);
  if (id === undefined) throw new JxcError("NOT_FOUND", { what: `supplier ${code}` }, "supplierCode");
  return id;
}

/** The set difference between stored and wanted values; undefined when nothing would change. */
function diffList(stored: string[], wanted: string[] | undefined): ListChange | undefined {
  if (wanted === undefined) return undefined;
  const storedSet = new Set(stored);
  const wantedSet = new Set(wanted);
  const added = wanted.filter((value) => !storedSet.has(value));
  const removed = stored.filter((value) => !wantedSet.has(value));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { added, removed, before: stored, after: wanted };
}

function writeListChange(db: Db, statement: string, itemId: number, values: string[] | undefined): void {
  if (!values) return;
  const prepared = prepareCached(db, statement);
  for (const value of values) prepared.run(itemId, value);
}

/** The item a typed SKU or a scanned barcode names (archived ones included, so callers can say so). */
export function findItemBySkuOrBarcode(db: Db, code: string): Item | undefined {
  const text = code.trim();
  return text === "" ? undefined : readItemBySkuOrBarcode(db, text);
}

/** One item by id (a primary-key read, cheap enough for every /stock reply), or undefined. */
export function getItem(db: Db, id: number): Item | undefined {
  return readItemById(db, id);
}

/** One item with its aliases, barcodes and supplier code, for detail views and edit forms. */
export function getItemDetails(db: Db, id: number): ItemDetails | undefined {
  const row = getItem(db, id);
  if (!row) return undefined;
  const supplier =
    row.defaultSupplierId === null
      ? undefined
      : db
          .select({ code: suppliers.code })
          .from(suppliers)
          .where(eq(suppliers.id, row.defaultSupplierId))
          .get();
  return {
    ...row,
    aliases: readAliases(db, id),
    barcodes: readBarcodes(db, id),
    supplierCode: supplier?.code ?? null,
  };
}

/** Hides an item from search and new documents while keeping its history; a no-op when already archived. */
export function archiveItem(tx: Db, id: number, ctx: { userId: string; at: number }): { changed: boolean } {
  return runAtomically(tx, () => {
    const row = prepareCached(tx, "select archived from items where id = ?").get(id) as RowValues | undefined;
    if (!row) throw new JxcError("NOT_FOUND", { what: `item ${id}` });
    if (row.archived === 1) return { changed: false };
    prepareCached(tx, "update items set archived = 1, updated_at = ? where id = ?").run(ctx.at, id);
    insertAuditRow(tx, {
      actor: ctx.userId,
      action: "item.archive",
      entity: "item",
      entityId: String(id),
      before: { archived: false },
      after: { archived: true },
      at: ctx.at,
    });
    return { changed: true };
  });
}
