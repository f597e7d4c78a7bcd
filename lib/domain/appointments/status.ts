/**
 * Appointment statuses and how they are presented.
 *
 * This is the single source of truth for the words and colours a status gets,
 * so the patient page, the staff inbox and emails never drift apart. Screens
 * should call `statusLabel` / `statusTone` instead of writing their own copy.
 */

export const APPOINTMENT_STATUSES = [
  "pending",
  "approved",
  "rescheduled",
  "confirmed",
  // A confirmed visit whose patient asked to move it: a second time is held until the clinic answers.
  "move_requested",
  "declined",
  "cancelled",
  "expired",
] as const;

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export type StatusAudience = "patient" | "staff";

/**
 * What a person is shown: the stored status, except that a cancellation is
 * told apart by who made it. The data keeps one "cancelled" status with
 * `cancelledBy: "clinic"` beside it (missing = the patient), so every screen
 * passes through `shownStatus` rather than labelling "cancelled" itself.
 */
export const SHOWN_STATUSES = [...APPOINTMENT_STATUSES, "cancelled_by_clinic"] as const;

export type ShownStatus = (typeof SHOWN_STATUSES)[number];

/** Who called an appointment off: "clinic" as stored on the appointment; anything else is the patient. */
export type CancelledBy = "clinic" | null | undefined;

export function shownStatus(status: AppointmentStatus, cancelledBy: CancelledBy): ShownStatus {
  return status === "cancelled" && cancelledBy === "clinic" ? "cancelled_by_clinic" : status;
}

/** The stored status a shown one stands for ("cancelled_by_clinic" is stored as "cancelled"). */
export function storedStatus(status: ShownStatus): AppointmentStatus {
  return status === "cancelled_by_clinic" ? "cancelled" : status;
}

/**
 * Tone names follow Tailwind's palette names ("gray", not "grey") so nobody
 * has to translate between the two vocabularies.
 */
export type StatusTone = "amber" | "blue" | "violet" | "green" | "gray";

type StatusPresentation = {
  readonly patient: string;
  readonly staff: string;
  readonly tone: StatusTone;
};

// "approved" only exists while a fee is unpaid: a free appointment goes
// straight to "confirmed" at approval (see state-machine.ts), so its words can
// talk about payment unconditionally.
const STATUS_PRESENTATION: Readonly<Record<ShownStatus, StatusPresentation>> = {
  pending: {
    patient: "Waiting for the clinic to review",
    staff: "Needs review",
    tone: "amber",
  },
  approved: {
    patient: "Approved — please pay to confirm",
    staff: "Awaiting payment",
    tone: "blue",
  },
  rescheduled: {
    patient: "The clinic proposed a new time",
    staff: "Awaiting patient",
    tone: "violet",
  },
  confirmed: { patient: "Confirmed", staff: "Confirmed", tone: "green" },
  // The visit still stands at its time; the clinic has a decision to make, like a new request.
  move_requested: { patient: "Confirmed — move waiting for the clinic", staff: "Move requested", tone: "amber" },
  declined: { patient: "Not accepted", staff: "Declined", tone: "gray" },
  cancelled: { patient: "Cancelled", staff: "Cancelled by patient", tone: "gray" },
  cancelled_by_clinic: { patient: "Cancelled by the clinic", staff: "Cancelled by clinic", tone: "gray" },
  expired: { patient: "Expired — please book again", staff: "Expired", tone: "gray" },
};

/**
 * Badge classes per tone (Tailwind v4 default palette).
 *
 * Text shades were picked for WCAG AA (>= 4.5:1, as badges use small text)
 * against their `-50` background; status.test.ts recomputes the ratios from
 * Tailwind's own theme.css so an upgrade that shifts colours fails loudly.
 * Current ratios: amber-800 6.9, blue-700 6.3, violet-700 6.6, green-800 6.8,
 * gray-700 9.9. The ring is decoration only and is not part of the check.
 * Written out in full because Tailwind only emits classes it can see literally.
 */
export const STATUS_TONE_CLASSES: Readonly<Record<StatusTone, string>> = {
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  blue: "bg-blue-50 text-blue-700 ring-blue-700/10",
  violet: "bg-violet-50 text-violet-700 ring-violet-700/10",
  green: "bg-green-50 text-green-800 ring-green-600/20",
  gray: "bg-gray-50 text-gray-700 ring-gray-500/10",
};

export function isAppointmentStatus(value: unknown): value is AppointmentStatus {
  return typeof value === "string" && (APPOINTMENT_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: ShownStatus, audience: StatusAudience): string {
  return STATUS_PRESENTATION[status][audience];
}

export function statusTone(status: ShownStatus): StatusTone {
  return STATUS_PRESENTATION[status].tone;
}

/** Convenience for badges: the tone's classes for a status. */
export function statusBadgeClasses(status: ShownStatus): string {
  return STATUS_TONE_CLASSES[statusTone(status)];
}

const ACTIVE_STATUSES: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>([
  "pending",
  "approved",
  "rescheduled",
  "confirmed",
  "move_requested",
]);

const TERMINAL_STATUSES: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>([
  "declined",
  "cancelled",
  "expired",
]);

/**
 * Active = the appointment holds its time, so the slot is not offered to
 * anyone else (except a pending request whose patient turned down a proposed
 * time: see `timeHeld` on the appointment).
 */
export function isActiveStatus(status: AppointmentStatus): boolean {
  return ACTIVE_STATUSES.has(status);
}

/**
 * Terminal = no further transitions are possible (see state-machine.ts).
 * "confirmed" is not terminal: the clinic can still propose moving the visit.
 */
export function isTerminalStatus(status: AppointmentStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}
