import type { EventType } from "../../domain/events.ts";
import { recipientsFor } from "../../domain/routing/routes.ts";
import type { PlanContext, PlannedDelivery, Planner, StoredEvent } from "../contract.ts";
import { channelMessage, directMessage, updateMessage } from "../plan.ts";
import { earlierDeliveries } from "./documents.ts";

/** The templates low-stock planners name; their renderers live with the buttons, in commands/low-stock. */
export const lowStockTemplates = { alert: "low_stock.alert", digest: "low_stock.digest" } as const;

/** One message per routed channel (a channel named by two departments gets one) and per routed person. */
function routed(event: StoredEvent, ctx: PlanContext, template: string): PlannedDelivery[] {
  const { users, channels } = recipientsFor(ctx.db, event.type, {});
  const channelIds = [...new Set(channels.flatMap((c) => (c.channelId ? [c.channelId] : [])))];
  return [
    ...channelIds.map((id) => channelMessage(id, `channel:${id}`, template, event.payload)),
    ...users.map((u) => directMessage(u, `dm:${u}`, template, event.payload)),
  ];
}

/**
 * A drafted, snoozed or replenished alert: every message sent for that item's episode (first
 * alert and reminders) is rewritten from current state, so its buttons and status stay true.
 */
function rewriteAlerts(event: StoredEvent, ctx: PlanContext): PlannedDelivery[] {
  const itemId = Number(event.payload.itemId);
  const episode = Number(event.payload.episode);
  if (!Number.isInteger(itemId) || !Number.isInteger(episode)) return [];
  return earlierDeliveries(ctx.db, {
    docType: "item",
    docId: itemId,
    eventTypes: ["low_stock.alert"],
    template: lowStockTemplates.alert,
    match: { itemId, episode },
  }).map((id) => updateMessage(id, `update:${id}`, lowStockTemplates.alert, { itemId, episode }));
}

/** Low-stock alerts go where the routing table says (the warehouse and purchasing channels by default). */
export const lowStockPlanners: Record<Extract<EventType, `low_stock.${string}`>, Planner> = {
  "low_stock.alert": (event, ctx) => routed(event, ctx, lowStockTemplates.alert),
  "low_stock.changed": rewriteAlerts,
  "low_stock.digest": (event, ctx) => routed(event, ctx, lowStockTemplates.digest),
};
