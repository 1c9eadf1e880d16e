import type { Db } from "../../../db/client.ts";
import { items } from "../../../db/schema.ts";
import type { Clock } from "../../domain/clock.ts";
import { importCsvFiles } from "../../domain/import/import-csv.ts";
import { bootstrapAdmins, grantRole } from "../../domain/roles.ts";
import { departments, setDepartmentChannel } from "../../domain/routing/departments.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import { demoImportFiles } from "./demo-csv.ts";
import { demoAdmin, demoChannels, demoUsers } from "./demo-people.ts";

/**
 * Loads the demo company into an empty database, through the same domain operations an admin
 * would use (roles, places, a CSV import run); a database that already has items is left alone.
 * Answers whether it loaded anything.
 */
export function loadDemoCompany(db: Db, clock: Clock, options: { currency: string }): boolean {
  if (db.select({ id: items.id }).from(items).limit(1).get()) return false;
  bootstrapAdmins(db, clock, [demoAdmin.id]);
  for (const user of demoUsers) {
    if (user.id !== demoAdmin.id)
      grantRole(db, clock, { actor: demoAdmin.id, userId: user.id, role: user.role });
  }
  // Each department's alerts go to its channel of the same name, as an admin would set them.
  for (const department of departments) {
    const channel = demoChannels.find((candidate) => candidate.name === department);
    if (channel) setDepartmentChannel(db, clock, { actor: demoAdmin.id, department, channelId: channel.id });
  }
  const reports = importCsvFiles(db, clock, demoImportFiles(), {
    userId: demoAdmin.id,
    currency: options.currency,
  });
  const failed = reports.find((report) => !report.ok);
  // The demo data is ours, so a refused row is a bug here, not something to show a newcomer.
  if (failed)
    throw new Error(`the demo company did not import: ${JSON.stringify(failed.errors.slice(0, 5))}`);
  // Purchase and sales history (orders, receipts, deliveries, invoices) belongs here, loaded
  // through the purchasing and sales operations once they exist; the code has none yet.
  return true;
}

/** Puts the demo people and department channels into the emulated workspace (it keeps nothing between starts). */
export function registerDemoWorkspace(emulator: SlackEmulator): void {
  for (const user of demoUsers)
    emulator.addUser({ id: user.id, name: user.name, locale: user.locale, tz: "Asia/Shanghai" });
  for (const channel of demoChannels) emulator.nameChannel(channel.id, channel.name);
}
