import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import type { StoredMessage } from "../../src/sandbox/emulator/emulator-types.ts";
import { addDays, todayIn } from "../../src/text/calendar.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const manager = "U0MGR";
const keeper = "U0KEEPER";
const supervisor = "U0SUPER";
const salesperson = "U0SALES";
const desk = "C0DESK";
const purchasingChannel = "C0PUR";
const warehouseChannel = "C0WH";
const clock = fixedClock(Date.now());
const later = addDays(todayIn("Asia/Shanghai", clock.now()), 20);

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("rejected goods and over-receipts, through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: desk });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const count = (table: string) =>
    (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const poStatus = (number: string) =>
    (
      t.db.$client.prepare("select status from purchase_orders where number = ?").get(number) as {
        status: string;
      }
    ).status;
  const valuation = (sku: string) =>
    t.db.$client
      .prepare(
        "select v.qty, v.value from item_valuations v join items i on i.id = v.item_id where i.sku = ?",
      )
      .get(sku) as { qty: number; value: number };
  const lastAnswer = () => String(t.emulator.responseUrlPosts().at(-1)?.body.text ?? "");

  /** A PO written by the clerk with the quick form, approved by the manager from the DM, sent. */
  async function sentPo(text: string): Promise<string> {
    await say(clerk, "/po", `${text} by ${later}`);
    await t.notifier.drain();
    const card = t.emulator.messages(`D${manager}`).at(-1);
    if (!card) throw new Error("no approval card");
    await t.driver.clickButton(manager, { channel: card.channel, ts: card.ts }, { label: "Approve" });
    const number = (
      t.db.$client.prepare("select max(number) as n from purchase_orders").get() as { n: string }
    ).n;
    await say(clerk, "/po", number);
    await t.driver.clickButton(
      clerk,
      { channel: desk, ts: t.emulator.lastMessage(desk)?.ts ?? "" },
      { label: "Send to supplier" },
    );
    await t.notifier.drain();
    return number;
  }

  /** The keeper fills the receiving form: line → [received, accepted, rejected, reason, bin]. */
  async function receiveInForm(
    number: string,
    lines: Record<number, [string, string, string, string, string]>,
  ) {
    await say(keeper, "/receive", number);
    const modal = t.emulator.openViews(keeper).at(-1);
    if (!modal) throw new Error("no receiving form");
    const values: Record<string, string | { value: string; label: string }> = {};
    for (const [lineNo, [received, accepted, rejected, reason, bin]] of Object.entries(lines)) {
      values[`gr_line${lineNo}_received`] = received;
      values[`gr_line${lineNo}_accepted`] = accepted;
      values[`gr_line${lineNo}_rejected`] = rejected;
      if (reason) values[`gr_line${lineNo}_reason`] = { value: reason, label: reason.replace("_", " ") };
      values[`gr_line${lineNo}_bin`] = bin;
    }
    const done = await t.driver.submitView(keeper, modal.id, values);
    expect(JSON.stringify(done.json)).toContain('"response_action":"update"');
    await t.notifier.drain();
    return JSON.stringify(done.json);
  }

  const thread = (number: string) => {
    const all = t.emulator.messages(purchasingChannel);
    const parent = all.find((m) => m.text?.startsWith(`Purchase order ${number}`));
    return all.filter((m) => parent && m.threadTs === parent.ts);
  };
  /** The thread reply that announced a receipt (its buttons live there). */
  const announcement = (number: string, receipt: string): StoredMessage => {
    const found = thread(number).find((m) => m.text?.includes(`:package: ${receipt}:`));
    if (!found) throw new Error(`no announcement of ${receipt} in ${number}'s thread`);
    return found;
  };
  const at = (m: StoredMessage) => ({ channel: m.channel, ts: m.ts });
  /** The id of the latest GR line of an item: what its buttons' action ids end with. */
  const grLine = (sku: string) =>
    t.db.$client
      .prepare(
        `select g.id from goods_receipt_lines g join purchase_order_lines l on l.id = g.purchase_order_line_id
           join items i on i.id = l.item_id where i.sku = ? order by g.id desc limit 1`,
      )
      .pluck()
      .get(sku) as number;

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, manager, keeper, supervisor, salesperson].map((id) => ({
        id,
        name: id,
        locale: "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [manager]: "purchasing_manager",
      [keeper]: "warehouse_keeper",
      [supervisor]: "warehouse_supervisor",
      [salesperson]: "salesperson",
    });
    const header =
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier,aliases,safety_stock,max_level,purchase_unit,purchase_factor,sales_unit,sales_factor,valuation";
    const itemsCsv = [
      header,
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,,,,,,,,,moving_average",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,,,,,,,,,,,,fifo",
    ].join("\n");
    const suppliers = "code,name,name_zh\nACME,Acme Fasteners,艾克米紧固件\n";
    const bins = "warehouse,bin\nMAIN,A-01\nMAIN,B-02\n";
    const stock = "sku,warehouse,bin,qty,unit_cost\nBOLT-M6,MAIN,A-01,100,2.00\nNUT-M6,MAIN,B-02,10,8.00\n";
    await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(itemsCsv) });
    await importViaSlack(t, admin, "suppliers", { name: "suppliers.csv", bytes: Buffer.from(suppliers) });
    await importViaSlack(t, admin, "bins", { name: "bins.csv", bytes: Buffer.from(bins) });
    await importViaSlack(t, admin, "stock", { name: "stock.csv", bytes: Buffer.from(stock) });
    await say(admin, "/jxc", `channel purchasing <#${purchasingChannel}|purchasing>`);
  });
  afterEach(() => t.stop());

  it("Return from the PO thread: an RTN, the message rewritten everywhere, the warehouse and the PO's author told; stale copies change nothing", async () => {
    await say(admin, "/jxc", `channel warehouse <#${warehouseChannel}|warehouse>`);
    const number = await sentPo("ACME 100 BOLT-M6 @ 2.50, 20 NUT-M6 @ 10");
    await receiveInForm(number, {
      1: ["100", "80", "20", "damaged", "MAIN/A-01"],
      2: ["20", "20", "", "", "MAIN/B-02"],
    });
    const posted = announcement(number, "GR-000001");
    expect(JSON.stringify(posted.blocks)).toContain("reject_return_");
    // The PO's author has the same message, buttons and all, in their DM.
    const dmCopy = t.emulator.messages(`D${clerk}`).find((m) => m.text === posted.text);
    expect(JSON.stringify(dmCopy?.blocks)).toContain("reject_replace_");
    expect(JSON.stringify((await say(manager, "/stock", "BOLT-M6")).blocks)).toContain("*On order*\\n20");

    // Someone outside purchasing clicks: refused, nothing written.
    for (const who of [keeper, supervisor, salesperson]) {
      await t.driver.clickButton(who, at(posted), { label: "Return" });
      expect(lastAnswer()).toContain("You are not allowed to do that");
    }
    expect(count("reject_decisions")).toBe(0);

    // The manager decides (not the PO's author, who must hear of it).
    await t.driver.clickButton(manager, at(posted), { label: "Return" });
    expect(lastAnswer()).toBe(
      "Done: RTN-000001 — 20 pcs BOLT-M6 go back to the supplier, no replacement; PO-000001 is :package: received. The warehouse is told to send them back.",
    );
    expect(poStatus(number)).toBe("received");
    // Before the outbox rewrites it, the DM copy is stale: a click says who decided what.
    await t.driver.clickButton(clerk, at(dmCopy ?? posted), { label: "Accept anyway" });
    expect(lastAnswer()).toBe(`Already decided by <@${manager}>: returned to the supplier (no replacement).`);
    expect(t.emulator.openViews(clerk)).toHaveLength(0);
    await t.driver.clickButton(clerk, at(dmCopy ?? posted), { label: "Return" });
    expect(lastAnswer()).toContain("Already decided by");
    expect(count("reject_decisions")).toBe(1);

    await t.notifier.drain();
    const rewritten = announcement(number, "GR-000001");
    expect(JSON.stringify(rewritten.blocks)).not.toContain("reject_");
    expect(JSON.stringify(rewritten.blocks)).toContain(
      `RTN-000001: 20 pcs back to the supplier, no replacement — <@${manager}>`,
    );
    expect(
      JSON.stringify(t.emulator.messages(`D${clerk}`).find((m) => m.ts === dmCopy?.ts)?.blocks),
    ).not.toContain("reject_");
    const line = `:leftwards_arrow_with_hook: *PO-000001* · RTN-000001: 20 pcs BOLT-M6 from GR-000001 go back to Acme Fasteners without replacement, decided by <@${manager}>; no longer on order. PO-000001 is :package: received.`;
    expect(thread(number).at(-1)?.text).toBe(line);
    expect(t.emulator.messages(`D${clerk}`).at(-1)?.text).toBe(line);
    expect(t.emulator.messages(warehouseChannel).at(-1)?.text).toBe(
      `:truck: Send back 20 pcs BOLT-M6 (GR-000001, rejected: damaged) to Acme Fasteners — RTN-000001, no replacement. Decided by <@${manager}>.`,
    );
    const bolts = JSON.stringify((await say(manager, "/stock", "BOLT-M6")).blocks);
    expect(bolts).toContain("*On hand*\\n180");
    expect(bolts).toContain("*On order*\\n0 pcs");
    // The parent card tells the PO's status now.
    await t.notifier.drain();
    expect(
      t.emulator.messages(purchasingChannel).find((m) => m.text?.startsWith(`Purchase order ${number}`))
        ?.text,
    ).toBe("Purchase order PO-000001 · Acme Fasteners · :package: received");
  });

  it("Replace keeps it on order; Accept anyway asks how many and where, costs at the PO price, and the rest can still go back", async () => {
    const number = await sentPo("ACME 100 BOLT-M6 @ 2.50, 20 NUT-M6 @ 10");
    await receiveInForm(number, {
      1: ["100", "80", "20", "quality", "MAIN/A-01"],
      2: ["20", "15", "5", "wrong_spec", "MAIN/B-02"],
    });
    const posted = announcement(number, "GR-000001");
    await t.driver.clickButton(clerk, at(posted), { actionId: `reject_replace_${grLine("BOLT-M6")}` });
    expect(lastAnswer()).toContain(
      "Done: RTN-000001 — 20 pcs BOLT-M6 go back for a replacement and stay on order",
    );
    expect(JSON.stringify((await say(clerk, "/stock", "BOLT-M6")).blocks)).toContain("*On order*\\n20");
    await t.notifier.drain();
    // No warehouse channel set: the receiver is told by DM.
    expect(t.emulator.messages(`D${keeper}`).at(-1)?.text).toBe(
      `:truck: Send back 20 pcs BOLT-M6 (GR-000001, rejected: quality) to Acme Fasteners — RTN-000001; they send a replacement. Decided by <@${clerk}>.`,
    );

    const redrawn = announcement(number, "GR-000001");
    expect(JSON.stringify(redrawn.blocks)).toContain(
      "RTN-000001: 20 pcs back to the supplier for a replacement",
    );
    await t.driver.clickButton(clerk, at(redrawn), { actionId: `reject_accept_${grLine("NUT-M6")}` });
    const modal = t.emulator.openViews(clerk).at(-1);
    if (!modal) throw new Error("no accept form");
    const form = JSON.stringify(modal.view.blocks);
    expect(form).toContain("*5 pcs* NUT-M6 from GR-000001 were rejected (wrong spec)");
    expect(form).toContain("CN¥10.00 each");
    expect(form).toContain('"initial_value":"5"');
    expect(form).toContain('"initial_value":"MAIN/B-02"');
    const tooMany = await t.driver.submitView(clerk, modal.id, { accept_qty: "9", accept_bin: "MAIN/B-02" });
    expect(tooMany.json).toMatchObject({
      errors: { accept_qty: expect.stringContaining("Only 5 of NUT-M6 from GR-000001 still wait") },
    });
    const badBin = await t.driver.submitView(clerk, modal.id, { accept_qty: "3", accept_bin: "MAIN/Z-9" });
    expect(badBin.json).toMatchObject({ errors: { accept_bin: "No bin `Z-9` in warehouse MAIN." } });
    const badQty = await t.driver.submitView(clerk, modal.id, { accept_qty: "-1", accept_bin: "MAIN/B-02" });
    expect(badQty.json).toMatchObject({
      errors: { accept_qty: expect.stringContaining("cannot be negative") },
    });
    expect(count("reject_decisions")).toBe(1);
    const nutsBefore = valuation("NUT-M6");
    const accepted = await t.driver.submitView(clerk, modal.id, { accept_qty: "3", accept_bin: "MAIN/A-01" });
    expect(JSON.stringify(accepted.json)).toContain(
      "Done: 3 pcs NUT-M6 accepted into MAIN/A-01, CN¥30.00 at the PO price; PO-000001 is :package: partly received. The warehouse is told to put them away. 2 pcs still wait for a decision.",
    );
    // FIFO: a layer of 3 at the PO price, on top of what there was.
    expect(valuation("NUT-M6")).toEqual({ qty: nutsBefore.qty + 3, value: nutsBefore.value + 3_000 });
    await t.notifier.drain();
    expect(t.emulator.messages(`D${keeper}`).at(-1)?.text).toBe(
      `:inbox_tray: Put away 3 pcs NUT-M6 (GR-000001, rejected: wrong spec) into MAIN/A-01: accepted anyway by <@${clerk}>.`,
    );
    expect(thread(number).at(-1)?.text).toBe(
      `:white_check_mark: *PO-000001* · 3 pcs NUT-M6 from GR-000001 accepted anyway by <@${clerk}> into MAIN/A-01, CN¥30.00 at the PO price. PO-000001 is :package: partly received.`,
    );
    const partly = announcement(number, "GR-000001");
    const partlyBlocks = JSON.stringify(partly.blocks);
    expect(partlyBlocks).toContain(`3 pcs accepted anyway into MAIN/A-01 — <@${clerk}>`);
    expect(partlyBlocks).toContain("2 pcs still wait for purchasing");
    // A stale copy drawn when 5 were waiting cannot return 5 now.
    const nutLine = grLine("NUT-M6");
    const staleReturn = await forgeButtonClick(t, {
      userId: clerk,
      channel: purchasingChannel,
      actionId: `reject_return_${nutLine}`,
      value: `${nutLine}:5`,
    });
    expect(JSON.stringify(staleReturn.answers)).toContain("Only 2 of NUT-M6 from GR-000001 still wait");
    await t.driver.clickButton(clerk, at(partly), { actionId: `reject_return_${nutLine}` });
    expect(lastAnswer()).toContain("Done: RTN-000002 — 2 pcs NUT-M6 go back to the supplier, no replacement");
    expect(poStatus(number)).toBe("partially_received");

    // The replacement arrives: the quick form receives it and the PO is received.
    expect((await say(keeper, "/receive", `${number} all MAIN/A-01`)).text).toContain("20 accepted");
    expect(poStatus(number)).toBe("received");
    expect(valuation("BOLT-M6")).toEqual({ qty: 200, value: 20_000 + 25_000 });
  });

  it("while an over-receipt waits, its PO takes no other receipt and no settled rejects; the answer names the GR and who decides", async () => {
    const number = await sentPo("ACME 100 BOLT-M6 @ 2.50, 20 NUT-M6 @ 10");
    await receiveInForm(number, {
      1: ["", "", "", "", ""],
      2: ["20", "15", "5", "damaged", "MAIN/B-02"],
    });
    const first = announcement(number, "GR-000001");
    // The admin opens a receiving form now and submits it after the over-receipt below.
    await say(admin, "/receive", number);
    const staleForm = t.emulator.openViews(admin).at(-1);
    if (!staleForm) throw new Error("no receiving form");
    await receiveInForm(number, { 1: ["120", "120", "", "", "MAIN/A-01"], 2: ["", "", "", "", ""] });
    expect(
      t.db.$client.prepare("select status from goods_receipts where number = 'GR-000002'").pluck().get(),
    ).toBe("pending_approval");
    const before = {
      receipts: count("goods_receipts"),
      moves: count("stock_moves"),
      decisions: count("reject_decisions"),
    };
    const waits = `GR-000002 is over the tolerance and still waits for approval by Warehouse supervisor (<@${supervisor}>), so nothing more can be received against PO-000001 until it is approved or rejected; nothing was changed.`;
    const views = t.emulator.openViews(keeper).length;
    expect((await say(keeper, "/receive", number)).text).toBe(waits);
    expect(t.emulator.openViews(keeper)).toHaveLength(views);
    expect((await say(keeper, "/receive", `${number} all MAIN/A-01`)).text).toBe(waits);
    const late = await t.driver.submitView(admin, staleForm.id, {
      gr_line1_received: "100",
      gr_line1_accepted: "100",
      gr_line1_bin: "MAIN/A-01",
    });
    expect(late.json).toMatchObject({ response_action: "errors", errors: { gr_line1_received: waits } });

    // Purchasing cannot settle GR-000001's rejects behind the supervisor's back either.
    const settle = `GR-000002 is over the tolerance and still waits for approval by Warehouse supervisor (<@${supervisor}>), so rejects on PO-000001 cannot be accepted anyway or returned until it is approved or rejected; nothing was changed.`;
    await t.driver.clickButton(clerk, at(first), { label: "Accept anyway" });
    expect(lastAnswer()).toBe(settle);
    expect(t.emulator.openViews(clerk)).toHaveLength(0);
    await t.driver.clickButton(clerk, at(first), { label: "Return" });
    expect(lastAnswer()).toBe(settle);
    await say(keeper, "/jxc", "lang zh");
    expect((await say(keeper, "/receive", number)).text).toBe(
      `GR-000002 超出允差，仍在等待仓库主管（<@${supervisor}>）审批；在批准或驳回之前，PO-000001 不能再收货。未作任何更改。`,
    );
    await say(keeper, "/jxc", "lang en");
    expect({
      receipts: count("goods_receipts"),
      moves: count("stock_moves"),
      decisions: count("reject_decisions"),
    }).toEqual(before);

    // The supervisor decides; the PO takes the rest again.
    const card = t.emulator.messages(`D${supervisor}`).at(-1);
    expect(card?.text).toBe("Approval needed · GR-000002");
    await t.driver.clickButton(
      supervisor,
      { channel: card?.channel ?? "", ts: card?.ts ?? "" },
      { label: "Approve" },
    );
    expect(poStatus(number)).toBe("partially_received");
    await t.driver.clickButton(clerk, at(first), { label: "Return" });
    expect(lastAnswer()).toContain("Done: RTN-000001 — 5 pcs NUT-M6 go back to the supplier, no replacement");
    expect(poStatus(number)).toBe("received");
  });

  it("an over-receipt waits for the supervisor's card by DM: the receiver cannot approve it; approval posts it, rejection refuses the goods", async () => {
    await say(admin, "/jxc", `channel warehouse <#${warehouseChannel}|warehouse>`);
    const number = await sentPo("ACME 100 BOLT-M6 @ 2.50");
    const reply = await receiveInForm(number, { 1: ["120", "120", "", "", "MAIN/A-01"] });
    expect(reply).toContain(":hourglass: *GR-000001* for *PO-000001* is over the 5% tolerance");
    expect(reply).toContain("*20 pcs over the order (20%)*");
    expect(valuation("BOLT-M6")).toEqual({ qty: 100, value: 20_000 });
    const card = t.emulator.messages(`D${supervisor}`).at(-1);
    expect(card?.text).toBe("Approval needed · GR-000001");
    const cardText = JSON.stringify(card?.blocks);
    expect(cardText).toContain(
      "*BOLT-M6*: 120 pcs accepted against 100 pcs ordered (none before) — *20 pcs over the order (20%)*; the tolerance allows 105 pcs in all · MAIN/A-01",
    );
    expect(cardText).toContain("CN¥50.00");
    expect(thread(number).at(-1)?.text).toBe(
      `:hourglass: *PO-000001* · GR-000001, received by <@${keeper}>, is over the tolerance and waits for the warehouse supervisor; nothing entered stock yet.`,
    );
    // The receiver forges the supervisor's button: refused.
    const own = await forgeButtonClick(t, {
      userId: keeper,
      channel: `D${keeper}`,
      actionId: "approval_approve",
      // The GR's approval request, tier 1: what the supervisor's Approve button carries.
      value: `${t.db.$client.prepare("select id from approval_requests where doc_type = 'goods_receipt'").pluck().get()}:1`,
    });
    expect(JSON.stringify(own.answers)).toContain("You cannot approve or reject your own request");
    expect(valuation("BOLT-M6")).toEqual({ qty: 100, value: 20_000 });

    await t.driver.clickButton(
      supervisor,
      { channel: card?.channel ?? "", ts: card?.ts ?? "" },
      { label: "Approve" },
    );
    expect(valuation("BOLT-M6")).toEqual({ qty: 220, value: 50_000 });
    expect(poStatus(number)).toBe("received");
    await t.notifier.drain();
    expect(t.emulator.messages(`D${keeper}`).at(-1)?.text).toContain(
      "It is posted to stock: put the goods away as received.",
    );
    expect(announcement(number, "GR-000001").text).toContain(
      `received by <@${keeper}>; now :package: received. Over the tolerance, approved by <@${supervisor}>.`,
    );

    // Rejected: nothing moves, the receiver is told to refuse the goods, the PO's author hears it.
    const second = await sentPo("ACME 10 BOLT-M6 @ 2.50");
    await receiveInForm(second, { 1: ["15", "15", "", "", "MAIN/A-01"] });
    const card2 = t.emulator.messages(`D${supervisor}`).at(-1);
    expect(card2?.text).toBe("Approval needed · GR-000002");
    await t.driver.clickButton(
      supervisor,
      { channel: card2?.channel ?? "", ts: card2?.ts ?? "" },
      { label: "Reject" },
    );
    const reasonModal = t.emulator.openViews(supervisor).at(-1);
    if (!reasonModal) throw new Error("no reason modal");
    await t.driver.submitView(supervisor, reasonModal.id, { reason: "we ordered 10" });
    await t.notifier.drain();
    expect(valuation("BOLT-M6")).toEqual({ qty: 220, value: 50_000 });
    expect(poStatus(second)).toBe("sent");
    expect(t.emulator.messages(`D${keeper}`).at(-1)?.text).toContain(
      "Nothing entered stock: refuse the goods and send them back with the carrier.",
    );
    const refused = `:x: *PO-000002* · GR-000002 (over the tolerance) was refused by <@${supervisor}>: we ordered 10. Nothing entered stock; the goods go back with the carrier and stay on order.`;
    expect(thread(second).at(-1)?.text).toBe(refused);
    expect(t.emulator.messages(`D${clerk}`).at(-1)?.text).toBe(refused);
    // The GR's own thread in #warehouse shows it refused.
    expect(
      t.emulator.messages(warehouseChannel).find((m) => m.text?.startsWith("Goods receipt GR-000002"))?.text,
    ).toBe("Goods receipt GR-000002 · PO-000002 · Acme Fasteners · :x: refused");
  });
});
