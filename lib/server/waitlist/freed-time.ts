import "server-only";
import { Timestamp, type DocumentSnapshot, type Transaction, type WriteBatch } from "firebase-admin/firestore";
import { GRANULE_MS } from "@/lib/domain/slots";
import { appNow } from "@/lib/server/clock";
import { waitlistWakeups, type WaitlistWakeupDoc } from "./entries";

// Where time frees up, one small write in the same commit: a wake-up document
// the waiting list's job reads after it (wake.ts). Nothing here reads, so it
// can sit anywhere among a transaction's writes.

const WAKEUP_TTL_MS = 7 * 86_400_000;

type Writer = Transaction | WriteBatch;
type Span = Pick<WaitlistWakeupDoc, "clinicId" | "doctorId" | "from" | "to" | "fromDate" | "toDate" | "reason">;

export function enqueueWake(writer: Writer, span: Span, now: Date = appNow()): void {
  const doc: WaitlistWakeupDoc = { ...span, createdAt: Timestamp.fromDate(now), doneAt: null, ttlAt: Timestamp.fromMillis(now.getTime() + WAKEUP_TTL_MS) };
  (writer as WriteBatch).create(waitlistWakeups().doc(), doc);
}

/** Slot locks being released: one wake-up per doctor, spanning the granules freed. */
export function enqueueReleasedLocks(writer: Writer, locks: readonly DocumentSnapshot[]): void {
  const spans = new Map<string, { clinicId: string; doctorId: string; from: number; to: number }>();
  for (const lock of locks) {
    const clinicId = lock.get("clinicId");
    const doctorId = lock.get("doctorId");
    const start = (lock.get("start") as Timestamp | undefined)?.toMillis();
    if (typeof clinicId !== "string" || typeof doctorId !== "string" || start === undefined) continue;
    const key = `${clinicId}/${doctorId}`;
    const span = spans.get(key);
    spans.set(key, { clinicId, doctorId, from: Math.min(span?.from ?? start, start), to: Math.max(span?.to ?? 0, start + GRANULE_MS) });
  }
  for (const s of spans.values()) {
    enqueueWake(writer, { clinicId: s.clinicId, doctorId: s.doctorId, from: Timestamp.fromMillis(s.from), to: Timestamp.fromMillis(s.to), fromDate: null, toDate: null, reason: "released" });
  }
}
