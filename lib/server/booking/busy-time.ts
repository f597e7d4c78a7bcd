import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { UtcInterval, UtcMs } from "@/lib/domain/slots";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";

// The statuses that hold time. The same commit that moves an appointment out
// of them deletes its slot locks, so this read agrees with the locks; the
// locks remain what actually prevents a double booking.
// A visit whose patient asked to move it holds its own time and the new one.
export const HOLDING: AppointmentStatus[] = ["pending", "approved", "rescheduled", "confirmed", "move_requested"];

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
 * documents rather than hundreds. A patient's pending move holds a second time
 * (`move`), found by a second query (any date: the new time may be far from
 * the visit's), until the request lapses; the visit's own time never lapses.
 */
export async function loadBusy(
  clinicId: string,
  doctorId: string,
  from: UtcMs,
  to: UtcMs,
  now: Date,
  opts: { excludeAppointmentId?: string } = {},
): Promise<UtcInterval[]> {
  const [snapshot, moves] = await Promise.all([
    // query-shape: appointments.busyForDoctor
    appointments()
      .where("clinicId", "==", clinicId)
      .where("doctorId", "==", doctorId)
      .where("status", "in", HOLDING)
      .where("start", ">=", Timestamp.fromMillis(from - LONGEST_HOLD_MS))
      .where("start", "<", Timestamp.fromMillis(to))
      .select("start", "end", "bufferMinutes", "expiresAt", "timeHeld", "status")
      .get(),
    // query-shape: appointments.movesForDoctor
    appointments()
      .where("clinicId", "==", clinicId)
      .where("doctorId", "==", doctorId)
      .where("status", "==", "move_requested")
      .select("move", "expiresAt")
      .get(),
  ]);
  const lapsed = (expiresAt: AppointmentDoc["expiresAt"] | undefined) => expiresAt != null && expiresAt.toMillis() <= now.getTime();
  const busy: UtcInterval[] = [];
  for (const doc of snapshot.docs) {
    if (doc.id === opts.excludeAppointmentId) continue;
    const a = doc.data() as Pick<AppointmentDoc, "start" | "end" | "bufferMinutes" | "expiresAt" | "timeHeld" | "status">;
    if (a.timeHeld === false) continue;
    // A move request's deadline is its new time's, never the visit's.
    if (a.status !== "move_requested" && lapsed(a.expiresAt)) continue;
    busy.push({ start: a.start.toMillis(), end: a.end.toMillis() + a.bufferMinutes * 60_000 });
  }
  for (const doc of moves.docs) {
    const { move, expiresAt } = doc.data() as Pick<AppointmentDoc, "move" | "expiresAt">;
    if (!move || lapsed(expiresAt) || doc.id === opts.excludeAppointmentId) continue;
    const end = move.end.toMillis() + move.bufferMinutes * 60_000;
    if (end > from - LONGEST_HOLD_MS && move.start.toMillis() < to) busy.push({ start: move.start.toMillis(), end });
  }
  return busy;
}
