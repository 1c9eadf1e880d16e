import type { KnownBlock } from "@slack/types";
import { formatMoney } from "../../src/domain/money.ts";
import type { ScoreSummary, SupplierScorecard } from "../../src/domain/purchasing/scorecard.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { context, type EphemeralReply, fields, header, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { daysBetween } from "../../src/text/calendar.ts";
import { formatDay } from "../../src/text/dates.ts";
import { localName } from "../po/render.ts";
import type { Supplier } from "../po/suppliers.ts";

/** "80.0%": part of a whole, one decimal. */
export function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** "+2.1%" / "−0.5%" / "±0.0%": a difference against a reference. */
function signedPercent(diff: number, base: number): string {
  const pct = base === 0 ? 0 : (diff / base) * 100;
  const sign = pct > 0 ? "+" : pct < 0 ? "−" : "±";
  return `${sign}${Math.abs(pct).toFixed(1)}%`;
}

function signedMoney(minor: number, currency: string, locale: Locale): string {
  const sign = minor > 0 ? "+" : minor < 0 ? "−" : "±";
  return `${sign}${formatMoney(Math.abs(minor), currency, locale)}`;
}

const count = (n: number) => n.toLocaleString("en");

/** The scorecard for people: the four figures with the counts behind them, and what each means. */
export function renderScorecard(
  card: SupplierScorecard,
  supplier: Supplier,
  locale: Locale,
  currency: string,
): EphemeralReply {
  const m = messages(locale).scorecard;
  const title = m.title({ name: localName(locale, supplier.name, supplier.nameZh), code: supplier.code });
  const { onTime, quality, price, compliance } = card;
  const period = m.period({
    from: formatDay(card.period.from, locale),
    to: formatDay(card.period.to, locale),
    days: daysBetween(card.period.from, card.period.to) + 1,
  });
  const blocks: KnownBlock[] = [header(title), context([period])];
  if (onTime.due === 0 && quality.receipts === 0 && price.lines === 0) {
    blocks.push(section(m.nothing({ code: escapeMrkdwn(supplier.code) })));
    return { text: `${title}: ${m.nothing({ code: supplier.code })}`, blocks };
  }
  const onTimeText =
    onTime.due === 0 ? m.onTimeNone : m.onTimeValue({ pct: percent(onTime.onTime, onTime.due), ...onTime });
  const qualityText =
    quality.received === 0
      ? m.qualityNone
      : m.qualityValue({
          pct: percent(quality.accepted, quality.received),
          accepted: count(quality.accepted),
          received: count(quality.received),
          receipts: quality.receipts,
          rejected: count(quality.rejected),
          rejectedLines: quality.rejectedLines,
        });
  const compared = price.vsList + price.vsPrevious;
  const priceText =
    price.lines === 0
      ? m.priceNone
      : compared === 0
        ? m.priceNoReference({ lines: price.lines })
        : m.priceValue({
            pct: signedPercent(price.variance, price.reference),
            amount: signedMoney(price.variance, currency, locale),
            ...price,
          });
  const complianceText =
    compliance.due === 0
      ? m.complianceNone
      : m.complianceValue({ pct: percent(compliance.compliant, compliance.due), ...compliance });
  blocks.push(
    fields([
      `*${m.onTime}*\n${onTimeText}`,
      `*${m.quality}*\n${qualityText}`,
      `*${m.price}*\n${priceText}`,
      `*${m.compliance}*\n${complianceText}`,
    ]),
    context([m.definitions]),
  );
  return { text: title, blocks };
}

/** The approval card's line: the scorecard frozen when the PO was submitted. */
export function scoreLine(summary: ScoreSummary, locale: Locale): string {
  const m = messages(locale).scorecard;
  const [onTime, due] = summary.onTime;
  const [accepted, received] = summary.quality;
  const [variance, reference] = summary.price;
  const [compliant, duePos] = summary.compliance;
  const parts = [
    due > 0 ? m.cardOnTime({ pct: percent(onTime, due), onTime, due }) : "",
    received > 0 ? m.cardQuality({ pct: percent(accepted, received) }) : "",
    reference > 0 ? m.cardPrice({ pct: signedPercent(variance, reference) }) : "",
    duePos > 0 ? m.cardCompliance({ pct: percent(compliant, duePos), compliant, due: duePos }) : "",
  ].filter(Boolean);
  return m.cardLine({ days: summary.days, parts: parts.length > 0 ? parts.join(" · ") : m.cardNothing });
}
