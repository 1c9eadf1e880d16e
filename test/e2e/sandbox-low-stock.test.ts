import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { buildPurchasePlan, readPlanOptions } from "../../src/domain/purchasing/plan.ts";
import { createLogger } from "../../src/log.ts";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import type { StoredMessage } from "../../src/sandbox/emulator/emulator-types.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const keeper = demoUserWithRole("warehouse_keeper");
const clerk = demoUserWithRole("purchasing_clerk");
const warehouseChannel = "C0WAREHOUSE";
const purchasingChannel = "C0PURCHASING";

describe("the sandbox: a keeper's adjustment brings an item low, and purchasing drafts its PO", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-low-stock-")), "sandbox.sqlite");
  let sandbox: LocalSandbox;
  const act = async (path: string, body: unknown) => {
    const response = await fetch(new URL(`sandbox/${path}`, sandbox.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Jxc-Sandbox": "1" },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toEqual({ ok: true });
  };
  const messagesOf = async (user: string) =>
    (
      (await (await fetch(new URL(`sandbox/workspace?user=${user}`, sandbox.url))).json()) as {
        messages: StoredMessage[];
      }
    ).messages;
  const waitFor = async (user: string, found: (m: StoredMessage) => boolean): Promise<StoredMessage> => {
    for (let i = 0; i < 200; i += 1) {
      const hit = (await messagesOf(user)).find(found);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `nothing arrived for ${user}: ${JSON.stringify((await messagesOf(user)).map((m) => [m.channel, m.text]))}`,
    );
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

  it("alerts #warehouse and #purchasing, and Draft PO gives the clerk a draft PO", async () => {
    // The demo starts with a few items already low: loading them is not news, so nothing is posted.
    const lowAtStart = (await messagesOf(keeper.id)).filter((m) => m.text?.startsWith("Low stock"));
    expect(lowAtStart).toEqual([]);
    // 120 screwdrivers, reorder point 30: losing 95 leaves 25.
    await act("command", {
      user: keeper.id,
      channel: warehouseChannel,
      text: "/adjust TL-SD-PH2 -95 MAIN/C-02 丢失 盘点时发现短少",
    });
    const expected = "Low stock: TL-SD-PH2 Screwdriver PH2 · projected 25 pcs, reorder point 30 pcs";
    await waitFor(keeper.id, (m) => m.channel === warehouseChannel && m.text === expected);
    const alert = await waitFor(clerk.id, (m) => m.channel === purchasingChannel && m.text === expected);
    expect(JSON.stringify(alert.blocks)).toContain("JGT · Jinggong Tool Works");

    // The demo's history ends today and skips Sundays, so the plan's quantity moves with the day.
    const planned = plannedQty(databasePath, "TL-SD-PH2");
    expect(planned).toBeGreaterThan(0);
    const buttons = (alert.blocks as { type: string; block_id?: string }[]).find((b) => b.type === "actions");
    await act("action", {
      user: clerk.id,
      target: { channel: alert.channel, ts: alert.ts },
      blockId: buttons?.block_id,
      actionId: "low_stock_draft",
    });
    // The plan sizes the order from the demo's half year of issues, at JGT's list price; the demo's
    // own history holds PO-000001 to PO-000007.
    const reply = await waitFor(
      clerk.id,
      (m) => m.ephemeral === true && m.text?.includes("PO-000008") === true,
    );
    expect(reply.text).toContain(`已按采购计划的建议起草 *PO-000008*：向 JGT 采购 ${planned} pcs TL-SD-PH2`);
    await waitFor(
      clerk.id,
      (m) =>
        m.ts === alert.ts &&
        JSON.stringify(m.blocks).includes(`Draft *PO-000008* by <@${clerk.id}>`) &&
        !JSON.stringify(m.blocks).includes("low_stock_draft"),
    );
    const file = new Database(databasePath, { readonly: true });
    const po = file
      .prepare(
        `select p.status, p.created_by as by, s.code as supplier, l.qty, l.unit_price as price
           from purchase_orders p join suppliers s on s.id = p.supplier_id
           join purchase_order_lines l on l.purchase_order_id = p.id
          where p.number = 'PO-000008'`,
      )
      .all();
    file.close();
    expect(po).toEqual([{ status: "draft", by: clerk.id, supplier: "JGT", qty: planned, price: 550 }]);
  });

  it("answers /jxc slotting after the ack, in place of its 'working' line", async () => {
    await act("command", { user: keeper.id, channel: warehouseChannel, text: "/jxc slotting MAIN" });
    // The demo's half year of issues gives the picks; its bins are ranked from the door.
    const answer = await waitFor(keeper.id, (m) => m.text?.startsWith("库位优化 · MAIN 主仓") === true);
    // The history ends today, so its last 90 days hold a different number of lines each day.
    const file = new Database(databasePath, { readonly: true });
    const picks = file
      .prepare(
        `select count(*) from stock_moves m join locations l on l.id = m.location_id
          join warehouses w on w.id = l.warehouse_id
          where w.code = 'MAIN' and m.reason = 'issue' and m.at >= ?`,
      )
      .pluck()
      .get(Date.now() - 90 * 86_400_000) as number;
    file.close();
    expect(picks).toBeGreaterThan(1000);
    expect(answer.text).toBe(
      `库位优化 · MAIN 主仓: 近 90 天拣货 ${picks.toLocaleString("en")} 行，涉及 62 个商品（本仓库位的出库）`,
    );
    expect((await messagesOf(keeper.id)).some((m) => m.text?.includes("正在为 MAIN"))).toBe(false);
  });
});

/** What the purchase plan suggests for an item now, read through a connection of the test's own. */
function plannedQty(databasePath: string, sku: string): number {
  const db = openDatabase(databasePath);
  try {
    const plan = buildPurchasePlan(db, Date.now(), readPlanOptions(db));
    const line = plan.groups.flatMap((group) => group.lines).find((l) => l.facts.sku === sku);
    return line?.qty ?? 0;
  } finally {
    db.$client.close();
  }
}
