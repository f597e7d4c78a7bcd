import "server-only";
import Holidays from "date-holidays";
import { closingHolidays, type Holiday } from "@/lib/domain/holidays";
import { addDays } from "@/lib/domain/availability-form";
import type { LocalDate } from "@/lib/domain/slots";
import { countryForZone } from "@/lib/domain/time-zones";

// date-holidays carries every country's rules (~13 MB on disk, ~110 ms to
// load): it is imported here only, in server code, so none of it reaches the
// browser; the page hands the editor a few dozen {date, name} pairs.

// Today through the same date next year: every yearly fixed-date holiday
// (Christmas, New Year's Day) is in the window whatever today is.
const DAYS_AHEAD = 365;

// Computing a country's two years takes ~10 ms; the answer changes once a day.
const cache = new Map<string, Holiday[]>();

/**
 * The public holidays of the clinic's country (from its time zone) for the
 * next 12 months from `today` (the clinic's local date). Empty when the zone
 * has no country (UTC) or the package doesn't know it.
 */
export function clinicHolidays(timeZone: string, today: LocalDate): { country: string | null; holidays: Holiday[] } {
  const country = countryForZone(timeZone);
  if (!country) return { country: null, holidays: [] };
  const key = `${country}:${today}`;
  let holidays = cache.get(key);
  if (!holidays) {
    if (cache.size > 200) cache.clear();
    holidays = compute(country, today);
    cache.set(key, holidays);
  }
  return { country, holidays };
}

function compute(country: string, today: LocalDate): Holiday[] {
  // A country the package doesn't know simply has no holidays.
  const calendar = new Holidays(country);
  const last = addDays(today, DAYS_AHEAD);
  const years = [...new Set([Number(today.slice(0, 4)), Number(last.slice(0, 4))])];
  const raw = years.flatMap((year) => calendar.getHolidays(year, "en"));
  return closingHolidays(raw, today, last);
}
