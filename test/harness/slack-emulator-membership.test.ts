import { WebAPIPlatformError, type WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webClientFor } from "./emulator-web-client.ts";
import { SlackEmulator } from "./slack-emulator.ts";

let emulator: SlackEmulator;
let client: WebClient;

beforeEach(async () => {
  emulator = await SlackEmulator.start({ users: [{ id: "U0ALICE", name: "alice" }] });
  client = webClientFor(emulator);
});

afterEach(async () => {
  await emulator.stop();
});

async function errorOf(call: Promise<unknown>): Promise<string> {
  const caught = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(caught instanceof WebAPIPlatformError))
    throw new Error(`expected a Slack error, got ${String(caught)}`);
  return caught.data.error;
}

describe("bot channel membership", () => {
  it("starts with the bot in every channel", async () => {
    expect(emulator.isBotInChannel("C0ANY")).toBe(true);
    const info = await client.conversations.info({ channel: "C0ANY" });
    expect(info.channel?.is_member).toBe(true);
    await expect(client.chat.postMessage({ channel: "C0ANY", text: "hi" })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("refuses posts and reads in a public channel the bot left, and says so in conversations.info", async () => {
    emulator.removeBotFromChannel("C0WH");
    expect(await errorOf(client.chat.postMessage({ channel: "C0WH", text: "hi" }))).toBe("not_in_channel");
    expect(await errorOf(client.chat.postEphemeral({ channel: "C0WH", user: "U0ALICE", text: "hi" }))).toBe(
      "not_in_channel",
    );
    expect(await errorOf(client.conversations.history({ channel: "C0WH" }))).toBe("not_in_channel");
    const info = await client.conversations.info({ channel: "C0WH" });
    expect(info.channel?.is_member).toBe(false);
    const members = await client.conversations.members({ channel: "C0WH" });
    expect(members.members).toEqual(["U0ALICE"]);
    expect(emulator.messages("C0WH")).toEqual([]);
  });

  it("hides a private channel the bot is not in, as Slack does", async () => {
    emulator.removeBotFromChannel("G0SECRET");
    expect(await errorOf(client.conversations.info({ channel: "G0SECRET" }))).toBe("channel_not_found");
    expect(await errorOf(client.chat.postMessage({ channel: "G0SECRET", text: "hi" }))).toBe(
      "channel_not_found",
    );
  });

  it("posts again once the bot is invited, or joins a public channel itself", async () => {
    emulator.removeBotFromChannel("C0WH");
    emulator.removeBotFromChannel("C0SALES");
    emulator.addBotToChannel("C0WH");
    await expect(client.chat.postMessage({ channel: "C0WH", text: "hi" })).resolves.toMatchObject({
      ok: true,
    });
    const joined = await client.conversations.join({ channel: "C0SALES" });
    expect(joined.channel?.is_member).toBe(true);
    expect(emulator.isBotInChannel("C0SALES")).toBe(true);
  });

  it("always delivers direct messages, by user id or D… id", async () => {
    emulator.removeBotFromChannel("DU0ALICE");
    emulator.removeBotFromChannel("U0ALICE");
    await expect(client.chat.postMessage({ channel: "U0ALICE", text: "hi" })).resolves.toMatchObject({
      channel: "DU0ALICE",
    });
  });
});
