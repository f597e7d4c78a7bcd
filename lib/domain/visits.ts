/**
 * The doctor's schedule and a visit's record, as pure rules: who may read or
 * write what, the query string of /dashboard/schedule, the day or week a
 * schedule covers in the clinic's zone, and the notes' size cap. No I/O; the
 * verbs in lib/server/visits/staff-visits.ts and the pages call these.
 */
import { z } from "zod";
import { localDateSchema } from "./local-date";
import type { Caller } from "./roles";
import { dayNumberToLocalDate, localDateToDayNumber, localDayNumberAt, resolveWallTime, type LocalDate } from "./slots";
import { DAY_MS, weekdayOfDayNumber } from "./slots/local-time";
import { formatDate } from "./time-format";

export const VISIT_STATUSES = ["scheduled", "completed", "no_show", "cancelled"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What a member can record about a visit once its time has come. */
export const VISIT_OUTCOMES = ["completed", "no_show"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** The appointment-history action each outcome appends (see HistoryEntry). */
export const OUTCOME_ACTION = { completed: "complete", no_show: "no_show" } as const satisfies Record<VisitOutcome, string>;
export type VisitOutcomeAction = (typeof OUTCOME_ACTION)[VisitOutcome];

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  no_show: "No-show",
  cancelled: "Cancelled",
};

/**
 * A visit marked completed or no-show has taken place: its appointment stays
 * "confirmed" but can no longer be moved or called off (the verbs refuse in
 * their transaction; the request page hides the buttons).
 */
export const hasTakenPlace = (status: unknown): boolean => status === "completed" || status === "no_show";
export const VISIT_TAKEN_PLACE = "This visit has already taken place.";

/** Staff's allowed actions with the ones a visit that took place rules out (propose, clinic_cancel) removed. */
export function actionsAfterVisit<A extends string>(actions: readonly A[], visitStatus: unknown): A[] {
  if (!hasTakenPlace(visitStatus)) return [...actions];
  return actions.filter((action) => action !== "propose" && action !== "clinic_cancel");
}

/** The schedule lists these; a cancelled visit is off it. */
export const isOnSchedule = (status: string): boolean => status === "scheduled" || status === "completed" || status === "no_show";

/** Notes are a working record, not a document store; the cap keeps a visit document well under Firestore's 1 MiB. */
export const NOTES_MAX = 20_000;
export const NOTES_TOO_LONG = `Notes can be at most ${NOTES_MAX.toLocaleString("en-US")} characters. Shorten them to save.`;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const visitIdSchema = z.string().regex(ID, "That visit id isn't valid.");

export const saveNotesSchema = z.object({
  notes: z.string({ error: "Notes must be text." }).max(NOTES_MAX, NOTES_TOO_LONG),
  expectedVersion: z.number({ error: "Reload the page and try again." }).int().min(0),
});

export const outcomeSchema = z.enum(VISIT_OUTCOMES, { error: "Choose Completed or No-show." });

/** /dashboard/schedule?view=week&date=2027-03-01&doctor=dr-1 — every part optional. */
export const scheduleQuerySchema = z.object({
  view: z.enum(["day", "week"], { error: "The view must be day or week." }).default("day"),
  date: localDateSchema.optional(),
  doctor: z.string().regex(ID, "That doctor id isn't valid.").optional(),
});
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

/**
 * Whose schedule the caller may read: any doctor of the clinic (staff,
 * admins), their own (a doctor linked to a profile), or none.
 */
export function scheduleScope(caller: Caller | null | undefined): { anyDoctor: true } | { doctorId: string } | null {
  if (!caller) return null;
  if (caller.role === "admin" || caller.role === "staff") return { anyDoctor: true };
  if (caller.role === "doctor" && caller.doctorId) return { doctorId: caller.doctorId };
  return null;
}

export function canReadSchedule(caller: Caller | null | undefined, doctorId: string): boolean {
  const scope = scheduleScope(caller);
  return !!scope && ("anyDoctor" in scope || scope.doctorId === doctorId);
}

/**
 * Notes are clinical: the visit's own doctor writes them, and an admin may
 * (covering for a doctor without an account). Staff read them but don't
 * write them.
 */
export function canWriteVisitNotes(caller: Caller | null | undefined, doctorId: string): boolean {
  if (!caller) return false;
  if (caller.role === "admin") return true;
  return caller.role === "doctor" && !!caller.doctorId && caller.doctorId === doctorId;
}

/** Completed / no-show: the front desk knows too, so staff, admins and the visit's own doctor. */
export function canSetVisitOutcome(caller: Caller | null | undefined, doctorId: string): boolean {
  if (!caller) return false;
  if (caller.role === "admin" || caller.role === "staff") return true;
  return caller.role === "doctor" && !!caller.doctorId && caller.doctorId === doctorId;
}

export interface ScheduleRange {
  view: "day" | "week";
  /** The dates shown, in order (one for a day, Monday to Sunday for a week). */
  days: LocalDate[];
  /** [from, to) as epoch ms: local midnight of the first day to local midnight after the last. */
  from: number;
  to: number;
  previous: LocalDate;
  next: LocalDate;
  today: LocalDate;
}

/** Local midnight of a date in a zone (the first instant of that day, also across a DST change). */
export function startOfLocalDay(timeZone: string, date: LocalDate): number {
  return resolveWallTime(timeZone, localDateToDayNumber(date) * DAY_MS).utc;
}

export function todayIn(timeZone: string, now: number): LocalDate {
  return dayNumberToLocalDate(localDayNumberAt(timeZone, now));
}

/** The day, or the Monday-to-Sunday week, around `date` (today when not given), in the clinic's zone. */
export function scheduleRange(timeZone: string, view: "day" | "week", date: LocalDate | undefined, now: number): ScheduleRange {
  const today = todayIn(timeZone, now);
  const anchor = localDateToDayNumber(date ?? today);
  const first = view === "day" ? anchor : anchor - mondayOffset(anchor);
  const length = view === "day" ? 1 : 7;
  const days = Array.from({ length }, (_, i) => dayNumberToLocalDate(first + i));
  return {
    view,
    days,
    from: startOfLocalDay(timeZone, days[0]!),
    to: startOfLocalDay(timeZone, dayNumberToLocalDate(first + length)),
    previous: dayNumberToLocalDate(first - length),
    next: dayNumberToLocalDate(first + length),
    today,
  };
}

/** The date (or first – last date) a schedule range shows: "Fri, Dec 4", "Mon, Nov 30 – Sun, Dec 6". */
export function scheduleLabel(range: ScheduleRange, timeZone: string, now: number): string {
  // Noon, not midnight: a day's name never depends on a DST change at midnight.
  const name = (date: LocalDate) => formatDate(startOfLocalDay(timeZone, date) + 12 * 3_600_000, timeZone, { now });
  return range.view === "day" ? name(range.days[0]!) : `${name(range.days[0]!)} – ${name(range.days.at(-1)!)}`;
}

/** The empty schedule names the day or week it is about, so an empty page never hides which date is shown. */
export function noVisitsTitle(range: ScheduleRange, timeZone: string, now: number): string {
  return `${scheduleLabel(range, timeZone, now)} — no visits`;
}

const MONDAY_FIRST = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
function mondayOffset(dayNumber: number): number {
  return MONDAY_FIRST.indexOf(weekdayOfDayNumber(dayNumber));
}

/** The outcome may be recorded only once the visit has started. */
export function outcomeTooEarlyMessage(startMs: number, now: number): string | null {
  return now < startMs ? "You can mark the visit completed or a no-show once its start time has come." : null;
}

/** One visit on a doctor's schedule, as lib/server/visits/staff-visits.ts reads it. */
export interface ScheduleVisit {
  id: string;
  doctorId: string;
  doctorName: string;
  start: number;
  end: number;
  timezone: string;
  patientName: string;
  reason: string;
  status: VisitStatus;
}
