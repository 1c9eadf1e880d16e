import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { checkLowStock } from "../domain/low-stock/check.ts";

/**
 * Something that turns facts the database recorded on its own (rows written by triggers in the
 * transaction of a change) into outbox events. Every source runs before each dispatch, in its
 * own transaction, so what it emits is planned in the same sweep.
 */
export interface EventSource {
  name: string;
  /** Answers true when work is left for the next run (the worker then runs again at once). */
  run(ctx: { db: Db; clock: Clock }): boolean;
}

/** The app's event sources; a source that throws is logged and does not stop delivery. */
export const eventSources: readonly EventSource[] = [
  { name: "low-stock", run: ({ db, clock }) => checkLowStock(db, clock).more },
];
