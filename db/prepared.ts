import type { Db } from "./client.ts";

/**
 * Builds a prepared query once per database and reuses it: drizzle otherwise
 * compiles and SQLite re-prepares the statement on every call, which shows on
 * hot paths (every request checks roles).
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  return perDb(build);
}

/** One value per database (statements, an in-memory cache of its rows), built on first use. */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}
