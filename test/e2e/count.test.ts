import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const keeperZh = "U0KEEPERZH";
const supervisor = "U0SUPER";
const salesperson = "U0SALES";
const floor = "C0FLOOR";
const warehouseChannel = "C0WH";

// 35 parts in zone A, each with a system quantity no other number on a sheet could be (7701…7735),
// and one expensive roll of wire: −8 rolls at ¥165.00 is over the ¥1,000 approval threshold.
const parts = Array.from({ length: 35 }, (_, i) => ({
  sku: `PART-${String(i + 1).padStart(2, "0")}`,
  bin: `A-0${(i % 3) + 1}`,
  qty: 7701 + i,
}));
const systemQuantities = parts.map((p) => String(p.qty));

interface Reply {
  text: string;
  blocks?: unknown[];
}

/** The admin loads bins with zones, the items and their opening stock through Slack. */
async function loadWarehouse(t: TestApp): Promise<void> {
  const bins = [
    "warehouse,bin,warehouse_name,warehouse_name_zh,zone,rank,capacity",
    "MAIN,A-01,Main warehouse,主仓,A,1,",
    "MAIN,A-02,Main warehouse,主仓,A,2,",
    "MAIN,A-03,Main warehouse,主仓,A,3,",
    "MAIN,A-04,Main warehouse,主仓,A,4,",
    "MAIN,B-01,Main warehouse,主仓,B,5,",
  ].join("\n");
  const items = [
    "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier,purchase_unit,purchase_factor",
    ...parts.map((p) => `${p.sku},Part ${p.sku},零件 ${p.sku},pcs,,parts,1.00,,,,,box,10`),
    "WIRE,Copper wire 100 m,铜芯电线,roll,,electrical,210.00,,,,,,",
  ].join("\n");
  const stock = [
    "sku,warehouse,bin,qty,unit_cost",
    ...parts.map((p) => `${p.sku},MAIN,${p.bin},${p.qty},2.00`),
    "WIRE,MAIN,A-04,36,165.00",
    "PART-01,MAIN,B-01,40,2.00",
  ].join("\n");
  await importViaSlack(t, admin, "bins", { name: "bins.csv", bytes: Buffer.from(bins) });
  await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
  await importViaSlack(t, admin, "stock", { name: "stock.csv", bytes: Buffer.from(stock) });
}

describe("stocktakes through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: floor });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const shown = () => {
    const message = t.emulator.lastMessage(floor);
    if (!message) throw new Error("nothing shown");
    return message;
  };
  const sheet = (user: string) => {
    const view = t.emulator.openViews(user).at(-1);
    if (!view) throw new Error("no count sheet open");
    return view;
  };
  const onHand = (sku: string, bin: string) =>
    (
      t.db.$client
        .prepare(
          `select coalesce(sum(b.on_hand), 0) as qty from stock_balances b join items i on i.id = b.item_id
           join locations l on l.id = b.location_id where i.sku = ? and l.code = ?`,
        )
        .get(sku, bin) as { qty: number }
    ).qty;
  const rows = (table: string) =>
    (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const countedLines = () =>
    (t.db.$client.prepare("select count(counted_qty) as n from stocktake_lines").get() as { n: number }).n;
  /** Every input of a sheet page, filled with the system quantity unless `overrides` says otherwise. */
  const page = (view: { view: Record<string, unknown> }, overrides: Record<string, string> = {}) => {
    const values: Record<string, string> = {};
    for (const block of view.view.blocks as { type: string; block_id: string; label?: { text: string } }[]) {
      if (block.type !== "input") continue;
      const sku = block.label?.text.split(" · ")[1] ?? "";
      values[block.block_id] = overrides[sku] ?? String(parts.find((p) => p.sku === sku)?.qty ?? 36);
    }
    return values;
  };

  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin],
      users: [admin, keeper, keeperZh, supervisor, salesperson].map((id) => ({
        id,
        name: id,
        locale: id === keeperZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [keeper]: "warehouse_keeper",
      [keeperZh]: "warehouse_keeper",
      [supervisor]: "warehouse_supervisor",
      [salesperson]: "salesperson",
    });
    await loadWarehouse(t);
    await say(admin, "/jxc", `channel warehouse <#${warehouseChannel}|warehouse>`);
  });
  afterEach(() => t.stop());

  it("a keeper counts a zone blind, page by page; small variances post, a large one waits for the supervisor's DM card", async () => {
    const started = await say(keeper, "/count", "start MAIN zone a");
    expect(started.text).toBe(
      ":clipboard: *CNT-000001* started: 36 lines to count in MAIN zone A. The system quantities are hidden until it is finished. Count with `/count CNT-000001` or the button below.",
    );
    await t.notifier.drain();
    const card = t.emulator.messages(warehouseChannel).at(-1);
    expect(card?.text).toBe("Stocktake CNT-000001 · MAIN zone A · :mag: counting");

    const opened = await say(keeper, "/count", "CNT-000001");
    expect(opened.text).toBe("");
    const first = sheet(keeper);
    const blocks = first.view.blocks as { type: string; label?: { text: string } }[];
    expect(blocks.filter((b) => b.type === "input")).toHaveLength(30);
    expect(blocks.find((b) => b.type === "input")?.label?.text).toBe("A-01 · PART-01 · Part PART-01");
    const drawn = JSON.stringify(first.view);
    expect(drawn).toContain("Lines 1–30 of 36 · 0 counted so far.");
    expect(drawn).toContain("in pcs · box = 10 pcs");
    // Blind: not one of the system quantities is anywhere in what Slack was sent.
    for (const qty of systemQuantities) expect(drawn).not.toContain(qty);

    const wrong = await t.driver.submitView(
      keeper,
      first.id,
      page(first, { "PART-01": "lots", "PART-04": "-3" }),
    );
    expect(wrong.json).toMatchObject({
      response_action: "errors",
      errors: {
        [Object.keys(page(first))[0] ?? ""]: "`lots` is not a valid quantity: it is not a number.",
        [Object.keys(page(first))[1] ?? ""]: "`-3` is not a valid quantity: it cannot be negative.",
      },
    });
    expect(countedLines()).toBe(0);

    // PART-01 at A-01 is 1 short (−¥2.00); PART-04 typed in boxes, exact; the rest exact.
    await t.driver.submitView(keeper, first.id, page(first, { "PART-01": "7700", "PART-04": "770.4 box" }));
    const second = sheet(keeper);
    expect(second.id).toBe(first.id);
    const secondDrawn = JSON.stringify(second.view);
    expect(secondDrawn).toContain("Saved 30 lines · 30 of 36 counted.");
    expect(secondDrawn).toContain("Lines 31–36 of 36");
    expect(secondDrawn).toContain("A-04 · WIRE · Copper wire 100 m");
    expect(countedLines()).toBe(30);

    await t.driver.submitView(keeper, second.id, page(second, { WIRE: "28" }));
    expect(JSON.stringify(sheet(keeper).view)).toContain(
      "Saved. 36 of 36 lines of *CNT-000001* are counted.",
    );

    const report = await say(keeper, "/count", "CNT-000001 finish");
    const reportText = JSON.stringify(report.blocks);
    expect(report.text).toBe("CNT-000001 · variance report · :hourglass: waiting for approval");
    expect(reportText).toContain("*Exact*\\n34 lines (94.4%)");
    expect(reportText).toContain("*Posted to the ledger*\\n1 line · -CN¥2.00");
    expect(reportText).toContain("*Waiting for approval*\\n1 line · -CN¥1,320.00");
    expect(reportText).toContain(
      "`A-04` WIRE Copper wire 100 m: expected 36 roll · counted 28 roll · *−8 roll* · -CN¥1,320.00 · waits for approval",
    );
    expect(onHand("PART-01", "A-01")).toBe(7700);
    expect(onHand("WIRE", "A-04")).toBe(36);

    await t.notifier.drain();
    const approval = t.emulator.messages(`D${supervisor}`).at(-1);
    expect(approval?.text).toBe("Approval needed · CNT-000001");
    expect(JSON.stringify(approval?.blocks)).toContain(
      "• `A-04` WIRE Copper wire 100 m: expected 36 roll, counted 28 roll, *−8 roll*, -CN¥1,320.00",
    );
    if (!approval) throw new Error("no approval card");
    await t.driver.clickButton(
      supervisor,
      { channel: approval.channel, ts: approval.ts },
      { label: "Approve" },
    );
    expect(onHand("WIRE", "A-04")).toBe(28);
    await t.notifier.drain();

    const parent = t.emulator.messages(warehouseChannel).find((m) => m.ts === card?.ts);
    expect(parent?.text).toBe("Stocktake CNT-000001 · MAIN zone A · :white_check_mark: posted");
    expect(JSON.stringify(parent?.blocks)).not.toContain("count_open");
    const thread = t.emulator.messages(warehouseChannel).filter((m) => m.threadTs === card?.ts);
    expect(thread.map((m) => m.text)).toEqual([
      `*CNT-000001* · :pencil2: <@${keeper}> counted 30 lines · 30 of 36 counted.`,
      `*CNT-000001* · :pencil2: <@${keeper}> counted 6 lines · 36 of 36 counted.`,
      [
        `*CNT-000001* · :checkered_flag: <@${keeper}> finished the count: 36 of 36 lines counted, 34 exact (94.4%), value accuracy 99.7%.`,
        "Posted at once: 1 line, -CN¥2.00.",
        "Waiting for approval: 1 line, -CN¥1,320.00.",
      ].join("\n"),
      `<@${keeper}> asked for approval of *CNT-000001* by Warehouse supervisor.`,
      `:white_check_mark: *CNT-000001* was approved by <@${supervisor}>.`,
      "*CNT-000001* · :package: The approved variances are posted to the stock ledger: 1 line, -CN¥1,320.00.",
    ]);
    expect(t.emulator.messages(`D${keeper}`).map((m) => m.text)).toContain(
      `:white_check_mark: *CNT-000001* was approved by <@${supervisor}>.`,
    );
  });

  it("a supervisor who counted gets no card and is refused; another supervisor gets the card and approves", async () => {
    const counting = "U0SUPER2";
    await grantRoles(t, admin, { [counting]: "warehouse_supervisor" });
    await say(keeper, "/count", "start MAIN/A-04");
    await say(counting, "/count", "CNT-000001");
    const view = sheet(counting);
    await t.driver.submitView(counting, view.id, { [Object.keys(page(view))[0] ?? ""]: "28" });
    const report = await say(keeper, "/count", "CNT-000001 finish");
    expect(report.text).toBe("CNT-000001 · variance report · :hourglass: waiting for approval");
    await t.notifier.drain();

    const cards = (user: string) =>
      t.emulator.messages(`D${user}`).filter((m) => m.text === "Approval needed · CNT-000001");
    expect(cards(counting)).toEqual([]);
    expect(cards(supervisor)).toHaveLength(1);
    // Nothing waits for the counter on /approve or their Home tab either.
    expect((await say(counting, "/approve", "")).text).not.toContain("CNT-000001");
    await t.driver.event({ type: "app_home_opened", user: counting, channel: `D${counting}`, tab: "home" });
    const home = JSON.stringify(t.emulator.homeView(counting));
    expect(home).toContain("Waiting for your approval* (0)");
    expect(home).not.toContain("approval_approve");

    // The counter forges the buttons of a card they were never sent.
    const requestId = (t.db.$client.prepare("select id from approval_requests").get() as { id: number }).id;
    const refused =
      "You cannot approve or reject a request for work you took part in; another approver will decide.";
    for (const actionId of ["approval_approve", "approval_reject"]) {
      const forged = await forgeButtonClick(t, {
        userId: counting,
        channel: `D${counting}`,
        actionId,
        value: `${requestId}:1`,
      });
      expect(forged.answers.map((a) => a.text)).toEqual([refused]);
    }
    expect(t.emulator.openViews(counting).filter((v) => v.view.callback_id === "approval_reject")).toEqual(
      [],
    );
    await say(counting, "/jxc", "lang zh");
    const forgedZh = await forgeButtonClick(t, {
      userId: counting,
      channel: `D${counting}`,
      actionId: "approval_approve",
      value: `${requestId}:1`,
    });
    expect(forgedZh.answers.map((a) => a.text)).toEqual([
      "您参与了此申请所涉及的工作，不能审批，将由其他审批人决定。",
    ]);
    expect(onHand("WIRE", "A-04")).toBe(36);
    expect(t.db.$client.prepare("select status from approval_steps").get()).toEqual({ status: "pending" });

    const card = cards(supervisor)[0];
    if (!card) throw new Error("no card");
    await t.driver.clickButton(supervisor, { channel: card.channel, ts: card.ts }, { label: "Approve" });
    expect(onHand("WIRE", "A-04")).toBe(28);
  });

  it("a move during the count is not a variance: a keeper counts what is there after it", async () => {
    await say(keeper, "/count", "start MAIN/B-01");
    expect((await say(keeper, "/move", "PART-01 15 MAIN/B-01 to A-01")).text).toContain(
      "Moved 15 pcs PART-01",
    );
    await say(keeper, "/count", "CNT-000001");
    const view = sheet(keeper);
    expect(JSON.stringify(view.view)).not.toContain('"initial_value"');
    await t.driver.submitView(keeper, view.id, { [Object.keys(page(view))[0] ?? ""]: "25" });
    // After counting, more goes out: it happened after the count, so it is no variance either.
    await say(keeper, "/move", "PART-01 5 MAIN/B-01 to A-01");
    const report = await say(keeper, "/count", "CNT-000001 finish");
    expect(report.text).toBe("CNT-000001 · variance report · :white_check_mark: posted");
    expect(JSON.stringify(report.blocks)).toContain(":tada: Every counted line matched.");
    expect(onHand("PART-01", "B-01")).toBe(20);
    expect(
      t.db.$client.prepare("select moved_qty, expected_qty, variance_qty from stocktake_lines").get(),
    ).toEqual({
      moved_qty: -15,
      expected_qty: 25,
      variance_qty: 0,
    });
  });

  it("stock that is not on the sheet is counted with a quick form and becomes a line of its own", async () => {
    await say(keeper, "/count", "start MAIN zone A");
    expect((await say(keeper, "/count", "CNT-000001 found PART-02 3 box A-04")).text).toBe(
      ":mag: Counted 30 pcs PART-02 at MAIN/A-04 on *CNT-000001* (line 37, new on the sheet) · 1 of 37 lines counted.",
    );
    expect((await say(keeper, "/count", "CNT-000001 found PART-01 1 MAIN/B-01")).text).toBe(
      "PART-01 at MAIN/B-01 is outside CNT-000001, which counts zone A only: count it in a count of its own.",
    );
    expect((await say(keeper, "/count", "CNT-000001 found PART-01 lots A-04")).text).toBe(
      "`lots` is not a valid quantity: it is not a number.",
    );
    await say(keeper, "/count", "CNT-000001 A-04");
    const view = sheet(keeper);
    expect(JSON.stringify(view.view)).toContain("Lines 36–37 of 37 · 1 counted so far.");
    expect(JSON.stringify(view.view)).toContain('"initial_value":"30 pcs"');
  });

  it("answers bad input clearly and writes nothing", async () => {
    await say(keeper, "/count", "start MAIN zone A");
    const before = { counts: rows("stocktakes"), lines: rows("stocktake_lines"), audit: rows("audit_log") };
    const answers = [
      ["start NOPE", "No warehouse `NOPE`. Warehouses: MAIN"],
      ["start MAIN/Z-99", "No bin `Z-99` in warehouse MAIN."],
      ["start MAIN zone Q", "No zone `Q` in warehouse MAIN. Zones: A, B."],
      ["start MAIN NOPE-1", "`NOPE-1` is neither an item nor a bin of MAIN."],
      [
        "start MAIN PART-01 B-01",
        "`B-01` does not fit: list either bins or items after the warehouse, not both.",
      ],
      [
        "start MAIN PART-02",
        "CNT-000001 is still open and already counts PART-02 at MAIN/A-02: finish or cancel it first, or count something else. Nothing was started.",
      ],
      ["CNT-000042", "Nothing found for CNT-000042."],
      ["CNT-000001 Z-99", "CNT-000001 has no line in bin `Z-99`."],
      ["CNT-000001 finish now", "Usage: `/count` lists open counts"],
      ["start", "Usage: `/count` lists open counts"],
    ] as const;
    for (const [text, answer] of answers) {
      expect((await say(keeper, "/count", text)).text.startsWith(answer), `${text} → ${answer}`).toBe(true);
    }
    expect({ counts: rows("stocktakes"), lines: rows("stocktake_lines"), audit: rows("audit_log") }).toEqual(
      before,
    );
    // B-01 holds PART-01 outside zone A: a count of it is no overlap.
    expect((await say(keeper, "/count", "start MAIN B-01")).text).toContain("*CNT-000002* started: 1 line");
  });

  it("refuses other roles, forged clicks and stale buttons; asks before leaving lines uncounted", async () => {
    expect((await say(salesperson, "/count", "")).text).toContain("You are not allowed to do that");
    await say(keeper, "/count", "start MAIN/B-01 A-04");
    const reply = shown();
    const forged = await forgeButtonClick(t, {
      userId: salesperson,
      channel: floor,
      actionId: "count_open",
      value: "1",
    });
    expect(String(forged.answers[0]?.text)).toContain("You are not allowed to do that");
    const forgedFinish = await forgeButtonClick(t, {
      userId: salesperson,
      channel: floor,
      actionId: "count_finish",
      value: "1",
    });
    expect(String(forgedFinish.answers[0]?.text)).toContain("You are not allowed to do that");
    expect(t.emulator.openViews(salesperson)).toEqual([]);

    await t.driver.clickButton(keeper, { channel: floor, ts: reply.ts }, { label: "Count now" });
    const view = sheet(keeper);
    // Lines walk the bins by rank: A-04 (the wire) first, then B-01.
    await t.driver.submitView(keeper, view.id, { [Object.keys(page(view))[0] ?? ""]: "36" });
    // Another sheet opened now (at the first line not counted) stays on screen past the finish.
    await say(keeper, "/count", "CNT-000001");
    const staleSheet = sheet(keeper);
    const asked = await say(keeper, "/count", "CNT-000001 finish");
    expect(asked.text).toBe(
      "1 of 2 lines of *CNT-000001* are not counted yet (the first in bin B-01). Finishing now leaves them as they are: no adjustment, and they do not count towards accuracy. Count them with `/count CNT-000001 B-01`, or finish anyway.",
    );
    expect(t.db.$client.prepare("select status from stocktakes").get()).toEqual({ status: "counting" });
    const confirm = shown();
    await t.driver.clickButton(keeper, { channel: floor, ts: confirm.ts }, { label: "Finish anyway" });
    const report = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(report?.replace_original).toBe(true);
    expect(JSON.stringify(report?.blocks)).toContain("*Not counted*\\n1 line, not adjusted");
    expect(onHand("PART-01", "B-01")).toBe(40);

    // The same confirmation clicked again, and the start reply's buttons, are stale now.
    await forgeButtonClick(t, {
      userId: keeper,
      channel: floor,
      actionId: "count_finish_anyway",
      value: "1",
    }).then((c) =>
      expect(String(c.answers[0]?.text)).toBe(
        "CNT-000001 is posted now, so it cannot be counted, finished or cancelled; nothing was changed.",
      ),
    );
    await t.driver.clickButton(keeper, { channel: floor, ts: reply.ts }, { label: "Count now" });
    expect(String(t.emulator.responseUrlPosts().at(-1)?.body.text)).toContain("CNT-000001 is posted now");
    // A sheet still open on someone's screen is stale too: its Save says so beside the first line.
    const stale = await t.driver.submitView(keeper, staleSheet.id, {
      [Object.keys(page(staleSheet))[0] ?? ""]: "40",
    });
    expect(stale.json).toMatchObject({
      response_action: "errors",
      errors: {
        [Object.keys(page(staleSheet))[0] ?? ""]:
          "CNT-000001 is posted now, so it cannot be counted, finished or cancelled; nothing was changed.",
      },
    });
    const garbage = await forgeButtonClick(t, {
      userId: keeper,
      channel: floor,
      actionId: "count_cancel",
      value: "1;x",
    });
    expect(String(garbage.answers[0]?.text)).toBe("This message is out of date; nothing was changed.");
    expect(rows("stocktakes")).toBe(1);
  });

  it("cancels: the starter or a supervisor may, another keeper may not; the thread says so", async () => {
    await say(keeper, "/count", "start MAIN zone B");
    expect((await say(keeperZh, "/count", "CNT-000001 cancel")).text).toBe(
      "您没有权限执行此操作（需要以下角色之一：管理员 / 仓库主管）。",
    );
    expect((await say(supervisor, "/count", "CNT-000001 cancel")).text).toBe(
      "*CNT-000001* was cancelled; nothing was posted.",
    );
    expect((await say(keeper, "/count", "CNT-000001 cancel")).text).toBe(
      "CNT-000001 is cancelled now, so it cannot be counted, finished or cancelled; nothing was changed.",
    );
    expect((await say(keeper, "/count", "")).text).toBe(
      "No counts are open. Start one with `/count start <warehouse>`.",
    );
    await t.notifier.drain();
    const card = t.emulator
      .messages(warehouseChannel)
      .find((m) => m.text?.startsWith("Stocktake CNT-000001"));
    expect(card?.text).toBe("Stocktake CNT-000001 · MAIN zone B · :heavy_minus_sign: cancelled");
    const thread = t.emulator.messages(warehouseChannel).filter((m) => m.threadTs === card?.ts);
    expect(thread.map((m) => m.text)).toEqual([
      `*CNT-000001* · :heavy_minus_sign: <@${supervisor}> cancelled the count; nothing was posted.`,
    ]);
    expect(t.emulator.messages(`D${keeper}`).map((m) => m.text)).toEqual([
      `*CNT-000001* · :heavy_minus_sign: <@${supervisor}> cancelled the count; nothing was posted.`,
    ]);
  });

  it("counts from the card in Chinese, recounts one bin, and a rejection leaves the large variance unposted", async () => {
    await say(keeper, "/count", "start MAIN/A-04");
    await t.notifier.drain();
    const card = t.emulator.messages(warehouseChannel).at(-1);
    if (!card) throw new Error("no card");
    await t.driver.clickButton(keeperZh, { channel: warehouseChannel, ts: card.ts }, { label: "Count" });
    const view = sheet(keeperZh);
    expect(view.view.title).toEqual({ type: "plain_text", text: "盘点 CNT-000001" });
    expect(JSON.stringify(view.view)).toContain("第 1–1 行，共 1 行 · 已盘 0 行。");
    await t.driver.submitView(keeperZh, view.id, { [Object.keys(page(view))[0] ?? ""]: "30" });
    expect(JSON.stringify(sheet(keeperZh).view)).toContain("已保存。*CNT-000001* 已盘 1/1 行。");
    // A recount of A-04 shows the keeper's own number and takes the new one.
    await say(keeperZh, "/count", "CNT-000001 MAIN/A-04");
    const again = sheet(keeperZh);
    expect(JSON.stringify(again.view)).toContain('"initial_value":"30 roll"');
    await t.driver.submitView(keeperZh, again.id, { [Object.keys(page(again))[0] ?? ""]: "20" });
    await t.driver.clickButton(keeper, { channel: warehouseChannel, ts: card.ts }, { label: "Finish" });
    expect(JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body)).toContain("*−16 roll*");

    await say(supervisor, "/approve", "");
    await t.driver.clickButton(supervisor, { channel: floor, ts: shown().ts }, { label: "Reject" });
    const reason = t.emulator.openViews(supervisor).at(-1);
    if (!reason) throw new Error("no reason modal");
    await t.driver.submitView(supervisor, reason.id, { reason: "recount A-04 with a second keeper" });
    expect(onHand("WIRE", "A-04")).toBe(36);
    await t.notifier.drain();
    expect(t.emulator.messages(warehouseChannel).find((m) => m.ts === card.ts)?.text).toBe(
      "Stocktake CNT-000001 · MAIN bins A-04 · :x: large variances rejected, not posted",
    );
    const report = await say(keeper, "/count", "CNT-000001");
    expect(JSON.stringify(report.blocks)).toContain("*Rejected, not posted*\\n1 line · -CN¥2,640.00");
    // The bin is free again for the recount the supervisor asked for.
    expect((await say(keeper, "/count", "start MAIN/A-04")).text).toContain("*CNT-000002* started");
  });
});
