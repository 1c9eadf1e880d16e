import type { Db } from "../../db/client.ts";
import { JxcError } from "./errors.ts";
import { type Role, roles, rolesOf } from "./roles.ts";

/** Who may do what. Every command, button and modal checks one of these on the server. */
const rules = {
  "roles.view": "anyRole",
  "roles.manage": ["admin"],
  "stock.view": "anyRole",
  "stock.viewCost": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_supervisor",
    "sales_manager",
    "accountant",
    "finance_supervisor",
  ],
  "stock.check": ["admin", "warehouse_supervisor", "finance_supervisor"],
  "catalogue.import": ["admin"],
  "stock.adjust": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "stock.move": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "approvals.view": "anyRole",
  "approvals.policy": ["admin"],
  // Where notices go is no secret: anyone with a role may look; only admins change it.
  "channels.view": "anyRole",
  "channels.manage": ["admin"],
  "routing.view": "anyRole",
  "routing.manage": ["admin"],
  "outbox.manage": ["admin"],
  // Purchasing: clerks write POs and send approved ones; managers hold, resume, close and cancel.
  "po.view": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_keeper",
    "warehouse_supervisor",
    "accountant",
    "finance_supervisor",
  ],
  "po.create": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.plan": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.send": ["admin", "purchasing_clerk", "purchasing_manager"],
  "po.manage": ["admin", "purchasing_manager"],
  "po.receive": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  // Rejected goods: purchasing settles them with the supplier (return, replace, accept anyway).
  "po.rejects": ["admin", "purchasing_clerk", "purchasing_manager"],
  "supplier.view": "anyRole",
  "supplier.edit": ["admin", "purchasing_clerk", "purchasing_manager"],
  "supplier.archive": ["admin", "purchasing_manager"],
  "budget.manage": ["admin", "finance_supervisor"],
  // Stocktakes: keepers start, count and finish them; cancelling someone else's needs a supervisor.
  "stock.count": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "stock.countCancelAny": ["admin", "warehouse_supervisor"],
  // Low stock is shared work of the warehouse and purchasing: both see the list and may snooze it.
  "lowstock.view": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_keeper",
    "warehouse_supervisor",
  ],
  "lowstock.snooze": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_keeper",
    "warehouse_supervisor",
  ],
  "lowstock.manage": ["admin"],
  // Slotting only suggests /move's, so it is open to those who may move stock.
  "stock.slotting": ["admin", "warehouse_keeper", "warehouse_supervisor"],
  "po.planSettings": ["admin", "purchasing_manager"],
  // Scorecards come from POs and receipts (prices included): whoever may read POs may read them.
  "supplier.score": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_keeper",
    "warehouse_supervisor",
    "accountant",
    "finance_supervisor",
  ],
  // Who reads the system quantity of bins being counted: those who review counts or see cost.
  // Someone who may count and holds none of these reads /stock blind while a count is under way.
  "stock.viewUnderCount": [
    "admin",
    "purchasing_clerk",
    "purchasing_manager",
    "warehouse_supervisor",
    "sales_manager",
    "accountant",
    "finance_supervisor",
  ],
} as const satisfies Record<string, "anyRole" | readonly Role[]>;

export type Permission = keyof typeof rules;

/** The roles that grant a permission. */
export function rolesAllowed(permission: Permission): readonly Role[] {
  const rule = rules[permission];
  return rule === "anyRole" ? roles : rule;
}

/** Whether someone holding these roles may do it. */
export function can(held: ReadonlySet<Role>, permission: Permission): boolean {
  return rolesAllowed(permission).some((role) => held.has(role));
}

/** Throws NOT_ALLOWED (naming the roles that would allow it) unless the user may. */
export function requirePermission(db: Db, userId: string, permission: Permission): ReadonlySet<Role> {
  const held = rolesOf(db, userId);
  if (!can(held, permission)) {
    const allowed = rules[permission];
    throw new JxcError("NOT_ALLOWED", { roles: allowed === "anyRole" ? "any" : allowed.join(",") });
  }
  return held;
}
