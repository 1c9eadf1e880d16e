import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { createLogger } from "../../src/log.ts";
import { periodKey } from "../../src/notify/period-key.ts";
import { listRuns, NOT_RUN_BEFORE_REGISTRATION } from "../../src/notify/scheduled-runs.ts";
import { createScheduler, type JobContext, type ScheduledJob } from "../../src/notify/scheduler.ts";

const quiet = createLogger({ level: "silent", destination: { write: () => {} } });
const at = (iso: string) => Date.parse(iso);

/** A job that remembers the periods it ran for. */
function recordingJob(name: string, cron: string, fail = false): ScheduledJob & { periods: string[] } {
  const periods: string[] = [];
  return {
    name,
    cron,
    periods,
    run(ctx: JobContext) {
      periods.push(ctx.period);
      if (fail) throw new Error(`${name} broke`);
    },
  };
}

describe("period keys", () => {
  it("are the wall-clock start in the company zone with its offset", () => {
    expect(periodKey(at("2026-11-25T01:00:00Z"), "Asia/Shanghai")).toBe("2026-11-25T09:00+08:00");
    expect(periodKey(at("2026-11-24T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-25T00:00+08:00");
    expect(periodKey(at("2026-07-01T12:34:56Z"), "UTC")).toBe("2026-07-01T12:34+00:00");
    expect(periodKey(at("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe("2026-07-01T17:30+05:30");
  });

  it("tell apart the repeated hour when New York falls back", () => {
    expect(periodKey(at("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30-04:00");
    expect(periodKey(at("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30-05:00");
  });
});

describe("scheduler", () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(":memory:");
  });
  afterEach(() => {
    vi.useRealTimers();
    db.$client.close();
  });

  const schedulerFor = (jobs: ScheduledJob[], now: number, timeZone = "Asia/Shanghai") => {
    const clock = fixedClock(now);
    const scheduler = createScheduler({
      jobs,
      db,
      clock,
      company: { currency: "CNY", timeZone },
      logger: quiet,
    });
    return { scheduler, clock };
  };

  it("runs a daily job at 09:00 Shanghai time, counting the exact instant as due", async () => {
    const job = recordingJob("digest", "0 9 * * *");
    const { scheduler } = schedulerFor([job], at("2026-11-24T02:00:00Z"));
    await scheduler.runDue(); // first sight: yesterday's 09:00 is recorded as not run
    expect(await scheduler.runDue(at("2026-11-25T00:59:59Z"))).toEqual([]);
    expect(await scheduler.runDue(at("2026-11-25T01:00:00Z"))).toEqual([
      { job: "digest", period: "2026-11-25T09:00+08:00", outcome: "ran" },
    ]);
    expect(await scheduler.runDue(at("2026-11-25T05:00:00Z"))).toEqual([]);
    expect(job.periods).toEqual(["2026-11-25T09:00+08:00"]);
    expect(scheduler.nextRunAfter(at("2026-11-25T05:00:00Z"))).toBe(at("2026-11-26T01:00:00Z"));
  });

  it("does not catch up a period from before the job existed", async () => {
    const job = recordingJob("weekly", "0 8 * * 1");
    const { scheduler } = schedulerFor([job], at("2026-11-25T06:00:00Z"));
    expect(await scheduler.runDue()).toEqual([
      { job: "weekly", period: "2026-11-23T08:00+08:00", outcome: "not_run_first_seen" },
    ]);
    expect(job.periods).toEqual([]);
    expect(listRuns(db, "weekly")[0]?.error).toBe(NOT_RUN_BEFORE_REGISTRATION);
  });

  it("runs both 01:30s of the New York fall-back night, and a 02:30 job once on the spring-forward day", async () => {
    const halfHourly = recordingJob("half-hourly", "30 * * * *");
    const nightly = recordingJob("nightly", "30 2 * * *");
    const { scheduler } = schedulerFor([halfHourly], at("2026-11-01T05:00:00Z"), "America/New_York");
    await scheduler.runDue();
    await scheduler.runDue(at("2026-11-01T05:30:00Z"));
    await scheduler.runDue(at("2026-11-01T06:30:00Z"));
    expect(halfHourly.periods).toEqual(["2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00"]);

    const spring = schedulerFor([nightly], at("2026-03-07T12:00:00Z"), "America/New_York").scheduler;
    await spring.runDue();
    for (let hour = 5; hour <= 12; hour += 1) {
      await spring.runDue(at(`2026-03-08T${String(hour).padStart(2, "0")}:00:00Z`));
    }
    // 02:30 does not exist that night; the run happens once, when the clock jumps to 03:00.
    expect(nightly.periods).toEqual(["2026-03-08T03:00-04:00"]);
  });

  it("does not repeat a run after a restart", async () => {
    const first = recordingJob("digest", "0 9 * * *");
    const before = schedulerFor([first], at("2026-11-24T02:00:00Z")).scheduler;
    await before.runDue();
    await before.runDue(at("2026-11-25T01:00:05Z"));
    await before.stop();

    const again = recordingJob("digest", "0 9 * * *");
    const { scheduler: after } = schedulerFor([again], at("2026-11-25T01:10:00Z"));
    after.start();
    await after.stop();
    expect(await after.runDue(at("2026-11-25T03:00:00Z"))).toEqual([]);
    expect(first.periods).toEqual(["2026-11-25T09:00+08:00"]);
    expect(again.periods).toEqual([]);
  });

  it("runs a period missed while the app was down once on start: the latest one only", async () => {
    const before = schedulerFor([recordingJob("digest", "0 9 * * *")], at("2026-11-20T02:00:00Z")).scheduler;
    await before.runDue();
    await before.runDue(at("2026-11-21T01:00:00Z"));

    // Down from the 21st to the 25th at noon: the 22nd–25th were missed.
    const job = recordingJob("digest", "0 9 * * *");
    const { scheduler } = schedulerFor([job], at("2026-11-25T04:00:00Z"));
    scheduler.start();
    await scheduler.stop();
    expect(job.periods).toEqual(["2026-11-25T09:00+08:00"]);
    expect(listRuns(db, "digest").map((run) => run.period)).toEqual([
      "2026-11-20T09:00+08:00",
      "2026-11-21T09:00+08:00",
      "2026-11-25T09:00+08:00",
    ]);
  });

  it("records a failing job's error and still runs the others", async () => {
    const broken = recordingJob("broken", "0 * * * *", true);
    const fine = recordingJob("fine", "0 * * * *");
    const { scheduler } = schedulerFor([broken, fine], at("2026-11-25T00:30:00Z"));
    await scheduler.runDue();
    const outcomes = await scheduler.runDue(at("2026-11-25T01:00:00Z"));
    expect(outcomes).toEqual([
      {
        job: "broken",
        period: "2026-11-25T09:00+08:00",
        outcome: "failed",
        error: "Error: broken broke",
      },
      { job: "fine", period: "2026-11-25T09:00+08:00", outcome: "ran" },
    ]);
    const [, failed] = listRuns(db, "broken");
    expect(failed).toMatchObject({ error: "Error: broken broke", finishedAt: expect.any(Number) });
    expect(listRuns(db, "fine")[1]).toMatchObject({ error: null, finishedAt: expect.any(Number) });
    // The failure is not retried in the same period; the next period runs as usual.
    expect(await scheduler.runDue(at("2026-11-25T01:30:00Z"))).toEqual([]);
    await scheduler.runDue(at("2026-11-25T02:00:00Z"));
    expect(broken.periods).toEqual(["2026-11-25T09:00+08:00", "2026-11-25T10:00+08:00"]);
  });

  it("wakes itself when a period starts once started", async () => {
    vi.useFakeTimers();
    const job = recordingJob("digest", "0 9 * * *");
    const { scheduler, clock } = schedulerFor([job], at("2026-11-25T00:59:00Z"));
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    clock.set(at("2026-11-25T01:00:00Z"));
    await vi.advanceTimersByTimeAsync(60_000);
    await scheduler.stop();
    expect(job.periods).toEqual(["2026-11-25T09:00+08:00"]);
  });

  it("refuses a bad pattern or a name listed twice at start-up", () => {
    const now = at("2026-11-25T00:00:00Z");
    expect(() => schedulerFor([recordingJob("x", "0 0 9 * * *")], now)).toThrow(/bad cron/);
    expect(() => schedulerFor([recordingJob("x", "0 9 * * *"), recordingJob("x", "0 9 * * *")], now)).toThrow(
      /listed twice/,
    );
  });
});
