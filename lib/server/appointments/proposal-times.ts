import "server-only";
import { bookableWindow, initialFetchRange, monthFetchRange, monthOf, type DateRange, type IsoSlot } from "@/lib/domain/booking-calendar";
import { AppError } from "@/lib/domain/errors";
import type { Caller } from "@/lib/domain/roles";
import {
  computeFreeSlots,
  dayNumberToLocalDate,
  doctorScheduleSchema,
  localDateToDayNumber,
  localDayNumberAt,
  slotToIso,
  type DoctorSchedule,
  type LocalDate,
} from "@/lib/domain/slots";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import { localDateKey } from "@/lib/domain/time-format";
import { isAppointmentId } from "@/lib/domain/validation";
import { loadBusy } from "@/lib/server/booking/busy-time";
import { db } from "../firebase";
import { appointments, holdsTime, type AppointmentDoc } from "./model";
import { notFound, scopeOf } from "./queue";
import { appNow } from "../clock";

// The staff side's "Propose a new time" picker: the doctor's free times from
// the same slot engine patients use, scoped like the queue (queue.ts).

export interface ProposalTimes {
  timezone: string;
  /** The dates the doctor takes bookings for (today through the horizon), for the calendar's bounds. */
  window: DateRange;
  /** The dates `slots` cover. */
  range: DateRange;
  slots: IsoSlot[];
  /** The local date of the request's current time, for the calendar's first selection. */
  ownDate: LocalDate;
}

const MAX_RANGE_DAYS = 62;

/**
 * The doctor's free times a new time can be proposed from: the same slot
 * engine and busy time patients get, except that this request's own time
 * counts as free, so staff can shift it within its own slot. Without a range:
 * the month of the request's own time, or (if that is outside the bookable
 * window) the rest of this month and the next.
 */
export async function getProposalTimes(caller: Caller | null, id: string, range?: DateRange, now = appNow()): Promise<ProposalTimes> {
  const scope = scopeOf(caller);
  if (!isAppointmentId(id)) throw notFound();
  const snapshot = await appointments().doc(id).get();
  const a = snapshot.data() as AppointmentDoc | undefined;
  if (!a || a.clinicId !== scope.caller.clinicId || (scope.doctorId && a.doctorId !== scope.doctorId)) throw notFound();

  const schedule = await loadSchedule(a.clinicId, a.doctorId);
  const today = dayNumberToLocalDate(localDayNumberAt(schedule.timeZone, now.getTime()));
  const window = bookableWindow(today, schedule.horizonDays);
  // First view: the month of the request's own time (staff often shift it a little), else from today.
  const own = localDateKey(a.start.toMillis(), schedule.timeZone);
  const wanted = range ?? (own >= window.from && own <= window.to ? monthFetchRange(monthOf(own), window)! : initialFetchRange(window));
  const days = localDateToDayNumber(wanted.to) - localDateToDayNumber(wanted.from) + 1;
  if (days < 1 || days > MAX_RANGE_DAYS) {
    throw new AppError("invalid_request", `Ask for between 1 and ${MAX_RANGE_DAYS} days of free times.`);
  }
  // A day of margin each side covers any zone and the buffer of a visit just before.
  const fromMs = localDateToDayNumber(wanted.from) * DAY_MS - DAY_MS;
  const toMs = (localDateToDayNumber(wanted.to) + 2) * DAY_MS;
  const busy = await loadBusy(a.clinicId, a.doctorId, fromMs, toMs, now, { excludeAppointmentId: id });
  // The time it already holds is no proposal: leave that one out (times overlapping it stay).
  const current = holdsTime(a) ? a.start.toMillis() : null;
  const slots = computeFreeSlots({ schedule, busy, now: now.getTime(), from: wanted.from, to: wanted.to }).filter((slot) => slot.start !== current);
  return { timezone: schedule.timeZone, window, range: wanted, slots: slots.map(slotToIso), ownDate: own };
}

/** The doctor's schedule in the clinic's zone; a schedule the engine can't read offers no times, like the booking page. */
async function loadSchedule(clinicId: string, doctorId: string): Promise<DoctorSchedule> {
  const clinicRef = db().collection("clinics").doc(clinicId);
  const [clinic, doctor] = await Promise.all([clinicRef.get(), clinicRef.collection("doctors").doc(doctorId).get()]);
  if (!clinic.exists || !doctor.exists) throw new AppError("not_found", "This request's doctor is no longer in your clinic.");
  const parsed = doctorScheduleSchema.safeParse({ ...doctor.get("schedule"), timeZone: String(clinic.get("timezone")) });
  if (!parsed.success) {
    throw new AppError("conflict", "This doctor's hours need fixing before a new time can be proposed. Ask an admin to check Availability.");
  }
  return parsed.data as DoctorSchedule;
}
