import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Role, roles } from "../../src/domain/roles.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

type Who = Role | "none";
const anyRole: readonly Who[] = roles;
const everyone: readonly Who[] = ["none", ...roles];

/** The whole role × command matrix: who may run what. Every other pairing must be refused. */
const matrix: { command: string; text: string; allowed: readonly Who[] }[] = [
  { command: "/jxc", text: "help", allowed: everyone },
  { command: "/jxc", text: "lang en", allowed: everyone },
  { command: "/jxc", text: "roles", allowed: anyRole },
  { command: "/jxc", text: "role <@U0TARGET|target> add salesperson", allowed: ["admin"] },
  { command: "/jxc", text: "role <@U0TARGET|target> remove salesperson", allowed: ["admin"] },
  { command: "/jxc", text: "check", allowed: ["admin", "warehouse_supervisor", "finance_supervisor"] },
  { command: "/jxc", text: "import items", allowed: ["admin"] },
  { command: "/jxc", text: "channel", allowed: anyRole },
  { command: "/jxc", text: "channel warehouse <#C0WH|warehouse>", allowed: ["admin"] },
  { command: "/jxc", text: "route", allowed: anyRole },
  { command: "/jxc", text: "route adjustment.posted", allowed: anyRole },
  { command: "/jxc", text: "route adjustment.posted add role:warehouse_supervisor", allowed: ["admin"] },
  { command: "/jxc", text: "route adjustment.posted remove role:warehouse_supervisor", allowed: ["admin"] },
  { command: "/jxc", text: "route adjustment.posted reset", allowed: ["admin"] },
  { command: "/jxc", text: "outbox", allowed: ["admin"] },
  { command: "/stock", text: "BOLT-M6", allowed: anyRole },
  { command: "/adjust", text: "", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  { command: "/approve", text: "", allowed: anyRole },
  { command: "/move", text: "", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  { command: "/jxc", text: "policy", allowed: ["admin"] },
  { command: "/jxc", text: "budget", allowed: ["admin", "finance_supervisor"] },
  { command: "/po", text: "", allowed: ["admin", "purchasing_clerk", "purchasing_manager"] },
  { command: "/po", text: "plan", allowed: ["admin", "purchasing_clerk", "purchasing_manager"] },
  {
    command: "/po",
    text: "ACME 1 BOLT-M6 @ 1 by next friday",
    allowed: ["admin", "purchasing_clerk", "purchasing_manager"],
  },
  {
    command: "/po",
    text: "PO-000001",
    allowed: [
      "admin",
      "purchasing_clerk",
      "purchasing_manager",
      "warehouse_keeper",
      "warehouse_supervisor",
      "accountant",
      "finance_supervisor",
    ],
  },
  // Permission comes before the PO is looked up: a missing PO is still "allowed" to ask about.
  { command: "/receive", text: "PO-000001", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  {
    command: "/receive",
    text: "PO-000001 all MAIN/A-01",
    allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"],
  },
  { command: "/supplier", text: "ACME", allowed: anyRole },
  { command: "/supplier", text: "add", allowed: ["admin", "purchasing_clerk", "purchasing_manager"] },
  { command: "/supplier", text: "edit ACME", allowed: ["admin", "purchasing_clerk", "purchasing_manager"] },
  { command: "/supplier", text: "archive ACME", allowed: ["admin", "purchasing_manager"] },
  // Permission comes before the warehouse or count is looked up, as for /receive.
  { command: "/count", text: "", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  { command: "/count", text: "start MAIN", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  { command: "/count", text: "CNT-000001", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  {
    command: "/count",
    text: "CNT-000001 finish",
    allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"],
  },
  {
    command: "/count",
    text: "CNT-000001 cancel",
    allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"],
  },
  {
    command: "/jxc",
    text: "lowstock",
    allowed: ["admin", "purchasing_clerk", "purchasing_manager", "warehouse_keeper", "warehouse_supervisor"],
  },
  { command: "/jxc", text: "lowstock digest off", allowed: ["admin"] },
  { command: "/jxc", text: "slotting", allowed: ["admin", "warehouse_keeper", "warehouse_supervisor"] },
  { command: "/supplier", text: "items ACME", allowed: anyRole },
  {
    command: "/supplier",
    text: "score ACME last month",
    allowed: [
      "admin",
      "purchasing_clerk",
      "purchasing_manager",
      "warehouse_keeper",
      "warehouse_supervisor",
      "accountant",
      "finance_supervisor",
    ],
  },
  // Clerks read the settings; managers and admins get the form to change them.
  { command: "/po", text: "plan settings", allowed: ["admin", "purchasing_clerk", "purchasing_manager"] },
  { command: "/jxc", text: "import supplier_items", allowed: ["admin"] },
];

const userOf = (who: Who) => `U0ROLE${everyone.indexOf(who)}`;

function isRefusal(text: string): boolean {
  return text.startsWith("You are not allowed") || text.startsWith("You have no jxc role yet");
}

describe("role × command matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      admins: [userOf("admin")],
      users: everyone.map((who) => ({ id: userOf(who), name: who, locale: "en-US" })),
    });
    for (const role of roles.filter((r) => r !== "admin")) {
      const reply = await t.driver.command(
        userOf("admin"),
        "/jxc",
        `role <@${userOf(role)}|${role}> add ${role}`,
      );
      expect((reply.json as { text: string }).text).toContain("Done");
    }
    t.db.$client
      .prepare(
        "insert into items (sku, name, base_unit, updated_at) values ('BOLT-M6', 'Hex bolt M6', 'pcs', 0)",
      )
      .run();
  });
  afterAll(() => t.stop());

  for (const row of matrix) {
    for (const who of everyone) {
      const expected = row.allowed.includes(who) ? "allowed" : "refused";
      it(`${row.command} ${row.text} as ${who} → ${expected}`, async () => {
        const response = await t.driver.command(userOf(who), row.command, row.text);
        expect(response.status).toBe(200);
        const text = (response.json as { text?: string } | undefined)?.text ?? "";
        expect(isRefusal(text) ? "refused" : "allowed").toBe(expected);
      });
    }
  }
});
