import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { ApprovalDocType, ApprovalTimers, PolicyTier } from "../../src/domain/approvals/index.ts";
import { currencyDecimals, formatMoneyPlain } from "../../src/domain/money.ts";
import { roles } from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, limits } from "../../src/slack/blocks.ts";
import { callbackIds } from "../names.ts";

export const tierCount = 3;
export const policyBlocks = {
  amount: (tier: number) => `tier${tier}_amount`,
  role: (tier: number) => `tier${tier}_role`,
  remind: "remind",
  escalate: "escalate",
} as const;

function title(text: string): { type: "plain_text"; text: string } {
  return { type: "plain_text", text: clip(text, limits.modalTitle) };
}

function textInput(
  blockId: string,
  label: string,
  initial: string | undefined,
  optional: boolean,
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 20,
      ...(initial === undefined ? {} : { initial_value: initial }),
    },
  };
}

/** The tiers of one document type: an amount and a role per tier; empty tiers are dropped. */
export function policyModal(
  docType: ApprovalDocType,
  tiers: readonly PolicyTier[],
  currency: string,
  locale: Locale,
): ModalView {
  const m = messages(locale).policy;
  const options: PlainTextOption[] = roles.map((role) => ({
    text: { type: "plain_text", text: messages(locale).roleNames[role] },
    value: role,
  }));
  const blocks: KnownBlock[] = [context([`*${m.docTypes[docType]}* · ${m.amountHint}`])];
  for (let tier = 1; tier <= tierCount; tier += 1) {
    const current = tiers[tier - 1];
    const amount = current ? formatMoneyPlain(current.minAmount, currencyDecimals(currency)) : undefined;
    blocks.push(textInput(policyBlocks.amount(tier), m.amountLabel({ tier, currency }), amount, tier > 1));
    const initial = options.find((o) => o.value === current?.role);
    blocks.push({
      type: "input",
      block_id: policyBlocks.role(tier),
      optional: tier > 1,
      label: { type: "plain_text", text: m.roleLabel({ tier }) },
      element: {
        type: "static_select",
        action_id: policyBlocks.role(tier),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  return {
    type: "modal",
    callback_id: callbackIds.policyEdit,
    private_metadata: docType,
    title: title(m.modalTitle),
    submit: title(m.save),
    close: title(m.cancel),
    blocks,
  };
}

/** The reminder and escalation waits, in hours. */
export function timersModal(timers: ApprovalTimers, locale: Locale): ModalView {
  const m = messages(locale).policy;
  return {
    type: "modal",
    callback_id: callbackIds.policyTimers,
    title: title(m.modalTitle),
    submit: title(m.save),
    close: title(m.cancel),
    blocks: [
      textInput(policyBlocks.remind, m.remindLabel, String(timers.remindAfterHours), false),
      textInput(policyBlocks.escalate, m.escalateLabel, String(timers.escalateAfterHours), false),
    ],
  };
}
