import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";

/** A bin's codes as people read them. */
export interface PlaceName {
  warehouseId: number;
  warehouseCode: string;
  locationCode: string;
}

/**
 * Bin → warehouse and codes, held in memory: a company has hundreds of bins,
 * and joining them into every /stock read cost more than the read itself.
 * Bins are never renamed or renumbered, so the map only grows: an unknown id
 * (a bin created since) reloads it.
 */
export function placeName(db: Db, locationId: number): PlaceName | undefined {
  const cache = placeCache(db);
  if (!cache.names.has(locationId)) cache.reload();
  return cache.names.get(locationId);
}

const placeCache = preparedPerDb((db) => {
  const names = new Map<number, PlaceName>();
  const all = db.$client.prepare(
    "select l.id, l.code, w.id, w.code from locations l join warehouses w on w.id = l.warehouse_id",
  );
  const reload = () => {
    for (const row of all.raw().all() as [number, string, number, string][]) {
      const [locationId, locationCode, warehouseId, warehouseCode] = row;
      names.set(locationId, { warehouseId, warehouseCode, locationCode });
    }
  };
  return { names, reload };
});
