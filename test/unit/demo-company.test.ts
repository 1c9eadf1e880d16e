import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { findItemBySkuOrBarcode } from "../../src/domain/catalogue/items.ts";
import { listWarehouses } from "../../src/domain/catalogue/places.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { exportCsv } from "../../src/domain/import/export-csv.ts";
import { bootstrapAdmins, roles, rolesOf } from "../../src/domain/roles.ts";
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
