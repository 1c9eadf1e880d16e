import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, purchaseOrderLines, purchaseOrders, suppliers } from "../../../db/schema.ts";
import { cancelApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { maxMoneyMinor } from "../money.ts";
import { maxQuantity } from "../quantity.ts";
import type { Role } from "../roles.ts";
import type { Tx } from "../stock/types.ts";
import { checkOrderTerms } from "./order-terms.ts";
import { requireAuthority, requirePo, submitInTx } from "./purchase-order-moves.ts";
import { readPurchaseOrder } from "./reads.ts";
import { linesEditable, type PurchaseOrderStatus } from "./states.ts";
import { readPackTerms } from "./supplier-terms-reads.ts";

// Moves (submit, send, hold, …) live in purchase-order-moves.ts; importers of this file keep working.
export { applyApprovalVerdict, movePurchaseOrder, type PurchaseOrderMove } from "./purchase-order-moves.ts";

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
  /** The company time zone: the approval card scores the supplier by company days. */
  timeZone?: string;
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
      checkLines(tx, supplier, input.lines);
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
        ? submitInTx(tx, { db, at, id, userId: input.userId, today: input.today, timeZone: input.timeZone })
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
      const supplier = tx
        .select({ id: suppliers.id, code: suppliers.code })
        .from(suppliers)
        .where(eq(suppliers.id, po.supplierId))
        .get();
      if (!supplier) throw new JxcError("STALE_ACTION");
      checkLines(tx, supplier, input.lines);
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

/**
 * Field names carry the 1-based line number (line3_qty) so a modal can point at the row. A line
 * below the supplier's minimum order or not a whole number of its packs is refused with the
 * nearest quantity that fits: the supplier would not ship it as ordered.
 */
function checkLines(
  tx: Tx,
  supplier: { id: number; code: string },
  lines: readonly PurchaseOrderLineInput[],
): void {
  if (lines.length === 0) throw new JxcError("INVALID_INPUT", { problem: "empty" }, "lines");
  if (lines.length > maxPurchaseOrderLines) {
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "lines");
  }
  lines.forEach((line, index) => {
    const n = index + 1;
    const item = tx
      .select({ id: items.id, sku: items.sku, unit: items.baseUnit, archived: items.archived })
      .from(items)
      .where(eq(items.id, line.itemId))
      .get();
    if (!item || item.archived)
      throw new JxcError("UNKNOWN_ITEM", { query: String(line.itemId) }, `line${n}_item`);
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0 || line.qty > maxQuantity) {
      const problem = line.qty <= 0 ? (line.qty === 0 ? "zero" : "negative") : "too_large";
      throw new JxcError("INVALID_QUANTITY", { input: String(line.qty), problem }, `line${n}_qty`);
    }
    const problem = checkOrderTerms(line.qty, readPackTerms(tx, supplier.id, item.id));
    if (problem) {
      const qty = (value: number) => `${value.toLocaleString("en")} ${item.unit}`;
      throw new JxcError(
        "ORDER_TERMS",
        {
          sku: item.sku,
          supplier: supplier.code,
          rule: problem.rule,
          qty: qty(line.qty),
          limit: qty(problem.limit),
          suggestion: qty(problem.suggestion),
        },
        `line${n}_qty`,
      );
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
