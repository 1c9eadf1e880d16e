import type { App } from "@slack/bolt";
import type { Hono } from "hono";
import type { Company } from "../commands/deps.ts";
import { registerListeners } from "../commands/index.ts";
import { noticeTemplates } from "../commands/notices/index.ts";
import { type Db, pingDatabase } from "../db/client.ts";
import type { SlackMode } from "./config.ts";
import { ItemSearchIndex } from "./domain/catalogue/search-index.ts";
import type { Clock } from "./domain/clock.ts";
import type { EventType } from "./domain/events.ts";
import { bootstrapAdmins } from "./domain/roles.ts";
import { createHttpApp } from "./http/server.ts";
import { HonoSlackReceiver } from "./http/slack-receiver.ts";
import type { Logger } from "./log.ts";
import type { Planner, Template } from "./notify/contract.ts";
import { scheduledJobs } from "./notify/jobs/index.ts";
import { createNotifier, type NotifierTuning, type OutboxNotifier } from "./notify/notifier.ts";
import { appPlanners } from "./notify/registry.ts";
import type { ScheduledJob } from "./notify/scheduled-job.ts";
import { createScheduler, type Scheduler } from "./notify/scheduler.ts";
import { eventSources } from "./notify/sources.ts";
import { type BoltConnection, createBoltApp } from "./slack/create-bolt-app.ts";
import { createLocaleResolver } from "./slack/locale.ts";
import { createEventDedupe } from "./slack/middleware/dedupe-events.ts";
import { jxcPipeline } from "./slack/middleware/pipeline.ts";
import { usersInfoLocaleLookup } from "./slack/users-info-locale.ts";
import { version } from "./version.ts";

export interface JxcOptions {
  slack: Exclude<SlackMode, { kind: "none" }>;
  slackApiUrl: string | undefined;
  db: Db;
  clock: Clock;
  logger: Logger;
  company: Company;
  /** Slack user ids that must hold the admin role (JXC_ADMINS). */
  admins: readonly string[];
  /** Tests: answer Slack only after listeners finish. */
  waitForListeners?: boolean;
  /** The scheduled jobs; default: the app's list in src/notify/jobs/index.ts. */
  jobs?: readonly ScheduledJob[];
  /** Tests: their own planners and templates, shorter timings; the app's registry otherwise. */
  notify?: {
    planners?: Record<EventType, Planner>;
    templates?: Record<string, Template>;
    tuning?: Partial<NotifierTuning>;
  };
}

export interface Jxc {
  http: Hono;
  bolt: App;
  /** Not running until its owner calls start() (main and the sandbox do; tests may call runDue). */
  scheduler: Scheduler;
  /** The outbox worker; the caller starts it (main, the sandbox) or drains it (tests). */
  notifier: OutboxNotifier;
}

/** Wires the HTTP surface, the Bolt app and every listener; used by main and by the test harness. */
export function createJxc(options: JxcOptions): Jxc {
  const { slack, slackApiUrl, db, clock, logger, company } = options;
  bootstrapAdmins(db, clock, options.admins);
  const { connection, receiver } = connect(options);
  const bolt = createBoltApp({
    connection,
    slackApiUrl,
    logger,
  });
  const locales = createLocaleResolver({
    db,
    clock,
    logger,
    lookup: usersInfoLocaleLookup(slack.botToken, slackApiUrl),
  });
  const notifier = createNotifier({
    db,
    clock,
    logger,
    company,
    botToken: slack.botToken,
    slackApiUrl,
    locales,
    planners: options.notify?.planners ?? appPlanners,
    templates: options.notify?.templates ?? noticeTemplates,
    sources: eventSources,
    ...(options.notify?.tuning ? { tuning: options.notify.tuning } : {}),
  });
  const itemIndex = ItemSearchIndex.build(db);
  const router = registerListeners({ db, clock, logger, locales, company, itemIndex, notifier });
  bolt.use(jxcPipeline({ dedupe: createEventDedupe({ db, clock }), locales, router }));
  const http = createHttpApp({ receiver, version, isDatabaseHealthy: () => pingDatabase(db) });
  const scheduler = createScheduler({ jobs: options.jobs ?? scheduledJobs, db, clock, company, logger });
  return { http, bolt, scheduler, notifier };
}

function connect(options: JxcOptions): {
  connection: BoltConnection;
  receiver: HonoSlackReceiver | undefined;
} {
  const { slack, logger, clock } = options;
  if (slack.kind === "socket") {
    return {
      connection: { kind: "socket", botToken: slack.botToken, appToken: slack.appToken },
      receiver: undefined,
    };
  }
  const receiver = new HonoSlackReceiver({
    signingSecret: slack.signingSecret,
    logger,
    clock,
    waitForListeners: options.waitForListeners ?? false,
  });
  return { connection: { kind: "http", botToken: slack.botToken, receiver }, receiver };
}
