import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSlackSignature } from "../../src/http/slack-signature.ts";
import { signSlackRequest } from "../harness/slack-driver.ts";
import { startTestApp, type TestApp, testSigningSecret } from "../harness/test-app.ts";

const slackExample = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: 1531420618,
  body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

const form = "application/x-www-form-urlencoded";
const langZh = (user = "U0ALICE") =>
  new URLSearchParams({
    command: "/jxc",
    text: "lang zh",
    user_id: user,
    channel_id: "C0GENERAL",
    team_id: "T0JXC0001",
    trigger_id: "1.2.3",
    response_url: "",
  }).toString();

describe("Slack receiver", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ users: [{ id: "U0ALICE", name: "alice", locale: "en-US" }] });
  });
  afterEach(() => t.stop());

  it("verifies Slack's published signing example", () => {
    expect(signSlackRequest(slackExample.secret, slackExample.timestamp, slackExample.body)).toBe(
      slackExample.signature,
    );
    const verdict = checkSlackSignature(
      {
        rawBody: slackExample.body,
        signature: slackExample.signature,
        timestamp: String(slackExample.timestamp),
      },
      slackExample.secret,
      slackExample.timestamp * 1000 + 10_000,
    );
    expect(verdict).toEqual({ ok: true });
  });

  it.each([
    ["another version", slackExample.signature.replace("v0=", "v1=")],
    ["a digest cut short", slackExample.signature.slice(0, -2)],
    ["a digest one character longer", `${slackExample.signature}0`],
    ["a digest with a non-hex character", `${slackExample.signature.slice(0, -1)}g`],
    ["one digit changed", `${slackExample.signature.slice(0, -1)}4`],
    ["the bare digest without its version", slackExample.signature.slice(3)],
  ])("refuses a signature with %s", (_name, signature) => {
    const verdict = checkSlackSignature(
      { rawBody: slackExample.body, signature, timestamp: String(slackExample.timestamp) },
      slackExample.secret,
      slackExample.timestamp * 1000,
    );
    expect(verdict).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("answers a correctly signed command with 200", async () => {
    const response = await t.driver.post(langZh(), { contentType: form });
    expect(response.status).toBe(200);
    expect(languageOf(t, "U0ALICE")).toBe("zh-CN");
  });

  it.each([
    ["a tampered body", { tamper: true }],
    ["a wrong secret", { secret: "0000000000000000wrongsecret00000" }],
    ["a timestamp 301 s old", { skew: -301 }],
    ["a timestamp 301 s ahead", { skew: 301 }],
    ["no signature at all", { signature: "" }],
  ])(
    "rejects %s with 401 and changes nothing",
    async (_name, forge: { tamper?: boolean; secret?: string; skew?: number; signature?: string }) => {
      const body = langZh();
      const timestamp = Math.floor(Date.now() / 1000) + (forge.skew ?? 0);
      const signature =
        forge.signature ?? signSlackRequest(forge.secret ?? testSigningSecret, timestamp, body);
      const sent = forge.tamper ? body.replace("U0ALICE", "U0MALLORY") : body;
      const response = await t.driver.post(sent, { contentType: form, timestamp, signature });
      expect(response.status).toBe(401);
      expect(languageOf(t, "U0ALICE")).toBeUndefined();
      expect(languageOf(t, "U0MALLORY")).toBeUndefined();
      expect(t.emulator.calls()).toEqual([]);
    },
  );

  it("accepts a timestamp near the edge of the window (295 s old)", async () => {
    const body = langZh();
    const timestamp = Math.floor(Date.now() / 1000) - 295;
    const response = await t.driver.post(body, { contentType: form, timestamp });
    expect(response.status).toBe(200);
  });

  it("answers url_verification with the challenge", async () => {
    const response = await t.driver.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("answers ssl_check without running any listener", async () => {
    const response = await t.driver.post("ssl_check=1&token=x", {
      contentType: form,
      signature: "",
      timestamp: 0,
    });
    expect(response.status).toBe(200);
    expect(t.emulator.calls()).toEqual([]);
  });

  it("has the effect of a retried event once", async () => {
    const event = {
      type: "app_home_opened",
      user: "U0ALICE",
      channel: "D0ALICE",
      tab: "home",
      event_ts: "1.1",
    };
    const first = await t.driver.event(event, { eventId: "Ev0RETRY01" });
    const retry = await t.driver.event(event, {
      eventId: "Ev0RETRY01",
      retryNum: 1,
      retryReason: "http_timeout",
    });
    const again = await t.driver.event(event, {
      eventId: "Ev0RETRY01",
      retryNum: 2,
      retryReason: "http_timeout",
    });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    expect(t.emulator.calls("views.publish")).toHaveLength(1);
    await t.driver.event(event, { eventId: "Ev0OTHER02" });
    expect(t.emulator.calls("views.publish")).toHaveLength(2);
  });

  it("ignores events the app caused itself, as Bolt's ignoreSelf would", async () => {
    const opened = (user: string) => ({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
    const own = await t.driver.event(opened(t.emulator.botUserId), { eventId: "Ev0SELF0001" });
    expect(own.status).toBe(200);
    expect(t.emulator.calls("views.publish")).toHaveLength(0);
    await t.driver.event(opened("U0ALICE"), { eventId: "Ev0PERSON01" });
    expect(t.emulator.calls("views.publish")).toHaveLength(1);
  });

  it("answers 500 and logs the failure with its context when a listener throws before acking", async () => {
    t.jxc.bolt.command("/boom", async () => {
      throw new Error("kaboom");
    });
    const response = await t.driver.command("U0ALICE", "/boom", "now");
    expect(response.status).toBe(500);
    const failure = t.logs.find((line) => line.msg === "listener failed");
    expect(failure).toMatchObject({
      kind: "command",
      command: "/boom",
      user: "U0ALICE",
      err: { message: "kaboom" },
    });
    expect(typeof failure?.requestId).toBe("string");
  });

  it("answers 404 when no listener acknowledges within 3001 ms, like Bolt", async () => {
    t.jxc.bolt.command("/silent", async () => {});
    const response = await t.driver.command("U0ALICE", "/silent");
    expect(response.status).toBe(404);
    expect(response.latencyMs).toBeGreaterThanOrEqual(3000);
    expect(response.latencyMs).toBeLessThan(3600);
  });

  it("rejects a body that is not what its content type says", async () => {
    const response = await t.driver.post("{not json", { contentType: "application/json" });
    expect(response.status).toBe(400);
  });
});

describe("Slack receiver without the test switch", () => {
  it("replies the moment the listener acks, before slow work finishes", async () => {
    const t = await startTestApp({ waitForListeners: false });
    try {
      let finished = false;
      t.jxc.bolt.command("/slowwork", async ({ ack }) => {
        await ack();
        await new Promise((resolve) => setTimeout(resolve, 800));
        finished = true;
      });
      const response = await t.driver.command("U0ALICE", "/slowwork");
      expect(response.status).toBe(200);
      expect(finished).toBe(false);
      expect(response.latencyMs).toBeLessThan(500);
    } finally {
      await t.stop();
    }
  });
});

function languageOf(t: TestApp, user: string): string | null | undefined {
  const row = t.db.$client.prepare("select language from user_settings where slack_user_id = ?").get(user) as
    | { language: string | null }
    | undefined;
  return row?.language;
}
