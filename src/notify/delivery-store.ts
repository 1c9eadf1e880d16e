import { and, count, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { deliveries, outboxEvents } from "../../db/schema.ts";

/** A delivery row as the worker reads it. */
export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;

const open = ["pending", "sending"] as const;

/**
 * Deliveries to the same place go out in id order, one at a time: a lane is a channel
 * (or a user's DM) for posts and updates, and a user's Home tab for home deliveries.
 */
export function laneOf(row: Pick<DeliveryRow, "kind" | "target">): string {
  return row.kind === "home" ? `home:${row.target}` : row.target;
}

const laneSql = sql`case when ${deliveries.kind} = 'home' then 'home:' || ${deliveries.target} else ${deliveries.target} end`;

/** Stores a delivery unless its dedupe key is taken; answers the new id, or undefined. */
export function insertDelivery(db: Db, row: NewDelivery): number | undefined {
  return db.insert(deliveries).values(row).onConflictDoNothing().returning({ id: deliveries.id }).get()?.id;
}

export function deliveryById(db: Db, id: number): DeliveryRow | undefined {
  return db.select().from(deliveries).where(eq(deliveries.id, id)).get();
}

export function dedupeKeyTaken(db: Db, dedupeKey: string): boolean {
  return (
    db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.dedupeKey, dedupeKey)).get() !==
    undefined
  );
}

/** The oldest open delivery of every lane: the only one of its lane that may go next. */
export function laneHeads(db: Db): DeliveryRow[] {
  const heads = db
    .select({ id: sql<number>`min(${deliveries.id})` })
    .from(deliveries)
    .where(inArray(deliveries.status, open))
    .groupBy(laneSql);
  return db.select().from(deliveries).where(inArray(deliveries.id, heads)).orderBy(deliveries.id).all();
}

/** Whether anything is still to plan or to deliver. */
export function openWork(db: Db): { events: number; deliveries: number } {
  const events =
    db.select({ n: count() }).from(outboxEvents).where(isNull(outboxEvents.dispatchedAt)).get()?.n ?? 0;
  const owed =
    db.select({ n: count() }).from(deliveries).where(inArray(deliveries.status, open)).get()?.n ?? 0;
  return { events, deliveries: owed };
}

/**
 * Marks a delivery in flight, committed before the Slack call: after a crash, a `sending`
 * row is one whose message may or may not be in Slack, and recovery looks before resending.
 */
export function markSending(db: Db, id: number): void {
  db.update(deliveries)
    .set({ status: "sending", attempts: sql`${deliveries.attempts} + 1` })
    .where(eq(deliveries.id, id))
    .run();
}

export function markDelivered(
  db: Db,
  id: number,
  at: number,
  posted?: { channel: string; ts: string },
): void {
  db.update(deliveries)
    .set({
      status: "delivered",
      deliveredAt: at,
      ...(posted ? { postedChannel: posted.channel, ts: posted.ts } : {}),
    })
    .where(eq(deliveries.id, id))
    .run();
}

export function markFailed(db: Db, id: number, error: string): void {
  db.update(deliveries).set({ status: "failed", lastError: error }).where(eq(deliveries.id, id)).run();
}

export function markSkipped(db: Db, id: number, reason: string): void {
  db.update(deliveries).set({ status: "skipped", lastError: reason }).where(eq(deliveries.id, id)).run();
}

/**
 * Tries again later. `status` stays `sending` for a post whose outcome is unknown (recovery
 * looks it up first); `refund` gives back the attempt a rate limit or a wait did not use.
 */
export function reschedule(
  db: Db,
  id: number,
  change: { at: number; status: "pending" | "sending"; error?: string; refund?: boolean },
): void {
  db.update(deliveries)
    .set({
      status: change.status,
      nextAttemptAt: change.at,
      ...(change.error !== undefined ? { lastError: change.error } : {}),
      ...(change.refund ? { attempts: sql`max(${deliveries.attempts} - 1, 0)` } : {}),
    })
    .where(eq(deliveries.id, id))
    .run();
}

/**
 * Templates render current state, so of several pending Home tabs for a user, or several
 * pending rewrites of one message, only the newest needs sending; older ones are skipped.
 * Answers whether `row` itself was superseded.
 */
export function skipSuperseded(db: Db, row: DeliveryRow): boolean {
  const sameThing =
    row.kind === "home"
      ? and(eq(deliveries.kind, "home"), eq(deliveries.target, row.target))
      : row.kind === "update" && row.updatesDeliveryId !== null
        ? and(eq(deliveries.kind, "update"), eq(deliveries.updatesDeliveryId, row.updatesDeliveryId))
        : undefined;
  if (!sameThing) return false;
  const newest = db
    .select({ id: sql<number>`max(${deliveries.id})` })
    .from(deliveries)
    .where(and(sameThing, eq(deliveries.status, "pending")))
    .get()?.id;
  if (newest === undefined || newest === null || newest <= row.id) return false;
  db.update(deliveries)
    .set({ status: "skipped", lastError: "superseded" })
    .where(and(sameThing, inArray(deliveries.status, open), lt(deliveries.id, newest)))
    .run();
  return true;
}
