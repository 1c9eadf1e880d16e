import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { outboxEvents, roleAssignments, stockAdjustments } from "../../db/schema.ts";
import { cancelAdjustment } from "../../src/domain/adjustments/cancel.ts";
import { requestAdjustment } from "../../src/domain/adjustments/request-adjustment.ts";
import {
  decideApproval,
  delegateApprovals,
  myOpenRequests,
  pendingApprovalsFor,
  readApproval,
  remindAndEscalate,
  setPolicy,
  setTimers,
} from "../../src/domain/approvals/index.ts";
import type { Role } from "../../src/domain/roles.ts";
import { setOpeningStock } from "../../src/domain/stock/index.ts";
import {
  createStockFixture,
  expectJxcError,
  type StockFixture,
  snapshotStock,
} from "./fixtures/stock-fixture.ts";

const day = "2025-01-02";
let f: StockFixture;

function grant(userId: string, role: Role): void {
  f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
}

function events(): string[] {
  return f.db
    .select({ type: outboxEvents.type })
    .from(outboxEvents)
    .all()
    .map((e) => e.type);
}

/** 100 pcs at 25.00 each in bin A: 2,500.00 of stock. */
function stockUp(): void {
  setOpeningStock(f.db, f.clock, {
    itemId: f.ids.avgItem,
    locationId: f.ids.binA,
    qty: 100,
    unitCost: 2500,
    userId: "UADMIN",
  });
}

function adjust(qtyDelta: number, userId = "UKEEPER") {
  return requestAdjustment(f.db, f.clock, {
    itemId: f.ids.avgItem,
    locationId: f.ids.binA,
    qtyDelta,
    reason: qtyDelta < 0 ? "damaged" : "found",
    userId,
  });
}

beforeEach(() => {
  f = createStockFixture();
  grant("UKEEPER", "warehouse_keeper");
  grant("USUP1", "warehouse_supervisor");
  grant("USUP2", "warehouse_supervisor");
  stockUp();
});

describe("stock adjustments under the default policy (≥ 1,000.00 needs the warehouse supervisor)", () => {
  it("posts a small adjustment at once, with no approval", () => {
    const result = adjust(-4);
    expect(result).toMatchObject({ number: "ADJ-000001", status: "posted", estimatedValue: -10_000 });
    expect(events()).toEqual(["adjustment.posted"]);
  });

  it("holds a large one for approval and moves nothing until approved", () => {
    const before = snapshotStock(f.db).balances;
    const result = adjust(-50);
    expect(result).toMatchObject({
      status: "pending",
      estimatedValue: -125_000,
      approverRoles: ["warehouse_supervisor"],
    });
    expect(snapshotStock(f.db).balances).toEqual(before);
    expect(events()).toEqual(["approval.requested", "approval.step_opened"]);
    expect(pendingApprovalsFor(f.db, "USUP1", day, 10).first.map((a) => a.docNumber)).toEqual(["ADJ-000001"]);
    expect(pendingApprovalsFor(f.db, "UKEEPER", day, 10).first).toEqual([]);

    const decided = decideApproval(f.db, f.clock, {
      requestId: 1,
      tier: 1,
      userId: "USUP1",
      verdict: "approve",
      day,
    });
    expect(decided).toEqual({ docNumber: "ADJ-000001", requestStatus: "approved", nextTier: null });
    const row = f.db.select().from(stockAdjustments).where(eq(stockAdjustments.id, result.id)).get();
    expect(row?.status).toBe("posted");
    expect(snapshotStock(f.db).balances[0]?.onHand).toBe(50);
    expect(events().slice(2)).toEqual(["approval.approved", "adjustment.posted"]);
  });

  it("a rejection stops it: nothing moves and the reason is kept", () => {
    adjust(-50);
    expectJxcError(
      () => decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "USUP1", verdict: "reject", day }),
      "INVALID_INPUT",
      { problem: "empty" },
    );
    decideApproval(f.db, f.clock, {
      requestId: 1,
      tier: 1,
      userId: "USUP1",
      verdict: "reject",
      reason: "recount first",
      day,
    });
    expect(readApproval(f.db, 1)).toMatchObject({
      status: "rejected",
      steps: [{ status: "rejected", reason: "recount first" }],
    });
    expect(f.db.select().from(stockAdjustments).get()?.status).toBe("rejected");
    expect(snapshotStock(f.db).balances[0]?.onHand).toBe(100);
  });

  it("the second of two approvers gets ALREADY_DECIDED naming the first, and nothing changes twice", () => {
    adjust(-50);
    decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "USUP2", verdict: "approve", day });
    const moves = snapshotStock(f.db).moves.length;
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, {
          requestId: 1,
          tier: 1,
          userId: "USUP1",
          verdict: "reject",
          reason: "no",
          day,
        }),
      "ALREADY_DECIDED",
      { by: "USUP2", verdict: "approved" },
    );
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "USUP2", verdict: "approve", day }),
      "ALREADY_DECIDED",
    );
    expect(snapshotStock(f.db).moves.length).toBe(moves);
  });

  it("nobody approves their own request, and a non-approver is refused", () => {
    grant("USUP1", "warehouse_keeper");
    requestAdjustment(f.db, f.clock, {
      itemId: f.ids.avgItem,
      locationId: f.ids.binA,
      qtyDelta: -50,
      reason: "lost",
      userId: "USUP1",
    });
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "USUP1", verdict: "approve", day }),
      "SELF_APPROVAL",
    );
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "UKEEPER", verdict: "approve", day }),
      "NOT_ALLOWED",
    );
    expect(pendingApprovalsFor(f.db, "USUP1", day, 10).first).toEqual([]);
    expect(pendingApprovalsFor(f.db, "USUP2", day, 10).first).toHaveLength(1);
  });

  it("a cancelled request leaves the card stale", () => {
    adjust(-50);
    cancelAdjustment(f.db, f.clock, { id: 1, userId: "UKEEPER" });
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "USUP1", verdict: "approve", day }),
      "STALE_ACTION",
    );
    expect(events().at(-1)).toBe("approval.cancelled");
  });

  it("refuses to take more than is on hand, before anything is written", () => {
    expectJxcError(() => adjust(-101), "INSUFFICIENT_STOCK", { available: 100, requested: 101 });
    expect(f.db.select().from(stockAdjustments).all()).toEqual([]);
    expect(events()).toEqual([]);
  });
});

describe("tiers, delegation, reminders and escalation", () => {
  beforeEach(() => {
    grant("UFIN", "finance_supervisor");
    grant("UADMIN", "admin");
    setPolicy(f.db, f.clock, {
      docType: "stock_adjustment",
      tiers: [
        { minAmount: 50_000, role: "warehouse_supervisor" },
        { minAmount: 100_000, role: "finance_supervisor" },
      ],
      actor: "UADMIN",
    });
  });

  it("runs tiers in order: the second opens only after the first approves", () => {
    adjust(-50);
    expect(pendingApprovalsFor(f.db, "UFIN", day, 10).first).toEqual([]);
    const first = decideApproval(f.db, f.clock, {
      requestId: 1,
      tier: 1,
      userId: "USUP1",
      verdict: "approve",
      day,
    });
    expect(first).toMatchObject({ requestStatus: "pending", nextTier: 2 });
    expect(snapshotStock(f.db).balances[0]?.onHand).toBe(100);
    expect(pendingApprovalsFor(f.db, "UFIN", day, 10).first).toHaveLength(1);
    decideApproval(f.db, f.clock, { requestId: 1, tier: 2, userId: "UFIN", verdict: "approve", day });
    expect(snapshotStock(f.db).balances[0]?.onHand).toBe(50);
  });

  it("needs only the tiers the amount reaches", () => {
    adjust(-30); // 750.00
    expect(readApproval(f.db, 1)?.steps.map((s) => s.role)).toEqual(["warehouse_supervisor"]);
  });

  it("refuses tiers whose thresholds do not rise", () => {
    expectJxcError(
      () =>
        setPolicy(f.db, f.clock, {
          docType: "stock_adjustment",
          tiers: [
            { minAmount: 100, role: "warehouse_supervisor" },
            { minAmount: 100, role: "finance_supervisor" },
          ],
          actor: "UADMIN",
        }),
      "POLICY_ORDER",
      { tier: 2 },
    );
  });

  it("counts every request waiting, and reads only the first few, oldest first", () => {
    for (let n = 0; n < 3; n++) adjust(-50);
    const waiting = pendingApprovalsFor(f.db, "USUP1", day, 2);
    expect(waiting.total).toBe(3);
    expect(waiting.first.map((a) => a.docNumber)).toEqual(["ADJ-000001", "ADJ-000002"]);
    const mine = myOpenRequests(f.db, "UKEEPER", 1);
    expect(mine.total).toBe(3);
    expect(mine.first.map((a) => a.docNumber)).toEqual(["ADJ-000001"]);
    expect(pendingApprovalsFor(f.db, "UKEEPER", day, 2)).toEqual({ total: 0, first: [] });
  });

  it("a delegate decides for the approver inside the dates only", () => {
    adjust(-30);
    delegateApprovals(f.db, f.clock, {
      approver: "USUP1",
      delegate: "UDEP",
      fromDay: "2025-01-02",
      toDay: "2025-01-03",
      today: day,
    });
    expect(pendingApprovalsFor(f.db, "UDEP", "2025-01-04", 10).first).toEqual([]);
    expectJxcError(
      () =>
        decideApproval(f.db, f.clock, {
          requestId: 1,
          tier: 1,
          userId: "UDEP",
          verdict: "approve",
          day: "2025-01-04",
        }),
      "NOT_ALLOWED",
    );
    expect(pendingApprovalsFor(f.db, "UDEP", day, 10).first).toHaveLength(1);
    decideApproval(f.db, f.clock, { requestId: 1, tier: 1, userId: "UDEP", verdict: "approve", day });
    expect(readApproval(f.db, 1)?.steps[0]).toMatchObject({ decidedBy: "UDEP", onBehalfOf: "USUP1" });
  });

  it("reminds once after the wait, then escalates once to the next role up", () => {
    setTimers(f.db, f.clock, { remindAfterHours: 2, escalateAfterHours: 5 }, "UADMIN");
    adjust(-30);
    const hour = 3_600_000;
    const clock = f.clock as typeof f.clock & { advance(ms: number): void };
    clock.advance(hour);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 0, escalated: 0 });
    clock.advance(2 * hour);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 1, escalated: 0 });
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 0, escalated: 0 });
    clock.advance(3 * hour);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 0, escalated: 1 });
    expect(readApproval(f.db, 1)?.steps[0]?.role).toBe("admin");
    expect(pendingApprovalsFor(f.db, "UADMIN", day, 10).first).toHaveLength(1);
    expect(remindAndEscalate(f.db, clock)).toEqual({ reminded: 0, escalated: 0 });
    expect(events().filter((e) => e === "approval.reminder" || e === "approval.escalated")).toEqual([
      "approval.reminder",
      "approval.escalated",
    ]);
  });
});
