import { verifySlackRequest } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webClientFor } from "./emulator-web-client.ts";
import { type RecordingApp, startRecordingApp } from "./recording-app.ts";
import { SlackDriver, signSlackRequest } from "./slack-driver.ts";
import { SlackEmulator } from "./slack-emulator.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let emulator: SlackEmulator;
let client: WebClient;
let app: RecordingApp;
let driver: SlackDriver;

beforeEach(async () => {
  emulator = await SlackEmulator.start({ users: [{ id: "U0ALICE", name: "alice" }] });
  client = webClientFor(emulator);
  app = await startRecordingApp();
  driver = new SlackDriver({ url: app.url, signingSecret: SECRET, emulator });
});

afterEach(async () => {
  await app.stop();
  await emulator.stop();
});

describe("signing", () => {
  it("matches Slack's documented example", () => {
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(signSlackRequest(SECRET, 1531420618, body)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    );
  });

  it("produces headers Bolt's verifySlackRequest accepts, and tampering is detectable", async () => {
    await driver.command("U0ALICE", "/stock", "A-1");
    const { headers, body } = app.last();
    const signed = {
      "x-slack-signature": headers["x-slack-signature"] ?? "",
      "x-slack-request-timestamp": Number(headers["x-slack-request-timestamp"]),
    };
    const nowMilliseconds = signed["x-slack-request-timestamp"] * 1000;
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body, headers: signed, nowMilliseconds }),
    ).not.toThrow();
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body: `${body}x`, headers: signed, nowMilliseconds }),
    ).toThrow();

    await driver.post("a=1", { timestamp: 1531420618, signature: "v0=bad", headers: { "X-Extra": "1" } });
    expect(app.last().headers).toMatchObject({
      "x-slack-signature": "v0=bad",
      "x-slack-request-timestamp": "1531420618",
      "content-type": "application/x-www-form-urlencoded",
      "x-extra": "1",
    });
    expect(driver.signedHeaders("a=1", 1531420618, "other")["X-Slack-Signature"]).toBe(
      signSlackRequest("other", 1531420618, "a=1"),
    );
  });
});

describe("commands, events and url verification", () => {
  it("sends slash commands with Slack's form fields in Slack's order", async () => {
    const response = await driver.command("U0ALICE", "/stock", "A-1 warehouse", {
      channelId: "C0SALES",
      channelName: "sales",
    });
    const fields = [...new URLSearchParams(app.last().body)];
    expect(fields.map(([key]) => key)).toEqual([
      "token",
      "team_id",
      "team_domain",
      "channel_id",
      "channel_name",
      "user_id",
      "user_name",
      "command",
      "text",
      "api_app_id",
      "is_enterprise_install",
      "response_url",
      "trigger_id",
    ]);
    expect(Object.fromEntries(fields)).toMatchObject({
      team_id: "T0JXC0001",
      channel_id: "C0SALES",
      channel_name: "sales",
      user_name: "alice",
      command: "/stock",
      text: "A-1 warehouse",
      response_url: response.responseUrl,
      trigger_id: response.triggerId,
    });
    expect(app.last().headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(response.status).toBe(200);
  });

  it("renders an immediate command reply as an ephemeral message and rejects invalid ones", async () => {
    app.answerJson({ text: "Checking stock…" });
    await driver.command("U0ALICE", "/stock", "", { channelId: "C0SALES" });
    expect(emulator.lastMessage("C0SALES")).toMatchObject({
      text: "Checking stock…",
      ephemeral: true,
      visibleTo: "U0ALICE",
    });
    app.answerJson({ text: "t", blocks: [{ type: "bogus" }] });
    await expect(driver.command("U0ALICE", "/stock")).rejects.toThrow(/invalid_blocks/);
  });

  it("wraps events in Slack's envelope and adds retry headers", async () => {
    app.answerJson({ ok: true });
    const response = await driver.event(
      { type: "app_mention", user: "U0ALICE", text: "<@UBOT000001> stock", channel: "C1", ts: "1.000100" },
      { eventId: "Ev123", retryNum: 1, retryReason: "http_timeout" },
    );
    expect(response.json).toEqual({ ok: true });
    expect(app.last().headers).toMatchObject({
      "content-type": "application/json",
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    const envelope = JSON.parse(app.last().body) as Record<string, unknown>;
    expect(envelope).toMatchObject({
      type: "event_callback",
      event_id: "Ev123",
      team_id: "T0JXC0001",
      api_app_id: "A0JXC0001",
      event: { type: "app_mention", channel: "C1" },
      authorizations: [{ user_id: "UBOT000001", is_bot: true }],
    });
  });

  it("sends url_verification", async () => {
    app.answerWith((body) => new Response((JSON.parse(body) as { challenge: string }).challenge));
    const response = await driver.urlVerification("abc123");
    expect(response.text).toBe("abc123");
    expect(response.json).toBeUndefined();
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("block actions", () => {
  async function postOrder(): Promise<string> {
    const posted = await client.chat.postMessage({
      channel: "C1",
      text: "Order #7",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Order #7" } },
        {
          type: "actions",
          block_id: "order_7",
          elements: [
            {
              type: "button",
              action_id: "approve",
              text: { type: "plain_text", text: "Approve" },
              value: "7",
              style: "primary",
            },
            { type: "button", action_id: "reject", text: { type: "plain_text", text: "Reject" }, value: "7" },
            {
              type: "overflow",
              action_id: "more",
              options: [{ text: { type: "plain_text", text: "Duplicate" }, value: "dup" }],
            },
          ],
        },
      ],
    });
    return posted.ts ?? "";
  }

  it("clicks a button the app really posted, by label and by action id", async () => {
    const ts = await postOrder();
    await driver.clickButton("U0ALICE", { channel: "C1", ts }, { label: "Approve" });
    const payload = app.lastPayload();
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: "U0ALICE", username: "alice", name: "alice", team_id: "T0JXC0001" },
      api_app_id: "A0JXC0001",
      container: { type: "message", message_ts: ts, channel_id: "C1", is_ephemeral: false },
      team: { id: "T0JXC0001" },
      channel: { id: "C1" },
      message: { ts, text: "Order #7" },
      actions: [
        { action_id: "approve", block_id: "order_7", type: "button", value: "7", text: { text: "Approve" } },
      ],
    });
    expect(String(payload.response_url)).toMatch(/\/response\//);
    expect(String(payload.trigger_id)).toMatch(/\./);

    await driver.clickButton("U0ALICE", { channel: "C1", ts }, { actionId: "reject" });
    expect(app.lastPayload().actions).toMatchObject([{ action_id: "reject", type: "button" }]);

    await driver.clickButton("U0ALICE", { channel: "C1", ts }, { label: "Duplicate" });
    expect(app.lastPayload().actions).toMatchObject([
      { action_id: "more", type: "overflow", selected_option: { value: "dup" } },
    ]);
  });

  it("lists the available buttons when nothing matches", async () => {
    const ts = await postOrder();
    await expect(driver.clickButton("U0ALICE", { channel: "C1", ts }, { label: "Ship" })).rejects.toThrow(
      /No clickable element matches[\s\S]*"Approve" \(action_id=approve[\s\S]*"Reject"/,
    );
    await expect(
      driver.clickButton("U0ALICE", { channel: "C1", ts: "1.000000" }, { label: "Approve" }),
    ).rejects.toThrow(/No message/);
  });

  it("lets the app answer through the response_url tied to the message", async () => {
    const ts = await postOrder();
    await driver.clickButton("U0ALICE", { channel: "C1", ts }, { label: "Approve" });
    const url = String(app.lastPayload().response_url);
    await fetch(url, { method: "POST", body: JSON.stringify({ text: "Approved", replace_original: true }) });
    expect(emulator.messages("C1")[0]).toMatchObject({
      ts,
      text: "Approved",
      replaced: true,
      blocks: undefined,
    });
  });

  it("selects options of static selects", async () => {
    const posted = await client.chat.postMessage({
      channel: "C1",
      text: "pick",
      blocks: [
        {
          type: "section",
          block_id: "wh",
          text: { type: "mrkdwn", text: "Warehouse" },
          accessory: {
            type: "static_select",
            action_id: "warehouse",
            placeholder: { type: "plain_text", text: "Choose" },
            options: [
              { text: { type: "plain_text", text: "North" }, value: "n" },
              { text: { type: "plain_text", text: "South" }, value: "s" },
            ],
          },
        },
      ],
    });
    await driver.selectOption(
      "U0ALICE",
      { channel: "C1", ts: posted.ts ?? "" },
      { actionId: "warehouse", optionLabel: "South" },
    );
    expect(app.lastPayload().actions).toMatchObject([
      {
        type: "static_select",
        action_id: "warehouse",
        block_id: "wh",
        selected_option: { value: "s", text: { text: "South" } },
      },
    ]);
  });
});
