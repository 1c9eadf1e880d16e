import type { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webClientFor } from "./emulator-web-client.ts";
import { type RecordingApp, startRecordingApp } from "./recording-app.ts";
import { SlackDriver } from "./slack-driver.ts";
import { SlackEmulator } from "./slack-emulator.ts";

let emulator: SlackEmulator;
let client: WebClient;
let app: RecordingApp;
let driver: SlackDriver;

beforeEach(async () => {
  emulator = await SlackEmulator.start({
    users: [
      { id: "U0ALICE", name: "alice" },
      { id: "U0BOB", name: "bob" },
    ],
  });
  client = webClientFor(emulator);
  app = await startRecordingApp();
  driver = new SlackDriver({ url: app.url, signingSecret: "secret", emulator });
});

afterEach(async () => {
  await app.stop();
  await emulator.stop();
});

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const input = (blockId: string, label: string, element: Record<string, unknown>, optional = false) => ({
  type: "input",
  block_id: blockId,
  label: plain(label),
  element,
  optional,
});

const orderModal = {
  type: "modal" as const,
  callback_id: "new_order",
  private_metadata: '{"channel":"C1"}',
  notify_on_close: true,
  title: plain("New order"),
  submit: plain("Create"),
  blocks: [
    input("sku", "SKU", { type: "plain_text_input", action_id: "sku_input", max_length: 20 }),
    input("qty", "Quantity", { type: "number_input", action_id: "qty_input", is_decimal_allowed: false }),
    input("wh", "Warehouse", {
      type: "static_select",
      action_id: "wh_select",
      options: [option("North", "n"), option("South", "s")],
    }),
    input(
      "tags",
      "Tags",
      { type: "checkboxes", action_id: "tags", options: [option("Urgent", "u"), option("Gift", "g")] },
      true,
    ),
    input("due", "Due", { type: "datepicker", action_id: "due" }, true),
    input("owner", "Owner", { type: "users_select", action_id: "owner" }, true),
    input("customer", "Customer", { type: "external_select", action_id: "customer" }, true),
  ],
};

async function openOrderModal(): Promise<string> {
  const opened = await client.views.open({
    trigger_id: emulator.createTriggerId("U0ALICE"),
    view: orderModal,
  });
  return opened.view?.id ?? "";
}

describe("submitView", () => {
  it("fills inputs by label, block_id or action_id with Slack's state shapes", async () => {
    const viewId = await openOrderModal();
    await driver.submitView("U0ALICE", viewId, {
      SKU: "A-1",
      qty: "3",
      wh_select: "South",
      tags: ["u", "Gift"],
      Due: "2024-05-01",
      owner: "U0BOB",
      customer: { value: "c42", label: "ACME" },
    });
    const payload = app.lastPayload();
    expect(payload).toMatchObject({
      type: "view_submission",
      user: { id: "U0ALICE", name: "alice" },
      api_app_id: "A0JXC0001",
      response_urls: [],
      view: { id: viewId, callback_id: "new_order", private_metadata: '{"channel":"C1"}', type: "modal" },
    });
    expect(String(payload.trigger_id)).not.toBe("");
    const values = (payload.view as { state: { values: unknown } }).state.values;
    expect(values).toEqual({
      sku: { sku_input: { type: "plain_text_input", value: "A-1" } },
      qty: { qty_input: { type: "number_input", value: "3" } },
      wh: { wh_select: { type: "static_select", selected_option: option("South", "s") } },
      tags: { tags: { type: "checkboxes", selected_options: [option("Urgent", "u"), option("Gift", "g")] } },
      due: { due: { type: "datepicker", selected_date: "2024-05-01" } },
      owner: { owner: { type: "users_select", selected_user: "U0BOB" } },
      customer: {
        customer: {
          type: "external_select",
          selected_option: { text: { type: "plain_text", text: "ACME", emoji: true }, value: "c42" },
        },
      },
    });
    // An empty acknowledgement closes the submitted modal.
    expect(emulator.openViews("U0ALICE")).toEqual([]);
  });

  it("refuses what the Slack client would not submit", async () => {
    const viewId = await openOrderModal();
    await expect(driver.submitView("U0ALICE", viewId, { Colour: "red" })).rejects.toThrow(
      /No input matches "Colour"/,
    );
    await expect(driver.submitView("U0ALICE", viewId, { SKU: "A-1", qty: "3" })).rejects.toThrow(
      /Required input "Warehouse"/,
    );
    await expect(driver.submitView("U0ALICE", viewId, { SKU: "A-1", qty: "2.5", wh: "n" })).rejects.toThrow(
      /not a valid number/,
    );
    await expect(driver.submitView("U0ALICE", viewId, { SKU: "A-1", qty: "1", wh: "East" })).rejects.toThrow(
      /"East" is not an option/,
    );
    await expect(driver.submitView("U0BOB", viewId, { SKU: "A-1", qty: "1", wh: "n" })).rejects.toThrow(
      /belongs to U0ALICE/,
    );
    expect(app.received).toHaveLength(0);
  });

  it("applies response_action errors, update and push", async () => {
    const viewId = await openOrderModal();
    const filled = { SKU: "A-1", qty: "1", wh: "n" };
    app.answerJson({ response_action: "errors", errors: { sku: "Unknown SKU" } });
    await driver.submitView("U0ALICE", viewId, filled);
    expect(emulator.view(viewId)).toBeDefined();

    app.answerJson({ response_action: "errors", errors: { nope: "x" } });
    await expect(driver.submitView("U0ALICE", viewId, filled)).rejects.toThrow(
      /nope is not an input block_id/,
    );

    app.answerJson({ response_action: "update", view: { ...orderModal, title: plain("Check order") } });
    await driver.submitView("U0ALICE", viewId, filled);
    expect(emulator.view(viewId)?.view.title).toEqual(plain("Check order"));

    app.answerJson({ response_action: "push", view: { type: "modal", title: plain("Done"), blocks: [] } });
    await driver.submitView("U0ALICE", viewId, filled);
    expect(emulator.openViews("U0ALICE").map((view) => view.view.title)).toEqual([
      plain("Check order"),
      plain("Done"),
    ]);
    await expect(driver.submitView("U0ALICE", viewId, filled)).rejects.toThrow(/covered by a pushed view/);

    app.answerJson({ response_action: "update", view: { ...orderModal, title: plain("x".repeat(30)) } });
    const top = emulator.openViews("U0ALICE")[1]?.id ?? "";
    await expect(driver.submitView("U0ALICE", top, {})).rejects.toThrow(/title.text: must be at most 24/);
  });
});

describe("other view interactions", () => {
  it("sends view_closed only with notify_on_close", async () => {
    const viewId = await openOrderModal();
    await driver.closeView("U0ALICE", viewId);
    expect(app.lastPayload()).toMatchObject({ type: "view_closed", is_cleared: false, view: { id: viewId } });
    expect(emulator.openViews()).toEqual([]);

    const quiet = await client.views.open({
      trigger_id: emulator.createTriggerId("U0ALICE"),
      view: { type: "modal", title: plain("Quiet"), blocks: [] },
    });
    const response = await driver.closeView("U0ALICE", quiet.view?.id ?? "");
    expect(response.status).toBe(0);
    expect(app.received).toHaveLength(1);
  });

  it("sends block_suggestion for external selects and checks the answer", async () => {
    const viewId = await openOrderModal();
    app.answerJson({ options: [option("ACME", "c42")] });
    await driver.suggest("U0ALICE", viewId, "customer", "AC");
    expect(app.lastPayload()).toMatchObject({
      type: "block_suggestion",
      action_id: "customer",
      block_id: "customer",
      value: "AC",
      container: { type: "view", view_id: viewId },
      view: { id: viewId },
    });
    app.answerJson({ options: [option("x".repeat(76), "v")] });
    await expect(driver.suggest("U0ALICE", viewId, "customer", "x")).rejects.toThrow(/invalid option/);
  });

  it("clicks buttons in home tabs with a view container and no response_url", async () => {
    const published = await client.views.publish({
      user_id: "U0ALICE",
      view: {
        type: "home",
        blocks: [
          { type: "actions", elements: [{ type: "button", text: plain("Refresh"), action_id: "refresh" }] },
        ],
      },
    });
    const viewId = published.view?.id ?? "";
    await driver.clickButton("U0ALICE", { viewId }, { label: "Refresh" });
    const payload = app.lastPayload();
    expect(payload).toMatchObject({
      type: "block_actions",
      container: { type: "view", view_id: viewId },
      view: { id: viewId, type: "home" },
      actions: [{ action_id: "refresh", type: "button" }],
    });
    expect(payload.response_url).toBeUndefined();
  });
});
