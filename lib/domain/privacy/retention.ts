/**
 * How long a clinic keeps patients' personal data (clinics/{id}
 * `retentionRequestDays`, `retentionVisitYears`). Requests that never became a
 * visit (declined, cancelled, expired) keep theirs for N days after they ended
 * (missing = 90); visits for N years after the visit (missing = kept until the
 * clinic sets a period: the law on medical records differs by country, so the
 * clinic decides). The scheduled sweep (lib/server/privacy/retention.ts)
 * erases what is past it.
 */
import { z } from "zod";
import { DAY_MS } from "../slots/local-time";
import type { AppointmentStatus } from "../appointments/status";

export const DEFAULT_REQUEST_DAYS = 90;
export const REQUEST_DAYS_MIN = 1;
export const REQUEST_DAYS_MAX = 3650;
export const VISIT_YEARS_MIN = 1;
export const VISIT_YEARS_MAX = 100;

/** Requests that ended without becoming a visit (a cancelled visit counts: it never took place). */
export const ENDED_REQUEST: readonly AppointmentStatus[] = ["declined", "cancelled", "expired"];

export interface RetentionSettings {
  requestDays: number;
  /** null: visits are kept until the clinic sets a period. */
  visitYears: number | null;
}

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d+$/, { error: `Enter ${label} as a whole number.` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `Use ${min} to ${max}.` }).max(max, { error: `Use ${min} to ${max}.` }));

/** The settings form: days as a number; years blank for "keep until we decide". */
export const retentionSettingsSchema = z.object({
  requestDays: wholeNumber("the number of days", REQUEST_DAYS_MIN, REQUEST_DAYS_MAX),
  visitYears: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), wholeNumber("the number of years", VISIT_YEARS_MIN, VISIT_YEARS_MAX)])),
});

/** The stored fields, read leniently: anything missing or out of range is the default. */
export function retentionOf(clinic: { retentionRequestDays?: unknown; retentionVisitYears?: unknown } | undefined): RetentionSettings {
  const days = clinic?.retentionRequestDays;
  const years = clinic?.retentionVisitYears;
  const inRange = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
  return {
    requestDays: inRange(days, REQUEST_DAYS_MIN, REQUEST_DAYS_MAX) ? days : DEFAULT_REQUEST_DAYS,
    visitYears: inRange(years, VISIT_YEARS_MIN, VISIT_YEARS_MAX) ? years : null,
  };
}

/** A request that ended at or before this instant is past its period. */
export function requestCutoffMs(nowMs: number, days: number): number {
  return nowMs - days * DAY_MS;
}

/**
 * A visit that started at or before this instant is past its period: the same
 * calendar date N years earlier (UTC), so leap years don't move it by a day.
 */
export function visitCutoffMs(nowMs: number, years: number): number {
  const d = new Date(nowMs);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}
