import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { addDays, todayIn } from "../../src/text/calendar.ts";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const manager = "U0MGR";
const keeper = "U0KEEPER";
const keeperZh = "U0KEEPERZH";
const desk = "C0DESK";
const purchasingChannel = "C0PUR";
const clock = fixedClock(Date.now());
const later = addDays(todayIn("Asia/Shanghai", clock.now()), 20);

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("receiving goods, through Slack", () => {
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

  /** A PO written by the clerk, approved by the manager and sent to the supplier. */
  async function sentPo(text: string): Promise<void> {
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
    expect(poStatus(number)).toBe("sent");
    await t.notifier.drain();
  }

  const threadOf = (number: string) => {
    const parent = t.emulator
      .messages(purchasingChannel)
      .find((m) => m.text?.startsWith(`Purchase order ${number}`));
    return {
      parent: parent ? t.emulator.messages(purchasingChannel).find((m) => m.ts === parent.ts) : undefined,
      replies: t.emulator.messages(purchasingChannel).filter((m) => parent && m.threadTs === parent.ts),
    };
  };

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, manager, keeper, keeperZh].map((id) => ({
        id,
        name: id,
        locale: id === keeperZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [manager]: "purchasing_manager",
      [keeper]: "warehouse_keeper",
      [keeperZh]: "warehouse_supervisor",
    });
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,,,,",
    ].join("\n");
    const suppliers = [
      "code,name,name_zh,contact,phone,email,payment_terms_days,lead_time_days",
      "ACME,Acme Fasteners,艾克米紧固件,Li Lei,021-5555,li@acme.example,45,7",
    ].join("\n");
    const bins = "warehouse,bin\nMAIN,A-01\nMAIN,B-02\n";
    const stock = "sku,warehouse,bin,qty,unit_cost\nNUT-M6,MAIN,B-02,10,8.00\n";
    await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "suppliers", { name: "suppliers.csv", bytes: Buffer.from(suppliers) });
    await importViaSlack(t, admin, "bins", { name: "bins.csv", bytes: Buffer.from(bins) });
    await importViaSlack(t, admin, "stock", { name: "stock.csv", bytes: Buffer.from(stock) });
    await say(admin, "/jxc", `channel purchasing <#${purchasingChannel}|purchasing>`);
  });
  afterEach(() => t.stop());

  it("a keeper receives in the form with a rejection; the PO thread, the clerk's DM and /stock tell it; the quick form receives the rest", async () => {
    await sentPo("ACME 100 BOLT-M6 @ 2.50, 20 NUT-M6 @ 10");
    expect(JSON.stringify((await say(keeper, "/stock", "BOLT-M6")).blocks)).toContain("*On order*\\n100");

    await say(keeper, "/receive", "PO-000001");
    const modal = t.emulator.openViews(keeper).at(-1);
    if (!modal) throw new Error("no receiving form");
    const form = JSON.stringify(modal.view.blocks);
    expect(form).toContain("BOLT-M6 · received (open 100 pcs)");
    // NUT-M6 has stock in MAIN/B-02: its bin is offered; BOLT-M6 has none yet.
    expect(form).toContain('"initial_value":"MAIN/B-02"');

    const mismatch = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "100",
      gr_line1_accepted: "70",
      gr_line1_rejected: "20",
      gr_line1_bin: "MAIN/A-01",
      gr_line2_received: "",
    });
    expect(mismatch.json).toMatchObject({
      response_action: "errors",
      errors: { gr_line1_accepted: expect.stringContaining("accepted + rejected must equal received") },
    });
    const unknownBin = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "100",
      gr_line1_bin: "MAIN/Z-99",
      gr_line2_received: "",
    });
    expect(unknownBin.json).toMatchObject({ errors: { gr_line1_bin: "No bin `Z-99` in warehouse MAIN." } });
    const noReason = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "100",
      gr_line1_rejected: "20",
      gr_line1_bin: "MAIN/A-01",
      gr_line2_received: "",
    });
    expect(noReason.json).toMatchObject({ errors: { gr_line1_reason: expect.stringContaining("empty") } });
    expect(count("goods_receipts")).toBe(0);

    const done = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "100",
      gr_line1_accepted: "80",
      gr_line1_rejected: "20",
      gr_line1_reason: { value: "damaged", label: "damaged" },
      gr_line1_bin: "MAIN/A-01",
      gr_line2_received: "",
    });
    expect(done.json).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(done.json)).toContain(
      "*GR-000001* for *PO-000001*: 80 accepted, 20 rejected (damaged) into MAIN/A-01. PO-000001 is now :package: partly received.",
    );
    expect(poStatus("PO-000001")).toBe("partially_received");

    await t.notifier.drain();
    const { parent, replies } = threadOf("PO-000001");
    expect(parent?.text).toBe("Purchase order PO-000001 · Acme Fasteners · :package: partly received");
    const told = replies.at(-1)?.text ?? "";
    expect(told).toContain(
      `*PO-000001* · :package: GR-000001: 80 accepted, 20 rejected (damaged) into MAIN/A-01, received by <@${keeper}>; now :package: partly received.`,
    );
    expect(told).toContain("*20 pcs* BOLT-M6 rejected (damaged): purchasing decides: *Return*");
    expect(t.emulator.messages(`D${clerk}`).map((m) => m.text)).toContain(told);

    const bolts = JSON.stringify((await say(keeper, "/stock", "BOLT-M6")).blocks);
    expect(bolts).toContain("*On hand*\\n80");
    // The 20 rejected are still owed.
    expect(bolts).toContain("*On order*\\n20");

    const quick = await say(keeperZh, "/receive", "PO-000001 全部");
    expect(quick.text).toContain("*GR-000002*（*PO-000001*）：合格 40，入库 MAIN/A-01, MAIN/B-02");
    expect(poStatus("PO-000001")).toBe("received");
    const nuts = JSON.stringify((await say(keeper, "/stock", "NUT-M6")).blocks);
    expect(nuts).toContain("*On hand*\\n30");
    expect(nuts).toContain("*On order*\\n0 pcs");
    expect((await say(keeper, "/receive", "PO-000001 all")).text).toContain(
      "PO-000001 is received now, so it cannot be received",
    );
    await t.notifier.drain();
    expect(threadOf("PO-000001").parent?.text).toBe(
      "Purchase order PO-000001 · Acme Fasteners · :package: received",
    );
  });

  it("refuses bad input with a clear answer, writing nothing", async () => {
    await say(clerk, "/po", `ACME 10 BOLT-M6 @ 1 by ${later}`);
    const cases: [string, string, string][] = [
      [keeper, "", "Usage: `/receive PO-000001`"],
      [keeper, "PO-000404", "Nothing found for PO-000404"],
      [keeper, "PO-000001 all", "PO-000001 is waiting for approval now, so it cannot be received"],
      [clerk, "PO-000001 all", "not allowed"],
    ];
    for (const [user, text, expected] of cases) {
      expect((await say(user, "/receive", text)).text).toContain(expected);
    }
    await sentPo("ACME 100 BOLT-M6 @ 2.50");
    const noBin = await say(keeper, "/receive", "PO-000002 all");
    expect(noBin.text).toContain("BOLT-M6 has no bin with stock yet");
    expect((await say(keeper, "/receive", "PO-000002 all MAIN/Q-1")).text).toContain(
      "No bin `Q-1` in warehouse MAIN.",
    );
    expect((await say(keeper, "/receive", "PO-000002 all nowhere")).text).toContain("`nowhere` is not a bin");
    expect(count("goods_receipts")).toBe(0);

    await say(keeper, "/receive", "PO-000002");
    const modal = t.emulator.openViews(keeper).at(-1);
    if (!modal) throw new Error("no receiving form");
    // Above the tolerance is no longer refused: test/e2e/returns.test.ts follows it to the supervisor.
    const negative = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "-3",
      gr_line1_bin: "MAIN/A-01",
    });
    expect(negative.json).toMatchObject({
      errors: { gr_line1_received: expect.stringContaining("cannot be negative") },
    });
    const zero = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "0",
      gr_line1_bin: "MAIN/A-01",
    });
    expect(zero.json).toMatchObject({
      errors: { gr_line1_received: expect.stringContaining("more than zero") },
    });
    expect(count("goods_receipts")).toBe(0);
    expect(count("stock_moves")).toBe(1);
    // Within tolerance passes.
    const within = await t.driver.submitView(keeper, modal.id, {
      gr_line1_received: "105",
      gr_line1_bin: "MAIN/A-01",
    });
    expect(JSON.stringify(within.json)).toContain(
      "105 accepted into MAIN/A-01. PO-000002 is now :package: received.",
    );
  });
});
