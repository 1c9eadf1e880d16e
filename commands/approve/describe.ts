import type { AdjustReason } from "../../src/domain/stock/index.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";

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
export function describeDocument(docType: string, summary: Record<string, unknown>, locale: Locale): string {
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
  return escapeMrkdwn(JSON.stringify(summary));
}
