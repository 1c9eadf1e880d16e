import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { EventType } from "../domain/events.ts";
import type { Logger } from "../log.ts";
import type { LocaleResolver } from "../slack/locale.ts";
import type { Notifier, Planner, Template } from "./contract.ts";
import { openWork } from "./delivery-store.ts";
import { type DispatchStall, dispatchPending } from "./dispatcher.ts";
import { builtInTemplates } from "./not-in-channel.ts";
import { Pacing } from "./pacing.ts";
import { createRenderer } from "./render.ts";
import { createSlackGateway } from "./slack-gateway.ts";
import type { EventSource } from "./sources.ts";
import { sweepLanes } from "./worker.ts";

/** Timings; production uses the defaults, tests shorten them. */
export interface NotifierTuning {
  /** Safety net: how often the worker looks for work nobody kicked it about. */
  pollMs: number;
  /** Gap between two posts to one channel (Slack allows about one per second). */
  postIntervalMs: number;
  /** Attempts before a delivery that keeps failing transiently is marked failed. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per Slack call; a timed-out post is looked up before it is sent again. */
  requestTimeoutMs: number;
}

const defaultTuning: NotifierTuning = {
  pollMs: 2_000,
  postIntervalMs: 1_000,
  maxAttempts: 6,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
  requestTimeoutMs: 10_000,
};

export interface NotifierOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  company: Company;
  botToken: string;
  slackApiUrl: string | undefined;
  locales: LocaleResolver;
  planners: Record<EventType, Planner>;
  templates: Readonly<Record<string, Template>>;
  /** Run before each dispatch (src/notify/sources.ts); none unless given. */
  sources?: readonly EventSource[];
  tuning?: Partial<NotifierTuning>;
}

/** The outbox worker's lifecycle; handlers only see `kick` (the Notifier contract). */
export interface OutboxNotifier extends Notifier {
  /** Runs in the background until stop(): plans events, delivers due messages, polls as a safety net. */
  start(): void;
  /** Finishes the Slack call in flight, then stops. */
  stop(): Promise<void>;
  /** Tests: plan and deliver until nothing is owed, waiting out pacing and backoff for real. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Delivers the outbox: events → planned deliveries → Slack, exactly once. One sweep runs at a
 * time (start's loop and drain share it), so a `sending` row seen at a sweep's start is never
 * one this process has in flight: it is a crash's leftover, looked up before it is resent.
 */
export function createNotifier(options: NotifierOptions): OutboxNotifier {
  const { db, clock, logger, company } = options;
  const tuning = { ...defaultTuning, ...options.tuning };
  const log = logger.child({ component: "notifier" });
  const pacing = new Pacing(clock, tuning.postIntervalMs);
  const workerDeps = {
    db,
    clock,
    logger: log,
    company,
    pacing,
    gateway: createSlackGateway({
      botToken: options.botToken,
      slackApiUrl: options.slackApiUrl,
      logger: log,
      timeoutMs: tuning.requestTimeoutMs,
    }),
    render: createRenderer({
      db,
      clock,
      company,
      locales: options.locales,
      templates: { ...builtInTemplates, ...options.templates },
    }),
    maxAttempts: tuning.maxAttempts,
    backoff: { baseMs: tuning.backoffBaseMs, maxMs: tuning.backoffMaxMs },
  };

  let stall: DispatchStall | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const sweep = (): Promise<{ progressed: boolean; sourcesMore: boolean; wakeInMs?: number }> => {
    const next = running.then(async () => {
      let sourcesMore = false;
      for (const source of options.sources ?? []) {
        try {
          sourcesMore = source.run({ db, clock }) || sourcesMore;
        } catch (error) {
          log.error({ err: error, source: source.name }, "event source failed");
        }
      }
      const planned = dispatchPending({ db, clock, company, logger: log, planners: options.planners });
      stall = planned.stall;
      const swept = await sweepLanes(workerDeps);
      return { ...swept, sourcesMore, progressed: swept.progressed || planned.dispatched > 0 || sourcesMore };
    });
    running = next.catch(() => {});
    return next;
  };

  let loop: Promise<void> | undefined;
  let stopping = false;
  let kicked = false;
  let wake: (() => void) | undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked || stopping) return resolve();
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          kicked = false;
          let pause = tuning.pollMs;
          try {
            const result = await sweep();
            pause = result.progressed ? 0 : Math.min(result.wakeInMs ?? tuning.pollMs, tuning.pollMs);
          } catch (error) {
            log.error({ err: error }, "outbox sweep failed");
          }
          await nap(pause);
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
      await running;
    },
    async drain({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = await sweep();
        const owed = openWork(db);
        if (owed.events === 0 && owed.deliveries === 0 && !result.sourcesMore) return;
        if (Date.now() > deadline) {
          const why = stall ? `; event ${stall.eventId} cannot be planned: ${stall.error}` : "";
          throw new Error(
            `outbox not drained after ${timeoutMs} ms: ${owed.events} events, ${owed.deliveries} deliveries open${why}`,
          );
        }
        if (!result.progressed) {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(1, Math.min(result.wakeInMs ?? 20, 1_000))),
          );
        }
      }
    },
  };
}
