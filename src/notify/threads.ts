import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { documentThreads } from "../../db/schema.ts";
import { threadKeyOf } from "../domain/outbox.ts";
import type { DocumentThreadRef, PlannedPost } from "./contract.ts";
import { type DeliveryRow, deliveryById, insertDelivery } from "./delivery-store.ts";

/**
 * Stores a planned thread post: the card when the document has no thread yet (and the
 * document_threads row pointing at it), otherwise a reply in the thread plus a rewrite of
 * the card. Runs inside the dispatcher's transaction, so two events never both open a thread.
 */
export function storeThreadPost(
  db: Db,
  eventId: number,
  planned: PlannedPost & { thread: DocumentThreadRef },
  now: number,
): void {
  const { thread } = planned;
  const parent = threadParentOf(db, thread);
  const common = { eventId, status: "pending" as const, nextAttemptAt: now, createdAt: now };
  if (!parent) {
    const cardId = insertDelivery(db, {
      ...common,
      dedupeKey: `${eventId}:${planned.key}`,
      kind: "post",
      target: planned.target,
      template: thread.card.template,
      data: thread.card.data,
    });
    if (cardId === undefined) return;
    db.insert(documentThreads)
      .values({ docType: thread.docType, docId: thread.docId, deliveryId: cardId, createdAt: now })
      .run();
    return;
  }
  // The thread lives where its card was posted, whatever channel this event names.
  insertDelivery(db, {
    ...common,
    dedupeKey: `${eventId}:${planned.key}`,
    kind: "post",
    target: parent.target,
    threadKey: threadKeyOf(thread),
    template: planned.template,
    data: planned.data,
  });
  insertDelivery(db, {
    ...common,
    dedupeKey: `${eventId}:#card:${threadKeyOf(thread)}`,
    kind: "update",
    target: parent.target,
    updatesDeliveryId: parent.id,
    template: thread.card.template,
    data: thread.card.data,
  });
}

function threadParentOf(db: Db, doc: Pick<DocumentThreadRef, "docType" | "docId">): DeliveryRow | undefined {
  const row = db
    .select({ deliveryId: documentThreads.deliveryId })
    .from(documentThreads)
    .where(and(eq(documentThreads.docType, doc.docType), eq(documentThreads.docId, doc.docId)))
    .get();
  return row ? deliveryById(db, row.deliveryId) : undefined;
}

/** The card delivery of the thread a reply belongs to. */
export function threadParent(db: Db, threadKey: string): DeliveryRow | undefined {
  const at = threadKey.lastIndexOf(":");
  const docId = Number(threadKey.slice(at + 1));
  if (at < 0 || !Number.isInteger(docId)) return undefined;
  return threadParentOf(db, { docType: threadKey.slice(0, at), docId });
}

/** Where a delivery's message goes, once what it depends on is in Slack. */
export type Placement =
  | { kind: "ready"; channel: string; ts?: string; threadTs?: string }
  /** Its parent (or the message it rewrites) is not delivered yet: wait, no attempt used. */
  | { kind: "waiting" }
  /** What it depends on failed for good or is gone. */
  | { kind: "orphaned"; reason: string };

/** Resolves a post's thread (replies) or an update's message; Home tabs and plain posts are always ready. */
export function placementOf(db: Db, row: DeliveryRow): Placement {
  if (row.kind === "update") {
    const target = row.updatesDeliveryId === null ? undefined : deliveryById(db, row.updatesDeliveryId);
    return settled(target, (t) => ({ kind: "ready", channel: t.postedChannel ?? t.target, ts: t.ts ?? "" }));
  }
  if (row.kind === "post" && row.threadKey) {
    const parent = threadParent(db, row.threadKey);
    return settled(parent, (p) => ({
      kind: "ready",
      channel: p.postedChannel ?? p.target,
      threadTs: p.ts ?? "",
    }));
  }
  return { kind: "ready", channel: row.target };
}

function settled(dependency: DeliveryRow | undefined, ready: (row: DeliveryRow) => Placement): Placement {
  if (!dependency) return { kind: "orphaned", reason: "parent_missing" };
  if (dependency.status === "delivered" && dependency.ts) return ready(dependency);
  if (dependency.status === "pending" || dependency.status === "sending") return { kind: "waiting" };
  return { kind: "orphaned", reason: "parent_failed" };
}
