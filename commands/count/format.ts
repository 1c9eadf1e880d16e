import type { StocktakeScope } from "../../db/tables/stocktakes.ts";
import { formatMoney } from "../../src/domain/money.ts";
import type { ItemUnits } from "../../src/domain/quantity.ts";
import { listUnits } from "../../src/domain/quantity.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { signedQuantity } from "../approve/describe.ts";
import { baseQuantity } from "../po/render.ts";

/** A count's reach as people say it: "MAIN zone C", "MAIN（全仓）". */
export function scopeText(
  locale: Locale,
  count: { warehouse: string; scope: StocktakeScope | string; label: string },
): string {
  const m = messages(locale).count.scope;
  const parts = { warehouse: escapeMrkdwn(count.warehouse), label: escapeMrkdwn(count.label) };
  switch (count.scope) {
    case "zone":
      return m.zone(parts);
    case "bins":
      return m.bins(parts);
    case "items":
      return m.items(parts);
    default:
      return m.warehouse(parts);
  }
}

/** Basis points as a percentage with one decimal, rounded down so 99.99% never reads 100.0%. */
export function formatBp(bp: number | null | undefined): string {
  return `${(Math.floor((bp ?? 0) / 10) / 10).toFixed(1)}%`;
}

/** Money in the company currency, in the reader's language. */
export function money(currency: string, locale: Locale, minor: number): string {
  return formatMoney(minor, currency, locale);
}

/** A quantity in base units ("36 roll"); signed with + or − for variances and moves. */
export function quantity(qty: number, unit: string, signed = false): string {
  return signed ? signedQuantity(qty, unit) : baseQuantity(qty, unit);
}

/** The units a count may be typed in: "pcs · box = 100 pcs". */
export function unitsText(item: ItemUnits): string {
  return listUnits(item)
    .map((u) => (u.factor === 1 ? u.unit : `${u.unit} = ${u.factor} ${item.baseUnit}`))
    .join(" · ");
}
