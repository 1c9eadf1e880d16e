import type { KnownBlock, ModalView } from "@slack/types";
import { JxcError } from "../../src/domain/errors.ts";
import { can, requirePermission } from "../../src/domain/permissions.ts";
import { maxPlanWindowDays, type PlanOptions, readPlanOptions } from "../../src/domain/purchasing/plan.ts";
import { maxPlanReviewDays, setPlanOptions } from "../../src/domain/purchasing/plan-settings.ts";
import { rolesOf } from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, type EphemeralReply, limits, section } from "../../src/slack/blocks.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import type { CommandDeps } from "../deps.ts";
import { callbackIds } from "../names.ts";

const blocksOf = { windowDays: "plan_window", reviewDays: "plan_review", season: "plan_season" } as const;

function settingsText(locale: Locale, options: PlanOptions): string {
  return messages(locale).plan.settingsShow({
    window: options.windowDays,
    review: options.reviewDays,
    season: options.sameSeasonLastYear,
  });
}

/** The settings form, filled with what the company uses now. */
export function planSettingsModal(locale: Locale, options: PlanOptions): ModalView {
  const m = messages(locale).plan;
  const number = (blockId: string, label: string, hint: string, value: number, max: number): KnownBlock => ({
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    hint: { type: "plain_text", text: hint },
    element: {
      type: "number_input",
      action_id: blockId,
      is_decimal_allowed: false,
      min_value: "1",
      max_value: String(max),
      initial_value: String(value),
    },
  });
  const option = {
    text: { type: "plain_text" as const, text: clip(m.seasonOption, limits.optionText) },
    value: "season",
  };
  return {
    type: "modal",
    callback_id: callbackIds.planSettings,
    title: { type: "plain_text", text: clip(m.settingsTitle, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.cancel, limits.modalTitle) },
    blocks: [
      section(m.settingsIntro),
      number(blocksOf.windowDays, m.windowLabel, m.windowHint, options.windowDays, maxPlanWindowDays),
      number(blocksOf.reviewDays, m.reviewLabel, m.reviewHint, options.reviewDays, maxPlanReviewDays),
      {
        type: "input",
        block_id: blocksOf.season,
        optional: true,
        label: { type: "plain_text", text: m.seasonLabel },
        element: {
          type: "checkboxes",
          action_id: blocksOf.season,
          options: [option],
          ...(options.sameSeasonLastYear ? { initial_options: [option] } : {}),
        },
      },
    ],
  };
}

/**
 * `/po plan settings`: purchasing managers and admins get the form; other purchasing roles read
 * the settings and who may change them.
 */
export async function answerPlanSettings(
  deps: CommandDeps,
  request: Pick<SlashRequest, "userId" | "locale" | "openModal">,
): Promise<EphemeralReply | undefined> {
  requirePermission(deps.db, request.userId, "po.plan");
  const options = readPlanOptions(deps.db);
  if (!can(rolesOf(deps.db, request.userId), "po.planSettings")) {
    return {
      text: `${settingsText(request.locale, options)}\n${messages(request.locale).plan.settingsReadOnly}`,
    };
  }
  await request.openModal(planSettingsModal(request.locale, options));
  return undefined;
}

/** The settings form's submission: whole numbers within range, beside their field; saved with audit rows. */
export function registerPlanSettings(router: SlackRouter, deps: CommandDeps): void {
  router.view(
    callbackIds.planSettings,
    viewSubmission(
      deps.logger,
      {
        fieldBlocks: { windowDays: blocksOf.windowDays, reviewDays: blocksOf.reviewDays },
        fallbackBlock: blocksOf.windowDays,
      },
      (submit) => {
        requirePermission(deps.db, submit.userId, "po.planSettings");
        const whole = (field: "windowDays" | "reviewDays") => {
          const text = submit.value(blocksOf[field], blocksOf[field]).trim();
          if (!/^\d{1,6}$/.test(text)) {
            throw new JxcError("INVALID_INPUT", { input: text, problem: "not_a_number" }, field);
          }
          return Number(text);
        };
        const options: PlanOptions = {
          windowDays: whole("windowDays"),
          reviewDays: whole("reviewDays"),
          sameSeasonLastYear: submit.selected(blocksOf.season, blocksOf.season).includes("season"),
        };
        const { changed } = setPlanOptions(deps.db, deps.clock, { ...options, actor: submit.userId });
        const m = messages(submit.locale).plan;
        const text = changed
          ? m.settingsSaved({
              window: options.windowDays,
              review: options.reviewDays,
              season: options.sameSeasonLastYear,
            })
          : m.settingsUnchanged;
        return {
          update: {
            type: "modal",
            callback_id: `${callbackIds.planSettings}_done`,
            title: { type: "plain_text", text: clip(m.settingsTitle, limits.modalTitle) },
            close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
            blocks: [section(text), context([settingsText(submit.locale, readPlanOptions(deps.db))])],
          },
        };
      },
    ),
  );
}
