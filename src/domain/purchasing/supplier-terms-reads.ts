import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { supplierItems, supplierPrices } from "../../../db/schema.ts";

type Reader = Pick<Db, "select">;

/** A price on a supplier's list: minor units per base unit, from a day ("" = always). */
export interface ListPrice {
  unitPrice: number;
  validFrom: string;
}

/** The terms in effect on a day: what a PO line must respect and the price it starts from. */
export interface SupplierTerms {
  supplierSku: string | null;
  moq: number | null;
  packSize: number | null;
  leadTimeDays: number | null;
  /** The price list's price on that day. */
  price: ListPrice | null;
  /** The next price already on the list, if one starts after that day. */
  nextPrice: ListPrice | null;
}

/** The terms a supplier gave for an item, as they stand on `day`; undefined when it has none. */
export function readSupplierTerms(
  db: Reader,
  supplierId: number,
  itemId: number,
  day: string,
): SupplierTerms | undefined {
  const row = db
    .select()
    .from(supplierItems)
    .where(and(eq(supplierItems.supplierId, supplierId), eq(supplierItems.itemId, itemId)))
    .get();
  if (!row) return undefined;
  const price = db
    .select({ unitPrice: supplierPrices.unitPrice, validFrom: supplierPrices.validFrom })
    .from(supplierPrices)
    .where(and(eq(supplierPrices.supplierItemId, row.id), lte(supplierPrices.validFrom, day)))
    .orderBy(desc(supplierPrices.validFrom))
    .get();
  const next = db
    .select({ unitPrice: supplierPrices.unitPrice, validFrom: supplierPrices.validFrom })
    .from(supplierPrices)
    .where(and(eq(supplierPrices.supplierItemId, row.id), gt(supplierPrices.validFrom, day)))
    .orderBy(supplierPrices.validFrom)
    .get();
  return {
    supplierSku: row.supplierSku,
    moq: row.moq,
    packSize: row.packSize,
    leadTimeDays: row.leadTimeDays,
    price: price ?? null,
    nextPrice: next ?? null,
  };
}

/** The supplier's list price for an item on a day, in minor units per base unit. */
export function listPriceOn(db: Reader, supplierId: number, itemId: number, day: string): number | undefined {
  return db
    .select({ unitPrice: supplierPrices.unitPrice })
    .from(supplierPrices)
    .innerJoin(supplierItems, eq(supplierItems.id, supplierPrices.supplierItemId))
    .where(
      and(
        eq(supplierItems.supplierId, supplierId),
        eq(supplierItems.itemId, itemId),
        lte(supplierPrices.validFrom, day),
      ),
    )
    .orderBy(desc(supplierPrices.validFrom))
    .get()?.unitPrice;
}

/** One line of a supplier's list as the supplier card shows it. */
export interface SupplierItemLine extends SupplierTerms {
  itemId: number;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
}

/**
 * A page of a supplier's items with their terms and the price in effect on `day` (and the next
 * one), by SKU, with how many there are in all: three reads whatever the page size.
 */
export function listSupplierItems(
  db: Db,
  supplierId: number,
  day: string,
  page: { limit: number; offset?: number },
): { lines: SupplierItemLine[]; total: number } {
  const sqlite = db.$client;
  const total = Number(
    sqlite.prepare("select count(*) from supplier_items where supplier_id = ?").pluck().get(supplierId),
  );
  const rows = sqlite
    .prepare(
      `select si.id, i.id as itemId, i.sku, i.name, i.name_zh as nameZh, i.base_unit as unit,
              si.supplier_sku as supplierSku, si.moq, si.pack_size as packSize, si.lead_time_days as leadTimeDays
         from supplier_items si join items i on i.id = si.item_id
        where si.supplier_id = ? order by i.sku collate nocase limit ? offset ?`,
    )
    .all(supplierId, page.limit, page.offset ?? 0) as (Omit<SupplierItemLine, "price" | "nextPrice"> & {
    id: number;
  })[];
  const prices = new Map<number, { price: ListPrice | null; nextPrice: ListPrice | null }>();
  if (rows.length > 0) {
    const found = sqlite
      .prepare(
        `select supplier_item_id as id, unit_price as unitPrice, valid_from as validFrom from supplier_prices
          where supplier_item_id in (select value from json_each(?)) order by supplier_item_id, valid_from`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as (ListPrice & { id: number })[];
    for (const { id, unitPrice, validFrom } of found) {
      const entry = prices.get(id) ?? { price: null, nextPrice: null };
      if (validFrom <= day) entry.price = { unitPrice, validFrom };
      else entry.nextPrice ??= { unitPrice, validFrom };
      prices.set(id, entry);
    }
  }
  return {
    total,
    lines: rows.map(({ id, ...row }) => ({
      ...row,
      price: prices.get(id)?.price ?? null,
      nextPrice: prices.get(id)?.nextPrice ?? null,
    })),
  };
}

/** Only the MOQ and pack size of an item from a supplier: what every PO line is checked against. */
export function readPackTerms(
  db: Reader,
  supplierId: number,
  itemId: number,
): Pick<SupplierTerms, "moq" | "packSize"> | undefined {
  return db
    .select({ moq: supplierItems.moq, packSize: supplierItems.packSize })
    .from(supplierItems)
    .where(and(eq(supplierItems.supplierId, supplierId), eq(supplierItems.itemId, itemId)))
    .get();
}
