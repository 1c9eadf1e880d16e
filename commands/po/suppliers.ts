import { and, eq, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { suppliers } from "../../db/schema.ts";
import { findSupplierByCode } from "../../src/domain/catalogue/suppliers.ts";
import { JxcError } from "../../src/domain/errors.ts";

export type Supplier = typeof suppliers.$inferSelect;

/** Suppliers whose code or name (either language) contains the text, active ones only. */
export function searchSuppliers(db: Db, query: string, limit = 50): Supplier[] {
  const text = query.trim();
  if (!text) return [];
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select()
    .from(suppliers)
    .where(
      and(
        eq(suppliers.archived, false),
        or(
          sql`${suppliers.code} like ${pattern} escape '\\'`,
          sql`${suppliers.name} like ${pattern} escape '\\'`,
          like(suppliers.nameZh, pattern),
        ),
      ),
    )
    .orderBy(suppliers.code)
    .limit(limit)
    .all();
}

/**
 * The supplier a person meant: the exact code, else the one active supplier whose code or name
 * contains the text. UNKNOWN_SUPPLIER (with the candidates when several match) otherwise.
 */
export function requireSupplier(db: Db, query: string, options: { archived?: boolean } = {}): Supplier {
  const exact = findSupplierByCode(db, query);
  if (exact && (options.archived || !exact.archived)) return exact;
  const found = searchSuppliers(db, query, 6);
  if (found.length === 1 && found[0]) return found[0];
  const suggestions = found
    .slice(0, 5)
    .map((s) => `\`${s.code}\``)
    .join(", ");
  throw new JxcError("UNKNOWN_SUPPLIER", { query, ...(suggestions ? { suggestions } : {}) }, "supplier");
}
