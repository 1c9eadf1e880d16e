import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { goodsReceiptLines, items, purchaseOrderLines } from "../../../db/schema.ts";

/** One PO line with what has been accepted against it so far: what a receipt starts from. */
export interface ReceivableLine {
  id: number;
  lineNo: number;
  itemId: number;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  ordered: number;
  unitPrice: number;
  accepted: number;
  /** Still to come: ordered − accepted, never below zero. */
  open: number;
}

/**
 * A PO's lines with their accepted totals. Rejected goods do not count as received: the
 * supplier still owes them (a replacement or a credit), so they stay open.
 */
export function readReceivableLines(db: Db, purchaseOrderId: number): ReceivableLine[] {
  return receivableQuery(db)
    .all({ purchaseOrderId })
    .map((line) => ({ ...line, open: Math.max(line.ordered - line.accepted, 0) }));
}

// Prepared once per database: a 100-line receipt reads its PO here inside a 50 ms budget.
const receivableQuery = preparedPerDb((db) =>
  db
    .select({
      id: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      ordered: purchaseOrderLines.qty,
      unitPrice: purchaseOrderLines.unitPrice,
      accepted:
        sql<number>`coalesce((select sum(${goodsReceiptLines.accepted}) from ${goodsReceiptLines} where ${goodsReceiptLines.purchaseOrderLineId} = ${purchaseOrderLines.id}), 0)`.mapWith(
          Number,
        ),
    })
    .from(purchaseOrderLines)
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(purchaseOrderLines.purchaseOrderId, sql.placeholder("purchaseOrderId")))
    .orderBy(purchaseOrderLines.lineNo)
    .prepare(),
);
