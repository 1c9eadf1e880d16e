import { beforeEach, describe, expect, it } from "vitest";
import {
  auditLog,
  purchaseOrders,
  roleAssignments,
  supplierItems,
  supplierPrices,
  suppliers,
} from "../../db/schema.ts";
import { decideApproval } from "../../src/domain/approvals/index.ts";
import { checkOrderTerms, orderStep, roundUpTo } from "../../src/domain/purchasing/order-terms.ts";
import { readPlanOptions } from "../../src/domain/purchasing/plan.ts";
import { setPlanOptions } from "../../src/domain/purchasing/plan-settings.ts";
import { createPurchaseOrder, type PurchaseOrderInput } from "../../src/domain/purchasing/purchase-orders.ts";
import { startingUnitPrice } from "../../src/domain/purchasing/starting-price.ts";
import {
  removeSupplierTerms,
  type SupplierTermsInput,
  saveSupplierTerms,
  upsertSupplierTerms,
} from "../../src/domain/purchasing/supplier-terms.ts";
import {
  listPriceOn,
  listSupplierItems,
  readSupplierTerms,
} from "../../src/domain/purchasing/supplier-terms-reads.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const today = "2025-01-02";
let f: StockFixture;
let acme: number;

function terms(overrides: Partial<SupplierTermsInput> = {}) {
  return saveSupplierTerms(f.db, f.clock, {
    supplierId: acme,
    itemId: f.ids.avgItem,
    supplierSku: "AC-100",
    moq: 1000,
    packSize: 100,
    leadTimeDays: 5,
    price: { unitPrice: 3, validFrom: "" },
    userId: "UCLERK",
    ...overrides,
  });
}

function po(overrides: Partial<PurchaseOrderInput> = {}) {
  return createPurchaseOrder(f.db, f.clock, {
    supplierId: acme,
    lines: [{ itemId: f.ids.avgItem, qty: 1000, unitPrice: 3 }],
    expectedDay: "2025-01-10",
    currency: "CNY",
    userId: "UCLERK",
    today,
    submit: true,
    ...overrides,
  });
}

beforeEach(() => {
  f = createStockFixture();
  acme = f.db.insert(suppliers).values({ code: "ACME", name: "Acme Ltd", updatedAt: 0 }).returning().get().id;
  for (const [userId, role] of [
    ["UCLERK", "purchasing_clerk"],
    ["UMGR", "purchasing_manager"],
  ] as const) {
    f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
  }
});

describe("a supplier's terms per item", () => {
  it("saves MOQ, pack size, lead time and a price once; saving the same again changes nothing", () => {
    expect(terms()).toEqual({ created: true, changed: true });
    expect(terms()).toEqual({ created: false, changed: false });
    expect(readSupplierTerms(f.db, acme, f.ids.avgItem, today)).toEqual({
      supplierSku: "AC-100",
      moq: 1000,
      packSize: 100,
      leadTimeDays: 5,
      price: { unitPrice: 3, validFrom: "" },
      nextPrice: null,
    });
    const audit = f.db.select().from(auditLog).all();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([["supplier_item.create", "ACME/SKU-AVG"]]);
    expect(terms({ moq: 500 })).toEqual({ created: false, changed: true });
    expect(f.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "supplier_item.update",
      before: { moq: 1000 },
      after: { moq: 500 },
    });
  });

  it("keeps one price per valid-from day and reads the one in effect on a day, and the next", () => {
    terms();
    terms({ price: { unitPrice: 4, validFrom: "2025-03-01" } });
    terms({ price: { unitPrice: 5, validFrom: "2025-06-01" } });
    expect(listPriceOn(f.db, acme, f.ids.avgItem, "2025-02-28")).toBe(3);
    expect(listPriceOn(f.db, acme, f.ids.avgItem, "2025-03-01")).toBe(4);
    expect(listPriceOn(f.db, acme, f.ids.avgItem, "2026-01-01")).toBe(5);
    expect(readSupplierTerms(f.db, acme, f.ids.avgItem, "2025-04-01")).toMatchObject({
      price: { unitPrice: 4, validFrom: "2025-03-01" },
      nextPrice: { unitPrice: 5, validFrom: "2025-06-01" },
    });
    // The same day again replaces that day's price.
    terms({ price: { unitPrice: 6, validFrom: "2025-03-01" } });
    expect(listPriceOn(f.db, acme, f.ids.avgItem, "2025-03-01")).toBe(6);
    expect(f.db.select().from(supplierPrices).all()).toHaveLength(3);
    const page = listSupplierItems(f.db, acme, "2025-04-01", { limit: 10 });
    expect(page.total).toBe(1);
    expect(page.lines[0]).toMatchObject({
      sku: "SKU-AVG",
      price: { unitPrice: 6 },
      nextPrice: { unitPrice: 5 },
    });
  });

  const refusals: [string, Partial<SupplierTermsInput>, string, string][] = [
    ["a zero MOQ", { moq: 0 }, "INVALID_QUANTITY", "moq"],
    ["a negative pack size", { packSize: -12 }, "INVALID_QUANTITY", "packSize"],
    ["an absurd MOQ", { moq: 5e9 }, "INVALID_QUANTITY", "moq"],
    ["a zero price", { price: { unitPrice: 0, validFrom: "" } }, "INVALID_MONEY", "price"],
    ["a negative price", { price: { unitPrice: -1, validFrom: "" } }, "INVALID_MONEY", "price"],
    [
      "a day that does not exist",
      { price: { unitPrice: 3, validFrom: "2025-02-30" } },
      "INVALID_INPUT",
      "validFrom",
    ],
    ["a negative lead time", { leadTimeDays: -1 }, "INVALID_INPUT", "leadTimeDays"],
    ["an unknown item", { itemId: 999 }, "UNKNOWN_ITEM", "item"],
    ["an unknown supplier", { supplierId: 999 }, "UNKNOWN_SUPPLIER", "supplier"],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`refuses ${what} beside its field and writes nothing`, () => {
      const error = expectJxcError(() => terms(overrides), code as "INVALID_INPUT");
      expect(error.field).toBe(field);
      expect(f.db.select().from(supplierItems).all()).toEqual([]);
      expect(f.db.select().from(supplierPrices).all()).toEqual([]);
      expect(f.db.select().from(auditLog).all()).toEqual([]);
    });
  }

  it("upserts inside an import's transaction the same way", () => {
    const ctx = { userId: "UADMIN", at: 0 };
    const input = { supplierId: acme, itemId: f.ids.fifoItem, packSize: 12 };
    expect(upsertSupplierTerms(f.db, input, ctx)).toEqual({ created: true, changed: true });
    expect(upsertSupplierTerms(f.db, input, ctx)).toEqual({ created: false, changed: false });
  });

  it("takes an item off the list with its prices", () => {
    terms();
    expect(
      removeSupplierTerms(f.db, f.clock, { supplierId: acme, itemId: f.ids.avgItem, userId: "UMGR" }),
    ).toEqual({
      changed: true,
    });
    expect(readSupplierTerms(f.db, acme, f.ids.avgItem, today)).toBeUndefined();
    expect(f.db.select().from(supplierPrices).all()).toEqual([]);
    expect(
      removeSupplierTerms(f.db, f.clock, { supplierId: acme, itemId: f.ids.avgItem, userId: "UMGR" }),
    ).toEqual({
      changed: false,
    });
  });
});

describe("order quantities against MOQ and pack size", () => {
  it("finds the nearest quantity that fits both", () => {
    expect(checkOrderTerms(1000, { moq: 1000, packSize: 100 })).toBeUndefined();
    expect(checkOrderTerms(999, { moq: 1000, packSize: 100 })).toEqual({
      rule: "moq",
      limit: 1000,
      suggestion: 1000,
    });
    expect(checkOrderTerms(1050, { moq: 1000, packSize: 100 })).toEqual({
      rule: "pack",
      limit: 100,
      suggestion: 1100,
    });
    expect(checkOrderTerms(30, { moq: 25, packSize: 12 })).toEqual({
      rule: "pack",
      limit: 12,
      suggestion: 36,
    });
    expect(checkOrderTerms(7, { moq: null, packSize: null })).toBeUndefined();
    expect(checkOrderTerms(7, undefined)).toBeUndefined();
    expect(roundUpTo(101, 100)).toBe(200);
    // Whole boxes of 12 and whole supplier packs of 10 at once: 60.
    expect(orderStep(12, 10)).toBe(60);
    expect(orderStep(100, 500)).toBe(500);
    expect(orderStep(1, null)).toBe(1);
  });

  it("refuses a PO line below the MOQ or not in whole packs, naming the fix, and writes nothing", () => {
    terms();
    const below = expectJxcError(
      () => po({ lines: [{ itemId: f.ids.avgItem, qty: 300, unitPrice: 3 }] }),
      "ORDER_TERMS",
      { rule: "moq", qty: "300 pcs", limit: "1,000 pcs", suggestion: "1,000 pcs", supplier: "ACME" },
    );
    expect(below.field).toBe("line1_qty");
    const odd = expectJxcError(
      () =>
        po({
          lines: [
            { itemId: f.ids.fifoItem, qty: 7, unitPrice: 3 },
            { itemId: f.ids.avgItem, qty: 1050, unitPrice: 3 },
          ],
        }),
      "ORDER_TERMS",
      { rule: "pack", suggestion: "1,100 pcs" },
    );
    expect(odd.field).toBe("line2_qty");
    expect(f.db.select().from(purchaseOrders).all()).toEqual([]);
    expect(po().status).toBe("pending_approval");
  });
});

describe("the price a PO line starts from", () => {
  it("is the supplier's list price, else the last price paid", () => {
    expect(startingUnitPrice(f.db, acme, f.ids.avgItem, today)).toBeUndefined();
    const first = po({ lines: [{ itemId: f.ids.avgItem, qty: 10, unitPrice: 250 }] });
    decideApproval(f.db, f.clock, {
      requestId: first.id,
      tier: 1,
      userId: "UMGR",
      verdict: "approve",
      day: today,
    });
    expect(startingUnitPrice(f.db, acme, f.ids.avgItem, today)).toEqual({ unitPrice: 250, source: "last" });
    terms({ moq: null, packSize: null, price: { unitPrice: 240, validFrom: "" } });
    expect(startingUnitPrice(f.db, acme, f.ids.avgItem, today)).toEqual({ unitPrice: 240, source: "list" });
  });
});

describe("the plan settings", () => {
  it("saves what changed with an audit row each, and refuses days out of range beside their field", () => {
    const set = (windowDays: number, reviewDays: number, sameSeasonLastYear = false) =>
      setPlanOptions(f.db, f.clock, { windowDays, reviewDays, sameSeasonLastYear, actor: "UMGR" });
    expect(set(90, 7)).toEqual({ changed: false });
    expect(set(60, 7, true)).toEqual({ changed: true });
    expect(readPlanOptions(f.db)).toEqual({ windowDays: 60, reviewDays: 7, sameSeasonLastYear: true });
    expect(
      f.db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.entityId),
    ).toEqual(["purchase_plan_window_days", "purchase_plan_same_season"]);
    expect(expectJxcError(() => set(0, 7), "INVALID_INPUT", { problem: "zero" }).field).toBe("windowDays");
    expect(expectJxcError(() => set(731, 7), "INVALID_INPUT", { problem: "too_large" }).field).toBe(
      "windowDays",
    );
    expect(expectJxcError(() => set(30, 400), "INVALID_INPUT").field).toBe("reviewDays");
    expect(readPlanOptions(f.db).windowDays).toBe(60);
  });
});
