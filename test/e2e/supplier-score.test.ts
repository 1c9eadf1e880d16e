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
const sales = "U0SALES";
const desk = "C0DESK";
const clock = fixedClock(Date.now());
const today = todayIn("Asia/Shanghai", clock.now());
const later = addDays(today, 10);

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("/supplier score, through Slack", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: desk });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const approveLatest = async () => {
    await t.notifier.drain();
    const card = t.emulator.messages(`D${manager}`).at(-1);
    if (!card) throw new Error("no approval card");
    await t.driver.clickButton(manager, { channel: card.channel, ts: card.ts }, { label: "Approve" });
    return card;
  };
  const send = async (number: string) => {
    await say(clerk, "/po", number);
    await t.driver.clickButton(
      clerk,
      { channel: desk, ts: t.emulator.lastMessage(desk)?.ts ?? "" },
      { label: "Send to supplier" },
    );
  };

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, manager, keeper, keeperZh, sales].map((id) => ({
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
      [sales]: "salesperson",
    });
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,ACME",
    ].join("\n");
    await importViaSlack(t, admin, "suppliers", {
      name: "s.csv",
      bytes: Buffer.from("code,name,name_zh\nACME,Acme Fasteners,艾克米紧固件"),
    });
    await importViaSlack(t, admin, "items", { name: "i.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "bins", { name: "b.csv", bytes: Buffer.from("warehouse,bin\nMAIN,A-01") });
    await importViaSlack(t, admin, "supplier_items", {
      name: "p.csv",
      bytes: Buffer.from("supplier,sku,price,moq,pack_size\nACME,BOLT-M6,2.00,,"),
    });
  });
  afterEach(() => t.stop());

  it("scores deliveries, quality, prices and compliance with their counts, and puts a summary on the next approval card", async () => {
    expect((await say(clerk, "/supplier", "score ACME")).text).toBe(
      "Scorecard · Acme Fasteners (ACME): No purchase orders or receipts from ACME in this period.",
    );

    // 100 bolts at 2.20 against a list price of 2.00; 20 come in damaged.
    await say(clerk, "/po", `ACME 100 BOLT-M6 @ 2.20 by ${later}`);
    await approveLatest();
    await send("PO-000001");
    await say(keeper, "/receive", "PO-000001");
    const form = t.emulator.openViews(keeper).at(-1);
    if (!form) throw new Error("no receiving form");
    await t.driver.submitView(keeper, form.id, {
      gr_line1_received: "100",
      gr_line1_accepted: "80",
      gr_line1_rejected: "20",
      gr_line1_reason: { value: "damaged", label: "damaged" },
      gr_line1_bin: "MAIN/A-01",
    });

    // The PO is due in 10 days: the default period (the last 90 days) has its receipt and price,
    // a period reaching its expected day has its delivery too (in full, early: on time).
    const recent = JSON.stringify((await say(clerk, "/supplier", "score ACME")).blocks);
    expect(recent).toContain("_No PO lines were due in this period._");
    expect(recent).toContain("80 of 100 units received were accepted");
    const card = JSON.stringify(
      (await say(clerk, "/supplier", `score Acme Fasteners ${today} to ${addDays(later, 5)}`)).blocks,
    );
    expect(card).toContain("Scorecard · Acme Fasteners (ACME)");
    expect(card).toContain("*100.0%* · 1 of 1 PO lines delivered in full by their expected day");
    expect(card).toContain(
      "*80.0%* · 80 of 100 units received were accepted, over 1 receipt · 20 rejected on 1 line",
    );
    expect(card).toContain(
      "*+10.0%* (+CN¥20.00) · 1 PO lines approved: 1 against the price list, 0 against the previous price; 1 dearer, 0 cheaper",
    );
    expect(card).toContain(
      "*0.0%* · 0 of 1 POs delivered complete, on time and not above the list price · 1 late or short · 1 above the list price",
    );

    // In Chinese, for a past month with nothing in it, and from the card's button.
    const zh = await say(keeperZh, "/supplier", "score 艾克米 上个月");
    expect(zh.text).toBe("供应商评分 · 艾克米紧固件（ACME）: 本期间没有 ACME 的采购订单或收货。");
    await say(clerk, "/supplier", "ACME");
    await t.driver.clickButton(
      clerk,
      { channel: desk, ts: t.emulator.lastMessage(desk)?.ts ?? "" },
      {
        label: "Scorecard (90 days)",
      },
    );
    expect(JSON.stringify(t.emulator.responseUrlPosts().at(-1)?.body)).toContain("80 of 100 units received");

    // The manager sees the scorecard on the next PO's card.
    await say(clerk, "/po", `ACME 10 BOLT-M6 by ${later}`);
    await t.notifier.drain();
    const next = JSON.stringify(t.emulator.messages(`D${manager}`).at(-1)?.blocks);
    expect(next).toContain(
      "_Supplier scorecard, last 90 days: accepted 80.0% · price +10.0% vs list or previous_",
    );
  });

  it("answers bad input clearly, in the user's language", async () => {
    expect((await say(clerk, "/supplier", "score")).text).toContain(
      "Usage: `/supplier score <code or name> [period]`",
    );
    expect((await say(clerk, "/supplier", "score NOPE")).text).toContain("No supplier matches `NOPE`");
    expect((await say(clerk, "/supplier", "score ACME whenever")).text).toContain(
      "not a date jxc understands",
    );
    expect((await say(clerk, "/supplier", "score ACME 2026-03-01 to 2026-02-01")).text).toContain(
      "it ends before it starts",
    );
    expect((await say(clerk, "/supplier", "score ACME 0")).text).toContain("must be more than zero");
    expect((await say(keeperZh, "/supplier", "score ACME 随便")).text).toContain("无法识别");
    expect((await say(sales, "/supplier", "score ACME")).text).toContain("You are not allowed");
    // A period given as days back, or an explicit range.
    expect((await say(clerk, "/supplier", "score ACME 30")).text).toContain("Scorecard · Acme Fasteners");
    expect((await say(clerk, "/supplier", "score ACME 2026-01-01 to 2026-06-30")).text).toContain(
      "Scorecard",
    );
  });
});
