import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { purchaseOrders, roleAssignments } from "../../../db/schema.ts";
import { cancelApproval, requestApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { can } from "../permissions.ts";
import type { Role } from "../roles.ts";
import { isRole } from "../roles.ts";
import type { Tx } from "../stock/types.ts";
import { describeForApproval } from "./approval-summary.ts";
import { readPurchaseOrder } from "./reads.ts";
import {
  actionPermissions,
  assertCanMove,
  linesEditable,
  nextStatus,
  type PurchaseOrderAction,
  type PurchaseOrderStatus,
} from "./states.ts";

/** The moves people make on a PO; receiving moves come only with goods receipts (receiveGoods). */
export type PurchaseOrderMove = Exclude<
  PurchaseOrderAction,
  "approve" | "reject" | "receive_part" | "receive_all"
>;

/** Events told in the PO's thread for each move people make. */
const actionEvents = {
  send: "po.sent",
  hold: "po.held",
  resume: "po.resumed",
  cancel: "po.cancelled",
  close: "po.closed",
} as const;

/**
 * Moves a PO by one action (submit, send, hold, resume, cancel, close), checked against the
 * state machine and the user's roles in one transaction: a stale button or a double click
 * changes nothing and says why.
 */
export function movePurchaseOrder(
  db: Db,
  clock: Clock,
  input: {
    id: number;
    action: PurchaseOrderMove;
    userId: string;
    today: string;
    /** The company time zone: the approval card scores the supplier by company days. */
    timeZone?: string;
  },
): { number: string; status: PurchaseOrderStatus; approverRoles: Role[] } {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const po = requirePo(tx, input.id);
      if (input.action !== "submit" && !(input.action in actionEvents)) {
        // Only a goods receipt moves a PO to partly received or received.
        throw new JxcError("ILLEGAL_TRANSITION", {
          number: po.number,
          status: po.status,
          action: input.action,
        });
      }
      requireAuthority(tx, input.userId, input.action, po);
      assertCanMove(po, input.action);
      if (input.action === "submit") {
        if (po.expectedDay < input.today) {
          throw new JxcError("INVALID_INPUT", { problem: "in_the_past" }, "expected");
        }
        const result = submitInTx(tx, {
          db,
          at,
          id: po.id,
          userId: input.userId,
          today: input.today,
          timeZone: input.timeZone,
        });
        return { number: po.number, status: result.status, approverRoles: result.roles };
      }
      const status = nextStatus(po, input.action);
      tx.update(purchaseOrders)
        .set({
          status,
          heldFrom: input.action === "hold" ? po.status : null,
          updatedAt: at,
        })
        .where(and(eq(purchaseOrders.id, po.id), eq(purchaseOrders.status, po.status)))
        .run();
      if (po.status === "pending_approval" && input.action === "cancel") {
        cancelApproval(tx, at, { docType: "purchase_order", docId: po.id, actor: input.userId });
      }
      writeAudit(tx, {
        actor: input.userId,
        action: `po.${input.action}`,
        entity: "purchase_order",
        entityId: po.number,
        before: { status: po.status },
        after: { status },
        at,
      });
      emitEvent(
        tx,
        {
          type: actionEvents[input.action],
          actor: input.userId,
          docType: "purchase_order",
          docId: po.id,
          payload: { number: po.number, from: po.status, to: status, owner: po.createdBy },
        },
        at,
      );
      return { number: po.number, status, approverRoles: [] };
    },
    { behavior: "immediate" },
  );
}

/** The approval engine's verdict, applied inside its deciding transaction. */
export function applyApprovalVerdict(
  tx: Tx,
  ctx: { docId: number; at: number; actor: string; day: string },
  verdict: "approve" | "reject",
): void {
  const po = requirePo(tx, ctx.docId);
  if (po.status !== "pending_approval") return;
  const status = nextStatus(po, verdict);
  tx.update(purchaseOrders)
    .set({ status, approvedDay: verdict === "approve" ? ctx.day : null, updatedAt: ctx.at })
    .where(eq(purchaseOrders.id, po.id))
    .run();
  writeAudit(tx, {
    actor: ctx.actor,
    action: `po.${verdict}`,
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status },
    at: ctx.at,
  });
}

/**
 * Sends a PO for approval inside the caller's transaction (the card's facts are frozen now);
 * when the policy needs nobody for this amount it is approved as submitted.
 */
export function submitInTx(
  tx: Tx,
  input: {
    at: number;
    id: number;
    userId: string;
    today: string;
    timeZone?: string | undefined;
    /** The connection the transaction runs on: the scorecard reads through it with raw SQL. */
    db?: Db | undefined;
  },
): { status: PurchaseOrderStatus; roles: Role[] } {
  const { at, id, userId, today } = input;
  const po = readPurchaseOrder(tx, id);
  if (!po) throw new JxcError("STALE_ACTION");
  if (po.lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  tx.update(purchaseOrders)
    .set({ status: "pending_approval", updatedAt: at })
    .where(eq(purchaseOrders.id, id))
    .run();
  writeAudit(tx, {
    actor: userId,
    action: "po.submit",
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status: "pending_approval", total: po.total },
    at,
  });
  const approval = requestApproval(tx, at, {
    docType: "purchase_order",
    docId: id,
    docNumber: po.number,
    amount: po.total,
    requestedBy: userId,
    summary: describeForApproval(tx, po, { today, timeZone: input.timeZone, db: input.db }),
  });
  if (approval) return { status: "pending_approval", roles: approval.roles };
  // The policy needs nobody for this amount: approved as submitted.
  applyApprovalVerdict(tx, { docId: id, at, actor: userId, day: today }, "approve");
  return { status: "approved", roles: [] };
}

/** The PO row a move checks, or STALE_ACTION when it is gone. */
export function requirePo(tx: Tx, id: number) {
  const po = tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      createdBy: purchaseOrders.createdBy,
      expectedDay: purchaseOrders.expectedDay,
      supplierId: purchaseOrders.supplierId,
    })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, id))
    .get();
  if (!po) throw new JxcError("STALE_ACTION");
  return po;
}

/**
 * Whether this user may make this move. The PO's author may also withdraw it while it is a
 * draft or waits for approval; everything else follows the permission table.
 */
export function requireAuthority(
  tx: Tx,
  userId: string,
  action: PurchaseOrderAction,
  po: { createdBy: string; status: PurchaseOrderStatus },
): void {
  const held = new Set(
    tx
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId))
      .all()
      .map((r) => r.role)
      .filter(isRole),
  );
  const ownEarly = po.createdBy === userId && linesEditable(po.status);
  if (action === "cancel" && ownEarly && can(held, "po.create")) return;
  const permission = actionPermissions[action];
  if (!can(held, permission)) throw new JxcError("NOT_ALLOWED", { roles: "" });
}
