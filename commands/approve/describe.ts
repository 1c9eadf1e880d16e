import { z } from "zod";
import { formatMoney } from "../../src/domain/money.ts";
import type { AdjustReason } from "../../src/domain/stock/index.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay } from "../../src/text/dates.ts";
import { describeStocktake } from "../count/card.ts";
import { lineTexts, localName, priceCheck } from "../po/render.ts";
import { describeOverReceipt } from "../receive/notices.ts";
import { scoreLine } from "../supplier/score-render.ts";

/** Reads a frozen card summary field as text. */
function text(summary: Record<string, unknown>, key: string): string {
  const value = summary[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** A signed quantity as people write it: "+3 pcs", "−50 pcs". */
export function signedQuantity(qty: number, unit: string): string {
  return `${qty > 0 ? "+" : "−"}${Math.abs(qty).toLocaleString("en")} ${unit}`;
}

export function reasonName(locale: Locale, reason: string): string {
  const reasons = messages(locale).adjust.reasons;
  return reason in reasons ? reasons[reason as AdjustReason] : reason;
}

/** One line saying what a document is about, from the summary frozen when approval was asked. */
export function describeDocument(
  docType: string,
  summary: Record<string, unknown>,
  locale: Locale,
  currency: string,
): string {
  if (docType === "stock_adjustment") {
    const name =
      locale === "zh-CN" && text(summary, "nameZh") ? text(summary, "nameZh") : text(summary, "name");
    const note = text(summary, "note");
    const line = messages(locale).adjust.docLine({
      qty: signedQuantity(Number(summary.qtyDelta ?? 0), text(summary, "unit")),
      sku: escapeMrkdwn(text(summary, "sku")),
      name: escapeMrkdwn(name),
      place: escapeMrkdwn(`${text(summary, "warehouse")}/${text(summary, "bin")}`),
      reason: reasonName(locale, text(summary, "reason")),
    });
    return note ? `${line}\n> ${escapeMrkdwn(note)}` : line;
  }
  if (docType === "purchase_order") return describePurchaseOrder(summary, locale, currency);
  if (docType === "stocktake") return describeStocktake(summary, locale, currency);
  if (docType === "goods_receipt") return describeOverReceipt(summary, locale);
  return escapeMrkdwn(JSON.stringify(summary));
}

const poSummary = z.object({
  supplier: z.object({ code: z.string(), name: z.string(), nameZh: z.string().nullable() }),
  expectedDay: z.string(),
  deliveryTerms: z.string().nullable(),
  qualityStandard: z.string().nullable(),
  paymentTermsDays: z.number(),
  notes: z.string().nullable(),
  total: z.number(),
  lines: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      nameZh: z.string().nullable(),
      unit: z.string(),
      qty: z.number(),
      unitPrice: z.number(),
      lastPrice: z.number().nullable(),
    }),
  ),
  priceAlertPct: z.number(),
  spendThisMonth: z.number(),
  budget: z.number().nullable(),
  // Frozen at submission since the scorecard exists; older cards have none.
  scorecard: z
    .object({
      days: z.number(),
      onTime: z.tuple([z.number(), z.number()]),
      quality: z.tuple([z.number(), z.number()]),
      price: z.tuple([z.number(), z.number()]),
      compliance: z.tuple([z.number(), z.number()]),
    })
    .nullable()
    .optional(),
});

/** A PO for its approver: supplier, each line with its price check, terms, and the month's budget. */
function describePurchaseOrder(summary: Record<string, unknown>, locale: Locale, currency: string): string {
  const parsed = poSummary.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const po = parsed.data;
  const m = messages(locale).po;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const supplier = escapeMrkdwn(
    `${po.supplier.code} · ${localName(locale, po.supplier.name, po.supplier.nameZh)}`,
  );
  const lines = lineTexts(locale, currency, po.lines).map(
    (text, index) => `${text}
      _${priceCheck(locale, currency, po.lines[index] ?? { unitPrice: 0, lastPrice: null }, po.priceAlertPct)}_`,
  );
  const terms = [
    `*${m.expected}:* ${formatDay(po.expectedDay, locale)}`,
    `*${m.paymentTerms}:* ${m.paymentDays({ days: po.paymentTermsDays })}`,
    po.deliveryTerms ? `*${m.deliveryTerms}:* ${escapeMrkdwn(po.deliveryTerms)}` : "",
    po.qualityStandard ? `*${m.qualityStandard}:* ${escapeMrkdwn(po.qualityStandard)}` : "",
    po.notes ? `*${m.notes}:* ${escapeMrkdwn(po.notes)}` : "",
  ].filter(Boolean);
  const after = po.spendThisMonth + po.total;
  const spent = money(po.spendThisMonth);
  const budgetLine =
    po.budget === null
      ? m.noBudget({ spent, after: money(after) })
      : (after > po.budget ? m.budgetOver : m.budgetLine)({
          spent,
          after: money(after),
          budget: money(po.budget),
          pct: Math.round((after / po.budget) * 100),
        });
  const score = po.scorecard ? [`_${scoreLine(po.scorecard, locale)}_`] : [];
  return [`*${m.supplier}:* ${supplier}`, ...score, ...lines, terms.join(" · "), budgetLine].join("\n");
}
