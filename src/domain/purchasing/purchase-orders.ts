import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, purchaseOrderLines, purchaseOrders, roleAssignments, suppliers } from "../../../db/schema.ts";
import { cancelApproval, requestApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { maxMoneyMinor } from "../money.ts";
import { can } from "../permissions.ts";
import { maxQuantity } from "../quantity.ts";
import type { Role } from "../roles.ts";
import { isRole } from "../roles.ts";
import type { Tx } from "../stock/types.ts";
import { lastPurchasePrice, purchasingSpendThisMonth, readPurchaseOrder } from "./reads.ts";
import { readPriceAlertPct, readPurchasingBudget } from "./settings.ts";
import {
  actionPermissions,
  assertCanMove,
  linesEditable,
  nextStatus,
  type PurchaseOrderAction,
  type PurchaseOrderStatus,
} from "./states.ts";

/** One line as typed or picked: base-unit quantity and minor units per base unit. */
export interface PurchaseOrderLineInput {
  itemId: number;
  qty: number;
  unitPrice: number;
}

/** A new PO as the modal or the quick form gives it. */
export interface PurchaseOrderInput {
  supplierId: number;
  lines: PurchaseOrderLineInput[];
  expectedDay: string;
  deliveryTerms?: string | undefined;
  qualityStandard?: string | undefined;
  /** Defaults to the supplier's terms. */
  paymentTermsDays?: number | undefined;
  notes?: string | undefined;
  currency: string;
  userId: string;
  /** Today in the company time zone: the expected day may not be before it. */
  today: string;
  /** Submit for approval in the same step (what both /po forms do). */
  submit: boolean;
}

/** What the command says back: the number, where the PO stands, who must approve it. */
export interface PurchaseOrderCreated {
  id: number;
  number: string;
  status: PurchaseOrderStatus;
  total: number;
  approverRoles: Role[];
}

/** Most lines one PO may have: a modal's worth and then some for the quick form. */
export const maxPurchaseOrderLines = 30;
const maxTextLength = 500;
const maxPaymentTermsDays = 3650;

/**
 * Creates a PO as a draft and, when asked, submits it for approval in the same transaction;
 * every input is checked first (a field error names which), so a refused PO writes nothing.
 */
export function createPurchaseOrder(db: Db, clock: Clock, input: PurchaseOrderInput): PurchaseOrderCreated {
  const terms = checkTerms(input);
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const supplier = tx.select().from(suppliers).where(eq(suppliers.id, input.supplierId)).get();
      if (!supplier || supplier.archived) {
        throw new JxcError("UNKNOWN_SUPPLIER", { query: String(input.supplierId) }, "supplier");
      }
      checkLines(tx, input.lines);
      const number = nextDocumentNumber(tx, "purchase_order");
      const { id } = tx
        .insert(purchaseOrders)
        .values({
          number,
          supplierId: supplier.id,
          status: "draft",
          currency: input.currency,
          expectedDay: input.expectedDay,
          deliveryTerms: terms.deliveryTerms,
          qualityStandard: terms.qualityStandard,
          paymentTermsDays: input.paymentTermsDays ?? supplier.paymentTermsDays,
          notes: terms.notes,
          createdBy: input.userId,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: purchaseOrders.id })
        .get();
      insertLines(tx, id, input.lines);
      writeAudit(tx, {
        actor: input.userId,
        action: "po.create",
        entity: "purchase_order",
        entityId: number,
        after: { supplier: supplier.code, lines: input.lines, expectedDay: input.expectedDay },
        at,
      });
      emitEvent(
        tx,
        {
          type: "po.created",
          actor: input.userId,
          docType: "purchase_order",
          docId: id,
          payload: { number },
        },
        at,
      );
      const submitted = input.submit
        ? submitInTx(tx, at, id, input.userId, input.today)
        : { status: "draft" as const, roles: [] };
      const view = readPurchaseOrder(tx, id);
      return {
        id,
        number,
        status: submitted.status,
        total: view?.total ?? 0,
        approverRoles: submitted.roles,
      };
    },
    { behavior: "immediate" },
  );
}

/** Replaces a PO's lines; only before approval. A PO waiting for approval is withdrawn back to draft. */
export function replacePurchaseOrderLines(
  db: Db,
  clock: Clock,
  input: { id: number; lines: PurchaseOrderLineInput[]; userId: string },
): { number: string; status: PurchaseOrderStatus } {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const po = requirePo(tx, input.id);
      if (!linesEditable(po.status)) {
        throw new JxcError("ILLEGAL_TRANSITION", { number: po.number, status: po.status, action: "edit" });
      }
      requireAuthority(tx, input.userId, "submit", po);
      checkLines(tx, input.lines);
      const before = readPurchaseOrder(tx, po.id)?.lines.map(({ itemId, qty, unitPrice }) => ({
        itemId,
        qty,
        unitPrice,
      }));
      tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, po.id)).run();
      insertLines(tx, po.id, input.lines);
      if (po.status === "pending_approval") {
        cancelApproval(tx, at, { docType: "purchase_order", docId: po.id, actor: input.userId });
      }
      tx.update(purchaseOrders)
        .set({ status: "draft", updatedAt: at })
        .where(eq(purchaseOrders.id, po.id))
        .run();
      writeAudit(tx, {
        actor: input.userId,
        action: "po.edit_lines",
        entity: "purchase_order",
        entityId: po.number,
        before: { status: po.status, lines: before },
        after: { status: "draft", lines: input.lines },
        at,
      });
      return { number: po.number, status: "draft" };
    },
    { behavior: "immediate" },
  );
}

/** Events told in the PO's thread for each move people make. */
const actionEvents = {
  send: "po.sent",
  hold: "po.held",
  resume: "po.resumed",
  cancel: "po.cancelled",
  close: "po.closed",
  receive_part: "po.received",
  receive_all: "po.received",
} as const;

/**
 * Moves a PO by one action (submit, send, hold, resume, cancel, close, receive_*), checked
 * against the state machine and the user's roles in one transaction: a stale button or a
 * double click changes nothing and says why.
 */
export function movePurchaseOrder(
  db: Db,
  clock: Clock,
  input: {
    id: number;
    action: Exclude<PurchaseOrderAction, "approve" | "reject">;
    userId: string;
    today: string;
  },
): { number: string; status: PurchaseOrderStatus; approverRoles: Role[] } {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const po = requirePo(tx, input.id);
      requireAuthority(tx, input.userId, input.action, po);
      assertCanMove(po, input.action);
      if (input.action === "submit") {
        if (po.expectedDay < input.today) {
          throw new JxcError("INVALID_INPUT", { problem: "in_the_past" }, "expected");
        }
        const result = submitInTx(tx, at, po.id, input.userId, input.today);
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

function submitInTx(
  tx: Tx,
  at: number,
  id: number,
  userId: string,
  today: string,
): { status: PurchaseOrderStatus; roles: Role[] } {
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
    summary: describeForApproval(tx, po, today),
  });
  if (approval) return { status: "pending_approval", roles: approval.roles };
  // The policy needs nobody for this amount: approved as submitted.
  applyApprovalVerdict(tx, { docId: id, at, actor: userId, day: today }, "approve");
  return { status: "approved", roles: [] };
}

/** The facts an approver reads, frozen at submission: terms, lines against last prices, budget. */
function describeForApproval(
  tx: Tx,
  po: NonNullable<ReturnType<typeof readPurchaseOrder>>,
  today: string,
): Record<string, unknown> {
  return {
    supplier: po.supplier,
    expectedDay: po.expectedDay,
    deliveryTerms: po.deliveryTerms,
    qualityStandard: po.qualityStandard,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    total: po.total,
    lines: po.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      nameZh: line.nameZh,
      unit: line.unit,
      qty: line.qty,
      unitPrice: line.unitPrice,
      lastPrice: lastPurchasePrice(tx, line.itemId, po.supplier.id, po.id)?.unitPrice ?? null,
    })),
    priceAlertPct: readPriceAlertPct(tx),
    spendThisMonth: purchasingSpendThisMonth(tx, today),
    budget: readPurchasingBudget(tx),
  };
}

function requirePo(tx: Tx, id: number) {
  const po = tx
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      heldFrom: purchaseOrders.heldFrom,
      createdBy: purchaseOrders.createdBy,
      expectedDay: purchaseOrders.expectedDay,
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
function requireAuthority(
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

function checkTerms(input: PurchaseOrderInput) {
  const text = (value: string | undefined, field: string) => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length > maxTextLength) {
      throw new JxcError("INVALID_INPUT", { problem: "too_long" }, field);
    }
    return trimmed || null;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.expectedDay)) {
    throw new JxcError("INVALID_INPUT", { problem: "not_a_date" }, "expected");
  }
  if (input.expectedDay < input.today) {
    throw new JxcError("INVALID_INPUT", { input: input.expectedDay, problem: "in_the_past" }, "expected");
  }
  const days = input.paymentTermsDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > maxPaymentTermsDays)) {
    throw new JxcError("INVALID_INPUT", { input: String(days), problem: "too_large" }, "payment");
  }
  return {
    deliveryTerms: text(input.deliveryTerms, "delivery"),
    qualityStandard: text(input.qualityStandard, "quality"),
    notes: text(input.notes, "notes"),
  };
}

/** Field names carry the 1-based line number (line3_qty) so a modal can point at the row. */
function checkLines(tx: Tx, lines: readonly PurchaseOrderLineInput[]): void {
  if (lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  if (lines.length > maxPurchaseOrderLines) {
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "lines");
  }
  lines.forEach((line, index) => {
    const n = index + 1;
    const item = tx
      .select({ id: items.id, archived: items.archived })
      .from(items)
      .where(eq(items.id, line.itemId))
      .get();
    if (!item || item.archived)
      throw new JxcError("UNKNOWN_ITEM", { query: String(line.itemId) }, `line${n}_item`);
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0 || line.qty > maxQuantity) {
      const problem = line.qty <= 0 ? (line.qty === 0 ? "zero" : "negative") : "too_large";
      throw new JxcError("INVALID_QUANTITY", { input: String(line.qty), problem }, `line${n}_qty`);
    }
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice <= 0) {
      const problem = line.unitPrice === 0 ? "zero" : "negative";
      throw new JxcError("INVALID_MONEY", { input: String(line.unitPrice), problem }, `line${n}_price`);
    }
    if (line.qty * line.unitPrice > maxMoneyMinor) {
      throw new JxcError(
        "INVALID_MONEY",
        { input: String(line.unitPrice), problem: "too_large" },
        `line${n}_price`,
      );
    }
  });
}

function insertLines(tx: Tx, purchaseOrderId: number, lines: readonly PurchaseOrderLineInput[]): void {
  tx.insert(purchaseOrderLines)
    .values(lines.map((line, index) => ({ purchaseOrderId, lineNo: index + 1, ...line })))
    .run();
}
