import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Written from the project root's child folder, so it holds both here (db/) and in the bundle (dist/).
const migrationsFolder = fileURLToPath(new URL("../db/migrations/", import.meta.url));

/** Opens (creating when missing) the SQLite file, sets the pragmas jxc relies on and applies migrations. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/** Cheap liveness probe for /healthz: a round trip through SQLite. */
export function pingDatabase(db: Db): boolean {
  const row = db.$client.prepare("select 1 as ok").get() as { ok: number } | undefined;
  return row?.ok === 1;
}
