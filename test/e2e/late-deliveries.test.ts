import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { grantRoles, importViaSlack } from "../harness/flows.ts";
import { startTestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const clerk = "U0CLERK";
const manager = "U0MGR";
const purchasingChannel = "C0PUR";
const hour = 3_600_000;

describe("a delivery that does not come", () => {
  it("nudges the PO's author in its thread once it is late, then the purchasing manager", async () => {
    // Starts at the real time: the receiver checks request signatures against this clock.
    const clock = fixedClock(Date.now());
    const users = [admin, clerk, manager].map((id) => ({ id, name: id, locale: "en-US" }));
    const t = await startTestApp({ admins: [admin], users, clock });
    try {
      await grantRoles(t, admin, { [clerk]: "purchasing_clerk", [manager]: "purchasing_manager" });
      const items = [
        "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier",
        "BOLT-M6,Hex bolt M6,六角螺栓M6,pcs,,fasteners,0.35,,,,",
      ].join("\n");
      await importViaSlack(t, admin, "items", { name: "items.csv", bytes: Buffer.from(items) });
      await importViaSlack(t, admin, "suppliers", {
        name: "suppliers.csv",
        bytes: Buffer.from("code,name\nACME,Acme Fasteners\n"),
      });
      await t.driver.command(admin, "/jxc", `channel purchasing <#${purchasingChannel}|purchasing>`);
      await t.driver.command(clerk, "/po", "ACME 100 BOLT-M6 @ 2.50 by tomorrow");
      await t.notifier.drain();
      const card = t.emulator.messages(`D${manager}`).find((m) => m.text === "Approval needed · PO-000001");
      if (!card) throw new Error("no approval card");
      await t.driver.clickButton(manager, { channel: card.channel, ts: card.ts }, { label: "Approve" });
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      const parent = t.emulator.messages(purchasingChannel)[0];
      const thread = () => t.emulator.messages(purchasingChannel).filter((m) => m.threadTs === parent?.ts);
      const dmsTo = (user: string) => t.emulator.messages(`D${user}`).map((m) => m.text ?? "");

      // Not late yet tomorrow; two days on, it is.
      clock.advance(48 * hour);
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      expect(thread().at(-1)?.text).toContain("*PO-000001* · :alarm_clock: Expected");
      expect(dmsTo(clerk).at(-1)).toContain(":alarm_clock: Expected");
      expect(dmsTo(manager).some((text) => text.includes(":alarm_clock:"))).toBe(false);

      // The next day: no second nudge for the author.
      const told = dmsTo(clerk).length;
      clock.advance(24 * hour);
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      expect(dmsTo(clerk)).toHaveLength(told);

      // Three days late (the default delay): the purchasing manager hears of it too.
      clock.advance(48 * hour);
      await t.jxc.scheduler.runDue(clock.now());
      await t.notifier.drain();
      expect(dmsTo(manager).at(-1)).toContain("still not delivered");
      expect(thread().at(-1)?.text).toContain("purchasing manager");
    } finally {
      await t.stop();
    }
  });
});
