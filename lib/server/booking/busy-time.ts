import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { UtcInterval, UtcMs } from "@/lib/domain/slots";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";

// The statuses that hold time. The same commit that moves an appointment out
// of them deletes its slot locks, so this read agrees with the locks; the
// locks remain what actually prevents a double booking.
export const HOLDING: AppointmentStatus[] = ["pending", "approved", "rescheduled", "confirmed"];

// Longest visit (240 min) plus longest buffer (120 min): an appointment that
// starts this long before `from` can still reach into the range.
const LONGEST_HOLD_MS = 6 * 60 * 60 * 1000;

/**
 * A clinic's doctor's busy time overlapping [from, to): every appointment that
 * holds time, padded with its buffer. Keyed by clinic as well as doctor:
 * doctor ids are only unique within a clinic. A pending request whose patient
 * turned down a proposed time holds none (timeHeld false). `excludeAppointmentId`
 * leaves one appointment out, so staff can propose a shift of its own slot.
 * Lapsed holds count as free; the next request
 * that needs their time releases them (see releaseLapsedHolds). Reads one
 * document per visit, not one per 5-minute lock: a busy month is a few dozen
 * documents rather than hundreds.
 */
export async function loadBusy(
  clinicId: string,
  doctorId: string,
  from: UtcMs,
  to: UtcMs,
  now: Date,
  opts: { excludeAppointmentId?: string } = {},
): Promise<UtcInterval[]> {
  // query-shape: appointments.busyForDoctor
  const snapshot = await appointments()
    .where("clinicId", "==", clinicId)
    .where("doctorId", "==", doctorId)
    .where("status", "in", HOLDING)
    .where("start", ">=", Timestamp.fromMillis(from - LONGEST_HOLD_MS))
    .where("start", "<", Timestamp.fromMillis(to))
    .select("start", "end", "bufferMinutes", "expiresAt", "timeHeld")
    .get();
  const busy: UtcInterval[] = [];
  for (const doc of snapshot.docs) {
    if (doc.id === opts.excludeAppointmentId) continue;
    const a = doc.data() as Pick<AppointmentDoc, "start" | "end" | "bufferMinutes" | "expiresAt" | "timeHeld">;
    if (a.timeHeld === false) continue;
    if (a.expiresAt && a.expiresAt.toMillis() <= now.getTime()) continue;
    busy.push({ start: a.start.toMillis(), end: a.end.toMillis() + a.bufferMinutes * 60_000 });
  }
  return busy;
}
