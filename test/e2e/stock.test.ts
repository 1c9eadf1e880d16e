import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemPickerElement } from "../../commands/pickers/item-picker.ts";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { encodeGb18030 } from "../harness/gb18030.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const accountant = "U0ACCT";
const stranger = "U0NOROLE";

const screwNames = [
  "十字螺丝",
  "自攻螺丝",
  "螺母",
  "螺栓",
  "膨胀螺丝",
  "机螺丝",
  "木螺丝",
  "方螺母",
  "蝶形螺母",
  "六角螺栓",
  "法兰螺母",
  "沉头螺丝",
];
const itemsCsv = [
  "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
  "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,6901234567890,fasteners,0.35,500,2000,7,",
  "GLOVE-L,Work gloves L,劳保手套L,pair,6900000000011,safety,8.50,20,100,3,",
  ...screwNames.map(
    (zh, i) => `SCR-${String(i + 1).padStart(2, "0")},Screw part ${i + 1},${zh},pcs,,fasteners,0.10,,,,`,
  ),
].join("\n");

// Opening stock saved by Excel on Chinese Windows: GB18030, with a new warehouse and bins.
const stockCsv = encodeGb18030(
  [
    "sku,warehouse,bin,qty,unit_cost",
    "BOLT-M6,主仓,A-01,300,0.20",
    "BOLT-M6,东仓,B-07,100,0.20",
    "GLOVE-L,主仓,A-02,40,5.00",
  ].join("\r\n"),
);

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("/stock after a CSV import through Slack", () => {
  let t: TestApp;
  const stock = async (user: string, text: string) => {
    const response = await t.driver.command(user, "/stock", text, { channelId: "C0FLOOR" });
    expect(response.status).toBe(200);
    return { ...(response.json as Reply), responseUrl: response.responseUrl };
  };

  beforeAll(async () => {
    t = await startTestApp({
      admins: [admin],
      users: [
        { id: admin, name: "boss", locale: "en-US" },
        { id: keeper, name: "wang", locale: "zh-CN" },
        { id: accountant, name: "li", locale: "en-US" },
        { id: stranger, name: "guest", locale: "en-US" },
      ],
    });
    await grantRoles(t, admin, { [keeper]: "warehouse_keeper", [accountant]: "accountant" });
    const items = await importViaSlack(t, admin, "items", {
      name: "items.csv",
      bytes: Buffer.from(`\ufeff${itemsCsv}`),
    });
    expect(items.dmText).toContain("Imported items");
    expect(items.dmText).toContain("14 rows · 14 created");
    const opening = await importViaSlack(t, admin, "stock", { name: "期初库存.csv", bytes: stockCsv });
    expect(opening.dmText).toContain("read as gb18030");
    expect(opening.dmText).toContain("New warehouses: 主仓, 东仓");
  });
  afterAll(() => t.stop());

  it("shows one item's stock by SKU in the keeper's language, without cost", async () => {
    const reply = await stock(keeper, "BOLT-M6");
    const card = JSON.stringify(reply.blocks);
    expect(card).toContain("六角螺栓M6");
    expect(card).toContain("在库");
    expect(reply.text).toContain("400");
    expect(card).toContain("主仓");
    expect(card).toContain("B-07");
    expect(card).not.toContain("平均成本");
    expect(card).toContain("库存不足");
  });

  it("shows value and average cost to a role allowed to see cost", async () => {
    const reply = await stock(accountant, "bolt-m6");
    const card = JSON.stringify(reply.blocks);
    expect(card).toContain("Average cost");
    expect(card).toContain("80.00");
  });

  it("finds an item by barcode", async () => {
    const reply = await stock(accountant, "6900000000011");
    expect(reply.text).toContain("Work gloves L");
  });

  it("lists many matches for a Chinese substring, with paging buttons that work", async () => {
    const first = await stock(keeper, "螺");
    expect(first.text).toContain("共有 13 个商品匹配");
    const posted = t.emulator.lastMessage("C0FLOOR");
    if (!posted) throw new Error("the list was not shown");
    await t.driver.clickButton(keeper, { channel: "C0FLOOR", ts: posted.ts }, { label: "下一页 ▶" });
    const page = t.emulator.responseUrlPosts().at(-1);
    expect(JSON.stringify(page?.body)).toContain("显示第 11–13 个");
  });

  it("answers an unknown item with the closest suggestions", async () => {
    const reply = await stock(accountant, "BOLT-M7");
    expect(reply.text).toContain("No item matches `BOLT-M7`");
    expect(reply.text).toContain("BOLT-M6");
  });

  it("filters by warehouse and refuses an unknown one, listing those there are", async () => {
    const wh2 = await stock(accountant, "BOLT-M6 @东仓");
    expect(wh2.text).toContain("On hand 100");
    const unknown = await stock(accountant, "BOLT-M6 @WH9");
    expect(unknown.text).toBe("No warehouse `WH9`. Warehouses: 东仓, 主仓");
  });

  it("shares the card in the channel without cost figures", async () => {
    await stock(accountant, "BOLT-M6");
    const posted = t.emulator.lastMessage("C0FLOOR");
    if (!posted) throw new Error("no card");
    await t.driver.clickButton(
      accountant,
      { channel: "C0FLOOR", ts: posted.ts },
      { label: "Share in channel" },
    );
    const shared = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(shared?.response_type).toBe("in_channel");
    expect(JSON.stringify(shared)).toContain(`Shared by <@${accountant}>`);
    expect(JSON.stringify(shared)).not.toContain("Average cost");
  });

  it("refuses someone with no role, and a forged Share click from them", async () => {
    const reply = await stock(stranger, "BOLT-M6");
    expect(reply.text).toContain("You have no jxc role yet");
    // The card is ephemeral to the accountant, so Slack would never show it to the stranger: forge the click.
    await stock(accountant, "BOLT-M6");
    const card = t.emulator.lastMessage("C0FLOOR");
    const share = JSON.stringify(card?.blocks).match(
      /"action_id":"stock_share"[^}]*"value":"((?:\\.|[^"\\])*)"/,
    );
    const value = JSON.parse(`"${share?.[1] ?? ""}"`) as string;
    const responseUrl = t.emulator.createResponseUrl({ channel: "C0FLOOR", userId: stranger });
    const payload = {
      type: "block_actions",
      user: { id: stranger, username: "guest", name: "guest", team_id: "T0JXC0001" },
      api_app_id: "A0JXC0001",
      token: "legacy",
      team: { id: "T0JXC0001", domain: "jxc" },
      channel: { id: "C0FLOOR", name: "floor" },
      container: { type: "message", message_ts: card?.ts, channel_id: "C0FLOOR", is_ephemeral: true },
      trigger_id: t.emulator.createTriggerId(stranger),
      response_url: responseUrl,
      actions: [
        {
          action_id: "stock_share",
          block_id: "b",
          type: "button",
          value,
          text: { type: "plain_text", text: "Share" },
          action_ts: "1.2",
        },
      ],
    };
    const forged = await t.driver.post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(forged.status).toBe(200);
    const answer = t.emulator.responseUrlPosts(responseUrl);
    expect(answer).toHaveLength(1);
    expect(answer[0]?.body.response_type).not.toBe("in_channel");
    expect(JSON.stringify(answer[0]?.body)).toContain("You have no jxc role yet");
  });

  it("answers an item picker's searches by name, SKU and barcode, and nobody without a role", async () => {
    // No modal asks for an item yet, so a test command opens one with the real picker element.
    t.jxc.bolt.command("/pick-item", async ({ ack, client, command }) => {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: {
          type: "modal",
          title: { type: "plain_text", text: "Pick" },
          submit: { type: "plain_text", text: "OK" },
          blocks: [
            {
              type: "input",
              block_id: "item",
              label: { type: "plain_text", text: "Item" },
              element: itemPickerElement("en"),
            },
          ],
        },
      });
    });
    const optionsFor = async (user: string, typed: string) => {
      await t.driver.command(user, "/pick-item");
      const view = t.emulator.openViews(user).at(-1);
      if (!view) throw new Error("no modal");
      const response = await t.driver.suggest(user, view.id, "item_picker", typed);
      expect(response.latencyMs).toBeLessThan(3000);
      return ((response.json as { options: { text: { text: string }; value: string }[] }).options ?? []).map(
        (o) => o.text.text,
      );
    };
    expect(await optionsFor(keeper, "螺母")).toEqual(
      expect.arrayContaining(["SCR-03 · 螺母", "SCR-08 · 方螺母"]),
    );
    expect((await optionsFor(accountant, "6901234567890"))[0]).toBe("BOLT-M6 · Hex bolt M6");
    expect(await optionsFor(accountant, "glove")).toEqual(["GLOVE-L · Work gloves L"]);
    expect(await optionsFor(stranger, "bolt")).toEqual([]);
  });

  it("refuses an oversized query", async () => {
    const reply = await stock(accountant, "x".repeat(300));
    expect(reply.text).toContain("it is too long");
  });
});
