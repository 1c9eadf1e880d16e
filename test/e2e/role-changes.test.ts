import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

// Roles and the item index are kept in memory between changes; these prove a change, made in
// Slack or by another process on the same database, counts at the very next command.
describe("changes to roles and items reach the next command", () => {
  let folder: string;
  let t: TestApp;
  let otherProcess: Db;
  const stock = async (userId: string, text: string) =>
    ((await t.driver.command(userId, "/stock", text)).json as { text: string }).text;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "jxc-role-changes-"));
    const databasePath = join(folder, "jxc.sqlite");
    t = await startTestApp({
      databasePath,
      admins: ["U0ADMIN"],
      users: [
        { id: "U0ADMIN", name: "admin", locale: "en-US" },
        { id: "U0KEEPER", name: "keeper", locale: "en-US" },
      ],
    });
    otherProcess = openDatabase(databasePath);
    otherProcess.$client
      .prepare(
        "insert into items (sku, name, base_unit, updated_at) values ('BOLT-M6', 'Hex bolt M6', 'pcs', 0)",
      )
      .run();
  });
  afterEach(async () => {
    otherProcess.$client.close();
    await t.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("a role removed with /jxc role stops working at once", async () => {
    await t.driver.command("U0ADMIN", "/jxc", "role <@U0KEEPER|keeper> add warehouse_keeper");
    expect(await stock("U0KEEPER", "BOLT-M6")).toContain("Hex bolt M6");
    await t.driver.command("U0ADMIN", "/jxc", "role <@U0KEEPER|keeper> remove warehouse_keeper");
    expect(await stock("U0KEEPER", "BOLT-M6")).toMatch(/^You have no jxc role yet|^You are not allowed/);
  });

  it("a role granted or revoked by another process counts at the next command", async () => {
    expect(await stock("U0KEEPER", "BOLT-M6")).toMatch(/^You have no jxc role yet/);
    otherProcess.$client
      .prepare(
        "insert into role_assignments (user_id, role, granted_by, granted_at) values ('U0KEEPER', 'warehouse_keeper', 'cli', 0)",
      )
      .run();
    expect(await stock("U0KEEPER", "BOLT-M6")).toContain("Hex bolt M6");
    otherProcess.$client.prepare("delete from role_assignments where user_id = 'U0KEEPER'").run();
    expect(await stock("U0KEEPER", "BOLT-M6")).toMatch(/^You have no jxc role yet/);
  });

  it("an item another process adds is found by name at the next search", async () => {
    expect(await stock("U0ADMIN", "washer")).not.toContain("WSH-8");
    otherProcess.$client
      .prepare(
        "insert into items (sku, name, base_unit, updated_at) values ('WSH-8', 'Spring washer M8', 'pcs', 0)",
      )
      .run();
    expect(await stock("U0ADMIN", "washer")).toContain("Spring washer M8");
  });
});
