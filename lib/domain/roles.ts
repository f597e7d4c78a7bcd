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

/** The signed-in person as every dashboard verb sees them. Built only by lib/server/auth/caller.ts. */
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
  | "requests:review" // approve, decline, reschedule booking requests
  | "privacy:manage" // find, export and erase a patient's data; the retention periods
  | "accessLog:read"; // read and download who read visit notes, exported or erased

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    "clinic:read",
    "settings:write",
    "doctors:read",
    "doctors:write",
    "members:read",
    "members:write",
    "requests:review",
    "privacy:manage",
    "accessLog:read",
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
  // Staff see the closed days and the appointments to move; admins also close and reopen them.
  if (can(caller, "requests:review")) items.push({ href: "/dashboard/closures", label: "Closures" });
  // A linked doctor's own visits, an admin's whole clinic, as a calendar subscription.
  if (caller.role === "admin" || (caller.role === "doctor" && caller.doctorId)) items.push({ href: "/dashboard/calendar-feed", label: "Calendar feed" });
  if (can(caller, "members:read")) items.push({ href: "/dashboard/team", label: "Team" });
  if (can(caller, "settings:write")) items.push({ href: "/dashboard/settings", label: "Clinic settings" });
  return items;
}

// ------------------------------------------------------- role descriptions

/**
 * What each role can do, one claim per dashboard feature. A claim is shown
 * only while the role's nav has the page it needs, so a description never
 * promises a page that isn't there, and the promise appears by itself the day
 * the page joins `dashboardNav` (the request queue, a doctor's schedule).
 */
type Claim = { readonly they: string; readonly you: string; readonly needs: string };

const ROLE_CLAIMS: Record<Role, { they: [string, string]; you: string; claims: readonly Claim[] }> = {
  admin: {
    they: ["Everything: ", ""],
    you: "You'll manage ",
    claims: [
      { they: "clinic settings", you: "the clinic's settings", needs: "/dashboard/settings" },
      { they: "doctors", you: "doctors", needs: "/dashboard/doctors" },
      { they: "doctors' hours", you: "doctors' hours", needs: "/dashboard/availability" },
      { they: "the team", you: "the team", needs: "/dashboard/team" },
      { they: "booking requests", you: "booking requests", needs: "/dashboard/requests" },
      { they: "every doctor's schedule with visit notes", you: "every doctor's schedule with visit notes", needs: "/dashboard/schedule" },
    ],
  },
  staff: {
    they: ["", " Can't change settings or hours."],
    you: "You'll ",
    claims: [
      { they: "reviews booking requests", you: "review booking requests", needs: "/dashboard/requests" },
      { they: "sees every doctor's schedule with visit notes", you: "see every doctor's schedule with visit notes", needs: "/dashboard/schedule" },
      { they: "sees the clinic's overview and booking link", you: "see the clinic's overview and booking link", needs: "/dashboard" },
    ],
  },
  doctor: {
    they: ["", ""],
    you: "You'll ",
    claims: [
      { they: "sees their own schedule and writes their visit notes", you: "see your own schedule and write your visit notes", needs: "/dashboard/schedule" },
      { they: "reviews their booking requests", you: "review your booking requests", needs: "/dashboard/requests" },
      { they: "sets their own hours", you: "set your own hours", needs: "/dashboard/availability" },
      { they: "edits their own profile", you: "edit your own profile", needs: "/dashboard/doctors" },
    ],
  },
};

/** A caller of each role as an invite makes them (a doctor is always linked to a profile). */
const TYPICAL: Record<Role, Caller> = Object.fromEntries(
  ROLES.map((role) => [
    role,
    { uid: "", email: "", name: "", clinicId: "", clinicName: "", role, ...(role === "doctor" ? { doctorId: "doctor" } : {}) },
  ]),
) as Record<Role, Caller>;

const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The role's description for the nav it has (by default, today's nav for that role). */
export function describeRole(role: Role, navHrefs: readonly string[] = dashboardNav(TYPICAL[role]).map((i) => i.href)) {
  const { they, you, claims } = ROLE_CLAIMS[role];
  const held = claims.filter((claim) => navHrefs.includes(claim.needs));
  return {
    /** For the team page: "Sets their own hours and edits their own profile." */
    they: `${capitalize(`${they[0]}${list(held.map((c) => c.they))}`)}.${they[1]}`,
    /** For the invitee: "You'll set your own hours and edit your own profile." */
    you: `${you}${list(held.map((c) => c.you))}.`,
  };
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = Object.fromEntries(ROLES.map((role) => [role, describeRole(role).they])) as Record<
  Role,
  string
>;

/** The same, in the invitee's own words ("You'll …"). */
export const ROLE_INVITATIONS: Record<Role, string> = Object.fromEntries(ROLES.map((role) => [role, describeRole(role).you])) as Record<
  Role,
  string
>;
