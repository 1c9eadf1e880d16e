import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, supplierItems, supplierPrices, suppliers } from "../../../db/schema.ts";
import { isRealDay } from "../../text/calendar.ts";
import { writeAudit } from "../audit.ts";
import { runAtomically } from "../catalogue/sql.ts";
import { maxCodeLength } from "../catalogue/validate.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { maxMoneyMinor } from "../money.ts";
import { maxQuantity } from "../quantity.ts";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "select" | "insert" | "update" | "delete">;

/** Longest supplier lead time we accept, as for items and suppliers. */
const maxLeadDays = 3650;

/**
 * One supplier's terms for one item, as a form or an import row gives them. Undefined leaves a
 * stored value as it is, null clears it. Quantities in the item's base unit, the price in minor
 * units per base unit; validFrom "" means "in effect from the start".
 */
export interface SupplierTermsInput {
  supplierId: number;
  itemId: number;
  supplierSku?: string | null | undefined;
  moq?: number | null | undefined;
  packSize?: number | null | undefined;
  leadTimeDays?: number | null | undefined;
  price?: { unitPrice: number; validFrom: string } | undefined;
}

/** Checks terms before anything is written; each error names its field (moq, packSize, price, validFrom…). */
export function normaliseSupplierTerms(input: SupplierTermsInput): SupplierTermsInput {
  const quantity = (value: number | null | undefined, field: string) => {
    if (value === undefined || value === null) return value;
    if (!Number.isSafeInteger(value) || value <= 0 || value > maxQuantity) {
      const problem = value === 0 ? "zero" : value < 0 ? "negative" : "too_large";
      throw new JxcError("INVALID_QUANTITY", { input: String(value), problem }, field);
    }
    return value;
  };
  const sku = input.supplierSku?.trim();
  if (sku && sku.length > maxCodeLength) {
    throw new JxcError("INVALID_INPUT", { input: sku, problem: "too_long" }, "supplierSku");
  }
  const lead = input.leadTimeDays;
  if (lead !== undefined && lead !== null && (!Number.isInteger(lead) || lead < 0 || lead > maxLeadDays)) {
    const problem = lead < 0 ? "negative" : Number.isInteger(lead) ? "too_large" : "fractional";
    throw new JxcError("INVALID_INPUT", { input: String(lead), problem }, "leadTimeDays");
  }
  const normalised: SupplierTermsInput = {
    supplierId: input.supplierId,
    itemId: input.itemId,
    supplierSku: input.supplierSku === undefined ? undefined : sku || null,
    moq: quantity(input.moq, "moq"),
    packSize: quantity(input.packSize, "packSize"),
    leadTimeDays: lead,
  };
  if (input.price) {
    const { unitPrice, validFrom } = input.price;
    if (!Number.isSafeInteger(unitPrice) || unitPrice <= 0 || unitPrice > maxMoneyMinor) {
      const problem = unitPrice === 0 ? "zero" : unitPrice < 0 ? "negative" : "too_large";
      throw new JxcError("INVALID_MONEY", { input: String(unitPrice), problem }, "price");
    }
    if (validFrom !== "" && !isDay(validFrom)) {
      throw new JxcError("INVALID_INPUT", { input: validFrom, problem: "not_a_date" }, "validFrom");
    }
    normalised.price = { unitPrice, validFrom };
  }
  return normalised;
}

function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Creates or updates a supplier's terms for an item, and puts a price on its list (one price per
 * valid-from day). Runs in the caller's transaction when there is one; writes nothing, not even an
 * audit row, when nothing differs, so importing the same file twice changes nothing.
 */
export function upsertSupplierTerms(
  db: Db,
  input: SupplierTermsInput,
  ctx: { userId: string; at: number },
): { created: boolean; changed: boolean } {
  const wanted = normaliseSupplierTerms(input);
  return runAtomically(db, () => writeTerms(db, wanted, ctx));
}

function writeTerms(
  tx: Writer,
  wanted: SupplierTermsInput,
  ctx: { userId: string; at: number },
): { created: boolean; changed: boolean } {
  const names = requireNames(tx, wanted.supplierId, wanted.itemId);
  const existing = tx
    .select()
    .from(supplierItems)
    .where(and(eq(supplierItems.supplierId, wanted.supplierId), eq(supplierItems.itemId, wanted.itemId)))
    .get();
  const fields = ["supplierSku", "moq", "packSize", "leadTimeDays"] as const;
  const after: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const field of fields) {
    const value = wanted[field];
    if (value === undefined) continue;
    if (!existing || existing[field] !== value) {
      after[field] = value;
      before[field] = existing ? existing[field] : null;
    }
  }
  let supplierItemId = existing?.id;
  if (!existing) {
    supplierItemId = tx
      .insert(supplierItems)
      .values({
        supplierId: wanted.supplierId,
        itemId: wanted.itemId,
        supplierSku: wanted.supplierSku ?? null,
        moq: wanted.moq ?? null,
        packSize: wanted.packSize ?? null,
        leadTimeDays: wanted.leadTimeDays ?? null,
        updatedAt: ctx.at,
      })
      .returning({ id: supplierItems.id })
      .get().id;
  } else if (Object.keys(after).length > 0) {
    tx.update(supplierItems)
      .set({ ...after, updatedAt: ctx.at })
      .where(eq(supplierItems.id, existing.id))
      .run();
  }
  if (supplierItemId === undefined) throw new JxcError("STALE_ACTION");
  if (wanted.price) {
    const { unitPrice, validFrom } = wanted.price;
    const stored = tx
      .select({ id: supplierPrices.id, unitPrice: supplierPrices.unitPrice })
      .from(supplierPrices)
      .where(and(eq(supplierPrices.supplierItemId, supplierItemId), eq(supplierPrices.validFrom, validFrom)))
      .get();
    if (!stored) {
      tx.insert(supplierPrices).values({ supplierItemId, unitPrice, validFrom, updatedAt: ctx.at }).run();
    } else if (stored.unitPrice !== unitPrice) {
      tx.update(supplierPrices)
        .set({ unitPrice, updatedAt: ctx.at })
        .where(eq(supplierPrices.id, stored.id))
        .run();
    }
    if (!stored || stored.unitPrice !== unitPrice) {
      after.price = { unitPrice, validFrom };
      before.price = stored ? { unitPrice: stored.unitPrice, validFrom } : null;
    }
  }
  const changed = !existing || Object.keys(after).length > 0;
  if (changed) {
    writeAudit(tx, {
      actor: ctx.userId,
      action: existing ? "supplier_item.update" : "supplier_item.create",
      entity: "supplier_item",
      entityId: `${names.supplier}/${names.sku}`,
      before: existing ? before : null,
      after: existing ? after : { ...wanted, supplierId: undefined, itemId: undefined },
      at: ctx.at,
    });
  }
  return { created: !existing, changed };
}

function requireNames(tx: Reader, supplierId: number, itemId: number): { supplier: string; sku: string } {
  const supplier = tx
    .select({ code: suppliers.code, archived: suppliers.archived })
    .from(suppliers)
    .where(eq(suppliers.id, supplierId))
    .get();
  if (!supplier || supplier.archived) {
    throw new JxcError("UNKNOWN_SUPPLIER", { query: String(supplierId) }, "supplier");
  }
  const item = tx
    .select({ sku: items.sku, archived: items.archived })
    .from(items)
    .where(eq(items.id, itemId))
    .get();
  if (!item || item.archived) throw new JxcError("UNKNOWN_ITEM", { query: String(itemId) }, "item");
  return { supplier: supplier.code, sku: item.sku };
}

/** Saves one item's terms from a form (purchasing roles check their permission first). */
export function saveSupplierTerms(
  db: Db,
  clock: Clock,
  input: SupplierTermsInput & { userId: string },
): { created: boolean; changed: boolean } {
  const wanted = normaliseSupplierTerms(input);
  return db.transaction((tx) => writeTerms(tx, wanted, { userId: input.userId, at: clock.now() }), {
    behavior: "immediate",
  });
}

/** Takes an item off a supplier's list: its terms and every price; old POs keep their own prices. */
export function removeSupplierTerms(
  db: Db,
  clock: Clock,
  input: { supplierId: number; itemId: number; userId: string },
): { changed: boolean } {
  return db.transaction(
    (tx) => {
      const names = requireNames(tx, input.supplierId, input.itemId);
      const existing = tx
        .select()
        .from(supplierItems)
        .where(and(eq(supplierItems.supplierId, input.supplierId), eq(supplierItems.itemId, input.itemId)))
        .get();
      if (!existing) return { changed: false };
      const prices = tx
        .select({ unitPrice: supplierPrices.unitPrice, validFrom: supplierPrices.validFrom })
        .from(supplierPrices)
        .where(eq(supplierPrices.supplierItemId, existing.id))
        .all();
      tx.delete(supplierPrices).where(eq(supplierPrices.supplierItemId, existing.id)).run();
      tx.delete(supplierItems).where(eq(supplierItems.id, existing.id)).run();
      writeAudit(tx, {
        actor: input.userId,
        action: "supplier_item.remove",
        entity: "supplier_item",
        entityId: `${names.supplier}/${names.sku}`,
        before: { ...existing, prices },
        at: clock.now(),
      });
      return { changed: true };
    },
    { behavior: "immediate" },
  );
}
