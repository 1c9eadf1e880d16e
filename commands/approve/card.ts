import type { KnownBlock } from "@slack/types";
import type { ApprovalView, StepView } from "../../src/domain/approvals/index.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, fields, header, section } from "../../src/slack/blocks.ts";
import { slackDate } from "../../src/slack/slack-date.ts";
import type { Company } from "../deps.ts";
import { actionIds } from "../names.ts";
import { describeDocument } from "./describe.ts";

/** How one copy of a card is drawn. */
export interface CardOptions {
  /** The tier this copy was sent for: its buttons act on that tier only. */
  tier: number;
  reminder?: boolean;
  /** The role this copy was sent to; after an escalation that role's copies lose their buttons. */
  role?: string;
  /** Distinguishes several cards' buttons within one message (the /approve list). */
  index?: number;
}

/** The token an Approve or Reject button carries: which request, which tier. */
export function decisionToken(requestId: number, tier: number): string {
  return `${requestId}:${tier}`;
}

export function parseDecisionToken(value: string): { requestId: number; tier: number } | undefined {
  const match = /^(\d{1,12}):(\d{1,2})$/.exec(value);
  if (!match) return undefined;
  return { requestId: Number(match[1]), tier: Number(match[2]) };
}

/** An approval card as it stands now: facts, every tier's state, and buttons while this tier is open. */
export function renderApprovalCard(
  view: ApprovalView,
  locale: Locale,
  company: Company,
  options: CardOptions,
): { text: string; blocks: KnownBlock[] } {
  const m = messages(locale).approvals;
  const step = view.steps.find((s) => s.tier === options.tier);
  const open =
    view.status === "pending" &&
    step?.status === "pending" &&
    (options.role === undefined || options.role === step.role);
  const title = cardTitle(view, locale, open, options);
  const blocks: KnownBlock[] = [
    header(title),
    section(describeDocument(view.docType, view.summary, locale, company.currency)),
    fields([
      `*${m.requestedBy}*\n<@${view.requestedBy}>`,
      `*${m.amount}*\n${formatMoney(Math.abs(view.amount), company.currency, locale)}`,
      `*${m.requestedAt}*\n${slackDate(view.createdAt)}`,
    ]),
    context(view.steps.map((s) => stepLine(s, locale))),
  ];
  if (open) blocks.push(decisionButtons(view.id, options, locale));
  return { text: title, blocks };
}

function cardTitle(view: ApprovalView, locale: Locale, open: boolean, options: CardOptions): string {
  const m = messages(locale).approvals;
  const number = view.docNumber;
  if (view.status === "approved") return m.approvedTitle({ number });
  if (view.status === "rejected") return m.rejectedTitle({ number });
  if (view.status === "cancelled") return m.cancelledTitle({ number });
  if (!open) return m.waitingTitle({ number });
  return options.reminder ? m.reminderTitle({ number }) : m.neededTitle({ number });
}

/** One tier as a line: who decided, when, why, or that it still waits. */
export function stepLine(step: StepView, locale: Locale): string {
  const m = messages(locale).approvals;
  const role = messages(locale).roleNames[step.role];
  const tier = step.tier;
  const by = step.decidedBy
    ? `<@${step.decidedBy}>${step.onBehalfOf ? m.onBehalfOf({ user: step.onBehalfOf }) : ""}`
    : "";
  const when = step.decidedAt ? slackDate(step.decidedAt) : "";
  switch (step.status) {
    case "approved":
      return m.stepApproved({ tier, role, by, when });
    case "rejected":
      return m.stepRejected({ tier, role, by, when, reason: step.reason ?? "" });
    case "pending":
      return m.stepPending({ tier, role });
    case "waiting":
      return m.stepWaiting({ tier, role });
    case "cancelled":
      return m.stepCancelled({ tier, role });
  }
}

function decisionButtons(requestId: number, options: CardOptions, locale: Locale): KnownBlock {
  const m = messages(locale).approvals;
  const suffix = options.index === undefined ? "" : `_${options.index}`;
  const value = decisionToken(requestId, options.tier);
  return {
    type: "actions",
    block_id: `approval_${requestId}_${options.tier}`,
    elements: [
      {
        type: "button",
        action_id: `${actionIds.approvalApprove}${suffix}`,
        text: { type: "plain_text", text: m.approve },
        style: "primary",
        value,
      },
      {
        type: "button",
        action_id: `${actionIds.approvalReject}${suffix}`,
        text: { type: "plain_text", text: m.reject },
        style: "danger",
        value,
      },
    ],
  };
}
