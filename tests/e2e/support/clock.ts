// The e2e suite's clock. The stack runs the app on a clock the suite sets
// (lib/server/clock.ts: APP_CLOCK_OFFSET_MS, honoured only on the emulators),
// and every browser context gets the same time (fixtures.ts), so no spec
// depends on the hour, weekday or date the machine happens to run it.
//
// E2E_CLOCK picks the moment the run starts at: an ISO instant with its
// offset ("2027-01-16T11:00:00-05:00" is a Saturday morning in New York), or
// "real" for the machine's own clock. The default is a fixed Wednesday
// mid-morning, so CI sees the same calendar on every run; the specs must
// pass at any other moment too (docs/testing.md lists the ones checked).

export const DEFAULT_E2E_CLOCK = "2027-01-13T10:00:00-05:00";

/** The offset to give the stack for `setting`, measured from `realNow`. */
export function clockOffsetFor(setting: string | undefined, realNow = Date.now()): number {
  const value = setting?.trim() || DEFAULT_E2E_CLOCK;
  if (value === "real") return 0;
  if (!/[zZ]|[+-]\d\d:\d\d$/.test(value)) throw new Error(`E2E_CLOCK needs a zone offset or Z ("${value}"): the suite's moment must not depend on the machine's zone`);
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new Error(`E2E_CLOCK is not an ISO date-time: "${value}"`);
  return at - realNow;
}

/** The app's "now" in this run, in ms. */
export function appNow(): number {
  return Date.now() + Number(process.env.APP_CLOCK_OFFSET_MS ?? 0);
}

/** "YYYY-MM-DD" of `ms` in `zone`. */
export function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

/** `date` ("YYYY-MM-DD") moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a "YYYY-MM-DD". */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The first Monday–Friday at least `minDays` after today in `zone`: a day whose every working hour is bookable. */
export function workdayAhead(zone: string, minDays = 2): string {
  let date = addDays(localDate(appNow(), zone), minDays);
  while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
  return date;
}

/** "Thursday, December 24" (with `year`: "Thursday, December 24, 2026"): how a calendar names a day's button. */
export function calendarLabel(date: string, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", ...(options.year ? { year: "numeric" } : {}) }).format(
    Date.parse(`${date}T12:00:00Z`),
  );
}
