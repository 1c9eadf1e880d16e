import type { ChangeCounters } from "./change-counters.ts";
import type { Db } from "./client.ts";
import { preparedPerDb } from "./prepared.ts";

/** What a read snapshot remembers while it is open: facts that cannot change inside it. */
export interface OpenReadSnapshot {
  counters?: ChangeCounters;
}

const open = new WeakMap<Db, OpenReadSnapshot>();

/**
 * Runs synchronous reads in one read transaction, so they see one snapshot and
 * share one lock. In WAL mode every statement outside a transaction takes and
 * drops SQLite's shared locks (two fcntl and an fstat, ~4.5 µs), which is more
 * than a primary-key read costs; a /stock page makes twenty-odd reads.
 * `read` must not write: a deferred transaction that starts reading and then
 * writes can fail with SQLITE_BUSY when another connection wrote in between.
 * Keep it synchronous too, so no other request's statements run inside it.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  const client = db.$client;
  if (client.inTransaction) return read();
  const { begin, commit, rollback } = statements(db);
  begin.run();
  open.set(db, {});
  let result: T;
  try {
    result = read();
  } catch (error) {
    if (client.inTransaction) rollback.run();
    throw error;
  } finally {
    open.delete(db);
  }
  if (client.inTransaction) commit.run();
  return result;
}

/** The read snapshot the caller runs in, if any (not a write transaction). */
export function openReadSnapshot(db: Db): OpenReadSnapshot | undefined {
  return open.get(db);
}

const statements = preparedPerDb((db) => ({
  begin: db.$client.prepare("begin"),
  commit: db.$client.prepare("commit"),
  rollback: db.$client.prepare("rollback"),
}));
