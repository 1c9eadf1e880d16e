import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Db, openDatabase } from "../../db/client.ts";
import { createJxc, type Jxc, type JxcOptions } from "../../src/app.ts";
import { type Clock, systemClock } from "../../src/domain/clock.ts";
import { createLogger } from "../../src/log.ts";
import type { OutboxNotifier } from "../../src/notify/notifier.ts";
import type { ScheduledJob } from "../../src/notify/scheduled-job.ts";
import { SlackDriver } from "./slack-driver.ts";
import type { EmulatedUser } from "./slack-emulator.ts";
import { SlackEmulator } from "./slack-emulator.ts";

export const testSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

/** Slack's rules, not its patience: no per-channel gap and short backoff unless a test asks. */
export const quickNotifyTuning = { pollMs: 50, postIntervalMs: 0, backoffBaseMs: 20, backoffMaxMs: 200 };

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface TestApp {
  url: string;
  jxc: Jxc;
  driver: SlackDriver;
  emulator: SlackEmulator;
  db: Db;
  logs: LogLine[];
  /** Not started: tests call `notifier.drain()` to deliver what the app owes, then look at the emulator. */
  notifier: OutboxNotifier;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  users?: EmulatedUser[];
  clock?: Clock;
  databasePath?: string;
  admins?: string[];
  /** Default true: answer Slack only after listeners finish, so assertions see every effect. */
  waitForListeners?: boolean;
  /** Scheduled jobs instead of the app's own list; the scheduler is not started (call runDue). */
  jobs?: readonly ScheduledJob[];
  /** The test's own planners and templates; timings default to quick ones. */
  notify?: JxcOptions["notify"];
}

/** Starts the real app (Hono + Bolt + SQLite) on loopback against a fresh fake Slack; each test stops it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const emulator = await SlackEmulator.start({ users: options.users ?? [] });
  const db = openDatabase(options.databasePath ?? ":memory:");
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const jxc = createJxc({
    slack: { kind: "http", botToken: emulator.botToken, signingSecret: testSigningSecret },
    slackApiUrl: emulator.apiUrl,
    db,
    clock: options.clock ?? systemClock,
    logger,
    waitForListeners: options.waitForListeners ?? true,
    company: { currency: "CNY", timeZone: "Asia/Shanghai" },
    admins: options.admins ?? [],
    ...(options.jobs ? { jobs: options.jobs } : {}),
    notify: { ...options.notify, tuning: { ...quickNotifyTuning, ...options.notify?.tuning } },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: jxc.http.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/slack/events`;
  const driver = new SlackDriver({ url, signingSecret: testSigningSecret, emulator });
  return {
    url,
    jxc,
    driver,
    emulator,
    db,
    logs,
    notifier: jxc.notifier,
    async stop() {
      await jxc.scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jxc.notifier.stop();
      await emulator.stop();
      db.$client.close();
    },
  };
}
