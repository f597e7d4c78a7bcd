/**
 * The clinic's people as the dashboard shows them: doctors, members and
 * pending invites. lib/server reads them (doctors/profiles.ts, team/members.ts,
 * team/invites.ts); components render them.
 */
import type { Role } from "./roles";

export interface DoctorSummary {
  id: string;
  name: string;
  specialty: string;
  bio: string;
  active: boolean;
  /** The doctor's address on the booking page: /book/{clinic slug}/{slug}. */
  slug: string;
}

export interface MemberSummary {
  uid: string;
  name: string;
  email: string;
  role: Role;
  doctorId?: string;
  doctorName?: string;
  isYou: boolean;
}

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  doctorName?: string;
  invitedByName: string;
  expiresAt: Date;
}
