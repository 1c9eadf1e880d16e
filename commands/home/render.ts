import type { KnownBlock } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { myOpenRequests, openStep, pendingApprovalsFor } from "../../src/domain/approvals/index.ts";
import type { Clock } from "../../src/domain/clock.ts";
import { rolesOf } from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, divider, header, section } from "../../src/slack/blocks.ts";
import { todayIn } from "../../src/text/dates.ts";
import { renderApprovalCard } from "../approve/card.ts";
import type { Company } from "../deps.ts";
import { renderHelp } from "../jxc/help.ts";
import { actionIds } from "../names.ts";

/** What the Home tab reads; the outbox worker has no Bolt context, so not the whole CommandDeps. */
export interface HomeSources {
  db: Db;
  clock: Clock;
  company: Company;
}

// Cards take ≤ 5 blocks each: five of them, the lists and help stay well inside 100 blocks.
const cardsOnHome = 5;
// A context block holds at most 10 elements.
const ownShown = 10;

/**
 * A user's Home tab: what waits for their decision (with the buttons), what they are waiting
 * for, and the commands their roles allow. Rebuilt from current state every time.
 */
export function renderHome(
  sources: HomeSources,
  userId: string,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const m = messages(locale);
  const day = todayIn(sources.company.timeZone, sources.clock.now());
  const pending = pendingApprovalsFor(sources.db, userId, day, cardsOnHome);
  const blocks: KnownBlock[] = [header(m.home.title)];
  blocks.push(section(`*${m.approvals.listTitle}* (${pending.total})`));
  if (pending.total === 0) blocks.push(context([m.approvals.listEmpty]));
  pending.first.forEach((view, index) => {
    const tier = openStep(view)?.tier ?? 1;
    blocks.push(...renderApprovalCard(view, locale, sources.company, { tier, index }).blocks.slice(1));
  });
  if (pending.total > cardsOnHome) {
    blocks.push(context([m.approvals.listMore({ count: pending.total - cardsOnHome })]));
  }
  const mine = myOpenRequests(sources.db, userId, ownShown);
  if (mine.total > 0) {
    blocks.push(divider(), section(`*${m.approvals.mineTitle}* (${mine.total})`));
    const names = m.roleNames as Record<string, string>;
    blocks.push(
      context(
        mine.first.map((v) => {
          const role = openStep(v)?.role ?? "";
          return m.home.waitingOn({ number: v.docNumber, role: names[role] ?? role });
        }),
      ),
    );
  }
  blocks.push(divider(), {
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: actionIds.homeRefresh,
        text: { type: "plain_text", text: m.home.refresh },
        value: "home",
      },
    ],
  });
  const help = renderHelp(locale, rolesOf(sources.db, userId)).blocks ?? [];
  blocks.push(divider(), ...help);
  return { text: m.home.title, blocks };
}
