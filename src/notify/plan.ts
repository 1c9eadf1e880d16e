import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { deliveries, outboxEvents } from "../../db/schema.ts";
import type { EventType } from "../domain/events.ts";
import type { DocumentThreadRef, PlannedHome, PlannedPost, PlannedUpdate } from "./contract.ts";

type Data = Record<string, unknown>;

/**
 * Messages about one document, told in one thread of `channel`:
 *
 *   const thread = documentThread({ docType: "adjustment", docId: 12, channel,
 *     card: { template: "adjustment.card", data: { docId: 12 } } });
 *   return [thread.post("channel", "adjustment.approved", { docId: 12 })];
 *
 * The first event of the document posts the card (not its own message); later events post
 * their message in the card's thread and rewrite the card. A document has one thread: once
 * it exists, replies go there even if `channel` has changed since.
 */
export function documentThread(doc: DocumentThreadRef & { channel: string }): {
  post(key: string, template: string, data: Data): PlannedPost;
} {
  const thread: DocumentThreadRef = { docType: doc.docType, docId: doc.docId, card: doc.card };
  return {
    post: (key, template, data) => ({ kind: "post", key, target: doc.channel, template, data, thread }),
  };
}

/** A message in the user's DM with the app. */
export function directMessage(userId: string, key: string, template: string, data: Data): PlannedPost {
  return { kind: "post", key, target: userId, template, data };
}

/** A message in a channel, outside any thread. */
export function channelMessage(channelId: string, key: string, template: string, data: Data): PlannedPost {
  return { kind: "post", key, target: channelId, template, data };
}

/** A fresh Home tab for the user. */
export function homeTab(userId: string, key: string, template: string, data: Data): PlannedHome {
  return { kind: "home", key, target: userId, template, data };
}

/** Rewrites what an earlier delivery posted (find it with `findDelivery`). */
export function updateMessage(deliveryId: number, key: string, template: string, data: Data): PlannedUpdate {
  return { kind: "update", key, updatesDeliveryId: deliveryId, template, data };
}

/**
 * The delivery an earlier event of this document planned under `key`, newest first:
 * how a planner finds "the approval DM I sent" to rewrite it once the approval is decided.
 */
export function findDelivery(
  db: Db,
  where: { docType: string; docId: number; eventType: EventType; key: string },
): number | undefined {
  const rows = db
    .select({ eventId: outboxEvents.id, deliveryId: deliveries.id, dedupeKey: deliveries.dedupeKey })
    .from(outboxEvents)
    .innerJoin(deliveries, eq(deliveries.eventId, outboxEvents.id))
    .where(
      and(
        eq(outboxEvents.docType, where.docType),
        eq(outboxEvents.docId, where.docId),
        eq(outboxEvents.type, where.eventType),
      ),
    )
    .orderBy(desc(outboxEvents.id))
    .all();
  return rows.find((row) => row.dedupeKey === `${row.eventId}:${where.key}`)?.deliveryId;
}
