import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { openForDelivery } from "../purchasing/states.ts";
import { owedSql } from "../receiving/owed.ts";

/**
 * Quantity on open purchase orders not yet received, in base units: what the supplier still
 * owes on the lines of approved, sent and partially received POs (src/domain/receiving/owed.ts:
 * rejects awaiting a decision or a replacement stay on order; returned ones do not).
 */
export function onOrderQty(db: Db, itemId: number): number {
  return Number(onOrderQuery(db).get(itemId) ?? 0);
}

const openStatuses = openForDelivery.map((status) => `'${status}'`).join(", ");

// /stock is a hot path: prepared once per database, raw (drizzle's row mapping cost more than the read).
const onOrderQuery = preparedPerDb((db) =>
  db.$client
    .prepare(
      `select coalesce(sum(${owedSql("l")}), 0)
         from purchase_order_lines l join purchase_orders p on p.id = l.purchase_order_id
        where l.item_id = ? and p.status in (${openStatuses})`,
    )
    .pluck(),
);
