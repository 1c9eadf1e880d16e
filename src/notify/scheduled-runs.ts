import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { scheduledRuns } from "../../db/schema.ts";

/** Stored in `error` for the period before a job's first start: it existed too late to run it. */
export const NOT_RUN_BEFORE_REGISTRATION = "not run: the job did not exist yet";

const maxErrorLength = 2000;

/** What claiming a period found: run it, someone already did (or is), or the job is new. */
export type Claim = "claimed" | "taken" | "first_seen";

/**
 * Claims one job × period before it runs, in one transaction, so two ticks or a restart can
 * never run it twice. A job with no rows yet is new: its latest past period is recorded as
 * not run instead of being caught up (a job added on Wednesday does not run Monday's report).
 */
export function claimRun(db: Db, job: string, period: string, at: number): Claim {
  return db.transaction((tx) => {
    const seen = tx
      .select({ period: scheduledRuns.period })
      .from(scheduledRuns)
      .where(eq(scheduledRuns.job, job))
      .limit(1)
      .get();
    if (!seen) {
      tx.insert(scheduledRuns)
        .values({ job, period, startedAt: at, finishedAt: at, error: NOT_RUN_BEFORE_REGISTRATION })
        .run();
      return "first_seen";
    }
    const inserted = tx
      .insert(scheduledRuns)
      .values({ job, period, startedAt: at })
      .onConflictDoNothing()
      .run();
    return inserted.changes > 0 ? "claimed" : "taken";
  });
}

/** Stamps a claimed run finished, with its error when it failed. */
export function finishRun(db: Db, job: string, period: string, at: number, error?: string): void {
  db.update(scheduledRuns)
    .set({ finishedAt: at, error: error === undefined ? null : error.slice(0, maxErrorLength) })
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.period, period)))
    .run();
}

/** A job's recorded runs, oldest first (tests, and anyone checking what ran). */
export function listRuns(
  db: Db,
  job: string,
): { period: string; startedAt: number; finishedAt: number | null; error: string | null }[] {
  return db
    .select({
      period: scheduledRuns.period,
      startedAt: scheduledRuns.startedAt,
      finishedAt: scheduledRuns.finishedAt,
      error: scheduledRuns.error,
    })
    .from(scheduledRuns)
    .where(eq(scheduledRuns.job, job))
    .orderBy(scheduledRuns.startedAt, scheduledRuns.period)
    .all();
}
