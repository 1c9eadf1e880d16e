import { barredOf, eligibleApprovers, readApproval } from "../../domain/approvals/index.ts";
import type { EventType } from "../../domain/events.ts";
import { isRole } from "../../domain/roles.ts";
import { todayIn } from "../../text/dates.ts";
import type { PlanContext, PlannedDelivery, Planner, StoredEvent } from "../contract.ts";
import { directMessage, homeTab, updateMessage } from "../plan.ts";
import { documentEventDeliveries, earlierDeliveries } from "./documents.ts";

/** The templates approval planners name; their renderers live with the commands that own the buttons. */
export const approvalTemplates = {
  card: "approval.card",
  note: "approval.note",
  home: "home",
} as const;

// Events that sent cards to approvers: later decisions rewrite every one of them.
const cardEvents: EventType[] = ["approval.step_opened", "approval.reminder", "approval.escalated"];

function requestOf(event: StoredEvent, ctx: PlanContext) {
  const requestId = Number(event.payload.requestId);
  const tier = Number(event.payload.tier ?? 0);
  const view = readApproval(ctx.db, requestId);
  return view ? { view, tier, requestId } : undefined;
}

/**
 * A card to everyone who may decide the tier now: holders and their delegates, never the
 * requester nor anyone the request excludes. Nobody left: no card, and the step waits for its
 * escalation as when nobody holds the role.
 */
function cardsForTier(event: StoredEvent, ctx: PlanContext, reminder: boolean): PlannedDelivery[] {
  const found = requestOf(event, ctx);
  const step = found?.view.steps.find((s) => s.tier === found.tier);
  if (!found || !step || step.status !== "pending" || !isRole(step.role)) return [];
  const day = todayIn(ctx.company.timeZone, ctx.clock.now());
  return eligibleApprovers(ctx.db, step.role, barredOf(found.view), day).map((approver) =>
    directMessage(approver.userId, `card:${approver.userId}`, approvalTemplates.card, {
      requestId: found.requestId,
      tier: found.tier,
      role: step.role,
      ...(reminder ? { reminder: true } : {}),
    }),
  );
}

/** Rewrites every card sent for `tiers` so they show the decision and lose their buttons. */
function rewriteCards(
  event: StoredEvent,
  ctx: PlanContext,
  tiers: number[],
  extra: Record<string, unknown> = {},
): PlannedDelivery[] {
  const found = requestOf(event, ctx);
  if (!found || event.docType === null || event.docId === null) return [];
  const { docType, docId } = event;
  return tiers.flatMap((tier) =>
    earlierDeliveries(ctx.db, {
      docType,
      docId,
      eventTypes: cardEvents,
      template: approvalTemplates.card,
      match: { requestId: found.requestId, tier },
    }).map((id) =>
      updateMessage(id, `update:${id}`, approvalTemplates.card, {
        requestId: found.requestId,
        tier,
        ...extra,
      }),
    ),
  );
}

/** The thread line, the requester's DM and any routed extras for an approval event. */
function notes(event: StoredEvent, ctx: PlanContext): PlannedDelivery[] {
  const found = requestOf(event, ctx);
  if (!found) return [];
  const data = {
    requestId: found.requestId,
    tier: found.tier,
    event: event.type,
    actor: event.actor,
    ...event.payload,
  };
  return documentEventDeliveries(
    ctx.db,
    event,
    { template: approvalTemplates.note, data },
    found.view.requestedBy,
  );
}

/**
 * Fresh Home tabs for the requester and everyone who could decide these tiers (and, after an
 * escalation, the role it left), so "waiting for you" lists stay true without a refresh.
 */
function homes(
  event: StoredEvent,
  ctx: PlanContext,
  tiers: number[],
  extraRoles: string[] = [],
): PlannedDelivery[] {
  const found = requestOf(event, ctx);
  if (!found) return [];
  const day = todayIn(ctx.company.timeZone, ctx.clock.now());
  const roles = [
    ...found.view.steps.filter((s) => tiers.includes(s.tier)).map((s) => s.role),
    ...extraRoles,
  ].filter(isRole);
  const users = new Set([found.view.requestedBy]);
  for (const role of roles) {
    for (const approver of eligibleApprovers(ctx.db, role, barredOf(found.view), day))
      users.add(approver.userId);
  }
  return [...users].map((userId) => homeTab(userId, `home:${userId}`, approvalTemplates.home, {}));
}

const tierOf = (event: StoredEvent) => [Number(event.payload.tier)];

const allTiers = (event: StoredEvent, ctx: PlanContext) =>
  requestOf(event, ctx)?.view.steps.map((s) => s.tier) ?? [];

/** Who hears what as an approval moves: approvers get cards, decisions rewrite them everywhere. */
export const approvalPlanners: Record<Extract<EventType, `approval.${string}`>, Planner> = {
  "approval.requested": notes,
  "approval.step_opened": (event, ctx) => [
    ...cardsForTier(event, ctx, false),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.step_approved": (event, ctx) => [
    ...rewriteCards(event, ctx, tierOf(event)),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.approved": (event, ctx) => [
    ...rewriteCards(event, ctx, tierOf(event)),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event)),
  ],
  "approval.rejected": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
    ...homes(event, ctx, allTiers(event, ctx)),
  ],
  "approval.cancelled": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
    ...homes(event, ctx, allTiers(event, ctx)),
  ],
  "approval.reminder": (event, ctx) => cardsForTier(event, ctx, true),
  "approval.escalated": (event, ctx) => [
    // The old role's cards lose their buttons; the new role's holders get fresh ones.
    ...rewriteCards(event, ctx, tierOf(event), { role: event.payload.from }),
    ...cardsForTier(event, ctx, false),
    ...notes(event, ctx),
    ...homes(event, ctx, tierOf(event), [String(event.payload.from)]),
  ],
};
