import type { Db } from "./client.ts";

/**
 * Builds a prepared query once per database and reuses it: drizzle otherwise
 * compiles and SQLite re-prepares the statement on every call, which shows on
 * hot paths (every request checks roles).
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
