import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { goodsReceiptLines, goodsReceipts, purchaseOrders } from "../../../db/schema.ts";
import type { RejectReason } from "../../../db/tables/receiving.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { requirePermission } from "../permissions.ts";
import { assertCanMove, nextStatus, type PurchaseOrderStatus } from "../purchasing/states.ts";
import { maxQuantity } from "../quantity.ts";
import { requireLocation } from "../stock/lookups.ts";
import { receiveStock } from "../stock/moves.ts";
import { shareStatements } from "../stock/statements.ts";
import { type ReceivableLine, readReceivableLines } from "./open-lines.ts";
import { maxAcceptedQty, readReceiptTolerancePct } from "./settings.ts";

export { type RejectReason, rejectReasons } from "../../../db/tables/receiving.ts";

/** One inspected PO line as the keeper states it; quantities in base units. */
export interface ReceiptLineInput {
  lineNo: number;
  received: number;
  accepted: number;
  rejected: number;
  rejectReason?: RejectReason | undefined;
  /** Where accepted stock goes; needed when anything is accepted. */
  locationId?: number | undefined;
}

/** A delivery against one PO. */
export interface ReceiveGoodsInput {
  purchaseOrderId: number;
  lines: ReceiptLineInput[];
  userId: string;
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

/** The GR as posted: its number, the PO's new status and what went where. */
export interface GoodsReceiptPosted {
  id: number;
  number: string;
  poNumber: string;
  poStatus: PurchaseOrderStatus;
  accepted: number;
  rejected: number;
  value: number;
  lines: PostedReceiptLine[];
}

/** Statuses a delivery may be received against: the PO was sent to the supplier. */
export const receivableStatuses: readonly PurchaseOrderStatus[] = ["sent", "partially_received"];

/**
 * Posts a goods receipt: accepted stock enters at the PO line's price through the costing
 * engine; rejected stock stays out and waits as a pending supplier return. The GR, its ledger
 * moves, the PO's new status, audit rows and the PO-thread event commit together or not at
 * all. Over-receipt beyond the company tolerance is refused (nothing written): purchasing
 * must raise the PO first. Errors name the field: line<lineNo>_received/accepted/rejected/reason/bin.
 */
export function receiveGoods(db: Db, clock: Clock, input: ReceiveGoodsInput): GoodsReceiptPosted {
  requirePermission(db, input.userId, "po.receive");
  if (input.lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const po = tx
        .select({
          id: purchaseOrders.id,
          number: purchaseOrders.number,
          status: purchaseOrders.status,
          heldFrom: purchaseOrders.heldFrom,
          createdBy: purchaseOrders.createdBy,
        })
        .from(purchaseOrders)
        .where(eq(purchaseOrders.id, input.purchaseOrderId))
        .get();
      if (!po) throw new JxcError("NOT_FOUND", { what: `#${input.purchaseOrderId}` });
      if (!receivableStatuses.includes(po.status)) {
        throw new JxcError("ILLEGAL_TRANSITION", {
          number: po.number,
          status: po.status,
          action: "receive_part",
        });
      }
      const poLines = new Map(readReceivableLines(db, po.id).map((line) => [line.lineNo, line]));
      const tolerancePct = readReceiptTolerancePct(tx);
      const checked = checkLines(input.lines, poLines, tolerancePct, (locationId, field) =>
        requireLocation(tx, locationId, field),
      );
      const number = nextDocumentNumber(tx, "goods_receipt");
      const { id } = tx
        .insert(goodsReceipts)
        .values({ number, purchaseOrderId: po.id, receivedBy: input.userId, receivedAt: at })
        .returning({ id: goodsReceipts.id })
        .get();
      const ctx = { userId: input.userId, at, batchId: randomUUID(), docType: "goods_receipt", docId: id };
      const posted: PostedReceiptLine[] = [];
      const insertLine = insertLineStatement(db);
      for (const { line, poLine } of checked) {
        const move =
          line.accepted > 0 && line.locationId !== undefined
            ? receiveStock(tx, ctx, {
                itemId: poLine.itemId,
                locationId: line.locationId,
                qty: line.accepted,
                unitCost: poLine.unitPrice,
                reason: "receipt",
              })
            : undefined;
        insertLine.run({
          goodsReceiptId: id,
          purchaseOrderLineId: poLine.id,
          received: line.received,
          accepted: line.accepted,
          rejected: line.rejected,
          rejectReason: line.rejected > 0 ? (line.rejectReason ?? null) : null,
          locationId: line.accepted > 0 ? (line.locationId ?? null) : null,
          moveId: move?.moveId ?? null,
          supplierReturn: line.rejected > 0 ? "pending" : "none",
        });
        poLine.accepted += line.accepted;
        posted.push({
          lineNo: poLine.lineNo,
          sku: poLine.sku,
          unit: poLine.unit,
          accepted: line.accepted,
          rejected: line.rejected,
          rejectReason: line.rejected > 0 ? (line.rejectReason ?? null) : null,
          locationId: line.accepted > 0 ? (line.locationId ?? null) : null,
          value: move?.value ?? 0,
        });
      }
      const complete = [...poLines.values()].every((line) => line.accepted >= line.ordered);
      const action = complete ? "receive_all" : "receive_part";
      assertCanMove(po, action);
      const status = nextStatus(po, action);
      tx.update(purchaseOrders)
        .set({ status, updatedAt: at })
        .where(and(eq(purchaseOrders.id, po.id), eq(purchaseOrders.status, po.status)))
        .run();
      const totals = {
        accepted: posted.reduce((sum, line) => sum + line.accepted, 0),
        rejected: posted.reduce((sum, line) => sum + line.rejected, 0),
        value: posted.reduce((sum, line) => sum + line.value, 0),
      };
      writeAudit(tx, {
        actor: input.userId,
        action: "gr.post",
        entity: "goods_receipt",
        entityId: number,
        after: { po: po.number, lines: posted },
        at,
      });
      writeAudit(tx, {
        actor: input.userId,
        action: `po.${action}`,
        entity: "purchase_order",
        entityId: po.number,
        before: { status: po.status },
        after: { status, receipt: number },
        at,
      });
      emitEvent(
        tx,
        {
          type: "po.received",
          actor: input.userId,
          // Told in the PO's thread: the receipt is part of the PO's story.
          docType: "purchase_order",
          docId: po.id,
          payload: {
            number: po.number,
            receipt: number,
            receiptId: id,
            from: po.status,
            to: status,
            owner: po.createdBy,
            ...totals,
          },
        },
        at,
      );
      return { id, number, poNumber: po.number, poStatus: status, ...totals, lines: posted };
    },
    { behavior: "immediate" },
  );
}

// One prepared insert per line: building a 100-row drizzle insert costs more than running it.
const insertLineStatement = preparedPerDb((db) => {
  const p = sql.placeholder;
  return db
    .insert(goodsReceiptLines)
    .values({
      goodsReceiptId: p("goodsReceiptId"),
      purchaseOrderLineId: p("purchaseOrderLineId"),
      received: p("received"),
      accepted: p("accepted"),
      rejected: p("rejected"),
      rejectReason: p("rejectReason"),
      locationId: p("locationId"),
      moveId: p("moveId"),
      supplierReturn: p("supplierReturn"),
    })
    .prepare();
});

function checkLines(
  lines: readonly ReceiptLineInput[],
  poLines: ReadonlyMap<number, ReceivableLine>,
  tolerancePct: number,
  requireBin: (locationId: number, field: string) => void,
): { line: ReceiptLineInput; poLine: ReceivableLine }[] {
  const seen = new Set<number>();
  return lines.map((line) => {
    const field = (name: string) => `line${line.lineNo}_${name}`;
    const poLine = poLines.get(line.lineNo);
    if (!poLine || seen.has(line.lineNo)) {
      throw new JxcError("INVALID_INPUT", { input: String(line.lineNo) }, field("received"));
    }
    seen.add(line.lineNo);
    checkQuantity(line.received, field("received"), true);
    checkQuantity(line.accepted, field("accepted"), false);
    checkQuantity(line.rejected, field("rejected"), false);
    if (line.accepted + line.rejected !== line.received) {
      throw new JxcError(
        "INVALID_QUANTITY",
        { input: `${line.accepted} + ${line.rejected}`, problem: "mismatch" },
        field("accepted"),
      );
    }
    if (line.rejected > 0 && !line.rejectReason) {
      throw new JxcError("INVALID_INPUT", { problem: "empty" }, field("reason"));
    }
    if (line.accepted > 0) {
      if (line.locationId === undefined)
        throw new JxcError("INVALID_INPUT", { problem: "empty" }, field("bin"));
      requireBin(line.locationId, field("bin"));
    }
    const most = maxAcceptedQty(poLine.ordered, tolerancePct);
    if (poLine.accepted + line.accepted > most) {
      throw new JxcError(
        "OVER_RECEIPT",
        {
          sku: poLine.sku,
          ordered: poLine.ordered,
          already: poLine.accepted,
          most: Math.max(most - poLine.accepted, 0),
          pct: tolerancePct,
        },
        field("accepted"),
      );
    }
    return { line, poLine };
  });
}

function checkQuantity(qty: number, field: string, positive: boolean): void {
  if (Number.isSafeInteger(qty) && qty >= (positive ? 1 : 0) && qty <= maxQuantity) return;
  const problem = !Number.isInteger(qty)
    ? "fractional"
    : qty < 0
      ? "negative"
      : qty === 0
        ? "zero"
        : "too_large";
  throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem }, field);
}
