/**
 * Who is due a reminder, and when: the pure rules behind the scheduled
 * reminder sweep (lib/server/reminders). No I/O; every time is epoch ms.
 *
 * A confirmed visit's reminder is due from `start - lead` until the visit
 * starts. A visit confirmed (or moved to its current time) after
 * `start - lead`, inside the window, gets none: its patient was just sent a
 * confirmation with the same details, and a "reminder" minutes later would
 * be noise. Confirmed exactly at `start - lead` still counts as before it.
 */
import { z } from "zod";
import { DAY_MS, HOUR_MS, dayNumberToLocalDate } from "./slots/local-time";
import type { LocalDate } from "./slots/types";
import { localDayNumberAt, zoneOffsetAt } from "./slots/zone-offsets";

export const REMINDER_HOURS_DEFAULT = 24;
export const REMINDER_HOURS_MIN = 1;
export const REMINDER_HOURS_MAX = 72;

/** The doctor's-day email goes out from this local hour, in the clinic's zone... */
export const DOCTOR_DAY_FROM_HOUR = 7;
/** ...until this one: a run that only gets to it later (an outage) skips that day rather than send "today" at dinner time. */
export const DOCTOR_DAY_UNTIL_HOUR = 12;

export interface ReminderSettings {
  /** Email each patient before a confirmed visit (missing = on). */
  visitReminders: boolean;
  /** How many hours before the visit (missing = 24). */
  reminderHours: number;
  /** Email each doctor the day's visits in the morning (missing = off). */
  doctorDayEmail: boolean;
}

/** The clinic document's fields, defaults filled in; anything malformed reads as the default. */
export function reminderSettingsOf(clinic: { get(field: string): unknown }): ReminderSettings {
  const hours = Number(clinic.get("reminderHours"));
  return {
    visitReminders: clinic.get("visitReminders") !== false,
    reminderHours: Number.isInteger(hours) && hours >= REMINDER_HOURS_MIN && hours <= REMINDER_HOURS_MAX ? hours : REMINDER_HOURS_DEFAULT,
    doctorDayEmail: clinic.get("doctorDayEmail") === true,
  };
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The settings form (strings in), what clinics/{id} stores (out). */
export const reminderSettingsSchema = z.object({
  visitReminders: checkbox,
  reminderHours: z
    .string({ error: "Enter how many hours before the visit." })
    .trim()
    .regex(/^\d+$/, { error: "Enter the hours before the visit as a whole number." })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(REMINDER_HOURS_MIN, { error: `Use ${REMINDER_HOURS_MIN} to ${REMINDER_HOURS_MAX}.` })
        .max(REMINDER_HOURS_MAX, { error: `Use ${REMINDER_HOURS_MIN} to ${REMINDER_HOURS_MAX}.` }),
    ),
  doctorDayEmail: checkbox,
});

export interface VisitTiming {
  start: number;
  /** When the visit became confirmed for this start. */
  confirmedAt: number;
}

/** The instant a visit's reminder becomes due. */
export const reminderDueFrom = (start: number, reminderHours: number) => start - reminderHours * HOUR_MS;

/** Is this visit's reminder due at `now`? (Whether it was already sent is the marker's business.) */
export function reminderDue(visit: VisitTiming, reminderHours: number, now: number): boolean {
  const from = reminderDueFrom(visit.start, reminderHours);
  return visit.confirmedAt <= from && from <= now && now < visit.start;
}

/**
 * The marker document's id: one per appointment AND start, so a visit moved
 * to a new time is a new key (and a new reminder), while reruns and racing
 * sweeps for the same time all meet the same document.
 */
export const visitReminderKey = (appointmentId: string, start: number) => `visit_${appointmentId}_${start}`;

/** One doctor's-day email per clinic, doctor and local date. */
export const doctorDayKey = (clinicId: string, doctorId: string, date: LocalDate) => `day_${clinicId}_${doctorId}_${date}`;

/** The clinic's local date whose doctor's-day email is due at `now`, or null outside the morning window. */
export function doctorDayDue(timeZone: string, now: number): LocalDate | null {
  const wallMs = now + zoneOffsetAt(timeZone, now);
  const hour = Math.floor((((wallMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  if (hour < DOCTOR_DAY_FROM_HOUR || hour >= DOCTOR_DAY_UNTIL_HOUR) return null;
  return dayNumberToLocalDate(localDayNumberAt(timeZone, now));
}

/**
 * The first name a doctor's-day email shows: the first word of the name the
 * patient typed. A doctor's morning list needs no more, and a forwarded or
 * misdirected email then says little about who is coming.
 */
export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? "";
}
