import "server-only";
import { AppError } from "@/lib/domain/errors";
import { DAY_MS, computeFreeSlots, localDateToDayNumber, slotToIso, type LocalDate } from "@/lib/domain/slots";
import type { BookableDoctor } from "./bookable-doctor";
import { cachedBookableDoctor } from "./cached-bookable-doctor";
import { loadBusy } from "./busy-time";
import { appNow } from "@/lib/server/clock";

export const MAX_RANGE_DAYS = 62;

export interface FreeSlots {
  timezone: string;
  slots: { start: string; end: string }[];
}

/**
 * A doctor's free slots for local dates from..to (clinic zone), for the public
 * slots API. The busy times come straight from Firestore: held and confirmed
 * time is gone the moment it is taken. The doctor's hours come from the clinic
 * profile cache, which a save forgets. Says nothing about who holds a time.
 */
export async function listFreeSlots(slug: string, doctorId: string, from: LocalDate, to: LocalDate, now = appNow()): Promise<FreeSlots> {
  checkRange(from, to);
  return freeSlotsOf(await cachedBookableDoctor(slug, doctorId), from, to, now);
}

/** The same for a doctor already loaded in this request (the booking page has), sparing its reads. */
export async function freeSlotsOf(bookable: BookableDoctor, from: LocalDate, to: LocalDate, now = appNow()): Promise<FreeSlots> {
  checkRange(from, to);
  const { clinic, doctor, schedule } = bookable;
  // Local dates span at most UTC-12..UTC+14 around their UTC day; a day of
  // margin each side covers any zone, and the buffer of a visit just before.
  const fromMs = localDateToDayNumber(from) * DAY_MS - DAY_MS;
  const toMs = (localDateToDayNumber(to) + 2) * DAY_MS;
  const busy = await loadBusy(clinic.id, doctor.id, fromMs, toMs, now);
  const slots = computeFreeSlots({ schedule, busy, now: now.getTime(), from, to });
  return { timezone: schedule.timeZone, slots: slots.map(slotToIso) };
}

function checkRange(from: LocalDate, to: LocalDate): void {
  const days = localDateToDayNumber(to) - localDateToDayNumber(from) + 1;
  if (days < 1) throw new AppError("invalid_request", "`to` must be on or after `from`.", { to: "Must be on or after from" });
  if (days > MAX_RANGE_DAYS) {
    throw new AppError("invalid_request", `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { to: `At most ${MAX_RANGE_DAYS} days after from` });
  }
}
