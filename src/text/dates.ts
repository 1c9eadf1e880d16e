import * as chrono from "chrono-node";
import { type InputProblem, JxcError } from "../domain/errors.ts";
import type { Locale } from "../i18n/index.ts";
import {
  addDays,
  type Day,
  daysInMonth,
  isoWeekday,
  isRealDay,
  startOfMonth,
  startOfWeek,
  toDay,
  toYmd,
  wallClockIn,
} from "./calendar.ts";
import { type Reading, Refusal, readByHand } from "./date-rules.ts";

export { addDays, type Day, formatDay, todayIn } from "./calendar.ts";

export interface ParseDayOptions {
  /** The instant to count from, epoch ms (a Clock's now()). */
  now: number;
  /** The company time zone (IANA), where "today" is decided. */
  timeZone: string;
  /** The user's language; both languages are always understood, this only decides which is tried first. */
  locale?: Locale;
  /**
   * Accept days before today (report periods). Without it the parser looks forward (delivery dates):
   * forms without a year, month or week roll forward, and a day that has passed is refused.
   * With it they stay in the current year, month or week.
   */
  allowPast?: boolean;
  /** The input field, carried on the error so a modal can show it beside the field. */
  field?: string;
}

/** Longest text we try to read as a date or a range: far more than any date needs. */
export const maxDateTextLength = 80;

/**
 * A calendar day in the company time zone from what people type, in English or Chinese:
 * "2026-12-05", "12/5", "12月5日", "next friday", "下周五", "月底", "in 3 days", "3天后"…
 * Throws JxcError INVALID_INPUT (problem not_a_date, no_such_day, in_the_past, empty, too_long).
 */
export function parseDay(input: string, options: ParseDayOptions): { day: Day } {
  try {
    const context = contextOf(input, options);
    const placed = place(
      read(context.text, context),
      context.today,
      options.allowPast ? "current" : "forward",
    );
    return { day: checked(placed.day, context) };
  } catch (error) {
    throw refusalOf(error, input, options.field);
  }
}

/**
 * A span of days, both ends included: "2026-12-01 to 2026-12-10", "12月1日到12月10日", "12/1-12/10",
 * "from monday to friday", "下周一至下周五", "12月1日至10日", or one period: "下周", "本月", "next month".
 * An end that leaves out the year, month or week is the first such day on or after the start.
 */
export function parseDayRange(input: string, options: ParseDayOptions): { from: Day; to: Day } {
  try {
    const context = contextOf(input, options);
    const mode = options.allowPast ? "current" : "forward";
    const { text, between } = stripRangeWords(context.text);
    let problem: InputProblem = "not_a_date";
    const whole = attempt(() => read(text, context));
    if (whole.ok) {
      const placed = place(whole.value, context.today, mode);
      return { from: checked(placed.day, context), to: placed.through };
    }
    if (whole.problem !== "not_a_date") problem = whole.problem;
    for (const [left, right] of splits(text, between)) {
      const range = attempt(() => {
        const start = place(read(left, context), context.today, mode);
        const endReading = read(right, context);
        if (endReading.kind === "monthDay" && endReading.month === toYmd(start.day).month) {
          // "12月10日至12月1日" is a slip, not a year-long range
          if (endReading.day < toYmd(start.day).day) throw new Refusal("ends_before_start");
        }
        const end =
          endReading.kind === "day"
            ? place(endReading, context.today, mode)
            : onOrAfter(endReading, start.day);
        if (end.through < start.day) throw new Refusal("ends_before_start");
        return { from: checked(start.day, context), to: end.through };
      });
      if (range.ok) return range.value;
      if (problem === "not_a_date") problem = range.problem;
    }
    throw new Refusal(problem);
  } catch (error) {
    throw refusalOf(error, input, options.field);
  }
}

function refusalOf(error: unknown, input: string, field: string | undefined): unknown {
  if (!(error instanceof Refusal)) return error;
  return new JxcError("INVALID_INPUT", { input, problem: error.problem }, field);
}

function attempt<T>(run: () => T): { ok: true; value: T } | { ok: false; problem: InputProblem } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

interface Context {
  text: string;
  today: Day;
  allowPast: boolean;
  locale: Locale;
  /** The company's wall clock as a local Date, the frame chrono computes in. */
  reference: () => Date;
}

function contextOf(input: string, options: ParseDayOptions): Context {
  const text = normalize(input);
  const clock = wallClockIn(options.timeZone, options.now);
  return {
    text,
    today: toDay(clock),
    allowPast: options.allowPast ?? false,
    locale: options.locale ?? "en",
    reference: () => new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second),
  };
}

/** Full-width digits and punctuation folded (NFKC), lower case, single spaces, no trailing full stop. */
function normalize(input: string): string {
  const text = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.。!！?？,，]+$/u, "")
    .replace(/^(?:on|by) /, "");
  if (text === "") throw new Refusal("empty");
  if (text.length > maxDateTextLength) throw new Refusal("too_long");
  return text;
}

function checked(day: Day, context: Context): Day {
  if (!context.allowPast && day < context.today) throw new Refusal("in_the_past");
  return day;
}

/** The hand-written forms first (they fix the meaning of 下周, 月底, next month…), then chrono's parsers. */
function read(text: string, context: Context): Reading {
  const byHand = readByHand(text, context.today);
  if (byHand) return byHand;
  const parsers =
    context.locale === "zh-CN"
      ? [chrono.zh.hans.casual, chrono.casual]
      : [chrono.casual, chrono.zh.hans.casual];
  for (const parser of parsers) {
    const reading = readWithChrono(parser, text, context.reference());
    if (reading) return reading;
  }
  throw new Refusal("not_a_date");
}

/** chrono's answer, only when it read the whole text as one day (not a time alone, not a range). */
function readWithChrono(parser: chrono.Chrono, text: string, reference: Date): Reading | undefined {
  const results = parser.parse(text, reference);
  const [result] = results;
  if (results.length !== 1 || !result || result.index !== 0 || result.text !== text || result.end)
    return undefined;
  const { start } = result;
  const year = start.get("year");
  const month = start.get("month");
  const day = start.get("day");
  if (year === null || month === null || day === null || !start.isCertain("day")) return undefined;
  if (!start.isCertain("month")) return { kind: "dayOfMonth", day };
  if (!start.isCertain("year")) return { kind: "monthDay", month, day };
  return isRealDay(year, month, day) ? { kind: "day", day: toDay({ year, month, day }) } : undefined;
}

type Mode = "forward" | "current";

/** Where a reading falls on the calendar, counted from today. */
function place(reading: Reading, today: Day, mode: Mode): { day: Day; through: Day } {
  if (reading.kind === "day") return { day: reading.day, through: reading.through ?? reading.day };
  if (mode === "forward") {
    if (reading.kind === "weekday")
      return single(addDays(today, ((reading.weekday - isoWeekday(today) + 6) % 7) + 1));
    return onOrAfter(reading, today);
  }
  const { year, month } = toYmd(today);
  switch (reading.kind) {
    case "weekday":
      return single(addDays(startOfWeek(today), reading.weekday - 1));
    case "monthDay":
      return single(realDay(year, reading.month, reading.day));
    case "dayOfMonth":
      return single(realDay(year, month, reading.day));
  }
}

/** The first day the reading names on or after `anchor`; a range's end is placed this way from its start. */
function onOrAfter(reading: Exclude<Reading, { kind: "day" }>, anchor: Day): { day: Day; through: Day } {
  const { year, month, day } = toYmd(anchor);
  switch (reading.kind) {
    case "weekday":
      return single(addDays(anchor, (reading.weekday - isoWeekday(anchor) + 7) % 7));
    case "monthDay": {
      for (const y of [year, year + 1]) {
        const candidate =
          isRealDay(y, reading.month, reading.day) &&
          toDay({ year: y, month: reading.month, day: reading.day });
        if (candidate && candidate >= anchor) return single(candidate);
      }
      throw new Refusal("no_such_day");
    }
    case "dayOfMonth": {
      for (const first of [startOfMonth(anchor), startOfMonth(anchor, 1)]) {
        const { year: y, month: m } = toYmd(first);
        if (reading.day <= daysInMonth(y, m) && (y !== year || m !== month || reading.day >= day)) {
          return single(toDay({ year: y, month: m, day: reading.day }));
        }
      }
      throw new Refusal("no_such_day");
    }
  }
}

function single(day: Day): { day: Day; through: Day } {
  return { day, through: day };
}

function realDay(year: number, month: number, day: number): Day {
  if (!isRealDay(year, month, day)) throw new Refusal("no_such_day");
  return toDay({ year, month, day });
}

/** "from …", "between … and …", "从…", "…为止" around a range. */
function stripRangeWords(text: string): { text: string; between: boolean } {
  const between = /^between /.test(text);
  const stripped = text
    .replace(/^(?:from|between) /, "")
    .replace(/^(?:从|自|由)\s*/, "")
    .replace(/\s*为止$/, "");
  return { text: stripped, between };
}

const rangeSeparators = [
  " to ",
  " until ",
  " till ",
  " through ",
  " thru ",
  "-",
  "–",
  "—",
  "~",
  "〜",
  "至",
  "到",
];

/** Every way to cut the text at a separator into a start and an end. */
function* splits(text: string, between: boolean): Generator<[string, string]> {
  const separators = between ? [" and ", ...rangeSeparators] : rangeSeparators;
  for (const separator of separators) {
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
      const left = text.slice(0, at).trim();
      const right = text.slice(at + separator.length).trim();
      if (left && right) yield [left, right];
    }
  }
}
