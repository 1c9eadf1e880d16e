import type { KnownBlock } from "@slack/types";
import { formatMoney } from "../../src/domain/money.ts";
import type { PurchaseOrderView } from "../../src/domain/purchasing/reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, fields, header, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay } from "../../src/text/dates.ts";
import type { Company } from "../deps.ts";

/** A number of base units as people read it: "1,000 pcs". */
export function baseQuantity(qty: number, unit: string): string {
  return `${qty.toLocaleString("en")} ${unit}`;
}

/** The name to show in this language: the Chinese one when there is one and the reader reads Chinese. */
export function localName(locale: Locale, name: string, nameZh: string | null | undefined): string {
  return locale === "zh-CN" && nameZh ? nameZh : name;
}

/** "+20.0%" / "−5.0%": a price against the last one. */
export function priceDifference(price: number, last: number): { text: string; pct: number } {
  const pct = ((price - last) / last) * 100;
  const sign = pct > 0 ? "+" : pct < 0 ? "−" : "±";
  return { text: `${sign}${Math.abs(pct).toFixed(1)}%`, pct };
}

/** The price-check words for one line: unchanged, up or down, flagged past the alert. */
export function priceCheck(
  locale: Locale,
  currency: string,
  line: { unitPrice: number; lastPrice: number | null },
  alertPct: number,
): string {
  const m = messages(locale).po;
  if (line.lastPrice === null || line.lastPrice <= 0) return m.priceNew;
  const last = formatMoney(line.lastPrice, currency, locale);
  if (line.lastPrice === line.unitPrice) return m.priceSame({ last });
  const diff = priceDifference(line.unitPrice, line.lastPrice);
  return Math.abs(diff.pct) > alertPct
    ? m.priceFlag({ last, diff: diff.text, limit: alertPct })
    : m.priceDiff({ last, diff: diff.text });
}

/** The PO's lines, one per row: quantity, item, unit price and amount. */
export function lineTexts(
  locale: Locale,
  currency: string,
  lines: readonly {
    sku: string;
    name: string;
    nameZh: string | null;
    unit: string;
    qty: number;
    unitPrice: number;
  }[],
): string[] {
  const m = messages(locale).po;
  return lines.map((line, index) =>
    m.lineText({
      n: index + 1,
      qty: baseQuantity(line.qty, line.unit),
      sku: escapeMrkdwn(line.sku),
      name: escapeMrkdwn(localName(locale, line.name, line.nameZh)),
      price: formatMoney(line.unitPrice, currency, locale),
      amount: formatMoney(line.qty * line.unitPrice, currency, locale),
    }),
  );
}

/** The contract as it stands: every term, every line, the total and the status. */
export function renderPurchaseOrder(
  po: PurchaseOrderView,
  locale: Locale,
  company: Company,
  extra: { steps?: string[] } = {},
): { text: string; blocks: KnownBlock[] } {
  const m = messages(locale).po;
  const supplier = localName(locale, po.supplier.name, po.supplier.nameZh);
  const title = m.docTitle({ number: po.number, supplier });
  const currency = po.currency || company.currency;
  const optional = (value: string | null) => (value ? escapeMrkdwn(value) : m.none);
  const blocks: KnownBlock[] = [
    header(title),
    fields([
      `*${m.supplier}*\n${escapeMrkdwn(`${po.supplier.code} · ${supplier}`)}`,
      `*${m.status}*\n${m.statuses[po.status]}`,
      `*${m.expected}*\n${formatDay(po.expectedDay, locale)}`,
      `*${m.paymentTerms}*\n${m.paymentDays({ days: po.paymentTermsDays })}`,
      `*${m.deliveryTerms}*\n${optional(po.deliveryTerms)}`,
      `*${m.qualityStandard}*\n${optional(po.qualityStandard)}`,
      `*${m.total}*\n${formatMoney(po.total, currency, locale)}`,
      `*${m.createdBy}*\n<@${po.createdBy}>`,
    ]),
    section(clip(lineTexts(locale, currency, po.lines).join("\n"), limits.sectionText)),
  ];
  if (po.notes) blocks.push(section(`*${m.notes}*\n> ${escapeMrkdwn(po.notes)}`));
  if (extra.steps && extra.steps.length > 0) blocks.push(context(extra.steps));
  return { text: `${title} · ${m.statuses[po.status]}`, blocks };
}
