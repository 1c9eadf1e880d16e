import type { KnownBlock } from "@slack/types";
import { formatMoney } from "../../src/domain/money.ts";
import type { SupplierItemLine } from "../../src/domain/purchasing/supplier-terms-reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay } from "../../src/text/dates.ts";
import { actionIds } from "../names.ts";
import { baseQuantity, localName } from "../po/render.ts";

/** One item of a supplier's list in a line: price, MOQ, pack, their code, lead time, the next price. */
export function termsLine(line: SupplierItemLine, locale: Locale, currency: string): string {
  const m = messages(locale).supplierTerms;
  const qty = (n: number) => baseQuantity(n, line.unit);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const parts = [
    line.price ? m.price({ price: money(line.price.unitPrice), unit: line.unit }) : m.noPrice,
    line.moq !== null ? m.moq({ qty: qty(line.moq) }) : "",
    line.packSize !== null ? m.pack({ qty: qty(line.packSize) }) : "",
    line.supplierSku ? m.theirSku({ sku: escapeMrkdwn(line.supplierSku) }) : "",
    line.leadTimeDays !== null ? m.lead({ days: line.leadTimeDays }) : "",
    line.nextPrice
      ? m.nextPrice({
          price: money(line.nextPrice.unitPrice),
          day: formatDay(line.nextPrice.validFrom, locale),
        })
      : "",
  ].filter(Boolean);
  return m.line({
    sku: escapeMrkdwn(line.sku),
    name: escapeMrkdwn(localName(locale, line.name, line.nameZh)),
    terms: ` — ${parts.join(" · ")}`,
  });
}

/**
 * The supplier card's "Items & prices": up to `shown` lines, each with an Edit button for people
 * who may change terms, an "Add or change an item" button, and a pointer to the whole list.
 */
export function termsBlocks(
  page: { lines: SupplierItemLine[]; total: number },
  context: { supplierId: number; code: string; locale: Locale; currency: string; canEdit: boolean },
): KnownBlock[] {
  const m = messages(context.locale).supplierTerms;
  const heading = `*${m.title}* · ${m.count({ count: page.total })}`;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: page.total === 0 ? `${heading}\n${m.none}` : heading },
      ...(context.canEdit
        ? {
            accessory: {
              type: "button" as const,
              action_id: actionIds.supplierItemAdd,
              text: { type: "plain_text" as const, text: clip(m.add, limits.buttonText) },
              value: String(context.supplierId),
            },
          }
        : {}),
    },
  ];
  if (context.canEdit) {
    page.lines.forEach((line, index) => {
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: clip(termsLine(line, context.locale, context.currency), limits.sectionText),
        },
        accessory: {
          type: "button",
          action_id: `${actionIds.supplierItemEditPrefix}${index}`,
          text: { type: "plain_text", text: clip(m.edit, limits.buttonText) },
          value: `${context.supplierId}:${line.itemId}`,
        },
      });
    });
  } else if (page.lines.length > 0) {
    blocks.push(
      section(page.lines.map((line) => `• ${termsLine(line, context.locale, context.currency)}`).join("\n")),
    );
  }
  if (page.total > page.lines.length) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: m.more({ count: page.total - page.lines.length, code: escapeMrkdwn(context.code) }),
        },
      ],
    });
  }
  return blocks;
}

/** The whole list (`/supplier items <code>`) as sections of lines that stay within Slack's limits. */
export function termsListBlocks(
  lines: readonly SupplierItemLine[],
  locale: Locale,
  currency: string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const line of lines) {
    const text = `• ${termsLine(line, locale, currency)}`;
    if (chunk.length > 0 && length + text.length + 1 > limits.sectionText) {
      blocks.push(section(chunk.join("\n")));
      chunk = [];
      length = 0;
    }
    chunk.push(text);
    length += text.length + 1;
  }
  if (chunk.length > 0) blocks.push(section(chunk.join("\n")));
  return blocks;
}
