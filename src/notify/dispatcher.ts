import { and, asc, eq, isNull } from "drizzle-orm";
import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import { outboxEvents } from "../../db/schema.ts";
import type { Clock } from "../domain/clock.ts";
import { type EventType, eventTypes } from "../domain/events.ts";
import type { Logger } from "../log.ts";
import type { PlannedDelivery, Planner, StoredEvent } from "./contract.ts";
import { dedupeKeyTaken, deliveryById, insertDelivery } from "./delivery-store.ts";
import { storeThreadPost } from "./threads.ts";

export interface DispatchDeps {
  db: Db;
  clock: Clock;
  company: Company;
  logger: Logger;
  planners: Record<EventType, Planner>;
}

/** Why planning stopped: the event that could not be planned stays first in line. */
export interface DispatchStall {
  eventId: number;
  error: string;
}

const batchSize = 100;

/**
 * Plans every undispatched event in id order, one transaction per event (its deliveries and
 * its dispatched_at together). A planner that throws stops the run at that event, so nothing
 * about a document is planned out of order; it is retried on the next run.
 */
export function dispatchPending(deps: DispatchDeps): { dispatched: number; stall?: DispatchStall } {
  const { db } = deps;
  let dispatched = 0;
  for (;;) {
    const batch = db
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(batchSize)
      .all();
    if (batch.length === 0) return { dispatched };
    for (const { id } of batch) {
      try {
        db.transaction(() => dispatchEvent(deps, id));
        dispatched += 1;
      } catch (error) {
        deps.logger.error({ err: error, eventId: id }, "outbox event could not be planned");
        return {
          dispatched,
          stall: { eventId: id, error: error instanceof Error ? error.message : String(error) },
        };
      }
    }
  }
}

// Statements go through `db`: better-sqlite3 has one connection, on which the transaction is open.
function dispatchEvent(deps: DispatchDeps, id: number): void {
  const { db, clock, company, logger } = deps;
  const row = db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.id, id), isNull(outboxEvents.dispatchedAt)))
    .get();
  if (!row) return;
  const now = clock.now();
  if (isEventType(row.type)) {
    const event: StoredEvent = {
      id: row.id,
      type: row.type,
      actor: row.actor,
      docType: row.docType,
      docId: row.docId,
      payload: isRecord(row.payload) ? row.payload : {},
      createdAt: row.createdAt,
    };
    const planned = deps.planners[row.type](event, { db, clock, company });
    for (const delivery of planned) storePlanned(deps, event.id, delivery, now);
  } else {
    logger.warn({ eventId: row.id, type: row.type }, "outbox event of a type this version does not know");
  }
  db.update(outboxEvents).set({ dispatchedAt: now }).where(eq(outboxEvents.id, id)).run();
}

function storePlanned(deps: DispatchDeps, eventId: number, planned: PlannedDelivery, now: number): void {
  const { db } = deps;
  const dedupeKey = `${eventId}:${planned.key}`;
  // Planning the same event again must add nothing, the thread's reply and card rewrite included.
  if (dedupeKeyTaken(db, dedupeKey)) return;
  const common = {
    eventId,
    dedupeKey,
    template: planned.template,
    data: planned.data,
    status: "pending" as const,
    nextAttemptAt: now,
    createdAt: now,
  };
  switch (planned.kind) {
    case "post":
      if (planned.thread) storeThreadPost(db, eventId, { ...planned, thread: planned.thread }, now);
      else insertDelivery(db, { ...common, kind: "post", target: planned.target });
      return;
    case "home":
      insertDelivery(db, { ...common, kind: "home", target: planned.target });
      return;
    case "update": {
      const original = deliveryById(db, planned.updatesDeliveryId);
      if (original?.kind !== "post") {
        deps.logger.warn({ eventId, planned }, "planned update of a delivery that posted nothing; ignored");
        return;
      }
      // The rewrite shares the original's lane and language: same channel or DM.
      insertDelivery(db, {
        ...common,
        kind: "update",
        target: original.target,
        updatesDeliveryId: original.id,
      });
      return;
    }
  }
}

function isEventType(type: string): type is EventType {
  return (eventTypes as readonly string[]).includes(type);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
