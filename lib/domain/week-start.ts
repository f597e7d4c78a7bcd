/**
 * Which day a clinic's calendars start the week on, from its country (which
 * comes from its time zone: time-zones.ts). One rule for every calendar in
 * the app, the availability editor's and the public booking page's, so a
 * clinic in Chicago sees Sunday first everywhere and one in Berlin Monday.
 *
 * The runtime's CLDR data answers where it can (Intl.Locale's getWeekInfo(),
 * or the older weekInfo getter); otherwise a copy of CLDR's weekData
 * (firstDay) for the countries that don't start on Monday.
 */
import { countryForZone } from "./time-zones";

/** 0 = Sunday … 6 = Saturday, as react-day-picker's weekStartsOn and Date#getDay. */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

// CLDR supplemental weekData, firstDay other than Monday.
const FALLBACK: Record<string, WeekStart> = Object.fromEntries([
  ..."AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW"
    .split(" ")
    .map((c) => [c, 0]),
  ..."AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY".split(" ").map((c) => [c, 6]),
  ["MV", 5],
]);

type WeekInfo = { firstDay: number };
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

function fromRuntime(country: string): WeekStart | null {
  try {
    const locale = new Intl.Locale(`und-${country}`) as LocaleWithWeekInfo;
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    // CLDR counts 1 = Monday … 7 = Sunday.
    return typeof firstDay === "number" && firstDay >= 1 && firstDay <= 7 ? ((firstDay % 7) as WeekStart) : null;
  } catch {
    return null;
  }
}

/** The first day of the week in a country (ISO 3166 code); Monday when unknown, as ISO 8601. */
export function weekStartForCountry(country: string | null, useRuntime = true): WeekStart {
  if (!country || !/^[A-Z]{2}$/.test(country)) return 1;
  return (useRuntime ? fromRuntime(country) : null) ?? FALLBACK[country] ?? 1;
}

/** The first day of the week for a clinic in `timeZone` ("America/Chicago" → 0, Sunday). */
export function weekStartForZone(timeZone: string): WeekStart {
  return weekStartForCountry(countryForZone(timeZone));
}
