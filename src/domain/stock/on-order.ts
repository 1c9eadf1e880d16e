import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { purchaseOrderLines, purchaseOrders } from "../../../db/schema.ts";
import { openForDelivery } from "../purchasing/states.ts";
import { owedSql } from "../receiving/owed.ts";

/**
 * Quantity on open purchase orders not yet received, in base units: what the supplier still
 * owes on the lines of approved, sent and partially received POs (src/domain/receiving/owed.ts:
 * rejects awaiting a decision or a replacement stay on order; returned ones do not).
 */
export function onOrderQty(db: Db, itemId: number): number {
  return Number(onOrderQuery(db).get({ itemId })?.qty ?? 0);
}

// /stock is a hot path: prepared once per database.
const onOrderQuery = preparedPerDb((db) =>
  db
    .select({ qty: sql<number>`coalesce(sum(${sql.raw(owedSql('"purchase_order_lines"'))}), 0)` })
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
