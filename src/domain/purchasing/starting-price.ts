import type { Db } from "../../../db/client.ts";
import { lastPurchasePrice } from "./reads.ts";
import { listPriceOn } from "./supplier-terms-reads.ts";

/** Where a PO line's price came from when nobody typed one. */
export type PriceSource = "list" | "last";

/**
 * The unit price a PO line starts from when none is typed: the supplier's price list on that
 * day, else the last price paid (this supplier's first, then anyone's). Undefined when neither.
 */
export function startingUnitPrice(
  db: Pick<Db, "select">,
  supplierId: number,
  itemId: number,
  day: string,
): { unitPrice: number; source: PriceSource } | undefined {
  const listed = listPriceOn(db, supplierId, itemId, day);
  if (listed !== undefined) return { unitPrice: listed, source: "list" };
  const last = lastPurchasePrice(db, itemId, supplierId);
  return last ? { unitPrice: last.unitPrice, source: "last" } : undefined;
}
