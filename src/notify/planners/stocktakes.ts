import type { EventType } from "../../domain/events.ts";
import type { PlanContext, Planner, StoredEvent } from "../contract.ts";
import { documentEventDeliveries } from "./documents.ts";

export const stocktakeTemplates = { note: "stocktake.note" } as const;

/**
 * A count tells its story in one thread of the warehouse channel: its first event posts the
 * count's card (with Count and Finish while it is open), later ones reply and rewrite the card.
 * The one who started it hears the end by DM (unless they did it themselves).
 */
function stocktakeNote(event: StoredEvent, ctx: PlanContext) {
  const owner = typeof event.payload.owner === "string" ? event.payload.owner : undefined;
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: stocktakeTemplates.note, data: { ...event.payload, event: event.type, actor: event.actor } },
    owner,
  );
}

export const stocktakePlanners: Record<Extract<EventType, `stocktake.${string}`>, Planner> = {
  "stocktake.started": stocktakeNote,
  "stocktake.counted": stocktakeNote,
  "stocktake.finished": stocktakeNote,
  "stocktake.posted": stocktakeNote,
  "stocktake.cancelled": stocktakeNote,
};
