import type { Statement } from "better-sqlite3";
import type { Db } from "../../../db/client.ts";
import type { AuditEntry } from "../audit.ts";

/** A value better-sqlite3 binds or returns for the columns the catalogue uses. */
export type SqlValue = string | number | null;

const cache = new WeakMap<object, Map<string, Statement>>();

/**
 * A prepared statement, cached per connection. Catalogue upserts run 100k times
 * in one import, and drizzle's per-call query building costs ~10× the SQLite work.
 */
export function prepareCached(db: Db, text: string): Statement {
  let statements = cache.get(db.$client);
  if (!statements) {
    statements = new Map();
    cache.set(db.$client, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.$client.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

/**
 * Runs `work` in a transaction unless the caller already opened one. Catalogue
 * writers check everything before their first write, so a refusal leaves
 * nothing behind even without a savepoint (which would cost 100k of them in a
 * bulk import).
 */
export function runAtomically<T>(db: Db, work: () => T): T {
  // IMMEDIATE takes the write lock up front: a read-then-write transaction that upgrades later can
  // fail with SQLITE_BUSY in WAL mode when another connection wrote in between.
  return db.$client.inTransaction ? work() : db.$client.transaction(work).immediate();
}

/** The same audit row as writeAudit, through a cached statement (bulk imports write 100k of them). */
export function insertAuditRow(db: Db, entry: AuditEntry): void {
  prepareCached(
    db,
    "insert into audit_log (actor, action, entity, entity_id, before, after, at) values (?, ?, ?, ?, ?, ?, ?)",
  ).run(
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    entry.at,
  );
}
