import type { KnownBlock } from "@slack/types";
import { approvalDocTypes, readPolicy, readTimers } from "../../src/domain/approvals/index.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, type EphemeralReply, header, section } from "../../src/slack/blocks.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";

function button(actionId: string, text: string): KnownBlock {
  return {
    type: "actions",
    elements: [{ type: "button", action_id: actionId, text: { type: "plain_text", text }, value: "edit" }],
  };
}

/** `/jxc policy`: every document type's tiers and the waits, each with an Edit button (admins). */
export function renderPolicies(deps: CommandDeps, locale: Locale): EphemeralReply {
  const m = messages(locale).policy;
  const blocks: KnownBlock[] = [header(m.title)];
  for (const docType of approvalDocTypes) {
    const lines = readPolicy(deps.db, docType).map((tier, index) =>
      m.tierLine({
        tier: index + 1,
        from: formatMoney(tier.minAmount, deps.company.currency, locale),
        role: messages(locale).roleNames[tier.role],
      }),
    );
    blocks.push(
      section(`*${m.docTypes[docType]}*\n${lines.join("\n")}`),
      button(`${actionIds.policyEditPrefix}${docType}`, m.edit),
    );
  }
  const timers = readTimers(deps.db);
  blocks.push(
    context([m.timers({ remind: timers.remindAfterHours, escalate: timers.escalateAfterHours })]),
    button(actionIds.policyTimers, m.editTimers),
  );
  return { text: m.title, blocks };
}
