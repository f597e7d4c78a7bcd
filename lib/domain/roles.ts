/**
 * Who may do what in a clinic's dashboard. Pure checks, no I/O: the verbs in
 * lib/server call them with the resolved caller, and pages call the same
 * functions to hide what the caller cannot use, so the nav and the server
 * never disagree.
 */
import { AppError } from "./errors";

export const ROLES = ["admin", "staff", "doctor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  staff: "Staff",
  doctor: "Doctor",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything: clinic settings, doctors, team, requests, every doctor's schedule and visit notes.",
  staff: "Reviews booking requests and sees every doctor's schedule; reads visit notes. Can't change settings.",
  doctor: "Sees their own schedule, writes their visit notes, and sets their own hours and profile.",
};

/** The signed-in person as every dashboard verb sees them. Built only by lib/server/caller.ts. */
export interface Caller {
  uid: string;
  email: string;
  name: string;
  clinicId: string;
  clinicName: string;
  role: Role;
  /** Set for doctors: the doctor profile (clinics/{clinicId}/doctors/{doctorId}) they are. */
  doctorId?: string;
}

/**
 * Clinic-wide permissions. Per-doctor actions (a doctor's own profile and
 * hours) are checked with `canManageDoctor`, which also takes the doctor.
 */
export type Permission =
  | "clinic:read" // the overview: name, booking link
  | "settings:write" // the clinic profile, fee, time zone
  | "doctors:read" // the list of all doctors, including inactive ones
  | "doctors:write" // add, deactivate, reactivate doctors
  | "members:read" // the team list and pending invites
  | "members:write" // invite, change role, remove
  | "requests:review"; // approve, decline, reschedule booking requests

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    "clinic:read",
    "settings:write",
    "doctors:read",
    "doctors:write",
    "members:read",
    "members:write",
    "requests:review",
  ]),
  staff: new Set<Permission>(["clinic:read", "doctors:read", "requests:review"]),
  doctor: new Set<Permission>(["clinic:read"]),
};

export function can(caller: Caller | null | undefined, permission: Permission): boolean {
  if (!caller) return false;
  return GRANTS[caller.role]?.has(permission) ?? false;
}

/**
 * May the caller edit this doctor's profile (name, specialty, bio) and hours?
 * Admins: any doctor of their clinic. Doctors: only themselves. Staff: none.
 * The doctor id is only meaningful inside the caller's clinic; verbs look it
 * up under the caller's clinic, so another clinic's doctor is never found.
 */
export function canManageDoctor(caller: Caller | null | undefined, doctorId: string): boolean {
  if (!caller) return false;
  if (caller.role === "admin") return true;
  return caller.role === "doctor" && caller.doctorId !== undefined && caller.doctorId === doctorId;
}

/** May the caller see this doctor's details (including an inactive one)? */
export function canViewDoctor(caller: Caller | null | undefined, doctorId: string): boolean {
  return can(caller, "doctors:read") || canManageDoctor(caller, doctorId);
}

/** For verbs: no caller is unauthenticated, a caller without the permission is forbidden. */
export function assertCan(caller: Caller | null | undefined, permission: Permission): asserts caller is Caller {
  assertSignedIn(caller);
  if (!can(caller, permission)) throw forbidden();
}

export function assertSignedIn(caller: Caller | null | undefined): asserts caller is Caller {
  if (!caller) throw new AppError("unauthenticated", "Please sign in to continue.");
}

export const forbidden = () =>
  new AppError("forbidden", "You don't have access to this. Ask your clinic's admin if you need it.");

export interface NavItem {
  href: string;
  label: string;
  /** A number shown beside the label (requests needing review); left out when zero. */
  count?: number;
}

/**
 * Whose booking requests the caller sees: every doctor's (staff, admins), one
 * doctor's own (a doctor), or none (a doctor account not linked to a profile).
 * The queue's reads and the nav use this; the review verbs check the same.
 */
export function requestScope(caller: Caller | null | undefined): { doctorId: string | null } | null {
  if (!caller) return null;
  if (can(caller, "requests:review")) return { doctorId: null };
  if (caller.role === "doctor" && caller.doctorId) return { doctorId: caller.doctorId };
  return null;
}

/**
 * The dashboard navigation for a role, in display order. Links to pages the
 * role cannot use are left out rather than shown disabled (no dead links).
 * `needsReview` is the number of requests waiting for
 * a decision that the caller can see, shown beside "Requests".
 */
export function dashboardNav(caller: Caller, needsReview = 0): NavItem[] {
  const items: NavItem[] = [{ href: "/dashboard", label: "Overview" }];
  if (requestScope(caller)) {
    items.push({ href: "/dashboard/requests", label: "Requests", ...(needsReview > 0 ? { count: needsReview } : {}) });
  }
  // Every role: staff and admins pick a doctor there; a doctor sees their own (or is told to get linked).
  items.push({ href: "/dashboard/schedule", label: "Schedule" });
  if (caller.role === "admin" || (caller.role === "doctor" && caller.doctorId)) {
    items.push({ href: "/dashboard/availability", label: "Availability" });
  }
  if (can(caller, "doctors:write")) items.push({ href: "/dashboard/doctors", label: "Doctors" });
  else if (caller.role === "doctor" && caller.doctorId) items.push({ href: "/dashboard/doctors", label: "My profile" });
  if (can(caller, "members:read")) items.push({ href: "/dashboard/team", label: "Team" });
  if (can(caller, "settings:write")) items.push({ href: "/dashboard/settings", label: "Clinic settings" });
  return items;
}
