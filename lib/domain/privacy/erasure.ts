/**
 * What erasing a patient's personal data writes, and when it is refused. Pure:
 * lib/server/privacy/erase.ts applies it to the appointment and its visit in
 * one transaction per appointment. What is kept (amounts, dates, Stripe ids,
 * status, history) is everything these functions leave alone: docs/privacy.md.
 */
import type { AppointmentStatus } from "../appointments/status";

/** Stands in for every erased value. Not an email address, so no booking, query or mail can ever match it as one. */
export const ERASED = "[erased]";

/** What the status page says instead of the request's details once they are erased. */
export const ERASED_NOTICE = "This request's details were deleted at the patient's request.";

/** The erase form's confirmation, unticked. */
export const CONFIRM_ERASE = "Tick the box to confirm: this can't be undone.";

export const ERASED_PATIENT = { name: ERASED, email: ERASED, phone: ERASED } as const;

/** Statuses where the request is still being decided or paid: its patient is someone the clinic is still talking to. */
const OPEN: ReadonlySet<AppointmentStatus> = new Set(["pending", "approved", "rescheduled"]);

/**
 * A live appointment blocks erasure: an open request, or a confirmed visit that
 * has not ended yet. The clinic needs the patient's details to see them.
 */
export function isLiveAppointment(a: { status: AppointmentStatus; endMs: number }, nowMs: number): boolean {
  return OPEN.has(a.status) || (a.status === "confirmed" && a.endMs > nowMs);
}

/**
 * The appointment's personal fields, replaced. The patient's own cancel reason
 * is theirs; the clinic's (cancelledBy "clinic") is the clinic's record of its
 * decision, like a decline reason, and stays with the history.
 */
export function erasedAppointmentFields(a: { cancelReason?: string | null; cancelledBy?: string }) {
  return {
    patient: { ...ERASED_PATIENT },
    reason: ERASED,
    ...(a.cancelReason && a.cancelledBy !== "clinic" ? { cancelReason: ERASED } : {}),
  };
}

/** The visit's personal fields, replaced: the contact details, the reason and the doctor's notes. */
export function erasedVisitFields() {
  return { patient: { ...ERASED_PATIENT }, reason: ERASED, notes: ERASED };
}
