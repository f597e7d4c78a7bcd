import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { BookingApiRequest } from "@/lib/domain/booking-request";
import { AppError } from "@/lib/domain/errors";
import { isBookableStart } from "@/lib/domain/slots";
import { loadBookableDoctor, type BookableDoctor } from "../bookable-doctor";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { loadBusy } from "../busy-time";
import { locksFor, type LockSpec, type SlotLockDoc } from "../slot-locks";
import { loadRequestRecipients } from "../notifications";
import { requestReceivedEmail } from "./emails";
import { newRequestClinicEmail } from "./review-emails";
import { releaseLapsedHolds } from "./expire";
import { HOLD_MS, PATIENT, appointments, historyId, type AppointmentDoc, type HistoryEntry } from "./model";
import { newAccessToken } from "./tokens";

export { HOLD_MS };
const DAY_MS = 24 * 60 * 60 * 1000;
const ALREADY_EXISTS = 6;

export interface RequestedAppointment {
  id: string;
  status: "pending";
  expiresAt: string;
  statusUrl: string;
}

const taken = () => new AppError("slot_unavailable", "That time was just taken. Please choose another time.");

/**
 * A patient asks for a slot. In ONE commit: the slot locks (create-only, first),
 * the pending appointment, its first history entry, the "request received"
 * email and one "new request" email per clinic recipient (notifications.ts). Any lock that already exists fails the whole commit, so the time
 * cannot be double-booked, and nothing is written.
 */
export async function requestAppointment(
  slug: string,
  doctorId: string,
  request: BookingApiRequest,
  options: { source: "web" | "api"; now?: Date },
): Promise<RequestedAppointment> {
  const now = options.now ?? new Date();
  const bookable = await loadBookableDoctor(slug, doctorId);
  const start = Date.parse(request.start);
  const slot = { start, end: start + bookable.schedule.slotMinutes * 60_000 };

  // Re-validate against the engine now: the page the patient saw may be stale.
  const base = { schedule: bookable.schedule, now: now.getTime() };
  if (!isBookableStart({ ...base, busy: [] }, start)) {
    throw new AppError("invalid_request", "That time isn't one of the doctor's available times. Please choose another.", {
      start: "Please choose one of the available times",
    });
  }
  const busy = await loadBusy(bookable.clinic.id, doctorId, start - DAY_MS, start + DAY_MS, now);
  if (!isBookableStart({ ...base, busy }, start)) throw taken();

  const locks = locksFor(bookable.clinic.id, doctorId, slot, bookable.schedule.bufferMinutes);
  // Read before the batch: who at the clinic hears of the new request.
  const recipients = await loadRequestRecipients(bookable.clinic.id, bookable.clinic.email, doctorId);
  const hold = () => commitHold(bookable, request, slot, locks, recipients, options.source, now);
  try {
    return await hold();
  } catch (error) {
    if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error;
  }
  // Taken, unless what holds it is a lapsed hold nobody has cleaned up yet.
  const existing = await db().getAll(...locks.map((l) => l.ref));
  if (!(await releaseLapsedHolds(bookable.clinic.id, existing, now))) throw taken();
  try {
    return await hold();
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) throw taken();
    throw error;
  }
}

async function commitHold(
  { clinic, doctor, schedule }: BookableDoctor,
  request: BookingApiRequest,
  slot: { start: number; end: number },
  locks: LockSpec[],
  clinicRecipients: string[],
  source: "web" | "api",
  now: Date,
): Promise<RequestedAppointment> {
  const ref = appointments().doc();
  const { token, hash } = newAccessToken();
  const expiresAt = Timestamp.fromMillis(now.getTime() + HOLD_MS);
  const at = Timestamp.fromDate(now);
  const batch = db().batch();

  // Locks first: if one exists the commit fails before anything else applies.
  for (const lock of locks) {
    const doc: SlotLockDoc = { clinicId: clinic.id, doctorId: doctor.id, appointmentId: ref.id, start: Timestamp.fromMillis(lock.start), expiresAt };
    batch.create(lock.ref, doc);
  }
  const appointment: AppointmentDoc = {
    clinicId: clinic.id,
    clinicSlug: clinic.slug,
    clinicName: clinic.name,
    clinicContact: { phone: clinic.phone, email: clinic.email, address: clinic.address },
    doctorId: doctor.id,
    doctorName: doctor.name,
    timezone: clinic.timezone,
    start: Timestamp.fromMillis(slot.start),
    end: Timestamp.fromMillis(slot.end),
    bufferMinutes: schedule.bufferMinutes,
    status: "pending",
    expiresAt,
    patient: request.patient,
    reason: request.reason,
    feeCents: clinic.feeCents,
    currency: clinic.currency,
    tokenHash: hash,
    lockIds: locks.map((l) => l.ref.id),
    version: 1,
    proposal: null,
    timeHeld: true,
    declineReason: null,
    cancelReason: null,
    payment: null,
    source,
    createdAt: at,
    updatedAt: at,
  };
  batch.create(ref, appointment);
  const entry: HistoryEntry = { action: "request", from: null, to: "pending", actor: "patient", ...PATIENT, at };
  batch.create(ref.collection("history").doc(historyId(1)), entry);

  const appUrl = serverEnv().APP_URL;
  const statusUrl = `${appUrl}/appointments/${ref.id}?t=${token}`;
  queueMail(batch, requestReceivedEmail(appointment, statusUrl), { appointmentId: ref.id });
  const requestUrl = `${appUrl}/dashboard/requests/${ref.id}`;
  for (const to of clinicRecipients) queueMail(batch, newRequestClinicEmail(appointment, to, requestUrl), { appointmentId: ref.id });
  await batch.commit();
  return { id: ref.id, status: "pending", expiresAt: expiresAt.toDate().toISOString(), statusUrl };
}
