import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { issueStock, receiveStock } from "../../src/domain/stock/index.ts";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const manager = "U0MGR";
const keeper = "U0KEEPER";
const desk = "C0DESK";
const day = 86_400_000;

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("the purchase plan with supplier terms, chosen lines and its settings", () => {
  const clock = fixedClock(Date.now());
  let t: TestApp;
  const plan = async (user: string, text = "plan") => {
    const ack = await t.driver.command(user, "/po", text, { channelId: desk });
    expect((ack.json as Reply).text).toContain("Working on the purchase plan");
    const posted = t.emulator.responseUrlPosts(ack.responseUrl).at(-1)?.body;
    if (!posted) throw new Error("no plan after the ack");
    return posted as unknown as Reply;
  };
  const planMessage = () => ({
    channel: desk,
    ts: t.emulator.messages(desk).findLast((m) => (m.blocks?.length ?? 0) > 0)?.ts ?? "",
  });
  const lastAnswer = () => JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body);
  const topView = (user: string) => {
    const view = t.emulator.openViews(user).at(-1);
    if (!view) throw new Error(`no modal for ${user}`);
    return view;
  };

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, manager, keeper].map((id) => ({ id, name: id, locale: "en-US" })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [manager]: "purchasing_manager",
      [keeper]: "warehouse_keeper",
    });
    const suppliers = ["code,name,lead_time_days", "ACME,Acme Fasteners,10"].join("\n");
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier,safety_stock,purchase_unit,purchase_factor",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,ACME,5,box,12",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,10,50,,ACME,,,",
    ].join("\n");
    // The bolt comes in the supplier's packs of 10, at least 60; the nut is on the price list.
    const terms = [
      "supplier,sku,price,moq,pack_size,lead_time_days",
      "ACME,BOLT-M6,2.40,60,10,10",
      "ACME,NUT-M6,0.15,,,",
    ].join("\n");
    await importViaSlack(t, admin, "suppliers", { name: "s.csv", bytes: Buffer.from(suppliers) });
    await importViaSlack(t, admin, "items", { name: "i.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "supplier_items", { name: "t.csv", bytes: Buffer.from(terms) });
    const sqlite = t.db.$client;
    const warehouse = Number(
      sqlite.prepare("insert into warehouses (code, name, updated_at) values ('MAIN', 'Main', 0)").run()
        .lastInsertRowid,
    );
    const bin = Number(
      sqlite.prepare("insert into locations (warehouse_id, code) values (?, 'A-01')").run(warehouse)
        .lastInsertRowid,
    );
    const bolt = Number(sqlite.prepare("select id from items where sku = 'BOLT-M6'").pluck().get());
    const now = clock.now();
    t.db.transaction((tx) => {
      const ctx = (at: number) => ({ userId: keeper, at, batchId: randomUUID() });
      receiveStock(tx, ctx(now - 100 * day), { itemId: bolt, locationId: bin, qty: 205, unitCost: 250 });
      issueStock(tx, ctx(now - 89 * day), { itemId: bolt, locationId: bin, qty: 80 });
      issueStock(tx, ctx(now - 10 * day), { itemId: bolt, locationId: bin, qty: 100 });
    });
  });
  afterEach(() => t.stop());

  it("raises a suggestion to the supplier's MOQ and whole packs, and says so", async () => {
    const shown = JSON.stringify((await plan(clerk)).blocks);
    // 14 pcs needed (see purchase-plan.test.ts); at least 60, in multiples of both 12 and 10: 60.
    expect(shown).toContain("*60 pcs* BOLT-M6 Hex bolt M6");
    const bolt = t.db.$client.prepare("select id from items where sku = 'BOLT-M6'").pluck().get();
    await t.driver.clickButton(clerk, planMessage(), {
      value: JSON.stringify({ i: bolt, w: 90, r: 7, s: false }),
    });
    const why = lastAnswer();
    expect(why).toContain("Lead time: 10 days (the supplier's terms for this item)");
    expect(why).toContain("Raised to the supplier's minimum order of 60 pcs (14 pcs needed)");
    expect(why).toContain(
      "Rounded up to whole box of 12 pcs and whole supplier packs of 10 pcs (multiples of 60 pcs): *60 pcs*",
    );
  });

  it("drafts only the lines the clerk ticks, at the list price", async () => {
    await plan(clerk);
    await t.driver.clickButton(clerk, planMessage(), { label: "Choose lines…" });
    const modal = topView(clerk);
    const shown = JSON.stringify(modal.view.blocks);
    expect(shown).toContain("50 pcs · NUT-M6 Hex nut M6");
    expect(shown).toContain("60 pcs · BOLT-M6 Hex bolt M6");
    const none = await t.driver.submitView(clerk, modal.id, { plan_lines_0: [] });
    expect(none.json).toMatchObject({ errors: { plan_lines_0: "Tick at least one line." } });
    expect(t.db.$client.prepare("select count(*) from purchase_orders").pluck().get()).toBe(0);
    const nut = String(t.db.$client.prepare("select id from items where sku = 'NUT-M6'").pluck().get());
    const done = await t.driver.submitView(clerk, modal.id, { plan_lines_0: [nut] });
    expect(JSON.stringify(done.json)).toContain("Draft PO-000001 created (1 line)");
    expect(
      t.db.$client
        .prepare(
          "select i.sku, l.qty, l.unit_price from purchase_order_lines l join items i on i.id = l.item_id",
        )
        .all(),
    ).toEqual([{ sku: "NUT-M6", qty: 50, unit_price: 15 }]);
    // The bolt is still to buy; the nut is drafted.
    const after = JSON.stringify((await plan(clerk)).blocks);
    expect(after).toContain("1 items to buy from 1 suppliers");
    expect(after).toContain("BOLT-M6");
  });

  it("lets a purchasing manager change the plan settings; a clerk only reads them", async () => {
    const clerkAnswer = await t.driver.command(clerk, "/po", "plan settings", { channelId: desk });
    expect((clerkAnswer.json as Reply).text).toBe(
      "*Purchase plan settings:* demand window 90 days · review period 7 days (how long an order covers beyond the lead time).\nOnly a purchasing manager or an admin can change them.",
    );
    expect(t.emulator.openViews(clerk)).toEqual([]);

    await t.driver.command(manager, "/po", "plan settings", { channelId: desk });
    const form = topView(manager);
    const saved = await t.driver.submitView(manager, form.id, { plan_window: "30", plan_review: "14" });
    expect(JSON.stringify(saved.json)).toContain(
      "Plan settings saved: demand window 30 days, review period 14 days",
    );
    expect(
      t.db.$client
        .prepare("select entity_id, before, after from audit_log where action = 'setting.change' order by id")
        .all(),
    ).toEqual([
      { entity_id: "purchase_plan_window_days", before: "90", after: "30" },
      { entity_id: "purchase_plan_review_days", before: "7", after: "14" },
    ]);
    expect(JSON.stringify((await plan(clerk)).blocks)).toContain("Demand: issues of the last 30 days");

    // The same values again change nothing; a forged submission by the clerk is refused.
    await t.driver.command(manager, "/po", "plan settings", { channelId: desk });
    const again = topView(manager);
    expect(JSON.stringify((await t.driver.submitView(manager, again.id, {})).json)).toContain(
      "Nothing changed",
    );
    await t.driver.command(admin, "/po", "plan settings", { channelId: desk });
    const adminForm = topView(admin);
    await t.db.$client.prepare("delete from role_assignments where user_id = ?").run(admin);
    const refused = await t.driver.submitView(admin, adminForm.id, { plan_window: "60" });
    expect(JSON.stringify(refused.json)).toContain("You are not allowed to do that");
  });
});
