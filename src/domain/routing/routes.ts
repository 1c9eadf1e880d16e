import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { roleAssignments, routingRules } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import type { EventType } from "../events.ts";
import { requirePermission } from "../permissions.ts";
import type { Role } from "../roles.ts";
import { type Department, getDepartmentChannel } from "./departments.ts";
import { defaultRoutes, type RouteTarget, routeTargets, toRouteTarget } from "./targets.ts";

// The schema keys an override by its rows, so "nobody" needs a row of its own: without it an
// emptied route would fall back to the defaults.
const nobody = "none";

/** An event type's targets now, and whether an admin changed them from the defaults. */
export interface Route {
  eventType: EventType;
  targets: RouteTarget[];
  custom: boolean;
}

/** The targets of one event type: the admins' rows when there are any, otherwise the defaults. */
export function routeFor(db: Pick<Db, "select">, eventType: EventType): Route {
  const rows = db
    .select({ target: routingRules.target })
    .from(routingRules)
    .where(eq(routingRules.eventType, eventType))
    .all();
  if (rows.length === 0) return { eventType, targets: orderTargets(defaultRoutes[eventType]), custom: false };
  const stored = new Set(rows.map((row) => row.target));
  // Listed in the canonical order, whatever order they were added in.
  const targets = orderTargets([...stored].flatMap((t) => toRouteTarget(t) ?? []));
  return { eventType, targets, custom: true };
}

/** Who should hear of one event: users to DM (deduplicated) and department channels (id once set). */
export interface Recipients {
  users: string[];
  channels: { department: Department; channelId: string | undefined }[];
}

/**
 * Resolves an event type's route to people and channels. `ownerUserId` is the document's
 * requester; without it an "owner" target names nobody. Role holders are read now, so a role
 * granted after the event was written still counts when it is delivered.
 */
export function recipientsFor(
  db: Db,
  eventType: EventType,
  context: { ownerUserId?: string } = {},
): Recipients {
  const { targets } = routeFor(db, eventType);
  const users: string[] = [];
  const add = (userId: string) => {
    if (!users.includes(userId)) users.push(userId);
  };
  if (targets.includes("owner") && context.ownerUserId) add(context.ownerUserId);
  const wantedRoles = targets.flatMap((t) => (t.startsWith("role:") ? [t.slice(5) as Role] : []));
  if (wantedRoles.length > 0) {
    const holders = db
      .select({ userId: roleAssignments.userId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(inArray(roleAssignments.role, wantedRoles))
      .orderBy(roleAssignments.userId)
      .all();
    for (const role of wantedRoles) {
      for (const holder of holders) if (holder.role === role) add(holder.userId);
    }
  }
  const channels = targets.flatMap((t) => {
    if (!t.startsWith("channel:")) return [];
    const department = t.slice(8) as Department;
    return [{ department, channelId: getDepartmentChannel(db, department) }];
  });
  return { users, channels };
}

export interface RouteChange {
  actor: string;
  eventType: EventType;
}

/** Adds a target (admins); the first change copies the defaults so they are kept. */
export function addRouteTarget(
  db: Db,
  clock: Clock,
  change: RouteChange & { target: RouteTarget },
): { changed: boolean; route: Route } {
  return editRoute(db, clock, change, "route.add", (targets) =>
    targets.includes(change.target) ? targets : [...targets, change.target],
  );
}

/** Removes a target (admins); removing the last one leaves the event routed to nobody. */
export function removeRouteTarget(
  db: Db,
  clock: Clock,
  change: RouteChange & { target: RouteTarget },
): { changed: boolean; route: Route } {
  return editRoute(db, clock, change, "route.remove", (targets) =>
    targets.filter((t) => t !== change.target),
  );
}

/** Back to the defaults in code (admins). */
export function resetRoute(db: Db, clock: Clock, change: RouteChange): { changed: boolean; route: Route } {
  requirePermission(db, change.actor, "routing.manage");
  return db.transaction((tx) => {
    const before = routeFor(tx, change.eventType);
    if (!before.custom) return { changed: false, route: before };
    tx.delete(routingRules).where(eq(routingRules.eventType, change.eventType)).run();
    const route = routeFor(tx, change.eventType);
    writeAudit(tx, {
      actor: change.actor,
      action: "route.reset",
      entity: "event_type",
      entityId: change.eventType,
      before: { targets: before.targets },
      after: { targets: route.targets },
      at: clock.now(),
    });
    return { changed: true, route };
  });
}

function editRoute(
  db: Db,
  clock: Clock,
  change: RouteChange,
  action: string,
  edit: (targets: RouteTarget[]) => RouteTarget[],
): { changed: boolean; route: Route } {
  requirePermission(db, change.actor, "routing.manage");
  return db.transaction((tx) => {
    const before = routeFor(tx, change.eventType);
    const targets = orderTargets(edit(before.targets));
    if (sameTargets(targets, before.targets)) return { changed: false, route: before };
    const at = clock.now();
    tx.delete(routingRules).where(eq(routingRules.eventType, change.eventType)).run();
    const stored = targets.length > 0 ? targets : [nobody];
    tx.insert(routingRules)
      .values(
        stored.map((target) => ({
          eventType: change.eventType,
          target,
          updatedBy: change.actor,
          updatedAt: at,
        })),
      )
      .run();
    const route = { eventType: change.eventType, targets, custom: true };
    writeAudit(tx, {
      actor: change.actor,
      action,
      entity: "event_type",
      entityId: change.eventType,
      before: { targets: before.targets },
      after: { targets },
      at,
    });
    return { changed: true, route };
  });
}

const canonicalIndex = new Map(routeTargets.map((target, index) => [target, index]));
const canonical = (target: RouteTarget) => canonicalIndex.get(target) ?? Number.MAX_SAFE_INTEGER;

/** Targets deduplicated in one fixed order (owner, roles, channels), so lists compare and read alike. */
function orderTargets(targets: readonly RouteTarget[]): RouteTarget[] {
  return [...new Set(targets)].sort((a, b) => canonical(a) - canonical(b));
}

function sameTargets(a: readonly RouteTarget[], b: readonly RouteTarget[]): boolean {
  return a.length === b.length && a.every((target, index) => target === b[index]);
}
