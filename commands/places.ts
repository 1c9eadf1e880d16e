import type { Db } from "../db/client.ts";
import { findLocation } from "../src/domain/catalogue/places.ts";
import { JxcError } from "../src/domain/errors.ts";
import { requireWarehouse } from "../src/domain/stock-query.ts";

/** A bin as typed in a command, resolved to its id and its canonical `WAREHOUSE/BIN` name. */
export interface TypedPlace {
  locationId: number;
  warehouseCode: string;
  place: string;
}

/**
 * Reads `<warehouse>/<bin>`, or a bare `<bin>` when a warehouse is implied (the other end of a
 * move). Undefined when the text has no such shape; unknown warehouses and bins throw.
 */
export function resolvePlace(db: Db, text: string, impliedWarehouse?: string): TypedPlace | undefined {
  const parts = text.split("/");
  const [warehouseCode, binCode] = parts.length === 2 ? parts : [impliedWarehouse, parts[0]];
  if (parts.length > 2 || !warehouseCode || !binCode) return undefined;
  const warehouse = requireWarehouse(db, warehouseCode);
  const location = findLocation(db, warehouse.id, binCode);
  if (!location || location.archived) {
    throw new JxcError("UNKNOWN_LOCATION", { code: binCode, warehouse: warehouse.code }, "place");
  }
  return {
    locationId: location.id,
    warehouseCode: warehouse.code,
    place: `${warehouse.code}/${location.code}`,
  };
}
