import { beforeEach, describe, expect, it } from "vitest";
import { roleAssignments } from "../../db/schema.ts";
import { buildPurchasePlan, type PlanOptions, planPeriod } from "../../src/domain/purchasing/plan.ts";
import { createDraftsFromPlan } from "../../src/domain/purchasing/plan-drafts.ts";
import { type PlanItemFacts, suggestPurchase } from "../../src/domain/purchasing/plan-rule.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const window = { windowDays: 90, reviewDays: 7 };
const facts = (over: Partial<PlanItemFacts>): PlanItemFacts => ({
  itemId: 1,
  sku: "SKU-1",
  name: "Item",
  nameZh: null,
  baseUnit: "pcs",
  purchaseUnit: null,
  pack: 1,
  supplierId: 1,
  issued: 0,
  onHand: 0,
  reserved: 0,
  onOrder: 0,
  inDraft: 0,
  reorderPoint: null,
  reorderQty: null,
  maxLevel: null,
  safetyStock: null,
  leadTimeDays: null,
  leadTimeSource: "none",
  ...over,
});

describe("the purchase plan rule, by hand", () => {
  it("covers lead time plus review at the window's rate, plus safety stock, rounded up to the pack", () => {
    // 180 issued in 90 days = 2/day; lead 10 → 20; trigger 20 + safety 5 = 25; projected 30 − 5 = 25.
    // Cover (10 + 7) days = 34; 34 + 5 − 25 = 14; boxes of 12 → 24.
    const verdict = suggestPurchase(
      facts({ issued: 180, leadTimeDays: 10, safetyStock: 5, onHand: 30, reserved: 5, pack: 12 }),
      window,
    );
    expect(verdict).toMatchObject({
      kind: "suggest",
      leadDemand: 20,
      trigger: 25,
      triggerSource: "lead_demand",
      projected: 25,
      basis: "cover",
      coverDemand: 34,
      needed: 14,
      qty: 24,
      noHistory: false,
    });
  });

  it("raises to the supplier's MOQ and rounds to whole purchase units and supplier packs at once", () => {
    const base = { issued: 180, leadTimeDays: 10, safetyStock: 5, onHand: 30, reserved: 5 };
    // Needed 14 (as above); MOQ 60; boxes of 12 and packs of 10 → multiples of 60 → 60.
    expect(suggestPurchase(facts({ ...base, pack: 12, moq: 60, supplierPack: 10 }), window)).toMatchObject({
      needed: 14,
      moq: 60,
      raisedToMoq: true,
      step: 60,
      qty: 60,
    });
    // An MOQ already met changes nothing; supplier packs of 25 alone round 14 to 25.
    expect(suggestPurchase(facts({ ...base, moq: 10, supplierPack: 25 }), window)).toMatchObject({
      raisedToMoq: false,
      step: 25,
      qty: 25,
    });
    // No terms at all (other callers may build facts without them): the purchase unit only.
    expect(suggestPurchase(facts({ ...base, pack: 12 }), window)).toMatchObject({
      moq: 0,
      step: 12,
      qty: 24,
    });
  });

  it("suggests nothing when what is already on order lifts the projection above the trigger", () => {
    const verdict = suggestPurchase(
      facts({ issued: 180, leadTimeDays: 10, safetyStock: 5, onHand: 30, reserved: 5, onOrder: 1 }),
      window,
    );
    expect(verdict).toMatchObject({ kind: "none", why: "enough", projected: 26 });
    // Drafts count too, so a plan never asks twice for the same goods.
    expect(suggestPurchase(facts({ issued: 180, leadTimeDays: 10, inDraft: 21 }), window)).toMatchObject({
      kind: "none",
      why: "enough",
    });
  });

  it("fills up to the max level when there is one, from the reorder point", () => {
    // RP 20, projected 15 → 100 − 15 = 85 → packs of 10 → 90.
    const verdict = suggestPurchase(
      facts({ issued: 90, reorderPoint: 20, maxLevel: 100, onHand: 15, pack: 10 }),
      window,
    );
    expect(verdict).toMatchObject({ kind: "suggest", triggerSource: "reorder_point", needed: 85, qty: 90 });
  });

  it("with no sales in the window: uses the reorder qty when there is one, else says no suggestion", () => {
    // RP 10, projected 4: one reorder qty of 50 gets above it; 70 below it would take two.
    expect(suggestPurchase(facts({ reorderPoint: 10, reorderQty: 50, onHand: 4 }), window)).toMatchObject({
      kind: "suggest",
      basis: "reorder_qty",
      reorderTimes: 1,
      qty: 50,
      noHistory: true,
    });
    expect(suggestPurchase(facts({ reorderPoint: 70, reorderQty: 50, onHand: 4 }), window)).toMatchObject({
      qty: 100,
      reorderTimes: 2,
    });
    expect(suggestPurchase(facts({ reorderPoint: 10, onHand: 4 }), window)).toMatchObject({
      kind: "none",
      why: "no_history",
    });
    // Nothing sold, nothing set, none in stock: nothing to go on, and nothing is invented.
    expect(suggestPurchase(facts({}), window)).toMatchObject({ kind: "none", why: "not_planned" });
  });
});

describe("the purchase plan over the ledger", () => {
  let f: StockFixture;
  const day = 86_400_000;
  const options: PlanOptions = { windowDays: 90, reviewDays: 7, sameSeasonLastYear: false };
  const today = "2025-01-02";
  let acme: number;
  let bolt: number;

  const run = (sql: string, ...params: unknown[]) =>
    Number(f.db.$client.prepare(sql).run(...params).lastInsertRowid);
  const issue = (itemId: number, qty: number, at: number) =>
    run(
      "insert into stock_moves (item_id, location_id, qty, value, reason, batch_id, user_id, at) values (?, ?, ?, 0, 'issue', 'b', 'U', ?)",
      itemId,
      f.ids.binA,
      -qty,
      at,
    );

  beforeEach(() => {
    f = createStockFixture();
    f.db
      .insert(roleAssignments)
      .values({ userId: "UCLERK", role: "purchasing_clerk", grantedBy: "U", grantedAt: 0 })
      .run();
    acme = run(
      "insert into suppliers (code, name, lead_time_days, updated_at) values ('ACME', 'Acme', 10, 0)",
    );
    bolt = run(
      "insert into items (sku, name, base_unit, purchase_unit, purchase_unit_factor, safety_stock, default_supplier_id, updated_at) values ('BOLT', 'Bolt', 'pcs', 'box', 12, 5, ?, 0)",
      acme,
    );
    run(
      "insert into items (sku, name, base_unit, reorder_point, updated_at) values ('ODD', 'Odd', 'pcs', 3, 0)",
    );
    const now = f.clock.now();
    issue(bolt, 100, now - 10 * day);
    issue(bolt, 80, now - 89 * day);
    issue(bolt, 500, now - 91 * day); // outside the window
    run(
      "insert into stock_balances (item_id, location_id, lot_key, on_hand, reserved) values (?, ?, 0, 30, 5)",
      bolt,
      f.ids.binA,
    );
    run("insert into item_valuations (item_id, qty, value) values (?, 30, 7500)", bolt);
  });

  it("reads demand from issues in the window only, groups by default supplier, and lists items it cannot size", () => {
    const plan = buildPurchasePlan(f.db, f.clock.now(), options);
    expect(plan.suggested).toBe(1);
    expect(plan.groups).toHaveLength(1);
    const [line] = plan.groups[0]?.lines ?? [];
    expect(plan.groups[0]?.supplier?.code).toBe("ACME");
    // The lead time comes from the supplier (10 days); the numbers are those of the first rule test.
    expect(line).toMatchObject({
      qty: 24,
      leadTimeDays: 10,
      projected: 25,
      facts: { issued: 180, leadTimeSource: "supplier" },
    });
    expect(plan.noHistory.map((i) => i.sku)).toEqual(["ODD"]);
    expect(plan.period.to - plan.period.from).toBe(90 * day);
  });

  it("reads last year's season when asked", () => {
    const now = f.clock.now();
    expect(planPeriod(now, { ...options, sameSeasonLastYear: true })).toEqual({
      from: now - 365 * day,
      to: now - 275 * day,
    });
    // Nothing issued a year ago: the bolt has nothing to plan by then (no reorder point or qty).
    const plan = buildPurchasePlan(f.db, now, { ...options, sameSeasonLastYear: true });
    expect(plan.suggested).toBe(0);
    expect(plan.noHistory.map((i) => i.sku)).toEqual(["ODD"]);
  });

  it("creates a draft PO at the average cost for a supplier's lines; a second click finds nothing left", () => {
    const result = createDraftsFromPlan(f.db, f.clock, {
      supplierId: acme,
      options,
      userId: "UCLERK",
      today,
      currency: "CNY",
    });
    expect(result).toEqual({ numbers: ["PO-000001"], lines: 1, unpriced: [] });
    const po = readPurchaseOrder(f.db, "PO-000001");
    expect(po).toMatchObject({ status: "draft", expectedDay: "2025-01-12", createdBy: "UCLERK" });
    expect(po?.lines).toMatchObject([{ itemId: bolt, qty: 24, unitPrice: 250 }]);
    expectJxcError(
      () =>
        createDraftsFromPlan(f.db, f.clock, {
          supplierId: acme,
          options,
          userId: "UCLERK",
          today,
          currency: "CNY",
        }),
      "STALE_ACTION",
    );
    expectJxcError(
      () =>
        createDraftsFromPlan(f.db, f.clock, {
          supplierId: acme,
          options,
          userId: "UKEEPER",
          today,
          currency: "CNY",
        }),
      "NOT_ALLOWED",
    );
  });
});
