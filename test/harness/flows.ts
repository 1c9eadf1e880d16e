// Multi-step things users do in Slack, done the way they do them, for tests that need them as set-up.
import { expect } from "vitest";
import type { TestApp } from "./test-app.ts";

/** An admin gives roles with `/jxc role @user add <role>`, as in the workspace. */
export async function grantRoles(t: TestApp, adminId: string, grants: Record<string, string>): Promise<void> {
  for (const [userId, role] of Object.entries(grants)) {
    const reply = await t.driver.command(adminId, "/jxc", `role <@${userId}|${userId}> add ${role}`);
    expect((reply.json as { text?: string }).text).toMatch(/^Done|^已完成/);
  }
}

/**
 * `/jxc import <kind>` → the upload modal → pick the file → submit; returns what
 * the app then said in the modal and in the DM.
 */
export async function importViaSlack(
  t: TestApp,
  userId: string,
  kind: string,
  file: { name: string; bytes: Buffer },
  options: { skipBad?: boolean } = {},
): Promise<{ modalText: string; dmText: string }> {
  const command = await t.driver.command(userId, "/jxc", `import ${kind}`);
  expect(command.status).toBe(200);
  const modal = t.emulator.openViews(userId).at(-1);
  if (!modal) throw new Error(`no modal opened; the command answered ${command.text}`);
  const uploaded = t.emulator.userUploadsFile(userId, file.name, file.bytes);
  const before = t.emulator.messages(`D${userId}`).length;
  await t.driver.submitView(userId, modal.id, {
    import_file: String(uploaded.id),
    ...(options.skipBad ? { import_options: ["skip_bad"] } : {}),
  });
  const dm = await t.emulator.waitFor(() => t.emulator.messages(`D${userId}`).at(before));
  // With the test switch the ack's progress view reaches the fake Slack after the result, so read the update call.
  const update = t.emulator.calls("views.update").findLast((call) => call.args.view_id === modal.id);
  return { modalText: JSON.stringify(update?.args.view ?? {}), dmText: dm.text ?? "" };
}

/**
 * A button click Slack would never send (the message is not the clicker's, or the button was
 * never shown to them): what an attacker can still post, so the server must check it.
 */
export async function forgeButtonClick(
  t: TestApp,
  click: { userId: string; channel: string; actionId: string; value: string },
): Promise<{ status: number; answers: Record<string, unknown>[] }> {
  const responseUrl = t.emulator.createResponseUrl({ channel: click.channel, userId: click.userId });
  const payload = {
    type: "block_actions",
    user: { id: click.userId, username: click.userId, name: click.userId, team_id: t.emulator.teamId },
    api_app_id: t.emulator.apiAppId,
    token: "legacy",
    team: { id: t.emulator.teamId, domain: t.emulator.teamDomain },
    channel: { id: click.channel, name: click.channel.toLowerCase() },
    container: { type: "message", message_ts: "1.000001", channel_id: click.channel, is_ephemeral: true },
    trigger_id: t.emulator.createTriggerId(click.userId),
    response_url: responseUrl,
    actions: [
      {
        action_id: click.actionId,
        block_id: "forged",
        type: "button",
        value: click.value,
        text: { type: "plain_text", text: "forged" },
        action_ts: "1.2",
      },
    ],
  };
  const response = await t.driver.post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, {
    contentType: "application/x-www-form-urlencoded",
  });
  return { status: response.status, answers: t.emulator.responseUrlPosts(responseUrl).map((p) => p.body) };
}
