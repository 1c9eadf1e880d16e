import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  goodsReceiptLines,
  goodsReceipts,
  items,
  purchaseOrderLines,
  purchaseOrders,
} from "../../../db/schema.ts";
import type { RejectReason } from "../../../db/tables/receiving.ts";
import { writeAudit } from "../audit.ts";
import { isJxcError, JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { assertCanMove, nextStatus, type PurchaseOrderStatus } from "../purchasing/states.ts";
import { receiveStock } from "../stock/moves.ts";
import type { Tx } from "../stock/types.ts";
import { type ReceivableLine, readReceivableLinesIn } from "./open-lines.ts";

/** Statuses a delivery may be received against: the PO was sent to the supplier. */
export const receivableStatuses: readonly PurchaseOrderStatus[] = ["sent", "partially_received"];

/** The PO as a receipt needs it. */
export interface ReceiptPo {
  id: number;
  number: string;
  status: PurchaseOrderStatus;
  heldFrom: PurchaseOrderStatus | null;
  createdBy: string;
}

/** One posted line, as the reply and the PO thread tell it. */
export interface PostedReceiptLine {
  lineNo: number;
  sku: string;
  unit: string;
  accepted: number;
  rejected: number;
  rejectReason: RejectReason | null;
  locationId: number | null;
  value: number;
}

/** Reads a PO for a receipt and refuses one that cannot be received now. */
export function requireReceivablePo(tx: Tx, purchaseOrderId: number): ReceiptPo {
  const po = tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      createdBy: purchaseOrders.createdBy,
    })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, purchaseOrderId))
    .get();
  if (!po) throw new JxcError("NOT_FOUND", { what: `#${purchaseOrderId}` });
  if (!receivableStatuses.includes(po.status)) {
    throw new JxcError("ILLEGAL_TRANSITION", {
      number: po.number,
      status: po.status,
      action: "receive_part",
    });
  }
  return po;
}

/**
 * The PO of a receipt that waited, refused with what the approver can still do when the PO
 * can no longer take it (closed, cancelled or held meanwhile): reject it, or wait for a resume.
 */
function requireReceivablePoFor(tx: Tx, receipt: { number: string; purchaseOrderId: number }): ReceiptPo {
  try {
    return requireReceivablePo(tx, receipt.purchaseOrderId);
  } catch (error) {
    if (!isJxcError(error) || error.code !== "ILLEGAL_TRANSITION") throw error;
    throw new JxcError("RECEIPT_OVERTAKEN", {
      number: error.params.number ?? "",
      status: error.params.status ?? "",
      receipt: receipt.number,
    });
  }
}

/**
 * What every posted receipt does last, in its transaction: the PO moves to partly received, or
 * received once nothing is owed on any line (`lines` as they stand after this receipt), with
 * audit rows and the PO-thread event.
 */
export function finishReceipt(
  tx: Tx,
  input: {
    po: ReceiptPo;
    receipt: { id: number; number: string; receivedBy: string };
    lines: readonly ReceivableLine[];
    posted: readonly PostedReceiptLine[];
    at: number;
    /** Who posted it: the receiver, or the supervisor who approved an over-receipt. */
    actor: string;
  },
): { poStatus: PurchaseOrderStatus; accepted: number; rejected: number; value: number } {
  const { po, receipt, at, actor } = input;
  const complete = input.lines.every((line) => line.open === 0);
  const action = complete ? "receive_all" : "receive_part";
  assertCanMove(po, action);
  const status = nextStatus(po, action);
  tx.update(purchaseOrders)
    .set({ status, updatedAt: at })
    .where(and(eq(purchaseOrders.id, po.id), eq(purchaseOrders.status, po.status)))
    .run();
  const totals = {
    accepted: input.posted.reduce((sum, line) => sum + line.accepted, 0),
    rejected: input.posted.reduce((sum, line) => sum + line.rejected, 0),
    value: input.posted.reduce((sum, line) => sum + line.value, 0),
  };
  writeAudit(tx, {
    actor,
    action: "gr.post",
    entity: "goods_receipt",
    entityId: receipt.number,
    after: { po: po.number, lines: input.posted, receivedBy: receipt.receivedBy },
    at,
  });
  writeAudit(tx, {
    actor,
    action: `po.${action}`,
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status, receipt: receipt.number },
    at,
  });
  emitEvent(
    tx,
    {
      type: "po.received",
      // The receiver, even when a supervisor approved it: the thread says who received it.
      actor: receipt.receivedBy,
      // Told in the PO's thread: the receipt is part of the PO's story.
      docType: "purchase_order",
      docId: po.id,
      payload: {
        number: po.number,
        receipt: receipt.number,
        receiptId: receipt.id,
        from: po.status,
        to: status,
        owner: po.createdBy,
        ...(actor !== receipt.receivedBy ? { approvedBy: actor } : {}),
        ...totals,
      },
    },
    at,
  );
  return { poStatus: status, ...totals };
}

/**
 * Posts a receipt that waited for approval (an over-receipt): its accepted stock enters at the
 * PO price exactly as a receipt posted at once would, inside the approving transaction.
 * Refused (and the approval with it) when the PO can no longer be received.
 */
export function postHeldReceipt(tx: Tx, input: { receiptId: number; at: number; actor: string }) {
  const receipt = tx
    .select({
      id: goodsReceipts.id,
      number: goodsReceipts.number,
      status: goodsReceipts.status,
      purchaseOrderId: goodsReceipts.purchaseOrderId,
      receivedBy: goodsReceipts.receivedBy,
    })
    .from(goodsReceipts)
    .where(eq(goodsReceipts.id, input.receiptId))
    .get();
  if (receipt?.status !== "pending_approval") throw new JxcError("STALE_ACTION");
  const po = requireReceivablePoFor(tx, receipt);
  const rows = tx
    .select({
      id: goodsReceiptLines.id,
      lineNo: purchaseOrderLines.lineNo,
      itemId: purchaseOrderLines.itemId,
      unitPrice: purchaseOrderLines.unitPrice,
      sku: items.sku,
      unit: items.baseUnit,
      accepted: goodsReceiptLines.accepted,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(goodsReceiptLines.goodsReceiptId, receipt.id))
    .orderBy(purchaseOrderLines.lineNo)
    .all();
  const ctx = {
    userId: receipt.receivedBy,
    at: input.at,
    batchId: randomUUID(),
    docType: "goods_receipt",
    docId: receipt.id,
  };
  const posted: PostedReceiptLine[] = rows.map((row) => {
    const move =
      row.accepted > 0 && row.locationId !== null
        ? receiveStock(tx, ctx, {
            itemId: row.itemId,
            locationId: row.locationId,
            qty: row.accepted,
            unitCost: row.unitPrice,
            reason: "receipt",
          })
        : undefined;
    if (move) {
      tx.update(goodsReceiptLines).set({ moveId: move.moveId }).where(eq(goodsReceiptLines.id, row.id)).run();
    }
    return {
      lineNo: row.lineNo,
      sku: row.sku,
      unit: row.unit,
      accepted: row.accepted,
      rejected: row.rejected,
      rejectReason: row.rejectReason,
      locationId: row.locationId,
      value: move?.value ?? 0,
    };
  });
  tx.update(goodsReceipts).set({ status: "posted" }).where(eq(goodsReceipts.id, receipt.id)).run();
  const result = finishReceipt(tx, {
    po,
    receipt,
    lines: readReceivableLinesIn(tx, po.id),
    posted,
    at: input.at,
    actor: input.actor,
  });
  return { id: receipt.id, number: receipt.number, poNumber: po.number, ...result, lines: posted };
}
