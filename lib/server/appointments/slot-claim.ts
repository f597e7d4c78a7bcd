import "server-only";
import type { DocumentReference, DocumentSnapshot, Timestamp, Transaction } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import { isBookableStart, type DoctorSchedule } from "@/lib/domain/slots";
import { loadBusy } from "@/lib/server/booking/busy-time";
import { db } from "../firebase";
import { isAlreadyExists } from "../firestore-errors";
import type { LockSpec } from "@/lib/server/booking/slot-locks";
import { releaseLapsedHolds } from "./expire";

/**
 * Claiming a time, the same way for a new request, a proposed time, an
 * accepted proposal and a late payment's reinstatement: the doctor's schedule
 * must offer the start and no live appointment's busy time may cover it
 * (checked before the commit: the page may be stale), then the commit creates
 * one lock per granule create-only. A lock that exists means taken, unless its
 * hold lapsed: then the lapsed appointment is expired and the claim tries again.
 */

/** Rounds of "release lapsed holds, try again": two claims that each need part of one lapsed hold race to release it, and the loser must still retry. */
export const CLAIM_ATTEMPTS = 4;

export const slotTaken = () => new AppError("slot_unavailable", "That time was just taken. Please choose another time.");

/** The claim's commit found these locks existing (nothing was written). */
export interface Taken {
  taken: DocumentSnapshot[];
}
export const isTaken = (value: unknown): value is Taken => typeof value === "object" && value !== null && "taken" in value;

/** Thrown from inside a change's transaction (rolling it back) when a lock it needs exists. */
export class LocksTaken extends Error implements Taken {
  constructor(readonly taken: DocumentSnapshot[]) {
    super("The time is held by another appointment.");
  }
}

export type Bookability = "bookable" | "not_offered" | "busy";

/** Whether the doctor's schedule offers `start` now (hours, grid, notice, horizon), busy time aside: no read. */
export function isOffered(schedule: DoctorSchedule, start: number, now: Date): boolean {
  return isBookableStart({ schedule, now: now.getTime(), busy: [] }, start);
}

/** Whether no live appointment's busy time covers `start` (one query; call once `isOffered` said yes). */
export async function isFreeOfBusy(
  owner: { clinicId: string; doctorId: string; schedule: DoctorSchedule },
  start: number,
  now: Date,
  opts: { excludeAppointmentId?: string } = {},
): Promise<boolean> {
  const busy = await loadBusy(owner.clinicId, owner.doctorId, start - DAY_MS, start + DAY_MS, now, opts);
  return isBookableStart({ schedule: owner.schedule, now: now.getTime(), busy }, start);
}

/** Before the commit: whether the doctor's schedule offers `start` now, and whether it is free of live appointments' busy time. */
export async function checkBookable(
  owner: { clinicId: string; doctorId: string; schedule: DoctorSchedule },
  start: number,
  now: Date,
  opts: { excludeAppointmentId?: string } = {},
): Promise<Bookability> {
  if (!isOffered(owner.schedule, start, now)) return "not_offered";
  return (await isFreeOfBusy(owner, start, now, opts)) ? "bookable" : "busy";
}

/** In the commit, before any write: the locks to be created that exist already. */
export async function readTakenLocks(tx: Transaction, locks: LockSpec[]): Promise<DocumentSnapshot[]> {
  if (locks.length === 0) return [];
  return (await tx.getAll(...locks.map((l) => l.ref))).filter((s) => s.exists);
}

/**
 * Outside any transaction, one read: whether a live hold (a lock that exists and has not lapsed) covers any of
 * `locks`, so a request for a taken time is turned away before anything else is read, and whether the clinic
 * closed the slot's date (`closure`, read in the same round-trip). Only a fast path: a lock or a closure created
 * after this read is caught by the commit, which re-reads both and creates the locks create-only. A lapsed hold
 * is not live here, as in `claimSlot`: the claim releases it and goes ahead.
 */
export async function readHoldAndClosure(locks: LockSpec[], closure: DocumentReference, now: Date): Promise<{ held: boolean; closed: boolean }> {
  const [closureSnapshot, ...lockSnapshots] = await db().getAll(closure, ...locks.map((l) => l.ref));
  return { held: lockSnapshots.some((lock) => lock.exists && !isLapsedLock(lock, now)), closed: closureSnapshot!.exists };
}

function isLapsedLock(lock: DocumentSnapshot, now: Date): boolean {
  const expiresAt = lock.get("expiresAt") as Timestamp | null | undefined;
  return expiresAt != null && expiresAt.toMillis() <= now.getTime();
}

/**
 * Runs `commit` (a transaction that returns Taken, writing nothing, when a
 * lock it needs exists) until it lands. Taken by live holds, or by a lock
 * created between the read and the commit (ALREADY_EXISTS): `onTaken()`.
 */
export async function claimSlot<R>(clinicId: string, now: Date, commit: () => Promise<R | Taken>, onTaken: () => Error = slotTaken): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    let result: R | Taken;
    try {
      result = await commit();
    } catch (error) {
      if (isAlreadyExists(error)) throw onTaken();
      if (!(error instanceof LocksTaken)) throw error;
      result = { taken: error.taken };
    }
    if (!isTaken(result)) return result;
    const lapsed = result.taken.every((lock) => isLapsedLock(lock, now));
    if (!lapsed || attempt === CLAIM_ATTEMPTS) throw onTaken();
    // Whether this call or a racing one released it, the locks may be free now: try again.
    await releaseLapsedHolds(clinicId, result.taken, now);
  }
}
