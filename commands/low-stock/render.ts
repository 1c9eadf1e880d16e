import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { readItemLowStock } from "../../src/domain/low-stock/figures.ts";
import type { LowStockList } from "../../src/domain/low-stock/list.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderedMessage } from "../../src/notify/contract.ts";
import { clip, context, fields, header, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { slackDate } from "../../src/slack/slack-date.ts";
import { actionIds } from "../names.ts";
import { baseQuantity, localName } from "../po/render.ts";

/** What an alert message and its buttons carry: the item and the episode it was sent for. */
export const alertRef = z.object({ itemId: z.number().int(), episode: z.number().int() });
const alertData = alertRef.extend({ reminder: z.boolean().optional() });

/** The days the two Snooze buttons offer. */
export const snoozeChoices = [1, 7] as const;

interface ItemFacts {
  sku: string;
  name: string;
  nameZh: string | null;
  baseUnit: string;
  supplier: { code: string; name: string; nameZh: string | null } | null;
}

function readItemFacts(db: Db, itemId: number): ItemFacts | undefined {
  const row = db.$client
    .prepare(
      `select i.sku, i.name, i.name_zh, i.base_unit, s.code, s.name, s.name_zh from items i
         left join suppliers s on s.id = i.default_supplier_id where i.id = ?`,
    )
    .raw()
    .get(itemId) as
    | [string, string, string | null, string, string | null, string | null, string | null]
    | undefined;
  if (!row) return undefined;
  const [sku, name, nameZh, baseUnit, code, supplierName, supplierNameZh] = row;
  return {
    sku,
    name,
    nameZh,
    baseUnit,
    supplier: code ? { code, name: supplierName ?? code, nameZh: supplierNameZh } : null,
  };
}

/**
 * A low-stock alert as it stands now: the item's figures, its default supplier, who drafted or
 * snoozed it, and the buttons that still make sense. Rendered again whenever the alert changes,
 * so an alert whose item was replenished loses its buttons everywhere.
 */
export function renderLowStockAlert(
  db: Db,
  data: Record<string, unknown>,
  locale: Locale,
  now: number,
): RenderedMessage {
  const ref = alertData.parse(data);
  const m = messages(locale).lowStock;
  const item = readItemFacts(db, ref.itemId);
  const found = readItemLowStock(db, ref.itemId);
  if (!item || !found) return { text: `#${ref.itemId}`, blocks: [section(`#${ref.itemId}`)] };
  const { figures, state } = found;
  const q = (n: number) => baseQuantity(n, item.baseUnit);
  const sku = escapeMrkdwn(item.sku);
  const name = escapeMrkdwn(localName(locale, item.name, item.nameZh));
  const point = figures.reorderPoint ?? 0;
  const open = state?.episode === ref.episode && state.below;
  const blocks: KnownBlock[] = [
    header(ref.reminder ? m.reminderTitle({ sku: item.sku }) : m.title({ sku: item.sku })),
    section(m.lead({ sku, name })),
    fields([
      `*${m.projected}*\n${q(figures.projected)}`,
      `*${m.reorderPoint}*\n${q(point)}`,
      `*${m.onHand}*\n${q(figures.onHand)}${figures.reserved ? ` ${m.reservedNote({ qty: q(figures.reserved) })}` : ""}`,
      `*${m.onOrder}*\n${q(figures.onOrder)}`,
      `*${m.supplier}*\n${
        item.supplier
          ? escapeMrkdwn(
              `${item.supplier.code} · ${localName(locale, item.supplier.name, item.supplier.nameZh)}`,
            )
          : m.noSupplier
      }`,
    ]),
  ];
  const notes: string[] = [];
  if (!open) notes.push(m.replenished);
  if (open && state.draftPoId !== null) {
    const number = readPurchaseOrder(db, state.draftPoId)?.number ?? "";
    notes.push(m.drafted({ number, by: `<@${state.draftedBy ?? ""}>` }));
  }
  if (open && state.snoozedUntil !== null && state.snoozedUntil > now) {
    notes.push(m.snoozed({ until: slackDate(state.snoozedUntil), by: `<@${state.snoozedBy ?? ""}>` }));
  }
  if (notes.length > 0) blocks.push(context(notes));
  if (open) {
    const value = JSON.stringify({ itemId: ref.itemId, episode: ref.episode });
    const buttons = [
      ...(state.draftPoId === null ? [{ id: actionIds.lowStockDraft, text: m.draftPo, primary: true }] : []),
      { id: `${actionIds.lowStockSnoozePrefix}1`, text: m.snooze1, primary: false },
      { id: `${actionIds.lowStockSnoozePrefix}7`, text: m.snooze7, primary: false },
    ];
    blocks.push({
      type: "actions",
      block_id: `low_stock_${ref.itemId}_${ref.episode}`,
      elements: buttons.map((b) => ({
        type: "button" as const,
        action_id: b.id,
        text: { type: "plain_text" as const, text: clip(b.text, limits.buttonText) },
        value,
        ...(b.primary ? { style: "primary" as const } : {}),
      })),
    });
  }
  const text = m.fallback({
    sku: item.sku,
    name: localName(locale, item.name, item.nameZh),
    projected: q(figures.projected),
    point: q(point),
  });
  return { text: open ? text : `${text} · ${m.replenished}`, blocks };
}

const lineData = z.object({
  sku: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  baseUnit: z.string(),
  supplierCode: z.string().nullable(),
  projected: z.number(),
  reorderPoint: z.number().nullable(),
});
const listData = z.object({ total: z.number(), snoozed: z.number(), lines: z.array(lineData) });

/** The digest (or `/jxc lowstock`): counts, one line per item most urgent first, "and N more". */
export function renderLowStockList(
  data: LowStockList | Record<string, unknown>,
  locale: Locale,
  title: "digest" | "list",
): { text: string; blocks: KnownBlock[] } {
  const list = listData.parse(data);
  const m = messages(locale).lowStock;
  const heading = title === "digest" ? m.digestTitle : m.listTitle;
  const summary = m.digestSummary({ total: list.total, snoozed: list.snoozed });
  if (list.total === 0) {
    return { text: `${heading}: ${summary}`, blocks: [header(heading), section(m.nothingLow)] };
  }
  const lines = list.lines.map((l) =>
    m.digestLine({
      sku: escapeMrkdwn(l.sku),
      name: escapeMrkdwn(localName(locale, l.name, l.nameZh)),
      projected: baseQuantity(l.projected, l.baseUnit),
      point: baseQuantity(l.reorderPoint ?? 0, l.baseUnit),
      supplier: l.supplierCode ? escapeMrkdwn(l.supplierCode) : "",
    }),
  );
  // Ten lines a section keeps every section far below Slack's 3,000 characters.
  const blocks: KnownBlock[] = [header(heading), context([summary])];
  for (let start = 0; start < lines.length; start += 10) {
    blocks.push(section(lines.slice(start, start + 10).join("\n")));
  }
  const notes: string[] = [];
  if (list.total > list.lines.length) notes.push(m.more({ count: list.total - list.lines.length }));
  notes.push(m.digestFooter);
  blocks.push(context(notes));
  return { text: `${heading}: ${summary}`, blocks };
}
