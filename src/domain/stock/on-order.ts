import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { goodsReceiptLines, purchaseOrderLines, purchaseOrders } from "../../../db/schema.ts";
import { openForDelivery } from "../purchasing/states.ts";

/**
 * Quantity on open purchase orders not yet received, in base units: the lines of approved,
 * sent and partially received POs, less what goods receipts accepted against each line (rejected
 * goods are still owed, so they stay on order).
 */
export function onOrderQty(db: Db, itemId: number): number {
  return Number(onOrderQuery(db).get({ itemId })?.qty ?? 0);
}

// /stock is a hot path: prepared once per database.
const onOrderQuery = preparedPerDb((db) =>
  db
    .select({
      qty: sql<number>`coalesce(sum(max(${purchaseOrderLines.qty} - coalesce((select sum(${goodsReceiptLines.accepted}) from ${goodsReceiptLines} where ${goodsReceiptLines.purchaseOrderLineId} = ${purchaseOrderLines.id}), 0), 0)), 0)`,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and(
        eq(purchaseOrderLines.itemId, sql.placeholder("itemId")),
        inArray(purchaseOrders.status, [...openForDelivery]),
      ),
    )
    .prepare(),
);
