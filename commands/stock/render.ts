import type { KnownBlock } from "@slack/types";
import { formatMoney } from "../../src/domain/money.ts";
import { formatQuantity } from "../../src/domain/quantity.ts";
import type { ItemStock } from "../../src/domain/stock/item-stock.ts";
import type { ItemRow } from "../../src/domain/stock-query.ts";
import type { VisibleAvailable } from "../../src/domain/stocktakes/blind-stock.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, type EphemeralReply, fields, header, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { actionIds } from "../names.ts";
import { encodePage, encodeShare, type PageToken } from "./tokens.ts";

const maxBinLines = 25;

export interface DetailOptions {
  locale: Locale;
  currency: string;
  showCost: boolean;
  warehouseId?: number;
  /** Set when the card is shared to a channel: no share button, a "shared by" line. */
  sharedBy?: string;
}

/** The one-item card: totals, the low-stock flag, cost for those allowed, and every bin. */
export function renderItemStock(
  item: ItemRow,
  stock: ItemStock & { onOrder: number },
  options: DetailOptions,
): EphemeralReply {
  const { locale } = options;
  const m = messages(locale).stock;
  const qty = (n: number) => formatQuantity(n, item);
  const bins = stock.locations.filter(
    (l) => options.warehouseId === undefined || l.warehouseId === options.warehouseId,
  );
  const totals = options.warehouseId === undefined ? stock : sumBins(bins);
  // Bins being counted, for a blind reader: no figures, and the totals say they leave them out.
  const counted = bins.flatMap((l) => (l.countedIn ? [l.countedIn] : []));
  const under = messages(locale).stockUnderCount;
  // The low-stock flag would tell something of the hidden bins too, so it waits for the count.
  const low =
    counted.length === 0 &&
    item.reorderPoint !== null &&
    totals.available + stock.onOrder <= item.reorderPoint;

  // Every bin being counted: no total at all rather than a zero that reads as "none in stock".
  const allCounted = counted.length > 0 && counted.length === bins.length;
  const total = (n: number) => (allCounted ? "—" : qty(n));
  const figures = [
    `*${m.onHand}*\n${total(totals.onHand)}`,
    `*${m.reserved}*\n${total(totals.reserved)}`,
    `*${m.available}*\n${total(totals.available)}`,
    `*${m.onOrder}*\n${qty(stock.onOrder)}`,
  ];
  if (options.showCost) {
    figures.push(`*${m.value}*\n${formatMoney(stock.value, options.currency, locale)}`);
    figures.push(
      `*${m.averageCost}*\n${stock.averageUnitCost === undefined ? "—" : `${formatMoney(stock.averageUnitCost, options.currency, locale)} / ${item.baseUnit}`}`,
    );
  }
  const binLines = bins
    .slice(0, maxBinLines)
    .map(
      (l) =>
        `*${escapeMrkdwn(l.warehouseCode)}* · \`${escapeMrkdwn(l.locationCode)}\` — ${
          l.countedIn
            ? under.bin({ number: l.countedIn })
            : `${m.onHand} ${qty(l.onHand)} · ${m.reserved} ${qty(l.reserved)} · ${m.available} ${qty(l.available)}`
        }`,
    );
  if (bins.length > maxBinLines) binLines.push(m.moreBins({ count: bins.length - maxBinLines }));

  const title = itemTitle(item, locale);
  const blocks: KnownBlock[] = [
    header(title),
    ...(low ? [section(m.lowStock({ reorderPoint: qty(item.reorderPoint ?? 0) }))] : []),
    fields(figures),
    ...(counted.length > 0
      ? [context([under.leftOut({ bins: counted.length, counts: [...new Set(counted)].join(", ") })])]
      : []),
    section(`*${m.byLocation}*\n${binLines.join("\n") || m.nothingStocked}`),
  ];
  if (options.sharedBy) {
    blocks.push(context([m.sharedBy({ user: options.sharedBy })]));
  } else {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: actionIds.stockShare,
          text: { type: "plain_text", text: m.share },
          value: encodeShare({ itemId: item.id, warehouseId: options.warehouseId }),
        },
      ],
    });
  }
  const text = allCounted
    ? `${title}: ${under.bin({ number: [...new Set(counted)].join(", ") })}`
    : `${title}: ${m.onHand} ${qty(totals.onHand)}, ${m.available} ${qty(totals.available)}${counted.length > 0 ? ` (${under.textLeftOut})` : ""}`;
  return { text, blocks };
}

/** A page of matches, each with a Details button, and paging buttons when there is more. */
export function renderItemList(
  found: {
    items: ItemRow[];
    available: ReadonlyMap<number, VisibleAvailable>;
    total: number;
    offset: number;
    limit: number;
  },
  page: Omit<PageToken, "offset">,
  locale: Locale,
): EphemeralReply {
  const m = messages(locale).stock;
  const under = messages(locale).stockUnderCount;
  const shown = (item: ItemRow) => {
    const seen = found.available.get(item.id);
    if (!seen) return `${m.available} ${formatQuantity(0, item)}`;
    if (seen.allCounted) return under.bin({ number: seen.leftOut.counts.join(", ") });
    const figure = `${m.available} ${formatQuantity(seen.available, item)}`;
    return seen.leftOut.bins > 0 ? `${figure} ${under.listLeftOut({ bins: seen.leftOut.bins })}` : figure;
  };
  const from = found.offset + 1;
  const to = found.offset + found.items.length;
  const heading = m.matches({ total: found.total, query: escapeMrkdwn(page.query), from, to });
  const rows: KnownBlock[] = found.items.map((item, i) => ({
    type: "section",
    text: {
      type: "mrkdwn",
      text: clip(
        `\`${escapeMrkdwn(item.sku)}\` ${escapeMrkdwn(itemTitle(item, locale))} — ${shown(item)}`,
        3000,
      ),
    },
    accessory: {
      type: "button",
      action_id: `${actionIds.stockShowPrefix}${i}`,
      text: { type: "plain_text", text: m.details },
      value: encodeShare({ itemId: item.id, warehouseId: page.warehouseId }),
    },
  }));
  const paging = [
    ...(found.offset > 0
      ? [pageButton(m.previous, { ...page, offset: Math.max(0, found.offset - found.limit) })]
      : []),
    ...(to < found.total ? [pageButton(m.next, { ...page, offset: to })] : []),
  ];
  const blocks: KnownBlock[] = [section(heading), ...rows];
  if (paging.length > 0) blocks.push({ type: "actions", elements: paging });
  return { text: heading, blocks };
}

/** Nothing matched: say so, and offer the closest items. */
export function renderNoMatch(query: string, suggestions: ItemRow[], locale: Locale): EphemeralReply {
  const m = messages(locale).stock;
  const lines = suggestions.map(
    (item) => `• \`${escapeMrkdwn(item.sku)}\` ${escapeMrkdwn(itemTitle(item, locale))}`,
  );
  const shown = escapeMrkdwn(query);
  const text =
    lines.length > 0
      ? `${m.noMatch({ query: shown })}\n${m.suggestions}\n${lines.join("\n")}`
      : m.noMatch({ query: shown });
  return { text, blocks: [section(text)] };
}

function itemTitle(item: ItemRow, locale: Locale): string {
  return locale === "zh-CN" && item.nameZh
    ? `${item.nameZh} (${item.name})`
    : item.nameZh
      ? `${item.name} · ${item.nameZh}`
      : item.name;
}

function pageButton(text: string, token: PageToken) {
  return {
    type: "button" as const,
    action_id: `${actionIds.stockPagePrefix}${token.offset}`,
    text: { type: "plain_text" as const, text },
    value: encodePage(token),
  };
}

function sumBins(bins: ItemStock["locations"]) {
  return bins.reduce(
    (sum, l) => ({
      onHand: sum.onHand + l.onHand,
      reserved: sum.reserved + l.reserved,
      available: sum.available + l.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
}
