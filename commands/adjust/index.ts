import type { BlockAction, ButtonAction } from "@slack/bolt";
import { cancelAdjustment } from "../../src/domain/adjustments/cancel.ts";
import { requestAdjustment } from "../../src/domain/adjustments/request-adjustment.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { withoutCountedQuantity } from "../../src/domain/stocktakes/blind-stock.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { type EphemeralReply, section, toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import { reasonName, signedQuantity } from "../approve/describe.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, slashCommands } from "../names.ts";
import { type AdjustProblem, type ParsedAdjustment, parseAdjustment } from "./parse.ts";

/** `/adjust`: damaged, lost or found stock as an ADJ document; large ones wait for approval. */
export function registerAdjustCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.adjust,
    slashCommand(deps.logger, ({ text, userId, locale }) => {
      const held = requirePermission(deps.db, userId, "stock.adjust");
      const parsed = parseAdjustment(deps.db, text);
      if ("kind" in parsed) return { text: problemText(parsed, locale) };
      let outcome: ReturnType<typeof requestAdjustment>;
      try {
        outcome = requestAdjustment(deps.db, deps.clock, {
          itemId: parsed.item.id,
          locationId: parsed.locationId,
          qtyDelta: parsed.qtyDelta,
          reason: parsed.reason,
          userId,
          ...(parsed.note ? { note: parsed.note } : {}),
        });
      } catch (error) {
        throw withoutCountedQuantity(deps.db, held, error, {
          itemId: parsed.item.id,
          locationId: parsed.locationId,
          place: parsed.place,
          unit: parsed.item.baseUnit,
        });
      }
      deps.notifier.kick();
      return confirmation(deps, parsed, outcome, locale);
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionIds.adjustmentCancel,
    buttonAction(deps.logger, async (click) => {
      const id = Number(click.value);
      if (!Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      const { number } = cancelAdjustment(deps.db, deps.clock, { id, userId: click.userId });
      deps.notifier.kick();
      const text = messages(click.locale).adjust.cancelled({ number });
      await click.respond({ ...toEphemeral({ text }), replace_original: true });
    }),
  );
}

function problemText(problem: AdjustProblem, locale: Locale): string {
  const m = messages(locale).adjust;
  if (problem.kind === "place") return `${m.badPlace({ input: problem.input })}\n${m.usage}`;
  if (problem.kind === "reason") return `${m.unknownReason({ input: problem.input })}\n${m.usage}`;
  return m.usage;
}

function confirmation(
  deps: CommandDeps,
  parsed: ParsedAdjustment,
  outcome: ReturnType<typeof requestAdjustment>,
  locale: Locale,
): EphemeralReply {
  const m = messages(locale).adjust;
  const facts = {
    number: outcome.number,
    qty: signedQuantity(parsed.qtyDelta, parsed.item.baseUnit),
    sku: escapeMrkdwn(parsed.item.sku),
    place: escapeMrkdwn(parsed.place),
    value: formatMoney(outcome.estimatedValue, deps.company.currency, locale),
  };
  if (outcome.status === "posted") {
    return { text: m.posted({ ...facts, reason: reasonName(locale, parsed.reason) }) };
  }
  const roles = outcome.approverRoles.map((r) => messages(locale).roleNames[r]).join(" → ");
  const text = m.pending({ ...facts, roles });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: actionIds.adjustmentCancel,
            text: { type: "plain_text", text: m.cancel },
            value: String(outcome.id),
          },
        ],
      },
    ],
  };
}
