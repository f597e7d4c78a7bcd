import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCY_CODES,
  MAX_FEE_CENTS,
  SUPPORTED_CURRENCIES,
  centsToInput,
  currencySchema,
  feeCentsSchema,
  formatMoney,
  maxAmountMinorUnits,
  minorUnitExponent,
  parseMoneyInput,
  type CurrencyCode,
} from "./money";

describe("SUPPORTED_CURRENCIES", () => {
  it("lists the eight currencies with their minor-unit exponents", () => {
    expect(CURRENCY_CODES).toEqual(["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY"]);
    expect(Object.keys(SUPPORTED_CURRENCIES).sort()).toEqual([...CURRENCY_CODES].sort());
    expect(minorUnitExponent("USD")).toBe(2);
    expect(minorUnitExponent("JPY")).toBe(0);
  });

  it.each(CURRENCY_CODES)("%s exponent agrees with Intl", (currency) => {
    const digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits;
    expect(minorUnitExponent(currency)).toBe(digits);
  });
});

describe("formatMoney", () => {
  it.each([
    [5000, "USD", "$50.00"],
    [0, "USD", "$0.00"],
    [1, "USD", "$0.01"],
    [125_000, "USD", "$1,250.00"],
    [100_000_000, "USD", "$1,000,000.00"],
    [5050, "EUR", "€50.50"],
    [999, "GBP", "£9.99"],
    [5000, "CAD", "CA$50.00"],
    [5000, "AUD", "A$50.00"],
    [5000, "NZD", "NZ$50.00"],
    [5000, "CHF", "CHF\u00a050.00"],
    [5000, "JPY", "¥5,000"],
    [-250, "USD", "-$2.50"],
    // Beyond exact float range for major units; must still print every digit.
    [9_007_199_254_740_991, "USD", "$90,071,992,547,409.91"],
  ] as const)("%i %s → %s", (cents, currency, expected) => {
    expect(formatMoney(cents, currency)).toBe(expected);
  });

  it("rejects non-integer amounts", () => {
    expect(() => formatMoney(50.5, "USD")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "USD")).toThrow(RangeError);
  });
});

describe("centsToInput", () => {
  it.each([
    [5000, "USD", "50.00"],
    [5, "USD", "0.05"],
    [0, "EUR", "0.00"],
    [123_456, "GBP", "1234.56"],
    [5000, "JPY", "5000"],
    [0, "JPY", "0"],
  ] as const)("%i %s → %s", (cents, currency, expected) => {
    expect(centsToInput(cents, currency)).toBe(expected);
  });
});

describe("parseMoneyInput", () => {
  it.each([
    ["50", "USD", 5000],
    ["50.5", "USD", 5050],
    ["50.00", "USD", 5000],
    ["$1,250.00", "USD", 125_000],
    ["  $ 50 ", "USD", 5000],
    ["50.", "USD", 5000],
    [".5", "USD", 50],
    ["0", "USD", 0],
    ["007.10", "USD", 710],
    ["19.99", "USD", 1999], // 19.99 * 100 = 1998.9999999999998 in floating point
    ["1000000", "USD", 100_000_000],
    ["1,000,000.00", "USD", 100_000_000],
    ["usd 12", "USD", 1200],
    ["12 USD", "USD", 1200],
    ["€12.50", "EUR", 1250],
    ["12 €", "EUR", 1200],
    ["CA$40", "CAD", 4000],
    ["CHF 80.00", "CHF", 8000],
    ["¥5,000", "JPY", 5000],
    ["5000", "JPY", 5000],
    ["1,000,000", "JPY", 1_000_000],
  ] as const)("%j %s → %i", (text, currency, cents) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "USD", "empty", "Enter an amount."],
    ["   ", "USD", "empty", "Enter an amount."],
    ["-5", "USD", "negative", "The amount can't be negative."],
    ["-$5", "USD", "negative", "The amount can't be negative."],
    ["$-5", "USD", "negative", "The amount can't be negative."],
    ["\u22125", "USD", "negative", "The amount can't be negative."],
    ["50.001", "USD", "too_many_decimals", "Use at most 2 decimal places, like 50.00."],
    ["50.5", "JPY", "too_many_decimals", "JPY amounts can't have decimals."],
    ["abc", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["abc", "JPY", "not_a_number", "Enter an amount as a number, like 5000."],
    [".", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["$", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["1e3", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["1,25", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["12,50", "EUR", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["5.0.0", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["Infinity", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["€50", "USD", "not_a_number", "Enter an amount as a number, like 50.00."],
    ["1000000.01", "USD", "too_large", "The amount can't be more than $1,000,000.00."],
    ["99999999999999999999999", "USD", "too_large", "The amount can't be more than $1,000,000.00."],
    ["1000001", "JPY", "too_large", "The amount can't be more than ¥1,000,000."],
  ] as const)("%j %s → %s", (text, currency, code, message) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: false, code, message });
  });

  it("round-trips every storable amount through centsToInput and formatMoney", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.nat(), (currency: CurrencyCode, seed) => {
        const cents = seed % (maxAmountMinorUnits(currency) + 1);
        expect(parseMoneyInput(centsToInput(cents, currency), currency)).toEqual({ ok: true, cents });
        expect(parseMoneyInput(formatMoney(cents, currency), currency)).toEqual({ ok: true, cents });
      }),
    );
  });
});

describe("zod schemas", () => {
  it("currencySchema accepts supported codes only", () => {
    expect(currencySchema.parse("JPY")).toBe("JPY");
    const result = currencySchema.safeParse("usd");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose a supported currency.");
  });

  it("feeCentsSchema accepts integers from 0 to 100,000,000", () => {
    expect(feeCentsSchema.parse(0)).toBe(0);
    expect(feeCentsSchema.parse(MAX_FEE_CENTS)).toBe(100_000_000);
    expect(feeCentsSchema.safeParse(-1).error?.issues[0]?.message).toBe("The fee can't be negative.");
    expect(feeCentsSchema.safeParse(100_000_001).error?.issues[0]?.message).toBe("The fee is too large.");
    expect(feeCentsSchema.safeParse(50.5).error?.issues[0]?.message).toBe(
      "The fee must be a whole number of cents.",
    );
    expect(feeCentsSchema.safeParse("50").error?.issues[0]?.message).toBe("Enter the fee as a number.");
  });
});
