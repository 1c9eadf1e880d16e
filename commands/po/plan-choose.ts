import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { buildPurchasePlan, type PlanGroup } from "../../src/domain/purchasing/plan.ts";
import { createDraftsFromPlan, type PlanDraftsResult } from "../../src/domain/purchasing/plan-drafts.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { todayIn } from "../../src/text/dates.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { actionPatterns, callbackIds } from "../names.ts";
import { draftsValue, optionsOf, parseValue } from "./plan-values.ts";
import { baseQuantity, localName } from "./render.ts";

/** Slack's checkboxes hold 10 options; ten groups of them keep the modal well inside 100 blocks. */
const perBox = 10;
const maxLines = 100;
const boxBlock = (n: number) => `plan_lines_${n}`;

/** What "Create draft POs" made, in the clicker's language. */
export function draftsText(locale: Locale, result: PlanDraftsResult): string {
  const m = messages(locale).plan;
  const parts: string[] = [];
  if (result.numbers.length > 0)
    parts.push(m.drafts({ numbers: result.numbers.join(", "), lines: result.lines }));
  if (result.unpriced.length > 0)
    parts.push(m.unpriced({ skus: result.unpriced.map(escapeMrkdwn).join(", ") }));
  return parts.join("\n");
}

/** A box per plan line of one supplier, all ticked: the clerk unticks what should wait. */
export function chooseLinesModal(locale: Locale, group: PlanGroup, value: string): ModalView {
  const m = messages(locale).plan;
  const supplier = group.supplier
    ? escapeMrkdwn(
        `${group.supplier.code} · ${localName(locale, group.supplier.name, group.supplier.nameZh)}`,
      )
    : "";
  const shown = group.lines.slice(0, maxLines);
  const blocks: KnownBlock[] = [section(m.chooseIntro({ supplier, count: group.lines.length }))];
  for (let start = 0; start < shown.length; start += perBox) {
    const options = shown.slice(start, start + perBox).map((line) => ({
      text: {
        type: "plain_text" as const,
        text: clip(
          m.chooseOption({
            qty: baseQuantity(line.qty, line.facts.baseUnit),
            sku: line.facts.sku,
            name: localName(locale, line.facts.name, line.facts.nameZh),
          }),
          limits.optionText,
        ),
      },
      value: String(line.facts.itemId),
    }));
    blocks.push({
      type: "input",
      block_id: boxBlock(start / perBox),
      optional: true,
      label: { type: "plain_text", text: m.chooseLabel({ from: start + 1, to: start + options.length }) },
      element: { type: "checkboxes", action_id: "lines", options, initial_options: options },
    });
  }
  if (group.lines.length > shown.length)
    blocks.push(context([m.chooseMore({ count: group.lines.length - shown.length })]));
  return {
    type: "modal",
    callback_id: callbackIds.planChoose,
    private_metadata: value,
    title: { type: "plain_text", text: clip(m.chooseTitle, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.chooseSubmit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.cancel, limits.modalTitle) },
    blocks,
  };
}

/** "Choose lines…" opens the boxes for a supplier's current lines; submitting drafts the ticked ones. */
export function registerPlanChoice(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<SlackButton>>(
    actionPatterns.planChoose,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "po.create");
      const value = parseValue(draftsValue, click.value);
      const plan = buildPurchasePlan(deps.db, deps.clock.now(), optionsOf(value), { supplierId: value.p });
      const group = plan.groups.find((g) => g.supplier?.id === value.p);
      if (!group || group.lines.length === 0) {
        await click.respond({ text: messages(click.locale).plan.nothingLeft, replace_original: false });
        return;
      }
      await click.openModal(chooseLinesModal(click.locale, group, click.value));
    }),
  );

  router.view(
    callbackIds.planChoose,
    viewSubmission(deps.logger, { fieldBlocks: {}, fallbackBlock: boxBlock(0) }, (submit) => {
      const m = messages(submit.locale).plan;
      const value = draftsValue.safeParse(parseJson(submit.privateMetadata));
      if (!value.success) throw new JxcError("STALE_ACTION");
      const itemIds: number[] = [];
      for (let n = 0; n < maxLines / perBox; n += 1) {
        for (const id of submit.selected(boxBlock(n), "lines")) itemIds.push(Number(id));
      }
      if (itemIds.length === 0) return { errors: { [boxBlock(0)]: m.chooseNone } };
      let text: string;
      try {
        const result = createDraftsFromPlan(deps.db, deps.clock, {
          supplierId: value.data.p,
          options: optionsOf(value.data),
          userId: submit.userId,
          today: todayIn(deps.company.timeZone, deps.clock.now()),
          currency: deps.company.currency,
          itemIds,
        });
        text = draftsText(submit.locale, result);
      } catch (error) {
        if (!(isJxcError(error) && error.code === "STALE_ACTION")) throw error;
        text = m.nothingLeft;
      }
      deps.notifier.kick();
      return {
        update: {
          type: "modal",
          callback_id: `${callbackIds.planChoose}_done`,
          title: { type: "plain_text", text: clip(m.chooseTitle, limits.modalTitle) },
          close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
          blocks: [section(text)],
        },
      };
    }),
  );
}
