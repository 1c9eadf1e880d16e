import type { Db } from "../../../db/client.ts";
import { items } from "../../../db/schema.ts";
import type { Clock } from "../../domain/clock.ts";
import { fixedClock } from "../../domain/clock.ts";
import { importCsvFiles } from "../../domain/import/import-csv.ts";
import { bootstrapAdmins, grantRole } from "../../domain/roles.ts";
import { departments, setDepartmentChannel } from "../../domain/routing/departments.ts";
import { startOfMonth, todayIn } from "../../text/calendar.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import { demoImportFiles, demoItems, demoLeadTimes } from "./demo-csv.ts";
import { demoIssues, historyDays, historyOpeningExtra, loadDemoHistory } from "./demo-history.ts";
import { demoAdmin, demoChannels, demoUsers } from "./demo-people.ts";
import { demoSupplierItemRecords } from "./demo-terms.ts";

/**
 * Loads the demo company into an empty database, through the same domain operations an admin
 * would use (roles, places, a CSV import run) half a year ago, then its history since (stock
 * issued, purchase orders and receipts); a database that already has items is left alone.
 * Answers whether it loaded anything.
 */
export function loadDemoCompany(
  db: Db,
  clock: Clock,
  options: { currency: string; timeZone?: string | undefined },
): boolean {
  if (db.select({ id: items.id }).from(items).limit(1).get()) return false;
  // The demo company is in China; the sandbox passes the configured zone.
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  const now = clock.now();
  const today = todayIn(timeZone, now);
  const table = demoItems();
  const issues = demoIssues(table, demoLeadTimes(), today);
  // Set up the day before the history starts, with the stock the history then issues.
  const setUp = fixedClock(now - (historyDays + 1) * 86_400_000);
  // One transaction for the whole company (the operations nest inside it as savepoints): a
  // file database commits once instead of hundreds of times, and a failure leaves it empty.
  db.$client.transaction(() => {
    bootstrapAdmins(db, setUp, [demoAdmin.id]);
    for (const user of demoUsers) {
      if (user.id !== demoAdmin.id)
        grantRole(db, setUp, { actor: demoAdmin.id, userId: user.id, role: user.role });
    }
    // Each department's alerts go to its channel of the same name, as an admin would set them.
    for (const department of departments) {
      const channel = demoChannels.find((candidate) => candidate.name === department);
      if (channel)
        setDepartmentChannel(db, setUp, { actor: demoAdmin.id, department, channelId: channel.id });
    }
    const files = demoImportFiles({
      openingExtra: historyOpeningExtra(table, issues),
      supplierItems: demoSupplierItemRecords(table, startOfMonth(today, 1)),
    });
    const reports = importCsvFiles(db, setUp, files, {
      userId: demoAdmin.id,
      currency: options.currency,
    });
    const failed = reports.find((report) => !report.ok);
    // The demo data is ours, so a refused row is a bug here, not something to show a newcomer.
    if (failed)
      throw new Error(`the demo company did not import: ${JSON.stringify(failed.errors.slice(0, 5))}`);
    loadDemoHistory(db, now, { timeZone, currency: options.currency, issues });
    // The history happened before the newcomer arrived: its notices count as sent long ago, so the
    // sandbox starts without a backlog of approval cards and thread posts from months back.
    db.$client.prepare("update outbox_events set dispatched_at = ? where dispatched_at is null").run(now);
    // Nor does its stock going out count as a drop today: items it left low are listed by
    // `/jxc lowstock` and alert on their next change, as after an import.
    db.$client.prepare("update low_stock_checks set may_alert = 0").run();
  })();
  // Sales history (orders, deliveries, invoices) joins here once sales orders exist.
  return true;
}

/** Puts the demo people and department channels into the emulated workspace (it keeps nothing between starts). */
export function registerDemoWorkspace(emulator: SlackEmulator): void {
  for (const user of demoUsers)
    emulator.addUser({ id: user.id, name: user.name, locale: user.locale, tz: "Asia/Shanghai" });
  for (const channel of demoChannels) emulator.nameChannel(channel.id, channel.name);
}
