/**
 * Public holidays offered as days off in the availability editor. The
 * holiday data itself (date-holidays, ~13 MB of rules) is read on the server
 * only (lib/server/doctors/holidays.ts); this is the pure part: which entries count,
 * over which dates, one per day.
 */
import type { LocalDate } from "./slots";

export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
}

/** An entry as date-holidays gives it: "2026-12-25 00:00:00", a name, a type. */
export interface RawHoliday {
  readonly date: string;
  readonly name: string;
  readonly type: string;
}

// Days the country's law closes offices ("public", "bank"); not observances
// (Valentine's Day), optional days or school holidays.
const CLOSING_TYPES = new Set(["public", "bank"]);

/** The closing holidays in [from, to] (local dates), sorted, with same-day names joined ("Christmas Day / …"). */
export function closingHolidays(raw: readonly RawHoliday[], from: LocalDate, to: LocalDate): Holiday[] {
  const byDate = new Map<LocalDate, string[]>();
  for (const entry of raw) {
    const date = entry.date.slice(0, 10);
    if (!CLOSING_TYPES.has(entry.type) || date < from || date > to) continue;
    const names = byDate.get(date) ?? [];
    if (!names.includes(entry.name)) names.push(entry.name);
    byDate.set(date, names);
  }
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, name: names.join(" / ") }));
}

/** The holidays still worth offering: not already a day off or special hours. */
export function holidaysToOffer(holidays: readonly Holiday[], overrides: Readonly<Record<LocalDate, unknown>>, today: LocalDate): Holiday[] {
  return holidays.filter((holiday) => holiday.date >= today && !(holiday.date in overrides));
}
