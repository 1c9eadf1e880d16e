import type { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import { webClientFor } from "../harness/emulator-web-client.ts";
import { describeInBrowser, openSandboxPage, type SandboxPage } from "./sandbox-page.ts";

// The page draws Block Kit generically. Here the test plays the app's part on the Web API
// (the same calls the app makes), so every kind of block and element can be seen on the page.
const keeper = demoUserWithRole("warehouse_keeper");
const text = (value: string) => ({ type: "plain_text" as const, text: value });
const options = (...labels: string[]) => labels.map((label, i) => ({ text: text(label), value: `v${i}` }));

function tourBlocks(imageUrl: string): unknown[] {
  return [
    { type: "header", text: text("Block Kit tour") },
    {
      type: "section",
      block_id: "styles",
      text: { type: "mrkdwn", text: "*bold* _italic_ ~struck~ `code` for <@U0WANGFANG> :white_check_mark:" },
      accessory: { type: "overflow", action_id: "tour_overflow", options: options("Edit", "Archive") },
    },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*On hand*\n600 pcs" },
        { type: "mrkdwn", text: "*Reserved*\n0 pcs" },
      ],
      accessory: { type: "image", image_url: imageUrl, alt_text: "jxc logo" },
    },
    { type: "divider" },
    {
      type: "context",
      elements: [
        { type: "image", image_url: imageUrl, alt_text: "logo" },
        { type: "mrkdwn", text: "Context line" },
      ],
    },
    { type: "image", image_url: imageUrl, alt_text: "a big logo", title: text("An image block") },
    {
      type: "actions",
      block_id: "buttons",
      elements: [
        { type: "button", action_id: "b_default", text: text("Default") },
        { type: "button", action_id: "b_primary", style: "primary", text: text("Approve") },
        {
          type: "button",
          action_id: "b_danger",
          style: "danger",
          text: text("Reject"),
          confirm: {
            title: text("Sure?"),
            text: text("Really reject?"),
            confirm: text("Reject"),
            deny: text("Keep"),
          },
        },
        {
          type: "static_select",
          action_id: "tour_select",
          placeholder: text("Pick one"),
          options: options("Alpha", "Beta"),
        },
        {
          type: "external_select",
          action_id: "item_picker",
          min_query_length: 1,
          placeholder: text("Find an item"),
        },
        { type: "datepicker", action_id: "tour_date", initial_date: "2026-05-01" },
        { type: "workflow_button", action_id: "tour_workflow", text: text("Run workflow") },
      ],
    },
    {
      type: "actions",
      elements: [
        { type: "checkboxes", action_id: "tour_checks", options: options("Inspected", "Counted") },
        { type: "radio_buttons", action_id: "tour_radio", options: options("Main", "East") },
      ],
    },
  ];
}

describeInBrowser("the sandbox page: Block Kit drawn generically", { timeout: 45_000 }, () => {
  let t: SandboxPage;
  let slack: WebClient;
  beforeAll(async () => {
    t = await openSandboxPage({ as: keeper.id });
    slack = webClientFor(t.sandbox.emulator);
  }, 30_000);
  afterAll(() => t?.close());

  it("draws every block and element, with a visible placeholder for one it does not know", async () => {
    await t.openChannel("general");
    const imageUrl = `${t.sandbox.url}sandbox/page/jxc.svg`;
    const posted = await slack.chat.postMessage({
      channel: "C0JXCGENERAL",
      text: "tour",
      blocks: tourBlocks(imageUrl) as never,
    });
    const tour = await t.message("Block Kit tour");
    expect(await tour.locator("b", { hasText: "bold" }).count()).toBe(1);
    expect(await tour.locator("i", { hasText: "italic" }).count()).toBe(1);
    expect(await tour.locator("s", { hasText: "struck" }).count()).toBe(1);
    expect(await tour.locator(".mention", { hasText: "@王芳" }).count()).toBe(1);
    expect(await tour.locator(".sk-field").count()).toBe(2);
    expect(await tour.locator(".sk-button.primary", { hasText: "Approve" }).count()).toBe(1);
    expect(await tour.locator(".sk-button.danger", { hasText: "Reject" }).count()).toBe(1);
    expect(await tour.locator("select.sk-select option").allTextContents()).toEqual([
      "Pick one",
      "Alpha",
      "Beta",
    ]);
    expect(await tour.locator("input[type=date]").inputValue()).toBe("2026-05-01");
    expect(await tour.locator("input[type=checkbox]").count()).toBe(2);
    expect(await tour.locator("input[type=radio]").count()).toBe(2);
    await tour.getByText("unsupported element: workflow_button").waitFor();

    // An external select asks the real app (block_suggestion) as the user types.
    await tour.getByRole("combobox", { name: "Find an item" }).fill("SCR-M5");
    await tour.getByRole("option", { name: /SCR-M5-20/ }).waitFor();
    await t.screenshot("block-kit-tour", tour);

    // A confirm dialog comes before a danger button does anything.
    await tour.getByRole("button", { name: "Reject" }).click();
    const confirm = t.page.getByRole("alertdialog", { name: "Sure?" });
    await confirm.getByText("Really reject?").waitFor();
    await confirm.getByRole("button", { name: "Keep" }).click();

    // Slack keeps a message's blocks unless the update sends new ones.
    const done = [{ type: "section", text: { type: "mrkdwn", text: "Tour *finished*" } }];
    await slack.chat.update({
      channel: "C0JXCGENERAL",
      ts: String(posted.ts),
      text: "Tour finished",
      blocks: done as never,
    });
    const updated = await t.message("Tour finished");
    expect(await updated.locator("b").textContent()).toBe("finished");
    expect(await updated.textContent()).toContain("(edited)");
    expect(await t.page.locator("#messages .message", { hasText: "Block Kit tour" }).count()).toBe(0);
  });

  it("stacks modals (push, back), updates them in place, and shows Slack's banner when the app does not answer", async () => {
    const trigger = t.sandbox.emulator.createTriggerId(keeper.id);
    const first = await slack.views.open({
      trigger_id: trigger,
      view: {
        type: "modal",
        callback_id: "tour_modal",
        title: text("Receive goods"),
        submit: text("Save"),
        close: text("Cancel"),
        blocks: [
          {
            type: "input",
            block_id: "note",
            label: text("Note"),
            element: { type: "plain_text_input", action_id: "v", multiline: true },
          },
          {
            type: "input",
            block_id: "qty",
            label: text("Quantity"),
            element: { type: "number_input", action_id: "qty", is_decimal_allowed: false },
          },
          {
            type: "input",
            block_id: "item",
            label: text("Item"),
            element: { type: "external_select", action_id: "item_picker", min_query_length: 1 },
          },
          {
            type: "input",
            block_id: "who",
            label: text("Checked by"),
            optional: true,
            element: { type: "users_select", action_id: "who" },
          },
          {
            type: "input",
            block_id: "file",
            label: text("Delivery note"),
            optional: true,
            element: { type: "file_input", action_id: "file" },
          },
        ],
      } as never,
    });
    await t.modal().getByRole("heading", { name: "Receive goods" }).waitFor();
    expect(await t.modal().locator("select option", { hasText: "王芳" }).count()).toBe(1);

    const pushed = t.sandbox.emulator.createTriggerId(keeper.id);
    await slack.views.push({
      trigger_id: pushed,
      view: {
        type: "modal",
        title: text("Pick a bin"),
        blocks: [{ type: "section", text: text("A-01 is nearest the door") }],
      },
    });
    await t.modal().getByRole("heading", { name: "Pick a bin" }).waitFor();
    await t.modal().getByRole("button", { name: "Back" }).click();
    await t.modal().getByRole("heading", { name: "Receive goods" }).waitFor();

    const viewId = String(first.view?.id);
    await slack.views.update({
      view_id: viewId,
      view: {
        type: "modal",
        callback_id: "tour_modal",
        title: text("Receive goods (2)"),
        submit: text("Save"),
        blocks: [
          {
            type: "input",
            block_id: "note",
            label: text("Note"),
            element: { type: "plain_text_input", action_id: "v" },
          },
        ],
      },
    });
    await t.modal().getByRole("heading", { name: "Receive goods (2)" }).waitFor();
    await t.modal().getByRole("textbox").fill("two boxes short");
    // Nothing in the app answers this callback_id, so Slack gives up after 3 s and says so.
    await t.modal().getByRole("button", { name: "Save" }).click();
    await t.modal().getByRole("alert").filter({ hasText: "We had some trouble connecting" }).waitFor();
    await t.screenshot("block-kit-modal");
    await t.modal().getByRole("button", { name: "Close", exact: true }).click();
    await t.modal().waitFor({ state: "detached" });
  });
});
