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
