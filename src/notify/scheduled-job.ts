import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";

/** What a scheduled job may use while it runs, and which period it runs for. */
export interface JobContext {
  db: Db;
  clock: Clock;
  company: Company;
  logger: Logger;
  /** The period key, e.g. "2026-11-25T09:00+08:00"; a job may use it as a dedupe key for what it emits. */
  period: string;
  /** The instant the period started (epoch ms), which may be well before now after a catch-up. */
  scheduledAt: number;
}

/**
 * One cron-style job. `cron` has five fields (minute hour day month weekday) read in the
 * company time zone; `name` keys its runs in `scheduled_runs`, so never rename a live job.
 */
export interface ScheduledJob {
  name: string;
  cron: string;
  run(ctx: JobContext): void | Promise<void>;
}
