import { Cron } from "croner";
import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import { periodKey } from "./period-key.ts";
import type { ScheduledJob } from "./scheduled-job.ts";
import { claimRun, finishRun } from "./scheduled-runs.ts";

export type { JobContext, ScheduledJob } from "./scheduled-job.ts";

// The timer wakes at least this often, so a suspended laptop or a clock change is noticed
// within a minute, and no delay exceeds what setTimeout can hold.
const maxSleepMs = 60_000;

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  db: Db;
  clock: Clock;
  company: Company;
  logger: Logger;
}

/** What one job did in one `runDue`. */
export interface JobOutcome {
  job: string;
  period: string;
  outcome: "ran" | "failed" | "not_run_first_seen";
  error?: string;
}

/** In-process cron for the company time zone; every run recorded per period in `scheduled_runs`. */
export interface Scheduler {
  /** Catches up (runs each job's latest missed period once), then keeps time until stop(). */
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /**
   * Runs every job whose latest period at or before `now` has not been claimed yet. The timer
   * calls it; tests call it directly with any instant instead of waiting. Calls never overlap.
   */
  runDue(now?: number): Promise<JobOutcome[]>;
  /** When the next period of any job starts after `now`, or undefined without jobs. */
  nextRunAfter(now: number): number | undefined;
}

interface Compiled {
  job: ScheduledJob;
  cron: Cron;
}

/** Builds the scheduler; a bad cron pattern or a duplicate job name fails here, at start-up. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, clock, company, logger } = options;
  const compiled = compile(options.jobs, company.timeZone);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let started = false;

  const runJob = async ({ job, cron }: Compiled, now: number): Promise<JobOutcome | undefined> => {
    // The instant itself counts as due: croner's previous run excludes an exact match, so look 1 ms on.
    const latest = cron.previousRuns(1, new Date(now + 1))[0];
    if (!latest) return undefined;
    const scheduledAt = latest.getTime();
    const period = periodKey(scheduledAt, company.timeZone);
    const claim = claimRun(db, job.name, period, clock.now());
    if (claim === "taken") return undefined;
    if (claim === "first_seen") return { job: job.name, period, outcome: "not_run_first_seen" };
    try {
      await job.run({ db, clock, company, logger, period, scheduledAt });
      finishRun(db, job.name, period, clock.now());
      return { job: job.name, period, outcome: "ran" };
    } catch (error) {
      const text = describe(error);
      logger.error({ err: error, job: job.name, period }, "scheduled job failed");
      finishRun(db, job.name, period, clock.now(), text);
      return { job: job.name, period, outcome: "failed", error: text };
    }
  };

  const runDue = (now = clock.now()): Promise<JobOutcome[]> => {
    const run = running.then(async () => {
      // Claims are synchronous, so each job's period is taken before any job's work starts;
      // jobs then run side by side and one failing leaves the others alone.
      const outcomes = await Promise.all(compiled.map((entry) => runJob(entry, now)));
      return outcomes.filter((outcome): outcome is JobOutcome => outcome !== undefined);
    });
    running = run.catch(() => undefined);
    return run;
  };

  const nextRunAfter = (now: number): number | undefined => {
    const next = compiled
      .map(({ cron }) => cron.nextRun(new Date(now))?.getTime())
      .filter((at): at is number => at !== undefined);
    return next.length > 0 ? Math.min(...next) : undefined;
  };

  const arm = (): void => {
    if (!started) return;
    const now = clock.now();
    const next = nextRunAfter(now);
    if (next === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        runDue()
          .catch((error: unknown) => logger.error({ err: error }, "scheduler tick failed"))
          .finally(arm);
      },
      Math.min(Math.max(next - now, 0), maxSleepMs),
    );
    // The scheduler never keeps the process alive on its own; the HTTP server does.
    timer.unref();
  };

  return {
    start() {
      if (started) return;
      started = true;
      runDue()
        .catch((error: unknown) => logger.error({ err: error }, "scheduler catch-up failed"))
        .finally(arm);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runDue,
    nextRunAfter,
  };
}

function compile(jobs: readonly ScheduledJob[], timeZone: string): Compiled[] {
  const names = new Set<string>();
  return jobs.map((job) => {
    if (names.has(job.name)) throw new Error(`scheduled job "${job.name}" is listed twice`);
    names.add(job.name);
    try {
      // No callback: croner only computes times here; our own timer and claims decide what runs.
      return { job, cron: new Cron(job.cron, { timezone: timeZone, mode: "5-part" }) };
    } catch (error) {
      throw new Error(`scheduled job "${job.name}": bad cron "${job.cron}": ${describe(error)}`);
    }
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
