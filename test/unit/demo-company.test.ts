import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { findItemBySkuOrBarcode } from "../../src/domain/catalogue/items.ts";
import { listWarehouses } from "../../src/domain/catalogue/places.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { exportCsv } from "../../src/domain/import/export-csv.ts";
import { buildPurchasePlan, readPlanOptions } from "../../src/domain/purchasing/plan.ts";
import { lastDays, scoreSupplier } from "../../src/domain/purchasing/scorecard.ts";
import { bootstrapAdmins, roles, rolesOf } from "../../src/domain/roles.ts";
import { checkBalances } from "../../src/domain/stock/check.ts";
import { getItemStock } from "../../src/domain/stock/item-stock.ts";
import { demoUsers } from "../../src/sandbox/demo/demo-people.ts";
import { loadDemoCompany } from "../../src/sandbox/demo/load-demo.ts";
import { resetDemoDatabase } from "../../src/sandbox/demo/reset-demo.ts";

const clock = fixedClock(Date.UTC(2026, 0, 5, 1));
const rowsOf = (csv: string) => csv.trim().split(/\r?\n/).length - 1;

describe("the demo company", () => {
  const db = openDatabase(":memory:");
  const loaded = loadDemoCompany(db, clock, { currency: "CNY" });

  it("loads once, into an empty database only", () => {
    expect(loaded).toBe(true);
    expect(loadDemoCompany(db, clock, { currency: "CNY" })).toBe(false);
  });

  it("has about 60 items, 4 suppliers, 6 customers and two warehouses", () => {
    expect(rowsOf(exportCsv(db, "items"))).toBeGreaterThanOrEqual(60);
    expect(rowsOf(exportCsv(db, "suppliers"))).toBe(4);
    expect(rowsOf(exportCsv(db, "customers"))).toBe(6);
    expect(listWarehouses(db).map((w) => w.code)).toEqual(["EAST", "MAIN"]);
  });

  it("counts screws in boxes of 100 and keeps bilingual names and barcodes", () => {
    const screw = findItemBySkuOrBarcode(db, "SCR-M4-16");
    expect(screw).toMatchObject({ name: "Machine screw M4×16", nameZh: "十字机螺丝 M4×16", baseUnit: "pcs" });
    expect(screw).toMatchObject({ purchaseUnit: "box", purchaseUnitFactor: 100 });
  });

  it("has a few items at or below their reorder point, so low stock shows", () => {
    const low = ["SCR-M5-20", "NUT-M8", "BLT-M12-60", "SF-HLM-W"].map((sku) => {
      const item = findItemBySkuOrBarcode(db, sku);
      if (!item) throw new Error(`${sku} missing`);
      return getItemStock(db, item.id).available <= (item.reorderPoint ?? 0);
    });
    expect(low).toEqual([true, true, true, true]);
  });

  it("gives each of the nine roles to one person, half of them in Chinese", () => {
    expect(demoUsers.map((user) => user.role).sort()).toEqual([...roles].sort());
    for (const user of demoUsers) expect([...rolesOf(db, user.id)]).toEqual([user.role]);
    expect(demoUsers.filter((user) => user.locale === "zh-CN")).toHaveLength(4);
  });
});

describe("the demo company's history", () => {
  const db = openDatabase(":memory:");
  const started = performance.now();
  loadDemoCompany(db, clock, { currency: "CNY" });
  const loadMs = performance.now() - started;
  const today = "2026-01-05";
  const sqlite = db.$client;

  it("has half a year of stock issued, and the stock it holds now is the table's", () => {
    const span = sqlite
      .prepare(
        "select count(*) as n, min(at) as first, max(at) as last from stock_moves where reason = 'issue'",
      )
      .get() as { n: number; first: number; last: number };
    expect(span.n).toBeGreaterThan(2000);
    expect((clock.now() - span.first) / 86_400_000).toBeGreaterThan(170);
    expect(span.last).toBeLessThan(clock.now());
    // The history ends where the demo table starts: 600 screws in MAIN/A-01, and the ledger agrees.
    const screw = findItemBySkuOrBarcode(db, "SCR-M5-20");
    expect(getItemStock(db, screw?.id ?? 0).onHand).toBe(600);
    expect(checkBalances(db)).toEqual({ balanceDifferences: [], valuationDifferences: [] });
    // It stays quick: the demo loads in every sandbox test.
    expect(loadMs).toBeLessThan(5000);
  });

  it("has past POs through approval and receiving: closed, received, one still out and late", () => {
    const pos = sqlite
      .prepare("select status, count(*) as n from purchase_orders group by status order by status")
      .all();
    expect(pos).toEqual([
      { status: "closed", n: 3 },
      { status: "received", n: 3 },
      { status: "sent", n: 1 },
    ]);
    expect(sqlite.prepare("select sum(rejected) from goods_receipt_lines").pluck().get()).toBe(10);
    // Its notices count as sent long ago: the sandbox starts without a backlog.
    expect(
      sqlite.prepare("select count(*) from outbox_events where dispatched_at is null").pluck().get(),
    ).toBe(0);
  });

  it("gives the plan demand to size orders by, rounded to the suppliers' MOQ and packs", () => {
    const plan = buildPurchasePlan(db, clock.now(), readPlanOptions(db));
    const lines = plan.groups.flatMap((g) => g.lines);
    const screw = lines.find((line) => line.facts.sku === "SCR-M5-20");
    expect(screw).toMatchObject({ basis: "cover", moq: 1000, step: 100, noHistory: false });
    expect(screw?.qty).toBeGreaterThan(1000);
    expect((screw?.qty ?? 0) % 100).toBe(0);
    expect(plan.noHistory).toEqual([]);
    expect(lines.every((line) => line.facts.issued > 0 && line.qty % line.step === 0)).toBe(true);
  });

  it("gives each supplier a scorecard to read: late HXF deliveries, ABS's rejected helmets", () => {
    const idOf = (code: string) =>
      Number(sqlite.prepare("select id from suppliers where code = ?").pluck().get(code));
    const score = (code: string) =>
      scoreSupplier(db, idOf(code), lastDays(today), { today, timeZone: "Asia/Shanghai" });
    expect(score("HXF").onTime).toMatchObject({ late: 2, open: 1 });
    expect(score("HXF").price.above).toBe(1);
    expect(score("ABS").quality).toMatchObject({ received: 1260, accepted: 1250, rejected: 10 });
    expect(score("YLT").compliance).toEqual({ due: 1, compliant: 1, lateOrShort: 0, aboveList: 0 });
  });
});

describe("npm run demo:reset", () => {
  it("replaces a sandbox database with a fresh demo company", () => {
    const path = join(mkdtempSync(join(tmpdir(), "jxc-reset-")), "sandbox.sqlite");
    expect(resetDemoDatabase(path, { currency: "CNY", admins: [], clock })).toEqual({ ok: true });
    expect(resetDemoDatabase(path, { currency: "CNY", admins: [], clock })).toEqual({ ok: true });
    const db = openDatabase(path);
    expect(findItemBySkuOrBarcode(db, "SCR-M3-10")).toBeDefined();
    db.$client.close();
  });

  it("refuses to delete a database where people outside the demo hold roles", () => {
    const path = join(mkdtempSync(join(tmpdir(), "jxc-reset-")), "company.sqlite");
    const db = openDatabase(path);
    loadDemoCompany(db, clock, { currency: "CNY" });
    bootstrapAdmins(db, clock, ["U0REALBOSS"]);
    db.$client.close();
    const outcome = resetDemoDatabase(path, { currency: "CNY", admins: [], clock });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining("U0REALBOSS") });
    expect(resetDemoDatabase(path, { currency: "CNY", admins: ["U0REALBOSS"], clock }).ok).toBe(true);
  });
});
