import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import {
  goodsReceiptLines,
  goodsReceipts,
  items,
  purchaseOrderLines,
  purchaseOrders,
  rejectDecisions,
} from "../../../db/schema.ts";
import { type RejectDecisionKind, rejectDecisionKinds } from "../../../db/tables/returns.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { requirePermission } from "../permissions.ts";
import type { PurchaseOrderStatus } from "../purchasing/states.ts";
import { checkQuantity } from "../receiving/check-lines.ts";
import { readReceivableLines } from "../receiving/open-lines.ts";
import { settlePurchaseOrder } from "../receiving/po-progress.ts";
import { receivableStatuses } from "../receiving/post-receipt.ts";
import { maxAcceptedQty, readReceiptTolerancePct } from "../receiving/settings.ts";
import { requireNoWaitingReceipt } from "../receiving/waiting-receipt.ts";
import { requireLocation } from "../stock/lookups.ts";
import { receiveStock } from "../stock/moves.ts";
import { shareStatements } from "../stock/statements.ts";
import type { Tx } from "../stock/types.ts";

export { type RejectDecisionKind, rejectDecisionKinds };

/** Whether a string names a decision. */
export function isRejectDecisionKind(value: string): value is RejectDecisionKind {
  return (rejectDecisionKinds as readonly string[]).includes(value);
}

/** Purchasing's decision on (part of) the rejected goods of one GR line. */
export interface RejectDecisionInput {
  goodsReceiptLineId: number;
  decision: RejectDecisionKind;
  /** Base units, at most what still waits for a decision. */
  qty: number;
  /**
   * How much the decider saw waiting (the button's message); when it differs now someone else
   * decided in between and nothing is written.
   */
  expectedUndecided?: number;
  /** Accept anyway: the bin; default the bin the line's accepted goods went to. */
  locationId?: number;
  userId: string;
}

/** What the decision did, for the decider's reply. */
export interface RejectDecided {
  id: number;
  decision: RejectDecisionKind;
  /** RTN-… for a return or a replacement. */
  number: string | null;
  qty: number;
  sku: string;
  unit: string;
  receipt: string;
  poNumber: string;
  poStatus: PurchaseOrderStatus;
  /** Accept anyway: the bin and the value it entered stock at. */
  locationId: number | null;
  value: number;
  /** What still waits on the line afterwards. */
  undecided: number;
}

/**
 * Settles rejected goods, in one transaction with its audit row and outbox event:
 * - return: a supplier return (RTN-…); the supplier will not replace them, so the PO line no
 *   longer owes them, and a PO with nothing owed any more becomes received;
 * - replace: a supplier return too, but the quantity stays owed (on order) for a later receipt;
 * - accept: the goods enter stock after all at the PO line's price through the costing engine,
 *   within the over-receipt tolerance, and the PO advances as a receipt would.
 * A second click, a stale message or a race finds the quantity already decided and writes nothing.
 */
export function decideRejectedGoods(db: Db, clock: Clock, input: RejectDecisionInput): RejectDecided {
  requirePermission(db, input.userId, "po.rejects");
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const { line, undecided } = requireOpenLine(tx, input.goodsReceiptLineId, input.expectedUndecided);
      // A replacement settles nothing (it stays owed); returning or accepting would.
      if (input.decision !== "replace") {
        requireNoWaitingReceipt(db, { id: line.poId, number: line.poNumber }, "settle");
      }
      checkQuantity(input.qty, "qty", true);
      if (input.qty > undecided) {
        throw new JxcError("REJECTS_LEFT", { sku: line.sku, receipt: line.receipt, left: undecided }, "qty");
      }
      const poLines = readReceivableLines(db, line.poId);
      const poLine = poLines.find((l) => l.id === line.poLineId);
      if (!poLine) throw new JxcError("STALE_ACTION");
      const po = { number: line.poNumber, status: line.poStatus, heldFrom: line.heldFrom };
      let locationId: number | null = null;
      let move: { moveId: number; value: number } | undefined;
      if (input.decision === "replace") {
        const expects =
          receivableStatuses.includes(po.status) ||
          (po.status === "on_hold" && po.heldFrom !== null && receivableStatuses.includes(po.heldFrom));
        if (!expects || poLine.open < input.qty) {
          throw new JxcError("REPLACEMENT_NOT_EXPECTED", {
            number: po.number,
            sku: line.sku,
            owed: expects ? poLine.open : 0,
            qty: input.qty,
          });
        }
      }
      if (input.decision === "accept") {
        locationId = input.locationId ?? line.locationId;
        if (locationId === null) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "bin");
        requireLocation(tx, locationId, "bin");
        const pct = readReceiptTolerancePct(tx);
        const most = maxAcceptedQty(poLine.ordered, pct);
        if (poLine.settled + input.qty > most) {
          throw new JxcError(
            "OVER_RECEIPT",
            {
              sku: line.sku,
              ordered: poLine.ordered,
              already: poLine.settled,
              most: Math.max(most - poLine.settled, 0),
              pct,
            },
            "qty",
          );
        }
        move = receiveStock(
          tx,
          {
            userId: input.userId,
            at,
            batchId: randomUUID(),
            docType: "goods_receipt",
            docId: line.receiptId,
          },
          { itemId: line.itemId, locationId, qty: input.qty, unitCost: line.unitPrice, reason: "receipt" },
        );
      }
      const number = input.decision === "accept" ? null : nextDocumentNumber(tx, "supplier_return");
      const { id } = tx
        .insert(rejectDecisions)
        .values({
          goodsReceiptLineId: line.id,
          purchaseOrderLineId: line.poLineId,
          decision: input.decision,
          qty: input.qty,
          number,
          locationId,
          moveId: move?.moveId ?? null,
          decidedBy: input.userId,
          decidedAt: at,
        })
        .returning({ id: rejectDecisions.id })
        .get();
      if (input.qty === undecided) {
        tx.update(goodsReceiptLines)
          .set({ supplierReturn: "decided" })
          .where(eq(goodsReceiptLines.id, line.id))
          .run();
      }
      const poStatus =
        input.decision === "replace"
          ? po.status
          : settlePurchaseOrder(tx, db, { id: line.poId, ...po }, input.userId, at);
      writeAudit(tx, {
        actor: input.userId,
        action: `gr.reject_${input.decision}`,
        entity: "goods_receipt",
        entityId: line.receipt,
        before: { lineNo: line.lineNo, undecided },
        after: {
          lineNo: line.lineNo,
          sku: line.sku,
          qty: input.qty,
          number,
          locationId,
          value: move?.value ?? 0,
        },
        at,
      });
      emitEvent(
        tx,
        {
          type: "receipt.decided",
          actor: input.userId,
          docType: "purchase_order",
          docId: line.poId,
          payload: {
            number: line.poNumber,
            receipt: line.receipt,
            receiptId: line.receiptId,
            decisionId: id,
            decision: input.decision,
            from: po.status,
            to: poStatus,
            owner: line.poAuthor,
            receiver: line.receivedBy,
          },
        },
        at,
      );
      return {
        id,
        decision: input.decision,
        number,
        qty: input.qty,
        sku: line.sku,
        unit: line.unit,
        receipt: line.receipt,
        poNumber: line.poNumber,
        poStatus,
        locationId,
        value: move?.value ?? 0,
        undecided: undecided - input.qty,
      };
    },
    { behavior: "immediate" },
  );
}

/**
 * Refuses, writing nothing, a decision on goods no longer waiting: ALREADY_DECIDED (who, what)
 * when nothing waits, REJECTS_LEFT when someone decided part of it since the decider looked,
 * RECEIPT_WAITING while another receipt of the PO waits for approval (what Accept anyway asks).
 * Lets a form check before it opens, as the decision itself checks again.
 */
export function requireUndecided(db: Db, goodsReceiptLineId: number, expectedUndecided: number): void {
  db.transaction((tx) => {
    const { line } = requireOpenLine(tx, goodsReceiptLineId, expectedUndecided);
    requireNoWaitingReceipt(db, { id: line.poId, number: line.poNumber }, "settle");
  });
}

function requireOpenLine(tx: Tx, goodsReceiptLineId: number, expectedUndecided: number | undefined) {
  const line = readLine(tx, goodsReceiptLineId);
  if (line?.receiptStatus !== "posted") throw new JxcError("STALE_ACTION");
  const decided = tx
    .select({ qty: sql<number>`coalesce(sum(${rejectDecisions.qty}), 0)`.mapWith(Number) })
    .from(rejectDecisions)
    .where(eq(rejectDecisions.goodsReceiptLineId, line.id))
    .get();
  const undecided = line.rejected - (decided?.qty ?? 0);
  if (undecided <= 0) throw alreadyDecided(tx, line.id);
  if (expectedUndecided !== undefined && expectedUndecided !== undecided) {
    throw new JxcError("REJECTS_LEFT", { sku: line.sku, receipt: line.receipt, left: undecided });
  }
  return { line, undecided };
}

function readLine(tx: Tx, goodsReceiptLineId: number) {
  return tx
    .select({
      id: goodsReceiptLines.id,
      rejected: goodsReceiptLines.rejected,
      locationId: goodsReceiptLines.locationId,
      receiptId: goodsReceipts.id,
      receipt: goodsReceipts.number,
      receiptStatus: goodsReceipts.status,
      receivedBy: goodsReceipts.receivedBy,
      poLineId: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      unitPrice: purchaseOrderLines.unitPrice,
      itemId: purchaseOrderLines.itemId,
      sku: items.sku,
      unit: items.baseUnit,
      poId: purchaseOrders.id,
      poNumber: purchaseOrders.number,
      poStatus: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      poAuthor: purchaseOrders.createdBy,
    })
    .from(goodsReceiptLines)
    .innerJoin(goodsReceipts, eq(goodsReceipts.id, goodsReceiptLines.goodsReceiptId))
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(goodsReceiptLines.id, goodsReceiptLineId))
    .get();
}

function alreadyDecided(tx: Tx, goodsReceiptLineId: number): JxcError {
  const last = tx
    .select({ by: rejectDecisions.decidedBy, decision: rejectDecisions.decision })
    .from(rejectDecisions)
    .where(eq(rejectDecisions.goodsReceiptLineId, goodsReceiptLineId))
    .orderBy(desc(rejectDecisions.id))
    .get();
  return new JxcError("ALREADY_DECIDED", last ? { by: last.by, decision: last.decision } : {});
}
