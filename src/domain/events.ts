import type { Db } from "../../db/client.ts";
import { outboxEvents } from "../../db/schema.ts";

/**
 * Every kind of domain event that someone may need to hear about. The notify layer
 * routes each type to people and channels; adding a type here is a compile error
 * there until it is routed and rendered.
 */
export const eventTypes = [
  "approval.requested",
  "approval.step_opened",
  "approval.step_approved",
  "approval.approved",
  "approval.rejected",
  "approval.cancelled",
  "approval.reminder",
  "approval.escalated",
  "adjustment.posted",
  "po.created",
  "po.sent",
  "po.held",
  "po.resumed",
  "po.cancelled",
  "po.closed",
  "po.received",
  "po.late",
  "purchase_plan.ready",
  "stocktake.started",
  "stocktake.counted",
  "stocktake.finished",
  "stocktake.posted",
  "stocktake.cancelled",
  "receipt.awaiting_approval",
  "receipt.refused",
  "receipt.decided",
  "low_stock.alert",
  "low_stock.changed",
  "low_stock.digest",
] as const;
export type EventType = (typeof eventTypes)[number];

/** A fact worth telling, about a document when it has one. */
export interface DomainEvent {
  type: EventType;
  actor: string;
  docType?: string;
  docId?: number;
  payload: Record<string, unknown>;
}

/** Writes the event to the outbox; call it inside the transaction that makes the change. */
export function emitEvent(tx: Pick<Db, "insert">, event: DomainEvent, at: number): number {
  const row = tx
    .insert(outboxEvents)
    .values({
      type: event.type,
      actor: event.actor,
      docType: event.docType ?? null,
      docId: event.docId ?? null,
      payload: event.payload,
      createdAt: at,
    })
    .returning({ id: outboxEvents.id })
    .get();
  return row.id;
}
