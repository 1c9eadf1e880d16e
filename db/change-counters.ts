import type { Db } from "./client.ts";
import { preparedPerDb } from "./prepared.ts";
import { openReadSnapshot } from "./read-snapshot.ts";

/** How many times the catalogue and the role assignments have changed (migration 0012's triggers). */
export interface ChangeCounters {
  catalogue: number;
  roles: number;
}

const countersQuery = preparedPerDb((db) =>
  db.$client.prepare("select catalogue, roles from change_counters where id = 1").raw(),
);

/**
 * The counters as this connection sees them; read once per read snapshot (nothing can move them
 * inside one), so the role check and the item index share a single read per request.
 */
export function readChangeCounters(db: Db): ChangeCounters {
  const snapshot = openReadSnapshot(db);
  if (snapshot?.counters) return snapshot.counters;
  const row = countersQuery(db).get() as [number, number] | undefined;
  const counters = { catalogue: row?.[0] ?? 0, roles: row?.[1] ?? 0 };
  if (snapshot) snapshot.counters = counters;
  return counters;
}

/**
 * Whether what the caller reads now may be kept for later: not inside a write transaction,
 * which could still roll back what it changed (its counters along with it).
 */
export function readsCommittedData(db: Db): boolean {
  return !db.$client.inTransaction || openReadSnapshot(db) !== undefined;
}
