import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import type { StoredMessage } from "../harness/slack-emulator.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const keeper = "U0KEEPER";
const keeperZh = "U0KEEPERZH";
const salesperson = "U0SALES";
const warehouseChannel = "C0WH";
const purchasingChannel = "C0PUR";
const desk = "C0DESK";
const hour = 3_600_000;

describe("low-stock alerts, through Slack", () => {
  // Signed requests carry the real time, so each test's clock starts near it.
  let clock = fixedClock(Date.now());
  let t: TestApp;
  const command = async (user: string, name: string, text: string) => {
    const response = await t.driver.command(user, name, text, { channelId: desk });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as { text: string; blocks?: unknown[] };
  };
  const alertIn = (channel: string): StoredMessage | undefined =>
    t.emulator.messages(channel).find((m) => m.text?.startsWith("Low stock: NUT-M6"));
  const lastAnswer = () => String(t.emulator.responseUrlPosts().at(-1)?.body.text ?? "");
  const click = async (user: string, message: StoredMessage | undefined, label: string) => {
    if (!message) throw new Error("no alert to click");
    await t.driver.clickButton(user, { channel: message.channel, ts: message.ts }, { label });
    return lastAnswer();
  };
  const poCount = () => t.db.$client.prepare("select count(*) from purchase_orders").pluck().get();

  beforeEach(async () => {
    clock = fixedClock(Date.now());
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, clerk, keeper, keeperZh, salesperson].map((id) => ({
        id,
        name: id,
        locale: id === keeperZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [clerk]: "purchasing_clerk",
      [keeper]: "warehouse_keeper",
      [keeperZh]: "warehouse_keeper",
      [salesperson]: "salesperson",
    });
    const suppliers = "code,name,name_zh,lead_time_days\nACME,Acme Fasteners,艾克米紧固件,10\n";
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "NUT-M6,Hex nut M6,六角螺母M6,pcs,,fasteners,0.20,100,500,,ACME",
      "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,50,,,",
    ].join("\n");
    await importViaSlack(t, admin, "suppliers", { name: "s.csv", bytes: Buffer.from(suppliers) });
    await importViaSlack(t, admin, "items", { name: "i.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "stock", {
      name: "o.csv",
      bytes: Buffer.from(
        "sku,warehouse,bin,qty,unit_cost\nNUT-M6,MAIN,A-01,150,0.08\nBOLT-M6,MAIN,A-01,60,0.15\n",
      ),
    });
    await t.driver.command(admin, "/jxc", `channel warehouse <#${warehouseChannel}|warehouse>`);
    await t.driver.command(admin, "/jxc", `channel purchasing <#${purchasingChannel}|purchasing>`);
    await t.notifier.drain();
    // The scheduler meets its jobs: each starts with its next period.
    await t.jxc.scheduler.runDue(clock.now());
  });
  afterEach(() => t.stop());

  it("tells #warehouse and #purchasing once, and Draft PO gives the clerk a draft to review", async () => {
    // Opening stock alone is not news; the keeper's adjustment is.
    expect(alertIn(warehouseChannel)).toBeUndefined();
    await command(keeper, "/adjust", "NUT-M6 -60 MAIN/A-01 damaged dropped a box");
    await t.notifier.drain();
    const inWarehouse = alertIn(warehouseChannel);
    const inPurchasing = alertIn(purchasingChannel);
    expect(inWarehouse?.text).toBe("Low stock: NUT-M6 Hex nut M6 · projected 90 pcs, reorder point 100 pcs");
    expect(inPurchasing?.text).toBe(inWarehouse?.text);
    const card = JSON.stringify(inPurchasing?.blocks);
    expect(card).toContain("ACME · Acme Fasteners");
    expect(card).toContain('"text":"Draft PO"');
    // Further drops in the same episode say nothing more.
    await command(keeper, "/adjust", "NUT-M6 -5 MAIN/A-01 lost");
    await t.notifier.drain();
    expect(t.emulator.messages(warehouseChannel).filter((m) => m.text?.startsWith("Low stock"))).toHaveLength(
      1,
    );

    // Only purchasing roles may draft, whatever the button says.
    expect(await click(keeper, inWarehouse, "Draft PO")).toContain("not allowed");
    const forged = await forgeButtonClick(t, {
      userId: salesperson,
      channel: purchasingChannel,
      actionId: "low_stock_draft",
      value: JSON.stringify({ itemId: 1, episode: 1 }),
    });
    expect(String(forged.answers[0]?.text)).toContain("not allowed");
    expect(poCount()).toBe(0);

    // 85 projected ≤ 100: one reorder qty of 500 gets above it.
    expect(await click(clerk, inPurchasing, "Draft PO")).toBe(
      ":memo: Draft *PO-000001* created: 500 pcs NUT-M6 from ACME, as the purchase plan suggests. Review it with `/po PO-000001` and submit it for approval.",
    );
    const po = await command(clerk, "/po", "PO-000001");
    expect(JSON.stringify(po.blocks)).toContain("NUT-M6");
    await t.notifier.drain();
    // Both alerts are rewritten: who drafted which PO, and no second Draft PO button.
    for (const channel of [warehouseChannel, purchasingChannel]) {
      const rewritten = JSON.stringify(alertIn(channel)?.blocks);
      expect(rewritten).toContain(`Draft *PO-000001* by <@${clerk}>`);
      expect(rewritten).not.toContain('"text":"Draft PO"');
    }
    // The button as it was first sent, clicked again (a stale copy): it finds the draft, writes nothing.
    const forgedAgain = await forgeButtonClick(t, {
      userId: clerk,
      channel: purchasingChannel,
      actionId: "low_stock_draft",
      value: JSON.stringify({ itemId: 1, episode: 1 }),
    });
    expect(String(forgedAgain.answers[0]?.text)).toContain(`Already drafted: *PO-000001* by <@${clerk}>`);
    expect(poCount()).toBe(1);
  });

  it("snoozes from either channel, rewrites the alert, and closes it once replenished", async () => {
    await command(keeper, "/adjust", "NUT-M6 -60 MAIN/A-01 damaged");
    await t.notifier.drain();
    expect(await click(keeperZh, alertIn(warehouseChannel), "Snooze 1 day")).toContain(
      ":zzz: NUT-M6 已暂缓至",
    );
    expect(await click(keeper, alertIn(warehouseChannel), "Snooze 1 day")).toContain(`already snoozed until`);
    expect(await click(salesperson, alertIn(warehouseChannel), "Snooze 7 days")).toContain("not allowed");
    await t.notifier.drain();
    expect(JSON.stringify(alertIn(purchasingChannel)?.blocks)).toContain(`by <@${keeperZh}>`);

    // Back above the point: both messages close and lose their buttons; an old button is stale.
    const before = alertIn(warehouseChannel);
    await command(keeper, "/adjust", "NUT-M6 +20 MAIN/A-01 found");
    await t.notifier.drain();
    for (const channel of [warehouseChannel, purchasingChannel]) {
      const closed = alertIn(channel);
      expect(JSON.stringify(closed?.blocks)).toContain("Back above its reorder point");
      expect(JSON.stringify(closed?.blocks)).not.toContain("low_stock_draft");
    }
    const stale = await forgeButtonClick(t, {
      userId: clerk,
      channel: warehouseChannel,
      actionId: "low_stock_draft",
      value: JSON.stringify({ itemId: 1, episode: 1 }),
    });
    expect(String(stale.answers[0]?.text)).toBe(
      "NUT-M6 is back above its reorder point: nothing to do, and nothing was changed.",
    );
    expect(before?.ts).toBe(alertIn(warehouseChannel)?.ts);

    // The next drop is a new episode, but the item is snoozed: its alert waits for the snooze to end.
    await command(keeper, "/adjust", "NUT-M6 -30 MAIN/A-01 damaged");
    await t.notifier.drain();
    expect(t.emulator.messages(warehouseChannel).filter((m) => m.text?.startsWith("Low stock"))).toHaveLength(
      1,
    );
    clock.advance(25 * hour);
    await t.notifier.drain();
    const episodeTwo = t.emulator.messages(warehouseChannel).at(-1);
    expect(episodeTwo?.text).toBe("Low stock: NUT-M6 Hex nut M6 · projected 80 pcs, reorder point 100 pcs");
    expect(JSON.stringify(episodeTwo?.blocks)).toContain('\\"episode\\":2');
  });

  it("reminds in both channels when a snooze ends and the item is still low", async () => {
    await command(keeper, "/adjust", "NUT-M6 -60 MAIN/A-01 damaged");
    await t.notifier.drain();
    expect(await click(clerk, alertIn(purchasingChannel), "Snooze 1 day")).toContain(
      ":zzz: NUT-M6 is snoozed until",
    );
    clock.advance(23 * hour);
    await t.notifier.drain();
    expect(t.emulator.messages(warehouseChannel).filter((m) => m.text?.startsWith("Low stock"))).toHaveLength(
      1,
    );
    clock.advance(2 * hour);
    await t.notifier.drain();
    for (const channel of [warehouseChannel, purchasingChannel]) {
      const alerts = t.emulator.messages(channel).filter((m) => m.text?.startsWith("Low stock: NUT-M6"));
      expect(alerts).toHaveLength(2);
      expect(JSON.stringify(alerts[1]?.blocks)).toContain(":warning: Still low: NUT-M6");
      expect(JSON.stringify(alerts[1]?.blocks)).toContain('"text":"Draft PO"');
    }
  });

  it("follows the routing table and the channel language", async () => {
    await command(admin, "/jxc", "route low_stock.alert remove channel:purchasing");
    await command(admin, "/jxc", "route low_stock.alert add role:warehouse_supervisor");
    t.db.$client
      .prepare(
        "insert into company_settings (key, value, updated_by, updated_at) values ('channel_language', '\"zh-CN\"', 'x', 0)",
      )
      .run();
    await command(keeper, "/adjust", "NUT-M6 -60 MAIN/A-01 damaged");
    await t.notifier.drain();
    expect(t.emulator.messages(purchasingChannel).some((m) => m.text?.includes("NUT-M6"))).toBe(false);
    expect(t.emulator.lastMessage(warehouseChannel)?.text).toBe(
      "低库存：NUT-M6 六角螺母M6 · 预计 90 pcs，再订货点 100 pcs",
    );
  });

  it("switches to a morning digest: no single alerts, one list at 08:00", async () => {
    expect((await command(keeper, "/jxc", "lowstock digest on")).text).toContain("not allowed");
    expect((await command(admin, "/jxc", "lowstock digest on")).text).toContain("one digest every morning");
    await command(keeper, "/adjust", "NUT-M6 -60 MAIN/A-01 damaged");
    await command(keeper, "/adjust", "BOLT-M6 -20 MAIN/A-01 damaged");
    await t.notifier.drain();
    expect(t.emulator.messages(warehouseChannel).filter((m) => m.text?.startsWith("Low stock"))).toHaveLength(
      0,
    );
    const list = await command(keeper, "/jxc", "lowstock");
    expect(list.text).toBe("Low stock now: 2 items at or below their reorder point");
    expect(JSON.stringify(list.blocks)).toContain(
      "*BOLT-M6* Hex bolt M6 · projected 40 pcs, reorder point 50 pcs",
    );
    expect(JSON.stringify(list.blocks)).toContain("one digest every morning at 08:00");
    expect((await command(salesperson, "/jxc", "lowstock")).text).toContain("not allowed");
    expect((await command(keeper, "/jxc", "lowstock later")).text).toContain("Usage: `/jxc lowstock`");

    // 08:00 in Shanghai is midnight UTC.
    const now = new Date(clock.now());
    clock.set(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1));
    const outcomes = await t.jxc.scheduler.runDue(clock.now());
    expect(outcomes.find((o) => o.job === "low-stock-digest")?.outcome).toBe("ran");
    await t.notifier.drain();
    for (const channel of [warehouseChannel, purchasingChannel]) {
      const digest = t.emulator
        .messages(channel)
        .filter((m) => m.text?.startsWith(":warning: Low stock this morning"));
      expect(digest).toHaveLength(1);
      // Most urgent first: the nut is 10 under its point, the bolt 10 under too, so by item.
      expect(JSON.stringify(digest[0]?.blocks)).toContain("2 items at or below their reorder point");
    }
  });
});
