import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import type { StoredMessage } from "../../src/sandbox/emulator/emulator-types.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const keeper = demoUserWithRole("warehouse_keeper");
const supervisor = demoUserWithRole("warehouse_supervisor");
const warehouseChannel = "C0WAREHOUSE";

interface Workspace {
  messages: StoredMessage[];
  modals: { id: string; view: { blocks: { type: string; block_id?: string; label?: { text: string } }[] } }[];
}

describe("the sandbox: 王芳 counts a bin, a large variance waits for Kevin and comes back posted", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-count-")), "sandbox.sqlite");
  let sandbox: LocalSandbox;
  const act = async (path: string, body: unknown) => {
    const response = await fetch(new URL(`sandbox/${path}`, sandbox.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Jxc-Sandbox": "1" },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toEqual({ ok: true });
  };
  const workspace = async (user: string) =>
    (await (await fetch(new URL(`sandbox/workspace?user=${user}`, sandbox.url))).json()) as Workspace;
  const waitFor = async (user: string, found: (m: StoredMessage) => boolean): Promise<StoredMessage> => {
    for (let i = 0; i < 200; i += 1) {
      const hit = (await workspace(user)).messages.find(found);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seen = (await workspace(user)).messages.map((m) => [m.channel, m.threadTs, m.text]);
    throw new Error(`nothing arrived for ${user}: ${JSON.stringify(seen)}`);
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

  it("counts MAIN/C-04 blind, posts the small difference, and Kevin approves the large one from his DM", async () => {
    // What the demo holds in MAIN/C-04 (the keeper counts it on the floor; the test reads the file).
    const file = new Database(databasePath, { readonly: true });
    const held = file
      .prepare(
        `select i.sku, b.on_hand as qty from stock_balances b join items i on i.id = b.item_id
          join locations l on l.id = b.location_id join warehouses w on w.id = l.warehouse_id
         where w.code = 'MAIN' and l.code = 'C-04' and b.on_hand > 0`,
      )
      .all() as { sku: string; qty: number }[];
    file.close();
    const found: Record<string, string> = Object.fromEntries(held.map((h) => [h.sku, String(h.qty)]));
    // Two rolls of duct tape short (−¥7.20: posts at once), eight rolls of copper wire short (−¥1,320: waits).
    found["TP-DUCT"] = String(Number(found["TP-DUCT"]) - 2);
    found["EL-WIRE-2.5"] = String(Number(found["EL-WIRE-2.5"]) - 8);

    await act("command", { user: keeper.id, channel: warehouseChannel, text: "/count start MAIN/C-04" });
    await waitFor(keeper.id, (m) => m.text?.startsWith(":clipboard: *CNT-000001* 已开始") === true);
    await act("command", { user: keeper.id, channel: warehouseChannel, text: "/count CNT-000001" });
    const sheet = (await workspace(keeper.id)).modals.at(-1);
    if (!sheet) throw new Error("no count sheet");
    const state: Record<string, Record<string, { type: string; value: string }>> = {};
    for (const block of sheet.view.blocks) {
      if (block.type !== "input" || !block.block_id) continue;
      const sku = block.label?.text.split(" · ")[1] ?? "";
      expect(held.map((h) => h.sku)).toContain(sku);
      state[block.block_id] = { [block.block_id]: { type: "plain_text_input", value: found[sku] ?? "" } };
    }
    expect(Object.keys(state)).toHaveLength(held.length);
    await act("submit", { user: keeper.id, viewId: sheet.id, state });
    await act("command", { user: keeper.id, channel: warehouseChannel, text: "/count CNT-000001 完成" });

    const card = await waitFor(supervisor.id, (m) => m.text === "Approval needed · CNT-000001");
    expect(JSON.stringify(card.blocks)).toContain("*−8 roll*, -CN¥1,320.00");
    const parent = await waitFor(
      keeper.id,
      (m) => m.channel === warehouseChannel && m.text?.startsWith("Stocktake CNT-000001") === true,
    );
    await waitFor(
      keeper.id,
      (m) =>
        m.threadTs === parent.ts && m.text?.includes("Waiting for approval: 1 line, -CN¥1,320.00.") === true,
    );

    const approve = (card.blocks as { type: string; block_id?: string }[]).find((b) => b.type === "actions");
    await act("action", {
      user: supervisor.id,
      target: { channel: card.channel, ts: card.ts },
      blockId: approve?.block_id ?? "",
      actionId: "approval_approve",
    });
    await waitFor(
      keeper.id,
      (m) => m.text === `:white_check_mark: *CNT-000001* 已由 <@${supervisor.id}> 批准。`,
    );
    await waitFor(
      keeper.id,
      (m) => m.threadTs === parent.ts && m.text?.includes("The approved variances are posted") === true,
    );
    await waitFor(
      keeper.id,
      (m) =>
        m.ts === parent.ts && m.text === "Stocktake CNT-000001 · MAIN bins C-04 · :white_check_mark: posted",
    );
    const after = new Database(databasePath, { readonly: true });
    const wire = after
      .prepare(
        `select b.on_hand as qty from stock_balances b join items i on i.id = b.item_id
          join locations l on l.id = b.location_id where i.sku = 'EL-WIRE-2.5' and l.code = 'C-04'`,
      )
      .get() as { qty: number };
    after.close();
    expect(String(wire.qty)).toBe(found["EL-WIRE-2.5"]);
  });
});
