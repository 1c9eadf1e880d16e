import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readChangeCounters } from "../../db/change-counters.ts";
import { type Db, openDatabase } from "../../db/client.ts";
import { readSnapshot } from "../../db/read-snapshot.ts";
import { type Role, rolesOf } from "../../src/domain/roles.ts";

describe("rolesOf, kept in memory between role changes", () => {
  let dir: string;
  let db: Db;
  let other: Db;
  const grant = (d: Db, userId: string, role: Role) =>
    d.$client
      .prepare(
        "insert into role_assignments (user_id, role, granted_by, granted_at) values (?, ?, 'U0ADMIN', 0)",
      )
      .run(userId, role);
  const revoke = (d: Db, userId: string, role: Role) =>
    d.$client.prepare("delete from role_assignments where user_id = ? and role = ?").run(userId, role);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "jxc-roles-"));
    db = openDatabase(join(dir, "jxc.sqlite"));
    other = openDatabase(join(dir, "jxc.sqlite"));
    grant(db, "U0CLERK", "purchasing_clerk");
  });
  afterEach(() => {
    db.$client.close();
    other.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a second time from memory", () => {
    const first = rolesOf(db, "U0CLERK");
    expect([...first]).toEqual(["purchasing_clerk"]);
    expect(rolesOf(db, "U0CLERK")).toBe(first);
    expect(readSnapshot(db, () => rolesOf(db, "U0CLERK"))).toBe(first);
  });

  it("sees a grant or a revoke at once, by this process or another", () => {
    rolesOf(db, "U0CLERK");
    grant(other, "U0CLERK", "warehouse_keeper");
    expect([...rolesOf(db, "U0CLERK")].sort()).toEqual(["purchasing_clerk", "warehouse_keeper"]);
    revoke(db, "U0CLERK", "purchasing_clerk");
    expect([...rolesOf(db, "U0CLERK")]).toEqual(["warehouse_keeper"]);
    revoke(other, "U0CLERK", "warehouse_keeper");
    expect(rolesOf(db, "U0CLERK").size).toBe(0);
  });

  it("does not keep what it read inside a write transaction that rolled back", () => {
    rolesOf(db, "U0CLERK");
    const rollback = new Error("rolled back on purpose");
    expect(() =>
      db.$client.transaction(() => {
        grant(db, "U0CLERK", "admin");
        expect(rolesOf(db, "U0CLERK").has("admin")).toBe(true);
        throw rollback;
      })(),
    ).toThrow(rollback);
    // Another change brings the counter back to the value the rolled-back read saw.
    grant(other, "U0CLERK", "salesperson");
    expect([...rolesOf(db, "U0CLERK")].sort()).toEqual(["purchasing_clerk", "salesperson"]);
  });
});

describe("readChangeCounters", () => {
  it("counts catalogue and role writes, and reads once per read snapshot", () => {
    const dir = mkdtempSync(join(tmpdir(), "jxc-counters-"));
    const db = openDatabase(join(dir, "jxc.sqlite"));
    const other = openDatabase(join(dir, "jxc.sqlite"));
    const start = readChangeCounters(db);
    other.$client
      .prepare("insert into items (sku, name, base_unit, updated_at) values ('A', 'a', 'pcs', 0)")
      .run();
    other.$client.prepare("insert into item_aliases (item_id, alias) values (1, 'x')").run();
    const afterItems = readChangeCounters(db);
    expect(afterItems).toEqual({ catalogue: start.catalogue + 2, roles: start.roles });
    readSnapshot(db, () => {
      const seen = readChangeCounters(db);
      other.$client
        .prepare(
          "insert into role_assignments (user_id, role, granted_by, granted_at) values ('U1', 'admin', 'U1', 0)",
        )
        .run();
      expect(readChangeCounters(db)).toBe(seen);
    });
    expect(readChangeCounters(db).roles).toBe(start.roles + 1);
    db.$client.close();
    other.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
