import { beforeAll, describe, expect, it } from "vitest";
import { roleAssignments, suppliers } from "../../db/schema.ts";
import { decideApproval, readApproval } from "../../src/domain/approvals/index.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { createPurchaseOrder, movePurchaseOrder } from "../../src/domain/purchasing/purchase-orders.ts";
import { dayStartIn, lastDays, scoreSupplier } from "../../src/domain/purchasing/scorecard.ts";
import { saveSupplierTerms } from "../../src/domain/purchasing/supplier-terms.ts";
import { receiveGoods } from "../../src/domain/receiving/receive-goods.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const timeZone = "Asia/Shanghai";
const clock = fixedClock(0);
/** An instant on the company's wall clock (UTC+8). */
const at = (day: string, time = "10:00") => Date.parse(`${day}T${time}:00+08:00`);
let f: StockFixture;
let acme: number;

function placePo(day: string, expectedDay: string, lines: [number, number, number][]): number {
  clock.set(at(day));
  const created = createPurchaseOrder(f.db, clock, {
    supplierId: acme,
    lines: lines.map(([itemId, qty, unitPrice]) => ({ itemId, qty, unitPrice })),
    expectedDay,
    currency: "CNY",
    userId: "UCLERK",
    today: day,
    submit: true,
    timeZone,
  });
  const request = f.db.$client
    .prepare("select id from approval_requests where doc_type = 'purchase_order' and doc_id = ?")
    .pluck()
    .get(created.id) as number;
  decideApproval(f.db, clock, { requestId: request, tier: 1, userId: "UMGR", verdict: "approve", day });
  movePurchaseOrder(f.db, clock, { id: created.id, action: "send", userId: "UCLERK", today: day });
  return created.id;
}

function receiveAt(when: number, poId: number, lines: [number, number, number][]): void {
  clock.set(when);
  receiveGoods(f.db, clock, {
    purchaseOrderId: poId,
    userId: "UKEEPER",
    lines: lines.map(([lineNo, received, accepted]) => ({
      lineNo,
      received,
      accepted,
      rejected: received - accepted,
      ...(received > accepted ? { rejectReason: "damaged" as const } : {}),
      locationId: f.ids.binA,
    })),
  });
}

beforeAll(() => {
  f = createStockFixture();
  acme = f.db.insert(suppliers).values({ code: "ACME", name: "Acme", updatedAt: 0 }).returning().get().id;
  for (const [userId, role] of [
    ["UCLERK", "purchasing_clerk"],
    ["UMGR", "purchasing_manager"],
    ["UKEEPER", "warehouse_keeper"],
  ] as const) {
    f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
  }
  const { avgItem: avg, fifoItem: fifo } = f.ids;
  saveSupplierTerms(f.db, clock, {
    supplierId: acme,
    itemId: avg,
    price: { unitPrice: 250, validFrom: "" },
    userId: "UCLERK",
  });
  // Early and complete: on time, compliant.
  const early = placePo("2025-01-02", "2025-01-05", [[avg, 10, 250]]);
  receiveAt(at("2025-01-04"), early, [[1, 10, 10]]);
  // On time, but 5 of the 20 rejected and replaced only after the expected day: short, not compliant.
  const rejects = placePo("2025-01-02", "2025-01-10", [
    [avg, 100, 250],
    [fifo, 20, 1000],
  ]);
  receiveAt(at("2025-01-09"), rejects, [
    [1, 100, 100],
    [2, 20, 15],
  ]);
  receiveAt(at("2025-01-12"), rejects, [[2, 5, 5]]);
  // 10% above the list price, delivered at 23:30 on its day: on time, but not at contract price.
  const dear = placePo("2025-01-03", "2025-01-15", [[avg, 100, 275]]);
  receiveAt(at("2025-01-15", "23:30"), dear, [[1, 100, 100]]);
  // Half an hour into the next day (16:30 UTC on the expected day itself): late.
  const late = placePo("2025-01-03", "2025-01-20", [[avg, 50, 250]]);
  receiveAt(at("2025-01-21", "00:30"), late, [[1, 50, 50]]);
  // Due and never delivered: open. Priced against the previous price paid for it.
  placePo("2025-01-04", "2025-01-25", [[fifo, 10, 1000]]);
  // Not due yet: it does not count for delivery, only for price.
  placePo("2025-01-04", "2025-02-10", [[avg, 20, 250]]);
  // Cancelled: never counts.
  const cancelled = placePo("2025-01-04", "2025-01-20", [[avg, 999, 999]]);
  movePurchaseOrder(f.db, clock, { id: cancelled, action: "cancel", userId: "UMGR", today: "2025-01-04" });
});

describe("the supplier scorecard", () => {
  const january = { from: "2025-01-01", to: "2025-01-31" };
  const score = (period = january) => scoreSupplier(f.db, acme, period, { today: "2025-01-31", timeZone });

  it("counts on-time PO lines by the end of the expected day in the company time zone", () => {
    expect(score().onTime).toEqual({ due: 6, onTime: 4, late: 1, open: 1 });
  });

  it("takes quality from the period's receipts: accepted over received", () => {
    expect(score().quality).toEqual({
      receipts: 5,
      lines: 6,
      received: 285,
      accepted: 280,
      rejected: 5,
      rejectedLines: 1,
    });
  });

  it("measures prices against the list price, else the previous price, with the amount", () => {
    // Reference: 250 × (10 + 100 + 100 + 50 + 20) + 1000 × 10 = 80,000; paid 25 × 100 more.
    expect(score().price).toEqual({
      lines: 7,
      vsList: 5,
      vsPrevious: 1,
      noReference: 1,
      above: 1,
      below: 0,
      reference: 80_000,
      variance: 2_500,
    });
  });

  it("calls a PO compliant when complete by its day and not above the list price", () => {
    expect(score().compliance).toEqual({ due: 5, compliant: 1, lateOrShort: 3, aboveList: 1 });
  });

  it("has nothing to say about a period without POs or receipts", () => {
    const empty = score({ from: "2024-06-01", to: "2024-06-30" });
    expect(empty.onTime.due + empty.quality.receipts + empty.price.lines + empty.compliance.due).toBe(0);
  });

  it("refuses a period that ends before it starts or spans more than ten years", () => {
    expectJxcError(() => score({ from: "2025-02-01", to: "2025-01-01" }), "INVALID_INPUT", {
      problem: "ends_before_start",
    });
    expectJxcError(() => score({ from: "2000-01-01", to: "2025-01-01" }), "INVALID_INPUT", {
      problem: "too_large",
    });
  });

  it("freezes the last 90 days on the approval card of the next PO", () => {
    const next = placePo("2025-01-31", "2025-02-20", [[f.ids.avgItem, 10, 250]]);
    const request = f.db.$client
      .prepare("select id from approval_requests where doc_type = 'purchase_order' and doc_id = ?")
      .pluck()
      .get(next) as number;
    expect(readApproval(f.db, request)?.summary.scorecard).toEqual({
      days: 90,
      onTime: [4, 6],
      quality: [280, 285],
      price: [2_500, 80_000],
      compliance: [1, 5],
    });
    expect(lastDays("2025-01-31")).toEqual({ from: "2024-11-03", to: "2025-01-31" });
  });

  it("finds the start of a company day across time zones and daylight saving", () => {
    expect(dayStartIn("Asia/Shanghai", "2025-01-21")).toBe(Date.UTC(2025, 0, 20, 16));
    expect(dayStartIn("Europe/Berlin", "2025-03-30")).toBe(Date.UTC(2025, 2, 29, 23));
    expect(dayStartIn("Europe/Berlin", "2025-03-31")).toBe(Date.UTC(2025, 2, 30, 22));
  });
});
