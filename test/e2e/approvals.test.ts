import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const supervisor = "U0SUPER";
const supervisor2 = "U0SUPER2";
const salesperson = "U0SALES";
const floor = "C0FLOOR";

/** The admin imports one item and 1,000 of it at 2.00 in MAIN/A-01, through Slack. */
async function stockOneBolt(t: TestApp): Promise<void> {
  const items = [
    "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
    "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,",
  ].join("\n");
  const stock = "sku,warehouse,bin,qty,unit_cost\nBOLT-M6,MAIN,A-01,1000,2.00\n";
  await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
  await importViaSlack(t, admin, "stock", { name: "stock.csv", bytes: Buffer.from(stock) });
}

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("adjustments and their approval, through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: floor });
    expect(response.status).toBe(200);
    return response.json as Reply;
  };
  const shown = () => {
    const message = t.emulator.lastMessage(floor);
    if (!message) throw new Error("nothing shown");
    return message;
  };
  const onHand = () =>
    t.db.$client.prepare("select sum(on_hand) as qty from stock_balances").get() as { qty: number };

  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin],
      users: [admin, keeper, supervisor, supervisor2, salesperson].map((id) => ({
        id,
        name: id,
        locale: id === supervisor2 ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [keeper]: "warehouse_keeper",
      [supervisor]: "warehouse_supervisor",
      [supervisor2]: "warehouse_supervisor",
      [salesperson]: "salesperson",
    });
    await stockOneBolt(t);
  });
  afterEach(() => t.stop());

  it("posts a small adjustment at once", async () => {
    const reply = await say(keeper, "/adjust", "BOLT-M6 5 MAIN/A-01 damaged dropped");
    expect(reply.text).toBe(
      ":white_check_mark: *ADJ-000001* posted: −5 pcs BOLT-M6 at MAIN/A-01 (damaged), value -CN¥10.00.",
    );
    expect(onHand().qty).toBe(995);
  });

  it("holds a large one until a supervisor approves it from /approve; a second click changes nothing", async () => {
    const reply = await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost forklift accident");
    expect(reply.text).toContain("*ADJ-000001*");
    expect(reply.text).toContain("needs approval by Warehouse supervisor");
    expect(onHand().qty).toBe(1000);

    expect((await say(keeper, "/approve", "")).text).toBe(":tada: Nothing is waiting for your approval.");
    await say(supervisor2, "/approve", "");
    const staleList = shown();
    const list = await say(supervisor, "/approve", "");
    expect(JSON.stringify(list.blocks)).toContain("−600 pcs* BOLT-M6 Hex bolt M6 at MAIN/A-01 · lost");
    const card = shown();
    await t.driver.clickButton(supervisor, { channel: floor, ts: card.ts }, { label: "Approve" });
    expect(onHand().qty).toBe(400);
    const refreshed = JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body);
    expect(refreshed).toContain("You approved *ADJ-000001*");
    expect(refreshed).toContain("Nothing is waiting for your approval");

    // The other supervisor's list was drawn before the decision: their click is stale.
    await t.driver.clickButton(supervisor2, { channel: floor, ts: staleList.ts }, { label: "批准" });
    const answer = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(answer?.replace_original).toBe(false);
    expect(String(answer?.text)).toBe(`已处理（由 <@${supervisor}> 决定）。`);
    expect(onHand().qty).toBe(400);
  });

  it("sends each supervisor a card by DM, opens the ADJ thread, and rewrites every copy once one decides", async () => {
    await say(admin, "/jxc", "channel warehouse <#C0WH|warehouse>");
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost forklift accident");
    await t.notifier.drain();
    const card1 = t.emulator.messages(`D${supervisor}`).at(-1);
    const card2 = t.emulator.messages(`D${supervisor2}`).at(-1);
    expect(card1?.text).toBe("Approval needed · ADJ-000001");
    expect(card2?.text).toBe("待审批 · ADJ-000001");
    expect(t.emulator.messages(`D${keeper}`)).toEqual([]);
    const parent = t.emulator.messages("C0WH").at(-1);
    expect(parent?.text).toBe("Stock adjustment ADJ-000001 · :hourglass: waiting for approval");

    if (!card2) throw new Error("no card");
    await t.driver.clickButton(supervisor2, { channel: card2.channel, ts: card2.ts }, { label: "批准" });
    await t.notifier.drain();
    expect(onHand().qty).toBe(400);
    for (const user of [supervisor, supervisor2]) {
      const copy = t.emulator.messages(`D${user}`).at(-1);
      expect(JSON.stringify(copy?.blocks)).not.toContain("approval_approve");
      expect(JSON.stringify(copy?.blocks)).toContain(`<@${supervisor2}>`);
    }
    expect(t.emulator.messages(`D${supervisor}`).at(-1)?.text).toBe("Approved · ADJ-000001");
    expect(t.emulator.messages(`D${keeper}`).map((m) => m.text)).toEqual([
      `:white_check_mark: *ADJ-000001* was approved by <@${supervisor2}>.`,
    ]);
    const thread = t.emulator.messages("C0WH").filter((m) => m.threadTs === parent?.ts);
    expect(thread.map((m) => m.text)).toEqual([
      `:white_check_mark: *ADJ-000001* was approved by <@${supervisor2}>.`,
      ":package: Posted to the stock ledger, value -CN¥1,200.00.",
    ]);
    expect(t.emulator.messages("C0WH").find((m) => m.ts === parent?.ts)?.text).toBe(
      "Stock adjustment ADJ-000001 · :white_check_mark: posted",
    );

    // A click on the first supervisor's card, drawn before the decision but clicked after it.
    if (!card1) throw new Error("no card");
    const staleCard = { ...card1 };
    await forgeButtonClick(t, {
      userId: supervisor,
      channel: staleCard.channel,
      actionId: "approval_approve",
      value: "1:1",
    });
    expect(onHand().qty).toBe(400);
  });

  it("shows what waits on the App Home tab, decides from it, and keeps every Home tab current", async () => {
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    await t.notifier.drain();
    const opened = await t.driver.event({
      type: "app_home_opened",
      user: supervisor,
      tab: "home",
      channel: "D0HOME",
    });
    expect(opened.status).toBe(200);
    const home = JSON.stringify(t.emulator.homeView(supervisor));
    expect(home).toContain("Waiting for your approval* (1)");
    expect(home).toContain("−600 pcs* BOLT-M6");
    expect(JSON.stringify(t.emulator.homeView(keeper))).toContain(
      "*ADJ-000001* · waiting for Warehouse supervisor",
    );

    const viewId = t.emulator.homeViewId(supervisor);
    if (!viewId) throw new Error("no Home tab");
    await t.driver.clickButton(supervisor, { viewId }, { label: "Approve" });
    expect(onHand().qty).toBe(400);
    expect(JSON.stringify(t.emulator.homeView(supervisor))).toContain("Waiting for your approval* (0)");
    await t.notifier.drain();
    expect(JSON.stringify(t.emulator.homeView(supervisor2))).toContain("等待你审批* (0)");
    expect(JSON.stringify(t.emulator.homeView(keeper))).not.toContain("waiting for Warehouse supervisor");
  });

  it("two supervisors clicking at once make exactly one decision", async () => {
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    await t.notifier.drain();
    const clicks = [supervisor, supervisor2].map((user) => {
      const card = t.emulator.messages(`D${user}`).at(-1);
      if (!card) throw new Error("no card");
      return forgeButtonClick(t, {
        userId: user,
        channel: card.channel,
        actionId: "approval_approve",
        value: "1:1",
      });
    });
    const answers = (await Promise.all(clicks)).flatMap((c) => c.answers.map((a) => String(a.text ?? "")));
    expect(answers.filter((a) => a.includes("You approved") || a.includes("你已批准"))).toHaveLength(1);
    expect(answers.filter((a) => a.includes("Already decided") || a.includes("已处理"))).toHaveLength(1);
    const steps = t.db.$client
      .prepare("select count(*) as n from audit_log where action = 'approval.approve'")
      .get();
    expect(steps).toEqual({ n: 1 });
    expect(onHand().qty).toBe(400);
  });

  it("rejects with a reason from the modal; an empty reason is refused beside the field", async () => {
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    await say(supervisor, "/approve", "");
    await t.driver.clickButton(supervisor, { channel: floor, ts: shown().ts }, { label: "Reject" });
    const modal = t.emulator.openViews(supervisor).at(-1);
    if (!modal) throw new Error("no reason modal");
    const empty = await t.driver.submitView(supervisor, modal.id, { reason: "   " });
    expect(empty.json).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining("empty") },
    });
    const done = await t.driver.submitView(supervisor, modal.id, { reason: "count it again first" });
    expect(done.status).toBe(200);
    expect(JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body)).toContain("You rejected *ADJ-000001*");
    expect(onHand().qty).toBe(1000);
    const status = t.db.$client.prepare("select status from stock_adjustments").get() as { status: string };
    expect(status.status).toBe("rejected");
  });

  it("refuses a forged click by the requester (self-approval) and by someone without the role", async () => {
    await grantRoles(t, admin, { [keeper]: "warehouse_supervisor" });
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    expect((await say(keeper, "/approve", "")).text).toBe(":tada: Nothing is waiting for your approval.");
    const self = await forgeButtonClick(t, {
      userId: keeper,
      channel: floor,
      actionId: "approval_approve",
      value: "1:1",
    });
    expect(String(self.answers[0]?.text)).toContain("cannot approve or reject your own");
    const other = await forgeButtonClick(t, {
      userId: salesperson,
      channel: floor,
      actionId: "approval_approve",
      value: "1:1",
    });
    expect(String(other.answers[0]?.text)).toContain("not allowed");
    const garbage = await forgeButtonClick(t, {
      userId: supervisor,
      channel: floor,
      actionId: "approval_approve",
      value: "1:1;drop",
    });
    expect(String(garbage.answers[0]?.text)).toBe("This message is out of date; nothing was changed.");
    expect(onHand().qty).toBe(1000);
  });

  it("lets the requester withdraw a waiting adjustment", async () => {
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    await t.driver.clickButton(keeper, { channel: floor, ts: shown().ts }, { label: "Withdraw" });
    expect(String(t.emulator.responseUrlPosts().at(-1)?.body.text)).toBe(
      "*ADJ-000001* was withdrawn; nothing was moved.",
    );
    expect((await say(supervisor, "/approve", "")).text).toBe(":tada: Nothing is waiting for your approval.");
  });

  it("lets nobody but the requester withdraw it", async () => {
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    const forged = await forgeButtonClick(t, {
      userId: supervisor,
      channel: floor,
      actionId: "adjustment_cancel",
      value: "1",
    });
    expect(String(forged.answers[0]?.text)).toContain("not allowed");
    const status = t.db.$client.prepare("select status from stock_adjustments").get();
    expect(status).toEqual({ status: "pending" });
  });

  it("refuses a forged outbox Retry from someone who is not an admin", async () => {
    const retry = await forgeButtonClick(t, {
      userId: keeper,
      channel: floor,
      actionId: "outbox_retry_1",
      value: "1",
    });
    expect(String(retry.answers[0]?.text)).toContain("not allowed");
  });

  it("answers bad input clearly and writes nothing", async () => {
    expect((await say(keeper, "/adjust", "")).text).toContain("Usage: `/adjust");
    expect((await say(keeper, "/adjust", "NOPE 5 MAIN/A-01 lost")).text).toContain("No item matches `NOPE`");
    expect((await say(keeper, "/adjust", "BOLT-M6 5 A-01 lost")).text).toContain("`A-01` is not a place");
    expect((await say(keeper, "/adjust", "BOLT-M6 5 MAIN/Z-99 lost")).text).toBe(
      "No bin `Z-99` in warehouse MAIN.",
    );
    expect((await say(keeper, "/adjust", "BOLT-M6 5 MAIN/A-01 stolen")).text).toContain(
      "`stolen` is not a reason",
    );
    expect((await say(keeper, "/adjust", "BOLT-M6 0 MAIN/A-01 lost")).text).toContain(
      "must be more than zero",
    );
    expect((await say(keeper, "/adjust", "BOLT-M6 -2000 MAIN/A-01 lost")).text).toContain("Not enough stock");
    expect((await say(keeper, "/adjust", "BOLT-M6 5 MAIN/A-01 count")).text).toContain("Usage");
    expect((await say(salesperson, "/adjust", "BOLT-M6 5 MAIN/A-01 lost")).text).toContain("not allowed");
    const rows = t.db.$client.prepare("select count(*) as n from stock_adjustments").get() as { n: number };
    expect(rows.n).toBe(0);
    expect(onHand().qty).toBe(1000);
  });

  it("lets a supervisor hand their approvals to a stand-in for some days", async () => {
    await grantRoles(t, admin, { [supervisor2]: "salesperson" });
    await t.driver.command(admin, "/jxc", `role <@${supervisor2}|s2> remove warehouse_supervisor`);
    const given = await say(supervisor, "/jxc", `delegate <@${salesperson}|sales> today to next friday`);
    expect(given.text).toMatch(/^:white_check_mark: <@U0SALES> will decide your approvals .* \(#1;/);
    expect((await say(salesperson, "/jxc", "delegate")).text).toContain("you decide <@U0SUPER>'s approvals");
    await say(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    await say(salesperson, "/approve", "");
    await t.driver.clickButton(salesperson, { channel: floor, ts: shown().ts }, { label: "Approve" });
    expect(onHand().qty).toBe(400);
    const decided = t.db.$client.prepare("select decided_by, on_behalf_of from approval_steps").get();
    expect(decided).toEqual({ decided_by: salesperson, on_behalf_of: supervisor });
    expect((await say(supervisor, "/jxc", "delegate end 1")).text).toBe("Delegation #1 has ended.");
    expect((await say(supervisor, "/jxc", `delegate <@${salesperson}|sales> someday`)).text).toContain(
      "not valid",
    );
  });

  it("lets an admin change the policy in a modal, with errors beside the fields", async () => {
    const shownPolicy = await say(admin, "/jxc", "policy");
    expect(JSON.stringify(shownPolicy.blocks)).toContain("Tier 1: from CN¥1,000.00 → Warehouse supervisor");
    await t.driver.clickButton(
      admin,
      { channel: floor, ts: shown().ts },
      { actionId: "policy_edit_stock_adjustment" },
    );
    const modal = t.emulator.openViews(admin).at(-1);
    if (!modal) throw new Error("no policy modal");
    const bad = await t.driver.submitView(admin, modal.id, {
      tier1_amount: "12.345",
      tier1_role: "warehouse_supervisor",
    });
    expect(bad.json).toMatchObject({ errors: { tier1_amount: expect.stringContaining("more decimals") } });
    const unordered = await t.driver.submitView(admin, modal.id, {
      tier1_amount: "500",
      tier1_role: "warehouse_supervisor",
      tier2_amount: "100",
      tier2_role: "finance_supervisor",
    });
    expect(unordered.json).toMatchObject({ errors: { tier2_amount: expect.stringContaining("Tier 2") } });
    const half = await t.driver.submitView(admin, modal.id, {
      tier1_amount: "500",
      tier1_role: "warehouse_supervisor",
      tier2_amount: "900",
    });
    expect(half.json).toMatchObject({
      errors: { tier2_amount: expect.stringContaining("amount and a role") },
    });
    const saved = await t.driver.submitView(admin, modal.id, {
      tier1_amount: "5",
      tier1_role: "warehouse_supervisor",
    });
    expect(saved.status).toBe(200);
    expect((await say(keeper, "/adjust", "BOLT-M6 -3 MAIN/A-01 damaged")).text).toContain("needs approval");
    // A forged click on the Edit button by a non-admin is refused on the server.
    const forged = await forgeButtonClick(t, {
      userId: keeper,
      channel: floor,
      actionId: "policy_edit_stock_adjustment",
      value: "edit",
    });
    expect(String(forged.answers[0]?.text)).toContain("not allowed");
  });
});

describe("an approval request across a restart", () => {
  it("is delivered after the app restarts on the same database file, once", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "jxc-approvals-")), "jxc.sqlite");
    const users = [admin, keeper, supervisor].map((id) => ({ id, name: id, locale: "en-US" }));
    const first = await startTestApp({ admins: [admin], users, databasePath: path });
    await grantRoles(first, admin, { [keeper]: "warehouse_keeper", [supervisor]: "warehouse_supervisor" });
    await stockOneBolt(first);
    await first.driver.command(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
    // Stopped before the worker ran: the card exists only as an outbox event.
    await first.stop();

    const second = await startTestApp({ admins: [admin], users, databasePath: path });
    try {
      await second.notifier.drain();
      await second.notifier.drain();
      const cards = second.emulator.messages(`D${supervisor}`);
      expect(cards.map((m) => m.text)).toEqual(["Approval needed · ADJ-000001"]);
    } finally {
      await second.stop();
    }
  });
});

describe("an approval nobody decides", () => {
  it("reminds the approver after the wait, then escalates to the admin and tells the requester", async () => {
    // Starts at the real time: the receiver checks request signatures against this clock.
    const clock = fixedClock(Date.now());
    const users = [admin, keeper, supervisor].map((id) => ({ id, name: id, locale: "en-US" }));
    const t = await startTestApp({ admins: [admin], users, clock });
    try {
      await grantRoles(t, admin, { [keeper]: "warehouse_keeper", [supervisor]: "warehouse_supervisor" });
      await stockOneBolt(t);
      await t.jxc.scheduler.runDue(clock.now());
      await t.driver.command(keeper, "/adjust", "BOLT-M6 -600 MAIN/A-01 lost");
      await t.notifier.drain();
      clock.advance(25 * 3_600_000);
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      expect(t.emulator.messages(`D${supervisor}`).map((m) => m.text)).toEqual([
        "Approval needed · ADJ-000001",
        "Reminder: approval needed · ADJ-000001",
      ]);
      clock.advance(24 * 3_600_000);
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      expect(t.emulator.messages(`D${admin}`).at(-1)?.text).toBe("Approval needed · ADJ-000001");
      expect(JSON.stringify(t.emulator.messages(`D${supervisor}`).at(-1)?.blocks)).not.toContain(
        "approval_approve",
      );
      expect(t.emulator.messages(`D${keeper}`).at(-1)?.text).toBe(
        ":arrow_up: *ADJ-000001* waited too long and now goes to Admin.",
      );
    } finally {
      await t.stop();
    }
  });
});
