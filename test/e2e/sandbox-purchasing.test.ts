import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import type { StoredMessage } from "../../src/sandbox/emulator/emulator-types.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const clerk = demoUserWithRole("purchasing_clerk");
const manager = demoUserWithRole("purchasing_manager");
const purchasing = "C0PURCHASING";

type Workspace = { messages: StoredMessage[]; modals: { id: string; view: { blocks: unknown[] } }[] };

describe("the sandbox: a new clerk's purchase orders, the manager's approval and the plan from the demo history", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-purchasing-")), "sandbox.sqlite");
  let sandbox: LocalSandbox;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(`sandbox/${path}`, sandbox.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Jxc-Sandbox": "1" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean; errors?: Record<string, string>; options?: unknown[] };
  };
  const act = async (path: string, body: unknown) => expect(await post(path, body)).toEqual({ ok: true });
  const workspace = async (user: string) =>
    (await (await fetch(new URL(`sandbox/workspace?user=${user}`, sandbox.url))).json()) as Workspace;
  const waitFor = async (user: string, found: (m: StoredMessage) => boolean): Promise<StoredMessage> => {
    for (let i = 0; i < 300; i += 1) {
      const hit = (await workspace(user)).messages.find(found);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seen = (await workspace(user)).messages.map((m) => [m.channel, m.threadTs, m.text?.slice(0, 80)]);
    throw new Error(`nothing arrived for ${user}: ${JSON.stringify(seen)}`);
  };
  const idOf = (sql: string, key: string) => Number(sandbox.db.$client.prepare(sql).pluck().get(key));
  const clickIn = async (user: string, message: StoredMessage, actionId: string) => {
    const blocks = (message.blocks ?? []) as { block_id?: string }[];
    const holder = blocks.find((block) => JSON.stringify(block).includes(`"action_id":"${actionId}"`));
    if (!holder?.block_id) throw new Error(`no ${actionId} in ${message.text}`);
    await act("action", {
      user,
      target: { channel: message.channel, ts: message.ts },
      blockId: holder.block_id,
      actionId,
    });
  };

  beforeAll(async () => {
    sandbox = await startLocal({
      databasePath,
      port: 0,
      host: "127.0.0.1",
      company: { currency: "CNY", timeZone: "Asia/Shanghai" },
      admins: [],
      logger: createLogger({ level: "silent" }),
    });
  });
  afterAll(() => sandbox?.stop());

  it("PO by modal and by quick form, approved from the manager's DM, told in the thread; /po plan from the history", async () => {
    expect(sandbox.loadedDemo).toBe(true);
    const hxf = idOf("select id from suppliers where code = ?", "HXF");
    const screw = idOf("select id from items where sku = ?", "SCR-M5-20");

    // 1. 刘洋 opens the PO form in #purchasing and fills it: 30 boxes of screws, no price (the list price), 下周五.
    await act("command", { user: clerk.id, channel: purchasing, text: "/po" });
    const form = (await workspace(clerk.id)).modals.at(-1);
    if (!form) throw new Error("no PO form");
    const picked = await post("suggest", {
      user: clerk.id,
      target: { viewId: form.id },
      blockId: "po_supplier",
      actionId: "supplier_picker",
      value: "华鑫",
    });
    expect(JSON.stringify(picked.options)).toContain("HXF");
    const text = (value: string) => ({ type: "plain_text_input", value });
    const option = (value: number, label: string) => ({
      selected_option: { value: String(value), text: { type: "plain_text", text: label } },
    });
    // Below HXF's minimum order of 10 boxes: refused beside the quantity, in Chinese.
    const state = (qty: string) => ({
      po_supplier: { supplier_picker: { type: "external_select", ...option(hxf, "HXF") } },
      po_line1_item: { item_picker_1: { type: "external_select", ...option(screw, "SCR-M5-20") } },
      po_line1_qty: { po_line1_qty: text(qty) },
      po_expected: { po_expected: text("下周五") },
    });
    const small = await post("submit", { user: clerk.id, viewId: form.id, state: state("3 box") });
    expect(small.errors?.po_line1_qty).toContain("低于 HXF 的最小起订量 1,000 pcs");
    await act("submit", { user: clerk.id, viewId: form.id, state: state("30 box") });
    const row = sandbox.db.$client
      .prepare(
        "select p.number, p.status, l.qty, l.unit_price from purchase_orders p join purchase_order_lines l on l.purchase_order_id = p.id where p.number > 'PO-000007'",
      )
      .all();
    expect(row).toEqual([{ number: "PO-000008", status: "pending_approval", qty: 3000, unit_price: 6 }]);

    // 2. The quick form, in Chinese.
    await act("command", {
      user: clerk.id,
      channel: purchasing,
      text: "/po HXF 20 box NUT-M6 @ 0.02 到 下周五",
    });
    await waitFor(clerk.id, (m) => m.text?.includes("PO-000009") === true);

    // 3. Grace gets the card by DM, with the supplier's scorecard from the demo history, and approves.
    const card = await waitFor(manager.id, (m) => m.text === "Approval needed · PO-000008");
    const cardText = JSON.stringify(card.blocks);
    expect(cardText).toContain("Supplier scorecard, last 90 days: on time 40.0% (2/5 lines)");
    // The list price (0.06) is below what was paid last time (0.07): flagged past the 10% alert.
    expect(cardText).toContain("last price CN¥0.07 (*−14.3%*, above the 10% alert)");
    await clickIn(manager.id, card, "approval_approve");
    await waitFor(manager.id, (m) => m.ts === card.ts && m.text === "Approved · PO-000008");

    // 4. The PO's thread in #purchasing tells it.
    const parent = await waitFor(
      clerk.id,
      (m) => m.channel === purchasing && m.text?.startsWith("Purchase order PO-000008") === true,
    );
    await waitFor(
      clerk.id,
      (m) =>
        m.threadTs === parent.ts &&
        m.text === `:white_check_mark: *PO-000008* was approved by <@${manager.id}>.`,
    );
    await waitFor(
      clerk.id,
      (m) => m.ts === parent.ts && m.text?.endsWith(":white_check_mark: approved") === true,
    );

    // 5. /po plan: sensible quantities from the demo's issues, rounded to the supplier's terms.
    await act("command", { user: clerk.id, channel: purchasing, text: "/po plan" });
    const plan = await waitFor(
      clerk.id,
      (m) => m.text?.startsWith("采购计划") === true && (m.blocks?.length ?? 0) > 0,
    );
    const shown = JSON.stringify(plan.blocks);
    expect(shown).toContain("需求：最近 90 天的出库");
    const bolts = /\*(\d[\d,]*) pcs\* BLT-M12-60/.exec(shown);
    expect(bolts).not.toBeNull();
    const qty = Number((bolts?.[1] ?? "0").replace(/,/g, ""));
    // HXF sells these bolts in boxes of 50, at least 5 boxes.
    expect(qty).toBeGreaterThanOrEqual(250);
    expect(qty % 50).toBe(0);
    // The screws are on PO-000008 now, so the plan does not ask for them again.
    expect(shown).not.toContain("SCR-M5-20");
    const boltId = idOf("select id from items where sku = ?", "BLT-M12-60");
    await clickIn(clerk.id, plan, whyActionFor(plan, boltId));
    const why = await waitFor(clerk.id, (m) => m.text?.startsWith("为什么建议 BLT-M12-60") === true);
    expect(why.text).toContain(`${bolts?.[1]} pcs？`);
    expect(JSON.stringify(why.blocks)).toMatch(/需求：90 天（[^）]+）出库 [\d,]+ pcs = 每天 [\d.]+/);
    expect(JSON.stringify(why.blocks)).toContain("供应商整包（每包 50 pcs）");

    // 6. And the scorecard itself.
    await act("command", { user: clerk.id, channel: purchasing, text: "/supplier score HXF" });
    const score = await waitFor(
      clerk.id,
      (m) => m.text?.startsWith("供应商评分 · 宁波华鑫紧固件有限公司") === true,
    );
    expect(JSON.stringify(score.blocks)).toContain("5 个到期订单行中 2 个在预计日期前交齐");
  });
});

/** The action id of the "Why this number?" button on the plan line of an item. */
function whyActionFor(plan: StoredMessage, itemId: number): string {
  for (const block of (plan.blocks ?? []) as { accessory?: { action_id?: string; value?: string } }[]) {
    const value = block.accessory?.value;
    if (value && block.accessory?.action_id?.startsWith("po_plan_why_") && JSON.parse(value).i === itemId) {
      return block.accessory.action_id;
    }
  }
  throw new Error(`no Why button for item ${itemId}`);
}
