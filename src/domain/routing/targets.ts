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
 * Who else hears of each event until an admin changes it. Approvers are not listed: each
 * approval step names the role it needs and the engine sends its holders (or their delegates)
 * the card. Every document event also lands in the document's own thread in its department's
 * channel, so channels here are extra places. Decisions go back to the requester.
 */
export const defaultRoutes: Record<EventType, readonly RouteTarget[]> = {
  "approval.requested": [],
  "approval.step_opened": [],
  "approval.step_approved": ["owner"],
  "approval.approved": ["owner"],
  "approval.rejected": ["owner"],
  "approval.cancelled": [],
  "approval.reminder": [],
  "approval.escalated": ["owner"],
  "adjustment.posted": ["channel:warehouse"],
  // PO events are told in the PO's thread in the purchasing channel; the author hears the rest.
  "po.created": [],
  "po.sent": ["owner"],
  "po.held": ["owner"],
  "po.resumed": ["owner"],
  "po.cancelled": ["owner"],
  "po.closed": ["owner"],
  "po.received": ["owner"],
  // Late deliveries: the author by DM (and the PO's thread); the manager is added after a delay.
  "po.late": ["owner"],
  // The weekly plan is shared work: the purchasing channel.
  "purchase_plan.ready": ["channel:purchasing"],
  // Counts tell their story in their thread in the warehouse channel; the one who started it hears the end.
  "stocktake.started": [],
  "stocktake.counted": [],
  "stocktake.finished": ["owner"],
  "stocktake.posted": ["owner"],
  "stocktake.cancelled": ["owner"],
  // Receiving: told in the PO's thread; the PO's author hears what was refused or decided.
  "receipt.awaiting_approval": [],
  "receipt.refused": ["owner"],
  "receipt.decided": ["owner"],
  // Low stock is news for both sides: the warehouse sees it go, purchasing buys it back.
  "low_stock.alert": ["channel:warehouse", "channel:purchasing"],
  // Drafted, snoozed or replenished: the alert messages are rewritten wherever they went.
  "low_stock.changed": [],
  "low_stock.digest": ["channel:warehouse", "channel:purchasing"],
};
