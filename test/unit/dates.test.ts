import { afterEach, describe, expect, it } from "vitest";
import { JxcError } from "../../src/domain/errors.ts";
import { describeError } from "../../src/i18n/index.ts";
import { addMonths, endOfMonth, isoWeekday, startOfWeek, toYmd } from "../../src/text/calendar.ts";
import {
  addDays,
  formatDay,
  type ParseDayOptions,
  parseDay,
  parseDayRange,
  todayIn,
} from "../../src/text/dates.ts";

const shanghai = "Asia/Shanghai";
/** Wednesday 2026-11-25, 10:00 in Shanghai. */
const wednesday = Date.parse("2026-11-25T10:00:00+08:00");
const at = (now: number, extra: Partial<ParseDayOptions> = {}): ParseDayOptions => ({
  now,
  timeZone: shanghai,
  ...extra,
});
const day = (text: string, options: ParseDayOptions = at(wednesday)) => parseDay(text, options).day;
const range = (text: string, options: ParseDayOptions = at(wednesday)) => parseDayRange(text, options);

function refusal(run: () => unknown): { code: string; problem: unknown; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof JxcError)
      return { code: error.code, problem: error.params.problem, field: error.field };
    throw error;
  }
  throw new Error("expected a JxcError");
}

/** What people type on Wednesday 2026-11-25 in Shanghai, and the day they mean. */
const table: [string, string][] = [
  // Chinese: days
  ["今天", "2026-11-25"],
  ["明天", "2026-11-26"],
  ["后天", "2026-11-27"],
  ["大后天", "2026-11-28"],
  // Chinese: weeks (Monday to Sunday)
  ["下周", "2026-11-30"],
  ["下周五", "2026-12-04"],
  ["下星期五", "2026-12-04"],
  ["下礼拜五", "2026-12-04"],
  ["下周一", "2026-11-30"],
  ["下周日", "2026-12-06"],
  ["下星期天", "2026-12-06"],
  ["下礼拜天", "2026-12-06"],
  ["下下周一", "2026-12-07"],
  ["本周五", "2026-11-27"],
  ["这周五", "2026-11-27"],
  ["这个星期六", "2026-11-28"],
  ["本周日", "2026-11-29"],
  ["周五", "2026-11-27"],
  ["星期五", "2026-11-27"],
  ["礼拜一", "2026-11-30"],
  ["周三", "2026-12-02"],
  // Chinese: months and years
  ["月底", "2026-11-30"],
  ["月末", "2026-11-30"],
  ["本月底", "2026-11-30"],
  ["下月底", "2026-12-31"],
  ["下个月底", "2026-12-31"],
  ["下个月", "2026-12-01"],
  ["下月", "2026-12-01"],
  ["下月初", "2026-12-01"],
  ["下个月15号", "2026-12-15"],
  ["下月5日", "2026-12-05"],
  ["本月28号", "2026-11-28"],
  ["年底", "2026-12-31"],
  ["明年底", "2027-12-31"],
  ["明年3月1日", "2027-03-01"],
  // Chinese: month and day
  ["12月5日", "2026-12-05"],
  ["12月5号", "2026-12-05"],
  ["十二月五日", "2026-12-05"],
  ["１２月５日", "2026-12-05"],
  ["11月25日", "2026-11-25"],
  ["11月24日", "2027-11-24"],
  ["1月5日", "2027-01-05"],
  ["2026年12月5日", "2026-12-05"],
  ["二〇二七年一月二十日", "2027-01-20"],
  ["5号", "2026-12-05"],
  ["28号", "2026-11-28"],
  ["二十五号", "2026-11-25"],
  ["30日", "2026-11-30"],
  // Chinese: counted ahead
  ["3天后", "2026-11-28"],
  ["三天以后", "2026-11-28"],
  ["两周后", "2026-12-09"],
  ["两个星期后", "2026-12-09"],
  ["1个月后", "2026-12-25"],
  ["一年后", "2027-11-25"],
  // English
  ["today", "2026-11-25"],
  ["Tomorrow", "2026-11-26"],
  ["tmr", "2026-11-26"],
  ["the day after tomorrow", "2026-11-27"],
  ["friday", "2026-11-27"],
  ["Fri", "2026-11-27"],
  ["on Friday", "2026-11-27"],
  ["by friday", "2026-11-27"],
  ["monday", "2026-11-30"],
  ["wednesday", "2026-12-02"],
  ["this wednesday", "2026-11-25"],
  ["this friday", "2026-11-27"],
  ["this monday", "2026-11-30"],
  ["next friday", "2026-12-04"],
  ["next tue", "2026-12-01"],
  ["next week", "2026-11-30"],
  ["next month", "2026-12-01"],
  ["end of month", "2026-11-30"],
  ["end of the month", "2026-11-30"],
  ["eom", "2026-11-30"],
  ["EOM.", "2026-11-30"],
  ["end of next month", "2026-12-31"],
  ["start of next month", "2026-12-01"],
  ["end of year", "2026-12-31"],
  ["in 3 days", "2026-11-28"],
  ["in a week", "2026-12-02"],
  ["2 weeks from now", "2026-12-09"],
  ["3 days later", "2026-11-28"],
  ["in 2 months", "2027-01-25"],
  ["the 5th", "2026-12-05"],
  ["dec 5", "2026-12-05"],
  ["5 December", "2026-12-05"],
  ["December 5th, 2026", "2026-12-05"],
  ["jan 5", "2027-01-05"],
  ["tomorrow 3pm", "2026-11-26"],
  // numbers
  ["2026-12-05", "2026-12-05"],
  ["2026-12-5", "2026-12-05"],
  ["2026/12/05", "2026-12-05"],
  ["2026.12.05", "2026-12-05"],
  ["20261205", "2026-12-05"],
  ["12/5", "2026-12-05"],
  ["1/5", "2027-01-05"],
  ["12/5/2026", "2026-12-05"],
  [" 2026-12-05 ", "2026-12-05"],
];

describe("parseDay", () => {
  it("reads what people type in either language, looking forward from Wednesday 25 November", () => {
    const misread = table
      .map(([input, expected]) => ({ input, expected, got: attemptDay(input) }))
      .filter(({ expected, got }) => got !== expected);
    expect(misread).toEqual([]);
    expect(table.length).toBeGreaterThanOrEqual(50);
  });

  it("understands both languages whatever the user's locale", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      expect(day("下周五", at(wednesday, { locale }))).toBe("2026-12-04");
      expect(day("next friday", at(wednesday, { locale }))).toBe("2026-12-04");
      expect(day("dec 5", at(wednesday, { locale }))).toBe("2026-12-05");
      expect(day("十二月五日", at(wednesday, { locale }))).toBe("2026-12-05");
    }
  });

  it("reads a bare weekday as the next one after today, so 'friday' on a Friday is a week away", () => {
    const friday = Date.parse("2026-11-27T10:00:00+08:00");
    expect(day("friday", at(friday))).toBe("2026-12-04");
    expect(day("周五", at(friday))).toBe("2026-12-04");
    expect(day("星期五", at(friday))).toBe("2026-12-04");
    expect(day("this friday", at(friday))).toBe("2026-11-27");
    expect(day("本周五", at(friday))).toBe("2026-11-27");
    expect(day("today", at(friday))).toBe("2026-11-27");
    expect(day("next friday", at(friday))).toBe("2026-12-04");
    expect(day("下周五", at(friday))).toBe("2026-12-04");
    const sunday = Date.parse("2026-11-29T10:00:00+08:00");
    expect(day("下周", at(sunday))).toBe("2026-11-30");
    expect(day("下周五", at(sunday))).toBe("2026-12-04");
    expect(day("周日", at(sunday))).toBe("2026-12-06");
  });

  it("handles month ends: 31 January + 下个月 is 1 February, + 1个月后 is the 28th", () => {
    const january31 = Date.parse("2027-01-31T09:00:00+08:00");
    expect(day("下个月", at(january31))).toBe("2027-02-01");
    expect(day("next month", at(january31))).toBe("2027-02-01");
    expect(day("下月底", at(january31))).toBe("2027-02-28");
    expect(day("end of next month", at(january31))).toBe("2027-02-28");
    expect(day("1个月后", at(january31))).toBe("2027-02-28");
    expect(day("in 1 month", at(january31))).toBe("2027-02-28");
    expect(day("月底", at(january31))).toBe("2027-01-31");
    expect(day("31号", at(january31))).toBe("2027-01-31");
    expect(refusal(() => day("下个月30号", at(january31))).problem).toBe("no_such_day");
    // the 30th has passed and February has none
    expect(refusal(() => day("30号", at(january31))).problem).toBe("no_such_day");
    const leapJanuary = Date.parse("2028-01-31T09:00:00+08:00");
    expect(day("下月底", at(leapJanuary))).toBe("2028-02-29");
    expect(day("2月29日", at(leapJanuary))).toBe("2028-02-29");
    // November has no 31st, so 31号 is December's
    expect(day("31号")).toBe("2026-12-31");
  });

  it("rolls over the year: 下周五 on 30 December is in January", () => {
    const december30 = Date.parse("2026-12-30T16:00:00+08:00");
    expect(day("下周五", at(december30))).toBe("2027-01-08");
    expect(day("next friday", at(december30))).toBe("2027-01-08");
    expect(day("下周", at(december30))).toBe("2027-01-04");
    expect(day("下个月", at(december30))).toBe("2027-01-01");
    expect(day("3天后", at(december30))).toBe("2027-01-02");
    expect(day("1月2日", at(december30))).toBe("2027-01-02");
    expect(day("12月31日", at(december30))).toBe("2026-12-31");
    expect(day("12月29日", at(december30))).toBe("2027-12-29");
    expect(day("年底", at(december30))).toBe("2026-12-31");
    expect(day("friday", at(december30))).toBe("2027-01-01");
  });

  it("decides today in the company time zone, not UTC or the machine's", () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai and 11:30 on the 25th in New York
    const nearMidnight = Date.parse("2026-11-25T16:30:00Z");
    expect(todayIn("UTC", nearMidnight)).toBe("2026-11-25");
    expect(todayIn(shanghai, nearMidnight)).toBe("2026-11-26");
    expect(todayIn("America/New_York", nearMidnight)).toBe("2026-11-25");
    expect(day("今天", at(nearMidnight))).toBe("2026-11-26");
    expect(day("today", { now: nearMidnight, timeZone: "UTC" })).toBe("2026-11-25");
    expect(day("tomorrow", at(nearMidnight))).toBe("2026-11-27");
    expect(day("tomorrow", { now: nearMidnight, timeZone: "UTC" })).toBe("2026-11-26");
    expect(day("in 3 days", at(nearMidnight))).toBe("2026-11-29");
    expect(day("dec 5", { now: nearMidnight, timeZone: "America/New_York" })).toBe("2026-12-05");
    // Thursday in Shanghai, still Wednesday in UTC
    expect(day("friday", at(nearMidnight))).toBe("2026-11-27");
    expect(day("thursday", at(nearMidnight))).toBe("2026-12-03");
    expect(day("thursday", { now: nearMidnight, timeZone: "UTC" })).toBe("2026-11-26");
    expect(day("26号", { now: nearMidnight, timeZone: "UTC" })).toBe("2026-11-26");
    // in New York the 25th has not passed yet
    expect(day("25号", { now: nearMidnight, timeZone: "America/New_York" })).toBe("2026-11-25");
    expect(day("25号", at(nearMidnight))).toBe("2026-12-25");
  });

  describe("whatever the machine's time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it("gives the same answers", () => {
      for (const zone of ["UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
        process.env.TZ = zone;
        // the change reached the Date implementation
        const offset = new Date(2026, 0, 1).getTimezoneOffset();
        expect({ zone, offset }).toEqual({ zone, offset: machineOffsets[zone] });
        const misread = table
          .map(([input, expected]) => ({ zone, input, expected, got: attemptDay(input) }))
          .filter(({ expected, got }) => got !== expected);
        expect(misread).toEqual([]);
        expect(day("今天", at(Date.parse("2026-11-25T16:30:00Z")))).toBe("2026-11-26");
      }
    });
  });

  it("refuses past days unless allowPast, and then keeps undated forms in this year, month and week", () => {
    for (const text of ["昨天", "yesterday", "last friday", "上周五", "2026-11-24", "dec 5 2020", "上月底"]) {
      expect({ text, ...refusal(() => day(text)) }).toEqual({
        text,
        code: "INVALID_INPUT",
        problem: "in_the_past",
        field: undefined,
      });
    }
    const past = at(wednesday, { allowPast: true });
    expect(day("昨天", past)).toBe("2026-11-24");
    expect(day("前天", past)).toBe("2026-11-23");
    expect(day("yesterday", past)).toBe("2026-11-24");
    expect(day("last friday", past)).toBe("2026-11-20");
    expect(day("上周五", past)).toBe("2026-11-20");
    expect(day("上月底", past)).toBe("2026-10-31");
    expect(day("2020-02-29", past)).toBe("2020-02-29");
    expect(day("monday", past)).toBe("2026-11-23");
    expect(day("周日", past)).toBe("2026-11-29");
    expect(day("11月1日", past)).toBe("2026-11-01");
    expect(day("1月5日", past)).toBe("2026-01-05");
    expect(day("3号", past)).toBe("2026-11-03");
    expect(day("12/5", past)).toBe("2026-12-05");
    expect(day("下周五", past)).toBe("2026-12-04");
  });

  it("refuses what is not a date, naming the field", () => {
    const refused: [string, string][] = [
      ["soon", "not_a_date"],
      ["", "empty"],
      ["   ", "empty"],
      ["32号", "no_such_day"],
      ["2月30日", "no_such_day"],
      ["2026-02-29", "no_such_day"],
      ["2026-13-01", "no_such_day"],
      ["13/5", "no_such_day"],
      ["2月29日", "no_such_day"],
      ["下个月32号", "no_such_day"],
      ["12月", "not_a_date"],
      ["may", "not_a_date"],
      ["3", "not_a_date"],
      ["5.12", "not_a_date"],
      ["12-05", "not_a_date"],
      ["5pm", "not_a_date"],
      ["星期八", "not_a_date"],
      ["周", "not_a_date"],
      ["deliver it friday please", "not_a_date"],
      ["12月1日到12月10日", "not_a_date"],
      ["9999天后", "too_large"],
      ["in 20 years", "too_large"],
      ["x".repeat(200), "too_long"],
      ["下周五 ".repeat(40), "too_long"],
    ];
    const wrong = refused
      .map(([input, problem]) => ({
        input,
        problem,
        got: refusal(() => day(input, at(wednesday, { field: "due" }))),
      }))
      .filter(
        ({ problem, got }) => got.code !== "INVALID_INPUT" || got.problem !== problem || got.field !== "due",
      );
    expect(wrong).toEqual([]);
  });

  it("says why in both languages", () => {
    const error = refusal(() => day("soon"));
    expect(error.problem).toBe("not_a_date");
    try {
      day("2月30日");
    } catch (caught) {
      if (!(caught instanceof JxcError)) throw caught;
      expect(caught.params.input).toBe("2月30日");
      expect(describeError("en", caught)).toBe("That input is not valid: that day is not on the calendar.");
      expect(describeError("zh-CN", caught)).toBe("输入无效：日历上没有这一天。");
    }
  });
});

describe("parseDayRange", () => {
  it("reads a start and an end in either language", () => {
    expect(range("2026-12-01 to 2026-12-10")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("2026-12-01 - 2026-12-10")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("2026-12-01-2026-12-10")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("12月1日到12月10日")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("从12月1日到12月10日为止")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("12月1日～12月10日")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("12/1-12/10")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("from monday to friday")).toEqual({ from: "2026-11-30", to: "2026-12-04" });
    expect(range("下周一至下周五")).toEqual({ from: "2026-11-30", to: "2026-12-04" });
    expect(range("between dec 1 and dec 10")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("明天到后天")).toEqual({ from: "2026-11-26", to: "2026-11-27" });
    expect(range("today until end of month")).toEqual({ from: "2026-11-25", to: "2026-11-30" });
  });

  it("places an end without year, month or week on or after the start", () => {
    expect(range("12月1日至10日")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(range("12月25日至5日")).toEqual({ from: "2026-12-25", to: "2027-01-05" });
    expect(range("下周一至周五")).toEqual({ from: "2026-11-30", to: "2026-12-04" });
    expect(range("monday to friday")).toEqual({ from: "2026-11-30", to: "2026-12-04" });
    expect(range("12/20-1/5")).toEqual({ from: "2026-12-20", to: "2027-01-05" });
    expect(range("12/20-1/5", at(wednesday, { allowPast: true }))).toEqual({
      from: "2026-12-20",
      to: "2027-01-05",
    });
  });

  it("reads a single day or a named period as a range", () => {
    expect(range("2026-12-05")).toEqual({ from: "2026-12-05", to: "2026-12-05" });
    expect(range("下周")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(range("next week")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(range("下个月")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(range("next month")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    const past = at(wednesday, { allowPast: true });
    expect(range("本月", past)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(range("上个月", past)).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(range("last week", past)).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(range("本周", past)).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(range("今年", past)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(range("monday to friday", past)).toEqual({ from: "2026-11-23", to: "2026-11-27" });
    expect(range("11月1日到11月30日", past)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  });

  it("refuses a range that ends before it starts, or is not dates", () => {
    const problem = (text: string, options?: ParseDayOptions) => refusal(() => range(text, options)).problem;
    expect(problem("2026-12-10 to 2026-12-01")).toBe("ends_before_start");
    expect(problem("12月10日至12月1日")).toBe("ends_before_start");
    expect(problem("下周五至下周一")).toBe("ends_before_start");
    expect(problem("2月30日至3月5日")).toBe("no_such_day");
    expect(problem("本月")).toBe("in_the_past");
    expect(problem("昨天到明天")).toBe("in_the_past");
    expect(problem("soon to later")).toBe("not_a_date");
    expect(problem("")).toBe("empty");
    expect(problem("x".repeat(200))).toBe("too_long");
    expect(refusal(() => range("soon", at(wednesday, { field: "period" }))).field).toBe("period");
  });
});

describe("day arithmetic and formatting", () => {
  it("adds days and months on the calendar, across months, years and leap days", () => {
    expect(addDays("2026-11-25", 7)).toBe("2026-12-02");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(endOfMonth("2028-02-10")).toBe("2028-02-29");
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(toYmd("2026-11-25")).toEqual({ year: 2026, month: 11, day: 25 });
    expect(() => toYmd("2026-02-30")).toThrow(RangeError);
  });

  it("formats a day for each language", () => {
    expect(formatDay("2026-12-05", "en")).toBe("Sat 5 Dec 2026");
    expect(formatDay("2026-12-04", "en")).toBe("Fri 4 Dec 2026");
    expect(formatDay("2026-12-04", "zh-CN")).toBe("2026年12月4日 周五");
    expect(formatDay("2026-11-29", "zh-CN")).toBe("2026年11月29日 周日");
  });

  it("gives today in a time zone from an instant", () => {
    expect(todayIn(shanghai, wednesday)).toBe("2026-11-25");
    expect(todayIn("Pacific/Kiritimati", Date.parse("2026-11-25T10:30:00Z"))).toBe("2026-11-26");
    expect(todayIn("Pacific/Pago_Pago", Date.parse("2026-11-25T10:30:00Z"))).toBe("2026-11-24");
  });
});

const machineOffsets: Record<string, number> = {
  UTC: 0,
  "America/New_York": 300,
  "Pacific/Kiritimati": -840,
  "Pacific/Pago_Pago": 660,
};

function attemptDay(input: string): string {
  try {
    return day(input);
  } catch (error) {
    return error instanceof JxcError ? `${error.code} ${String(error.params.problem)}` : String(error);
  }
}
