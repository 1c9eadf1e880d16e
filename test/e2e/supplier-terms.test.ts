import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { addDays, startOfMonth, todayIn } from "../../src/text/calendar.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const clerkZh = "U0CLERKZH";
const keeper = "U0KEEPER";
const desk = "C0DESK";
const clock = fixedClock(Date.now());
const today = todayIn("Asia/Shanghai", clock.now());

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("a supplier's items and prices, through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: desk });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const card = () => ({ channel: desk, ts: t.emulator.lastMessage(desk)?.ts ?? "" });
  const topView = (user: string) => {
    const view = t.emulator.openViews(user).at(-1);
    if (!view) throw new Error(`no modal open for ${user}`);
    return view;
  };
  const rows = (sql: string) => t.db.$client.prepare(sql).all();

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, clerkZh, keeper].map((id) => ({
        id,
        name: id,
        locale: id === clerkZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [clerkZh]: "purchasing_clerk",
      [keeper]: "warehouse_keeper",
    });
    const suppliers = [
      "code,name,name_zh,quality_notes",
      "ACME,Acme Fasteners,艾克米紧固件,Thread gauge every box",
    ];
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier,purchase_unit,purchase_factor",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,ACME,box,100",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,,,,ACME,,",
    ];
    await importViaSlack(t, admin, "suppliers", { name: "s.csv", bytes: Buffer.from(suppliers.join("\n")) });
    await importViaSlack(t, admin, "items", { name: "i.csv", bytes: Buffer.from(items.join("\n")) });
  });
  afterEach(() => t.stop());

  it("imports a price list in Slack, shows it on the card, and edits one item's terms in a modal", async () => {
    const file = [
      "supplier,sku,price,moq,pack_size,supplier_sku,lead_time_days",
      "ACME,BOLT-M6,0.30,10 box,100,AC-B6,5",
    ];
    const imported = await importViaSlack(t, admin, "supplier_items", {
      name: "prices.csv",
      bytes: Buffer.from(file.join("\n")),
    });
    expect(imported.dmText).toContain("Imported supplier items and prices from `prices.csv`");

    const shown = JSON.stringify((await say(clerk, "/supplier", "ACME")).blocks);
    expect(shown).toContain("Thread gauge every box");
    expect(shown).toContain("*Items & prices* · 1 item");
    expect(shown).toContain(
      "*BOLT-M6* Hex bolt M6 — CN¥0.30/pcs · MOQ 1,000 pcs · packs of 100 pcs · their code AC-B6 · lead time 5 days",
    );
    // A keeper reads the terms but gets no buttons to change them.
    const keeperCard = JSON.stringify((await say(keeper, "/supplier", "ACME")).blocks);
    expect(keeperCard).toContain("MOQ 1,000 pcs");
    expect(keeperCard).not.toContain("supplier_item_edit");
    const forged = await forgeButtonClick(t, {
      userId: keeper,
      channel: desk,
      actionId: "supplier_item_add",
      value: "1",
    });
    expect(String(forged.answers[0]?.text)).toContain("not allowed");

    // Add the nut: pick it, and the form fills with its (empty) terms.
    await say(clerk, "/supplier", "ACME");
    const cardMessage = card();
    await t.driver.clickButton(clerk, cardMessage, { label: "Add or change an item" });
    const form = topView(clerk);
    await t.driver.selectOption(
      clerk,
      { viewId: form.id },
      {
        actionId: "supplier_terms_item",
        optionValue: "2",
        optionLabel: "NUT-M6 · Hex nut M6",
      },
    );
    const refilled = topView(clerk);
    expect(JSON.stringify(refilled.view.blocks)).toContain("st_price_2");
    const bad = await t.driver.submitView(clerk, refilled.id, { st_price_2: "0.125", st_moq_2: "0" });
    expect(bad.json).toMatchObject({
      response_action: "errors",
      errors: { st_price_2: expect.stringContaining("more decimals than the currency") },
    });
    const zero = await t.driver.submitView(clerk, refilled.id, { st_price_2: "0.12", st_moq_2: "0" });
    expect(zero.json).toMatchObject({
      errors: { st_moq_2: expect.stringContaining("must be more than zero") },
    });
    const saved = await t.driver.submitView(clerk, refilled.id, {
      st_price_2: "0.12",
      st_moq_2: "500",
      st_packSize_2: "50",
    });
    expect(JSON.stringify(saved.json)).toContain("Saved the terms of *NUT-M6* for *ACME*");
    // The card the button was on now lists both items.
    const refreshed = JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body);
    expect(refreshed).toContain("*Items & prices* · 2 items");
    expect(refreshed).toContain("*NUT-M6* Hex nut M6 — CN¥0.12/pcs · MOQ 500 pcs · packs of 50 pcs");

    // Edit the bolt: the form comes filled; a new price from next month goes on the list beside today's.
    await say(clerk, "/supplier", "ACME");
    await t.driver.clickButton(clerk, card(), { actionId: "supplier_item_edit_0" });
    const edit = topView(clerk);
    expect(JSON.stringify(edit.view.blocks)).toContain('"initial_value":"0.30"');
    expect(JSON.stringify(edit.view.blocks)).toContain('"initial_value":"1000"');
    await t.driver.submitView(clerk, edit.id, {
      st_price_1: "0.32",
      st_validFrom_1: "next month",
      st_moq_1: "1000",
      st_packSize_1: "100",
      st_supplierSku_1: "AC-B6",
      st_leadTimeDays_1: "5",
    });
    expect(rows("select unit_price, valid_from from supplier_prices order by id")).toEqual([
      { unit_price: 30, valid_from: "" },
      { unit_price: 12, valid_from: today },
      { unit_price: 32, valid_from: startOfMonth(today, 1) },
    ]);
    expect(JSON.stringify((await say(clerk, "/supplier", "items ACME")).blocks)).toContain("CN¥0.32 from");

    // Take the nut off the list.
    await say(clerk, "/supplier", "ACME");
    await t.driver.clickButton(clerk, card(), { actionId: "supplier_item_edit_1" });
    const removal = topView(clerk);
    expect(
      JSON.stringify((await t.driver.submitView(clerk, removal.id, { st_remove: ["remove"] })).json),
    ).toContain("Took *NUT-M6* off *ACME*'s list");
    expect(rows("select count(*) as n from supplier_items")).toEqual([{ n: 1 }]);
  });

  it("uses the terms on POs: the list price when none is typed, and a refusal below the MOQ or between packs", async () => {
    const file = ["supplier,sku,price,moq,pack_size", "ACME,BOLT-M6,0.30,1000,100"];
    await importViaSlack(t, admin, "supplier_items", { name: "p.csv", bytes: Buffer.from(file.join("\n")) });
    const next = addDays(today, 10);
    const before = rows("select count(*) as n from purchase_orders");
    expect((await say(clerk, "/po", `ACME 300 BOLT-M6 by ${next}`)).text).toBe(
      "BOLT-M6: 300 pcs is below ACME's minimum order of 1,000 pcs; order at least 1,000 pcs, or change the supplier's terms (`/supplier ACME` → Items & prices).",
    );
    expect((await say(clerk, "/po", `ACME 1050 BOLT-M6 by ${next}`)).text).toContain(
      "is not a whole number of ACME's packs of 100 pcs; 1,100 pcs would be",
    );
    expect((await say(clerkZh, "/po", `ACME 300 BOLT-M6 到 ${next}`)).text).toContain(
      "低于 ACME 的最小起订量 1,000 pcs",
    );
    expect(rows("select count(*) as n from purchase_orders")).toEqual(before);

    // 12 boxes: no price typed, so the list price.
    expect((await say(clerk, "/po", `ACME 12 box BOLT-M6 by ${next}`)).text).toContain(
      "*PO-000001* (CN¥360.00)",
    );

    // The modal points at the row whose quantity breaks the terms.
    await say(clerk, "/po", "");
    const modal = topView(clerk);
    const refused = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME" },
      po_line2_item: { value: "1", label: "BOLT-M6" },
      po_line2_qty: "5 box",
      po_expected: next,
    });
    expect(refused.json).toMatchObject({
      response_action: "errors",
      errors: { po_line2_qty: expect.stringContaining("below ACME's minimum order of 1,000 pcs") },
    });
  });
});
