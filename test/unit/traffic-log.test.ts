import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TrafficLog } from "../../src/http/traffic-log.ts";
import { createLogger } from "../../src/log.ts";

interface Line {
  level: number;
  msg: string;
  [key: string]: unknown;
}

const levels = { debug: 20, info: 30, warn: 40 };

function capture(level: "debug" | "info") {
  const lines: Line[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, logger };
}

const request = (latencyMs: number, status = 200, command = "/stock") => ({
  requestId: "r-1",
  kind: "command",
  user: "U0ALICE",
  command,
  status,
  latencyMs,
});

describe("TrafficLog", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes nothing per request at info level, then one summary a period per route", () => {
    const { lines, logger } = capture("info");
    const traffic = new TrafficLog({ logger, periodMs: 60_000 });
    for (let ms = 1; ms <= 100; ms++) traffic.record(request(ms));
    traffic.record({
      requestId: "r-2",
      kind: "block_actions",
      user: "U0BOB",
      action: "po_approve",
      status: 200,
      latencyMs: 3,
    });
    expect(lines).toEqual([]);

    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: levels.info,
      msg: "slack traffic",
      periodS: 60,
      requests: 101,
      failed: 0,
      routes: {
        "/stock": { count: 100, failed: 0, p50Ms: 50, p99Ms: 99, maxMs: 100 },
        block_actions: { count: 1, failed: 0, p50Ms: 3, p99Ms: 3, maxMs: 3 },
      },
    });
  });

  it("warns about a failed or slow request on its own line, and counts the failure", () => {
    const { lines, logger } = capture("info");
    const traffic = new TrafficLog({ logger, slowMs: 1500 });
    traffic.record(request(12, 500));
    traffic.record(request(1600));
    traffic.record(request(20));
    expect(lines.map((l) => [l.level, l.msg, l.status, l.latencyMs])).toEqual([
      [levels.warn, "slack request failed", 500, 12],
      [levels.warn, "slow slack request", 200, 1600],
    ]);
    traffic.flush();
    expect(lines[2]).toMatchObject({
      msg: "slack traffic",
      requests: 3,
      failed: 1,
      routes: { "/stock": { failed: 1 } },
    });
  });

  it("logs every request at debug level, with who and what", () => {
    const { lines, logger } = capture("debug");
    new TrafficLog({ logger }).record(request(4));
    expect(lines).toEqual([
      expect.objectContaining({
        level: levels.debug,
        msg: "slack request",
        requestId: "r-1",
        user: "U0ALICE",
        command: "/stock",
        status: 200,
        latencyMs: 4,
      }),
    ]);
  });

  it("holds a timer only while a period has traffic, and writes no empty summary", () => {
    const { lines, logger } = capture("info");
    const traffic = new TrafficLog({ logger, periodMs: 1000 });
    expect(vi.getTimerCount()).toBe(0);
    traffic.record(request(5));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    traffic.flush();
    expect(lines.map((l) => l.msg)).toEqual(["slack traffic"]);
  });

  it("keeps counting exactly past the latencies it samples", () => {
    const { lines, logger } = capture("info");
    const traffic = new TrafficLog({ logger });
    for (let i = 0; i < 20_000; i++) traffic.record(request(i % 2 === 0 ? 1 : 9));
    traffic.flush();
    const routes = (lines[0]?.routes ?? {}) as Record<
      string,
      { count: number; p50Ms: number; maxMs: number }
    >;
    const figures = routes["/stock"];
    expect(figures?.count).toBe(20_000);
    expect([1, 9]).toContain(figures?.p50Ms);
    expect(figures?.maxMs).toBe(9);
  });
});
