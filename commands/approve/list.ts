import type { KnownBlock } from "@slack/types";
import { myOpenRequests, openStep, pendingApprovalsFor } from "../../src/domain/approvals/index.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, divider, type EphemeralReply, header } from "../../src/slack/blocks.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { renderApprovalCard } from "./card.ts";

// Five cards of ≤ 5 blocks with dividers stay well inside a message's 50 blocks.
const cardsPerList = 5;
// A context block holds at most 10 elements.
const ownShown = 10;

/** What waits for this user's decision, as cards with buttons, and what they asked for themselves. */
export function renderPendingList(
  deps: CommandDeps,
  userId: string,
  locale: Locale,
  notice?: string,
): EphemeralReply {
  const m = messages(locale).approvals;
  const day = todayIn(deps.company.timeZone, deps.clock.now());
  const pending = pendingApprovalsFor(deps.db, userId, day, cardsPerList);
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(context([notice]));
  blocks.push(header(m.listTitle));
  if (pending.total === 0) blocks.push(context([m.listEmpty]));
  pending.first.forEach((view, index) => {
    const tier = openStep(view)?.tier ?? 1;
    blocks.push(
      ...renderApprovalCard(view, locale, deps.company, { tier, index }).blocks.slice(1),
      divider(),
    );
  });
  if (pending.total > cardsPerList)
    blocks.push(context([m.listMore({ count: pending.total - cardsPerList })]));
  const mine = myOpenRequests(deps.db, userId, ownShown);
  if (mine.total > 0) {
    blocks.push(header(m.mineTitle));
    blocks.push(context(mine.first.map((v) => `*${v.docNumber}* · ${stepSummary(v.steps, locale)}`)));
  }
  const text = notice ?? (pending.total === 0 ? m.listEmpty : m.listTitle);
  return { text, blocks };
}

function stepSummary(steps: { role: string; status: string }[], locale: Locale): string {
  const names = messages(locale).roleNames as Record<string, string>;
  const open = steps.find((s) => s.status === "pending");
  return open ? (names[open.role] ?? open.role) : "";
}
