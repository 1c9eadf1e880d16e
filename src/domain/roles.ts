import { and, eq } from "drizzle-orm";
import { readChangeCounters, readsCommittedData } from "../../db/change-counters.ts";
import type { Db } from "../../db/client.ts";
import { perDb, preparedPerDb } from "../../db/prepared.ts";
import { roleAssignments } from "../../db/schema.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import { JxcError } from "./errors.ts";

/** The eight department roles of DESIGN §1 plus admin. */
export const roles = [
  "admin",
  "purchasing_clerk",
  "purchasing_manager",
  "warehouse_keeper",
  "warehouse_supervisor",
  "salesperson",
  "sales_manager",
  "accountant",
  "finance_supervisor",
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The roles a user holds now. Every request asks, so answers are kept until any role changes. */
export function rolesOf(db: Db, userId: string): ReadonlySet<Role> {
  const cache = roleCache(db);
  const version = readChangeCounters(db).roles;
  if (version !== cache.version) {
    cache.held.clear();
    cache.version = version;
  }
  const known = cache.held.get(userId);
  if (known) return known;
  const held = new Set<Role>();
  for (const role of rolesQuery(db).all(userId) as string[]) if (isRole(role)) held.add(role);
  if (readsCommittedData(db)) {
    if (cache.held.size >= maxCachedUsers) cache.held.clear();
    cache.held.set(userId, held);
  }
  return held;
}

// A workspace's people, many times over; anyone beyond starts the cache afresh.
const maxCachedUsers = 10_000;
const roleCache = perDb(() => ({ version: -1, held: new Map<string, ReadonlySet<Role>>() }));

// Every request checks roles: a raw plucked statement, since drizzle's row mapping cost more than the read.
const rolesQuery = preparedPerDb((db) =>
  db.$client.prepare("select role from role_assignments where user_id = ?").pluck(),
);

/** Everyone's roles, for `/jxc roles`. */
export function listRoleAssignments(db: Db): { userId: string; role: Role }[] {
  return db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role })
    .from(roleAssignments)
    .orderBy(roleAssignments.role, roleAssignments.userId)
    .all()
    .filter((r): r is { userId: string; role: Role } => isRole(r.role));
}

/** Makes sure every configured admin holds the admin role; never removes anyone. */
export function bootstrapAdmins(db: Db, clock: Clock, adminIds: readonly string[]): void {
  for (const userId of adminIds) {
    db.transaction((tx) => {
      const inserted = tx
        .insert(roleAssignments)
        .values({ userId, role: "admin", grantedBy: "JXC_ADMINS", grantedAt: clock.now() })
        .onConflictDoNothing()
        .run();
      if (inserted.changes > 0) {
        writeAudit(tx, {
          actor: "JXC_ADMINS",
          action: "role.grant",
          entity: "user",
          entityId: userId,
          after: { role: "admin" },
          at: clock.now(),
        });
      }
    });
  }
}

export interface RoleChange {
  actor: string;
  userId: string;
  role: Role;
}

/** Grants a role; only admins may. Granting a role already held changes nothing. */
export function grantRole(db: Db, clock: Clock, change: RoleChange): { changed: boolean } {
  return db.transaction((tx) => {
    requireAdmin(tx, change.actor);
    const inserted = tx
      .insert(roleAssignments)
      .values({ userId: change.userId, role: change.role, grantedBy: change.actor, grantedAt: clock.now() })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return { changed: false };
    writeAudit(tx, {
      actor: change.actor,
      action: "role.grant",
      entity: "user",
      entityId: change.userId,
      after: { role: change.role },
      at: clock.now(),
    });
    return { changed: true };
  });
}

/** Revokes a role; only admins may, and the last admin cannot be removed. */
export function revokeRole(db: Db, clock: Clock, change: RoleChange): { changed: boolean } {
  return db.transaction((tx) => {
    requireAdmin(tx, change.actor);
    if (change.role === "admin") {
      const admins = tx.select().from(roleAssignments).where(eq(roleAssignments.role, "admin")).all();
      if (admins.length === 1 && admins[0]?.userId === change.userId) throw new JxcError("LAST_ADMIN");
    }
    const deleted = tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, change.userId), eq(roleAssignments.role, change.role)))
      .run();
    if (deleted.changes === 0) return { changed: false };
    writeAudit(tx, {
      actor: change.actor,
      action: "role.revoke",
      entity: "user",
      entityId: change.userId,
      before: { role: change.role },
      at: clock.now(),
    });
    return { changed: true };
  });
}

function requireAdmin(db: Pick<Db, "select">, userId: string): void {
  const row = db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, "admin")))
    .get();
  if (!row) throw new JxcError("NOT_ALLOWED", { role: "admin" });
}
