import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, purchaseOrderLines, purchaseOrders, suppliers } from "../../../db/schema.ts";
import { startOfMonth } from "../../text/calendar.ts";
import { committedStatuses, type PurchaseOrderStatus } from "./states.ts";

type Reader = Pick<Db, "select">;

/** One PO line as people read it. */
export interface PurchaseOrderLineView {
  lineNo: number;
  itemId: number;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  qty: number;
  unitPrice: number;
  amount: number;
}

/** A whole PO: the contract's terms, its supplier, its lines and their total. */
export interface PurchaseOrderView {
  id: number;
  number: string;
  status: PurchaseOrderStatus;
  heldFrom: PurchaseOrderStatus | null;
  currency: string;
  supplier: { id: number; code: string; name: string; nameZh: string | null };
  expectedDay: string;
  deliveryTerms: string | null;
  qualityStandard: string | null;
  paymentTermsDays: number;
  notes: string | null;
  createdBy: string;
  createdAt: number;
  approvedDay: string | null;
  lines: PurchaseOrderLineView[];
  total: number;
}

/** Reads a PO by id or by its number (PO-000001, any case). */
export function readPurchaseOrder(db: Reader, key: number | string): PurchaseOrderView | undefined {
  const where =
    typeof key === "number"
      ? eq(purchaseOrders.id, key)
      : sql`${purchaseOrders.number} = ${key.trim().toUpperCase()}`;
  const row = db
    .select({
      po: purchaseOrders,
      supplier: { id: suppliers.id, code: suppliers.code, name: suppliers.name, nameZh: suppliers.nameZh },
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .where(where)
    .get();
  if (!row) return undefined;
  const lines = db
    .select({
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      qty: purchaseOrderLines.qty,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(purchaseOrderLines)
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(purchaseOrderLines.purchaseOrderId, row.po.id))
    .orderBy(purchaseOrderLines.lineNo)
    .all()
    .map((line) => ({ ...line, amount: line.qty * line.unitPrice }));
  const { po } = row;
  return {
    id: po.id,
    number: po.number,
    status: po.status,
    heldFrom: po.heldFrom,
    currency: po.currency,
    supplier: row.supplier,
    expectedDay: po.expectedDay,
    deliveryTerms: po.deliveryTerms,
    qualityStandard: po.qualityStandard,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    createdBy: po.createdBy,
    createdAt: po.createdAt,
    approvedDay: po.approvedDay,
    lines,
    total: lines.reduce((sum, line) => sum + line.amount, 0),
  };
}

/**
 * The unit price (minor units per base unit) an item was last bought at on an approved PO:
 * from this supplier when there is one, else from any supplier. Undefined when never bought.
 */
export function lastPurchasePrice(
  db: Reader,
  itemId: number,
  supplierId: number,
  excludePoId = 0,
): { unitPrice: number; number: string; sameSupplier: boolean } | undefined {
  const lastFrom = (bySupplier: boolean) =>
    db
      .select({ unitPrice: purchaseOrderLines.unitPrice, number: purchaseOrders.number })
      .from(purchaseOrderLines)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
      .where(
        and(
          eq(purchaseOrderLines.itemId, itemId),
          inArray(purchaseOrders.status, [...committedStatuses]),
          ne(purchaseOrders.id, excludePoId),
          bySupplier ? eq(purchaseOrders.supplierId, supplierId) : undefined,
        ),
      )
      .orderBy(desc(purchaseOrders.approvedDay), desc(purchaseOrders.id))
      .get();
  const own = lastFrom(true);
  if (own) return { ...own, sameSupplier: true };
  const anySupplier = lastFrom(false);
  return anySupplier ? { ...anySupplier, sameSupplier: false } : undefined;
}

/** Money committed on POs approved this month (company days), in minor units. */
export function purchasingSpendThisMonth(db: Reader, today: string): number {
  const row = db
    .select({
      total: sql<number>`coalesce(sum(${purchaseOrderLines.qty} * ${purchaseOrderLines.unitPrice}), 0)`,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and(
        inArray(purchaseOrders.status, [...committedStatuses]),
        gte(purchaseOrders.approvedDay, startOfMonth(today)),
      ),
    )
    .get();
  return Number(row?.total ?? 0);
}

/** A supplier's latest POs, newest first, with their totals. */
export function recentPurchaseOrders(
  db: Reader,
  supplierId: number,
  limit = 5,
): { number: string; status: PurchaseOrderStatus; expectedDay: string; total: number }[] {
  return db
    .select({
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      expectedDay: purchaseOrders.expectedDay,
      total: sql<number>`coalesce((select sum(l.qty * l.unit_price) from purchase_order_lines l where l.purchase_order_id = ${purchaseOrders.id}), 0)`,
    })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.supplierId, supplierId))
    .orderBy(desc(purchaseOrders.id))
    .limit(limit)
    .all();
}
