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

const plain = (text: string) => ({ type: "plain_text" as const, text });
const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: "modal" as const,
  title: plain(title),
  blocks: [{ type: "section", text: { type: "mrkdwn", text: title } }],
  ...extra,
});

describe("views", () => {
  it("opens a modal with a single-use trigger id", async () => {
    const trigger = emulator.createTriggerId("U0ALICE");
    const opened = await client.views.open({ trigger_id: trigger, view: modal("New order") });
    const id = opened.view?.id ?? "";
    expect(opened.view).toMatchObject({ type: "modal", root_view_id: id, hash: expect.any(String) });
    expect(emulator.openViews("U0ALICE").map((view) => view.id)).toEqual([id]);
    expect(emulator.view(id)?.view.title).toEqual(plain("New order"));

    const reused = await slackError(client.views.open({ trigger_id: trigger, view: modal("Again") }));
    expect(reused.data.error).toBe("expired_trigger_id");
    const unknown = await slackError(client.views.open({ trigger_id: "123.456.abc", view: modal("X") }));
    expect(unknown.data.error).toBe("invalid_trigger_id");
  });

  it("expires trigger ids after 3 seconds", async () => {
    const trigger = emulator.createTriggerId();
    emulator.advanceTime(3001);
    const error = await slackError(client.views.open({ trigger_id: trigger, view: modal("Late") }));
    expect(error.data.error).toBe("expired_trigger_id");
  });

  it("rejects invalid views with Slack's invalid_arguments shape and keeps the trigger usable", async () => {
    const trigger = emulator.createTriggerId();
    const error = await slackError(client.views.open({ trigger_id: trigger, view: modal("x".repeat(25)) }));
    expect(error.data.error).toBe("invalid_arguments");
    expect(error.data.response_metadata?.messages).toEqual([
      "[ERROR] title.text: must be at most 24 characters",
    ]);
    await expect(client.views.open({ trigger_id: trigger, view: modal("Fine") })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("pushes up to three views and updates them by id or external id with hash checks", async () => {
    const root = await client.views.open({
      trigger_id: emulator.createTriggerId("U0ALICE"),
      view: modal("One"),
    });
    await client.views.push({ trigger_id: emulator.createTriggerId("U0ALICE"), view: modal("Two") });
    const third = await client.views.push({
      trigger_id: emulator.createTriggerId("U0ALICE"),
      view: modal("Three", { external_id: "order-3" }),
    });
    const full = await slackError(
      client.views.push({ trigger_id: emulator.createTriggerId("U0ALICE"), view: modal("Four") }),
    );
    expect(full.data.error).toBe("push_limit_reached");
    const stack = emulator.openViews("U0ALICE");
    expect(stack.map((view) => view.rootViewId)).toEqual([root.view?.id, root.view?.id, root.view?.id]);
    expect(stack[2]?.previousViewId).toBe(stack[1]?.id);

    const thirdId = third.view?.id ?? "";
    const conflict = await slackError(
      client.views.update({ view_id: thirdId, hash: "stale", view: modal("3b") }),
    );
    expect(conflict.data.error).toBe("hash_conflict");
    const updated = await client.views.update({
      view_id: thirdId,
      hash: third.view?.hash,
      view: modal("3b"),
    });
    expect(updated.view?.hash).not.toBe(third.view?.hash);
    await client.views.update({ external_id: "order-3", view: modal("3c", { external_id: "order-3" }) });
    expect(emulator.view(thirdId)?.view.title).toEqual(plain("3c"));
    expect((await slackError(client.views.update({ view_id: "V404", view: modal("x") }))).data.error).toBe(
      "not_found",
    );
  });

  it("publishes home tabs per user", async () => {
    const home = {
      type: "home" as const,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Hi" } }],
    };
    const first = await client.views.publish({ user_id: "U0ALICE", view: home });
    const second = await client.views.publish({
      user_id: "U0ALICE",
      view: { ...home, callback_id: "home2" },
    });
    expect(second.view?.id).toBe(first.view?.id);
    expect(emulator.homeView("U0ALICE")).toMatchObject({ type: "home", callback_id: "home2" });
    const wrongType = await slackError(client.views.publish({ user_id: "U0ALICE", view: modal("x") }));
    expect(wrongType.data.error).toBe("invalid_arguments");
  });
});

describe("response_url", () => {
  async function postTo(url: string, body: Record<string, unknown>): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  it("allows five uses, then answers 404 used_url", async () => {
    const url = emulator.createResponseUrl({ channel: "C1", userId: "U0ALICE" });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\/\w+$/);
    for (let use = 1; use <= 5; use += 1)
      expect((await postTo(url, { text: `use ${use}` })).status).toBe(200);
    const sixth = await postTo(url, { text: "sixth" });
    expect(sixth.status).toBe(404);
    expect(await sixth.text()).toBe("used_url");
    expect(emulator.responseUrlPosts(url)).toHaveLength(5);
  });

  it("expires after 30 minutes and refuses invalid blocks", async () => {
    const url = emulator.createResponseUrl({ channel: "C1" });
    const invalid = await postTo(url, { text: "t", blocks: [{ type: "nope" }] });
    expect([invalid.status, await invalid.text()]).toEqual([400, "invalid_blocks"]);
    emulator.advanceTime(30 * 60_000 + 1);
    const late = await postTo(url, { text: "late" });
    expect([late.status, await late.text()]).toEqual([404, "expired_url"]);
  });

  it("reflects ephemeral, in_channel, replace and delete into messages()", async () => {
    const posted = await client.chat.postMessage({ channel: "C1", text: "order #1" });
    const url = emulator.createResponseUrl({ channel: "C1", userId: "U0ALICE", messageTs: posted.ts });
    await postTo(url, { text: "just for you" });
    await postTo(url, { text: "for everyone", response_type: "in_channel" });
    expect(emulator.messages("C1").slice(1)).toMatchObject([
      { text: "just for you", ephemeral: true, visibleTo: "U0ALICE", source: "response_url" },
      { text: "for everyone", source: "response_url" },
    ]);
    expect(emulator.messages("C1")[2]?.ephemeral).toBeUndefined();
    await postTo(url, { text: "order #1 (approved)", replace_original: true });
    expect(emulator.messages("C1")[0]).toMatchObject({
      ts: posted.ts,
      text: "order #1 (approved)",
      replaced: true,
    });
    await postTo(url, { delete_original: true });
    expect(emulator.messages("C1").map((message) => message.text)).toEqual(["just for you", "for everyone"]);
    expect(emulator.responseUrlPosts().map((post) => post.body.text)).toEqual([
      "just for you",
      "for everyone",
      "order #1 (approved)",
      undefined,
    ]);
  });
});
