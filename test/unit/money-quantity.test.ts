import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JxcError } from "../../src/domain/errors.ts";
import { currencyDecimals, formatMoney, formatMoneyPlain, parseMoney } from "../../src/domain/money.ts";
import { formatQuantity, parseQuantity } from "../../src/domain/quantity.ts";

function refusal(run: () => unknown): { code: string; problem: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof JxcError) return { code: error.code, problem: error.params.problem };
    throw error;
  }
  throw new Error("expected a JxcError");
}

describe("parseMoney", () => {
  it("reads amounts as people type them into exact minor units", () => {
    expect(parseMoney("2.5", 2)).toBe(250);
    expect(parseMoney("2.50", 2)).toBe(250);
    expect(parseMoney("1,234.56", 2)).toBe(123456);
    expect(parseMoney("¥12", 2)).toBe(1200);
    expect(parseMoney("￥12", 2)).toBe(1200);
    expect(parseMoney("12元", 2)).toBe(1200);
    expect(parseMoney(" 0.01 ", 2)).toBe(1);
    expect(parseMoney("0", 2)).toBe(0);
    expect(parseMoney("１２.５", 2)).toBe(1250);
    expect(parseMoney("500", 0)).toBe(500);
  });

  it("never goes through floats", () => {
    expect(parseMoney("0.29", 2)).toBe(29);
    expect(parseMoney("9999999999.99", 2)).toBe(999999999999);
    expect(parseMoney("1.005", 3)).toBe(1005);
  });

  it("refuses more decimals than the currency has, unless they are zeros", () => {
    expect(refusal(() => parseMoney("1.234", 2))).toEqual({
      code: "INVALID_MONEY",
      problem: "too_many_decimals",
    });
    expect(refusal(() => parseMoney("1.5", 0))).toEqual({
      code: "INVALID_MONEY",
      problem: "too_many_decimals",
    });
    expect(parseMoney("1.500", 2)).toBe(150);
  });

  it("refuses negatives, words, exponents of nonsense and absurd sizes", () => {
    expect(refusal(() => parseMoney("-1", 2)).problem).toBe("negative");
    expect(refusal(() => parseMoney("-¥5", 2)).problem).toBe("negative");
    expect(refusal(() => parseMoney("abc", 2)).problem).toBe("not_a_number");
    expect(refusal(() => parseMoney("1,23", 2)).problem).toBe("not_a_number");
    expect(refusal(() => parseMoney("", 2)).problem).toBe("empty");
    expect(refusal(() => parseMoney("10000000000.01", 2)).problem).toBe("too_large");
  });

  it("knows each currency's minor unit from ICU", () => {
    expect(currencyDecimals("CNY")).toBe(2);
    expect(currencyDecimals("JPY")).toBe(0);
    expect(currencyDecimals("KWD")).toBe(3);
  });
});

describe("formatMoney", () => {
  it("formats minor units for each language", () => {
    expect(formatMoney(123450, "CNY", "zh-CN")).toBe("¥1,234.50");
    expect(formatMoney(123450, "CNY", "en")).toBe("CN¥1,234.50");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    expect(formatMoney(-5, "CNY", "en")).toBe("-CN¥0.05");
    expect(formatMoney(0, "KWD", "zh-CN")).toBe("KWD\u00a00.000");
  });

  it("writes every amount exactly as ICU does, in both languages and currencies of 0, 2 and 3 decimals", () => {
    const exact = (minor: number, currency: string, locale: "en" | "zh-CN") =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).format(
        formatMoneyPlain(minor, currencyDecimals(currency)) as `${number}`,
      );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger()),
        fc.constantFrom("CNY", "USD", "EUR", "JPY", "KWD"),
        fc.constantFrom("en" as const, "zh-CN" as const),
        (minor, currency, locale) => {
          expect(formatMoney(minor, currency, locale)).toBe(exact(minor, currency, locale));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("writes plain decimals that parse back exactly", () => {
    for (const minor of [0, 1, 10, 99, 100, 123456, 999999999999]) {
      expect(parseMoney(formatMoneyPlain(minor, 2), 2)).toBe(minor);
    }
    expect(formatMoneyPlain(5, 2)).toBe("0.05");
    expect(formatMoneyPlain(5, 0)).toBe("5");
  });
});

describe("parseQuantity", () => {
  const screw = {
    baseUnit: "pcs",
    purchaseUnit: "box",
    purchaseUnitFactor: 20,
    salesUnit: "箱",
    salesUnitFactor: 100,
  };

  it("reads base units and converts bigger units", () => {
    expect(parseQuantity("3", screw)).toEqual({ baseQty: 3, unit: "pcs" });
    expect(parseQuantity("3 pcs", screw)).toEqual({ baseQty: 3, unit: "pcs" });
    expect(parseQuantity("3 box", screw)).toEqual({ baseQty: 60, unit: "box" });
    expect(parseQuantity("3box", screw)).toEqual({ baseQty: 60, unit: "box" });
    expect(parseQuantity("3 BOX", screw)).toEqual({ baseQty: 60, unit: "box" });
    expect(parseQuantity("2箱", screw)).toEqual({ baseQty: 200, unit: "箱" });
    expect(parseQuantity("1.5 box", screw)).toEqual({ baseQty: 30, unit: "box" });
    expect(parseQuantity("1,000", screw)).toEqual({ baseQty: 1000, unit: "pcs" });
    expect(parseQuantity("３", screw)).toEqual({ baseQty: 3, unit: "pcs" });
  });

  it("refuses what is not a whole, positive, sane number of base units", () => {
    const problem = (input: string) => refusal(() => parseQuantity(input, screw));
    expect(problem("0")).toEqual({ code: "INVALID_QUANTITY", problem: "zero" });
    expect(problem("-1").problem).toBe("negative");
    expect(problem("1.5").problem).toBe("fractional");
    expect(problem("1.01 box").problem).toBe("fractional");
    expect(problem("abc").problem).toBe("not_a_number");
    expect(problem("").problem).toBe("empty");
    expect(problem("2e9").problem).toBe("too_large");
    expect(problem("1000000001").problem).toBe("too_large");
    expect(problem("3 crates").problem).toBe("unknown_unit");
  });

  it("reads the big numbers Excel writes in exponent form", () => {
    expect(parseQuantity("2E+03", screw)).toEqual({ baseQty: 2000, unit: "pcs" });
  });
});

describe("formatQuantity", () => {
  const screw = {
    baseUnit: "pcs",
    purchaseUnit: "box",
    purchaseUnitFactor: 20,
    salesUnit: null,
    salesUnitFactor: null,
  };

  it("shows base units, or the asked unit with a remainder", () => {
    expect(formatQuantity(45, screw)).toBe("45 pcs");
    expect(formatQuantity(40, screw, "box")).toBe("2 box");
    expect(formatQuantity(45, screw, "box")).toBe("2 box 5 pcs");
    expect(formatQuantity(5, screw, "box")).toBe("5 pcs");
    expect(formatQuantity(45, screw, "crate")).toBe("45 pcs");
  });
});
