import type { KnownBlock } from "@slack/types";
import type { PlanGroup, PurchasePlan } from "../../src/domain/purchasing/plan.ts";
import { demandPerDay, type PlanSuggestion } from "../../src/domain/purchasing/plan-rule.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, type EphemeralReply, header, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay, todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";
import { baseQuantity, localName } from "./render.ts";

/** How much of a plan one message shows: the overview, or one supplier's lines. */
const overviewGroups = 5;
const overviewLines = 6;
const supplierLines = 40;
const noHistoryShown = 8;

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
    const more =
      group.lines.length > perGroup
        ? m.moreLines({ count: group.lines.length - perGroup, code: group.supplier?.code ?? "" })
        : undefined;
    if (group.supplier) {
      // Drafts for only some lines: a modal with a box per line (the button's value names the supplier).
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: more ?? m.chooseHint },
        accessory: {
          type: "button",
          action_id: `${actionIds.planChoosePrefix}${g}`,
          text: { type: "plain_text", text: clip(m.chooseLines, limits.buttonText) },
          value: JSON.stringify({ p: group.supplier.id, ...opts }),
        },
      });
    } else if (more) {
      blocks.push(context([more]));
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
  if (s.moq > 0) {
    lines.push(
      s.raisedToMoq ? m.whyMoqRaised({ moq: q(s.moq), needed: q(s.needed) }) : m.whyMoqMet({ moq: q(s.moq) }),
    );
  }
  lines.push(roundingLine(locale, s));
  if (s.noHistory) lines.push(m.whyNoHistory({ days: s.windowDays }));
  const title = m.whyTitle({
    qty: q(s.qty),
    sku: escapeMrkdwn(f.sku),
    name: escapeMrkdwn(localName(locale, f.name, f.nameZh)),
  });
  return { text: title, blocks: [section(`*${title}*`), section(lines.map((l) => `• ${l}`).join("\n"))] };
}

/** How the quantity was rounded: to whole purchase units, whole supplier packs, both, or not at all. */
function roundingLine(locale: Locale, s: PlanSuggestion): string {
  const m = messages(locale).plan;
  const f = s.facts;
  const q = (n: number) => quantity(n, f);
  const packs = f.supplierPack && f.supplierPack > 1 ? f.supplierPack : 0;
  if (packs > 0 && f.pack > 1 && s.step !== packs) {
    return m.whyRoundedBoth({
      unit: f.purchaseUnit ?? "",
      unitPack: q(f.pack),
      pack: q(packs),
      step: q(s.step),
      qty: q(s.qty),
    });
  }
  if (packs > 0) return m.whyRoundedPacks({ pack: q(packs), qty: q(s.qty) });
  if (f.pack > 1) return m.whyRounded({ unit: f.purchaseUnit ?? "", pack: q(f.pack), qty: q(s.qty) });
  return m.whyNotRounded({ qty: q(s.qty) });
}
