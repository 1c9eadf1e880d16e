import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, header, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { baseQuantity, localName } from "./render.ts";

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
