import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { readSnapshot } from "../../db/read-snapshot.ts";

describe("readSnapshot", () => {
  let dir: string;
  let db: Db;
  let other: Db;
  const count = (d: Db) => d.$client.prepare("select count(*) from warehouses").pluck().get() as number;
  const addWarehouse = (d: Db, code: string) =>
    d.$client.prepare("insert into warehouses (code, name, updated_at) values (?, ?, 0)").run(code, code);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "jxc-snapshot-"));
    db = openDatabase(join(dir, "jxc.sqlite"));
    other = openDatabase(join(dir, "jxc.sqlite"));
  });
  afterEach(() => {
    db.$client.close();
    other.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives every read inside it the same snapshot, and ends its transaction", () => {
    addWarehouse(db, "WH1");
    const seen = readSnapshot(db, () => {
      const before = count(db);
      addWarehouse(other, "WH2");
      return [before, count(db)];
    });
    expect(seen).toEqual([1, 1]);
    expect(db.$client.inTransaction).toBe(false);
    expect(count(db)).toBe(2);
  });

  it("ends its transaction when the reads throw, and passes the error on", () => {
    expect(() =>
      readSnapshot(db, () => {
        count(db);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(db.$client.inTransaction).toBe(false);
  });

  it("joins a transaction the caller already opened", () => {
    db.$client.transaction(() => {
      addWarehouse(db, "WH1");
      expect(readSnapshot(db, () => count(db))).toBe(1);
      expect(db.$client.inTransaction).toBe(true);
    })();
    expect(count(db)).toBe(1);
  });
});
