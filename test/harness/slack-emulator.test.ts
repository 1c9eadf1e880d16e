import { WebAPIPlatformError, WebAPIRateLimitedError, type WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webClientFor } from "./emulator-web-client.ts";
import { SlackEmulator } from "./slack-emulator.ts";

let emulator: SlackEmulator;
let client: WebClient;

beforeEach(async () => {
  emulator = await SlackEmulator.start({
    users: [
      { id: "U0ALICE", name: "alice", locale: "zh-CN", tz: "Asia/Shanghai" },
      { id: "U0BOB", name: "bob" },
    ],
  });
  client = webClientFor(emulator);
});

afterEach(async () => {
  await emulator.stop();
});

async function slackError(call: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebAPIPlatformError)) {
    throw new Error(`expected a Slack platform error, got ${String(error)}`);
  }
  return error;
}

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const button = (text: string, actionId: string) => ({
  type: "actions",
  elements: [{ type: "button", action_id: actionId, text: { type: "plain_text", text } }],
});

describe("auth and transport", () => {
  it("binds to loopback and answers auth.test for the bot", async () => {
    expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const auth = await client.auth.test();
    expect(auth).toMatchObject({
      ok: true,
      user_id: "UBOT000001",
      team_id: "T0JXC0001",
      bot_id: "B0JXC0001",
    });
    expect(emulator.calls("auth.test")).toEqual([
      { method: "auth.test", args: {}, token: "xoxb-test-token", ok: true },
    ]);
  });

  it("rejects missing and wrong tokens and records those calls", async () => {
    expect((await slackError(webClientFor(emulator, { token: undefined }).auth.test())).data.error).toBe(
      "not_authed",
    );
    expect((await slackError(webClientFor(emulator, { token: "xoxb-wrong" }).auth.test())).data.error).toBe(
      "invalid_auth",
    );
    expect(emulator.calls().map((call) => [call.ok, call.error])).toEqual([
      [false, "not_authed"],
      [false, "invalid_auth"],
    ]);
  });

  it("accepts JSON bodies with a Bearer header and rejects unknown methods", async () => {
    const response = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        Authorization: `Bearer ${emulator.botToken}`,
      },
      body: JSON.stringify({ channel: "C1", text: "fallback", blocks: [section("hi")] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ ok: true, channel: "C1" });
    expect(emulator.lastMessage("C1")?.blocks).toHaveLength(1);
    expect((await slackError(client.apiCall("chat.scheduleMessage", { channel: "C1" }))).data.error).toBe(
      "unknown_method",
    );
    // Like Slack, a token inside a JSON body does not authenticate.
    const bodyToken = await fetch(`${emulator.apiUrl}auth.test`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: emulator.botToken }),
    });
    expect(await bodyToken.json()).toEqual({ ok: false, error: "not_authed" });
  });
});

describe("chat", () => {
  it("posts, threads and updates messages with increasing ts", async () => {
    const first = await client.chat.postMessage({ channel: "C1", text: "one", blocks: [button("Go", "go")] });
    const second = await client.chat.postMessage({ channel: "C1", text: "two", thread_ts: first.ts });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message?.blocks?.[0]?.block_id).toEqual(expect.any(String));
    expect(emulator.messages("C1").map((message) => [message.text, message.threadTs])).toEqual([
      ["one", undefined],
      ["two", first.ts],
    ]);

    const updated = await client.chat.update({ channel: "C1", ts: first.ts ?? "", text: "one (edited)" });
    expect(updated).toMatchObject({ ok: true, ts: first.ts });
    const stored = emulator.messages("C1")[0];
    expect(stored).toMatchObject({ text: "one (edited)", replaced: true, ts: first.ts, source: "api" });
    expect(stored?.blocks).toHaveLength(1);
    const missing = await slackError(client.chat.update({ channel: "C1", ts: "1.000000", text: "x" }));
    expect(missing.data.error).toBe("message_not_found");
  });

  it("delivers a post to a user id into the DM channel", async () => {
    const posted = await client.chat.postMessage({ channel: "U0ALICE", text: "hi" });
    expect(posted.channel).toBe("DU0ALICE");
    expect(emulator.lastMessage("U0ALICE")?.channel).toBe("DU0ALICE");
    const opened = await client.conversations.open({ users: "U0ALICE" });
    expect(opened.channel?.id).toBe("DU0ALICE");
  });

  it("stores ephemeral messages that cannot be updated through chat.update", async () => {
    const posted = await client.chat.postEphemeral({ channel: "C1", user: "U0BOB", text: "only you" });
    expect(emulator.lastMessage("C1")).toMatchObject({
      ephemeral: true,
      visibleTo: "U0BOB",
      ts: posted.message_ts,
    });
    const error = await slackError(
      client.chat.update({ channel: "C1", ts: posted.message_ts ?? "", text: "x" }),
    );
    expect(error.data.error).toBe("message_not_found");
  });

  it("answers invalid_blocks like Slack and stores nothing", async () => {
    const cases: [unknown[], RegExp][] = [
      [Array.from({ length: 51 }, () => ({ type: "divider" })), /^blocks: .*at most 50/],
      [[section("x".repeat(3001))], /^blocks\[0\]\.text\.text: must be at most 3000/],
      [
        [
          { ...section("a"), block_id: "same" },
          { ...section("b"), block_id: "same" },
        ],
        /duplicate block_id/,
      ],
      [[button("x".repeat(76), "long")], /^blocks\[0\]\.elements\[0\]\.text\.text: must be at most 75/],
    ];
    for (const [blocks, message] of cases) {
      const error = await slackError(
        client.apiCall("chat.postMessage", { channel: "C1", text: "t", blocks }),
      );
      expect(error.data).toMatchObject({ error: "invalid_blocks", errors: [expect.stringMatching(message)] });
    }
    expect(emulator.messages()).toEqual([]);
    expect(emulator.calls("chat.postMessage").every((call) => call.error === "invalid_blocks")).toBe(true);
  });

  it("requires fallback text with blocks, some content, and at most 40,000 characters", async () => {
    const noText = await slackError(
      client.apiCall("chat.postMessage", { channel: "C1", blocks: [section("a")] }),
    );
    expect(noText.data).toMatchObject({
      error: "invalid_arguments",
      errors: ["text: fallback text is required with blocks"],
    });
    expect((await slackError(client.apiCall("chat.postMessage", { channel: "C1" }))).data.error).toBe(
      "no_text",
    );
    const long = await slackError(client.chat.postMessage({ channel: "C1", text: "x".repeat(40_001) }));
    expect(long.data.error).toBe("msg_too_long");
  });

  it("deletes messages and builds permalinks", async () => {
    const posted = await client.chat.postMessage({ channel: "C1", text: "bye" });
    const link = await client.chat.getPermalink({ channel: "C1", message_ts: posted.ts ?? "" });
    expect(link.permalink).toContain(`/archives/C1/p${posted.ts?.replace(".", "")}`);
    await client.chat.delete({ channel: "C1", ts: posted.ts ?? "" });
    expect(emulator.messages("C1")).toEqual([]);
  });
});

describe("failures and rate limits", () => {
  it("answers 429 with Retry-After from failNext", async () => {
    emulator.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 7 });
    const error = await client.chat
      .postMessage({ channel: "C1", text: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(emulator.calls("chat.postMessage")[0]).toMatchObject({ ok: false, error: "ratelimited" });
    await expect(client.chat.postMessage({ channel: "C1", text: "x" })).resolves.toMatchObject({ ok: true });
  });

  it("fails a method the configured number of times with an error", async () => {
    emulator.failNext("users.info", { error: "fatal_error", times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await slackError(client.users.info({ user: "U0BOB" }))).data.error).toBe("fatal_error");
    }
    await expect(client.users.info({ user: "U0BOB" })).resolves.toMatchObject({ ok: true });
  });

  it("holds an answer after storing the message, or before acting at all", async () => {
    emulator.holdNext("chat.postMessage");
    emulator.holdNext("chat.postMessage", { accept: false });
    const accepted = client.chat.postMessage({ channel: "C1", text: "kept" });
    await emulator.waitFor(() => emulator.heldCount() === 1);
    expect(emulator.messages("C1").map((message) => message.text)).toEqual(["kept"]);
    const refused = client.chat
      .postMessage({ channel: "C1", text: "never" })
      .catch((caught: unknown) => caught);
    await emulator.waitFor(() => emulator.heldCount() === 2);
    emulator.releaseHeld();
    await expect(accepted).resolves.toMatchObject({ ok: true });
    expect(await refused).toBeInstanceOf(WebAPIPlatformError);
    expect(emulator.messages("C1").map((message) => message.text)).toEqual(["kept"]);
  });

  it("paces chat.postMessage per channel when asked to", async () => {
    emulator.enforceChannelRate(true);
    for (let index = 0; index < 3; index += 1)
      await client.chat.postMessage({ channel: "C1", text: `${index}` });
    const raw = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${emulator.botToken}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "channel=C1&text=again",
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("1");
    expect(await raw.json()).toEqual({ ok: false, error: "ratelimited" });
    await expect(client.chat.postMessage({ channel: "C2", text: "other channel" })).resolves.toBeTruthy();
    emulator.advanceTime(1000);
    await expect(client.chat.postMessage({ channel: "C1", text: "later" })).resolves.toBeTruthy();
  });
});

describe("conversations, users and files", () => {
  it("returns history newest first with metadata on request, and thread replies", async () => {
    const metadata = { event_type: "order_created", event_payload: { id: 7 } };
    const root = await client.chat.postMessage({ channel: "C1", text: "root", metadata });
    await client.chat.postMessage({ channel: "C1", text: "reply", thread_ts: root.ts });
    await client.chat.postMessage({ channel: "C1", text: "newest" });
    const history = await client.conversations.history({ channel: "C1", include_all_metadata: true });
    expect(history.messages?.map((message) => message.text)).toEqual(["newest", "root"]);
    expect(history.messages?.[1]).toMatchObject({ metadata, reply_count: 1 });
    const plain = await client.conversations.history({ channel: "C1", limit: 1 });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    expect(plain.has_more).toBe(true);
    const older = await client.conversations.history({ channel: "C1", latest: root.ts, inclusive: true });
    expect(older.messages?.map((message) => message.text)).toEqual(["root"]);
    const replies = await client.conversations.replies({ channel: "C1", ts: root.ts ?? "" });
    expect(replies.messages?.map((message) => message.text)).toEqual(["root", "reply"]);
  });

  it("includes locale in users.info only with include_locale", async () => {
    const without = await client.users.info({ user: "U0ALICE" });
    expect(without.user).toMatchObject({
      id: "U0ALICE",
      name: "alice",
      tz: "Asia/Shanghai",
      tz_offset: 28800,
    });
    expect(without.user?.locale).toBeUndefined();
    const withLocale = await client.users.info({ user: "U0ALICE", include_locale: true });
    expect(withLocale.user?.locale).toBe("zh-CN");
    expect((await slackError(client.users.info({ user: "U0NOBODY" }))).data.error).toBe("user_not_found");
  });

  it("stores files uploaded through files.uploadV2", async () => {
    const bytes = Buffer.from("sku,qty\nA-1,3\n");
    await client.files.uploadV2({
      channel_id: "C1",
      file: bytes,
      filename: "stock.csv",
      initial_comment: "Stock",
    });
    const [upload] = emulator.calls("files.getUploadURLExternal");
    expect(upload?.args).toMatchObject({ filename: "stock.csv", length: String(bytes.length) });
    const fileId = emulator.calls("files.completeUploadExternal")[0]?.args.files;
    const id = Array.isArray(fileId) ? (fileId[0] as { id: string }).id : "";
    expect(emulator.uploadedFile(id)).toEqual({ name: "stock.csv", bytes, channel: "C1" });
    expect(emulator.lastMessage("C1")).toMatchObject({ text: "Stock", files: [{ id, name: "stock.csv" }] });
  });
});

describe("helpers", () => {
  it("waitFor resolves with the predicate value or explains the timeout", async () => {
    setTimeout(() => void client.chat.postMessage({ channel: "C9", text: "later" }), 20);
    const message = await emulator.waitFor(() => emulator.lastMessage("C9"));
    expect(message.text).toBe("later");
    await expect(emulator.waitFor(() => false, 30)).rejects.toThrow(
      /waitFor timed out after 30 ms.*chat.postMessage/,
    );
  });

  it("reset forgets state but keeps users", async () => {
    await client.chat.postMessage({ channel: "C1", text: "x" });
    emulator.failNext("auth.test", { error: "boom" });
    emulator.reset();
    expect(emulator.messages()).toEqual([]);
    expect(emulator.calls()).toEqual([]);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    await expect(client.users.info({ user: "U0BOB" })).resolves.toMatchObject({ ok: true });
  });
});
