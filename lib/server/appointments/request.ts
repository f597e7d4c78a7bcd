import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { BookingApiRequest } from "@/lib/domain/booking-request";
import { clinicDateAt } from "@/lib/domain/clinic-closures";
import { AppError } from "@/lib/domain/errors";
import { loadBookableDoctor, type BookingTarget } from "@/lib/server/booking/bookable-doctor";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { locksFor, type LockSpec } from "@/lib/server/booking/slot-locks";
import { loadRequestRecipients } from "@/lib/server/team/request-notifications";
import { requestReceivedEmail } from "@/lib/server/mail/request-emails";
import { newRequestClinicEmail } from "@/lib/server/mail/review-emails";
import { checkLimits, recordRequest } from "@/lib/server/booking/request-limits";
import { assertOpenInTransaction, clinicClosed, closureRef } from "@/lib/server/clinics/closures";
import { createLocks } from "./appointment-locks";
import { LocksTaken, claimSlot, isFreeOfBusy, readHoldAndClosure, isOffered, readTakenLocks, slotTaken } from "./slot-claim";
import { requestHoldDeadline, unconfirmedHold } from "./hold";
import { HOLD_MS, PATIENT, appointments, historyId, type AppointmentDoc, type HistoryEntry } from "./model";
import { newAccessToken } from "./tokens";
import { useWaitlistEntry } from "@/lib/server/waitlist/join";
import { appNow } from "../clock";

export { HOLD_MS };

export interface RequestedAppointment {
  id: string;
  status: "pending";
  expiresAt: string;
  statusUrl: string;
}

export interface RequestOptions {
  source: "web" | "api";
  now?: Date;
  /** The client's address (client-ip.ts), for the per-address limit; null when unknown (it is then not counted). */
  ip?: string | null;
  /** The booking form's hidden field, invisible to people: filled means a bot. */
  honeypot?: string | null;
}

/**
 * A patient asks for a slot. In ONE transaction: the limits (live requests
 * per email at the clinic, requests per address per hour; request-limits.ts)
 * are checked, the slot locks are read and, if all free, created with the
 * pending appointment, its first history entry, the "request received" email
 * and one "new request" email per clinic recipient (notifications.ts). A lock
 * that exists means taken, unless its hold lapsed: then it is expired and the
 * request tries again. Nothing is written unless everything is.
 *
 * Before it, a request for a time a live hold already covers is answered
 * "taken" after one read of the locks (with the date's closure; most of a
 * rush for one time), before the other reads; the commit stays what prevents
 * a double booking.
 */
export async function requestAppointment(slug: string, doctorId: string, request: BookingApiRequest, options: RequestOptions): Promise<RequestedAppointment> {
  const now = options.now ?? appNow();
  const bookable = await loadBookableDoctor(slug, doctorId);
  const { clinic, schedule, requestRules: rules } = bookable;
  const start = Date.parse(request.start);
  const slot = { start, end: start + schedule.slotMinutes * 60_000 };

  // One round-trip: the time's locks and its date's closure. A closed clinic says so first (the calendar showed
  // the day empty, so "not available" would not say why).
  const locks = locksFor(clinic.id, doctorId, slot, schedule.bufferMinutes);
  const { held, closed } = await readHoldAndClosure(locks, closureRef(clinic.id, clinicDateAt(clinic.timezone, start)), now);
  if (closed) throw clinicClosed();
  // Re-validate against the engine now: the page the patient saw may be stale.
  if (!isOffered(schedule, start, now)) {
    throw new AppError("invalid_request", "That time isn't one of the doctor's available times. Please choose another.", {
      start: "Please choose one of the available times",
    });
  }
  // A bot filled the hidden field: answer as if it worked, hold nothing, send nothing.
  if (options.honeypot && options.honeypot.trim() !== "") return decoyAnswer(now);
  if (held) throw slotTaken();

  // A clinic may ask the patient to confirm their email first: until then the time is held 30 minutes only,
  // and the clinic hears of the request at confirmation (email-confirmation.ts).
  const confirmFirst = rules.confirmEmailFirst;
  // The rest the commit needs, read outside it and together, while the commit starts with its read of the locks
  // (the sooner a winner commits, the fewer of a rush get past the read above): the busy time, who at the clinic
  // hears of the request, the hold's deadline.
  const prepared: Promise<Prepared> = Promise.all([
    isFreeOfBusy({ clinicId: clinic.id, doctorId, schedule }, start, now),
    confirmFirst ? [] : loadRequestRecipients(clinic.id, clinic.email, doctorId),
    confirmFirst ? unconfirmedHold(now, slot.start) : requestHoldDeadline(clinic.id, clinic.timezone, rules.hold, now, slot.start),
  ]).then(([free, recipients, expiresAt]) => ({ free, recipients, expiresAt }));
  // The commit awaits it; until then a failure must not count as unhandled.
  prepared.catch(() => undefined);
  const context: HoldContext = {
    bookable,
    request,
    slot,
    locks,
    prepared,
    source: options.source,
    now,
    ip: options.ip ?? null,
    ipLimit: rules.ipRequestsPerHour,
    confirmFirst,
  };
  return claimSlot(clinic.id, now, () => commitHold(context));
}

function decoyAnswer(now: Date): RequestedAppointment {
  const id = appointments().doc().id;
  return { id, status: "pending", expiresAt: new Date(now.getTime() + HOLD_MS).toISOString(), statusUrl: `${serverEnv().APP_URL}/appointments/${id}` };
}

/** Read outside the commit: whether busy time covers the slot, the clinic's recipients (none when the patient confirms first), the hold's deadline. */
interface Prepared {
  free: boolean;
  recipients: string[];
  expiresAt: Timestamp;
}

interface HoldContext {
  bookable: BookingTarget;
  request: BookingApiRequest;
  slot: { start: number; end: number };
  locks: LockSpec[];
  prepared: Promise<Prepared>;
  source: "web" | "api";
  now: Date;
  ip: string | null;
  ipLimit: number;
  confirmFirst: boolean;
}

async function commitHold(c: HoldContext): Promise<RequestedAppointment> {
  const { bookable: { clinic, doctor, schedule }, request, slot, locks, now } = c;
  const ref = appointments().doc();
  const { token, hash } = newAccessToken();
  const at = Timestamp.fromDate(now);
  const appUrl = serverEnv().APP_URL;
  const statusUrl = `${appUrl}/appointments/${ref.id}?t=${token}`;
  // Its own secret, only in the email: the status link above goes back to whoever submitted the form.
  const confirm = c.confirmFirst ? newAccessToken() : null;

  return db().runTransaction(async (tx) => {
    // Every read before any write: the locks, then the limits. Taken: end here, before the limits' reads (the
    // rollback is not awaited), so the losers of a rush for one time let go of the locks' documents at once.
    // The closure of the slot's date is read here too, so a closure committed after the check above (or a
    // booking committed before the closure) is decided by the commit: one of them sees the other.
    const [blocking] = await Promise.all([readTakenLocks(tx, locks), assertOpenInTransaction(tx, clinic.id, clinic.timezone, slot.start)]);
    if (blocking.length > 0) throw new LocksTaken(blocking);
    const { free, recipients, expiresAt } = await c.prepared;
    if (!free) throw slotTaken();
    const limits = await checkLimits(tx, { clinicId: clinic.id, email: request.patient.email, ip: c.ip, ipLimit: c.ipLimit, now, confirmedOnly: c.confirmFirst });

    createLocks(tx, locks, { clinicId: clinic.id, doctorId: doctor.id }, ref.id, expiresAt);
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
      cancellationPolicy: c.bookable.requestRules.cancellationPolicy,
      tokenHash: hash,
      lockIds: locks.map((l) => l.ref.id),
      version: 1,
      proposal: null,
      timeHeld: true,
      declineReason: null,
      cancelReason: null,
      payment: null,
      reminderSentAt: null,
      ...(confirm ? { emailConfirmedAt: null, confirmTokenHash: confirm.hash, linkTokenHashes: [confirm.hash] } : {}),
      source: c.source,
      createdAt: at,
      updatedAt: at,
    };
    tx.create(ref, appointment);
    const entry: HistoryEntry = { action: "request", from: null, to: "pending", actor: "patient", ...PATIENT, at };
    tx.create(ref.collection("history").doc(historyId(1)), entry);
    recordRequest(tx, limits, now);
    // Booking this doctor uses the person's place on the doctor's waiting list.
    useWaitlistEntry(tx, clinic.id, doctor.id, request.patient.email);

    const confirmUrl = confirm ? `${appUrl}/appointments/${ref.id}/confirm?t=${confirm.token}` : null;
    queueMail(tx, requestReceivedEmail(appointment, statusUrl, confirmUrl), { appointmentId: ref.id });
    const requestUrl = `${appUrl}/dashboard/requests/${ref.id}`;
    for (const to of recipients) queueMail(tx, newRequestClinicEmail(appointment, to, requestUrl), { appointmentId: ref.id });
    return { id: ref.id, status: "pending" as const, expiresAt: expiresAt.toDate().toISOString(), statusUrl };
  });
}
