/**
 * The staff request queue's rules, pure: which statuses each view shows and
 * in what order, the query string's filters, and the row's time words ("3 h
 * ago", "Expires in 1 h 20 min", urgent under 2 h). lib/server/appointments/
 * queue.ts reads with these; the pages render with them.
 */
import { z } from "zod";
import { SHOWN_STATUSES, shownStatus, storedStatus, type AppointmentStatus, type CancelledBy, type ShownStatus } from "./appointments/status";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slots/local-time";
import { APPOINTMENT_ID_PATTERN } from "./validation";

/** The open sections, in the order staff work them: decisions first. */
export const OPEN_SECTIONS = [
  { status: "pending", title: "Needs review" },
  // A patient asks to move a confirmed visit: a decision of its own kind, with a deadline like a request's.
  { status: "move_requested", title: "Move requests" },
  { status: "rescheduled", title: "Awaiting patient" },
  { status: "approved", title: "Awaiting payment" },
] as const satisfies readonly { status: AppointmentStatus; title: string }[];

export type OpenStatus = (typeof OPEN_SECTIONS)[number]["status"];

export const OPEN_STATUSES: readonly OpenStatus[] = OPEN_SECTIONS.map((section) => section.status);

/** Everything else: the "Recent" tab, newest change first. */
export const RECENT_STATUSES = ["confirmed", "declined", "cancelled", "expired"] as const satisfies readonly AppointmentStatus[];

/**
 * The Recent tab's status filter: a cancellation is filtered by who made it
 * ("cancelled" alone means the patient), as its rows are labelled.
 */
export const RECENT_FILTERS = ["confirmed", "declined", "cancelled", "cancelled_by_clinic", "expired"] as const satisfies readonly ShownStatus[];

/** The stored statuses the Recent query asks for under a status filter (null: all recent). */
export function recentQueryStatuses(filter: ShownStatus | null): AppointmentStatus[] {
  return filter ? [storedStatus(filter)] : [...RECENT_STATUSES];
}

/** A row the query returned stays only if it is what the filter names (the query cannot tell who cancelled). */
export function matchesStatusFilter(row: { status: AppointmentStatus; cancelledBy: CancelledBy }, filter: ShownStatus | null): boolean {
  return filter === null || shownStatus(row.status, row.cancelledBy) === filter;
}

/** The Recent tab shows at most this many; older ones stay in the data, not on the desk. */
export const RECENT_LIMIT = 50;
/** An open section shows at most this many (oldest first), and says how many more there are. */
export const OPEN_SECTION_LIMIT = 100;

export type QueueView = "open" | "recent";

export function viewOfStatus(status: ShownStatus): QueueView {
  return (OPEN_STATUSES as readonly string[]).includes(storedStatus(status)) ? "open" : "recent";
}

const DOCTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * ?view=open|recent&status=<status>&doctor=<doctorId>. Every value is
 * optional; a status picks its own view (a "declined" filter is on Recent).
 * An empty value ("All doctors" submits doctor=) means no filter.
 */
export const queueFiltersSchema = z
  .object({
    view: z.enum(["open", "recent"], { error: "Choose Open or Recent." }).optional(),
    status: z.enum(SHOWN_STATUSES, { error: "That isn't a request status." }).optional(),
    doctor: z.string().regex(DOCTOR_ID, "That isn't a doctor of this clinic.").optional(),
  })
  .transform(({ view, status, doctor }) => ({
    view: status ? viewOfStatus(status) : (view ?? "open"),
    status: status ?? null,
    doctorId: doctor ?? null,
  }));

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export const DEFAULT_FILTERS: QueueFilters = { view: "open", status: null, doctorId: null };

export type FiltersParse = { ok: true; filters: QueueFilters } | { ok: false; filters: QueueFilters; message: string };

/**
 * Parses Next's searchParams (a value may be an array when repeated). Bad
 * values give the default view and a message naming what was wrong, never a
 * crash: a stale bookmark still opens the queue.
 */
export function parseQueueFilters(params: Record<string, string | string[] | undefined>): FiltersParse {
  const plain: Record<string, string> = {};
  for (const key of ["view", "status", "doctor"] as const) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") plain[key] = value;
  }
  const result = queueFiltersSchema.safeParse(plain);
  if (result.success) return { ok: true, filters: result.data };
  const problems = result.error.issues.map((issue) => issue.message);
  return { ok: false, filters: DEFAULT_FILTERS, message: `We couldn't use that filter: ${[...new Set(problems)].join(" ")} Showing all open requests.` };
}

/** The query string for a set of filters, leaving out defaults: "?status=pending&doctor=dr-1" or "". */
export function queueHref(filters: Partial<QueueFilters>): string {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  else if (filters.view === "recent") query.set("view", "recent");
  if (filters.doctorId) query.set("doctor", filters.doctorId);
  const text = query.toString();
  return `/dashboard/requests${text ? `?${text}` : ""}`;
}


/** A hold lapsing within this is shown red. */
export const URGENT_MS = 2 * HOUR_MS;

/** "just now", "12 min ago", "3 h ago", "2 days ago": how long ago a request came, for scanning a list. */
export function formatAgo(then: number, now: number): string {
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE_MS) return "just now";
  if (elapsed < HOUR_MS) return `${Math.floor(elapsed / MINUTE_MS)} min ago`;
  if (elapsed < DAY_MS) return `${Math.floor(elapsed / HOUR_MS)} h ago`;
  const days = Math.floor(elapsed / DAY_MS);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

export type HoldState = { kind: "none" } | { kind: "lapsed" } | { kind: "left"; ms: number; urgent: boolean };

/** Time left before the hold lapses; urgent (red) under 2 h. */
export function holdState(expiresAt: number | null, now: number): HoldState {
  if (expiresAt === null) return { kind: "none" };
  const ms = expiresAt - now;
  if (ms <= 0) return { kind: "lapsed" };
  return { kind: "left", ms, urgent: ms < URGENT_MS };
}

export const MAX_REVIEW_TEXT = 500;

/** Which request, and the version the page showed (so a change made meanwhile is caught, not overwritten). */
const target = {
  id: z.string().regex(APPOINTMENT_ID_PATTERN, "That isn't a request id."),
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
};

export const approveInputSchema = z.object(target);

export const proposeInputSchema = z.object({
  ...target,
  start: z
    .string({ error: "Choose a new time." })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, "Choose a new time.")
    .refine((value) => Number.isFinite(Date.parse(value)), "Choose a new time."),
  message: z
    .string()
    .trim()
    .max(MAX_REVIEW_TEXT, `Keep the message under ${MAX_REVIEW_TEXT} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** Declining a patient's move: the message is optional (the visit simply stays where it is). */
export const declineMoveInputSchema = z.object({
  ...target,
  reason: z.string().trim().max(MAX_REVIEW_TEXT, `Keep the message under ${MAX_REVIEW_TEXT} characters.`).optional(),
});

export const declineInputSchema = z.object({
  ...target,
  reason: z
    .string({ error: "Give a reason; the patient sees it." })
    .trim()
    .min(1, "Give a reason; the patient sees it.")
    .max(MAX_REVIEW_TEXT, `Keep the reason under ${MAX_REVIEW_TEXT} characters.`),
});
