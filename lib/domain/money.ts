/**
 * Money as integer minor units ("cents"; for JPY, whole yen).
 *
 * Amounts are never held as floating-point major units: 0.1 + 0.2 style
 * errors would otherwise end up on a card charge. Parsing and printing go
 * through strings so no float ever turns into cents. Stripe also expects
 * integer minor units, with the same exponents as below.
 */
import { z } from "zod";

export const CURRENCY_CODES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY"] as const;

export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/** Minor-unit exponent per ISO 4217: amount in minor units = major × 10^exponent. */
export const SUPPORTED_CURRENCIES: Readonly<
  Record<CurrencyCode, { readonly name: string; readonly minorUnitExponent: number }>
> = {
  USD: { name: "US dollar", minorUnitExponent: 2 },
  EUR: { name: "Euro", minorUnitExponent: 2 },
  GBP: { name: "British pound", minorUnitExponent: 2 },
  CAD: { name: "Canadian dollar", minorUnitExponent: 2 },
  AUD: { name: "Australian dollar", minorUnitExponent: 2 },
  NZD: { name: "New Zealand dollar", minorUnitExponent: 2 },
  CHF: { name: "Swiss franc", minorUnitExponent: 2 },
  JPY: { name: "Japanese yen", minorUnitExponent: 0 },
};

/** Upper bound for a fee, in major units, whatever the currency. */
export const MAX_AMOUNT_MAJOR_UNITS = 1_000_000;

/** Largest fee storable in any currency: 1,000,000.00 with two decimals. */
export const MAX_FEE_CENTS = 100_000_000;

export const currencySchema = z.enum(CURRENCY_CODES, { error: "Choose a supported currency." });

export const feeCentsSchema = z
  .number({ error: "Enter the fee as a number." })
  .int({ error: "The fee must be a whole number of cents." })
  .min(0, { error: "The fee can't be negative." })
  .max(MAX_FEE_CENTS, { error: "The fee is too large." });

export function minorUnitExponent(currency: CurrencyCode): number {
  return SUPPORTED_CURRENCIES[currency].minorUnitExponent;
}

/** Largest amount `parseMoneyInput` accepts for `currency`, in minor units. */
export function maxAmountMinorUnits(currency: CurrencyCode): number {
  return MAX_AMOUNT_MAJOR_UNITS * 10 ** minorUnitExponent(currency);
}

function assertMinorUnits(cents: number): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Money amounts must be integer minor units, got ${cents}`);
  }
}

/** "-123456" with exponent 2 → "-1234.56"; exponent 0 → "-123456". */
function minorUnitsToDecimalString(cents: number, exponent: number): string {
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

// Building a NumberFormat is slow (locale data lookup); amounts are formatted
// in long lists, so keep one per currency.
const currencyFormatters = new Map<CurrencyCode, Intl.NumberFormat>();

function currencyFormatter(currency: CurrencyCode): Intl.NumberFormat {
  let formatter = currencyFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    currencyFormatters.set(currency, formatter);
  }
  return formatter;
}

/** 5000 USD → "$50.00"; 5000 JPY → "¥5,000"; 5000 CAD → "CA$50.00". */
export function formatMoney(cents: number, currency: CurrencyCode): string {
  assertMinorUnits(cents);
  // Intl formats decimal strings exactly (no float division by 100). Engines
  // without that support coerce the string to a number, which still rounds to
  // the right digits at these magnitudes.
  const decimal = minorUnitsToDecimalString(cents, minorUnitExponent(currency));
  return currencyFormatter(currency).format(decimal as Intl.StringNumericLiteral);
}

/** Value for a text input: 5000 USD → "50.00"; 5000 JPY → "5000" (no symbol, no grouping). */
export function centsToInput(cents: number, currency: CurrencyCode): string {
  assertMinorUnits(cents);
  return minorUnitsToDecimalString(cents, minorUnitExponent(currency));
}

export type MoneyParseErrorCode = "empty" | "not_a_number" | "negative" | "too_many_decimals" | "too_large";

export type MoneyParseResult =
  | { ok: true; cents: number }
  | { ok: false; code: MoneyParseErrorCode; message: string };

// Symbols people may type in front of the number, e.g. "$", "CA$", "€", "CHF".
const currencySymbols = new Map<CurrencyCode, string[]>();

function symbolsFor(currency: CurrencyCode): string[] {
  let symbols = currencySymbols.get(currency);
  if (!symbols) {
    const found = new Set<string>([currency]);
    for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
      const parts = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay }).formatToParts(1);
      const symbol = parts.find((part) => part.type === "currency")?.value;
      if (symbol) found.add(symbol.toUpperCase());
    }
    // Longest first so "CA$" is stripped before "$".
    symbols = [...found].sort((a, b) => b.length - a.length);
    currencySymbols.set(currency, symbols);
  }
  return symbols;
}

function stripCurrencyDecoration(text: string, currency: CurrencyCode): string {
  let rest = text;
  for (const symbol of symbolsFor(currency)) {
    if (rest.toUpperCase().startsWith(symbol)) {
      rest = rest.slice(symbol.length).trimStart();
      break;
    }
  }
  // Some people write the symbol or code after the amount ("50 €", "50 CHF").
  for (const symbol of symbolsFor(currency)) {
    if (rest.toUpperCase().endsWith(symbol)) {
      rest = rest.slice(0, -symbol.length).trimEnd();
      break;
    }
  }
  return rest;
}

// Either plain digits or correctly grouped thousands, then optional decimals.
// "50", "50.", "50.5", ".5", "1,250.00" match; "1,25" and "5e3" don't.
const AMOUNT_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
const LEADING_MINUS = /^[-\u2212]\s*/;

/**
 * Parse what a person typed into a fee field, e.g. "50", "50.5", "$1,250.00".
 * Works only on the digits as text: "19.99" becomes "1999", never 19.99 * 100.
 */
export function parseMoneyInput(text: string, currency: CurrencyCode): MoneyParseResult {
  const exponent = minorUnitExponent(currency);
  const example = exponent === 0 ? "5000" : "50.00";
  let amount = text.trim();
  if (amount === "") return { ok: false, code: "empty", message: "Enter an amount." };

  // Accept the minus on either side of the symbol ("-$5", "$-5") to report it clearly.
  let negative = LEADING_MINUS.test(amount);
  amount = stripCurrencyDecoration(amount.replace(LEADING_MINUS, ""), currency);
  negative ||= LEADING_MINUS.test(amount);
  if (negative) return { ok: false, code: "negative", message: "The amount can't be negative." };

  const match = AMOUNT_PATTERN.exec(amount);
  const whole = match?.[1]?.replaceAll(",", "") ?? "";
  const fraction = match?.[2] ?? "";
  if (!match || whole + fraction === "") {
    return { ok: false, code: "not_a_number", message: `Enter an amount as a number, like ${example}.` };
  }
  if (fraction.length > exponent) {
    const message =
      exponent === 0
        ? `${currency} amounts can't have decimals.`
        : `Use at most ${exponent} decimal places, like ${example}.`;
    return { ok: false, code: "too_many_decimals", message };
  }

  const minorDigits = (whole + fraction.padEnd(exponent, "0")).replace(/^0+(?=\d)/, "");
  const max = maxAmountMinorUnits(currency);
  // Compare lengths first: very long inputs would not convert to an exact number.
  if (minorDigits.length > String(max).length || Number(minorDigits) > max) {
    return {
      ok: false,
      code: "too_large",
      message: `The amount can't be more than ${formatMoney(max, currency)}.`,
    };
  }
  return { ok: true, cents: Number(minorDigits) };
}
