import type { EventType } from "../../domain/events.ts";
import { getDepartmentChannel } from "../../domain/routing/departments.ts";
import type { PlanContext, PlannedDelivery, Planner, StoredEvent } from "../contract.ts";
import { deliveryById } from "../delivery-store.ts";
import { channelMessage, directMessage, updateMessage } from "../plan.ts";
import { documentEventDeliveries, earlierDeliveries } from "./documents.ts";
import { purchasingTemplates } from "./purchasing.ts";

/** The templates receiving planners name; commands/receive renders them. */
export const receivingTemplates = {
  note: "receipt.note",
  warehouse: "receipt.warehouse",
} as const;

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** A receipt's news is part of its PO's story: a line in the PO's thread, and the PO's author by DM. */
function receiptNote(event: StoredEvent, ctx: PlanContext): PlannedDelivery[] {
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: receivingTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    text(event.payload.owner),
  );
}

/**
 * Every copy of the message that announced the receipt's rejects (the PO thread's reply, the
 * author's DM) is redrawn: decided lines lose their buttons and say who decided what.
 */
function redrawAnnouncement(event: StoredEvent, ctx: PlanContext): PlannedDelivery[] {
  const receiptId = Number(event.payload.receiptId);
  if (event.docType === null || event.docId === null || !Number.isInteger(receiptId)) return [];
  return earlierDeliveries(ctx.db, {
    docType: event.docType,
    docId: event.docId,
    eventTypes: ["po.received"],
    template: purchasingTemplates.note,
    match: { receiptId },
  }).flatMap((id) => {
    const original = deliveryById(ctx.db, id);
    if (!original) return [];
    const data = typeof original.data === "object" && original.data !== null ? original.data : {};
    return [updateMessage(id, `update:${id}`, purchasingTemplates.note, data as Record<string, unknown>)];
  });
}

/** What the warehouse must now do with the goods: in the warehouse channel, else the receiver's DM. */
function warehouseInstruction(event: StoredEvent, ctx: PlanContext): PlannedDelivery[] {
  const data = { decisionId: event.payload.decisionId, actor: event.actor };
  const channel = getDepartmentChannel(ctx.db, "warehouse");
  if (channel) return [channelMessage(channel, "warehouse", receivingTemplates.warehouse, data)];
  const receiver = text(event.payload.receiver);
  return receiver ? [directMessage(receiver, "receiver", receivingTemplates.warehouse, data)] : [];
}

/** Who hears what as a receipt waits, is refused, or has its rejects decided. */
export const receivingPlanners: Record<Extract<EventType, `receipt.${string}`>, Planner> = {
  "receipt.awaiting_approval": receiptNote,
  "receipt.refused": receiptNote,
  "receipt.decided": (event, ctx) => [
    ...receiptNote(event, ctx),
    ...redrawAnnouncement(event, ctx),
    ...warehouseInstruction(event, ctx),
  ],
};
