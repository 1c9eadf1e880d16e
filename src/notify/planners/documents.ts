import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { deliveries, outboxEvents } from "../../../db/schema.ts";
import type { EventType } from "../../domain/events.ts";
import { type Department, getDepartmentChannel } from "../../domain/routing/departments.ts";
import { recipientsFor } from "../../domain/routing/routes.ts";
import type { PlannedDelivery, StoredEvent } from "../contract.ts";
import { channelMessage, directMessage, documentThread } from "../plan.ts";

/** The department whose channel hosts each document type's threads. */
const documentDepartments: Record<string, Department> = {
  stock_adjustment: "warehouse",
  purchase_order: "purchasing",
  goods_receipt: "warehouse",
  sales_order: "sales",
  payment: "finance",
  bill: "finance",
  invoice: "finance",
  stocktake: "warehouse",
};

/** The card that heads every document's thread. */
export const documentCardTemplate = "document.card";

/**
 * What every document event owes besides its own special messages: a line in the document's
 * thread (opening it with the card the first time), and the extra people and channels the
 * routing table names, never the person who acted.
 */
export function documentEventDeliveries(
  db: Db,
  event: StoredEvent,
  note: { template: string; data: Record<string, unknown> },
  owner: string | undefined,
): PlannedDelivery[] {
  if (event.docType === null || event.docId === null) return [];
  const planned: PlannedDelivery[] = [];
  const department = documentDepartments[event.docType];
  const home = department ? getDepartmentChannel(db, department) : undefined;
  if (home) {
    const card = { template: documentCardTemplate, data: { docType: event.docType, docId: event.docId } };
    const thread = documentThread({ docType: event.docType, docId: event.docId, channel: home, card });
    planned.push(thread.post("thread", note.template, note.data));
  }
  const { users, channels } = recipientsFor(db, event.type, owner ? { ownerUserId: owner } : {});
  for (const userId of users) {
    if (userId !== event.actor) planned.push(directMessage(userId, `dm:${userId}`, note.template, note.data));
  }
  for (const { channelId } of channels) {
    if (channelId && channelId !== home) {
      planned.push(channelMessage(channelId, `channel:${channelId}`, note.template, note.data));
    }
  }
  return planned;
}

/**
 * Deliveries of earlier events of this document that used `template` with data matching
 * `match` (e.g. every approval card sent for tier 1), to rewrite them.
 */
export function earlierDeliveries(
  db: Db,
  where: {
    docType: string;
    docId: number;
    eventTypes: EventType[];
    template: string;
    match: Record<string, number>;
  },
): number[] {
  const conditions = Object.entries(where.match).map(
    ([key, value]) => sql`json_extract(${deliveries.data}, ${`$.${key}`}) = ${value}`,
  );
  return db
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, deliveries.eventId))
    .where(
      and(
        eq(outboxEvents.docType, where.docType),
        eq(outboxEvents.docId, where.docId),
        inArray(outboxEvents.type, where.eventTypes),
        eq(deliveries.template, where.template),
        eq(deliveries.kind, "post"),
        ...conditions,
      ),
    )
    .all()
    .map((row) => row.id);
}
