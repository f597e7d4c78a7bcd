import "server-only";
import type { MoveCalendar } from "@/lib/domain/appointments/move-calendar";
import { bookableWindow, type IsoSlot } from "@/lib/domain/booking-calendar";
import { firstFetchRange } from "@/lib/domain/booking-choice";
import { moveWords } from "@/lib/domain/cancellation-policy";
import { isAppointmentId } from "@/lib/domain/validation";
import { dayNumberToLocalDate, localDayNumberAt } from "@/lib/domain/slots";
import { weekStartForZone } from "@/lib/domain/week-start";
import { loadClinicDoctor } from "@/lib/server/booking/bookable-doctor";
import { freeSlotsOf } from "@/lib/server/booking/free-slot-reader";
import { appNow } from "../clock";
import { inFreeWindow } from "./cancellation";
import { appointments, type AppointmentDoc } from "./model";
import { appointmentTokenMatches } from "./tokens";


/**
 * For a confirmed visit still ahead whose doctor takes online bookings, with
 * the patient's token; null otherwise (the page then offers no move). The
 * free slots are the public ones: the visit's own time shows as taken.
 */
export async function getMoveCalendar(id: string, token: string | null | undefined, now: Date = appNow()): Promise<MoveCalendar | null> {
  if (!isAppointmentId(id)) return null;
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a) || a.status !== "confirmed" || now.getTime() >= a.start.toMillis()) return null;
  const bookable = await loadClinicDoctor(a.clinicId, a.doctorId).catch(() => null);
  if (!bookable) return null;
  const { clinic, schedule } = bookable;
  const today = dayNumberToLocalDate(localDayNumberAt(clinic.timezone, now.getTime()));
  const window = bookableWindow(today, schedule.horizonDays);
  const range = firstFetchRange(window, null);
  let slots: IsoSlot[] | null = null;
  try {
    slots = (await freeSlotsOf(bookable, range.from, range.to, now)).slots;
  } catch (error) {
    // The calendar offers to try again.
    console.error(`Could not load free slots to move ${id}`, error);
  }
  const policy = bookable.requestRules.cancellationPolicy;
  const swapsNow = policy.movesWithoutReview && inFreeWindow(a, now);
  return {
    slug: clinic.slug,
    doctorId: a.doctorId,
    timeZone: clinic.timezone,
    today,
    window,
    weekStartsOn: weekStartForZone(clinic.timezone),
    initial: { range, slots, fetchedAt: now.getTime() },
    swapsNow,
    words: moveWords({ ...policy, movesWithoutReview: swapsNow }, swapsNow),
  };
}
