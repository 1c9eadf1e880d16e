import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { findSupplierByCode } from "../../src/domain/catalogue/suppliers.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import {
  buildPurchasePlan,
  maxPlanWindowDays,
  type PlanGroup,
  type PlanOptions,
  type PurchasePlan,
  readPlanOptions,
} from "../../src/domain/purchasing/plan.ts";
import { createDraftsFromPlan } from "../../src/domain/purchasing/plan-drafts.ts";
import { demandPerDay, type PlanSuggestion } from "../../src/domain/purchasing/plan-rule.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import {
  clip,
  context,
  type EphemeralReply,
  header,
  limits,
  section,
  toEphemeral,
} from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { formatDay, todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns } from "../names.ts";
import { baseQuantity, localName } from "./render.ts";

/** How much of a plan one message shows: the overview, or one supplier's lines. */
const overviewGroups = 5;
const overviewLines = 6;
const supplierLines = 40;
const noHistoryShown = 8;

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

/** A button's value: what to recompute at the click (never the numbers, which may have changed). */
const whyValue = z.object({ i: z.number().int(), w: z.number().int(), r: z.number().int(), s: z.boolean() });
const draftsValue = z.object({
  p: z.number().int(),
  w: z.number().int(),
  r: z.number().int(),
  s: z.boolean(),
});

function optionsOf(value: { w: number; r: number; s: boolean }): PlanOptions {
  if (value.w < 1 || value.w > maxPlanWindowDays || value.r < 0) throw new JxcError("STALE_ACTION");
  return { windowDays: value.w, reviewDays: value.r, sameSeasonLastYear: value.s };
}

function parseValue<T>(schema: z.ZodType<T>, raw: string): T {
  try {
    return schema.parse(JSON.parse(raw));
  } catch {
    throw new JxcError("STALE_ACTION");
  }
}

function quantity(qty: number, s: PlanSuggestion["facts"]): string {
  return baseQuantity(qty, s.baseUnit);
}

function supplierName(locale: Locale, group: PlanGroup): string {
  const m = messages(locale).plan;
  if (!group.supplier) return m.noSupplier;
  return escapeMrkdwn(
    `${group.supplier.code} · ${localName(locale, group.supplier.name, group.supplier.nameZh)}`,
  );
}

function lineText(locale: Locale, s: PlanSuggestion): string {
  const m = messages(locale).plan;
  const text = m.line({
    qty: quantity(s.qty, s.facts),
    sku: escapeMrkdwn(s.facts.sku),
    name: escapeMrkdwn(localName(locale, s.facts.name, s.facts.nameZh)),
    projected: s.projected.toLocaleString("en"),
    trigger: s.trigger.toLocaleString("en"),
  });
  return s.noHistory ? `${text}${m.noHistoryTag({ days: s.windowDays })}` : text;
}

/** The header and the counts every plan message starts with. */
function planHead(locale: Locale, plan: PurchasePlan, title: string): KnownBlock[] {
  const m = messages(locale).plan;
  const { windowDays, sameSeasonLastYear } = plan.options;
  return [
    header(title),
    context([
      `${m.window({ days: windowDays, season: sameSeasonLastYear })} ${m.historyNote}`,
      m.summary({
        suggested: plan.suggested,
        suppliers: plan.groups.filter((g) => g.supplier).length,
        items: plan.itemsConsidered,
      }),
    ]),
  ];
}

/** The plan for one person: top lines per supplier (or every line of one), each with its "why". */
export function renderPlan(locale: Locale, plan: PurchasePlan, oneSupplier: boolean): EphemeralReply {
  const m = messages(locale).plan;
  const blocks = planHead(locale, plan, m.title);
  const opts = { w: plan.options.windowDays, r: plan.options.reviewDays, s: plan.options.sameSeasonLastYear };
  const groups = oneSupplier ? plan.groups.slice(0, 1) : plan.groups.slice(0, overviewGroups);
  const perGroup = oneSupplier ? supplierLines : overviewLines;
  let n = 0;
  groups.forEach((group, g) => {
    const title: KnownBlock = {
      type: "section",
      text: {
        type: "mrkdwn",
        text: m.group({ supplier: supplierName(locale, group), count: group.lines.length }),
      },
      ...(group.supplier
        ? {
            accessory: {
              type: "button" as const,
              action_id: `${actionIds.planDraftsPrefix}${g}`,
              text: { type: "plain_text" as const, text: clip(m.createDrafts, limits.buttonText) },
              value: JSON.stringify({ p: group.supplier.id, ...opts }),
              style: "primary" as const,
            },
          }
        : {}),
    };
    blocks.push(title);
    for (const line of group.lines.slice(0, perGroup)) {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: clip(lineText(locale, line), limits.sectionText) },
        accessory: {
          type: "button",
          action_id: `${actionIds.planWhyPrefix}${n}`,
          text: { type: "plain_text", text: clip(m.why, limits.buttonText) },
          value: JSON.stringify({ i: line.facts.itemId, ...opts }),
        },
      });
      n += 1;
    }
    if (group.lines.length > perGroup) {
      blocks.push(
        context([m.moreLines({ count: group.lines.length - perGroup, code: group.supplier?.code ?? "" })]),
      );
    }
  });
  const notes: string[] = [];
  if (plan.groups.length > groups.length)
    notes.push(m.moreSuppliers({ count: plan.groups.length - groups.length }));
  notes.push(...planNotes(locale, plan));
  if (plan.suggested === 0) blocks.push(section(m.nothing));
  if (notes.length > 0) blocks.push(context(notes));
  return {
    text: `${m.title}: ${m.summary({ suggested: plan.suggested, suppliers: plan.groups.length, items: plan.itemsConsidered })}`,
    blocks,
  };
}

function planNotes(locale: Locale, plan: PurchasePlan): string[] {
  const m = messages(locale).plan;
  const days = plan.options.windowDays;
  const notes: string[] = [];
  if (plan.noHistorySized > 0) notes.push(m.noHistorySized({ count: plan.noHistorySized, days }));
  if (plan.noHistory.length > 0) {
    const shown = plan.noHistory.slice(0, noHistoryShown).map((i) => escapeMrkdwn(i.sku));
    const skus = plan.noHistory.length > noHistoryShown ? `${shown.join(", ")}, …` : shown.join(", ");
    notes.push(m.noHistory({ count: plan.noHistory.length, days, skus }));
  }
  return notes;
}

function dayOf(deps: CommandDeps, at: number): string {
  return todayIn(deps.company.timeZone, at);
}

/** Every figure behind one suggestion, line by line, in the reader's language. */
export function renderWhy(
  deps: CommandDeps,
  locale: Locale,
  plan: PurchasePlan,
  s: PlanSuggestion,
): EphemeralReply {
  const m = messages(locale).plan;
  const f = s.facts;
  const q = (n: number) => quantity(n, f);
  const rate = demandPerDay(f.issued, s.windowDays).toFixed(2);
  const from = formatDay(dayOf(deps, plan.period.from), locale);
  const to = formatDay(dayOf(deps, plan.period.to - 1), locale);
  const lines = [
    f.issued > 0
      ? m.whyDemand({ issued: q(f.issued), days: s.windowDays, rate, from, to })
      : m.whyNoDemand({ days: s.windowDays, from, to }),
    m.whyLead({ days: s.leadTimeDays, source: f.leadTimeSource }),
  ];
  if (f.issued > 0) lines.push(m.whyLeadDemand({ rate, days: s.leadTimeDays, qty: q(s.leadDemand) }));
  lines.push(m.whySafety({ qty: q(s.safetyStock) }));
  lines.push(
    m.whyProjected({
      onHand: q(f.onHand),
      reserved: q(f.reserved),
      onOrder: q(f.onOrder),
      inDraft: q(f.inDraft),
      projected: q(s.projected),
    }),
  );
  lines.push(m.whyTrigger[s.triggerSource]({ trigger: q(s.trigger), projected: q(s.projected) }));
  if (s.basis === "max_level") {
    lines.push(
      m.whyBasis.max_level({ max: q(f.maxLevel ?? 0), projected: q(s.projected), needed: q(s.needed) }),
    );
  } else if (s.basis === "reorder_qty") {
    lines.push(
      m.whyBasis.reorder_qty({
        reorderQty: q(f.reorderQty ?? 0),
        times: s.reorderTimes,
        needed: q(s.needed),
      }),
    );
  } else {
    lines.push(
      m.whyBasis.cover({
        days: s.leadTimeDays,
        review: s.reviewDays,
        cover: q(s.coverDemand),
        safety: q(s.safetyStock),
        projected: q(s.projected),
        needed: q(s.needed),
      }),
    );
  }
  lines.push(
    f.pack > 1
      ? m.whyRounded({ unit: f.purchaseUnit ?? "", pack: q(f.pack), qty: q(s.qty) })
      : m.whyNotRounded({ qty: q(s.qty) }),
  );
  if (s.noHistory) lines.push(m.whyNoHistory({ days: s.windowDays }));
  const title = m.whyTitle({
    qty: q(s.qty),
    sku: escapeMrkdwn(f.sku),
    name: escapeMrkdwn(localName(locale, f.name, f.nameZh)),
  });
  return { text: title, blocks: [section(`*${title}*`), section(lines.map((l) => `• ${l}`).join("\n"))] };
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

const weeklyData = z.object({
  windowDays: z.number(),
  season: z.boolean(),
  items: z.number(),
  suggested: z.number(),
  suppliers: z.number(),
  moreGroups: z.number(),
  noHistory: z.number(),
  noHistorySized: z.number(),
  groups: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string().nullable(),
      nameZh: z.string().nullable(),
      count: z.number(),
      lines: z.array(
        z.object({
          sku: z.string(),
          name: z.string(),
          nameZh: z.string().nullable(),
          unit: z.string(),
          qty: z.number(),
          noHistory: z.boolean(),
        }),
      ),
    }),
  ),
});

/** The weekly post: the plan's top lines per supplier as of Monday morning, in the reader's language. */
export function renderWeeklyPlan(
  data: Record<string, unknown>,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const d = weeklyData.parse(data);
  const m = messages(locale).plan;
  const blocks: KnownBlock[] = [
    header(m.weeklyTitle),
    context([
      `${m.window({ days: d.windowDays, season: d.season })} ${m.historyNote}`,
      m.summary({ suggested: d.suggested, suppliers: d.suppliers, items: d.items }),
    ]),
  ];
  for (const g of d.groups) {
    const supplier =
      g.code === null
        ? m.noSupplier
        : escapeMrkdwn(`${g.code} · ${localName(locale, g.name ?? g.code, g.nameZh)}`);
    const lines = g.lines.map((l) => {
      const text = `• *${baseQuantity(l.qty, l.unit)}* ${escapeMrkdwn(l.sku)} ${escapeMrkdwn(localName(locale, l.name, l.nameZh))}`;
      return l.noHistory ? `${text}${m.noHistoryTag({ days: d.windowDays })}` : text;
    });
    if (g.count > g.lines.length)
      lines.push(m.moreLines({ count: g.count - g.lines.length, code: g.code ?? "" }));
    blocks.push(
      section(clip(`${m.group({ supplier, count: g.count })}\n${lines.join("\n")}`, limits.sectionText)),
    );
  }
  if (d.suggested === 0) blocks.push(section(m.nothing));
  const notes: string[] = [];
  if (d.moreGroups > 0) notes.push(m.moreSuppliers({ count: d.moreGroups }));
  if (d.noHistorySized > 0) notes.push(m.noHistorySized({ count: d.noHistorySized, days: d.windowDays }));
  if (d.noHistory > 0)
    notes.push(m.noHistory({ count: d.noHistory, days: d.windowDays, skus: "`/po plan`" }));
  notes.push(m.weeklyMore);
  blocks.push(context(notes));
  return {
    text: `${m.weeklyTitle}: ${m.summary({ suggested: d.suggested, suppliers: d.suppliers, items: d.items })}`,
    blocks,
  };
}
