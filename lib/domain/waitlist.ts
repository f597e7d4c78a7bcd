/**
 * The waiting list's rules, pure: who may join and with what, when an entry
 * is still waiting, and who is told (and in what order) when a time opens.
 * The verbs in lib/server/waitlist apply them inside their transactions.
 */
import { z } from "zod";
import { BOOKING_MESSAGES } from "./booking-fields";
import { emailSchema } from "./booking-request";
import { WEEKDAYS, dayNumberToLocalDate, localDateToDayNumber, type LocalDate, type Weekday } from "./slots";
import { weekdayOfDayNumber } from "./slots/local-time";

/** An entry waits this long after its last join, then lapses (and a TTL policy deletes it later). */
export const WAITLIST_DAYS = 30;
export const WAITLIST_MS = WAITLIST_DAYS * 86_400_000;
/** Doctors one email may wait for at one clinic at a time (a re-join for the same doctor does not add one). */
export const MAX_WAITLIST_ENTRIES_PER_EMAIL = 5;
/** People told per transaction when a time opens: a batch's markers and emails commit together. */
export const WAKE_BATCH_SIZE = 20;

export const WAITLIST_MESSAGES = {
  emailMissing: BOOKING_MESSAGES.emailMissing,
  emailTooLong: BOOKING_MESSAGES.emailTooLong,
  emailInvalid: BOOKING_MESSAGES.emailInvalid,
  daysInvalid: "Please choose days from Monday to Sunday, or none for any day",
  leaveLinkBroken: "This link is incomplete. Please open the link from your email again, or copy the whole address.",
} as const;
const M = WAITLIST_MESSAGES;

// Any subset of the week; none means any day. Kept in the week's order, once each.
const daysSchema = z
  .array(z.enum(WEEKDAYS, { error: M.daysInvalid }), { error: M.daysInvalid })
  .max(WEEKDAYS.length, { error: M.daysInvalid })
  .transform((days) => WEEKDAYS.filter((d) => days.includes(d)));

/** The join's body (the API's JSON and the form's values alike). Unknown keys are dropped. */
export const waitlistJoinSchema = z.object({
  email: emailSchema,
  days: daysSchema.optional().transform((days) => days ?? []),
});
export type WaitlistJoin = z.infer<typeof waitlistJoinSchema>;

// The entry's id (clinic, doctor, a hash: letters, digits, _ and -) and a 256-bit base64url token.
const ENTRY_ID = /^[A-Za-z0-9_-]{1,200}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The leave link's query string (?w=…&t=…), from the GET page and the POST alike. */
export const waitlistLeaveSchema = z.object({
  w: z.string({ error: M.leaveLinkBroken }).regex(ENTRY_ID, { error: M.leaveLinkBroken }),
  t: z.string({ error: M.leaveLinkBroken }).regex(TOKEN, { error: M.leaveLinkBroken }),
});
export type WaitlistLeave = z.infer<typeof waitlistLeaveSchema>;

export interface WaitingEntry {
  id: string;
  /** Preferred days of the week; empty = any day. */
  days: readonly Weekday[];
  /** When the person first joined (a re-join keeps the place): the order people are told in. */
  joinedAt: number;
  expiresAt: number;
}

/** Still waiting: not lapsed. (A used or left entry is deleted.) */
export const isWaiting = (entry: Pick<WaitingEntry, "expiresAt">, now: number) => entry.expiresAt > now;

/** When an entry (re)joined now lapses. */
export const waitlistExpiry = (now: number) => now + WAITLIST_MS;

export const weekdayOf = (date: LocalDate): Weekday => weekdayOfDayNumber(localDateToDayNumber(date));

/** The first of the dates (any order) the entry wants: any day when it named none. */
export function firstWantedDate(days: readonly Weekday[], dates: readonly LocalDate[]): LocalDate | null {
  const wanted = [...dates].sort().filter((date) => days.length === 0 || days.includes(weekdayOf(date)));
  return wanted[0] ?? null;
}

export interface Wake {
  entryId: string;
  /** The day to open the calendar at: the first newly free date the person wants. */
  date: LocalDate;
}

/**
 * Who is told that time opened on `freeDates`: every entry still waiting
 * that wants one of those days, in the order they joined (ties by id, so
 * every run orders alike), each with the first such date.
 */
export function planWakes(entries: readonly WaitingEntry[], freeDates: readonly LocalDate[], now: number): Wake[] {
  if (freeDates.length === 0) return [];
  return [...entries]
    .filter((entry) => isWaiting(entry, now))
    .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((entry) => {
      const date = firstWantedDate(entry.days, freeDates);
      return date ? [{ entryId: entry.id, date }] : [];
    });
}

/** Consecutive batches of at most `size`, in order. */
export function inBatches<T>(items: readonly T[], size = WAKE_BATCH_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("batch size must be a positive integer");
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

const DAY_NAMES: Record<Weekday, string> = { mon: "Mondays", tue: "Tuesdays", wed: "Wednesdays", thu: "Thursdays", fri: "Fridays", sat: "Saturdays", sun: "Sundays" };

/** "any day", "Mondays", "Mondays and Fridays", "Mondays, Tuesdays and Fridays". */
export function daysInWords(days: readonly Weekday[]): string {
  if (days.length === 0 || days.length === WEEKDAYS.length) return "any day";
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => DAY_NAMES[d]);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The free-slot reader reads at most this many days at once. */
export const MAX_WAKE_DAYS = 62;

/**
 * The local dates a wake-up looks at: the freed span cut to what can still be
 * booked (today through the end of the doctor's window), at most
 * MAX_WAKE_DAYS from its first; null when nothing of it can be booked.
 */
export function wakeDates(freed: { from: LocalDate; to: LocalDate }, bookable: { from: LocalDate; to: LocalDate }): { from: LocalDate; to: LocalDate } | null {
  const from = freed.from > bookable.from ? freed.from : bookable.from;
  let to = freed.to < bookable.to ? freed.to : bookable.to;
  if (from > to) return null;
  const last = localDateToDayNumber(from) + MAX_WAKE_DAYS - 1;
  if (localDateToDayNumber(to) > last) to = dayNumberToLocalDate(last);
  return { from, to };
}
