import type { Clock } from "../domain/clock.ts";
import type { SlackMethod } from "./slack-gateway.ts";

/**
 * When the worker may next call Slack. Slack limits chat.postMessage to about one per second
 * per channel, and everything else per method; a 429's Retry-After is honoured for exactly
 * what it limited. Kept in memory: after a restart Slack's own 429s tell us again if needed.
 */
export class Pacing {
  private readonly laneFree = new Map<string, number>();
  private readonly methodFree = new Map<SlackMethod, number>();

  constructor(
    private readonly clock: Clock,
    private readonly postIntervalMs: number,
  ) {}

  /** The earliest time this lane may post again. */
  laneReadyAt(lane: string): number {
    return this.laneFree.get(lane) ?? 0;
  }

  methodReadyAt(method: SlackMethod): number {
    return this.methodFree.get(method) ?? 0;
  }

  /** A post went out in this lane: the next one waits the per-channel interval. */
  posted(lane: string): void {
    this.delayLane(lane, this.postIntervalMs);
  }

  /** Slack answered 429: a post limit is per channel, any other method's is per method. */
  rateLimited(method: SlackMethod, lane: string, retryAfterMs: number): void {
    if (method === "chat.postMessage") this.delayLane(lane, retryAfterMs);
    else this.methodFree.set(method, Math.max(this.methodReadyAt(method), this.clock.now() + retryAfterMs));
  }

  private delayLane(lane: string, ms: number): void {
    this.laneFree.set(lane, Math.max(this.laneReadyAt(lane), this.clock.now() + ms));
  }
}

/**
 * How long to wait before attempt `attempts + 1` after a transient failure: exponential, with
 * jitter so that many deliveries failing together do not retry together.
 */
export function backoffMs(
  attempts: number,
  options: { baseMs: number; maxMs: number },
  random = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
