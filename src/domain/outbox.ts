import { and, count, desc, eq, inArray, isNull, min } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { deliveries, deliveryStatuses, documentThreads, outboxEvents } from "../../db/schema.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { JxcError } from "./errors.ts";

export { deliveryStatuses };
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The `deliveries.thread_key` of replies in a document's thread. */
export function threadKeyOf(doc: { docType: string; docId: number }): string {
  return `${doc.docType}:${doc.docId}`;
}

/** A delivery that failed for good, as an admin needs to see it to act. */
export interface FailedDelivery {
  id: number;
  kind: "post" | "update" | "home";
  target: string;
  template: string;
  error: string;
  attempts: number;
  createdAt: number;
}

/** How the app's messages are getting out: what `/jxc outbox` shows. */
export interface OutboxSummary {
  counts: Record<DeliveryStatus, number>;
  /** Events not yet turned into deliveries (a planner keeps failing when this grows). */
  unplanned: { count: number; oldestAt: number | undefined };
  /** When the oldest delivery still owed was created. */
  oldestOpenAt: number | undefined;
  /** The most recent failures, newest first. */
  failures: FailedDelivery[];
}

/** Counts by status, what waits longest, and the last failures with their errors. */
export function summarizeOutbox(db: Db, failureLimit = 10): OutboxSummary {
  const counts = Object.fromEntries(deliveryStatuses.map((status) => [status, 0])) as Record<
    DeliveryStatus,
    number
  >;
  const byStatus = db
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .groupBy(deliveries.status)
    .all();
  for (const { status, n } of byStatus) counts[status] = n;
  const unplanned = db
    .select({ n: count(), oldestAt: min(outboxEvents.createdAt) })
    .from(outboxEvents)
    .where(isNull(outboxEvents.dispatchedAt))
    .get();
  const oldestOpen = db
    .select({ at: min(deliveries.createdAt) })
    .from(deliveries)
    .where(inArray(deliveries.status, ["pending", "sending"]))
    .get();
  const failures = db
    .select()
    .from(deliveries)
    .where(eq(deliveries.status, "failed"))
    .orderBy(desc(deliveries.id))
    .limit(failureLimit)
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      target: row.target,
      template: row.template,
      error: row.lastError ?? "",
      attempts: row.attempts,
      createdAt: row.createdAt,
    }));
  return {
    counts,
    unplanned: { count: unplanned?.n ?? 0, oldestAt: unplanned?.oldestAt ?? undefined },
    oldestOpenAt: oldestOpen?.at ?? undefined,
    failures,
  };
}

/**
 * Puts a failed delivery back in line (after an admin fixed the cause, e.g. invited the app
 * to the channel), with a fresh set of attempts. A thread's card takes the replies that failed
 * because of it along. Only a failed delivery can be retried: a second click is stale.
 */
export function retryDelivery(db: Db, clock: Clock, actor: string, deliveryId: number): void {
  db.transaction((tx) => {
    const row = tx.select().from(deliveries).where(eq(deliveries.id, deliveryId)).get();
    if (row?.status !== "failed") throw new JxcError("STALE_ACTION");
    const now = clock.now();
    const again = { status: "pending" as const, attempts: 0, lastError: null, nextAttemptAt: now };
    tx.update(deliveries).set(again).where(eq(deliveries.id, deliveryId)).run();
    const thread = tx.select().from(documentThreads).where(eq(documentThreads.deliveryId, deliveryId)).get();
    if (thread) {
      tx.update(deliveries)
        .set(again)
        .where(
          and(
            eq(deliveries.threadKey, threadKeyOf(thread)),
            eq(deliveries.status, "failed"),
            eq(deliveries.lastError, "parent_failed"),
          ),
        )
        .run();
    }
    writeAudit(tx, {
      actor,
      action: "delivery.retry",
      entity: "delivery",
      entityId: String(deliveryId),
      before: { status: row.status, lastError: row.lastError, attempts: row.attempts },
      after: { status: "pending" },
      at: now,
    });
  });
}
