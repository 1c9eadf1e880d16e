import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  endOfMonth,
  formatDay,
  isoWeekday,
  startOfWeek,
  todayIn,
  toYmd,
} from "../../src/text/calendar.ts";

const shanghai = "Asia/Shanghai";
/** Wednesday 2026-11-25, 10:00 in Shanghai. */
const wednesday = Date.parse("2026-11-25T10:00:00+08:00");

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
