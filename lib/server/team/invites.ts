import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { PendingInvite } from "@/lib/domain/clinic-people";
import type { InviteValues } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { assertCan, type Caller, type Role } from "@/lib/domain/roles";
import { inviteEmail } from "@/lib/server/mail/staff-emails";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { assertDoctorInClinic, revokeInvitesFor } from "./members";
import { appNow } from "@/lib/server/clock";

// Invitations to join a clinic. The link carries a 256-bit random token; only
// its SHA-256 is stored (as the document id), so a database reader cannot
// accept an invite. Single use, valid for 7 days. Accepting is in
// invite-acceptance.ts.

export const INVITE_TTL_DAYS = 7;
const TOKEN = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, base64url without padding

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const inviteUrl = (token: string) => `${serverEnv().APP_URL.replace(/\/$/, "")}/invite/${token}`;

/** The invite id (hash) for a token from a URL, or null when it cannot be one of ours. */
export function inviteIdFromToken(token: string): string | null {
  return TOKEN.test(token) ? hashInviteToken(token) : null;
}

export interface CreatedInvite {
  id: string;
  url: string;
  email: string;
  expiresAt: Date;
}

/**
 * Creates an invite and queues its email in the same commit; any earlier
 * invite of the clinic for the same email is revoked in that commit. Returns the link
 * once, so the admin can also share it by chat; it is never shown again.
 * Admins only.
 */
export async function createInvite(caller: Caller | null, values: InviteValues, now = appNow()): Promise<CreatedInvite> {
  assertCan(caller, "members:write");
  const token = randomBytes(32).toString("base64url");
  const id = hashInviteToken(token);
  const url = inviteUrl(token);
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000);
  const clinicRef = db().collection("clinics").doc(caller.clinicId);

  await db().runTransaction(async (tx) => {
    const clinic = await tx.get(clinicRef);
    if (!clinic.exists) throw new AppError("not_found", "We couldn't find your clinic. Please sign in again.");
    // query-shape: members.byClinicAndEmail
    const existing = await tx.get(
      db().collection("members").where("clinicId", "==", caller.clinicId).where("email", "==", values.email),
    );
    if (!existing.empty) {
      const message = `${values.email} is already on your team.`;
      throw new AppError("conflict", message, { email: message });
    }
    let doctorName: string | undefined;
    if (values.role === "doctor") {
      await assertDoctorInClinic(tx, caller.clinicId, values.doctorId);
      doctorName = String((await tx.get(clinicRef.collection("doctors").doc(values.doctorId))).get("name"));
    }
    // One live link per person: a new invite replaces any earlier one, so an
    // old link (maybe with another role) cannot be used after this one.
    const revokeEarlier = await revokeInvitesFor(tx, caller.clinicId, values.email, caller.uid);
    revokeEarlier();
    tx.create(db().collection("invites").doc(id), {
      clinicId: caller.clinicId,
      email: values.email,
      role: values.role,
      ...(values.role === "doctor" ? { doctorId: values.doctorId } : {}),
      invitedBy: caller.uid,
      invitedByName: caller.name,
      createdAt: FieldValue.serverTimestamp(),
      expiresAt: Timestamp.fromDate(expiresAt),
    });
    const mail = inviteEmail(clinic, { role: values.role, doctorName, invitedByName: caller.name || "Your clinic's admin", url, expiresAt });
    queueMail(tx, { to: values.email, ...mail }, { inviteId: id, clinicId: caller.clinicId });
  });
  return { id, url, email: values.email, expiresAt };
}

/** Invites not yet accepted, revoked or expired, soonest expiry first. Admins only. */
export async function listPendingInvites(caller: Caller | null, now = appNow()): Promise<PendingInvite[]> {
  assertCan(caller, "members:read");
  const clinicRef = db().collection("clinics").doc(caller.clinicId);
  const [invites, doctors] = await Promise.all([
    // query-shape: invites.byClinic
    db().collection("invites").where("clinicId", "==", caller.clinicId).get(),
    clinicRef.collection("doctors").get(),
  ]);
  const doctorNames = new Map(doctors.docs.map((doc) => [doc.id, String(doc.get("name") ?? "")]));
  return invites.docs
    .filter((doc) => !doc.get("usedAt") && !doc.get("revokedAt"))
    .map((doc): PendingInvite => {
      const doctorId = doc.get("doctorId") as string | undefined;
      return {
        id: doc.id,
        email: String(doc.get("email")),
        role: doc.get("role") as Role,
        ...(doctorId ? { doctorName: doctorNames.get(doctorId) ?? "Unknown doctor" } : {}),
        invitedByName: String(doc.get("invitedByName") ?? ""),
        expiresAt: (doc.get("expiresAt") as Timestamp).toDate(),
      };
    })
    .filter((invite) => invite.expiresAt > now)
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
}

/** Makes a pending invite's link stop working. Admins only; another clinic's invite is not found. */
export async function revokeInvite(caller: Caller | null, inviteId: string): Promise<void> {
  assertCan(caller, "members:write");
  const notFound = new AppError("not_found", "We couldn't find that invite.");
  if (!/^[0-9a-f]{64}$/.test(inviteId)) throw notFound;
  const ref = db().collection("invites").doc(inviteId);
  await db().runTransaction(async (tx) => {
    const invite = await tx.get(ref);
    if (!invite.exists || invite.get("clinicId") !== caller.clinicId) throw notFound;
    if (invite.get("usedAt")) throw new AppError("conflict", "This invite was already accepted. Remove the member instead.");
    if (invite.get("revokedAt")) return;
    tx.update(ref, { revokedAt: FieldValue.serverTimestamp(), revokedBy: caller.uid });
  });
}
