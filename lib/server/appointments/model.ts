import "server-only";
import type { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { Actor } from "@/lib/domain/appointments/state-machine";
import type { HistoryAction } from "@/lib/domain/appointments/views";
import type { OriginalTimeLost } from "@/lib/domain/no-time-held";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import type { CancellationPolicy } from "@/lib/domain/cancellation-policy";
import { db } from "../firebase";

export interface PatientContact {
  name: string;
  email: string;
  phone: string;
}

/** appointments/{id}. Snapshots (names, zone, fee) keep the record true if settings change later. */
export interface AppointmentDoc {
  clinicId: string;
  clinicSlug: string;
  clinicName: string;
  clinicContact: { phone: string; email: string; address: string };
  doctorId: string;
  doctorName: string;
  timezone: string;
  /** The time the appointment is currently for. While rescheduled, the PROPOSED time (which lockIds hold). */
  start: Timestamp;
  end: Timestamp;
  bufferMinutes: number;
  status: AppointmentStatus;
  /** When the current hold lapses; null when nothing is pending (confirmed or ended). */
  expiresAt: Timestamp | null;
  patient: PatientContact;
  reason: string;
  feeCents: number;
  currency: string;
  /**
   * The clinic's cancellation policy when the request was made (what the
   * patient read before paying); missing on older documents: a full refund
   * until the visit starts (lib/domain/cancellation-policy.ts, NO_POLICY).
   */
  cancellationPolicy?: CancellationPolicy;
  /** SHA-256 of the patient's status-page token; the token itself is never stored. */
  tokenHash: string;
  /** Hashes of the fresh tokens in later emails' status links (see newStatusLink); missing = none. */
  linkTokenHashes?: string[];
  /** SHA-256 of the secret in the "confirm your request" email (confirmTokenMatches); only where confirmation is asked. */
  confirmTokenHash?: string;
  /** The slot-lock documents this appointment holds while it is active. */
  lockIds: string[];
  /** Number of history entries; the next one is history/{version + 1}. */
  version: number;
  /** Set while status is "rescheduled": the time the proposal replaced, and who proposed it. */
  proposal: AppointmentProposal | null;
  /**
   * Set while status is "move_requested": the time the patient asked to move
   * to (visit-move.ts). `start`/`end` stay the visit's own time until the
   * clinic approves; `lockIds` holds both times' locks. Missing/null = none.
   */
  move?: AppointmentMove | null;
  /** How the patient's last move request ended, for their page to say so; missing/null = none, or it was approved. */
  lastMove?: { start: Timestamp; outcome: "declined" | "withdrawn" | "lapsed"; reason?: string | null } | null;
  /**
   * False only for a pending request whose patient turned down a proposed time,
   * or whose proposal staff withdrew when its original time could not be held:
   * no locks, no busy time, expires by the clinic's hold rule from the rejection unless staff act.
   * Missing on documents written before this field existed: read as true.
   */
  timeHeld: boolean;
  /** The proposed time the patient last turned down (set by that answer, for staff to read while no time is held); missing = none recorded. */
  turnedDown?: { start: Timestamp; end: Timestamp };
  /**
   * The proposed time staff withdrew last (withdrawProposal), so both pages can
   * say why a request is back for review; cleared by the next proposal.
   * Missing/null = none.
   */
  withdrawnProposal?: {
    start: Timestamp;
    at: Timestamp;
    /** Set when the original time could not be held again: why. Missing = it was held (or recorded before this field). */
    originalTimeLost?: OriginalTimeLost;
  } | null;
  /** Staff's reason for declining; shown to the patient. */
  declineReason: string | null;
  /** The reason for cancelling: the patient's, if they gave one (never emailed), or the clinic's (emailed to the patient). */
  cancelReason: string | null;
  /** "clinic" when staff cancelled it (cancelByClinic); missing = the patient (or not cancelled). */
  cancelledBy?: "clinic";
  /** The payment once Stripe reported one (lib/server/payments); null until then. */
  payment: AppointmentPayment | null;
  /**
   * The live PaymentIntent preparePayment made for the fee (reused on every
   * try while approved); null once the appointment left "approved" (the
   * intent is then cancelled at Stripe). Missing/null = none.
   */
  paymentIntentId?: string | null;
  /** Every PaymentIntent ever made for this appointment: the webhook acts only on these. Missing = only paymentIntentId. */
  paymentIntentIds?: string[];
  /**
   * When staff were reminded that this request lapses in 2 hours (expiry.ts),
   * set in the same transaction as the reminder email; null until then.
   * Missing on older documents: they get no reminder.
   */
  reminderSentAt?: Timestamp | null;
  /**
   * Only at clinics that ask patients to confirm their email first: null until
   * the patient opens the confirmation link (the hold is 30 minutes until
   * then), then when they did. Missing = no confirmation was asked.
   */
  emailConfirmedAt?: Timestamp | null;
  /** How many times the patient corrected the email address (email-correction.ts); missing = never. */
  emailCorrections?: number;
  /**
   * When the appointment last became confirmed, i.e. confirmed for its current
   * time (a move goes through "rescheduled" and back); set by the lifecycle
   * kernel. The patient reminder goes only to visits confirmed before their
   * reminder window opened. Missing on documents written before this field:
   * updatedAt stands in (never earlier than the confirmation).
   */
  confirmedAt?: Timestamp;
  source: "web" | "api";
  /** When the patient's personal data was erased (lib/server/privacy/erase.ts): patient, reason, own cancel reason are the marker. Missing = not erased. */
  erasedAt?: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AppointmentProposal {
  previousStart: Timestamp;
  previousEnd: Timestamp;
  /** Staff's optional message to the patient. */
  message: string | null;
  at: Timestamp;
  /** Member uid of the proposer. */
  by: string;
  /**
   * The status the first proposal was made from, which withdrawing it
   * restores (a different time proposed meanwhile keeps it, and the
   * previous time). Missing on older documents: see proposedFrom.
   */
  fromStatus?: ProposedFrom;
  /** False when the request held no time when the proposal was made (a turned-down proposal's); missing = it held one. */
  fromTimeHeld?: boolean;
}

/** The time a patient asked to move their confirmed visit to, held (create-only locks, expiring with the request) until the clinic answers. */
export interface AppointmentMove {
  start: Timestamp;
  end: Timestamp;
  /** The doctor's buffer when the move was asked (the new time's busy time). */
  bufferMinutes: number;
  /** The new time's locks (also in the appointment's lockIds, beside the visit's own). */
  lockIds: string[];
  requestedAt: Timestamp;
}

export type ProposedFrom = "pending" | "approved" | "confirmed";

/** The status a withdrawal restores; an older document without the record: a paid one was confirmed, anything else pending. */
export function proposedFrom(a: Pick<AppointmentDoc, "proposal" | "payment">): ProposedFrom {
  return a.proposal?.fromStatus ?? (isPaid(a) ? "confirmed" : "pending");
}

/**
 * The money, as Stripe reported it (lib/server/payments). "refund_pending":
 * the money must go back (a late payment for a time that is gone, a wrong
 * amount, a clinic cancel, a rejected proposal) and the Stripe refund has not
 * been recorded yet; the next webhook delivery or verb that meets it retries.
 */
export interface AppointmentPayment {
  status: "paid" | "refund_pending" | "refunded";
  amountCents: number;
  /** Lower-case, as Stripe writes it. */
  currency: string;
  intentId: string;
  chargeId: string | null;
  paidAt: Timestamp;
  refundReason: RefundReason | null;
  refundId: string | null;
  refundedCents: number;
  refundedAt: Timestamp | null;
  /** Set when the amount or currency differed from the fee snapshot: refunded, never confirmed. */
  flagged: "amount_mismatch" | null;
  /** When less than the whole payment goes back (the patient cancelled under the clinic's policy): the amount to refund. Missing = all of it. */
  refundDueCents?: number;
  /** What the clinic keeps under its cancellation policy (the patient cancelled late). Missing = nothing. */
  keptCents?: number;
}

export type RefundReason =
  | "time_taken"
  | "amount_mismatch"
  | "duplicate"
  | "clinic_cancelled"
  | "proposal_rejected"
  | "proposal_expired"
  | "patient_cancelled"
  | "not_this_appointment"
  | "time_changed"
  | "stripe_dashboard";

export const isPaid = (a: Pick<AppointmentDoc, "payment">) => a.payment?.status === "paid";
/** Documents written before `timeHeld` existed hold their time. */
export const holdsTime = (a: Pick<AppointmentDoc, "timeHeld">) => a.timeHeld !== false;

/** appointments/{id}/history/{seq}: append-only, created and never changed. */
export interface HistoryEntry {
  /** A state-machine action, the first request, or a visit outcome (status stays confirmed; see visits-admin.ts). */
  action: HistoryAction;
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  actor: Actor;
  /** Member uid, or "patient", or "system" (the expiry job, the payment webhook). */
  by: string;
  /** The member's display name at the time, or "Patient" / "System". */
  byName: string;
  at: Timestamp;
  note?: string;
}

/** Who did it, as history records it. */
export interface ActedBy {
  by: string;
  byName: string;
}
export const PATIENT: ActedBy = { by: "patient", byName: "Patient" };
export const SYSTEM: ActedBy = { by: "system", byName: "System" };

export const appointments = () => db().collection("appointments");

/** The default hold (the clinic's rule decides each real one: hold.ts); the honeypot's decoy answer shows it. */
export const HOLD_MS = DAY_MS;

/** Zero-padded so the ids sort in order. */
export const historyId = (seq: number) => String(seq).padStart(6, "0");
