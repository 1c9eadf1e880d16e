import { and, eq } from "drizzle-orm";
import { goodsReceipts, locations, purchaseOrders, suppliers, warehouses } from "../../../db/schema.ts";
import type { ApprovalOutcome } from "../approvals/outcomes.ts";
import { writeAudit } from "../audit.ts";
import { emitEvent } from "../events.ts";
import type { Tx } from "../stock/types.ts";
import type { ReceivableLine } from "./open-lines.ts";
import { postHeldReceipt, type ReceiptPo } from "./post-receipt.ts";
import { maxAcceptedQty } from "./settings.ts";

/** One line of an over-receipt as its approver reads it (quantities in base units). */
export interface OverReceiptLine {
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  ordered: number;
  /** Settled before this receipt (accepted, or returned without replacement). */
  before: number;
  accepted: number;
  rejected: number;
  /** The most the tolerance allows in all. */
  most: number;
  place: string | null;
}

/** The facts frozen on an over-receipt's approval card. */
export interface OverReceiptSummary {
  po: string;
  supplier: { code: string; name: string; nameZh: string | null };
  receivedBy: string;
  tolerancePct: number;
  /** The lines over the tolerance. */
  lines: OverReceiptLine[];
  /** How many other lines the receipt has (within the tolerance). */
  within: number;
  [key: string]: unknown;
}

/**
 * What the warehouse supervisor is asked to approve: every line over the tolerance with how
 * much over the order it goes, and the value beyond the order (what the policy's tiers compare).
 */
export function overReceiptSummary(
  tx: Tx,
  input: {
    po: ReceiptPo;
    receivedBy: string;
    tolerancePct: number;
    lines: {
      line: { accepted: number; rejected: number; locationId?: number | undefined };
      poLine: ReceivableLine;
      over: boolean;
    }[];
  },
): { summary: OverReceiptSummary; excessValue: number } {
  const supplier = tx
    .select({ code: suppliers.code, name: suppliers.name, nameZh: suppliers.nameZh })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .where(eq(purchaseOrders.id, input.po.id))
    .get() ?? { code: "", name: "", nameZh: null };
  let excessValue = 0;
  const lines: OverReceiptLine[] = [];
  for (const { line, poLine, over } of input.lines) {
    excessValue += Math.max(poLine.settled + line.accepted - poLine.ordered, 0) * poLine.unitPrice;
    if (!over) continue;
    lines.push({
      sku: poLine.sku,
      name: poLine.name,
      nameZh: poLine.nameZh,
      unit: poLine.unit,
      ordered: poLine.ordered,
      before: poLine.settled,
      accepted: line.accepted,
      rejected: line.rejected,
      most: maxAcceptedQty(poLine.ordered, input.tolerancePct),
      place: line.locationId === undefined ? null : placeOf(tx, line.locationId),
    });
  }
  return {
    summary: {
      po: input.po.number,
      supplier,
      receivedBy: input.receivedBy,
      tolerancePct: input.tolerancePct,
      lines,
      within: input.lines.length - lines.length,
    },
    excessValue,
  };
}

function placeOf(tx: Tx, locationId: number): string | null {
  const row = tx
    .select({ warehouse: warehouses.code, bin: locations.code })
    .from(locations)
    .innerJoin(warehouses, eq(warehouses.id, locations.warehouseId))
    .where(eq(locations.id, locationId))
    .get();
  return row ? `${row.warehouse}/${row.bin}` : null;
}

/**
 * An approved over-receipt posts exactly as a receipt within the tolerance would, in the
 * approving transaction; a refused one never moves stock, and the PO's thread and author hear
 * that the goods were turned away (the receiver hears it from the approval itself).
 */
export const receiptOutcome: ApprovalOutcome = {
  approved: (tx, ctx) => {
    postHeldReceipt(tx, { receiptId: ctx.docId, at: ctx.at, actor: ctx.actor });
  },
  rejected: (tx, ctx) => {
    const receipt = tx
      .update(goodsReceipts)
      .set({ status: "refused" })
      .where(and(eq(goodsReceipts.id, ctx.docId), eq(goodsReceipts.status, "pending_approval")))
      .returning({
        number: goodsReceipts.number,
        purchaseOrderId: goodsReceipts.purchaseOrderId,
        receivedBy: goodsReceipts.receivedBy,
      })
      .get();
    if (!receipt) return;
    const po = tx
      .select({ number: purchaseOrders.number, createdBy: purchaseOrders.createdBy })
      .from(purchaseOrders)
      .where(eq(purchaseOrders.id, receipt.purchaseOrderId))
      .get();
    writeAudit(tx, {
      actor: ctx.actor,
      action: "gr.refuse",
      entity: "goods_receipt",
      entityId: receipt.number,
      before: { status: "pending_approval" },
      after: { status: "refused" },
      at: ctx.at,
    });
    emitEvent(
      tx,
      {
        type: "receipt.refused",
        actor: ctx.actor,
        docType: "purchase_order",
        docId: receipt.purchaseOrderId,
        payload: {
          number: po?.number ?? "",
          receipt: receipt.number,
          receiptId: ctx.docId,
          owner: po?.createdBy ?? "",
          receiver: receipt.receivedBy,
        },
      },
      ctx.at,
    );
  },
};
