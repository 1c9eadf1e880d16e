import type { EventType } from "../events.ts";
import { isRole, type Role, roles } from "../roles.ts";
import { type Department, departments, isDepartment } from "./departments.ts";

/**
 * Who hears of an event, as stored in `routing_rules.target`: the document's owner (its
 * requester), everyone holding a role (by DM), or a department's channel.
 */
export type RouteTarget = "owner" | `role:${Role}` | `channel:${Department}`;

/** Every target there is, in the order `/jxc route` lists the choices. */
export const routeTargets: readonly RouteTarget[] = [
  "owner",
  ...roles.map((role): RouteTarget => `role:${role}`),
  ...departments.map((department): RouteTarget => `channel:${department}`),
];

/** A stored or typed target in its canonical form, or undefined when it is not one. */
export function toRouteTarget(value: string): RouteTarget | undefined {
  if (value === "owner") return value;
  const [kind, name = ""] = value.split(":", 2);
  if (kind === "role" && isRole(name)) return `role:${name}`;
  if (kind === "channel" && isDepartment(name)) return `channel:${name}`;
  return undefined;
}

/**
 * Where each event goes until an admin changes it. Approvers are not listed: each approval
 * step names the role it needs and the approvals engine asks its holders (or their delegates);
 * these targets are who else hears. Decisions go back to the requester; stock adjustments are
 * the warehouse's shared work, so they go to its channel (the document's thread lives there).
 */
export const defaultRoutes: Record<EventType, readonly RouteTarget[]> = {
  "approval.requested": ["owner"],
  "approval.step_opened": ["owner"],
  "approval.approved": ["owner"],
  "approval.rejected": ["owner"],
  "approval.reminder": [],
  "approval.escalated": ["owner"],
  "adjustment.requested": ["channel:warehouse"],
  "adjustment.posted": ["channel:warehouse"],
  "adjustment.rejected": ["owner", "channel:warehouse"],
};
