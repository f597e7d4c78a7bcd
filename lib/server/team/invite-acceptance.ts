import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/roles";
import { adminAuth, db } from "@/lib/server/firebase";
import { signInWithPassword } from "@/lib/server/auth/identity-toolkit";
import { inviteIdFromToken } from "./invites";
import { sessionFromIdToken, type NewSession } from "@/lib/server/auth/session";
import { throttledPasswordCheck } from "@/lib/server/auth/sign-in-throttle";
import { appNow } from "@/lib/server/clock";

// The invitee's side, at /invite/[token]: no caller, the token is the
// credential. A new person chooses a name and password (we create the Auth
// user, then the member document; a failed transaction deletes the user
// again). Someone with an account proves it with their password. Either way
// the invite is marked used in the same transaction that creates the member.

export type InviteStatus = "valid" | "expired" | "used" | "revoked" | "unknown";

export interface InviteView {
  status: InviteStatus;
  clinicName?: string;
  email?: string;
  role?: Role;
  doctorName?: string;
  expiresAt?: Date;
  /** Whether the invited email already has a sign-in account (then: password to accept). */
  hasAccount?: boolean;
}

export const INVITE_MESSAGES: Record<Exclude<InviteStatus, "valid">, string> = {
  unknown: "This invite link isn't valid. Check that you copied the whole link, or ask your clinic's admin for a new one.",
  expired: "This invite has expired. Ask your clinic's admin to send a new one.",
  used: "This invite has already been used. If it was you, sign in.",
  revoked: "This invite was withdrawn. Ask your clinic's admin if you still need access.",
};

export const OTHER_CLINIC =
  "This account already belongs to another clinic, and an account can belong to one clinic only. Ask the admin to invite a different email address.";
export const ALREADY_MEMBER = "You're already a member of this clinic. Sign in instead.";
export const HAS_ACCOUNT = "There's already an account for this email. Enter its password to accept the invite.";

function statusOf(invite: DocumentSnapshot, now: Date): InviteStatus {
  if (!invite.exists) return "unknown";
  if (invite.get("usedAt")) return "used";
  if (invite.get("revokedAt")) return "revoked";
  if ((invite.get("expiresAt") as Timestamp).toDate() <= now) return "expired";
  return "valid";
}

async function accountExists(email: string): Promise<boolean> {
  try {
    await adminAuth().getUserByEmail(email);
    return true;
  } catch (error) {
    if (String((error as { code?: unknown })?.code).endsWith("user-not-found")) return false;
    throw error;
  }
}

/** What the invite page shows for a token. */
export async function getInvite(token: string, now = appNow()): Promise<InviteView> {
  const id = inviteIdFromToken(token);
  if (!id) return { status: "unknown" };
  const invite = await db().collection("invites").doc(id).get();
  const status = statusOf(invite, now);
  if (status !== "valid") return { status };
  const clinicRef = db().collection("clinics").doc(String(invite.get("clinicId")));
  const doctorId = invite.get("doctorId") as string | undefined;
  const [clinic, doctor, hasAccount] = await Promise.all([
    clinicRef.get(),
    doctorId ? clinicRef.collection("doctors").doc(doctorId).get() : Promise.resolve(undefined),
    accountExists(String(invite.get("email"))),
  ]);
  if (!clinic.exists) return { status: "unknown" };
  return {
    status,
    clinicName: String(clinic.get("name")),
    email: String(invite.get("email")),
    role: invite.get("role") as Role,
    ...(doctor?.exists ? { doctorName: String(doctor.get("name")) } : {}),
    expiresAt: (invite.get("expiresAt") as Timestamp).toDate(),
    hasAccount,
  };
}

/** Reads the invite in the transaction and refuses anything but a valid one. */
async function validInvite(tx: Transaction, id: string, now: Date) {
  const ref = db().collection("invites").doc(id);
  const invite = await tx.get(ref);
  const status = statusOf(invite, now);
  if (status !== "valid") throw new AppError(status === "unknown" ? "not_found" : "conflict", INVITE_MESSAGES[status]);
  return { ref, invite };
}

/** Creates the member from the invite and marks the invite used, in one transaction. */
async function joinClinic(id: string, uid: string, name: string, now: Date): Promise<void> {
  await db().runTransaction(async (tx) => {
    const { ref, invite } = await validInvite(tx, id, now);
    const memberRef = db().collection("members").doc(uid);
    const member = await tx.get(memberRef);
    if (member.exists) {
      throw new AppError("conflict", member.get("clinicId") === invite.get("clinicId") ? ALREADY_MEMBER : OTHER_CLINIC);
    }
    const doctorId = invite.get("doctorId") as string | undefined;
    tx.create(memberRef, {
      clinicId: invite.get("clinicId"),
      role: invite.get("role"),
      ...(doctorId ? { doctorId } : {}),
      email: invite.get("email"),
      name,
      createdAt: FieldValue.serverTimestamp(),
    });
    tx.update(ref, { usedAt: FieldValue.serverTimestamp(), usedBy: uid });
  });
}

async function inviteForAccept(token: string, now: Date) {
  const id = inviteIdFromToken(token);
  if (!id) throw new AppError("not_found", INVITE_MESSAGES.unknown);
  const invite = await db().collection("invites").doc(id).get();
  const status = statusOf(invite, now);
  if (status !== "valid") throw new AppError(status === "unknown" ? "not_found" : "conflict", INVITE_MESSAGES[status]);
  return { id, email: String(invite.get("email")) };
}

/** A new person: creates their account for the invited email, joins the clinic, signs them in. */
export async function acceptInviteAsNewUser(
  token: string,
  input: { name: string; password: string },
  now = appNow(),
): Promise<NewSession> {
  const { id, email } = await inviteForAccept(token, now);
  let uid: string;
  try {
    uid = (await adminAuth().createUser({ email, password: input.password, displayName: input.name })).uid;
  } catch (error) {
    if (String((error as { code?: unknown })?.code).endsWith("email-already-exists")) {
      throw new AppError("conflict", HAS_ACCOUNT, { _: HAS_ACCOUNT });
    }
    throw error;
  }
  try {
    await joinClinic(id, uid, input.name, now);
  } catch (error) {
    await adminAuth()
      .deleteUser(uid)
      .catch((cleanup) => console.error(`Invite: could not delete Auth user ${uid} after a failed transaction`, cleanup));
    throw error;
  }
  const { idToken } = await signInWithPassword(email, input.password);
  return sessionFromIdToken(uid, idToken);
}

/**
 * Someone with an account: their password proves it is them; then they join
 * and are signed in. The password check is throttled per email and client
 * address (`ip`), each attempt reserved before the check.
 */
export async function acceptInviteAsExistingUser(
  token: string,
  input: { password: string },
  ip: string,
  now = appNow(),
): Promise<NewSession> {
  const { id, email } = await inviteForAccept(token, now);
  const { uid, idToken } = await throttledPasswordCheck(email, ip, () => signInWithPassword(email, input.password), now);
  const user = await adminAuth().getUser(uid);
  await joinClinic(id, uid, user.displayName || email.split("@")[0]!, now);
  return sessionFromIdToken(uid, idToken);
}

/**
 * Someone signed in with a verified email (Google, or a verified password
 * account) who is in no clinic: joins the clinic whose pending invite names
 * that email (the newest, if several clinics invited it). False if none does.
 */
export async function acceptPendingInviteFor(uid: string, email: string, name: string | undefined, now = appNow()): Promise<boolean> {
  // query-shape: invites.byEmail
  const invites = await db().collection("invites").where("email", "==", email.toLowerCase()).get();
  const pending = invites.docs
    .filter((invite) => statusOf(invite, now) === "valid")
    .sort((a, b) => (b.get("createdAt") as Timestamp).toMillis() - (a.get("createdAt") as Timestamp).toMillis());
  const newest = pending[0];
  if (!newest) return false;
  await joinClinic(newest.id, uid, name || email.split("@")[0]!, now);
  return true;
}
