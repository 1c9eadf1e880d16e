import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/domain/clock.ts";
import { retryDelivery } from "../../src/domain/outbox.ts";
import type { Planner, Template } from "../../src/notify/contract.ts";
import { documentThread } from "../../src/notify/plan.ts";
import { section } from "../../src/slack/blocks.ts";
import { plannersWith, testTemplates } from "./fixtures.ts";
import { type NotifyHarness, startNotifier } from "./notify-harness.ts";

let h: NotifyHarness;
afterEach(() => h.stop());

// The document's state lives outside the events: the card shows whatever it is when rendered.
const status = new Map<number, string>();
const templates: Record<string, Template> = {
  ...testTemplates,
  card: (data) => {
    const text = `ADJ-${String(data.docId)}: ${status.get(Number(data.docId)) ?? "?"}`;
    return { text, blocks: [section(text)] };
  },
};
const story: Planner = (event) => {
  const docId = event.docId ?? 0;
  const thread = documentThread({
    docType: "adjustment",
    docId,
    channel: "C0WH",
    card: { template: "card", data: { docId } },
  });
  return [thread.post("thread", "note", { n: event.payload.n })];
};
const planners = plannersWith({
  "approval.requested": story,
  "adjustment.posted": story,
  "approval.rejected": story,
});
const doc = { docType: "adjustment", docId: 12 };

describe("document threads", () => {
  it("posts the card first, the later events as replies in its thread, and keeps the card current", async () => {
    h = await startNotifier({ planners, templates });
    status.set(12, "requested");
    h.emit("approval.requested", { n: 1 }, doc);
    await h.notifier.drain();
    status.set(12, "approved");
    h.emit("adjustment.posted", { n: 2 }, doc);
    await h.notifier.drain();
    status.set(12, "posted");
    h.emit("approval.rejected", { n: 3 }, doc);
    await h.notifier.drain();

    const [card, ...replies] = h.emulator.messages("C0WH");
    expect(card).toMatchObject({ text: "ADJ-12: posted", replaced: true });
    expect(card?.threadTs).toBeUndefined();
    expect(replies.map((reply) => [reply.text, reply.threadTs])).toEqual([
      ["note 2", card?.ts],
      ["note 3", card?.ts],
    ]);
    expect(h.emulator.calls("chat.update").map((call) => call.args.ts)).toEqual([card?.ts, card?.ts]);
  });

  it("sends replies only after the card, even when all were planned before the card went out", async () => {
    h = await startNotifier({ planners, templates });
    status.set(12, "posted");
    h.emit("approval.requested", { n: 1 }, doc);
    h.emit("adjustment.posted", { n: 2 }, doc);
    h.emit("approval.rejected", { n: 3 }, doc);
    h.emulator.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    await h.notifier.drain();
    const [card, ...replies] = h.emulator.messages("C0WH");
    expect(card?.text).toBe("ADJ-12: posted");
    expect(replies.map((reply) => [reply.text, reply.threadTs])).toEqual([
      ["note 2", card?.ts],
      ["note 3", card?.ts],
    ]);
    // Two pending rewrites of one card: the newest one is enough.
    expect(
      h
        .rows()
        .filter((row) => row.kind === "update")
        .map((row) => row.status),
    ).toEqual(["skipped", "delivered"]);
  });

  it("fails the replies of a card that failed for good, and skips rewriting it", async () => {
    h = await startNotifier({ planners, templates });
    status.set(12, "requested");
    h.emulator.failNext("chat.postMessage", { error: "invalid_blocks" });
    h.emit("approval.requested", { n: 1 }, doc);
    h.emit("adjustment.posted", { n: 2 }, doc);
    await h.notifier.drain();
    expect(h.rows().map((row) => [row.kind, row.status, row.lastError])).toEqual([
      ["post", "failed", "invalid_blocks"],
      ["post", "failed", "parent_failed"],
      ["update", "skipped", "parent_failed"],
    ]);
    expect(h.emulator.messages("C0WH")).toEqual([]);

    // Once the card is fixed and retried, the replies that failed with it go out in its thread.
    retryDelivery(h.db, systemClock, "U0ADMIN", 1);
    await h.notifier.drain();
    const [card, reply] = h.emulator.messages("C0WH");
    expect(card?.text).toBe("ADJ-12: requested");
    expect(reply).toMatchObject({ text: "note 2", threadTs: card?.ts });
  });
});
