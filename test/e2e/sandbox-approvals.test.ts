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

describe("the sandbox: a keeper's large adjustment reaches the supervisor and back", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-approval-")), "sandbox.sqlite");
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
      `nothing arrived for ${user}: ${JSON.stringify((await messagesOf(user)).map((m) => [m.channel, m.threadTs, m.text]))}`,
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

  it("DMs the card, threads it in #warehouse, and tells the keeper once approved", async () => {
    // The demo's most valuable bin, read straight from the file: all of it is lost.
    const file = new Database(databasePath, { readonly: true });
    const bin = file
      .prepare(
        `select i.sku, w.code as warehouse, l.code as bin, b.on_hand as qty
           from stock_balances b join items i on i.id = b.item_id
           join locations l on l.id = b.location_id join warehouses w on w.id = l.warehouse_id
           join item_valuations v on v.item_id = i.id
          where b.on_hand > 0 order by b.on_hand * v.value / v.qty desc limit 1`,
      )
      .get() as { sku: string; warehouse: string; bin: string; qty: number };
    file.close();
    await act("command", {
      user: keeper.id,
      channel: warehouseChannel,
      text: `/adjust ${bin.sku} -${bin.qty} ${bin.warehouse}/${bin.bin} 丢失 仓库漏水`,
    });
    const card = await waitFor(supervisor.id, (m) => m.text === "Approval needed · ADJ-000001");
    const parent = await waitFor(
      keeper.id,
      (m) => m.channel === warehouseChannel && m.text?.startsWith("Stock adjustment") === true,
    );
    // Channels speak the company's channel language (English unless an admin sets it).
    expect(parent.text).toContain("waiting for approval");

    // The demo's past POs hold the first approval requests: read the card's own block id.
    const buttons = (card.blocks as { type: string; block_id?: string }[]).find((b) => b.type === "actions");
    await act("action", {
      user: supervisor.id,
      target: { channel: card.channel, ts: card.ts },
      blockId: buttons?.block_id ?? "",
      actionId: "approval_approve",
    });
    await waitFor(
      keeper.id,
      (m) => m.text === `:white_check_mark: *ADJ-000001* 已由 <@${supervisor.id}> 批准。`,
    );
    await waitFor(keeper.id, (m) => m.threadTs === parent.ts && m.text?.startsWith(":package:") === true);
    const rewritten = await waitFor(
      supervisor.id,
      (m) => m.ts === card.ts && m.text === "Approved · ADJ-000001",
    );
    expect(JSON.stringify(rewritten.blocks)).not.toContain("approval_approve");
  });
});
