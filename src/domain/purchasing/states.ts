import type { PurchaseOrderStatus } from "../../../db/tables/purchasing.ts";
import { JxcError } from "../errors.ts";
import type { Permission } from "../permissions.ts";

export type { PurchaseOrderStatus } from "../../../db/tables/purchasing.ts";

export function isPurchaseOrderStatus(value: string | undefined): value is PurchaseOrderStatus {
  return value !== undefined && value in purchaseOrderTransitions;
}

/** Everything that can happen to a PO; approve and reject come only from the approval engine. */
export const purchaseOrderActions = [
  "submit",
  "approve",
  "reject",
  "send",
  "hold",
  "resume",
  "cancel",
  "close",
  "receive_part",
  "receive_all",
] as const;
export type PurchaseOrderAction = (typeof purchaseOrderActions)[number];

/** "resume" goes back to the status the PO was held from. */
type Target = PurchaseOrderStatus | "held_from";

/**
 * The PO state machine, the one place that says which move is legal from where. A rejected
 * PO goes back to draft (its lines editable again). Receiving moves come from goods receipts.
 */
export const purchaseOrderTransitions: Record<
  PurchaseOrderStatus,
  Partial<Record<PurchaseOrderAction, Target>>
> = {
  draft: { submit: "pending_approval", cancel: "cancelled" },
  pending_approval: { approve: "approved", reject: "draft", cancel: "cancelled" },
  approved: { send: "sent", hold: "on_hold", cancel: "cancelled" },
  sent: {
    receive_part: "partially_received",
    receive_all: "received",
    hold: "on_hold",
    cancel: "cancelled",
  },
  partially_received: {
    receive_part: "partially_received",
    receive_all: "received",
    hold: "on_hold",
    close: "closed",
  },
  received: { close: "closed" },
  on_hold: { resume: "held_from", cancel: "cancelled" },
  closed: {},
  cancelled: {},
};

/** Who may ask for each move (approve and reject are decided by the approval policy instead). */
export const actionPermissions: Record<PurchaseOrderAction, Permission> = {
  submit: "po.create",
  approve: "po.create",
  reject: "po.create",
  send: "po.send",
  hold: "po.manage",
  resume: "po.manage",
  cancel: "po.manage",
  close: "po.manage",
  receive_part: "po.receive",
  receive_all: "po.receive",
};

/** The moves people make with buttons, in the order the buttons appear. */
export const buttonActions = ["submit", "send", "hold", "resume", "close", "cancel"] as const;
export type ButtonAction = (typeof buttonActions)[number];

export function isButtonAction(value: string): value is ButtonAction {
  return (buttonActions as readonly string[]).includes(value);
}

/** Statuses whose lines are still open for delivery: what "on order" counts. */
export const openForDelivery: readonly PurchaseOrderStatus[] = ["approved", "sent", "partially_received"];

/** Statuses that commit money: approved and everything after it except cancellation. */
export const committedStatuses: readonly PurchaseOrderStatus[] = [
  "approved",
  "sent",
  "partially_received",
  "received",
  "closed",
];

/** Lines may change only before approval. */
export function linesEditable(status: PurchaseOrderStatus): boolean {
  return status === "draft" || status === "pending_approval";
}

/**
 * The status a move leads to, or ILLEGAL_TRANSITION. A held PO that was partly received
 * cannot be cancelled (goods came in): resume and close it instead.
 */
export function nextStatus(
  po: { number: string; status: PurchaseOrderStatus; heldFrom: PurchaseOrderStatus | null },
  action: PurchaseOrderAction,
): PurchaseOrderStatus {
  const target = purchaseOrderTransitions[po.status][action];
  const refused = new JxcError("ILLEGAL_TRANSITION", { number: po.number, status: po.status, action });
  if (target === undefined) throw refused;
  if (target !== "held_from") return target;
  if (!po.heldFrom) throw refused;
  return po.heldFrom;
}

/** Refuses a move that the table does not allow, before anything is written. */
export function assertCanMove(
  po: { number: string; status: PurchaseOrderStatus; heldFrom: PurchaseOrderStatus | null },
  action: PurchaseOrderAction,
): void {
  nextStatus(po, action);
  if (action === "cancel" && po.status === "on_hold" && po.heldFrom === "partially_received") {
    throw new JxcError("ILLEGAL_TRANSITION", { number: po.number, status: po.status, action });
  }
}
