import { beforeEach, describe, expect, it } from "vitest";
import { roleAssignments } from "../../db/schema.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { draftPurchaseOrderForLowStock, snoozeLowStock } from "../../src/domain/low-stock/actions.ts";
import { checkLowStock } from "../../src/domain/low-stock/check.ts";
import { listLowStock } from "../../src/domain/low-stock/list.ts";
import { setLowStockDigest } from "../../src/domain/low-stock/settings.ts";
import { movePurchaseOrder } from "../../src/domain/purchasing/purchase-orders.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import {
  adjustStock,
  receiveStock,
  reserveStock,
  setOpeningStock,
  transferStock,
} from "../../src/domain/stock/index.ts";
import { startBatch } from "../../src/domain/stock/ledger.ts";
import { createLogger } from "../../src/log.ts";
import { lowStockDigest } from "../../src/notify/jobs/low-stock-digest.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const day = 86_400_000;
const keeper = "UKEEPER";
const clerk = "UCLERK";
const manager = "UMANAGER";
const admin = "UADMIN";

describe("low-stock alerts", () => {
  let f: StockFixture & { clock: ReturnType<typeof fixedClock> };
  let item: number;
  const run = (sql: string, ...params: unknown[]) => f.db.$client.prepare(sql).run(...params);
  const events = () =>
    f.db.$client
      .prepare(
        "select type, doc_id as itemId, json_extract(payload, '$.episode') as episode, json_extract(payload, '$.change') as change, json_extract(payload, '$.reminder') as reminder from outbox_events where type like 'low_stock.%' order by id",
      )
      .all() as {
      type: string;
      itemId: number;
      episode: number;
      change: string | null;
      reminder: number | null;
    }[];
  const alerts = () => events().filter((e) => e.type === "low_stock.alert");
  const state = () =>
    f.db.$client
      .prepare("select below, episode, alerted_at as alertedAt from low_stock_states where item_id = ?")
      .get(item);
  const receive = (qty: number) =>
    f.db.transaction((tx) => {
      receiveStock(tx, startBatch(f.clock, keeper), {
        itemId: item,
        locationId: f.ids.binA,
        qty,
        unitCost: 100,
      });
    });
  const take = (qty: number) =>
    adjustStock(f.db, f.clock, {
      itemId: item,
      locationId: f.ids.binA,
      qtyDelta: -qty,
      reason: "damaged",
      userId: keeper,
    });
  const check = () => checkLowStock(f.db, f.clock);

  beforeEach(() => {
    const fixture = createStockFixture();
    f = { ...fixture, clock: fixedClock(fixture.clock.now()) };
    item = f.ids.avgItem;
    for (const [userId, role] of [
      [keeper, "warehouse_keeper"],
      [clerk, "purchasing_clerk"],
      [manager, "purchasing_manager"],
      [admin, "admin"],
    ] as const) {
      f.db.insert(roleAssignments).values({ userId, role, grantedBy: "U", grantedAt: 0 }).run();
    }
    const acme = Number(
      run("insert into suppliers (code, name, lead_time_days, updated_at) values ('ACME', 'Acme', 5, 0)")
        .lastInsertRowid,
    );
    run(
      "update items set reorder_point = 20, reorder_qty = 50, default_supplier_id = ? where id = ?",
      acme,
      item,
    );
    receive(100);
    check();
  });

  it("alerts once when projected stock drops to the reorder point, not again while it stays low", () => {
    expect(alerts()).toEqual([]);
    take(79); // 21 left: still above 20
    expect(check()).toMatchObject({ alerted: 0 });
    take(1); // 20: at the point is low, as /stock flags it and the plan buys
    expect(check()).toMatchObject({ alerted: 1 });
    expect(alerts()).toEqual([
      { type: "low_stock.alert", itemId: item, episode: 1, change: null, reminder: null },
    ]);
    take(5);
    take(5);
    check();
    expect(alerts()).toHaveLength(1);
    expect(state()).toMatchObject({ below: 1, episode: 1 });
  });

  it("re-arms once replenished above the point, rewriting the alert, and alerts again on the next drop", () => {
    take(85);
    check();
    receive(5); // 20: still at the point
    check();
    expect(events().filter((e) => e.type === "low_stock.changed")).toEqual([]);
    receive(1); // 21: above
    expect(check()).toMatchObject({ cleared: 1 });
    expect(events().at(-1)).toMatchObject({ type: "low_stock.changed", episode: 1, change: "replenished" });
    take(6);
    check();
    expect(alerts().map((a) => a.episode)).toEqual([1, 2]);
  });

  it("counts what is on order, and alerts when a PO that kept stock up is cancelled", () => {
    const supplier = Number(
      f.db.$client.prepare("select default_supplier_id from items where id = ?").pluck().get(item),
    );
    const po = Number(
      run(
        "insert into purchase_orders (number, supplier_id, status, currency, expected_day, payment_terms_days, created_by, created_at, updated_at) values ('PO-000009', ?, 'approved', 'CNY', '2025-02-01', 30, ?, 0, 0)",
        supplier,
        clerk,
      ).lastInsertRowid,
    );
    run(
      "insert into purchase_order_lines (purchase_order_id, line_no, item_id, qty, unit_price) values (?, 1, ?, 50, 100)",
      po,
      item,
    );
    take(90); // 10 on hand + 50 on order = 60
    check();
    expect(alerts()).toEqual([]);
    movePurchaseOrder(f.db, f.clock, { id: po, action: "cancel", userId: manager, today: "2025-01-02" });
    check();
    expect(alerts()).toHaveLength(1);
  });

  it("counts reservations: holding stock for an order can bring it low", () => {
    reserveStock(f.db, f.clock, { itemId: item, locationId: f.ids.binA, qty: 85, userId: keeper });
    check();
    expect(alerts()).toHaveLength(1);
  });

  it("is company-wide: a transfer between warehouses changes nothing", () => {
    take(70); // 30
    transferStock(f.db, f.clock, {
      itemId: item,
      fromLocationId: f.ids.binA,
      toLocationId: f.ids.binC,
      qty: 30,
      userId: keeper,
    });
    expect(check()).toMatchObject({ checked: 1, alerted: 0 });
  });

  it("never alerts for configuration alone (opening stock, a new reorder point), but the next move does", () => {
    const other = f.ids.fifoItem;
    run("update items set reorder_point = 50 where id = ?", other);
    setOpeningStock(f.db, f.clock, {
      itemId: other,
      locationId: f.ids.binB,
      qty: 10,
      unitCost: 100,
      userId: admin,
    });
    run("update items set reorder_point = 500 where id = ?", item);
    expect(check()).toMatchObject({ alerted: 0 });
    expect(listLowStock(f.db, f.clock.now(), 10).total).toBe(2);
    take(1);
    check();
    expect(alerts().map((a) => a.itemId)).toEqual([item]);
  });

  it("snoozes an item: silent until then, a reminder if it is still low, a second click changes nothing", () => {
    take(85);
    check();
    const ref = { itemId: item, episode: 1 };
    expect(snoozeLowStock(f.db, f.clock, { ...ref, days: 1, userId: keeper })).toMatchObject({
      kind: "snoozed",
    });
    expect(snoozeLowStock(f.db, f.clock, { ...ref, days: 1, userId: clerk })).toMatchObject({
      kind: "already",
      by: keeper,
    });
    expect(events().filter((e) => e.type === "low_stock.changed")).toHaveLength(1);
    expectJxcError(
      () => snoozeLowStock(f.db, f.clock, { ...ref, days: 1, userId: "UNOBODY" }),
      "NOT_ALLOWED",
    );
    f.clock.advance(12 * 3_600_000);
    check();
    expect(alerts()).toHaveLength(1);
    f.clock.advance(13 * 3_600_000);
    check();
    expect(alerts().at(-1)).toMatchObject({ episode: 1, reminder: 1 });
    expect(alerts()).toHaveLength(2);
    check();
    expect(alerts()).toHaveLength(2);
  });

  it("keeps a snooze across replenishment: a new drop inside it stays silent, then alerts when it ends", () => {
    take(85);
    check();
    snoozeLowStock(f.db, f.clock, { itemId: item, episode: 1, days: 7, userId: keeper });
    receive(50);
    check();
    take(50);
    check();
    expect(alerts()).toHaveLength(1);
    f.clock.advance(7 * day);
    check();
    expect(alerts().at(-1)).toMatchObject({ episode: 2, reminder: null });
  });

  it("with the digest on, sends no single alerts; the morning job lists what is low", () => {
    expectJxcError(() => setLowStockDigest(f.db, f.clock, { on: true, actor: keeper }), "NOT_ALLOWED");
    expect(setLowStockDigest(f.db, f.clock, { on: true, actor: admin })).toBe(true);
    expect(setLowStockDigest(f.db, f.clock, { on: true, actor: admin })).toBe(false);
    take(85);
    check();
    expect(alerts()).toEqual([]);
    expect(state()).toMatchObject({ below: 1, episode: 1, alertedAt: null });
    const job = {
      db: f.db,
      clock: f.clock,
      logger: createLogger({ level: "silent" }),
      company: { currency: "CNY", timeZone: "UTC" },
    };
    lowStockDigest.run({ ...job, period: "p1", scheduledAt: f.clock.now() });
    const digest = f.db.$client
      .prepare("select payload from outbox_events where type = 'low_stock.digest'")
      .pluck()
      .all() as string[];
    expect(digest).toHaveLength(1);
    expect(JSON.parse(digest[0] ?? "{}")).toMatchObject({
      total: 1,
      snoozed: 0,
      lines: [{ sku: "SKU-AVG", projected: 15, reorderPoint: 20, supplierCode: "ACME" }],
    });
    // Off again: the item is still in this episode and untold, so its next move alerts.
    setLowStockDigest(f.db, f.clock, { on: false, actor: admin });
    lowStockDigest.run({ ...job, period: "p2", scheduledAt: f.clock.now() });
    expect(
      f.db.$client
        .prepare("select count(*) from outbox_events where type = 'low_stock.digest'")
        .pluck()
        .get(),
    ).toBe(1);
    take(1);
    check();
    expect(alerts()).toHaveLength(1);
  });

  it("works through a large batch of checks a thousand items at a time", () => {
    const insert = f.db.$client.prepare(
      "insert into items (sku, name, base_unit, reorder_point, updated_at) values (?, ?, 'pcs', 10, 0)",
    );
    f.db.$client.transaction(() => {
      for (let n = 0; n < 2_500; n++) insert.run(`BULK-${n}`, `Bulk ${n}`);
    })();
    run("insert into low_stock_checks (item_id, may_alert) select id, 1 from items where sku like 'BULK-%'");
    expect(check()).toMatchObject({ checked: 1_000, alerted: 1_000, more: true });
    expect(check()).toMatchObject({ checked: 1_000, more: true });
    expect(check()).toMatchObject({ checked: 500, more: false });
    expect(alerts()).toHaveLength(2_500);
    expect(check()).toMatchObject({ checked: 0, more: false });
  });

  it("drafts a PO with the plan's quantity; a second click finds it; other roles are refused", () => {
    take(85); // 15 on hand ≤ 20: one reorder qty of 50 gets above the point
    check();
    const input = { itemId: item, episode: 1, today: "2025-01-02", currency: "CNY" };
    expectJxcError(
      () => draftPurchaseOrderForLowStock(f.db, f.clock, { ...input, userId: keeper }),
      "NOT_ALLOWED",
    );
    const drafted = draftPurchaseOrderForLowStock(f.db, f.clock, { ...input, userId: clerk });
    expect(drafted).toEqual({ kind: "drafted", number: "PO-000001", qty: 50, supplierCode: "ACME" });
    const po = readPurchaseOrder(f.db, "PO-000001");
    expect(po).toMatchObject({ status: "draft", createdBy: clerk, expectedDay: "2025-01-07" });
    expect(po?.lines).toMatchObject([{ itemId: item, qty: 50, unitPrice: 100 }]);
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, { ...input, userId: manager })).toEqual({
      kind: "already",
      number: "PO-000001",
      by: clerk,
    });
    expect(f.db.$client.prepare("select count(*) from purchase_orders").pluck().get()).toBe(1);
    expect(events().filter((e) => e.change === "drafted")).toHaveLength(1);
  });

  it("says why it cannot draft: no supplier, no price, already on a draft, stale or replenished", () => {
    take(85);
    check();
    const input = { itemId: item, episode: 1, today: "2025-01-02", currency: "CNY", userId: clerk };
    run("update items set default_supplier_id = null where id = ?", item);
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, input)).toEqual({ kind: "no_supplier" });
    run(
      "update items set default_supplier_id = (select id from suppliers where code = 'ACME') where id = ?",
      item,
    );
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, { ...input, episode: 7 })).toEqual({ kind: "stale" });
    // Written by hand with /po plan first: the plan counts the draft, so the alert adds nothing.
    run(
      "insert into purchase_orders (number, supplier_id, status, currency, expected_day, payment_terms_days, created_by, created_at, updated_at) values ('PO-000005', (select id from suppliers where code = 'ACME'), 'draft', 'CNY', '2025-02-01', 30, ?, 0, 0)",
      clerk,
    );
    run(
      "insert into purchase_order_lines (purchase_order_id, line_no, item_id, qty, unit_price) values (1, 1, ?, 50, 100)",
      item,
    );
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, input)).toEqual({
      kind: "on_drafts",
      numbers: ["PO-000005"],
    });
    run("delete from purchase_order_lines");
    run("delete from purchase_orders");
    // Every unit gone and no receipt price: nothing to price a draft by.
    run("update item_valuations set value = 0 where item_id = ?", item);
    run("update stock_moves set value = 0 where item_id = ?", item);
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, input)).toEqual({
      kind: "no_price",
      supplierCode: "ACME",
    });
    receive(100);
    check();
    expect(draftPurchaseOrderForLowStock(f.db, f.clock, input)).toEqual({ kind: "replenished" });
  });
});

describe("the low-stock digest message", () => {
  it("shows 30 lines in sections of ten, says how many more, and stays within Slack's limits", async () => {
    const { renderLowStockList } = await import("../../commands/low-stock/render.ts");
    const line = (n: number) => ({
      itemId: n,
      sku: `SKU-${n}`,
      name: `Item ${n}`,
      nameZh: `商品 ${n}`,
      baseUnit: "pcs",
      supplierCode: n % 2 ? "ACME" : null,
      projected: n,
      reorderPoint: 100,
      reserved: 0,
      onHand: n,
      onOrder: 0,
      archived: false,
    });
    const list = { total: 45, snoozed: 2, lines: Array.from({ length: 30 }, (_, i) => line(i + 1)) };
    const en = renderLowStockList(list, "en", "digest");
    expect(en.text).toBe(
      ":warning: Low stock this morning: 45 items at or below their reorder point (2 snoozed, not listed)",
    );
    expect(en.blocks).toHaveLength(6);
    const shown = JSON.stringify(en.blocks);
    expect(shown).toContain("• *SKU-1* Item 1 · projected 1 pcs, reorder point 100 pcs · ACME");
    expect(shown).toContain("…and 15 more");
    const zh = JSON.stringify(renderLowStockList(list, "zh-CN", "digest").blocks);
    expect(zh).toContain("• *SKU-2* 商品 2 · 预计 2 pcs，再订货点 100 pcs");
    expect(zh).toContain("……另有 15 个");
  });
});
