import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { items, purchaseOrderLines } from "../../../db/schema.ts";
import type { Tx } from "../stock/types.ts";
import { acceptedSql, owedSql, settledSql } from "./owed.ts";

/** One PO line with what has been settled against it so far: what a receipt starts from. */
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
  /** Taken into stock: accepted on posted receipts and rejects accepted anyway. */
  accepted: number;
  /** Accepted plus rejects returned without a replacement: what the over-receipt tolerance counts. */
  settled: number;
  /** Still owed by the supplier (src/domain/receiving/owed.ts): what may still come. */
  open: number;
}

/**
 * A PO's lines with their accepted, settled and owed quantities. Rejected goods still
 * undecided or sent back for a replacement do not count as received: the supplier still owes
 * them, so they stay open.
 */
export function readReceivableLines(db: Db, purchaseOrderId: number): ReceivableLine[] {
  return receivableQuery(db).all({ purchaseOrderId });
}

/** The same inside a transaction that has no prepared statements (an approval's outcome). */
export function readReceivableLinesIn(tx: Tx, purchaseOrderId: number): ReceivableLine[] {
  return receivableSelect(tx).where(eq(purchaseOrderLines.purchaseOrderId, purchaseOrderId)).all();
}

function receivableSelect(db: Pick<Db, "select">) {
  return db
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
      accepted: sql.raw(acceptedSql('"purchase_order_lines"."id"')).mapWith(Number),
      settled: sql.raw(settledSql('"purchase_order_lines"."id"')).mapWith(Number),
      open: sql.raw(owedSql('"purchase_order_lines"')).mapWith(Number),
    })
    .from(purchaseOrderLines)
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .orderBy(purchaseOrderLines.lineNo)
    .$dynamic();
}

// Prepared once per database: a 100-line receipt reads its PO here inside a 50 ms budget.
const receivableQuery = preparedPerDb((db) =>
  receivableSelect(db)
    .where(eq(purchaseOrderLines.purchaseOrderId, sql.placeholder("purchaseOrderId")))
    .prepare(),
);
