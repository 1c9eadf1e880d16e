import type { Db } from "../../../db/client.ts";

/**
 * Quantity on open purchase orders not yet received, in base units. jxc has no
 * purchase orders yet, so nothing can be on order; purchasing replaces this
 * with the sum over approved, unreceived PO lines.
 */
export function onOrderQty(_db: Db, _itemId: number): number {
  return 0;
}
