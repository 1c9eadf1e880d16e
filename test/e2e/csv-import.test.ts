import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const header =
  "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier";
const good = "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.05,100,1000,5,";
const file = (...rows: string[]) => ({ name: "items.csv", bytes: Buffer.from([header, ...rows].join("\n")) });
const itemCount = (t: TestApp) =>
  (t.db.$client.prepare("select count(*) as n from items").get() as { n: number }).n;

describe("CSV import through Slack", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin],
      users: [
        { id: admin, name: "boss", locale: "en-US" },
        { id: keeper, name: "wang", locale: "zh-CN" },
      ],
    });
  });
  afterEach(() => t.stop());

  it("imports nothing when one row is bad, and lists every bad row by number", async () => {
    const { dmText, modalText } = await importViaSlack(
      t,
      admin,
      "items",
      file(good, "BAD-1,Broken,,pcs,,x,abc,,,,", "NUT-M6,Duplicate,,pcs,,x,1,,,,"),
    );
    expect(dmText).toContain("Nothing was imported");
    expect(dmText).toMatch(/Row 3, sale_price: `abc` is not a valid amount/);
    expect(dmText).toMatch(/Row 4.*NUT-M6.*already exists/);
    expect(modalText).toContain("Nothing was imported");
    expect(itemCount(t)).toBe(0);
  });

  it("imports the good rows when told to skip the bad ones", async () => {
    const { dmText } = await importViaSlack(t, admin, "items", file(good, "BAD-1,Broken,,pcs,,x,abc,,,,"), {
      skipBad: true,
    });
    expect(dmText).toContain("1 created");
    expect(dmText).toContain("1 skipped");
    expect(itemCount(t)).toBe(1);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importViaSlack(t, admin, "items", file(good));
    const audit = t.db.$client.prepare("select count(*) as n from audit_log").get();
    const again = await importViaSlack(t, admin, "items", file(good));
    expect(again.dmText).toContain("0 created · 0 updated · 1 unchanged");
    expect(t.db.$client.prepare("select count(*) as n from audit_log").get()).toEqual(audit);
  });

  it("reports in the admin's language", async () => {
    await grantRoles(t, admin, { [keeper]: "admin" });
    const { dmText } = await importViaSlack(t, keeper, "items", file(good));
    expect(dmText).toContain("已从 `items.csv` 导入商品");
  });

  it("explains the usage for an unknown kind", async () => {
    const reply = await t.driver.command(admin, "/jxc", "import widgets");
    expect((reply.json as { text: string }).text).toContain("Usage: `/jxc import items`");
    expect(t.emulator.openViews(admin)).toEqual([]);
  });

  it("refuses a submission from someone who lost the admin role after opening the modal", async () => {
    await grantRoles(t, admin, { [keeper]: "admin" });
    await t.driver.command(keeper, "/jxc", "import items");
    const modal = t.emulator.openViews(keeper).at(-1);
    if (!modal) throw new Error("no modal");
    await t.driver.command(admin, "/jxc", `role <@${keeper}|wang> remove admin`);
    const uploaded = t.emulator.userUploadsFile(keeper, "items.csv", file(good).bytes);
    const response = await t.driver.submitView(keeper, modal.id, { import_file: String(uploaded.id) });
    expect(JSON.stringify(response.json)).toContain("您没有权限");
    expect(itemCount(t)).toBe(0);
  });
});
