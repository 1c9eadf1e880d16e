import type { KnownBlock } from "@slack/types";
import {
  countVarianceLines,
  firstUncountedLine,
  listOpenStocktakes,
  readStocktake,
  readVarianceLines,
  type StocktakeView,
  type VarianceLineView,
} from "../../src/domain/stocktakes/reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, type EphemeralReply, fields, header, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { CommandDeps, Company } from "../deps.ts";
import { actionIds } from "../names.ts";
import { localName } from "../po/render.ts";
import { formatBp, money, quantity, scopeText } from "./format.ts";

const reportLines = 20;
const linesPerSection = 10;
const openListed = 10;

function button(actionId: string, text: string, value: string, style?: "primary" | "danger") {
  return {
    type: "button" as const,
    action_id: actionId,
    text: { type: "plain_text" as const, text },
    value,
    ...(style ? { style } : {}),
  };
}

/** How a count's scope reads in this language. */
export function scopeOf(view: StocktakeView, locale: Locale): string {
  return scopeText(locale, { warehouse: view.warehouseCode, scope: view.scope, label: view.scopeLabel });
}

/** The reply to `/count start`: what was started, with Count now and Cancel. */
export function startedReply(view: StocktakeView, locale: Locale): EphemeralReply {
  const m = messages(locale).count;
  const text = m.started({ number: view.number, lines: view.total, scope: scopeOf(view, locale) });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          button(actionIds.countOpen, m.countNow, String(view.id), "primary"),
          button(actionIds.countCancel, m.cancel, String(view.id), "danger"),
        ],
      },
    ],
  };
}

/** "12 of 120 lines are not counted": finishing now leaves them as they are, so it asks first. */
export function uncountedReply(deps: CommandDeps, stocktakeId: number, locale: Locale): EphemeralReply {
  const m = messages(locale).count;
  const view = readStocktake(deps.db, stocktakeId);
  if (!view) return { text: messages(locale).errors.STALE_ACTION() };
  const gap = firstUncountedLine(deps.db, stocktakeId);
  const text = m.uncountedConfirm({
    number: view.number,
    uncounted: view.total - view.counted,
    total: view.total,
    bin: escapeMrkdwn(gap?.bin ?? ""),
  });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [button(actionIds.countFinishAnyway, m.finishAnyway, String(view.id), "danger")],
      },
    ],
  };
}

/** `/count`: the counts still open, each with Count while it is being counted. */
export function renderOpenCounts(deps: CommandDeps, locale: Locale): EphemeralReply {
  const m = messages(locale).count;
  const open = listOpenStocktakes(deps.db, openListed);
  if (open.length === 0) return { text: m.noneOpen };
  const blocks: KnownBlock[] = [header(m.openTitle)];
  open.forEach((view, index) => {
    const line = m.openLine({
      number: view.number,
      scope: scopeOf(view, locale),
      progress: m.progress({ counted: view.counted, total: view.total }),
      status: m.status[view.status],
      by: `<@${view.startedBy}>`,
    });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: line },
      ...(view.status === "counting"
        ? { accessory: button(`${actionIds.countOpen}_${index}`, m.count, String(view.id)) }
        : {}),
    });
  });
  return { text: m.openTitle, blocks };
}

/** One line of a variance report: where, what, expected (and why), counted, the difference and its fate. */
export function varianceLineText(line: VarianceLineView, locale: Locale, company: Company): string {
  const m = messages(locale).count;
  return m.report.line({
    bin: escapeMrkdwn(line.bin),
    sku: escapeMrkdwn(line.sku),
    name: escapeMrkdwn(localName(locale, line.name, line.nameZh)),
    expected: quantity(line.expectedQty, line.unit),
    snapshot: quantity(line.snapshotQty, line.unit),
    moved: line.movedQty === 0 ? "" : quantity(line.movedQty, line.unit, true),
    counted: quantity(line.countedQty, line.unit),
    variance: quantity(line.varianceQty, line.unit, true),
    value: money(company.currency, locale, line.postedValue ?? line.varianceValue),
    posting: m.posting[line.posting],
  });
}

/** Lines and value of a count's variances in one posting state. */
function postingTotals(deps: CommandDeps, id: number, posting: "posted" | "pending" | "rejected") {
  const lines = readVarianceLines(deps.db, id, { posting, limit: 1_000_000 });
  return {
    lines: lines.length,
    value: lines.reduce((sum, line) => sum + (line.postedValue ?? line.varianceValue), 0),
  };
}

/**
 * The variance report of a finished count: accuracy, what posted at once or after approval,
 * what waits or was rejected, what was not counted, and the largest differences line by line.
 */
export function renderReport(deps: CommandDeps, stocktakeId: number, locale: Locale): EphemeralReply {
  const m = messages(locale).count;
  const view = readStocktake(deps.db, stocktakeId);
  if (!view) return { text: messages(locale).errors.STALE_ACTION() };
  if (view.status === "cancelled" || view.finishedAt === null) {
    return { text: m.report.cancelledBy({ number: view.number, by: `<@${view.startedBy}>` }) };
  }
  const r = m.report;
  const cash = (minor: number) => money(deps.company.currency, locale, minor);
  const title = r.title({ number: view.number });
  const posted = postingTotals(deps, view.id, "posted");
  const pending = postingTotals(deps, view.id, "pending");
  const rejected = postingTotals(deps, view.id, "rejected");
  const facts = [
    `*${r.counted}*\n${r.countedValue({ counted: view.linesCounted ?? 0, total: view.total })}`,
    `*${r.exact}*\n${r.exactValue({ exact: view.linesExact ?? 0, pct: formatBp(view.lineAccuracyBp) })}`,
    `*${r.valueAccuracy}*\n${formatBp(view.valueAccuracyBp)}`,
    `*${r.expectedValue}*\n${cash(view.expectedValue ?? 0)}`,
    `*${r.variance}*\n${r.varianceValue({ net: cash(view.varianceValue ?? 0), gross: cash(view.varianceAbs ?? 0) })}`,
  ];
  facts.push(`*${r.posted}*\n${r.linesValue({ lines: posted.lines, value: cash(posted.value) })}`);
  if (pending.lines > 0)
    facts.push(`*${r.waiting}*\n${r.linesValue({ lines: pending.lines, value: cash(pending.value) })}`);
  if (rejected.lines > 0) {
    facts.push(`*${r.rejected}*\n${r.linesValue({ lines: rejected.lines, value: cash(rejected.value) })}`);
  }
  const uncounted = view.total - (view.linesCounted ?? 0);
  if (uncounted > 0) facts.push(`*${r.uncounted}*\n${r.uncountedValue({ lines: uncounted })}`);
  const blocks: KnownBlock[] = [
    header(title),
    section(
      r.scopeLine({
        scope: scopeOf(view, locale),
        status: m.status[view.status],
        by: `<@${view.finishedBy ?? ""}>`,
      }),
    ),
    fields(facts),
  ];
  const lines = readVarianceLines(deps.db, view.id, { limit: reportLines });
  if (lines.length === 0) blocks.push(section(r.noVariance));
  for (let from = 0; from < lines.length; from += linesPerSection) {
    const texts = lines
      .slice(from, from + linesPerSection)
      .map((line) => varianceLineText(line, locale, deps.company));
    blocks.push(section(texts.join("\n")));
  }
  const more = countVarianceLines(deps.db, view.id) - lines.length;
  if (more > 0) blocks.push(context([r.more({ count: more })]));
  return { text: `${title} · ${m.status[view.status]}`, blocks };
}
