import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import * as schema from "../../db/schema.ts";
import { requestAdjustment } from "../../src/domain/adjustments/request-adjustment.ts";
import { myOpenRequests, pendingApprovalsFor } from "../../src/domain/approvals/index.ts";
import { setOpeningStock } from "../../src/domain/stock/index.ts";
import { createStockFixture } from "./fixtures/stock-fixture.ts";

const day = "2025-01-02";
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A company file where `waiting` adjustments wait for the warehouse supervisor USUP. */
function companyWithWaiting(waiting: number): string {
  const folder = mkdtempSync(join(tmpdir(), "jxc-approval-lists-"));
  folders.push(folder);
  const path = join(folder, "jxc.sqlite");
  const f = createStockFixture(path);
  for (const [userId, role] of [
    ["UKEEPER", "warehouse_keeper"],
    ["USUP", "warehouse_supervisor"],
  ] as const) {
    f.db.insert(schema.roleAssignments).values({ userId, role, grantedBy: "U0", grantedAt: 0 }).run();
  }
  const place = { itemId: f.ids.avgItem, locationId: f.ids.binA };
  setOpeningStock(f.db, f.clock, { ...place, qty: 100, unitCost: 2500, userId: "UKEEPER" });
  for (let n = 0; n < waiting; n++) {
    requestAdjustment(f.db, f.clock, { ...place, qtyDelta: -50, reason: "damaged", userId: "UKEEPER" });
  }
  f.db.$client.close();
  return path;
}

/** Runs `read` on a connection that counts the statements it executes. */
function statementsOf(path: string, read: (db: Db) => void): number {
  let executed = 0;
  const client = new Database(path, { verbose: () => executed++ });
  const db = drizzle(client, { schema }) as Db;
  read(db);
  client.close();
  return executed;
}

describe("approval lists", () => {
  it("read as many statements with 40 requests waiting as with 4: the rest are only counted", () => {
    const totals: number[] = [];
    const lists = (db: Db) => {
      const waiting = pendingApprovalsFor(db, "USUP", day, 2);
      const mine = myOpenRequests(db, "UKEEPER", 2);
      expect([waiting.first.length, mine.first.length]).toEqual([2, 2]);
      totals.push(waiting.total, mine.total);
    };
    const few = statementsOf(companyWithWaiting(4), lists);
    const many = statementsOf(companyWithWaiting(40), lists);
    expect(totals).toEqual([4, 4, 40, 40]);
    expect(many).toBe(few);
  });
});
