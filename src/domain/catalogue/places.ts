import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { locations, warehouses } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import { JxcError } from "../errors.ts";
import { runAtomically } from "./sql.ts";
import { maxCodeLength, requireText } from "./validate.ts";

/** The bin every warehouse gets when it is created, so stock always has somewhere to be. */
export const defaultBinCode = "MAIN";

/** A warehouses row as drizzle returns it. */
export type Warehouse = typeof warehouses.$inferSelect;

/**
 * The warehouse with this code, created (with its MAIN bin) when missing;
 * imports name warehouses that may not exist yet.
 */
export function ensureWarehouse(
  tx: Db,
  code: string,
  ctx: { userId: string; at: number },
): { id: number; created: boolean } {
  const wanted = requireText(code, "warehouse", maxCodeLength);
  return runAtomically(tx, () => {
    const existing = findWarehouse(tx, wanted);
    if (existing) return { id: existing.id, created: false };
    const row = tx
      .insert(warehouses)
      .values({ code: wanted, name: wanted, updatedAt: ctx.at })
      .returning({ id: warehouses.id })
      .get();
    writeAudit(tx, {
      actor: ctx.userId,
      action: "warehouse.create",
      entity: "warehouse",
      entityId: String(row.id),
      after: { code: wanted },
      at: ctx.at,
    });
    ensureLocation(tx, row.id, defaultBinCode, ctx);
    return { id: row.id, created: true };
  });
}

/** The bin with this code in a warehouse, created when missing. */
export function ensureLocation(
  tx: Db,
  warehouseId: number,
  code: string,
  ctx: { userId: string; at: number },
): { id: number; created: boolean } {
  const wanted = requireText(code, "bin", maxCodeLength);
  return runAtomically(tx, () => {
    const existing = findLocation(tx, warehouseId, wanted);
    if (existing) return { id: existing.id, created: false };
    const warehouse = tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, warehouseId))
      .get();
    if (!warehouse) throw new JxcError("UNKNOWN_WAREHOUSE", { code: String(warehouseId) });
    const row = tx
      .insert(locations)
      .values({ warehouseId, code: wanted })
      .returning({ id: locations.id })
      .get();
    writeAudit(tx, {
      actor: ctx.userId,
      action: "location.create",
      entity: "location",
      entityId: String(row.id),
      after: { warehouseId, code: wanted },
      at: ctx.at,
    });
    return { id: row.id, created: true };
  });
}

/** The warehouse people mean by a code, ignoring case (archived ones included). */
export function findWarehouse(db: Db, code: string): Warehouse | undefined {
  return db.select().from(warehouses).where(sql`${warehouses.code} = ${code.trim()} collate nocase`).get();
}

/** A bin of a warehouse by code, ignoring case. */
export function findLocation(
  db: Db,
  warehouseId: number,
  code: string,
): { id: number; code: string; archived: boolean } | undefined {
  return db
    .select({ id: locations.id, code: locations.code, archived: locations.archived })
    .from(locations)
    .where(
      sql`${locations.warehouseId} = ${warehouseId} and ${locations.code} = ${code.trim()} collate nocase`,
    )
    .get();
}

/** Active warehouses by code, for pickers and "did you mean" lists. */
export function listWarehouses(db: Db): Warehouse[] {
  return db
    .select()
    .from(warehouses)
    .where(eq(warehouses.archived, false))
    .orderBy(asc(warehouses.code))
    .all();
}
