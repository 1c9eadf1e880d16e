import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  approvalExcludedDeciders,
  approvalRequests,
  approvalSteps,
  auditLog,
  outboxEvents,
  roleAssignments,
  stocktakeLines,
} from "../../db/schema.ts";
import {
  barredFrom,
  decideApproval,
  delegateApprovals,
  eligibleApprovers,
  pendingApprovalsFor,
  readApproval,
  remindAndEscalate,
  requestApproval,
  requireMayDecide,
  setTimers,
} from "../../src/domain/approvals/index.ts";
import type { Role } from "../../src/domain/roles.ts";
import { receiveStock } from "../../src/domain/stock/index.ts";
import { recordCounts } from "../../src/domain/stocktakes/count.ts";
import { finishStocktake } from "../../src/domain/stocktakes/finish.ts";
import { startStocktake } from "../../src/domain/stocktakes/start.ts";
import type { StoredEvent } from "../../src/notify/contract.ts";
import { approvalPlanners } from "../../src/notify/planners/approvals.ts";
import {
  createStockFixture,
  expectJxcError,
  inTransaction,
  type StockFixture,
  snapshotStock,
  testContext,
} from "./fixtures/stock-fixture.ts";

const day = "2025-01-02";
const hour = 3_600_000;
let f: StockFixture;

function grant(userId: string, role: Role): void {
  f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
}

/** Who the planner sends an approval event's DM cards and Home tabs to. */
function plannedFor(type: "approval.step_opened" | "approval.reminder" | "approval.escalated", tier = 1) {
  const event = f.db
    .select()
    .from(outboxEvents)
    .all()
    .filter((e) => e.type === type)
    .at(-1);
  if (!event) throw new Error(`no ${type} event`);
  const stored = { ...event, payload: event.payload as Record<string, unknown> } as StoredEvent;
  const planned = approvalPlanners[type](stored, {
    db: f.db,
    clock: f.clock,
    company: { currency: "CNY", timeZone: "UTC" },
  });
  expect(stored.payload.tier).toBe(tier);
  return {
    cards: planned.flatMap((p) => (p.kind === "post" && p.template === "approval.card" ? [p.target] : [])),
    homes: planned.flatMap((p) => (p.kind === "home" ? [p.target] : [])),
  };
}

/** A stocktake of bin A whose one line (1,000 pcs at ¥2.00 in the books) `counter` counts 400 (−¥1,200) and `finisher` finishes. */
function countWaitingForApproval(counter: string, finisher: string): number {
  inTransaction(f.db, (tx) =>
    receiveStock(tx, testContext(), {
      itemId: f.ids.avgItem,
      locationId: f.ids.binA,
      qty: 1000,
      unitCost: 200,
    }),
  );
  const { id } = startStocktake(f.db, f.clock, {
    warehouseId: f.ids.mainWarehouse,
    scope: { kind: "bins", locationIds: [f.ids.binA] },
    userId: finisher,
  });
  const line = f.db.select().from(stocktakeLines).where(eq(stocktakeLines.stocktakeId, id)).get();
  recordCounts(f.db, f.clock, {
    stocktakeId: id,
    userId: counter,
    entries: [{ lineId: line?.id ?? 0, qty: 400 }],
  });
  finishStocktake(f.db, f.clock, { stocktakeId: id, userId: finisher, allowUncounted: false });
  const request = f.db.select().from(approvalRequests).get();
  if (!request) throw new Error("the count did not wait for approval");
  return request.id;
}

const decide = (requestId: number, userId: string) =>
  decideApproval(f.db, f.clock, { requestId, tier: 1, userId, verdict: "approve", day });

beforeEach(() => {
  f = createStockFixture();
  grant("UKEEPER", "warehouse_keeper");
  grant("USUP1", "warehouse_supervisor");
  grant("USUP2", "warehouse_supervisor");
  grant("UADMIN", "admin");
});

describe("a request names people who may not decide it", () => {
  it("stores each once, never the requester, and says so in the audit row", () => {
    const { requestId } =
      inTransaction(f.db, (tx) =>
        requestApproval(tx, f.clock.now(), {
          docType: "stocktake",
          docId: 42,
          docNumber: "CNT-000042",
          amount: 200_000,
          requestedBy: "UKEEPER",
          summary: {},
          excludedDeciders: ["USUP1", "UKEEPER", "USUP1"],
        }),
      ) ?? {};
    expect(f.db.select().from(approvalExcludedDeciders).all()).toEqual([{ requestId, userId: "USUP1" }]);
    expect(readApproval(f.db, requestId ?? 0)?.excludedDeciders).toEqual(["USUP1"]);
    const audit = f.db.select().from(auditLog).where(eq(auditLog.action, "approval.request")).get();
    expect(audit?.after).toMatchObject({ excluded: ["USUP1"] });
  });

  it("leaves them, their stand-ins and excluded stand-ins out of who may decide", () => {
    delegateApprovals(f.db, f.clock, {
      approver: "USUP1",
      delegate: "UDEP1",
      fromDay: day,
      toDay: day,
      today: day,
    });
    delegateApprovals(f.db, f.clock, {
      approver: "USUP2",
      delegate: "UDEP2",
      fromDay: day,
      toDay: day,
      today: day,
    });
    const barred = (...excluded: string[]) => ({ requestedBy: "UKEEPER", excluded: new Set(excluded) });
    const who = (...excluded: string[]) =>
      eligibleApprovers(f.db, "warehouse_supervisor", barred(...excluded), day).map((a) => a.userId);
    expect(who()).toEqual(["USUP1", "USUP2", "UDEP1", "UDEP2"]);
    // USUP1 took part: neither they nor someone standing in for them decides.
    expect(who("USUP1")).toEqual(["USUP2", "UDEP2"]);
    // A stand-in who took part is out too, whoever they stand in for.
    expect(who("USUP1", "UDEP2")).toEqual(["USUP2"]);
  });
});

describe("a stocktake's counters may not decide its waiting variances", () => {
  it("a supervisor who counted gets no card, no Home entry and is refused; another supervisor decides", () => {
    const requestId = countWaitingForApproval("USUP1", "UKEEPER");
    expect(readApproval(f.db, requestId)?.excludedDeciders).toEqual(["USUP1"]);
    expect(plannedFor("approval.step_opened")).toEqual({ cards: ["USUP2"], homes: ["UKEEPER", "USUP2"] });
    expect(pendingApprovalsFor(f.db, "USUP1", day, 10).first).toEqual([]);
    expect(pendingApprovalsFor(f.db, "USUP2", day, 10).first.map((a) => a.docNumber)).toEqual(["CNT-000001"]);

    const before = { ...snapshotStock(f.db), steps: f.db.select().from(approvalSteps).all() };
    expectJxcError(() => decide(requestId, "USUP1"), "SELF_APPROVAL", { part: "excluded" });
    expectJxcError(
      () => requireMayDecide(f.db, { requestId, tier: 1, userId: "USUP1", day }),
      "SELF_APPROVAL",
      { part: "excluded" },
    );
    // The finisher is the requester: refused as ever.
    expectJxcError(() => decide(requestId, "UKEEPER"), "SELF_APPROVAL");
    expect({ ...snapshotStock(f.db), steps: f.db.select().from(approvalSteps).all() }).toEqual(before);

    // Reminders go to the eligible only.
    setTimers(f.db, f.clock, { remindAfterHours: 1, escalateAfterHours: 48 }, "UADMIN");
    (f.clock as typeof f.clock & { advance(ms: number): void }).advance(2 * hour);
    expect(remindAndEscalate(f.db, f.clock)).toEqual({ reminded: 1, escalated: 0 });
    expect(plannedFor("approval.reminder").cards).toEqual(["USUP2"]);

    requireMayDecide(f.db, { requestId, tier: 1, userId: "USUP2", day });
    expect(decide(requestId, "USUP2").requestStatus).toBe("approved");
  });

  it("with nobody left to decide, no card goes out and the step escalates after the wait, as when nobody holds the role", () => {
    f.db.delete(roleAssignments).where(eq(roleAssignments.userId, "USUP2")).run();
    const requestId = countWaitingForApproval("USUP1", "UKEEPER");
    expect(barredFrom(f.db, { id: requestId, requestedBy: "UKEEPER" }).excluded).toEqual(new Set(["USUP1"]));
    expect(plannedFor("approval.step_opened").cards).toEqual([]);
    setTimers(f.db, f.clock, { remindAfterHours: 1, escalateAfterHours: 3 }, "UADMIN");
    const clock = f.clock as typeof f.clock & { advance(ms: number): void };
    clock.advance(2 * hour);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 1, escalated: 0 });
    expect(plannedFor("approval.reminder").cards).toEqual([]);
    clock.advance(2 * hour);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 0, escalated: 1 });
    expect(readApproval(f.db, requestId)?.steps[0]?.role).toBe("admin");
    expect(plannedFor("approval.escalated").cards).toEqual(["UADMIN"]);
    expect(decide(requestId, "UADMIN").requestStatus).toBe("approved");
  });
});
