/** The words and numerals people use for dates, in English and Chinese. */

const chineseDigits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A count or day number in a date pattern: Arabic digits or Chinese numerals up to 99. */
export const numeral = "(\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})";

/** Reads "12", "十二", "二十五", "三十一", "两" or a year written digit by digit ("二〇二六"). */
export function readNumeral(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf("十");
  if (ten === -1) {
    let value = 0;
    for (const char of text) {
      const digit = chineseDigits[char];
      if (digit === undefined) return undefined;
      value = value * 10 + digit;
    }
    return text === "" ? undefined : value;
  }
  if (text.length > 3 || text.includes("十", ten + 1)) return undefined;
  const tens = ten === 0 ? 1 : chineseDigits[text.slice(0, ten)];
  const ones = ten === text.length - 1 ? 0 : chineseDigits[text.slice(ten + 1)];
  if (tens === undefined || tens === 0 || ones === undefined) return undefined;
  return tens * 10 + ones;
}

/** 一 … 六, 日/天/七 and 1–7 after 周/星期/礼拜 → ISO weekday (1 = Monday, 7 = Sunday). */
export const chineseWeekday = "([一二三四五六日天七1-7])";

export function readChineseWeekday(text: string): number | undefined {
  if (text === "日" || text === "天") return 7;
  const value = readNumeral(text);
  return value !== undefined && value >= 1 && value <= 7 ? value : undefined;
}

const englishWeekdays: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

export const englishWeekday = `(${Object.keys(englishWeekdays)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;

export function readEnglishWeekday(text: string): number | undefined {
  return englishWeekdays[text];
}

const englishCounts: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

export const englishCount = `(\\d{1,4}|${Object.keys(englishCounts).join("|")})`;

export function readEnglishCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : englishCounts[text];
}

/** 上上 / 上 / 本 / 这 / 下 / 下下 and last / this / next → how many weeks, months or years away. */
const offsets: Record<string, number> = {
  上上: -2,
  上: -1,
  本: 0,
  这: 0,
  今: 0,
  下: 1,
  下下: 2,
  明: 1,
  去: -1,
  前: -2,
  后: 2,
  last: -1,
  this: 0,
  next: 1,
};

export function readOffset(text: string | undefined): number {
  return text === undefined ? 0 : (offsets[text.trim()] ?? 0);
}
