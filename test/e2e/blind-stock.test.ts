import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const keeper = "U0KEEPER";
const keeperZh = "U0KEEPERZH";
const supervisor = "U0SUPER";
const floor = "C0FLOOR";

// Quantities no other figure on a card could be: 4321 at MAIN/A-01 (counted), 6122 in all.
const hiddenFigures = ["4321", "4,321", "8765", "8,765", "6122", "6,122"];

interface Reply {
  text: string;
  blocks?: unknown[];
}

async function loadStock(t: TestApp): Promise<void> {
  const items = [
    "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
    "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,3000,,,",
    "BOLT-M8,Hex bolt M8,六角螺栓M8,pcs,,fasteners,0.45,,,,",
  ].join("\n");
  const stock = [
    "sku,warehouse,bin,qty,unit_cost",
    "BOLT-M6,MAIN,A-01,4321,0.20",
    "BOLT-M6,MAIN,A-02,1234,0.20",
    "BOLT-M6,EAST,B-07,567,0.20",
    "BOLT-M8,MAIN,A-01,8765,0.30",
  ].join("\n");
  await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
  await importViaSlack(t, admin, "stock", { name: "stock.csv", bytes: Buffer.from(stock) });
}

describe("/stock stays blind to the people counting while a count is under way", () => {
  let t: TestApp;
  const say = async (user: string, command: string, text: string) => {
    const response = await t.driver.command(user, command, text, { channelId: floor });
    expect(response.status).toBe(200);
    return (response.json ?? { text: "" }) as Reply;
  };
  const drawn = (reply: unknown) => JSON.stringify(reply);
  const expectNoHiddenFigure = (reply: unknown) => {
    for (const figure of hiddenFigures) expect(drawn(reply), figure).not.toContain(figure);
  };
  const lastShown = () => {
    const message = t.emulator.lastMessage(floor);
    if (!message) throw new Error("nothing shown");
    return message;
  };
  const lastResponse = () => t.emulator.responseUrlPosts().at(-1)?.body;
  const rows = (table: string) =>
    (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin],
      users: [admin, keeper, keeperZh, supervisor].map((id) => ({
        id,
        name: id,
        locale: id === keeperZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [keeper]: "warehouse_keeper",
      [keeperZh]: "warehouse_keeper",
      [supervisor]: "warehouse_supervisor",
    });
    await loadStock(t);
  });
  afterEach(() => t.stop());

  it("a keeper reads no quantity of a counted bin in the card, the list, Details or Share; a supervisor does", async () => {
    expect((await say(keeper, "/count", "start MAIN/A-01")).text).toContain("*CNT-000001* started: 2 lines");

    const card = await say(keeper, "/stock", "BOLT-M6");
    expect(card.text).toBe(
      "Hex bolt M6 · 六角螺栓M6: On hand 1801 pcs, Available 1801 pcs (bins being counted left out)",
    );
    expect(drawn(card.blocks)).toContain("*MAIN* · `A-01` — being counted (CNT-000001)");
    expect(drawn(card.blocks)).toContain(
      "*MAIN* · `A-02` — On hand 1234 pcs · Reserved 0 pcs · Available 1234 pcs",
    );
    expect(drawn(card.blocks)).toContain("*EAST* · `B-07` — On hand 567 pcs");
    expect(drawn(card.blocks)).toContain(
      "The totals leave out 1 bin being counted (CNT-000001): counts are blind, so their quantities show again once the count is finished.",
    );
    // 1801 pcs available is below the reorder point of 3,000, but the flag would say something of A-01.
    expect(drawn(card.blocks)).not.toContain("Low stock");
    expectNoHiddenFigure(card);

    // Shared to the channel: the same blind card for everyone there.
    await t.driver.clickButton(keeper, { channel: floor, ts: lastShown().ts }, { label: "Share in channel" });
    const shared = lastResponse();
    expect(shared?.response_type).toBe("in_channel");
    expect(drawn(shared)).toContain("being counted (CNT-000001)");
    expectNoHiddenFigure(shared);

    const list = await say(keeper, "/stock", "hex bolt");
    expect(drawn(list.blocks)).toContain(
      "`BOLT-M6` Hex bolt M6 · 六角螺栓M6 — Available 1801 pcs (1 bin being counted left out)",
    );
    expect(drawn(list.blocks)).toContain("`BOLT-M8` Hex bolt M8 · 六角螺栓M8 — being counted (CNT-000001)");
    expectNoHiddenFigure(list);
    const listed = lastShown();
    await t.driver.clickButton(keeper, { channel: floor, ts: listed.ts }, { actionId: "stock_show_1" });
    const details = lastResponse();
    expect(details?.replace_original).toBe(true);
    expect(details?.text).toBe("Hex bolt M8 · 六角螺栓M8: being counted (CNT-000001)");
    expect(drawn(details?.blocks)).toContain("*On hand*\\n—");
    expectNoHiddenFigure(details);

    // The supervisor reviews counts: everything, in the card, the list and Details.
    const theirs = await say(supervisor, "/stock", "BOLT-M6");
    expect(theirs.text).toBe("Hex bolt M6 · 六角螺栓M6: On hand 6122 pcs, Available 6122 pcs");
    expect(drawn(theirs.blocks)).toContain("*MAIN* · `A-01` — On hand 4321 pcs");
    expect(drawn(theirs.blocks)).not.toContain("being counted");
    const theirList = await say(supervisor, "/stock", "hex bolt");
    expect(drawn(theirList.blocks)).toContain("— Available 8765 pcs");
    await t.driver.clickButton(
      supervisor,
      { channel: floor, ts: lastShown().ts },
      { actionId: "stock_show_1" },
    );
    expect(lastResponse()?.text).toBe("Hex bolt M8 · 六角螺栓M8: On hand 8765 pcs, Available 8765 pcs");
    // What the supervisor shares goes to people who may be counting: blind too.
    await say(supervisor, "/stock", "BOLT-M6");
    await t.driver.clickButton(
      supervisor,
      { channel: floor, ts: lastShown().ts },
      { label: "Share in channel" },
    );
    expect(lastResponse()?.response_type).toBe("in_channel");
    expectNoHiddenFigure(lastResponse());

    // In Chinese.
    const zh = await say(keeperZh, "/stock", "BOLT-M6");
    expect(zh.text).toBe("六角螺栓M6 (Hex bolt M6): 在库 1801 pcs, 可用 1801 pcs (未含正在盘点的库位)");
    expect(drawn(zh.blocks)).toContain("正在盘点（CNT-000001）");
    expect(drawn(zh.blocks)).toContain("合计未包含正在盘点的 1 个库位（CNT-000001）");
    expectNoHiddenFigure(zh);
    const zhList = await say(keeperZh, "/stock", "六角螺栓");
    expect(drawn(zhList.blocks)).toContain("（未含正在盘点的 1 个库位）");
    expectNoHiddenFigure(zhList);
  });

  it("'not enough stock' at a counted bin names no quantity to a keeper, and writes nothing", async () => {
    await say(keeper, "/count", "start MAIN/A-01");
    const before = {
      moves: rows("stock_moves"),
      adjustments: rows("stock_adjustments"),
      audit: rows("audit_log"),
    };
    const moved = await say(keeper, "/move", "BOLT-M6 15000 MAIN/A-01 to A-02");
    expect(moved.text).toBe(
      "Not enough stock of BOLT-M6 at MAIN/A-01 for 15000 pcs; nothing was changed. MAIN/A-01 is being counted (CNT-000001), so its quantity is not shown until the count is finished.",
    );
    const adjusted = await say(keeper, "/adjust", "BOLT-M6 15000 MAIN/A-01 lost");
    expect(adjusted.text).toContain("MAIN/A-01 is being counted (CNT-000001)");
    expectNoHiddenFigure(adjusted);
    const zh = await say(keeperZh, "/move", "BOLT-M6 15000 MAIN/A-01 到 A-02");
    expect(zh.text).toBe(
      "MAIN/A-01 的 BOLT-M6 库存不足 15000 pcs；未作任何更改。MAIN/A-01 正在盘点（CNT-000001），盘点完成前不显示其数量。",
    );
    // A bin outside the count still says what it holds; the supervisor is told as ever.
    expect((await say(keeper, "/move", "BOLT-M6 15000 MAIN/A-02 to A-01")).text).toBe(
      "Not enough stock of BOLT-M6: 1234 available, 15000 needed.",
    );
    expect((await say(supervisor, "/move", "BOLT-M6 15000 MAIN/A-01 to A-02")).text).toBe(
      "Not enough stock of BOLT-M6: 4321 available, 15000 needed.",
    );
    expect({
      moves: rows("stock_moves"),
      adjustments: rows("stock_adjustments"),
      audit: rows("audit_log"),
    }).toEqual(before);
    // A move that fits works during the count (the count reconciles it), and says no more than before.
    expect((await say(keeper, "/move", "BOLT-M6 21 MAIN/A-01 to A-02")).text).toContain(
      "Moved 21 pcs BOLT-M6",
    );
  });

  it("once the count is cancelled or finished the keeper sees the bin again", async () => {
    await say(keeper, "/count", "start MAIN/A-01");
    await say(keeper, "/count", "CNT-000001 cancel");
    const afterCancel = await say(keeper, "/stock", "BOLT-M6");
    expect(afterCancel.text).toBe("Hex bolt M6 · 六角螺栓M6: On hand 6122 pcs, Available 6122 pcs");
    expect(drawn(afterCancel.blocks)).toContain("*MAIN* · `A-01` — On hand 4321 pcs");

    await say(keeper, "/count", "start MAIN/A-02");
    expect((await say(keeper, "/stock", "BOLT-M6")).text).toContain("On hand 4888 pcs");
    await say(keeper, "/count", "CNT-000002");
    const sheet = t.emulator.openViews(keeper).at(-1);
    if (!sheet) throw new Error("no count sheet");
    const input = (sheet.view.blocks as { type: string; block_id: string }[]).find((b) => b.type === "input");
    await t.driver.submitView(keeper, sheet.id, { [input?.block_id ?? ""]: "1234" });
    expect((await say(keeper, "/count", "CNT-000002 finish")).text).toContain("posted");
    const afterFinish = await say(keeper, "/stock", "BOLT-M6");
    expect(afterFinish.text).toBe("Hex bolt M6 · 六角螺栓M6: On hand 6122 pcs, Available 6122 pcs");
    expect(drawn(afterFinish.blocks)).not.toContain("being counted");
  });
});
