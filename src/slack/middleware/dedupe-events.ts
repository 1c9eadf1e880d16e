import { lt } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { processedEvents } from "../../../db/schema.ts";
import type { Clock } from "../../domain/clock.ts";

export interface EventDedupeOptions {
  db: Db;
  clock: Clock;
  /** Slack retries within minutes; a day of memory is plenty. */
  keepForMs?: number;
}

/** Claims on Events API deliveries by event_id, so that Slack's retries have their effect once. */
export interface EventDedupe {
  /** True for the first delivery of an event; false for a retry of one already claimed. */
  claim(eventId: string): boolean;
  /** A failed first attempt gives its claim back, so that a retry can do the work. */
  release(eventId: string): void;
}

export function createEventDedupe({
  db,
  clock,
  keepForMs = 24 * 60 * 60 * 1000,
}: EventDedupeOptions): EventDedupe {
  const insert = db.$client.prepare(
    "insert or ignore into processed_events (event_id, received_at) values (?, ?)",
  );
  const remove = db.$client.prepare("delete from processed_events where event_id = ?");
  let lastPrunedAt = 0;
  return {
    claim(eventId) {
      const now = clock.now();
      if (now - lastPrunedAt > keepForMs / 24) {
        db.delete(processedEvents)
          .where(lt(processedEvents.receivedAt, now - keepForMs))
          .run();
        lastPrunedAt = now;
      }
      return insert.run(eventId, now).changes > 0;
    },
    release(eventId) {
      remove.run(eventId);
    },
  };
}

/** The event_id of an Events API body; undefined for commands and interactions. */
export function eventIdOf(body: unknown): string | undefined {
  const id = typeof body === "object" && body !== null && "event_id" in body ? body.event_id : undefined;
  return typeof id === "string" ? id : undefined;
}
