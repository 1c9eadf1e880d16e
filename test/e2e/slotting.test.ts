import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { issueStock } from "../../src/domain/stock/index.ts";
import { forgeButtonClick, grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const supervisor = "U0SUP";
const keeperZh = "U0KEEPERZH";
const salesperson = "U0SALES";
const desk = "C0DESK";
const day = 86_400_000;

describe("/jxc slotting, through Slack", () => {
  let t: TestApp;
  const clock = fixedClock(Date.now());
  // A deferred answer follows the ack through the response URL (a big warehouse takes seconds);
  // with the test switch it reaches the fake Slack before the ack, so it is a message of its own.
  const say = async (user: string, text: string) => {
    const before = t.emulator.responseUrlPosts().length;
    const response = await t.driver.command(user, "/jxc", text, { channelId: desk });
    expect(response.status).toBe(200);
    const ack = (response.json as { text?: string }).text ?? "";
    const deferred = t.emulator.responseUrlPosts().at(before)?.body;
    const shown = deferred
      ? t.emulator.messages(desk).findLast((m) => m.text === deferred.text)
      : t.emulator.lastMessage(desk);
    return { text: shown?.text ?? "", blocks: shown?.blocks, ack, ts: shown?.ts ?? "" };
  };
  const lastAnswer = () => String(t.emulator.responseUrlPosts().at(-1)?.body.text ?? "");
  const binOf = (sku: string) =>
    t.db.$client
      .prepare(
        "select l.code as bin, b.on_hand as qty from stock_balances b join locations l on l.id = b.location_id join items i on i.id = b.item_id where i.sku = ? and b.on_hand > 0 order by l.code",
      )
      .all(sku);

  beforeEach(async () => {
    t = await startTestApp({
      clock,
      admins: [admin],
      users: [admin, supervisor, keeperZh, salesperson].map((id) => ({
        id,
        name: id,
        locale: id === keeperZh ? "zh-CN" : "en-US",
      })),
    });
    await grantRoles(t, admin, {
      [supervisor]: "warehouse_supervisor",
      [keeperZh]: "warehouse_keeper",
      [salesperson]: "salesperson",
    });
    const items = [
      "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
      "FAST-1,Fast mover,快销品,pcs,,fasteners,0.20,,,,",
      "SLOW-1,Slow mover,慢销品,pcs,,fasteners,0.20,,,,",
    ].join("\n");
    const bins = [
      "warehouse,bin,warehouse_name,warehouse_name_zh,zone,rank,capacity",
      "MAIN,A-01,Main warehouse,主仓,A,1,100",
      "MAIN,B-01,Main warehouse,主仓,B,2,100",
      "MAIN,C-01,Main warehouse,主仓,C,3,500",
      "EAST,E-01,East warehouse,东仓,E,,",
    ].join("\n");
    await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
    await importViaSlack(t, admin, "bins", { name: "bins.csv", bytes: Buffer.from(bins) });
    await importViaSlack(t, admin, "stock", {
      name: "stock.csv",
      bytes: Buffer.from(
        "sku,warehouse,bin,qty,unit_cost\nFAST-1,MAIN,C-01,60,1.00\nSLOW-1,MAIN,A-01,90,1.00\nSLOW-1,EAST,E-01,5,1.00\n",
      ),
    });
    // No shipping command exists yet: ten lines picked of FAST-1, written as shipping will.
    const sqlite = t.db.$client;
    const fast = Number(sqlite.prepare("select id from items where sku = 'FAST-1'").pluck().get());
    const bin = Number(sqlite.prepare("select id from locations where code = 'C-01'").pluck().get());
    t.db.transaction((tx) => {
      for (let n = 1; n <= 10; n++) {
        issueStock(
          tx,
          { userId: admin, at: clock.now() - n * day, batchId: randomUUID() },
          {
            itemId: fast,
            locationId: bin,
            qty: 1,
          },
        );
      }
    });
  });
  afterEach(() => t.stop());

  it("suggests making room by the door, then moving the fast mover in; each Move button moves once", async () => {
    const answer = await say(supervisor, "slotting MAIN");
    expect(answer.ack).toBe(":hourglass_flowing_sand: Working out the moves for MAIN Main warehouse…");
    expect(answer.text).toBe(
      "Slotting · MAIN Main warehouse: 10 lines picked of 1 item in the last 90 days (issues from this warehouse's bins)",
    );
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain("*1.* Move *90 pcs* SLOW-1 Slow mover · MAIN/A-01 → MAIN/B-01");
    expect(shown).toContain("makes room in MAIN/A-01 for FAST-1, the next move");
    expect(shown).toContain("*2.* Move *50 pcs* FAST-1 Fast mover · MAIN/C-01 → MAIN/A-01");
    expect(shown).toContain(
      "_A item, 1st most picked of 1 (10 picks): from the 3rd bin from the door to the 1st bin from the door_",
    );
    expect(shown).toContain("2 moves in all, in this order");
    const message = { channel: desk, ts: answer.ts };

    // Out of order: the fast mover does not fit until the slow one has left.
    await t.driver.clickButton(supervisor, message, { actionId: "slotting_move_2" });
    expect(lastAnswer()).toBe(
      "Nothing moved: MAIN/A-01 has room for only 10 pcs now. Do the move above it that makes room first.",
    );
    // Someone who may not move stock cannot, whatever the button says.
    const forged = await forgeButtonClick(t, {
      userId: salesperson,
      channel: desk,
      actionId: "slotting_move_1",
      value: JSON.stringify({ i: 2, l: 0, f: 1, t: 2, q: 90, c: 100 }),
    });
    expect(String(forged.answers[0]?.text)).toContain("not allowed");
    expect(binOf("SLOW-1")).toEqual([
      { bin: "A-01", qty: 90 },
      { bin: "E-01", qty: 5 },
    ]);

    await t.driver.clickButton(supervisor, message, { actionId: "slotting_move_1" });
    expect(lastAnswer()).toBe(":white_check_mark: Moved 90 pcs SLOW-1 from MAIN/A-01 to MAIN/B-01.");
    await t.driver.clickButton(supervisor, message, { actionId: "slotting_move_2" });
    expect(lastAnswer()).toBe(":white_check_mark: Moved 50 pcs FAST-1 from MAIN/C-01 to MAIN/A-01.");
    // A double click finds the stock gone and moves nothing.
    await t.driver.clickButton(supervisor, message, { actionId: "slotting_move_2" });
    expect(lastAnswer()).toContain(
      "Nothing moved: MAIN/C-01 now holds 0 pcs of FAST-1 that may move, not the 50 pcs suggested",
    );
    expect(binOf("FAST-1")).toEqual([{ bin: "A-01", qty: 50 }]);
    expect(binOf("SLOW-1")).toEqual([
      { bin: "B-01", qty: 90 },
      { bin: "E-01", qty: 5 },
    ]);
    expect(JSON.stringify((await say(supervisor, "slotting MAIN")).blocks)).toContain("Nothing to move");
  });

  it("answers in Chinese, asks which warehouse, and says when bins have no rank or nothing was picked", async () => {
    const zh = await say(keeperZh, "slotting main");
    expect(zh.text).toContain("库位优化 · MAIN 主仓");
    expect(JSON.stringify(zh.blocks)).toContain("为下一条的 FAST-1 腾出 MAIN/A-01");
    expect((await say(supervisor, "slotting")).text).toBe(
      "Which warehouse? `/jxc slotting EAST` · `/jxc slotting MAIN`",
    );
    expect((await say(supervisor, "slotting EAST")).text).toContain(
      "No bin in EAST East warehouse has a rank yet (2 bins)",
    );
    expect((await say(supervisor, "slotting WEST")).text).toBe("No warehouse `WEST`. Warehouses: EAST, MAIN");
    expect((await say(supervisor, "slotting MAIN extra")).text).toContain(
      "Usage: `/jxc slotting <warehouse>`",
    );
    expect((await say(salesperson, "slotting MAIN")).text).toContain("not allowed");
    // Ranked now, but nothing was ever picked there.
    await importViaSlack(t, admin, "bins", {
      name: "east.csv",
      bytes: Buffer.from("warehouse,bin,rank,capacity\nEAST,E-01,1,100\n"),
    });
    expect((await say(supervisor, "slotting east")).text).toBe(
      "Nothing was picked in EAST East warehouse in the last 90 days (no issue moves), so there is nothing to slot by yet.",
    );
  });
});
