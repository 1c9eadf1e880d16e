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
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { type EphemeralReply, toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionPatterns } from "../names.ts";
import { renderPlan, renderWhy } from "./plan-render.ts";
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

/** `/po plan …`: the plan now, for purchasing roles. */
export function answerPlanCommand(
  deps: CommandDeps,
  words: readonly string[],
  userId: string,
  locale: Locale,
): EphemeralReply {
  requirePermission(deps.db, userId, "po.plan");
  const m = messages(locale).plan;
  const request = parsePlanRequest(words, readPlanOptions(deps.db));
  if (!request) return { text: m.usage };
  if (request.supplierCode !== undefined) {
    if (/^(help|帮助|\?)$/i.test(request.supplierCode)) return { text: m.usage };
    const supplier = findSupplierByCode(deps.db, request.supplierCode);
    if (!supplier) return { text: m.unknownSupplier({ code: escapeMrkdwn(request.supplierCode) }) };
    const plan = buildPurchasePlan(deps.db, deps.clock.now(), request.options, { supplierId: supplier.id });
    const own = plan.groups.filter((g) => g.supplier?.id === supplier.id);
    return renderPlan(locale, { ...plan, groups: own, suggested: own[0]?.lines.length ?? 0 }, true);
  }
  return renderPlan(locale, buildPurchasePlan(deps.db, deps.clock.now(), request.options), false);
}

/** The plan message's buttons: "Why this number?" and "Create draft POs", each checked again at the click. */
export function registerPlanButtons(router: SlackRouter, deps: CommandDeps): void {
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
        const parts: string[] = [];
        if (result.numbers.length > 0)
          parts.push(m.drafts({ numbers: result.numbers.join(", "), lines: result.lines }));
        if (result.unpriced.length > 0)
          parts.push(m.unpriced({ skus: result.unpriced.map(escapeMrkdwn).join(", ") }));
        text = parts.join("\n");
      } catch (error) {
        if (!(isJxcError(error) && error.code === "STALE_ACTION")) throw error;
        text = m.nothingLeft;
      }
      deps.notifier.kick();
      await click.respond({ ...toEphemeral({ text }), replace_original: false });
    }),
  );
}
