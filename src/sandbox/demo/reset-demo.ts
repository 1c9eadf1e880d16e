import { existsSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../../../db/client.ts";
import { ConfigError, loadConfig, loadDotEnv } from "../../config.ts";
import { type Clock, systemClock } from "../../domain/clock.ts";
import { listRoleAssignments } from "../../domain/roles.ts";
import { demoUsers } from "./demo-people.ts";
import { loadDemoCompany } from "./load-demo.ts";

/** What a reset did, or why it refused. */
export type ResetOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Deletes the sandbox database and loads the demo company into a fresh one. Refuses a database
 * in which anyone outside the demo company (and JXC_ADMINS) holds a role: that is a real
 * company's data, and DATABASE_PATH points at the wrong file.
 */
export function resetDemoDatabase(
  path: string,
  options: { currency: string; admins: readonly string[]; clock?: Clock; timeZone?: string },
): ResetOutcome {
  if (path !== ":memory:" && existsSync(path)) {
    const db = openDatabase(path);
    const known = new Set([...demoUsers.map((user) => user.id), ...options.admins]);
    const strangers = [...new Set(listRoleAssignments(db).map((a) => a.userId))].filter(
      (id) => !known.has(id),
    );
    db.$client.close();
    if (strangers.length > 0) {
      return {
        ok: false,
        reason: `${path} holds roles of people outside the demo company (${strangers.slice(0, 5).join(", ")}); it was not deleted. Point DATABASE_PATH at the sandbox database.`,
      };
    }
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  }
  const db = openDatabase(path);
  try {
    loadDemoCompany(db, options.clock ?? systemClock, {
      currency: options.currency,
      timeZone: options.timeZone,
    });
  } finally {
    db.$client.close();
  }
  return { ok: true };
}

// `npm run demo:reset`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv();
  try {
    const config = loadConfig(process.env);
    const outcome = resetDemoDatabase(config.sandboxDatabasePath, {
      currency: config.currency,
      admins: config.admins,
      timeZone: config.timeZone,
    });
    if (!outcome.ok) {
      process.stderr.write(`jxc demo:reset: ${outcome.reason}\n`);
      process.exit(1);
    }
    process.stdout.write(
      `jxc demo:reset: the demo company is back in ${config.sandboxDatabasePath} (restart npm start if it is running)\n`,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`jxc: configuration error: ${error.message}\n`);
    process.exit(2);
  }
}
