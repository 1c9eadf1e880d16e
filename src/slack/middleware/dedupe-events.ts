import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { lt } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { processedEvents } from "../../../db/schema.ts";
import type { Clock } from "../../domain/clock.ts";

export interface DedupeEventsOptions {
  db: Db;
  clock: Clock;
  /** Slack retries within minutes; a day of memory is plenty. */
  keepForMs?: number;
}

/**
 * Global middleware: an Events API delivery whose event_id was already handled
 * stops here, so Slack's retries have their effect once. A failed first attempt
 * releases its claim so that a retry can do the work.
 */
export function dedupeEvents({
  db,
  clock,
  keepForMs = 24 * 60 * 60 * 1000,
}: DedupeEventsOptions): Middleware<AnyMiddlewareArgs> {
  const claim = db.$client.prepare(
    "insert or ignore into processed_events (event_id, received_at) values (?, ?)",
  );
  const release = db.$client.prepare("delete from processed_events where event_id = ?");
  let lastPrunedAt = 0;

  return async ({ body, next }) => {
    const eventId =
      typeof body === "object" && body !== null && "event_id" in body ? body.event_id : undefined;
    if (typeof eventId !== "string") return next();

    const now = clock.now();
    if (now - lastPrunedAt > keepForMs / 24) {
      db.delete(processedEvents)
        .where(lt(processedEvents.receivedAt, now - keepForMs))
        .run();
      lastPrunedAt = now;
    }
    if (claim.run(eventId, now).changes === 0) return;
    try {
      await next();
    } catch (error) {
      release.run(eventId);
      throw error;
    }
  };
}
