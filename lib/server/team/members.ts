import "server-only";
import { FieldValue, type Transaction } from "firebase-admin/firestore";
import type { MemberSummary } from "@/lib/domain/clinic-people";
import type { MemberRoleValues } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { assertCan, ROLES, type Caller, type Role } from "@/lib/domain/roles";
import { isDocumentId } from "@/lib/domain/validation";
import { adminAuth, db } from "@/lib/server/firebase";

// The clinic's team: members/{uid} documents with the caller's clinicId.
// Admins change roles and remove members; the clinic always keeps at least
// one admin, checked inside the same transaction as the change.

export const LAST_ADMIN =
  "A clinic needs at least one admin. Make someone else an admin first.";

const notFound = () => new AppError("not_found", "We couldn't find that person on your team.");

/** Everyone in the caller's clinic, admins first. Admins only. */
export async function listMembers(caller: Caller | null): Promise<MemberSummary[]> {
  assertCan(caller, "members:read");
  const clinicRef = db().collection("clinics").doc(caller.clinicId);
  const [members, doctors] = await Promise.all([
    // query-shape: members.byClinic
    db().collection("members").where("clinicId", "==", caller.clinicId).get(),
    clinicRef.collection("doctors").get(),
  ]);
  const doctorNames = new Map(doctors.docs.map((doc) => [doc.id, String(doc.get("name") ?? "")]));
  const order = (role: Role) => ROLES.indexOf(role);
  return members.docs
    .filter((doc) => ROLES.includes(doc.get("role")))
    .map((doc): MemberSummary => {
      const doctorId = doc.get("doctorId") as string | undefined;
      return {
        uid: doc.id,
        name: String(doc.get("name") ?? ""),
        email: String(doc.get("email") ?? ""),
        role: doc.get("role") as Role,
        ...(doctorId ? { doctorId, doctorName: doctorNames.get(doctorId) ?? "Unknown doctor" } : {}),
        isYou: doc.id === caller.uid,
      };
    })
    .sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
}

/** Reads a member of the caller's clinic in the transaction; another clinic's member is not found. */
async function memberInClinic(tx: Transaction, caller: Caller, uid: string) {
  if (!isDocumentId(uid, 128)) throw notFound();
  const ref = db().collection("members").doc(uid);
  const snap = await tx.get(ref);
  if (!snap.exists || snap.get("clinicId") !== caller.clinicId) throw notFound();
  return {
    ref,
    role: snap.get("role") as Role,
    doctorId: snap.get("doctorId") as string | undefined,
    email: String(snap.get("email") ?? ""),
  };
}

async function assertAnotherAdmin(tx: Transaction, clinicId: string, uid: string) {
  // query-shape: members.adminsOfClinic
  const admins = await tx.get(
    db().collection("members").where("clinicId", "==", clinicId).where("role", "==", "admin"),
  );
  if (!admins.docs.some((doc) => doc.id !== uid)) throw new AppError("conflict", LAST_ADMIN);
}

/** Checks, in the transaction, that a doctor profile exists in the clinic. */
export async function assertDoctorInClinic(tx: Transaction, clinicId: string, doctorId: string) {
  const message = "Choose one of your clinic's doctors.";
  if (!isDocumentId(doctorId)) throw new AppError("invalid_request", message, { doctorId: message });
  const doctor = await tx.get(db().collection("clinics").doc(clinicId).collection("doctors").doc(doctorId));
  if (!doctor.exists) throw new AppError("invalid_request", message, { doctorId: message });
}

/**
 * A doctor's role needs their doctor profile; other roles drop any link.
 * Admins only. A changed role ends the person's sessions on every device (and
 * any token their browser still holds), so they sign in again under the new
 * role; an admin changing their own role stays signed in here.
 */
export async function changeMemberRole(caller: Caller | null, uid: string, change: MemberRoleValues): Promise<void> {
  assertCan(caller, "members:write");
  const changed = await db().runTransaction(async (tx) => {
    const member = await memberInClinic(tx, caller, uid);
    if (change.role === "doctor") await assertDoctorInClinic(tx, caller.clinicId, change.doctorId);
    if (member.role === "admin" && change.role !== "admin") await assertAnotherAdmin(tx, caller.clinicId, uid);
    tx.update(member.ref, {
      role: change.role,
      doctorId: change.role === "doctor" ? change.doctorId : FieldValue.delete(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return member.role !== change.role || (change.role === "doctor" && member.doctorId !== change.doctorId);
  });
  // After the commit, as for a removal: getCaller reads the new role on the next request even if this fails.
  if (changed && uid !== caller.uid) {
    await adminAuth()
      .revokeRefreshTokens(uid)
      .catch((error) => console.error(`Could not revoke sessions of member ${uid} after a role change`, error));
  }
}

/**
 * Revokes, in the transaction, every invite of the clinic for `email` that is
 * neither used nor revoked (expired ones too: harmless, and simpler to reason
 * about). Reads first, so call it before the transaction's writes; returns
 * the write step.
 */
export async function revokeInvitesFor(tx: Transaction, clinicId: string, email: string, by: string) {
  // query-shape: invites.byClinicAndEmail
  const invites = email
    ? await tx.get(db().collection("invites").where("clinicId", "==", clinicId).where("email", "==", email.toLowerCase()))
    : null;
  const live = invites?.docs.filter((doc) => !doc.get("usedAt") && !doc.get("revokedAt")) ?? [];
  return () => {
    for (const doc of live) tx.update(doc.ref, { revokedAt: FieldValue.serverTimestamp(), revokedBy: by });
  };
}

/**
 * Removes someone from the clinic and ends their sessions. Their sign-in
 * account stays, so another clinic can invite them later. Their pending
 * invites to this clinic are revoked in the same commit: otherwise a second
 * link (maybe with another role) would let them straight back in.
 */
export async function removeMember(caller: Caller | null, uid: string): Promise<void> {
  assertCan(caller, "members:write");
  await db().runTransaction(async (tx) => {
    const member = await memberInClinic(tx, caller, uid);
    if (member.role === "admin") await assertAnotherAdmin(tx, caller.clinicId, uid);
    const revokeInvites = await revokeInvitesFor(tx, caller.clinicId, member.email, caller.uid);
    tx.delete(member.ref);
    revokeInvites();
  });
  // After the commit: the member document is already gone, so even if this
  // fails every dashboard request of theirs is refused (getCaller reads it).
  await adminAuth()
    .revokeRefreshTokens(uid)
    .catch((error) => console.error(`Could not revoke sessions of removed member ${uid}`, error));
}
