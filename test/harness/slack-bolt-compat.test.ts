import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SlackDriver } from "./slack-driver.ts";
import { SlackEmulator } from "./slack-emulator.ts";

// Proves the harness speaks the same protocol as real Slack to a stock Bolt app.

const SECRET = "bolt-compat-secret";
let emulator: SlackEmulator;
let app: App;
let driver: SlackDriver;

beforeAll(async () => {
  emulator = await SlackEmulator.start({ users: [{ id: "U0ALICE", name: "alice" }] });
  app = new App({
    token: emulator.botToken,
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: emulator.apiUrl },
    logLevel: LogLevel.ERROR,
    processBeforeResponse: true,
  });
  app.command("/order", async ({ ack, body, client, respond }) => {
    await ack("Opening…");
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: "modal",
        callback_id: "order",
        title: { type: "plain_text", text: "Order" },
        submit: { type: "plain_text", text: "Save" },
        blocks: [
          {
            type: "input",
            block_id: "sku",
            label: { type: "plain_text", text: "SKU" },
            element: { type: "plain_text_input", action_id: "value" },
          },
        ],
      },
    });
    await respond({ text: "Fill in the form", response_type: "ephemeral" });
  });
  app.view("order", async ({ ack, view, client, body }) => {
    await ack();
    const sku = view.state.values.sku?.value?.value ?? "";
    const button = {
      type: "button" as const,
      action_id: "ship",
      text: { type: "plain_text" as const, text: "Ship" },
    };
    await client.chat.postMessage({
      channel: body.user.id,
      text: `Saved ${sku}`,
      blocks: [{ type: "actions", elements: [{ ...button, value: sku }] }],
    });
  });
  app.action("ship", async ({ ack, respond, body }) => {
    await ack();
    await respond({ replace_original: true, text: `Shipped by ${body.user.id}` });
  });
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  driver = new SlackDriver({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, emulator });
});

afterAll(async () => {
  await app.stop();
  await emulator.stop();
});

it("runs a command → modal → message → button round trip through Bolt", async () => {
  const command = await driver.command("U0ALICE", "/order");
  expect(command.status).toBe(200);
  const [modal] = emulator.openViews("U0ALICE");
  if (!modal) throw new Error("the app opened no modal");
  expect(emulator.messages("C0JXCGENERAL").map((message) => message.text)).toEqual([
    "Fill in the form",
    "Opening…",
  ]);

  await driver.submitView("U0ALICE", modal.id, { SKU: "A-1" });
  expect(emulator.openViews("U0ALICE")).toEqual([]);
  const saved = await emulator.waitFor(() => emulator.lastMessage("U0ALICE"));
  expect(saved).toMatchObject({ channel: "DU0ALICE", text: "Saved A-1" });

  await driver.clickButton("U0ALICE", { channel: saved.channel, ts: saved.ts }, { label: "Ship" });
  expect(emulator.lastMessage("U0ALICE")).toMatchObject({
    ts: saved.ts,
    text: "Shipped by U0ALICE",
    replaced: true,
  });
  expect(emulator.calls().map((call) => call.method)).toEqual([
    "auth.test",
    "views.open",
    "chat.postMessage",
  ]);

  expect((await driver.urlVerification("xyz")).json).toEqual({ challenge: "xyz" });
  const wrongSecret = await driver.post(JSON.stringify({ type: "url_verification", challenge: "c" }), {
    secret: "nope",
  });
  expect(wrongSecret.status).toBe(401);
});
