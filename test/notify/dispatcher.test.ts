import { isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { deliveries, documentThreads, outboxEvents } from "../../db/schema.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { emitEvent } from "../../src/domain/events.ts";
import { createLogger } from "../../src/log.ts";
import type { Planner } from "../../src/notify/contract.ts";
import { type DispatchDeps, dispatchPending } from "../../src/notify/dispatcher.ts";
import {
  directMessage,
  documentThread,
  findDelivery,
  homeTab,
  updateMessage,
} from "../../src/notify/plan.ts";
import { fanOut, plannersWith } from "./fixtures.ts";

let db: Db;
const clock = fixedClock(Date.UTC(2026, 10, 25, 2, 0));
const logger = createLogger({ level: "silent", destination: { write: () => {} } });
const company = { currency: "CNY", timeZone: "Asia/Shanghai" };

beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => db.$client.close());

const deps = (planners: DispatchDeps["planners"]): DispatchDeps => ({ db, clock, company, logger, planners });
const emit = (
  type: "approval.requested" | "adjustment.posted",
  payload: Record<string, unknown>,
  docId = 7,
) => emitEvent(db, { type, actor: "U0ACTOR", docType: "adjustment", docId, payload }, clock.now());
const keys = () =>
  db
    .select({ key: deliveries.dedupeKey, kind: deliveries.kind })
    .from(deliveries)
    .orderBy(deliveries.id)
    .all();
const undispatch = () => db.update(outboxEvents).set({ dispatchedAt: null }).run();

const inThread: Planner = (event) => {
  const docId = event.docId ?? 0;
  const thread = documentThread({
    docType: "adjustment",
    docId,
    channel: "C0WH",
    card: { template: "card", data: { docId } },
  });
  return [
    thread.post("channel", "note", { n: event.id }),
    directMessage("U0ANN", "dm", "note", { n: event.id }),
  ];
};

describe("dispatcher", () => {
  it("plans each event once, in order, and planning again adds nothing", () => {
    const planners = plannersWith({ "approval.requested": fanOut });
    emit("approval.requested", { n: 1, to: ["C0WH", "U0ANN"] });
    emit("approval.requested", { n: 2, to: ["C0WH"] });
    expect(dispatchPending(deps(planners))).toEqual({ dispatched: 2 });
    expect(keys()).toEqual([
      { key: "1:to:C0WH", kind: "post" },
      { key: "1:to:U0ANN", kind: "post" },
      { key: "2:to:C0WH", kind: "post" },
    ]);
    expect(dispatchPending(deps(planners))).toEqual({ dispatched: 0 });
    undispatch();
    expect(dispatchPending(deps(planners))).toEqual({ dispatched: 2 });
    expect(keys()).toHaveLength(3);
  });

  it("opens a document's thread with its card, then replies and rewrites the card; idempotent too", () => {
    const planners = plannersWith({ "approval.requested": inThread, "adjustment.posted": inThread });
    emit("approval.requested", {});
    emit("adjustment.posted", {});
    dispatchPending(deps(planners));
    const planned = keys();
    expect(planned).toEqual([
      { key: "1:channel", kind: "post" },
      { key: "1:dm", kind: "post" },
      { key: "2:channel", kind: "post" },
      { key: "2:#card:adjustment:7", kind: "update" },
      { key: "2:dm", kind: "post" },
    ]);
    const rows = db.select().from(deliveries).orderBy(deliveries.id).all();
    expect(rows[0]).toMatchObject({ template: "card", target: "C0WH", threadKey: null });
    expect(rows[2]).toMatchObject({ template: "note", target: "C0WH", threadKey: "adjustment:7" });
    expect(rows[3]).toMatchObject({ template: "card", target: "C0WH", updatesDeliveryId: rows[0]?.id });
    expect(db.select().from(documentThreads).all()).toEqual([
      { docType: "adjustment", docId: 7, deliveryId: rows[0]?.id, createdAt: clock.now() },
    ]);
    undispatch();
    dispatchPending(deps(planners));
    expect(keys()).toEqual(planned);
  });

  it("keeps a thread in the channel it started in", () => {
    let channel = "C0WH";
    const moving: Planner = (event) => [
      documentThread({ docType: "adjustment", docId: 7, channel, card: { template: "card", data: {} } }).post(
        "channel",
        "note",
        { n: event.id },
      ),
    ];
    const planners = plannersWith({ "approval.requested": moving, "adjustment.posted": moving });
    emit("approval.requested", {});
    dispatchPending(deps(planners));
    channel = "C0OTHER";
    emit("adjustment.posted", {});
    dispatchPending(deps(planners));
    expect(db.select({ target: deliveries.target }).from(deliveries).all()).toEqual([
      { target: "C0WH" },
      { target: "C0WH" },
      { target: "C0WH" },
    ]);
  });

  it("stops at an event its planner cannot plan, and plans it and the rest once fixed", () => {
    let broken = true;
    const flaky: Planner = (event) => {
      if (broken && event.payload.n === 1) throw new Error("no route for warehouse");
      return fanOut(event, { db, clock, company });
    };
    const planners = plannersWith({ "approval.requested": flaky });
    emit("approval.requested", { n: 1, to: ["C0WH"] });
    emit("approval.requested", { n: 2, to: ["C0WH"] });
    expect(dispatchPending(deps(planners))).toEqual({
      dispatched: 0,
      stall: { eventId: 1, error: "no route for warehouse" },
    });
    expect(keys()).toEqual([]);
    broken = false;
    expect(dispatchPending(deps(planners))).toEqual({ dispatched: 2 });
    expect(keys().map((row) => row.key)).toEqual(["1:to:C0WH", "2:to:C0WH"]);
  });

  it("stores Home tabs and rewrites of earlier messages, found by document, event type and key", () => {
    const requested: Planner = () => [
      directMessage("U0BOSS", "approver", "note", { n: 1 }),
      homeTab("U0BOSS", "home", "home", { n: 1 }),
    ];
    const posted: Planner = (event, { db: tx }) => {
      const dm = findDelivery(tx, {
        docType: "adjustment",
        docId: 7,
        eventType: "approval.requested",
        key: "approver",
      });
      return dm ? [updateMessage(dm, "decided", "note", { n: event.id })] : [];
    };
    const planners = plannersWith({ "approval.requested": requested, "adjustment.posted": posted });
    emit("approval.requested", {});
    emit("adjustment.posted", {});
    dispatchPending(deps(planners));
    const rows = db.select().from(deliveries).orderBy(deliveries.id).all();
    expect(rows.map((row) => [row.kind, row.target, row.updatesDeliveryId])).toEqual([
      ["post", "U0BOSS", null],
      ["home", "U0BOSS", null],
      ["update", "U0BOSS", rows[0]?.id],
    ]);
    expect(db.select().from(outboxEvents).where(isNull(outboxEvents.dispatchedAt)).all()).toEqual([]);
  });
});
