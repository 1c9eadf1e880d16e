import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { addDays, endOfMonth, todayIn } from "../../src/text/calendar.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const manager = "U0MGR";
const managerZh = "U0MGRZH";
const keeper = "U0KEEPER";
const desk = "C0DESK";
const purchasingChannel = "C0PUR";
// Signed requests carry the real time, so the app's clock stands still near it; days follow from it.
const clock = fixedClock(Date.now());
const today = todayIn("Asia/Shanghai", clock.now());
const later = addDays(today, 20);

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("purchase orders, through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: desk });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const count = (table: string) =>
    (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const poRow = (number: string) =>
    t.db.$client.prepare("select * from purchase_orders where number = ?").get(number) as
      | {
          id: number;
          status: string;
          expected_day: string;
          payment_terms_days: number;
          quality_standard: string;
        }
      | undefined;

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, manager, managerZh, keeper].map((id) => ({
        id,
        name: id,
        locale: id === managerZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [manager]: "purchasing_manager",
      [managerZh]: "purchasing_manager",
      [keeper]: "warehouse_keeper",
    });
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,,,,",
    ].join("\n");
    const suppliers = [
      "code,name,name_zh,contact,phone,email,payment_terms_days,lead_time_days",
      "ACME,Acme Fasteners,艾克米紧固件,Li Lei,021-5555,li@acme.example,45,7",
      "BETA,Beta Tools,,,,,30,",
    ].join("\n");
    await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "suppliers", { name: "suppliers.csv", bytes: Buffer.from(suppliers) });
    await say(admin, "/jxc", `channel purchasing <#${purchasingChannel}|purchasing>`);
  });
  afterEach(() => t.stop());

  it("a clerk writes a PO in one line; the manager approves it from the DM card; the thread tells it; /stock shows it on order", async () => {
    const reply = await say(clerk, "/po", "ACME 100 BOLT-M6 @ 2.50, 20 NUT-M6 @ 10 by next friday");
    expect(reply.text).toBe(
      ":hourglass: *PO-000001* (CN¥450.00) is submitted and needs approval by Purchasing manager. You will be told in a DM and in its thread.",
    );
    expect(poRow("PO-000001")).toMatchObject({ status: "pending_approval", payment_terms_days: 45 });
    // The same day typed in Chinese.
    await say(clerk, "/po", "ACME 1 BOLT-M6 @ 2.50 到 下周五");
    expect(poRow("PO-000002")?.expected_day).toBe(poRow("PO-000001")?.expected_day);
    expect((await say(clerk, "/stock", "BOLT-M6")).blocks).toBeDefined();

    await t.notifier.drain();
    const card = t.emulator.messages(`D${manager}`).find((m) => m.text === "Approval needed · PO-000001");
    if (!card) throw new Error("no approval card for the manager");
    const cardText = JSON.stringify(card.blocks);
    expect(cardText).toContain("ACME · Acme Fasteners");
    expect(cardText).toContain("*100 pcs* BOLT-M6 Hex bolt M6 @ CN¥2.50 = CN¥250.00");
    expect(cardText).toContain("first purchase: no last price");
    expect(cardText).toContain("no monthly budget set");
    const zhCard = t.emulator.messages(`D${managerZh}`).find((m) => m.text === "待审批 · PO-000001");
    expect(JSON.stringify(zhCard?.blocks)).toContain("艾克米紧固件");
    expect(t.emulator.messages(`D${clerk}`)).toEqual([]);

    const parent = t.emulator.messages(purchasingChannel)[0];
    expect(parent?.text).toBe("Purchase order PO-000001 · Acme Fasteners · :hourglass: waiting for approval");

    await t.driver.clickButton(manager, { channel: card.channel, ts: card.ts }, { label: "Approve" });
    await t.notifier.drain();
    expect(poRow("PO-000001")?.status).toBe("approved");
    expect(t.emulator.messages(`D${manager}`).find((m) => m.ts === card.ts)?.text).toBe(
      "Approved · PO-000001",
    );
    expect(t.emulator.messages(`D${clerk}`).map((m) => m.text)).toContain(
      `:white_check_mark: *PO-000001* was approved by <@${manager}>.`,
    );
    const thread = t.emulator.messages(purchasingChannel).filter((m) => m.threadTs === parent?.ts);
    // The first event (po.created) opened the thread with the PO card itself.
    expect(thread.map((m) => m.text)).toEqual([
      `<@${clerk}> asked for approval of *PO-000001* by Purchasing manager.`,
      `:white_check_mark: *PO-000001* was approved by <@${manager}>.`,
    ]);
    expect(t.emulator.messages(purchasingChannel).find((m) => m.ts === parent?.ts)?.text).toBe(
      "Purchase order PO-000001 · Acme Fasteners · :white_check_mark: approved",
    );

    const stock = JSON.stringify((await say(clerk, "/stock", "BOLT-M6")).blocks);
    expect(stock).toContain("*On order*\\n100");

    // The clerk sends it to the supplier from /po PO-000001; the thread says so.
    const shown = await say(clerk, "/po", "PO-000001");
    const labels = JSON.stringify(shown.blocks);
    expect(labels).toContain("Send to supplier");
    expect(labels).not.toContain("Hold");
    await t.driver.clickButton(
      clerk,
      { channel: desk, ts: t.emulator.lastMessage(desk)?.ts ?? "" },
      { label: "Send to supplier" },
    );
    expect(poRow("PO-000001")?.status).toBe("sent");
    expect(JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body)).toContain(
      "*PO-000001* is now :outbox_tray: sent to supplier.",
    );
    await t.notifier.drain();
    const story = t.emulator.messages(purchasingChannel).filter((m) => m.threadTs === parent?.ts);
    expect(story.at(-1)?.text).toBe(`*PO-000001* · :outbox_tray: Sent to the supplier by <@${clerk}>.`);

    // A stale Send button (the PO was already sent) changes nothing and says why.
    const stale = await forgeButtonClick(t, {
      userId: clerk,
      channel: desk,
      actionId: "po_send",
      value: "1",
    });
    expect(String(stale.answers[0]?.text)).toBe(
      "PO-000001 is sent to the supplier now, so it cannot be sent; nothing was changed.",
    );
    // A clerk may not put it on hold, whatever the button says.
    const hold = await forgeButtonClick(t, { userId: clerk, channel: desk, actionId: "po_hold", value: "1" });
    expect(String(hold.answers[0]?.text)).toContain("not allowed");
    expect(poRow("PO-000001")?.status).toBe("sent");
  });

  it("a clerk writes a PO in the modal; a blank price takes the last price; the approver sees the price check and the budget", async () => {
    await say(clerk, "/po", `ACME 100 BOLT-M6 @ 2.50 by ${later}`);
    await t.notifier.drain();
    const first = t.emulator.messages(`D${manager}`).at(-1);
    if (!first) throw new Error("no card");
    await t.driver.clickButton(manager, { channel: first.channel, ts: first.ts }, { label: "Approve" });
    await say(admin, "/jxc", "budget 1000");

    const opened = await say(clerk, "/po", "");
    const modal = t.emulator.openViews(clerk).at(-1);
    if (!modal)
      throw new Error(
        `no PO modal: ${opened.text} ${JSON.stringify(t.logs.filter((l) => Number(l.level) >= 40))}`,
      );
    const picked = await t.driver.suggest(clerk, modal.id, "supplier_picker", "acm");
    expect(JSON.stringify(picked.json)).toContain("ACME · Acme Fasteners");
    const done = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME · Acme Fasteners" },
      po_line1_item: { value: "1", label: "BOLT-M6 · Hex bolt M6" },
      po_line1_qty: "200",
      po_line3_item: { value: "2", label: "NUT-M6 · Hex nut M6" },
      po_line3_qty: "50",
      po_line3_price: "0.30",
      po_expected: "月底",
      po_quality: "GB/T 5782, inspected on arrival",
      po_delivery: "DDP our warehouse",
    });
    expect(done.json).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(done.json)).toContain("*PO-000002* (CN¥515.00) is submitted");
    expect(poRow("PO-000002")).toMatchObject({
      status: "pending_approval",
      expected_day: endOfMonth(today),
      quality_standard: "GB/T 5782, inspected on arrival",
    });

    await t.notifier.drain();
    const card = JSON.stringify(t.emulator.messages(`D${manager}`).at(-1)?.blocks);
    expect(card).toContain("last price CN¥2.50, unchanged");
    expect(card).toContain("first purchase: no last price");
    expect(card).toContain("with this PO CN¥765.00 of the CN¥1,000.00 budget (77%)");
    expect(card).toContain("GB/T 5782");

    // A dearer price is flagged past the 10% alert.
    await say(clerk, "/po", `ACME 400 BOLT-M6 @ 3 by ${later}`);
    await t.notifier.drain();
    const flagged = JSON.stringify(t.emulator.messages(`D${manager}`).at(-1)?.blocks);
    expect(flagged).toContain("last price CN¥2.50 (*+20.0%*, above the 10% alert)");
    expect(flagged).toContain("with this PO CN¥1,450.00, *over* the CN¥1,000.00 budget (145%)");
  });

  it("refuses bad input beside the field or in a clear reply, writing nothing", async () => {
    const before = count("purchase_orders");
    const cases: [string, string][] = [
      ["NOPE 1 BOLT-M6 @ 1 by next friday", "No supplier matches `NOPE`"],
      ["ACME 1 GHOST @ 1 by next friday", "No item matches `GHOST`"],
      ["ACME 0 BOLT-M6 @ 1 by next friday", "must be more than zero"],
      ["ACME -5 BOLT-M6 @ 1 by next friday", "cannot be negative"],
      ["ACME 99999999999 BOLT-M6 @ 1 by next friday", "far too large"],
      ["ACME 1 BOLT-M6 @ 2.555 by next friday", "more decimals than the currency"],
      ["ACME 1 BOLT-M6 @ 1 by 2020-01-01", "already passed"],
      ["ACME 1 BOLT-M6 @ 1", "Say when it should arrive"],
      ["ACME 1 BOLT-M6 by next friday", "is not on this supplier's price list and has never been bought"],
      ["ACME by next friday", "Usage: `/po`"],
    ];
    for (const [text, expected] of cases) {
      expect((await say(clerk, "/po", text)).text).toContain(expected);
    }
    expect((await say(managerZh, "/po", "NOPE 1 BOLT-M6 @ 1 到 下周五")).text).toContain("没有供应商匹配");
    expect(count("purchase_orders")).toBe(before);

    await say(clerk, "/po", "");
    const modal = t.emulator.openViews(clerk).at(-1);
    if (!modal) throw new Error("no PO modal");
    const empty = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME" },
      po_expected: "next friday",
    });
    expect(empty.json).toMatchObject({
      response_action: "errors",
      errors: { po_line1_item: "Add at least one line." },
    });
    const bad = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME" },
      po_line2_item: { value: "1", label: "BOLT-M6" },
      po_line2_qty: "-3",
      po_line2_price: "1",
      po_expected: "next friday",
    });
    expect(bad.json).toMatchObject({
      response_action: "errors",
      errors: { po_line2_qty: expect.stringContaining("cannot be negative") },
    });
    const incomplete = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME" },
      po_line1_item: { value: "1", label: "BOLT-M6" },
      po_expected: "yesterday",
    });
    expect(incomplete.json).toMatchObject({
      errors: { po_line1_qty: expect.stringContaining("Pick an item") },
    });
    const past = await t.driver.submitView(clerk, modal.id, {
      po_supplier: { value: "1", label: "ACME" },
      po_line1_item: { value: "1", label: "BOLT-M6" },
      po_line1_qty: "3",
      po_line1_price: "1",
      po_expected: "2026-11-01",
    });
    expect(past.json).toMatchObject({ errors: { po_expected: expect.stringContaining("already passed") } });
    expect(count("purchase_orders")).toBe(before);
    expect((await say(clerk, "/po", "PO-000404")).text).toContain("Nothing found for PO-000404");
  });

  it("shows, adds, edits and archives suppliers", async () => {
    const shown = await say(keeper, "/supplier", "acme");
    const text = JSON.stringify(shown.blocks);
    expect(shown.text).toBe("Acme Fasteners (ACME)");
    expect(text).toContain("Li Lei");
    expect(text).toContain("45 days");
    expect(text).toContain("No purchase orders yet.");

    await say(clerk, "/supplier", "add");
    const modal = t.emulator.openViews(clerk).at(-1);
    if (!modal) throw new Error("no supplier modal");
    const duplicate = await t.driver.submitView(clerk, modal.id, { code: "acme", name: "Again" });
    expect(duplicate.json).toMatchObject({ errors: { code: expect.stringContaining("already exists") } });
    const saved = await t.driver.submitView(clerk, modal.id, {
      code: "GAMMA",
      name: "Gamma Steel",
      paymentTermsDays: "60",
      leadTimeDays: "14",
    });
    expect(JSON.stringify(saved.json)).toContain("Saved supplier *GAMMA*");

    await say(clerk, "/supplier", "edit GAMMA");
    const edit = t.emulator.openViews(clerk).at(-1);
    if (!edit) throw new Error("no edit modal");
    await t.driver.submitView(clerk, edit.id, { name: "Gamma Steel Co", paymentTermsDays: "30" });
    expect(JSON.stringify((await say(clerk, "/supplier", "GAMMA")).blocks)).toContain("30 days");

    expect((await say(clerk, "/supplier", "archive GAMMA")).text).toContain("not allowed");
    expect((await say(manager, "/supplier", "archive GAMMA")).text).toContain("is archived");
    expect((await say(clerk, "/po", "GAMMA 1 BOLT-M6 @ 1 by next friday")).text).toContain(
      "No supplier matches `GAMMA`",
    );
  });
});
