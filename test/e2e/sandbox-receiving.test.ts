import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/domain/money.ts";
import { createLogger } from "../../src/log.ts";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import type { StoredMessage } from "../../src/sandbox/emulator/emulator-types.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const clerk = demoUserWithRole("purchasing_clerk");
const manager = demoUserWithRole("purchasing_manager");
const keeper = demoUserWithRole("warehouse_keeper");
const purchasing = "C0PURCHASING";
const warehouse = "C0WAREHOUSE";

interface Block {
  type: string;
  block_id?: string;
  elements?: { type: string; action_id?: string; text?: { text: string } }[];
}

describe("the sandbox: goods received with rejections, returned and accepted anyway from the PO thread", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-receiving-")), "sandbox.sqlite");
  let sandbox: LocalSandbox;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(`sandbox/${path}`, sandbox.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Jxc-Sandbox": "1" },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toEqual({ ok: true });
  };
  const workspace = async (user: string) =>
    (await (await fetch(new URL(`sandbox/workspace?user=${user}`, sandbox.url))).json()) as {
      messages: StoredMessage[];
      modals: { id: string; view: { callback_id?: string } }[];
    };
  const waitFor = async <T>(what: string, find: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 400; i += 1) {
      const hit = await find();
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`waited in vain for ${what}`);
  };
  const message = (user: string, what: string, found: (m: StoredMessage) => boolean) =>
    waitFor(what, async () => (await workspace(user)).messages.find(found));
  /** Clicks the button a message shows under this label, as the page does. */
  const click = async (user: string, m: StoredMessage, label: string) => {
    for (const block of (m.blocks ?? []) as Block[]) {
      const button = block.elements?.find((e) => e.type === "button" && e.text?.text === label);
      if (button?.action_id && block.block_id) {
        await post("action", {
          user,
          target: { channel: m.channel, ts: m.ts },
          blockId: block.block_id,
          actionId: button.action_id,
        });
        return;
      }
    }
    throw new Error(`no button "${label}" in ${JSON.stringify(m.blocks)}`);
  };
  const valuation = (sku: string) => {
    const file = new Database(databasePath, { readonly: true });
    const row = file
      .prepare(
        "select v.qty, v.value from item_valuations v join items i on i.id = v.item_id where i.sku = ?",
      )
      .get(sku) as { qty: number; value: number };
    file.close();
    return row;
  };
  const text = (value: string) => ({ type: "plain_text_input", value });
  /** The demo's history has documents of its own: the next number of a kind, read from its table. */
  const nextNumber = (table: string, prefix: string) => {
    const file = new Database(databasePath, { readonly: true });
    const { n } = file.prepare(`select count(*) as n from ${table}`).get() as { n: number };
    file.close();
    return `${prefix}-${String(n + 1).padStart(6, "0")}`;
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

  it("a new user's whole story: PO, approval, receipt with rejects, Return and Accept anyway, right stock and cost", async () => {
    // What the demo holds now, after its half year of history; the story's numbers follow from it.
    const drivers = valuation("TL-SD-PH2");
    const hammers = valuation("TL-HAM-500");
    const [poNumber, grNumber, rtnNumber] = [
      nextNumber("purchase_orders", "PO"),
      nextNumber("goods_receipts", "GR"),
      nextNumber("reject_decisions where number is not null", "RTN"),
    ];

    // The clerk writes the PO with the quick form; the manager approves it from the DM card.
    await post("command", {
      user: clerk.id,
      channel: purchasing,
      text: "/po JGT 50 TL-SD-PH2 @ 6.00, 20 TL-HAM-500 @ 16.50 by next friday",
    });
    const card = await message(
      manager.id,
      "the PO's approval card",
      (m) => m.text === `Approval needed · ${poNumber}`,
    );
    await click(manager.id, card, "Approve");
    // The clerk opens the PO and sends it (刘洋 reads Chinese).
    await post("command", { user: clerk.id, channel: purchasing, text: `/po ${poNumber}` });
    const po = await message(clerk.id, "the PO with its buttons", (m) =>
      JSON.stringify(m.blocks ?? []).includes("po_send"),
    );
    await click(clerk.id, po, "发送给供应商");

    // The keeper receives: 5 screwdrivers damaged, 4 hammers not up to standard.
    await post("command", { user: keeper.id, channel: warehouse, text: `/receive ${poNumber}` });
    const form = await waitFor("the receiving form", async () =>
      (await workspace(keeper.id)).modals.find((m) => m.view.callback_id === "goods_receipt"),
    );
    await post("submit", {
      user: keeper.id,
      viewId: form.id,
      state: {
        gr_line1_accepted: { gr_line1_accepted: text("45") },
        gr_line1_rejected: { gr_line1_rejected: text("5") },
        gr_line1_reason: {
          gr_line1_reason: { type: "static_select", selected_option: { value: "damaged" } },
        },
        gr_line2_accepted: { gr_line2_accepted: text("16") },
        gr_line2_rejected: { gr_line2_rejected: text("4") },
        gr_line2_reason: {
          gr_line2_reason: { type: "static_select", selected_option: { value: "quality" } },
        },
      },
    });

    // The PO thread in #purchasing shows the receipt with a decision for each rejected line.
    const parent = await message(
      clerk.id,
      "the PO's thread",
      (m) => m.text?.startsWith(`Purchase order ${poNumber}`) === true,
    );
    const receipt = await message(
      clerk.id,
      "the receipt in the thread",
      (m) =>
        m.threadTs === parent.ts &&
        m.text?.includes(`:package: ${grNumber}: 61 accepted, 9 rejected`) === true,
    );
    expect(receipt.text).toContain("*5 pcs* TL-SD-PH2 rejected (damaged)");
    expect(receipt.text).toContain("*4 pcs* TL-HAM-500 rejected (quality)");
    expect(valuation("TL-SD-PH2")).toEqual({ qty: drivers.qty + 45, value: drivers.value + 45 * 600 });

    // Purchasing decides: the screwdrivers go back, the hammers are taken after all.
    const decisionRows = ((receipt.blocks ?? []) as Block[]).filter((b) => b.type === "actions");
    expect(decisionRows).toHaveLength(2);
    // The first row is the screwdrivers' (PO line order).
    await click(
      clerk.id,
      { ...receipt, blocks: decisionRows.slice(0, 1) as StoredMessage["blocks"] },
      "Return",
    );
    const returned = await message(
      clerk.id,
      "the return in the thread",
      (m) => m.threadTs === parent.ts && m.text?.includes(`· ${rtnNumber}:`) === true,
    );
    expect(returned.text).toBe(
      `:leftwards_arrow_with_hook: *${poNumber}* · ${rtnNumber}: 5 pcs TL-SD-PH2 from ${grNumber} go back to Jinggong Tool Works without replacement, decided by <@${clerk.id}>; no longer on order. ${poNumber} is :package: partly received.`,
    );
    await message(
      keeper.id,
      "the warehouse's instruction",
      (m) =>
        m.channel === warehouse &&
        m.text?.startsWith(`:truck: Send back 5 pcs TL-SD-PH2 (${grNumber}, rejected: damaged)`) === true,
    );

    const redrawn = await message(
      clerk.id,
      "the receipt redrawn",
      (m) => m.ts === receipt.ts && JSON.stringify(m.blocks).includes(rtnNumber),
    );
    await click(clerk.id, redrawn, "Accept anyway");
    const accept = await waitFor("the accept-anyway form", async () =>
      (await workspace(clerk.id)).modals.find((m) => m.view.callback_id === "reject_accept"),
    );
    // Quantity and bin come filled in: all 4, into the bin the accepted hammers went to.
    expect(JSON.stringify(accept.view)).toContain('"initial_value":"MAIN/C-02"');
    await post("submit", { user: clerk.id, viewId: accept.id, state: {} });
    await message(
      clerk.id,
      "the acceptance in the thread",
      (m) =>
        m.threadTs === parent.ts &&
        m.text?.includes(`4 pcs TL-HAM-500 from ${grNumber} accepted anyway`) === true,
    );
    await message(
      clerk.id,
      "the PO received",
      (m) => m.ts === parent.ts && m.text?.endsWith(":package: received") === true,
    );

    // Stock and cost: the accepted 45 + 0 and 16 + 4 at the PO price, blended with what there was.
    expect(valuation("TL-SD-PH2")).toEqual({ qty: drivers.qty + 45, value: drivers.value + 45 * 600 });
    const hammersAfter = { qty: hammers.qty + 20, value: hammers.value + 20 * 1650 };
    expect(valuation("TL-HAM-500")).toEqual(hammersAfter);
    await post("command", { user: manager.id, channel: purchasing, text: "/stock TL-HAM-500" });
    const card2 = await message(
      manager.id,
      "the manager's stock card",
      (m) => m.ephemeral === true && m.text?.startsWith("Claw hammer 500 g") === true,
    );
    const stock = JSON.stringify(card2.blocks);
    const average = Math.round(hammersAfter.value / hammersAfter.qty);
    expect(stock).toContain(`*On hand*\\n${hammersAfter.qty}`);
    expect(stock).toContain("*On order*\\n0");
    expect(stock).toContain(`*Stock value*\\n${formatMoney(hammersAfter.value, "CNY", "en")}`);
    expect(stock).toContain(`${formatMoney(average, "CNY", "en")} / pcs`);
    // The outbox paces posts to about one a second per channel, as Slack asks: the story takes a while.
  }, 60_000);
});
