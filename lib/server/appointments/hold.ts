import "server-only";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { DEFAULT_HOLD_RULE, HOLD_HOURS_MAX, HOLD_HOURS_MIN, holdDeadline, type HoldRule } from "@/lib/domain/hold-deadline";
import { doctorScheduleSchema, type DoctorSchedule } from "@/lib/domain/slots";
import { db } from "../firebase";

// How long a requested time is held: the clinic's rule (clinics/{id}.holdHours,
// .holdOpeningHoursOnly), never past the visit's start. See
// lib/domain/hold-deadline.ts for the rule itself.

/** The clinic's hold rule from its document; missing or out-of-range values read as the default (24 h, wall clock). */
export function holdRuleOf(clinic: { get(field: string): unknown }): HoldRule {
  const hours = Number(clinic.get("holdHours"));
  return {
    hours: Number.isInteger(hours) && hours >= HOLD_HOURS_MIN && hours <= HOLD_HOURS_MAX ? hours : DEFAULT_HOLD_RULE.hours,
    openingHoursOnly: clinic.get("holdOpeningHoursOnly") === true,
  };
}

/**
 * DEV_HOLD_MINUTES: a hold of that many wall-clock minutes, so the dev ticker
 * can be watched expiring a request. Read only when the app talks to local
 * emulators, so it can never shorten a real clinic's holds.
 */
export function devHoldMs(env: Record<string, string | undefined> = process.env): number | null {
  if (!env.FIRESTORE_EMULATOR_HOST) return null;
  const minutes = Number(env.DEV_HOLD_MINUTES);
  return Number.isFinite(minutes) && minutes > 0 && minutes <= 24 * 60 ? minutes * 60_000 : null;
}

/** A clinic that asks patients to confirm their email first holds an unconfirmed request this long. */
export const UNCONFIRMED_HOLD_MS = 30 * 60_000;

/** clinics/{id}.requireEmailConfirmation (missing = off). */
export const requiresEmailConfirmation = (clinic: { get(field: string): unknown }) => clinic.get("requireEmailConfirmation") === true;

/** The short hold of a request waiting for its email confirmation; never past the visit. */
export function unconfirmedHold(now: Date, visitStart: number): Timestamp {
  return Timestamp.fromMillis(Math.min(now.getTime() + (devHoldMs() ?? UNCONFIRMED_HOLD_MS), visitStart));
}

/** The active doctors' schedules, read only when the clinic counts opening hours (in `tx` when given). */
async function clinicSchedules(tx: Transaction | null, clinicId: string, timeZone: string): Promise<DoctorSchedule[]> {
  // query-shape: doctors.active
  const query = db().collection("clinics").doc(clinicId).collection("doctors").where("active", "==", true).limit(200);
  const doctors = tx ? await tx.get(query) : await query.get();
  const out: DoctorSchedule[] = [];
  for (const doc of doctors.docs) {
    const parsed = doctorScheduleSchema.safeParse({ ...doc.get("schedule"), timeZone });
    if (parsed.success) out.push(parsed.data as DoctorSchedule);
  }
  return out;
}

/** The one place a hold's deadline is worked out, for new requests and renewals alike. */
async function deadlineFor(tx: Transaction | null, clinicId: string, timeZone: string, rule: HoldRule, now: Date, visitStart: number): Promise<Timestamp> {
  const dev = devHoldMs();
  if (dev !== null) return Timestamp.fromMillis(Math.min(now.getTime() + dev, visitStart));
  const schedules = rule.openingHoursOnly ? await clinicSchedules(tx, clinicId, timeZone) : [];
  return Timestamp.fromMillis(holdDeadline({ from: now.getTime(), rule, timeZone, schedules, visitStart }));
}

/**
 * The deadline of a new request's hold (read outside the commit: settings
 * and schedules are not what the commit protects).
 */
export function requestHoldDeadline(clinicId: string, timeZone: string, rule: HoldRule, now: Date, visitStart: number): Promise<Timestamp> {
  return deadlineFor(null, clinicId, timeZone, rule, now, visitStart);
}

/**
 * A renewed hold (approval while payment is due, a proposed time, an accepted
 * proposal): the clinic's rule from `now`, never past the visit's start, so a
 * renewal at an opening-hours clinic also ends in working time. Reads the
 * clinic (and, in opening-hours mode, its active doctors) in `tx`: call it
 * before the transaction's first write. `fallbackZone` (the appointment's)
 * is used only if the clinic document has none.
 */
export async function renewalDeadline(tx: Transaction, clinicId: string, fallbackZone: string, now: Date, visitStart: Timestamp | number): Promise<Timestamp> {
  const start = typeof visitStart === "number" ? visitStart : visitStart.toMillis();
  const clinic = await tx.get(db().collection("clinics").doc(clinicId));
  const zone = clinic.get("timezone");
  const timeZone = typeof zone === "string" && zone ? zone : fallbackZone;
  return deadlineFor(tx, clinicId, timeZone, holdRuleOf(clinic), now, start);
}
