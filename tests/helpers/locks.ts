// The invariant every appointment verb keeps: the slot-lock documents are
// exactly the granules of the appointments that hold time, each owned by its
// appointment, with the appointment's expiry. Call it after every verb.
import { expect } from "vitest";
import { granuleKey, lockGranuleStarts } from "@/lib/domain/slots";
import { db } from "@/lib/server/firebase";

const HOLDING = new Set(["pending", "approved", "rescheduled", "confirmed", "move_requested"]);

const lockIdsOf = (a: FirebaseFirestore.DocumentData, time: FirebaseFirestore.DocumentData) =>
  lockGranuleStarts({ start: time.start.toMillis(), end: time.end.toMillis() }, time.bufferMinutes).map((g) => `${a.clinicId}_${a.doctorId}_${granuleKey(g)}`);

export async function expectLocksMatchLiveAppointments(): Promise<void> {
  const [appointments, locks] = await Promise.all([db().collection("appointments").get(), db().collection("slotLocks").get()]);
  const expected = new Map<string, { appointmentId: string; expiresAt: number | null }>();
  for (const doc of appointments.docs) {
    const a = doc.data();
    if (!HOLDING.has(a.status) || a.timeHeld === false) {
      expect(a.lockIds, `appointment ${doc.id} (${a.status}, timeHeld ${a.timeHeld}) holds no time`).toEqual([]);
      continue;
    }
    // A pending move holds the visit's own time for good and the new time until the request lapses.
    const moving = a.status === "move_requested";
    const own = lockIdsOf(a, a);
    const moved = moving ? lockIdsOf(a, a.move) : [];
    expect([...a.lockIds].sort(), `appointment ${doc.id}'s lockIds`).toEqual([...own, ...moved].sort());
    for (const [ids, expiresAt] of [[own, moving ? null : a.expiresAt], [moved, a.expiresAt]] as const) {
      for (const id of ids) {
        expect(expected.has(id), `lock ${id} claimed by two live appointments`).toBe(false);
        expected.set(id, { appointmentId: doc.id, expiresAt: expiresAt ? expiresAt.toMillis() : null });
      }
    }
  }
  const actual = new Map(
    locks.docs.map((d) => [d.id, { appointmentId: d.get("appointmentId") as string, expiresAt: d.get("expiresAt")?.toMillis() ?? null }]),
  );
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}
