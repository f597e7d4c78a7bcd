/**
 * Appointments as the pages show them: the staff queue's rows, one request
 * with its history, and the patient's status page. lib/server reads them
 * (appointments/queue.ts, history-view.ts, patient.ts); components render
 * them. Times are epoch ms unless a field says otherwise.
 */
import type { PatientMoney, PaymentView } from "../payment-view";
import type { VisitOutcomeAction } from "../visits";
import type { OriginalTimeLost } from "../no-time-held";
import type { AppointmentAction, PatientNextStep } from "./state-machine";
import type { AppointmentStatus } from "./status";

/** What a history entry records: a state-machine action, the first request, a visit outcome, or an email correction. */
export type HistoryAction = AppointmentAction | "request" | VisitOutcomeAction | "change_email";

/** One history entry as the staff pages show it (the request page and the visit page). */
export interface HistoryItem {
  seq: string;
  action: HistoryAction;
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  byName: string;
  at: number;
  note: string | null;
}

export interface QueueRow {
  id: string;
  status: AppointmentStatus;
  /** False for a pending request that holds no time: its patient turned a proposed time down, or staff withdrew a proposal and its original time could not be held. */
  timeHeld: boolean;
  /** "clinic" when staff cancelled it; null otherwise (a cancellation then is the patient's). */
  cancelledBy: "clinic" | null;
  patient: { name: string; email: string; phone: string };
  reason: string;
  doctorId: string;
  doctorName: string;
  timezone: string;
  start: number;
  end: number;
  /** While rescheduled: the time the proposal replaces. */
  previousStart: number | null;
  /** While move_requested: the time the patient asked to move to (start/end stay the visit's). */
  moveStart: number | null;
  /** While pending with no time held: the proposed time the patient turned down (null if not recorded). */
  turnedDownStart: number | null;
  /** While pending with no time held: the proposed time staff withdrew (null if they did not: see noTimeHeldCause). */
  withdrawnStart: number | null;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
  version: number;
}

export interface VisitView {
  status: string;
  start: number;
  end: number;
  notes: string;
}

export interface RequestDetail extends QueueRow {
  clinicSlug: string;
  feeCents: number;
  currency: string;
  source: "web" | "api";
  proposal: { previousStart: number; previousEnd: number; message: string | null; at: number } | null;
  declineReason: string | null;
  cancelReason: string | null;
  payment: PaymentView;
  history: HistoryItem[];
  visit: VisitView | null;
}

/** What the patient's private status page shows. */
export interface PatientAppointmentView {
  id: string;
  /** The patient's personal data was erased at their request: the status page shows only that (lib/domain/privacy/erasure.ts). */
  erased?: true;
  status: AppointmentStatus;
  next: PatientNextStep;
  start: string;
  end: string;
  timezone: string;
  expiresAt: string | null;
  clinic: { name: string; slug: string; phone: string; email: string; address: string };
  doctorName: string;
  feeCents: number;
  currency: string;
  patientName: string;
  /** Where the patient's emails go (the page names it, so a typo shows). */
  patientEmail: string;
  /** The version the page shows: a correction made since is a conflict. */
  version: number;
  /** "Wrong address?" is offered (lib/domain/email-correction.ts). */
  emailCorrectable: boolean;
  reason: string;
  /** Set while status is rescheduled: start/end above are the proposed time, these the time it replaces. */
  proposal: { previousStart: string; previousEnd: string; message: string | null; at: number } | null;
  /** Pending after the clinic withdrew the time it proposed: that time (the page says so instead of "you turned it down"). */
  withdrawnProposal: { start: string; originalTimeLost: OriginalTimeLost | null } | null;
  /** False after the patient turned down a proposed time, or the clinic withdrew one whose original time could not be held (pending, no time held). */
  timeHeld: boolean;
  /** The clinic's reason, when declined. */
  declineReason: string | null;
  /** Cancelled by the clinic (cancelByClinic): its reason, and whether the payment goes back. */
  clinicCancel: { reason: string; refunded: boolean } | null;
  /** It was a confirmed visit at some point: once cancelled, the page speaks of the visit, not a request. */
  wasConfirmed: boolean;
  /** Status confirmed: the "Add to calendar" .ics is available (getPatientIcs). */
  confirmedIcsAvailable: boolean;
  /** The appointment's payment as the patient is told it once it ended (a stale tab may pay after they cancelled). */
  money: PatientMoney;
  /** The cancellation policy the appointment was booked under, in words (shown before paying, and on the visit). */
  policyWords: string;
  /**
   * A confirmed visit that has not started: what cancelling now does (the
   * refund, quoted back to the server, which refuses a smaller one). Null otherwise.
   */
  visitCancel: { refundCents: number; paidCents: number; refundWords: string | null } | null;
  /** Status move_requested: the time the patient asked to move to (start/end above stay the visit's) and when the request lapses. */
  moveRequest: { start: string; expiresAt: string | null } | null;
  /** A confirmed visit whose last move request ended without moving: the time asked for, how it ended, the clinic's reason. */
  lastMove: { start: string; outcome: "declined" | "withdrawn" | "lapsed"; reason: string | null } | null;
}
