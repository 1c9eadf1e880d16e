import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import { findSupplierByCode } from "../../src/domain/catalogue/suppliers.ts";
import { isJxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import {
  buildPurchasePlan,
  maxPlanWindowDays,
  type PlanOptions,
  readPlanOptions,
} from "../../src/domain/purchasing/plan.ts";
import { createDraftsFromPlan } from "../../src/domain/purchasing/plan-drafts.ts";
import { messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { type EphemeralReply, toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { DeferredReply, SlashRequest } from "../../src/slack/slash-command.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionPatterns } from "../names.ts";
import { draftsText, registerPlanChoice } from "./plan-choose.ts";
import { renderPlan, renderWhy } from "./plan-render.ts";
import { answerPlanSettings, registerPlanSettings } from "./plan-settings.ts";
import { draftsValue, optionsOf, parseValue, whyValue } from "./plan-values.ts";

/** What `/po plan …` asked for: a supplier, another window, last year's season. */
export interface PlanRequest {
  supplierCode?: string;
  options: PlanOptions;
}

/** Reads `/po plan [supplier] [days] [season]` over the company's settings. */
export function parsePlanRequest(words: readonly string[], defaults: PlanOptions): PlanRequest | undefined {
  const request: PlanRequest = { options: { ...defaults } };
  for (const word of words) {
    if (/^\d+$/.test(word)) {
      const days = Number(word);
      if (days < 1 || days > maxPlanWindowDays) return undefined;
      request.options.windowDays = days;
    } else if (/^(season|去年同期|同期)$/i.test(word)) {
      request.options.sameSeasonLastYear = true;
    } else if (request.supplierCode === undefined) {
      request.supplierCode = word;
    } else {
      return undefined;
    }
  }
  return request;
}

/**
 * `/po plan …`: the plan now, for purchasing roles. Permission and the words are checked at
 * once; the plan itself (about 2 s at 100k items) is answered after the ack, through the
 * command's response_url. `/po plan settings` shows or edits the company's settings.
 */
export async function answerPlanCommand(
  deps: CommandDeps,
  words: readonly string[],
  request: Pick<SlashRequest, "userId" | "locale" | "openModal">,
): Promise<EphemeralReply | DeferredReply | undefined> {
  const { userId, locale } = request;
  requirePermission(deps.db, userId, "po.plan");
  const m = messages(locale).plan;
  if (words.length === 1 && /^(settings|设置)$/i.test(words[0] ?? ""))
    return answerPlanSettings(deps, request);
  const parsed = parsePlanRequest(words, readPlanOptions(deps.db));
  if (!parsed) return { text: m.usage };
  const { supplierCode, options } = parsed;
  if (supplierCode === undefined) {
    return {
      working: { text: m.working },
      later: () => renderPlan(locale, buildPurchasePlan(deps.db, deps.clock.now(), options), false),
    };
  }
  if (/^(help|帮助|\?)$/i.test(supplierCode)) return { text: m.usage };
  const supplier = findSupplierByCode(deps.db, supplierCode);
  if (!supplier) return { text: m.unknownSupplier({ code: escapeMrkdwn(supplierCode) }) };
  return {
    working: { text: m.working },
    later: () => {
      const plan = buildPurchasePlan(deps.db, deps.clock.now(), options, { supplierId: supplier.id });
      const own = plan.groups.filter((g) => g.supplier?.id === supplier.id);
      return renderPlan(locale, { ...plan, groups: own, suggested: own[0]?.lines.length ?? 0 }, true);
    },
  };
}

/**
 * The plan message's buttons ("Why this number?", "Create draft POs", "Choose lines…") and the
 * settings form, each checked again at the click.
 */
export function registerPlanButtons(router: SlackRouter, deps: CommandDeps): void {
  registerPlanChoice(router, deps);
  registerPlanSettings(router, deps);
  router.action<BlockAction<SlackButton>>(
    actionPatterns.planWhy,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "po.plan");
      const value = parseValue(whyValue, click.value);
      const plan = buildPurchasePlan(deps.db, deps.clock.now(), optionsOf(value), { itemId: value.i });
      const line = plan.groups.flatMap((g) => g.lines).find((l) => l.facts.itemId === value.i);
      const m = messages(click.locale).plan;
      const reply: EphemeralReply = line ? renderWhy(deps, click.locale, plan, line) : { text: m.whyGone };
      await click.respond({ ...toEphemeral(reply), replace_original: false });
    }),
  );
  router.action<BlockAction<SlackButton>>(
    actionPatterns.planDrafts,
    buttonAction(deps.logger, async (click) => {
      const value = parseValue(draftsValue, click.value);
      const m = messages(click.locale).plan;
      let text: string;
      try {
        const result = createDraftsFromPlan(deps.db, deps.clock, {
          supplierId: value.p,
          options: optionsOf(value),
          userId: click.userId,
          today: todayIn(deps.company.timeZone, deps.clock.now()),
          currency: deps.company.currency,
        });
        text = draftsText(click.locale, result);
      } catch (error) {
        if (!(isJxcError(error) && error.code === "STALE_ACTION")) throw error;
        text = m.nothingLeft;
      }
      deps.notifier.kick();
      await click.respond({ ...toEphemeral({ text }), replace_original: false });
    }),
  );
}
