import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { emitEvent } from "../../src/domain/events.ts";
import { createLogger } from "../../src/log.ts";
import { dispatchPending } from "../../src/notify/dispatcher.ts";
import { grantRoles } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";
import { fanOut, plannersWith, testTemplates } from "../notify/fixtures.ts";

const admin = "U0ADMIN";
const zhAdmin = "U0ZHADMIN";
const users = [
  { id: admin, name: "admin", locale: "en-US" },
  { id: zhAdmin, name: "wang", locale: "zh-CN" },
  { id: "U0ANN", name: "ann", locale: "en-US" },
];

const planners = plannersWith({ "approval.requested": fanOut });
const company = { currency: "CNY", timeZone: "Asia/Shanghai" };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ admins: [admin], users, notify: { planners, templates: testTemplates } });
});
afterEach(() => t.stop());

const emit = (n: number, to: string[]) =>
  emitEvent(t.db, { type: "approval.requested", actor: admin, payload: { n, to } }, Date.now());

/** `/jxc outbox` in the admin's channel; answers the ephemeral message it left there. */
async function openOutbox(userId: string) {
  const reply = await t.driver.command(userId, "/jxc", "outbox", { channelId: "C0ADMIN" });
  expect(reply.status).toBe(200);
  const shown = t.emulator.lastMessage("C0ADMIN");
  if (!shown) throw new Error("no outbox reply");
  return { text: (reply.json as { text: string }).text, message: shown };
}

describe("/jxc outbox", () => {
  it("shows counts, what waits and the failures; Retry sends a failed message once the cause is fixed", async () => {
    t.emulator.failNext("chat.postMessage", { error: "not_in_channel" });
    emit(1, ["C0SECRET", "U0ANN"]);
    await t.notifier.drain();
    // One message planned but not sent yet, one event not even planned.
    emit(2, ["U0ANN"]);
    dispatchPending({
      db: t.db,
      clock: systemClock,
      company,
      logger: createLogger({ level: "silent" }),
      planners,
    });
    emit(3, ["U0ANN"]);

    const { text, message } = await openOutbox(admin);
    const { message: sameOpenedAgain } = await openOutbox(admin);
    expect(text).toContain("failed *1*");
    expect(text).toContain("delivered *2*");
    expect(text).toContain("Oldest message waiting");
    expect(text).toContain(":hourglass: 1 events waiting");
    expect(text).toMatch(/\*#1\* message → <#C0SECRET> · `note`\n:x: `not_in_channel` · 1 attempts/);
    // The admin was told how to fix it, in a DM.
    expect(t.emulator.lastMessage(`D${admin}`)?.text).toContain("`/invite @jxc` in <#C0SECRET>");

    await t.driver.clickButton(admin, { channel: "C0ADMIN", ts: message.ts }, { label: "Retry" });
    const refreshed = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(refreshed).toMatchObject({ replace_original: true });
    expect(String(refreshed?.text)).toContain("Message #1 is queued again.");
    expect(String(refreshed?.text)).toContain("failed *0*");
    await t.notifier.drain();
    expect(t.emulator.messages("C0SECRET").map((m) => m.text)).toEqual(["note 1"]);
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .filter((row) => row.action === "delivery.retry"),
    ).toEqual([expect.objectContaining({ actor: admin, entityId: "1", after: { status: "pending" } })]);

    // The same failure's button in an older copy: it is no longer failed, so nothing happens twice.
    await t.driver.clickButton(admin, { channel: "C0ADMIN", ts: sameOpenedAgain.ts }, { label: "Retry" });
    const stale = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(stale).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(stale?.text)).toContain("out of date");
    await t.notifier.drain();
    expect(t.emulator.messages("C0SECRET")).toHaveLength(1);
  });

  it("checks the permission again when Retry is clicked", async () => {
    await grantRoles(t, admin, { [zhAdmin]: "admin" });
    t.emulator.failNext("chat.postMessage", { error: "is_archived" });
    emit(1, ["C0OLD"]);
    await t.notifier.drain();
    const { text, message } = await openOutbox(zhAdmin);
    expect(text).toContain("发件箱");
    expect(text).toContain("`is_archived`");
    await t.driver.command(admin, "/jxc", `role <@${zhAdmin}|wang> remove admin`);

    await t.driver.clickButton(zhAdmin, { channel: "C0ADMIN", ts: message.ts }, { label: "重试" });
    const refused = t.emulator.responseUrlPosts().at(-1)?.body;
    expect(refused).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(refused?.text)).toContain("没有权限");
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .some((row) => row.action === "delivery.retry"),
    ).toBe(false);
  });
});
