import { afterEach, describe, expect, it } from "vitest";
import { companySettings } from "../../db/schema.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { bootstrapAdmins } from "../../src/domain/roles.ts";
import { homeTab } from "../../src/notify/plan.ts";
import { fanOut, plannersWith } from "./fixtures.ts";
import { type NotifyHarness, startNotifier } from "./notify-harness.ts";

let h: NotifyHarness;
afterEach(() => h.stop());

const planners = plannersWith({
  "approval.requested": fanOut,
  "adjustment.posted": (event) => [homeTab("U0ANN", "home", "home", { n: event.payload.n })],
});
const users = [
  { id: "U0ANN", name: "ann", locale: "en-US" },
  { id: "U0WANG", name: "wang", locale: "zh-CN" },
  { id: "U0ADMIN", name: "admin", locale: "en-GB" },
  { id: "U0ZHADMIN", name: "zhadmin", locale: "zh-CN" },
];
const texts = (channel: string) => h.emulator.messages(channel).map((message) => message.text);

describe("delivery", () => {
  it("posts to channels and DMs in the reader's language, tagged with the delivery id", async () => {
    h = await startNotifier({ planners, users });
    h.emit("approval.requested", { n: 1, to: ["C0WH", "U0ANN", "U0WANG"] });
    await h.notifier.drain();
    expect(texts("C0WH")).toEqual(["note 1"]);
    expect(texts("DU0ANN")).toEqual(["note 1"]);
    expect(texts("DU0WANG")).toEqual(["通知 1"]);
    for (const row of h.rows()) {
      expect(row).toMatchObject({ status: "delivered", attempts: 1 });
      expect(h.messagesOf(row.id)).toEqual([
        expect.objectContaining({ ts: row.ts, channel: row.postedChannel }),
      ]);
    }
    expect(h.rows().map((row) => row.postedChannel)).toEqual(["C0WH", "DU0ANN", "DU0WANG"]);

    h.db
      .insert(companySettings)
      .values({ key: "channel_language", value: "zh-CN", updatedBy: "U0ADMIN", updatedAt: 0 })
      .run();
    h.emit("approval.requested", { n: 2, to: ["C0WH"] });
    await h.notifier.drain();
    expect(texts("C0WH")).toEqual(["note 1", "通知 2"]);
  });

  it("publishes only the newest of several pending Home tabs", async () => {
    h = await startNotifier({ planners, users });
    for (const n of [1, 2, 3]) h.emit("adjustment.posted", { n });
    await h.notifier.drain();
    expect(h.emulator.calls("views.publish")).toHaveLength(1);
    expect(JSON.stringify(h.emulator.homeView("U0ANN"))).toContain("home 3");
    expect(h.rows().map((row) => [row.status, row.lastError])).toEqual([
      ["skipped", "superseded"],
      ["skipped", "superseded"],
      ["delivered", null],
    ]);
  });

  it("rides out a 429 storm: each message exactly once, in order per channel, no attempt burned", async () => {
    h = await startNotifier({ planners, users });
    h.emulator.enforceChannelRate(true);
    h.emulator.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1, times: 4 });
    for (let n = 1; n <= 5; n += 1) h.emit("approval.requested", { n, to: ["C0A", "C0B", "C0C"] });
    await h.notifier.drain();
    const limited = h.emulator.calls("chat.postMessage").filter((call) => call.error === "ratelimited");
    expect(limited.length).toBeGreaterThanOrEqual(8);
    for (const channel of ["C0A", "C0B", "C0C"]) {
      expect(texts(channel)).toEqual(["note 1", "note 2", "note 3", "note 4", "note 5"]);
    }
    for (const row of h.rows()) {
      expect(h.messagesOf(row.id)).toHaveLength(1);
      expect(row).toMatchObject({ status: "delivered", attempts: 1 });
    }
  });

  it("paces posts to about one per second per channel, channels side by side", async () => {
    h = await startNotifier({ planners, users, tuning: { postIntervalMs: 1_000 } });
    h.emulator.enforceChannelRate(true);
    for (let n = 1; n <= 4; n += 1) h.emit("approval.requested", { n, to: ["C0A", "C0B"] });
    const started = Date.now();
    await h.notifier.drain();
    const elapsed = Date.now() - started;
    expect(h.emulator.calls("chat.postMessage").every((call) => call.ok)).toBe(true);
    for (const channel of ["C0A", "C0B"]) {
      const seconds = h.emulator.messages(channel).map((message) => Number(message.ts));
      expect(seconds).toHaveLength(4);
      for (let i = 1; i < seconds.length; i += 1) {
        expect((seconds[i] ?? 0) - (seconds[i - 1] ?? 0)).toBeGreaterThanOrEqual(0.95);
      }
    }
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("looks before resending after a transient error, then delivers once", async () => {
    h = await startNotifier({ planners, users });
    h.emulator.failNext("chat.postMessage", { error: "internal_error" });
    h.emulator.failNext("chat.postMessage", { status: 503 });
    h.emit("approval.requested", { n: 1, to: ["C0WH", "U0ANN"] });
    await h.notifier.drain();
    expect(texts("C0WH")).toEqual(["note 1"]);
    expect(texts("DU0ANN")).toEqual(["note 1"]);
    expect(h.rows().map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ["delivered", 2, "internal_error"],
      ["delivered", 2, "http_503"],
    ]);
    // One look per channel before its resend; the two channels retry on their own timers, in either order.
    expect(
      h.emulator
        .calls("conversations.history")
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["C0WH", "DU0ANN"]);
    expect(h.emulator.calls("conversations.open")).toHaveLength(1);
  });

  it("gives up after the last attempt of a transient error", async () => {
    h = await startNotifier({ planners, users, tuning: { maxAttempts: 3 } });
    h.emulator.failNext("chat.postMessage", { error: "fatal_error", times: 10 });
    h.emit("approval.requested", { n: 1, to: ["C0WH"] });
    await h.notifier.drain();
    expect(h.rows().map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ["failed", 3, "fatal_error"],
    ]);
    expect(h.emulator.calls("chat.postMessage")).toHaveLength(3);
  });

  it("finds a post whose answer never came (timeout) instead of posting it twice", async () => {
    h = await startNotifier({ planners, users, tuning: { requestTimeoutMs: 300 } });
    h.emulator.holdNext("chat.postMessage");
    h.emit("approval.requested", { n: 1, to: ["C0WH"] });
    await h.notifier.drain();
    h.emulator.releaseHeld();
    expect(texts("C0WH")).toEqual(["note 1"]);
    expect(h.emulator.calls("chat.postMessage")).toHaveLength(1);
    expect(h.rows()[0]).toMatchObject({ status: "delivered", ts: h.emulator.messages("C0WH")[0]?.ts });
  });

  it("fails at once on a permanent error, and other channels carry on", async () => {
    h = await startNotifier({ planners, users });
    h.emulator.failNext("chat.postMessage", { error: "channel_not_found" });
    h.emit("approval.requested", { n: 1, to: ["C0GONE", "C0WH"] });
    await h.notifier.drain();
    expect(h.rows().map((row) => [row.target, row.status, row.attempts, row.lastError])).toEqual([
      ["C0GONE", "failed", 1, "channel_not_found"],
      ["C0WH", "delivered", 1, null],
    ]);
  });

  it("tells each admin once a day, in their language, to invite the app to a channel it is not in", async () => {
    h = await startNotifier({ planners, users });
    bootstrapAdmins(h.db, systemClock, ["U0ADMIN", "U0ZHADMIN"]);
    h.emulator.failNext("chat.postMessage", { error: "not_in_channel", times: 2 });
    h.emit("approval.requested", { n: 1, to: ["C0SECRET"] });
    h.emit("approval.requested", { n: 2, to: ["C0SECRET"] });
    await h.notifier.drain();
    h.emulator.failNext("chat.postMessage", { error: "not_in_channel" });
    h.emit("approval.requested", { n: 3, to: ["C0SECRET"] });
    await h.notifier.drain();
    expect(
      h
        .rows()
        .filter((row) => row.target === "C0SECRET")
        .map((row) => row.status),
    ).toEqual(["failed", "failed", "failed"]);
    const [english] = texts("DU0ADMIN");
    const [chinese] = texts("DU0ZHADMIN");
    expect(texts("DU0ADMIN")).toHaveLength(1);
    expect(texts("DU0ZHADMIN")).toHaveLength(1);
    expect(english).toContain("not a member of that channel");
    expect(english).toContain("`/invite @jxc` in <#C0SECRET>");
    expect(chinese).toContain("请在 <#C0SECRET> 中输入 `/invite @jxc`");
  });
});
