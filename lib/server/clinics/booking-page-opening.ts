import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { decideResend, isBookingPageOpen } from "@/lib/domain/booking-page-opening";
import { AppError } from "@/lib/domain/errors";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { appNow } from "@/lib/server/clock";
import { forgetClinicProfile } from "@/lib/server/clinics/clinic-profile";
import { serverEnv } from "@/lib/server/env";
import { adminAuth, db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { verificationEmail } from "@/lib/server/mail/staff-emails";

// A new clinic's booking page opens when any of its admins has a verified
// email (lib/domain/booking-page-opening.ts). Any admin, not only the founder:
// a clinic expects whoever runs it to be able to open it, also when the
// founder mistyped their address or has left; what matters is that someone
// answering for the clinic reads its mail. The verified state is Firebase
// Auth's own (the Admin SDK's user record), never the browser's word, and is
// copied onto the clinic (`publishedAt`) by openBookingPageIfVerified.
//
// The email is a link from the Admin SDK (generateEmailVerificationLink) sent
// through our mail queue, not the client SDK's sendEmailVerification: sign-up
// creates the account on the server, the browser never signs in to the SDK
// (the dashboard's CSP allows no Firebase Auth origin and the SDK stays off
// its pages), and the server holds no ID token to send Firebase's own email
// with after the sign-up request. Following the link is Firebase's own page
// (offline: the Auth emulator's), which marks the email verified.

export type BookingPageState =
  | { open: true }
  /** Staff and doctors only learn that the page is waiting for an admin. */
  | { open: false; admin: false }
  /** The admin's own sign-in email, where the link goes. */
  | { open: false; admin: true; email: string };

export const ONLY_ADMINS_OPEN = "Only an admin of the clinic can open its booking page.";

const clinicRef = (clinicId: string) => db().collection("clinics").doc(clinicId);
// One document per admin who asked for the email: the send times, for the limit. Holds no patient data.
const sendsRef = (uid: string) => db().collection("verificationEmails").doc(uid);

function missingClinic(): AppError {
  return new AppError("not_found", "Your clinic could not be found. Please sign in again.");
}

/**
 * Where the clinic's booking page stands, for the dashboard. For an admin of a
 * clinic still waiting, this is also the re-check: their verified email opens
 * the page now (so following the link and coming back is enough).
 */
export async function bookingPageState(caller: Caller | null): Promise<BookingPageState> {
  assertCan(caller, "clinic:read");
  const clinic = await clinicRef(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  if (isBookingPageOpen(clinic.get("publishedAt"))) return { open: true };
  if (caller.role !== "admin") return { open: false, admin: false };
  return openBookingPageIfVerified(caller);
}

/**
 * "I've verified it": opens the clinic's booking page if the caller is one of
 * its admins and Firebase Auth says their email is verified. Idempotent.
 */
export async function openBookingPageIfVerified(caller: Caller | null): Promise<BookingPageState> {
  assertCan(caller, "clinic:read");
  if (caller.role !== "admin") throw new AppError("forbidden", ONLY_ADMINS_OPEN);
  const user = await adminAuth().getUser(caller.uid);
  const email = user.email ?? caller.email;
  if (!user.emailVerified) {
    const clinic = await clinicRef(caller.clinicId).get();
    if (!clinic.exists) throw missingClinic();
    return isBookingPageOpen(clinic.get("publishedAt")) ? { open: true } : { open: false, admin: true, email };
  }
  const openedNow = await db().runTransaction(async (tx) => {
    const clinic = await tx.get(clinicRef(caller.clinicId));
    if (!clinic.exists) throw missingClinic();
    if (isBookingPageOpen(clinic.get("publishedAt"))) return false;
    tx.update(clinic.ref, { publishedAt: FieldValue.serverTimestamp(), publishedBy: caller.uid, updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
  // The public pages read the clinic through this server's profile cache.
  if (openedNow) forgetClinicProfile(caller.clinicId);
  return { open: true };
}

/** "Resend the email": a fresh verification link to the admin's own sign-in email, within the limits. */
export async function resendVerificationEmail(caller: Caller | null): Promise<{ email: string }> {
  assertCan(caller, "clinic:read");
  if (caller.role !== "admin") throw new AppError("forbidden", ONLY_ADMINS_OPEN);
  const user = await adminAuth().getUser(caller.uid);
  if (!user.email) throw new AppError("invalid_request", "Your account has no email address to verify.");
  if (user.emailVerified) {
    // Nothing to send: the re-check opens the page instead.
    await openBookingPageIfVerified(caller);
    throw new AppError("conflict", "Your email is already verified, so your booking page is open.");
  }
  const email = user.email;
  // Reserve the send first (a refusal writes nothing and generates no link), then make the link.
  const reserved = await db().runTransaction(async (tx) => {
    const clinic = await tx.get(clinicRef(caller.clinicId));
    if (!clinic.exists) throw missingClinic();
    if (isBookingPageOpen(clinic.get("publishedAt"))) throw new AppError("conflict", "Your booking page is already open.");
    const sends = await tx.get(sendsRef(caller.uid));
    reserveSend(tx, caller.uid, sends);
    return clinic;
  });
  let link: string;
  try {
    link = await verificationLink(email);
  } catch (error) {
    console.error("Could not make an email verification link", error);
    await releaseSend(caller.uid).catch(() => undefined);
    throw new AppError("unavailable", "We couldn't send the email just now. Please try again in a moment.");
  }
  const batch = db().batch();
  queueMail(batch, { to: email, ...verificationEmail(String(reserved.get("name")), link) }, { clinicId: caller.clinicId });
  await batch.commit();
  return { email };
}

/**
 * Sign-up's first verification email, queued in the transaction that creates
 * the clinic (`publishedAt: null`), so the clinic and its email exist together.
 * The link is made beforehand (the account already exists then); null when
 * Firebase could not make one: the clinic is still created, and the
 * dashboard offers to send it again.
 */
export async function signupVerificationLink(email: string): Promise<string | null> {
  try {
    return await verificationLink(email);
  } catch (error) {
    console.error("Sign-up: could not make an email verification link", error);
    return null;
  }
}

export function queueSignupVerificationEmail(tx: Transaction, args: { uid: string; clinicId: string; clinicName: string; email: string; link: string }): void {
  tx.set(sendsRef(args.uid), { sentAt: [Timestamp.fromMillis(appNow().getTime())] });
  queueMail(tx, { to: args.email, ...verificationEmail(args.clinicName, args.link) }, { clinicId: args.clinicId });
}

function reserveSend(tx: Transaction, uid: string, sends: DocumentSnapshot): void {
  const now = appNow().getTime();
  const stored = ((sends.get("sentAt") as unknown[] | undefined) ?? []).map((at) => (at instanceof Timestamp ? at.toMillis() : at));
  const decision = decideResend(stored, now);
  if (!decision.ok) throw new AppError("rate_limited", decision.message);
  tx.set(sendsRef(uid), { sentAt: decision.sentAt.map((at) => Timestamp.fromMillis(at)) });
}

/** Gives back a reserved send whose email could not be made. */
async function releaseSend(uid: string): Promise<void> {
  await db().runTransaction(async (tx) => {
    const sends = await tx.get(sendsRef(uid));
    const sentAt = (sends.get("sentAt") as Timestamp[] | undefined) ?? [];
    tx.set(sendsRef(uid), { sentAt: sentAt.slice(0, -1) });
  });
}

async function verificationLink(email: string): Promise<string> {
  // Firebase's page (the emulator's offline) verifies the email, then offers to continue to the dashboard,
  // whose next load opens the booking page. The app's domain is an authorized domain (docs/deploy.md).
  const continueUrl = `${serverEnv().APP_URL.replace(/\/$/, "")}/dashboard`;
  return adminAuth().generateEmailVerificationLink(email, { url: continueUrl });
}
