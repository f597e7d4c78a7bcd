import "server-only";
import type { Transaction } from "firebase-admin/firestore";
import { assertSignedIn, type Caller } from "@/lib/domain/roles";
import { db } from "@/lib/server/firebase";

// Who hears of a clinic's booking requests: the clinic's contact address and
// every member who reviews them (admins, staff, and the doctor concerned),
// unless they turned it off on their account (members/{uid}.notifyRequests,
// missing = on).

/** A clinic has a handful of members; the bound only guards against runaway data. */
const MAX_MEMBERS = 200;

interface MemberRow {
  role?: unknown;
  doctorId?: unknown;
  email?: unknown;
  notifyRequests?: unknown;
}

function membersQuery(clinicId: string) {
  // query-shape: members.byClinic
  return db().collection("members").where("clinicId", "==", clinicId).limit(MAX_MEMBERS);
}

/** The addresses to tell about a request for this doctor, de-duplicated, contact address first. */
export function requestRecipients(clinicEmail: string, doctorId: string, members: MemberRow[]): string[] {
  const out = new Map<string, string>();
  const add = (email: unknown) => {
    if (typeof email !== "string" || !email.includes("@")) return;
    const key = email.trim().toLowerCase();
    if (!out.has(key)) out.set(key, email.trim());
  };
  add(clinicEmail);
  for (const m of members) {
    if (m.notifyRequests === false) continue;
    const reviews = m.role === "admin" || m.role === "staff" || (m.role === "doctor" && m.doctorId === doctorId);
    if (reviews) add(m.email);
  }
  return [...out.values()];
}

/** Reads the clinic's members outside a transaction (before a batch). */
export async function loadRequestRecipients(clinicId: string, clinicEmail: string, doctorId: string): Promise<string[]> {
  const snapshot = await membersQuery(clinicId).get();
  return requestRecipients(clinicEmail, doctorId, snapshot.docs.map((d) => d.data()));
}

/** The same inside a transaction; call before its first write. */
export async function readRequestRecipients(tx: Transaction, clinicId: string, clinicEmail: string, doctorId: string): Promise<string[]> {
  const snapshot = await tx.get(membersQuery(clinicId));
  return requestRecipients(clinicEmail, doctorId, snapshot.docs.map((d) => d.data()));
}

/** Turns the caller's own request emails on or off. */
export async function setRequestNotifications(caller: Caller | null | undefined, enabled: boolean): Promise<void> {
  assertSignedIn(caller);
  await db().collection("members").doc(caller.uid).update({ notifyRequests: enabled });
}

/** Whether the caller gets request emails (missing = on). */
export async function getRequestNotifications(caller: Caller | null | undefined): Promise<boolean> {
  assertSignedIn(caller);
  const member = await db().collection("members").doc(caller.uid).get();
  return member.get("notifyRequests") !== false;
}
