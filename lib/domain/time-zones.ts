/**
 * Time zones as people think of them: by city ("Chicago", "London"), by
 * country ("Germany"), by current offset ("GMT-5", "+01:00"); and what a
 * clinic's zone says about it: its country, so its usual currency, first day
 * of the week and public holidays. Pure; the data comes from the tz database
 * (zone-data.ts, generated).
 */
import type { CurrencyCode } from "./money";
import { utcOffsetMinutes } from "./time-format";
import { COUNTRY_NAMES, ZONE_ALIASES, ZONE_COUNTRY } from "./zone-data";
import { fold, zoneCity } from "./zone-names";

export { zoneCity, zoneForCity } from "./zone-names";

/** ISO 3166 country of an IANA zone ("Europe/London" → "GB"), or null (UTC, Etc/…, unknown). */
export function countryForZone(zone: string): string | null {
  return ZONE_COUNTRY[zone] ?? ZONE_COUNTRY[ZONE_ALIASES[zone] ?? ""] ?? null;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "GB" → "United Kingdom" (CLDR's English name where the runtime has it; tzdata's "Britain (UK)" otherwise). */
export function countryName(country: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      regionNames = null;
    }
  }
  try {
    const name = regionNames?.of(country);
    if (name && name !== country) return name;
  } catch {
    // not a region code this runtime knows
  }
  return COUNTRY_NAMES[country] ?? country;
}

/** Both names, for search: "United Kingdom" and "Britain (UK)" find London. */
function countrySearchText(country: string): string {
  return `${countryName(country)} ${COUNTRY_NAMES[country] ?? ""} ${country}`;
}

// Only the currencies the app supports (money.ts), by the countries and
// territories that use them. Other countries leave the currency as it is.
const CURRENCY_COUNTRIES: Record<CurrencyCode, string> = {
  USD: "US PR GU VI AS MP UM EC SV PA TL FM MH PW TC VG BQ IO",
  EUR: "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME XK GF GP MQ RE YT PM BL MF AX",
  GBP: "GB GG JE IM",
  CAD: "CA",
  AUD: "AU CX CC NF KI NR TV",
  NZD: "NZ CK NU PN TK",
  CHF: "CH LI",
  JPY: "JP",
};
const COUNTRY_CURRENCY = new Map<string, CurrencyCode>(
  Object.entries(CURRENCY_COUNTRIES).flatMap(([currency, countries]) => countries.split(" ").map((c) => [c, currency as CurrencyCode])),
);

/** The usual currency where the zone is ("Europe/London" → "GBP"), if the app supports it; else null. */
export function currencyForZone(zone: string): CurrencyCode | null {
  const country = countryForZone(zone);
  return country ? (COUNTRY_CURRENCY.get(country) ?? null) : null;
}

// ------------------------------------------------------------------ search

/**
 * An offset as typed: "GMT-5", "UTC+5:30", "+01:00", "-0500", "utc". Minutes
 * east of UTC, or null when the text isn't an offset.
 */
export function parseOffset(query: string): number | null {
  const match = /^(?:(?:gmt|utc)\s*)?([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(query.trim());
  if (!match) return /^(gmt|utc)$/i.test(query.trim()) ? 0 : null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "+" ? 1 : -1) * (hours * 60 + minutes);
}

/** "GMT-5", "GMT+5:30", "GMT" for minutes east of UTC. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "GMT";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `GMT${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

export interface ZoneMatch {
  zone: string;
  /** "Chicago · United States · GMT-6 now" */
  label: string;
}

/** How a zone is shown in the picker, with its offset at `now`. */
export function describeZone(zone: string, now: number): ZoneMatch {
  const country = countryForZone(zone);
  const parts = [zoneCity(zone), country ? countryName(country) : null, `${formatOffset(utcOffsetMinutes(now, zone))} now`];
  return { zone, label: parts.filter(Boolean).join(" · ") };
}

/**
 * Zones matching what someone typed, best first: an exact city, a city that
 * starts with it, a zone name or country that contains it; or, for an offset
 * ("GMT-5"), every zone at that offset right now. At most `limit`.
 */
export function searchTimeZones(query: string, zones: readonly string[], now: number, limit = 8): ZoneMatch[] {
  const text = fold(query);
  if (text === "") return [];
  const offset = parseOffset(query);
  let ranked: { zone: string; rank: number }[];
  if (offset !== null) {
    ranked = zones.filter((zone) => zone.includes("/") && utcOffsetMinutes(now, zone) === offset).map((zone) => ({ zone, rank: 0 }));
  } else {
    ranked = [];
    for (const zone of zones) {
      const city = fold(zoneCity(zone));
      const country = countryForZone(zone);
      const rank =
        city === text
          ? 0
          : city.startsWith(text)
            ? 1
            : fold(zone).replaceAll("/", " ").includes(text) || fold(zone).includes(text)
              ? 2
              : country && (fold(countrySearchText(country)).includes(text) || country.toLowerCase() === text)
                ? 3
                : -1;
      if (rank >= 0) ranked.push({ zone, rank });
    }
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone))
    .slice(0, limit)
    .map(({ zone }) => describeZone(zone, now));
}
