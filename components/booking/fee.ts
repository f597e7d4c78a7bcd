import { CURRENCY_CODES, formatMoney, type CurrencyCode } from "@/lib/domain/money";

const isCurrencyCode = (value: string): value is CurrencyCode => (CURRENCY_CODES as readonly string[]).includes(value);

/** "$50.00"; an unknown stored currency still reads as money rather than crashing the page. */
export function feeAmount(feeCents: number, currency: string): string {
  if (isCurrencyCode(currency)) return formatMoney(feeCents, currency);
  return `${(feeCents / 100).toFixed(2)} ${currency}`;
}

/** The fee line on public pages: "$50.00 per visit, paid online after the clinic approves" or "Free". */
export function feeSentence(feeCents: number, currency: string): string {
  return feeCents > 0 ? `${feeAmount(feeCents, currency)} per visit, paid online after the clinic approves` : "Free";
}
