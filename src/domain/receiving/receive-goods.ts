import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { goodsReceipts } from "../../../db/schema.ts";
import type { RejectReason } from "../../../db/tables/receiving.ts";
import { goodsReceiptLines } from "../../../db/tables/receiving.ts";
import { requestApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { requirePermission } from "../permissions.ts";
import type { PurchaseOrderStatus } from "../purchasing/states.ts";
import type { Role } from "../roles.ts";
import { requireLocation } from "../stock/lookups.ts";
import { receiveStock } from "../stock/moves.ts";
import { shareStatements } from "../stock/statements.ts";
import type { Tx } from "../stock/types.ts";
import { type CheckedLine, checkLines } from "./check-lines.ts";
import { type ReceivableLine, readReceivableLines } from "./open-lines.ts";
import {
  finishReceipt,
  type PostedReceiptLine,
  postHeldReceipt,
  type ReceiptPo,
  requireReceivablePo,
} from "./post-receipt.ts";
import { type OverReceiptLine, overReceiptSummary } from "./receipt-approval.ts";
import { readReceiptTolerancePct } from "./settings.ts";
import { requireNoWaitingReceipt } from "./waiting-receipt.ts";

export { type RejectReason, rejectReasons } from "../../../db/tables/receiving.ts";
export { type PostedReceiptLine, receivableStatuses } from "./post-receipt.ts";

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

/** The GR as recorded: posted at once, or waiting for the warehouse supervisor (over the tolerance). */
export interface GoodsReceiptPosted {
  id: number;
  number: string;
  status: "posted" | "pending_approval";
  poNumber: string;
  poStatus: PurchaseOrderStatus;
  accepted: number;
  rejected: number;
  value: number;
  lines: PostedReceiptLine[];
  /** While waiting: the roles whose approval it needs, in order. */
  approverRoles: Role[];
  /** While waiting: the lines over the tolerance, and the tolerance itself. */
  over: OverReceiptLine[];
  tolerancePct: number;
}

/**
 * Records a goods receipt. Within the over-receipt tolerance it posts at once: accepted stock
 * enters at the PO line's price through the costing engine; rejected stock stays out and waits
 * for purchasing's decision (return, replace, accept anyway). The GR, its ledger moves, the PO's
 * new status, audit rows and the PO-thread event commit together or not at all. A line over
 * the tolerance makes the whole GR wait for the warehouse supervisor (the goods_receipt
 * approval policy); nothing enters stock until it is approved. Errors name the field:
 * line<lineNo>_received/accepted/rejected/reason/bin.
 */
export function receiveGoods(db: Db, clock: Clock, input: ReceiveGoodsInput): GoodsReceiptPosted {
  requirePermission(db, input.userId, "po.receive");
  if (input.lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const po = requireReceivablePo(tx, input.purchaseOrderId);
      requireNoWaitingReceipt(db, po, "receive");
      const poLines = new Map(readReceivableLines(db, po.id).map((line) => [line.lineNo, line]));
      const tolerancePct = readReceiptTolerancePct(tx);
      const checked = checkLines(input.lines, poLines, tolerancePct, (locationId, field) =>
        requireLocation(tx, locationId, field),
      );
      const number = nextDocumentNumber(tx, "goods_receipt");
      if (checked.some((c) => c.over)) {
        return holdReceipt(db, tx, { po, number, checked, tolerancePct, userId: input.userId, at });
      }
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
        insertLine.run({ ...lineRow(id, line, poLine), moveId: move?.moveId ?? null });
        // What this receipt settles, so the PO's new status can be told without reading again.
        poLine.accepted += line.accepted;
        poLine.settled += line.accepted;
        poLine.open = Math.max(poLine.ordered - poLine.settled, 0);
        posted.push(postedLine(line, poLine, move?.value ?? 0));
      }
      const result = finishReceipt(tx, {
        po,
        receipt: { id, number, receivedBy: input.userId },
        lines: [...poLines.values()],
        posted,
        at,
        actor: input.userId,
      });
      return {
        id,
        number,
        status: "posted",
        poNumber: po.number,
        ...result,
        lines: posted,
        approverRoles: [],
        over: [],
        tolerancePct,
      };
    },
    { behavior: "immediate" },
  );
}

/**
 * An over-receipt: the GR and its lines are recorded with no ledger moves and wait for the
 * approval policy's roles; when the policy needs nobody (an admin set a threshold above this
 * receipt's excess value) it posts at once.
 */
function holdReceipt(
  db: Db,
  tx: Tx,
  input: {
    po: ReceiptPo;
    number: string;
    checked: CheckedLine[];
    tolerancePct: number;
    userId: string;
    at: number;
  },
): GoodsReceiptPosted {
  const { po, number, checked, userId, at } = input;
  const { id } = tx
    .insert(goodsReceipts)
    .values({
      number,
      purchaseOrderId: po.id,
      receivedBy: userId,
      receivedAt: at,
      status: "pending_approval",
    })
    .returning({ id: goodsReceipts.id })
    .get();
  const insertLine = insertLineStatement(db);
  for (const { line, poLine } of checked) insertLine.run({ ...lineRow(id, line, poLine), moveId: null });
  const { summary, excessValue } = overReceiptSummary(tx, {
    po,
    receivedBy: userId,
    tolerancePct: input.tolerancePct,
    lines: checked.map(({ line, poLine, over }) => ({ line, poLine, over })),
  });
  writeAudit(tx, {
    actor: userId,
    action: "gr.hold",
    entity: "goods_receipt",
    entityId: number,
    after: { po: po.number, summary },
    at,
  });
  const approval = requestApproval(tx, at, {
    docType: "goods_receipt",
    docId: id,
    docNumber: number,
    amount: excessValue,
    requestedBy: userId,
    summary,
    // The receiver is the requester today; named anyway, so it holds if someone else ever asks.
    excludedDeciders: [userId],
  });
  if (!approval) {
    const posted = postHeldReceipt(tx, { receiptId: id, at, actor: userId });
    return { ...posted, status: "posted", approverRoles: [], over: [], tolerancePct: input.tolerancePct };
  }
  emitEvent(
    tx,
    {
      type: "receipt.awaiting_approval",
      actor: userId,
      docType: "purchase_order",
      docId: po.id,
      payload: { number: po.number, receipt: number, receiptId: id, owner: po.createdBy },
    },
    at,
  );
  const lines = checked.map(({ line, poLine }) => postedLine(line, poLine, 0));
  return {
    id,
    number,
    status: "pending_approval",
    poNumber: po.number,
    poStatus: po.status,
    accepted: lines.reduce((sum, line) => sum + line.accepted, 0),
    rejected: lines.reduce((sum, line) => sum + line.rejected, 0),
    value: 0,
    lines,
    approverRoles: approval.roles,
    over: summary.lines,
    tolerancePct: input.tolerancePct,
  };
}

function lineRow(goodsReceiptId: number, line: ReceiptLineInput, poLine: ReceivableLine) {
  return {
    goodsReceiptId,
    purchaseOrderLineId: poLine.id,
    received: line.received,
    accepted: line.accepted,
    rejected: line.rejected,
    rejectReason: line.rejected > 0 ? (line.rejectReason ?? null) : null,
    locationId: line.accepted > 0 ? (line.locationId ?? null) : null,
    supplierReturn: line.rejected > 0 ? ("pending" as const) : ("none" as const),
  };
}

function postedLine(line: ReceiptLineInput, poLine: ReceivableLine, value: number): PostedReceiptLine {
  return {
    lineNo: poLine.lineNo,
    sku: poLine.sku,
    unit: poLine.unit,
    accepted: line.accepted,
    rejected: line.rejected,
    rejectReason: line.rejected > 0 ? (line.rejectReason ?? null) : null,
    locationId: line.accepted > 0 ? (line.locationId ?? null) : null,
    value,
  };
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
