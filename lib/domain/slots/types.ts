// Shared types of the slot engine. Everything here is plain data so it can be
// stored in Firestore, sent over the wire and compared in tests.

/**
 * An instant as epoch milliseconds (UTC). We use numbers rather than Date in
 * the engine's inputs and outputs because they are immutable, cheap to compare
 * and sort, and cannot carry a hidden local time zone. Convert for the wire
 * with `toIsoUtc`.
 */
export type UtcMs = number;

/** A half-open span of time [start, end) in UTC epoch milliseconds. */
export interface UtcInterval {
  readonly start: UtcMs;
  readonly end: UtcMs;
}

/** A free slot: [start, end) where end = start + slot duration. */
export type Slot = UtcInterval;

/** A calendar date in the clinic's zone, "YYYY-MM-DD". */
export type LocalDate = string;

/**
 * A wall-clock range on one local date, "HH:mm" strings in the clinic's zone.
 * `end` may be "24:00", meaning the end of that date.
 */
export interface LocalInterval {
  readonly start: string;
  readonly end: string;
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours per weekday; a missing or empty weekday means closed. */
export type WeeklyHours = { readonly [D in Weekday]?: readonly LocalInterval[] };

/** Replaces the weekly hours of one local date. */
export type DateOverride =
  | { readonly closed: true; readonly note?: string }
  | { readonly intervals: readonly LocalInterval[]; readonly note?: string };

export interface DoctorSchedule {
  /** IANA zone of the clinic, e.g. "America/New_York"; all wall-clock values are read in it. */
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  /** Keyed by local date "YYYY-MM-DD". */
  readonly dateOverrides?: Readonly<Record<LocalDate, DateOverride>>;
  readonly slotMinutes: number;
  /** Kept free after each appointment. */
  readonly bufferMinutes: number;
  /** A slot must start at least this long after `now`. */
  readonly minNoticeHours: number;
  /** Bookable local dates are today .. today + horizonDays - 1 (clinic zone). */
  readonly horizonDays: number;
}

/** Everything the engine needs to answer "what is free?", except the date range. */
export interface AvailabilityInput {
  readonly schedule: DoctorSchedule;
  /**
   * Held slot locks and confirmed visits. Each already includes the buffer of
   * the appointment that made it, so the engine does not pad them again.
   * Any order; overlaps allowed.
   */
  readonly busy: readonly UtcInterval[];
  readonly now: UtcMs;
}

export interface SlotQuery extends AvailabilityInput {
  /** First local date to list, inclusive (clinic zone). */
  readonly from: LocalDate;
  /** Last local date to list, inclusive (clinic zone). */
  readonly to: LocalDate;
}
