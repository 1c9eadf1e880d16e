import type { EventType } from "../../domain/events.ts";
import type { PlanContext, Planner, StoredEvent } from "../contract.ts";
import { documentEventDeliveries } from "./documents.ts";

export const purchasingTemplates = { note: "po.note" } as const;

/** A PO's moves are told in its thread (the first one opens it with the PO card), and to its author. */
function poNote(event: StoredEvent, ctx: PlanContext) {
  const owner = typeof event.payload.owner === "string" ? event.payload.owner : undefined;
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: purchasingTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    owner,
  );
}

export const purchasingPlanners: Record<Extract<EventType, `po.${string}`>, Planner> = {
  "po.created": poNote,
  "po.sent": poNote,
  "po.held": poNote,
  "po.resumed": poNote,
  "po.cancelled": poNote,
  "po.closed": poNote,
  "po.received": poNote,
};
