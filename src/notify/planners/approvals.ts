import { eligibleApprovers, readApproval } from "../../domain/approvals/index.ts";
import type { EventType } from "../../domain/events.ts";
import { isRole } from "../../domain/roles.ts";
import { todayIn } from "../../text/dates.ts";
import type { PlanContext, PlannedDelivery, Planner, StoredEvent } from "../contract.ts";
import { directMessage, updateMessage } from "../plan.ts";
import { documentEventDeliveries, earlierDeliveries } from "./documents.ts";

/** The templates approval planners name; their renderers live with the commands that own the buttons. */
export const approvalTemplates = {
  card: "approval.card",
  note: "approval.note",
} as const;

// Events that sent cards to approvers: later decisions rewrite every one of them.
const cardEvents: EventType[] = ["approval.step_opened", "approval.reminder", "approval.escalated"];

function requestOf(event: StoredEvent, ctx: PlanContext) {
  const requestId = Number(event.payload.requestId);
  const tier = Number(event.payload.tier ?? 0);
  const view = readApproval(ctx.db, requestId);
  return view ? { view, tier, requestId } : undefined;
}

/** A card to everyone who may decide the tier now (holders and their delegates, never the requester). */
function cardsForTier(event: StoredEvent, ctx: PlanContext, reminder: boolean): PlannedDelivery[] {
  const found = requestOf(event, ctx);
  const step = found?.view.steps.find((s) => s.tier === found.tier);
  if (!found || !step || step.status !== "pending" || !isRole(step.role)) return [];
  const day = todayIn(ctx.company.timeZone, ctx.clock.now());
  return eligibleApprovers(ctx.db, step.role, found.view.requestedBy, day).map((approver) =>
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

const allTiers = (event: StoredEvent, ctx: PlanContext) =>
  requestOf(event, ctx)?.view.steps.map((s) => s.tier) ?? [];

/** Who hears what as an approval moves: approvers get cards, decisions rewrite them everywhere. */
export const approvalPlanners: Record<Extract<EventType, `approval.${string}`>, Planner> = {
  "approval.requested": notes,
  "approval.step_opened": (event, ctx) => cardsForTier(event, ctx, false),
  "approval.step_approved": (event, ctx) => [
    ...rewriteCards(event, ctx, [Number(event.payload.tier)]),
    ...notes(event, ctx),
  ],
  "approval.approved": (event, ctx) => [
    ...rewriteCards(event, ctx, [Number(event.payload.tier)]),
    ...notes(event, ctx),
  ],
  "approval.rejected": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
  ],
  "approval.cancelled": (event, ctx) => [
    ...rewriteCards(event, ctx, allTiers(event, ctx)),
    ...notes(event, ctx),
  ],
  "approval.reminder": (event, ctx) => cardsForTier(event, ctx, true),
  "approval.escalated": (event, ctx) => [
    // The old role's cards lose their buttons; the new role's holders get fresh ones.
    ...rewriteCards(event, ctx, [Number(event.payload.tier)], { role: event.payload.from }),
    ...cardsForTier(event, ctx, false),
    ...notes(event, ctx),
  ],
};
