import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { locations, warehouses } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";

/** What a bins file says about a bin and its warehouse; undefined leaves a value as it is. */
export interface BinDetails {
  warehouseName?: string | null;
  warehouseNameZh?: string | null;
  zone?: string | null;
  /** Distance from the door, 1 = nearest; slotting puts fast movers in low ranks. */
  rank?: number | null;
  /** In base units, when the bin has a known limit. */
  capacity?: number | null;
}

type Ctx = { userId: string; at: number };

/** Sets a bin's zone, rank and capacity and its warehouse's names; no write and no audit row when nothing differs. */
export function describeBin(
  tx: Db,
  warehouseId: number,
  locationId: number,
  details: BinDetails,
  ctx: Ctx,
): boolean {
  const warehouseChanged = nameWarehouse(tx, warehouseId, details, ctx);
  const bin = tx.select().from(locations).where(eq(locations.id, locationId)).get();
  if (!bin) return warehouseChanged;
  const wanted = {
    zone: details.zone === undefined ? bin.zone : details.zone,
    rank: details.rank === undefined ? bin.rank : details.rank,
    capacity: details.capacity === undefined ? bin.capacity : details.capacity,
  };
  if (wanted.zone === bin.zone && wanted.rank === bin.rank && wanted.capacity === bin.capacity)
    return warehouseChanged;
  tx.update(locations).set(wanted).where(eq(locations.id, locationId)).run();
  const before = { zone: bin.zone, rank: bin.rank, capacity: bin.capacity };
  writeAudit(tx, {
    actor: ctx.userId,
    action: "location.update",
    entity: "location",
    entityId: String(locationId),
    before,
    after: wanted,
    at: ctx.at,
  });
  return true;
}

function nameWarehouse(tx: Db, warehouseId: number, details: BinDetails, ctx: Ctx): boolean {
  const row = tx.select().from(warehouses).where(eq(warehouses.id, warehouseId)).get();
  if (!row) return false;
  const name = details.warehouseName ?? row.name;
  const nameZh = details.warehouseNameZh === undefined ? row.nameZh : details.warehouseNameZh;
  if (name === row.name && nameZh === row.nameZh) return false;
  tx.update(warehouses).set({ name, nameZh, updatedAt: ctx.at }).where(eq(warehouses.id, warehouseId)).run();
  const before = { name: row.name, nameZh: row.nameZh };
  writeAudit(tx, {
    actor: ctx.userId,
    action: "warehouse.update",
    entity: "warehouse",
    entityId: String(warehouseId),
    before,
    after: { name, nameZh },
    at: ctx.at,
  });
  return true;
}
