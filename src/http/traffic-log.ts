import type { Logger } from "../log.ts";
import type { RequestSummary } from "./describe-request.ts";

export interface TrafficLogOptions {
  logger: Logger;
  /** How often the summary line is written: every minute unless said. */
  periodMs?: number;
  /** A request slower than this gets a warning of its own: half of Slack's 3 s deadline. */
  slowMs?: number;
}

export interface RequestRecord extends RequestSummary {
  requestId: string;
  status: number;
  latencyMs: number;
}

interface RouteFigures {
  count: number;
  failed: number;
  latencies: number[];
}

/** Latencies kept per route and period for the percentiles; past this, a fair sample of them. */
const maxSamples = 4096;

/**
 * Request logging that costs next to nothing while all is well. Every request
 * is a line at debug level; one that failed (status ≥ 400) or was slow is a
 * warning of its own; and once a period, an info line sums up the traffic per
 * command or kind (count, failures, p50/p99/max latency). At info level the
 * log stays readable at any volume, and a request writes nothing: one line
 * each cost ~10% of the CPU of a `/stock` answer.
 */
export class TrafficLog {
  private readonly periodMs: number;
  private readonly slowMs: number;
  private routes = new Map<string, RouteFigures>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: TrafficLogOptions) {
    this.periodMs = options.periodMs ?? 60_000;
    this.slowMs = options.slowMs ?? 1500;
  }

  record(request: RequestRecord): void {
    const { logger } = this.options;
    const failed = request.status >= 400;
    if (failed) logger.warn(request, "slack request failed");
    else if (request.latencyMs >= this.slowMs) logger.warn(request, "slow slack request");
    else if (logger.isLevelEnabled("debug")) logger.debug(request, "slack request");
    this.count(request.command ?? request.kind, request.latencyMs, failed);
  }

  /** Writes the period's summary now (when there was traffic) and starts a new period. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.routes.size === 0) return;
    const routes: Record<
      string,
      { count: number; failed: number; p50Ms: number; p99Ms: number; maxMs: number }
    > = {};
    let requests = 0;
    let failed = 0;
    for (const [route, figures] of this.routes) {
      const sorted = figures.latencies.sort((a, b) => a - b);
      routes[route] = {
        count: figures.count,
        failed: figures.failed,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted.at(-1) ?? 0,
      };
      requests += figures.count;
      failed += figures.failed;
    }
    this.routes = new Map();
    this.options.logger.info({ periodS: this.periodMs / 1000, requests, failed, routes }, "slack traffic");
  }

  private count(route: string, latencyMs: number, failed: boolean): void {
    let figures = this.routes.get(route);
    if (!figures) {
      figures = { count: 0, failed: 0, latencies: [] };
      this.routes.set(route, figures);
    }
    figures.count++;
    if (failed) figures.failed++;
    // Reservoir sampling: past maxSamples, each latency replaces a kept one with falling odds.
    if (figures.latencies.length < maxSamples) figures.latencies.push(latencyMs);
    else {
      const slot = Math.floor(Math.random() * figures.count);
      if (slot < maxSamples) figures.latencies[slot] = latencyMs;
    }
    // Armed by traffic, so an idle app (or a test) holds no timer; unref'd, so it never keeps one alive.
    this.timer ??= setTimeout(() => this.flush(), this.periodMs).unref();
  }
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? 0;
}
