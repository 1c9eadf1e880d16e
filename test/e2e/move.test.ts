import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const salesperson = "U0SALES";

describe("/move", () => {
  let t: TestApp;
  const move = async (user: string, text: string) =>
    ((await t.driver.command(user, "/move", text)).json as { text: string }).text;
  const balances = () =>
    t.db.$client
      .prepare(
        "select l.code as bin, b.on_hand as qty from stock_balances b join locations l on l.id = b.location_id order by l.code",
      )
      .all();
  const value = () => t.db.$client.prepare("select qty, value from item_valuations").get();

  beforeEach(async () => {
    const users = [admin, keeper, salesperson].map((id) => ({
      id,
      name: id,
      locale: id === keeper ? "zh-CN" : "en-US",
    }));
    t = await startTestApp({ admins: [admin], users });
    await grantRoles(t, admin, { [keeper]: "warehouse_keeper", [salesperson]: "salesperson" });
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,",
    ].join("\n");
    const bins = "warehouse,bin\nMAIN,A-01\nMAIN,B-02\nEAST,C-01\n";
    await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "bins", { name: "bins.csv", bytes: Buffer.from(bins) });
    await importViaSlack(t, admin, "stock", {
      name: "stock.csv",
      bytes: Buffer.from("sku,warehouse,bin,qty,unit_cost\nBOLT-M6,MAIN,A-01,100,2.00\n"),
    });
  });
  afterEach(() => t.stop());

  it("moves within a warehouse and to another one, keeping the value", async () => {
    const before = value();
    expect(await move(keeper, "BOLT-M6 30 MAIN/A-01 到 B-02")).toBe(
      ":white_check_mark: 已将 BOLT-M6 30 pcs 从 MAIN/A-01 移到 MAIN/B-02。",
    );
    expect(await move(admin, "BOLT-M6 20 MAIN/A-01 to EAST/C-01")).toBe(
      ":white_check_mark: Moved 20 pcs BOLT-M6 from MAIN/A-01 to EAST/C-01.",
    );
    expect(balances()).toEqual([
      { bin: "A-01", qty: 50 },
      { bin: "B-02", qty: 30 },
      { bin: "C-01", qty: 20 },
    ]);
    expect(value()).toEqual(before);
  });

  it("answers bad input clearly and moves nothing", async () => {
    const cases: [string, string][] = [
      ["", "Usage: `/move"],
      ["BOLT-M6 30", "Usage: `/move"],
      ["NOPE 30 MAIN/A-01 B-02", "No item matches `NOPE`"],
      ["BOLT-M6 30 A-01 B-02", "`A-01` is not a place"],
      ["BOLT-M6 30 MAIN/A-01 Z-09", "No bin `Z-09` in warehouse MAIN."],
      ["BOLT-M6 30 WH9/A-01 B-02", "No warehouse `WH9`"],
      ["BOLT-M6 0 MAIN/A-01 B-02", "must be more than zero"],
      ["BOLT-M6 -5 MAIN/A-01 B-02", "cannot be negative"],
      ["BOLT-M6 2.5 MAIN/A-01 B-02", "whole numbers"],
      ["BOLT-M6 101 MAIN/A-01 B-02", "Not enough stock of BOLT-M6: 100 available, 101 needed."],
      ["BOLT-M6 5 MAIN/A-01 A-01", "not valid"],
    ];
    for (const [text, expected] of cases) expect(await move(admin, text)).toContain(expected);
    expect(await move(salesperson, "BOLT-M6 5 MAIN/A-01 B-02")).toContain("not allowed");
    expect(balances()).toEqual([{ bin: "A-01", qty: 100 }]);
  });
});
