import type { InputProblem } from "../domain/errors.ts";
import {
  addDays,
  addMonths,
  type Day,
  daysInMonth,
  endOfMonth,
  isoWeekday,
  isRealDay,
  startOfMonth,
  startOfWeek,
  toDay,
  toYmd,
} from "./calendar.ts";
import {
  chineseWeekday,
  englishCount,
  englishWeekday,
  numeral,
  readChineseWeekday,
  readEnglishCount,
  readEnglishWeekday,
  readNumeral,
  readOffset,
} from "./date-words.ts";

/**
 * What a piece of text names, before it is placed on the calendar: a day (with the last day of
 * the period when it names one, like 下周 or "next month"), or a day that leaves out its year,
 * month or week and so depends on where it is counted from.
 */
export type Reading =
  | { kind: "day"; day: Day; through?: Day }
  | { kind: "monthDay"; month: number; day: number }
  | { kind: "dayOfMonth"; day: number }
  | { kind: "weekday"; weekday: number };

/** A reason to refuse, raised deep in the parser and turned into a JxcError at the surface. */
export class Refusal {
  constructor(readonly problem: InputProblem) {}
}

type Rule = [pattern: RegExp, read: (match: RegExpExecArray, today: Day) => Reading];

const casualDays: Record<string, number> = {
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
  today: 0,
  tomorrow: 1,
  tmr: 1,
  tmrw: 1,
  yesterday: -1,
  "day after tomorrow": 2,
  "the day after tomorrow": 2,
  "day before yesterday": -2,
  "the day before yesterday": -2,
};

const n = numeral;
const week = "(?:周|星期|礼拜)";
const later = "(?:后|以后|之后)";
const step = "(上上|上|本|这|下下|下)";

/** Chinese and numeric forms, matched with the spaces taken out. */
const compactRules: Rule[] = [
  [
    /^(今天|今日|明天|明日|后天|大后天|昨天|昨日|前天|大前天)$/,
    (m, today) => day(addDays(today, casualDays[at(m, 1)] ?? 0)),
  ],
  // 下周五 下星期五 下礼拜天 本周三 这个星期一 上周五 下下周一; 下周 = next Monday (through Sunday)
  [
    new RegExp(`^${step}个?${week}${chineseWeekday}?$`),
    (m, today) => weekOf(today, readOffset(m[1]), m[2] === undefined ? undefined : readChineseWeekday(m[2])),
  ],
  [
    new RegExp(`^${week}${chineseWeekday}$`),
    (m) => ({ kind: "weekday", weekday: readChineseWeekday(at(m, 1)) ?? 0 }),
  ],
  // 月底 本月底 下月底 下个月末 下月初 下个月 下月15号 本月3日
  [/^月(?:底|末)$/, (_m, today) => day(endOfMonth(today))],
  [
    new RegExp(`^${step}个?月(?:(底|末)|(初)|${n}(?:号|日))?$`),
    (m, today) => monthOf(today, readOffset(m[1]), m[2] ? "end" : m[3] ? 1 : m[4] ? number(m[4]) : undefined),
  ],
  // 年底 今年底 明年年底 明年初 今年 明年
  [/^(今|本|明|去)?年?年(底|末)$/, (m, today) => day(yearEnd(toYmd(today).year + readOffset(m[1])))],
  [/^(今|本|明|去)年(初)?$/, (m, today) => yearOf(toYmd(today).year + readOffset(m[1]), m[2] !== undefined)],
  // 2026年12月5日 二〇二六年十二月五号 明年3月1日 12月5日 十二月五号
  [
    new RegExp(`^(\\d{4}|[零〇一二三四五六七八九]{4})年${n}月${n}(?:日|号)?$`),
    (m) => fixed(number(m[1]), number(m[2]), number(m[3])),
  ],
  [
    new RegExp(`^(今|本|明|去)年${n}月${n}(?:日|号)?$`),
    (m, today) => fixed(toYmd(today).year + readOffset(m[1]), number(m[2]), number(m[3])),
  ],
  [new RegExp(`^${n}月${n}(?:日|号)?$`), (m) => monthDay(number(m[1]), number(m[2]))],
  // 5号 十五日
  [new RegExp(`^${n}(?:号|日)$`), (m) => dayOfMonth(number(m[1]))],
  // 3天后 三天以后 两周后 两个星期后 1个月后 一年后
  [
    new RegExp(`^${n}个?(天|日|周|星期|礼拜)${later}$`),
    (m, today) => ahead(today, number(m[1]), unitOf(m[2])),
  ],
  [new RegExp(`^${n}个(月)${later}$`), (m, today) => ahead(today, number(m[1]), "month")],
  [new RegExp(`^${n}(年)${later}$`), (m, today) => ahead(today, number(m[1]), "year")],
  // 2026-12-05 2026/12/5 2026.12.05 20261205 12/5 12/5/2026
  [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, (m) => fixed(number(m[1]), number(m[3]), number(m[4]))],
  [/^((?:19|20)\d{2})(\d{2})(\d{2})$/, (m) => fixed(number(m[1]), number(m[2]), number(m[3]))],
  [/^(\d{1,2})\/(\d{1,2})$/, (m) => monthDay(number(m[1]), number(m[2]))],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => fixed(number(m[3]), number(m[1]), number(m[2]))],
];

const englishStep = "(?:(last|this|next) )?";

/** English forms, matched on lower-case text with single spaces. */
const spacedRules: Rule[] = [
  [
    /^(today|tomorrow|tmr|tmrw|yesterday|(?:the )?day after tomorrow|(?:the )?day before yesterday)$/,
    (m, today) => day(addDays(today, casualDays[at(m, 1)] ?? 0)),
  ],
  // the 5th (this month's, or next month's once it has passed)
  [/^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/, (m) => dayOfMonth(number(m[1]))],
  // friday (the coming one) · this friday (today or later this week) · next friday (next week's) · last friday
  [
    new RegExp(`^${englishWeekday}$`),
    (m) => ({ kind: "weekday", weekday: readEnglishWeekday(at(m, 1)) ?? 0 }),
  ],
  [
    new RegExp(`^(this coming|coming|this) ${englishWeekday}$`),
    (m, today) => day(addDays(today, ((readEnglishWeekday(at(m, 2)) ?? 0) - isoWeekday(today) + 7) % 7)),
  ],
  [
    new RegExp(`^(next|last) ${englishWeekday}$`),
    (m, today) => weekOf(today, readOffset(m[1]), readEnglishWeekday(at(m, 2))),
  ],
  // next week (its Monday, through Sunday) · next month (its 1st) · this year
  [/^(last|this|next) week$/, (m, today) => weekOf(today, readOffset(m[1]), undefined)],
  [/^(last|this|next) month$/, (m, today) => monthOf(today, readOffset(m[1]), undefined)],
  [/^(last|this|next) year$/, (m, today) => yearOf(toYmd(today).year + readOffset(m[1]), false)],
  // end of month · eom · end of next month · month end · end of the year · eoy · start of next month
  [/^(?:eom|month[- ]end)$/, (_m, today) => day(endOfMonth(today))],
  [/^(?:eoy|year[- ]end)$/, (_m, today) => day(yearEnd(toYmd(today).year))],
  [
    new RegExp(`^(?:the )?(end|start|beginning) of (?:the )?${englishStep}(month|year)$`),
    (m, today) => {
      const offset = readOffset(m[2]);
      const first = m[1] !== "end";
      if (m[3] === "month") return monthOf(today, offset, first ? 1 : "end");
      const year = toYmd(today).year + offset;
      return first ? yearOf(year, true) : day(yearEnd(year));
    },
  ],
  // in 3 days · in a week · 2 weeks from now · 3 days later · in 1 month
  [
    new RegExp(`^in ${englishCount} (day|week|month|year)s?$`),
    (m, today) => ahead(today, readEnglishCount(at(m, 1)) ?? 0, unitOf(m[2])),
  ],
  [
    new RegExp(`^${englishCount} (day|week|month|year)s? (?:from (?:now|today)|later)$`),
    (m, today) => ahead(today, readEnglishCount(at(m, 1)) ?? 0, unitOf(m[2])),
  ],
];

/** The reading of a form written out here, or undefined to let chrono try. */
export function readByHand(text: string, today: Day): Reading | undefined {
  const compact = text.replace(/ /g, "");
  for (const [pattern, read] of compactRules) {
    const match = pattern.exec(compact);
    if (match) return read(match, today);
  }
  for (const [pattern, read] of spacedRules) {
    const match = pattern.exec(text);
    if (match) return read(match, today);
  }
  return undefined;
}

function at(match: RegExpExecArray, index: number): string {
  return match[index] ?? "";
}

function number(text: string | undefined): number {
  const value = text === undefined ? undefined : readNumeral(text);
  if (value === undefined) throw new Refusal("not_a_date");
  return value;
}

function day(value: Day, through?: Day): Reading {
  return through === undefined ? { kind: "day", day: value } : { kind: "day", day: value, through };
}

function fixed(year: number, month: number, dayOfMonth: number): Reading {
  if (!isRealDay(year, month, dayOfMonth)) throw new Refusal("no_such_day");
  return day(toDay({ year, month, day: dayOfMonth }));
}

/** Month and day without a year: must exist in some year (2月29日 yes, 2月30日 never). */
function monthDay(month: number, dayOfMonth: number): Reading {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(2000, month)) {
    throw new Refusal("no_such_day");
  }
  return { kind: "monthDay", month, day: dayOfMonth };
}

function dayOfMonth(value: number): Reading {
  if (value < 1 || value > 31) throw new Refusal("no_such_day");
  return { kind: "dayOfMonth", day: value };
}

/** A weekday of the week `offset` weeks away (weeks run Monday to Sunday), or that whole week. */
function weekOf(today: Day, offset: number, weekday: number | undefined): Reading {
  const monday = startOfWeek(today, offset);
  if (weekday === undefined) return day(monday, addDays(monday, 6));
  return day(addDays(monday, weekday - 1));
}

/** A day of the month `offset` months away, its last day, or (no day given) the whole month. */
function monthOf(today: Day, offset: number, which: number | "end" | undefined): Reading {
  const first = startOfMonth(today, offset);
  if (which === undefined) return day(first, endOfMonth(first));
  if (which === "end") return day(endOfMonth(first));
  const { year, month } = toYmd(first);
  return fixed(year, month, which);
}

function yearOf(year: number, firstDayOnly: boolean): Reading {
  if (year < 1 || year > 9999) throw new Refusal("no_such_day");
  const first = toDay({ year, month: 1, day: 1 });
  return firstDayOnly ? day(first) : day(first, yearEnd(year));
}

function yearEnd(year: number): Day {
  return toDay({ year, month: 12, day: 31 });
}

type Unit = "day" | "week" | "month" | "year";

function unitOf(word: string | undefined): Unit {
  if (word === "week" || word === "周" || word === "星期" || word === "礼拜") return "week";
  if (word === "month" || word === "月") return "month";
  if (word === "year" || word === "年") return "year";
  return "day";
}

/** Furthest ahead a relative form may reach: about ten years, in each unit. */
const maxAhead: Record<Unit, number> = { day: 3660, week: 520, month: 120, year: 10 };

function ahead(today: Day, count: number, unit: Unit): Reading {
  if (count > maxAhead[unit]) throw new Refusal("too_large");
  if (unit === "day") return day(addDays(today, count));
  if (unit === "week") return day(addDays(today, 7 * count));
  return day(addMonths(today, unit === "month" ? count : 12 * count));
}
