import { asc, eq, inArray } from "drizzle-orm";
import {
  goodsReceiptLines,
  goodsReceipts,
  items,
  locations,
  purchaseOrderLines,
  purchaseOrders,
  rejectDecisions,
  suppliers,
  warehouses,
} from "../../../db/schema.ts";
import type { RejectReason } from "../../../db/tables/receiving.ts";
import type { RejectDecisionKind } from "../../../db/tables/returns.ts";
import type { Handle } from "../stock/statements.ts";

/** One decision on rejected goods, as people read it. */
export interface RejectDecisionView {
  id: number;
  decision: RejectDecisionKind;
  qty: number;
  /** RTN-… for a return or a replacement. */
  number: string | null;
  /** WAREHOUSE/BIN for an acceptance. */
  place: string | null;
  decidedBy: string;
  decidedAt: number;
}

/** A GR line with rejected goods: how many, why, what was decided and what still waits. */
export interface RejectedLineView {
  goodsReceiptLineId: number;
  lineNo: number;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  rejected: number;
  rejectReason: RejectReason | null;
  /** Where the line's accepted goods went, if any: where accepted-anyway goods go by default. */
  locationId: number | null;
  decisions: RejectDecisionView[];
  /** Rejected, less every decision so far. */
  undecided: number;
}

/** The rejected lines of one goods receipt, in PO line order, with their decisions. */
export function readRejectedLines(db: Handle, goodsReceiptId: number): RejectedLineView[] {
  const lines = db
    .select({
      goodsReceiptLineId: goodsReceiptLines.id,
      lineNo: purchaseOrderLines.lineNo,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(goodsReceiptLines.goodsReceiptId, goodsReceiptId))
    .orderBy(asc(purchaseOrderLines.lineNo))
    .all()
    .filter((line) => line.rejected > 0);
  const decisions = decisionsOf(
    db,
    lines.map((line) => line.goodsReceiptLineId),
  );
  return lines.map((line) => {
    const own = decisions.get(line.goodsReceiptLineId) ?? [];
    const decided = own.reduce((sum, d) => sum + d.qty, 0);
    return { ...line, decisions: own, undecided: Math.max(line.rejected - decided, 0) };
  });
}

function decisionsOf(db: Handle, lineIds: number[]): Map<number, RejectDecisionView[]> {
  const byLine = new Map<number, RejectDecisionView[]>();
  if (lineIds.length === 0) return byLine;
  const rows = db
    .select({
      lineId: rejectDecisions.goodsReceiptLineId,
      id: rejectDecisions.id,
      decision: rejectDecisions.decision,
      qty: rejectDecisions.qty,
      number: rejectDecisions.number,
      warehouse: warehouses.code,
      bin: locations.code,
      decidedBy: rejectDecisions.decidedBy,
      decidedAt: rejectDecisions.decidedAt,
    })
    .from(rejectDecisions)
    .leftJoin(locations, eq(locations.id, rejectDecisions.locationId))
    .leftJoin(warehouses, eq(warehouses.id, locations.warehouseId))
    .where(inArray(rejectDecisions.goodsReceiptLineId, lineIds))
    .orderBy(asc(rejectDecisions.id))
    .all();
  for (const { lineId, warehouse, bin, ...row } of rows) {
    const list = byLine.get(lineId) ?? [];
    list.push({ ...row, place: warehouse && bin ? `${warehouse}/${bin}` : null });
    byLine.set(lineId, list);
  }
  return byLine;
}

/** One decision with its receipt, PO and supplier: what the thread line and the warehouse are told. */
export interface DecisionFacts extends RejectDecisionView {
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  rejectReason: RejectReason | null;
  receipt: string;
  receivedBy: string;
  poNumber: string;
  supplier: { code: string; name: string; nameZh: string | null };
  /** Minor units per base unit: the PO line's price (what an acceptance costs). */
  unitPrice: number;
}

/** Reads one decision by id. */
export function readRejectDecision(db: Handle, id: number): DecisionFacts | undefined {
  const row = db
    .select({
      id: rejectDecisions.id,
      decision: rejectDecisions.decision,
      qty: rejectDecisions.qty,
      number: rejectDecisions.number,
      warehouse: warehouses.code,
      bin: locations.code,
      decidedBy: rejectDecisions.decidedBy,
      decidedAt: rejectDecisions.decidedAt,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      rejectReason: goodsReceiptLines.rejectReason,
      receipt: goodsReceipts.number,
      receivedBy: goodsReceipts.receivedBy,
      poNumber: purchaseOrders.number,
      supplierCode: suppliers.code,
      supplierName: suppliers.name,
      supplierNameZh: suppliers.nameZh,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(rejectDecisions)
    .innerJoin(goodsReceiptLines, eq(goodsReceiptLines.id, rejectDecisions.goodsReceiptLineId))
    .innerJoin(goodsReceipts, eq(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, rejectDecisions.purchaseOrderLineId))
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .leftJoin(locations, eq(locations.id, rejectDecisions.locationId))
    .leftJoin(warehouses, eq(warehouses.id, locations.warehouseId))
    .where(eq(rejectDecisions.id, id))
    .get();
  if (!row) return undefined;
  const { warehouse, bin, supplierCode, supplierName, supplierNameZh, ...rest } = row;
  return {
    ...rest,
    place: warehouse && bin ? `${warehouse}/${bin}` : null,
    supplier: { code: supplierCode, name: supplierName, nameZh: supplierNameZh },
  };
}

/** One rejected GR line with what a decision form needs: its receipt, item and PO price. */
export interface RejectedLineFacts extends RejectedLineView {
  receiptId: number;
  receipt: string;
  itemId: number;
  unitPrice: number;
}

/** Reads one GR line's rejected goods by the line's id; undefined when it has none. */
export function readRejectedLine(db: Handle, goodsReceiptLineId: number): RejectedLineFacts | undefined {
  const row = db
    .select({
      receiptId: goodsReceipts.id,
      receipt: goodsReceipts.number,
      itemId: purchaseOrderLines.itemId,
      unitPrice: purchaseOrderLines.unitPrice,
    })
    .from(goodsReceiptLines)
    .innerJoin(goodsReceipts, eq(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .where(eq(goodsReceiptLines.id, goodsReceiptLineId))
    .get();
  if (!row) return undefined;
  const line = readRejectedLines(db, row.receiptId).find((l) => l.goodsReceiptLineId === goodsReceiptLineId);
  return line ? { ...line, ...row } : undefined;
}
