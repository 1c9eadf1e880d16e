import { type InputProblem, JxcError } from "./errors.ts";

/** Largest amount we accept, in minor units: leaves room to sum many lines below 2^53. */
export const maxMoneyMinor = 1_000_000_000_000;

/** A decimal read exactly from text: value = digits / 10^scale. */
export interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/** Why text is not a plain non-negative decimal, or the decimal itself; shared by money and quantities. */
export type DecimalReading = { ok: true; value: ExactDecimal } | { ok: false; problem: InputProblem };

const plainNumber = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$|^\.(\d+)$/;
const scientific = /^(\d+)(?:\.(\d*))?e([+-]?\d{1,3})$/;

/**
 * Reads "1,234.56", "2.5", "2E+09" (what Excel writes for big numbers) exactly,
 * without floats. Signs are refused here so callers can say "negative".
 */
export function parseExactDecimal(text: string): DecimalReading {
  const input = text.trim();
  // Fast paths for what files mostly hold ("12", "12.50"); the general path below handles the rest.
  if (/^\d{1,15}$/.test(input)) return { ok: true, value: { digits: BigInt(input), scale: 0 } };
  const simple = /^(\d{1,12})\.(\d{1,6})$/.exec(input);
  if (simple) {
    const [, whole = "", fraction = ""] = simple;
    return { ok: true, value: { digits: BigInt(whole + fraction), scale: fraction.length } };
  }
  if (input === "") return { ok: false, problem: "empty" };
  if (/^[-−(]/.test(input) && /\d/.test(input)) return { ok: false, problem: "negative" };
  const body = input.startsWith("+") ? input.slice(1) : input;
  const plain = plainNumber.exec(body);
  if (plain) {
    const [whole = "", fraction = ""] = body.replaceAll(",", "").split(".");
    return { ok: true, value: { digits: BigInt(`${whole}${fraction}` || "0"), scale: fraction.length } };
  }
  const sci = scientific.exec(body.toLowerCase());
  if (sci) {
    const [, whole = "", fraction = "", exponent = "0"] = sci;
    const scale = fraction.length - Number(exponent);
    const digits = BigInt(`${whole}${fraction}`);
    if (scale >= 0) return { ok: true, value: { digits, scale } };
    return { ok: true, value: { digits: digits * 10n ** BigInt(-scale), scale: 0 } };
  }
  return { ok: false, problem: "not_a_number" };
}

/** Rescales an exact decimal to `scale` places; undefined when that would drop non-zero digits. */
export function rescaleDecimal(value: ExactDecimal, scale: number): bigint | undefined {
  if (value.scale <= scale) return value.digits * 10n ** BigInt(scale - value.scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  return value.digits % divisor === 0n ? value.digits / divisor : undefined;
}

const currencyMarks = /^(?:[¥$€£]|cny|rmb|usd|eur)\s*|\s*(?:元|块|圆|cny|rmb)$/gi;

/**
 * Parses an amount as people type it (`2.5`, `1,234.56`, `¥12`, `12元`) into
 * exact integer minor units. Extra decimals are refused unless they are zeros.
 */
export function parseMoney(input: string, currencyDecimals: number): number {
  const text = input.normalize("NFKC").trim().replace(currencyMarks, "");
  const reading = parseExactDecimal(text);
  if (!reading.ok) throw new JxcError("INVALID_MONEY", { input, problem: reading.problem });
  const minor = rescaleDecimal(reading.value, currencyDecimals);
  if (minor === undefined) throw new JxcError("INVALID_MONEY", { input, problem: "too_many_decimals" });
  if (minor > BigInt(maxMoneyMinor)) throw new JxcError("INVALID_MONEY", { input, problem: "too_large" });
  return Number(minor);
}

/** How many minor-unit digits a currency has (CNY 2, JPY 0, KWD 3), from ICU rather than a table. */
export function currencyDecimals(code: string): number {
  let decimals = decimalsByCurrency.get(code);
  if (decimals === undefined) {
    decimals = currencyFormatter("en", code).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(code, decimals);
  }
  return decimals;
}

const decimalsByCurrency = new Map<string, number>();

// Building an Intl.NumberFormat costs tens of microseconds; every /stock card formats several amounts.
const formatters = new Map<string, Intl.NumberFormat>();
function currencyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Minor units as a plain decimal string ("1234.50"): exact, and what CSV exports write. */
export function formatMoneyPlain(minor: number, decimals: number): string {
  const negative = minor < 0;
  const digits = Math.round(Math.abs(minor))
    .toString()
    .padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}`;
}

/**
 * Minor units for people to read, e.g. ¥1,234.50 (zh-CN) or CN¥1,234.50 (en): ICU's layout for
 * the locale and currency, learned once, applied to the exact digits (a call into ICU for each
 * amount was 3% of a /stock card's CPU in the server).
 */
export function formatMoney(minor: number, currency: string, locale: "en" | "zh-CN"): string {
  const decimals = currencyDecimals(currency);
  const layout = moneyLayout(locale, currency);
  const plain = formatMoneyPlain(Math.abs(minor), decimals);
  const whole = decimals > 0 ? plain.slice(0, plain.length - decimals - 1) : plain;
  const fraction = decimals > 0 ? `${layout.decimal}${plain.slice(plain.length - decimals)}` : "";
  const [before, after] = minor < 0 ? layout.negative : layout.positive;
  return `${before}${groupThousands(whole, layout.group)}${fraction}${after}`;
}

/** What ICU writes around the digits of a positive and a negative amount, and its separators. */
interface MoneyLayout {
  positive: [string, string];
  negative: [string, string];
  group: string;
  decimal: string;
}

const layouts = new Map<string, MoneyLayout>();
function moneyLayout(locale: string, currency: string): MoneyLayout {
  const key = `${locale}:${currency}`;
  let layout = layouts.get(key);
  if (!layout) {
    const formatter = currencyFormatter(locale, currency);
    const positive = formatter.formatToParts(1234567.5);
    layout = {
      positive: aroundDigits(positive),
      negative: aroundDigits(formatter.formatToParts(-1234567.5)),
      group: positive.find((part) => part.type === "group")?.value ?? ",",
      decimal: positive.find((part) => part.type === "decimal")?.value ?? ".",
    };
    layouts.set(key, layout);
  }
  return layout;
}

const numberParts = new Set<string>(["integer", "group", "decimal", "fraction"]);
function aroundDigits(parts: Intl.NumberFormatPart[]): [string, string] {
  const first = parts.findIndex((part) => numberParts.has(part.type));
  const last = parts.findLastIndex((part) => numberParts.has(part.type));
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join("");
  return [text(0, first), text(last + 1, parts.length)];
}

function groupThousands(digits: string, separator: string): string {
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += separator + digits.slice(i, i + 3);
  return grouped;
}
