import type { Locale } from "../i18n/index.ts";

/**
 * Calendar days as "YYYY-MM-DD" strings. All arithmetic is on the proleptic
 * Gregorian calendar through Date.UTC, so the machine's time zone never matters;
 * the company's time zone enters only in todayIn.
 */

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toDay({ year, month, day }: Ymd): Day {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The parts of a "YYYY-MM-DD" day; a RangeError for anything else (a programming error, not user input). */
export function toYmd(day: Day): Ymd {
  const match = dayShape.exec(day);
  const ymd = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!ymd || !isRealDay(ymd.year, ymd.month, ymd.day)) throw new RangeError(`not a calendar day: ${day}`);
  return ymd;
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return toDay({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function utcOf(day: Day): number {
  const { year, month, day: d } = toYmd(day);
  const date = new Date(Date.UTC(2000, month - 1, d));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  return date.getTime();
}

/** The day n days later (earlier when n < 0). */
export function addDays(day: Day, n: number): Day {
  return fromUtc(utcOf(day) + n * 86_400_000);
}

/** The same day of the month n months later, or that month's last day when it is shorter (Jan 31 + 1 → Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = toYmd(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toDay({ year: y, month: m, day: Math.min(d, daysInMonth(y, m)) });
}

/** The first day of the month n months after the one `day` is in. */
export function startOfMonth(day: Day, n = 0): Day {
  const { year, month } = toYmd(day);
  return addMonths(toDay({ year, month, day: 1 }), n);
}

/** The last day of the month n months after the one `day` is in. */
export function endOfMonth(day: Day, n = 0): Day {
  const { year, month } = toYmd(startOfMonth(day, n));
  return toDay({ year, month, day: daysInMonth(year, month) });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  return new Date(utcOf(day)).getUTCDay() || 7;
}

/** The Monday of the week (Monday to Sunday) n weeks after the one `day` is in. */
export function startOfWeek(day: Day, n = 0): Day {
  return addDays(day, 1 - isoWeekday(day) + 7 * n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcOf(to) - utcOf(from)) / 86_400_000);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of a time zone at an instant: its calendar day and time of day. */
export function wallClockIn(
  timeZone: string,
  now: number,
): Ymd & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of zoneFormat(timeZone).formatToParts(now)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The calendar day it is in `timeZone` at the instant `now` (epoch ms). */
export function todayIn(timeZone: string, now: number): Day {
  return toDay(wallClockIn(timeZone, now));
}

const enWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const enMonths = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
const zhWeekdays = ["一", "二", "三", "四", "五", "六", "日"] as const;

/** A day as people read it: "Fri 5 Dec 2026" / "2026年12月5日 周五". */
export function formatDay(day: Day, locale: Locale): string {
  const { year, month, day: d } = toYmd(day);
  const weekday = isoWeekday(day) - 1;
  if (locale === "zh-CN") return `${year}年${month}月${d}日 周${zhWeekdays[weekday]}`;
  return `${enWeekdays[weekday]} ${d} ${enMonths[month - 1]} ${year}`;
}
