import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { readStocktake } from "../../src/domain/stocktakes/reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderContext, RenderedMessage } from "../../src/notify/contract.ts";
import { context, fields, header, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { slackDate } from "../../src/slack/slack-date.ts";
import type { Company } from "../deps.ts";
import { actionIds } from "../names.ts";
import { approvalStepLines } from "../notices/purchase-order-card.ts";
import { localName } from "../po/render.ts";
import { formatBp, money, quantity, scopeText } from "./format.ts";
import { scopeOf } from "./report.ts";

/**
 * The head of a count's thread in the warehouse channel: scope, who started it, progress,
 * status, and once finished its accuracy and approval steps. While it is being counted it
 * carries Count (opens the blind sheet for whoever clicks) and Finish.
 */
export function renderStocktakeCard(
  db: Db,
  docId: number,
  locale: Locale,
  company: Company,
): RenderedMessage {
  const view = readStocktake(db, docId);
  if (!view) return { text: `#${docId}`, blocks: [] };
  const m = messages(locale).count;
  const title = m.card.title({ number: view.number, scope: scopeOf(view, locale) });
  const blocks: KnownBlock[] = [
    header(title),
    fields([
      `*${m.card.startedBy}*\n<@${view.startedBy}> · ${slackDate(view.startedAt)}`,
      `*${m.card.progress}*\n${m.progress({ counted: view.counted, total: view.total })}`,
      `*${m.card.status}*\n${m.status[view.status]}`,
    ]),
  ];
  if (view.finishedAt !== null) {
    blocks.push(
      section(
        m.card.summary({
          lineAccuracy: formatBp(view.lineAccuracyBp),
          valueAccuracy: formatBp(view.valueAccuracyBp),
          net: money(company.currency, locale, view.varianceValue ?? 0),
        }),
      ),
    );
  }
  const steps = approvalStepLines(db, "stocktake", docId, locale);
  if (steps.length > 0) blocks.push(context(steps));
  if (view.status === "counting") {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: actionIds.countOpen,
          text: { type: "plain_text", text: m.count },
          style: "primary",
          value: String(view.id),
        },
        {
          type: "button",
          action_id: actionIds.countFinish,
          text: { type: "plain_text", text: m.finish },
          value: String(view.id),
        },
      ],
    });
  }
  return { text: `${title} · ${m.status[view.status]}`, blocks };
}

const noteData = z.object({
  event: z.string(),
  actor: z.string(),
  number: z.string(),
  changed: z.number().optional(),
  counted: z.number().optional(),
  total: z.number().optional(),
  linesCounted: z.number().optional(),
  linesExact: z.number().optional(),
  lineAccuracyBp: z.number().optional(),
  valueAccuracyBp: z.number().optional(),
  uncounted: z.number().optional(),
  postedLines: z.number().optional(),
  postedValue: z.number().optional(),
  waitingLines: z.number().optional(),
  waitingValue: z.number().optional(),
  lines: z.number().optional(),
  value: z.number().optional(),
});

/** A count's event as one line in its thread (and the starter's DM), from the facts frozen in the event. */
export function renderStocktakeNote(data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const parsed = noteData.safeParse(data);
  const text = parsed.success ? noteText(parsed.data, ctx.locale, ctx.company) : String(data.event ?? "");
  return { text, blocks: [section(text)] };
}

function noteText(note: z.infer<typeof noteData>, locale: Locale, company: Company): string {
  const t = messages(locale).count.thread;
  const by = `<@${note.actor}>`;
  const cash = (minor: number | undefined) => money(company.currency, locale, minor ?? 0);
  const head = `*${note.number}* · `;
  switch (note.event) {
    case "stocktake.counted":
      return `${head}${t.counted({ by, changed: note.changed ?? 0, counted: note.counted ?? 0, total: note.total ?? 0 })}`;
    case "stocktake.finished": {
      const lines = [
        t.finished({
          by,
          counted: note.linesCounted ?? 0,
          total: note.total ?? 0,
          exact: note.linesExact ?? 0,
          lineAccuracy: formatBp(note.lineAccuracyBp),
          valueAccuracy: formatBp(note.valueAccuracyBp),
        }),
        t.postedAtOnce({ lines: note.postedLines ?? 0, value: cash(note.postedValue) }),
        ...((note.waitingLines ?? 0) > 0
          ? [t.waiting({ lines: note.waitingLines ?? 0, value: cash(note.waitingValue) })]
          : []),
        ...((note.uncounted ?? 0) > 0 ? [t.uncounted({ lines: note.uncounted ?? 0 })] : []),
      ];
      return `${head}${lines.join("\n")}`;
    }
    case "stocktake.posted":
      return `${head}${t.posted({ lines: note.lines ?? 0, value: cash(note.value) })}`;
    case "stocktake.cancelled":
      return `${head}${t.cancelled({ by })}`;
    default:
      return `${head}${note.event}`;
  }
}

const summaryData = z.object({
  warehouse: z.string(),
  scope: z.string(),
  scopeLabel: z.string(),
  valueAccuracyBp: z.number(),
  waitingLines: z.number(),
  waitingValue: z.number(),
  lines: z.array(
    z.object({
      bin: z.string(),
      sku: z.string(),
      name: z.string(),
      nameZh: z.string().nullable(),
      unit: z.string(),
      expected: z.number(),
      counted: z.number(),
      variance: z.number(),
      value: z.number(),
    }),
  ),
});

/** A count's waiting variances for the supervisor's approval card: the scope, the total, the biggest lines. */
export function describeStocktake(
  summary: Record<string, unknown>,
  locale: Locale,
  currency: string,
): string {
  const parsed = summaryData.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const s = parsed.data;
  const m = messages(locale).count.approval;
  const head = m.head({
    scope: scopeText(locale, { warehouse: s.warehouse, scope: s.scope, label: s.scopeLabel }),
    lines: s.waitingLines,
    value: money(currency, locale, s.waitingValue),
    accuracy: formatBp(s.valueAccuracyBp),
  });
  const lines = s.lines.map((line) =>
    m.line({
      bin: escapeMrkdwn(line.bin),
      sku: escapeMrkdwn(line.sku),
      name: escapeMrkdwn(localName(locale, line.name, line.nameZh)),
      expected: quantity(line.expected, line.unit),
      counted: quantity(line.counted, line.unit),
      variance: quantity(line.variance, line.unit, true),
      value: money(currency, locale, line.value),
    }),
  );
  const more = s.waitingLines - s.lines.length;
  return [head, ...lines, ...(more > 0 ? [m.more({ count: more })] : [])].join("\n");
}
