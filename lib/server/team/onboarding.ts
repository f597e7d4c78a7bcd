import "server-only";
import { FieldValue } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { SignupValues } from "@/lib/domain/clinic-settings";
import { isValidSlug } from "@/lib/domain/slug";
import { queueSignupVerificationEmail, signupVerificationLink } from "@/lib/server/clinics/booking-page-opening";
import { adminAuth, db } from "@/lib/server/firebase";
import { isAlreadyExists } from "@/lib/server/firestore-errors";

// A new clinic and its first admin. The Auth user must exist before the
// Firestore transaction (the member document is keyed by its uid), and Auth
// is not part of the transaction, so a failed transaction is compensated by
// deleting the user it created.

export const SLUG_TAKEN = "That address is taken. Try another one.";
export const EMAIL_TAKEN =
  "There's already an account with this email. Sign in instead, or use a different email.";

export interface CreatedClinic {
  clinicId: string;
  uid: string;
}

const authCode = (error: unknown) => String((error as { code?: unknown })?.code ?? "").replace(/^auth\//, "");

/** Is this booking-link address free? For the signup form's live hint only; the transaction decides. */
export async function isSlugAvailable(slug: string): Promise<boolean> {
  if (!isValidSlug(slug)) return false;
  return !(await db().collection("slugs").doc(slug).get()).exists;
}

export async function createClinic(input: SignupValues): Promise<CreatedClinic> {
  // Fail fast on a taken address without creating (and deleting) a user.
  if (!(await isSlugAvailable(input.slug))) {
    throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
  }

  let uid: string;
  try {
    uid = (
      await adminAuth().createUser({
        email: input.adminEmail,
        password: input.password,
        displayName: input.adminName,
      })
    ).uid;
  } catch (error) {
    const code = authCode(error);
    if (code === "email-already-exists") throw new AppError("conflict", EMAIL_TAKEN, { adminEmail: EMAIL_TAKEN });
    if (code === "invalid-password") {
      const message = "Choose a stronger password (at least 8 characters).";
      throw new AppError("invalid_request", message, { password: message });
    }
    if (code === "invalid-email") {
      const message = "Enter a valid email address, like name@example.com.";
      throw new AppError("invalid_request", message, { adminEmail: message });
    }
    throw error;
  }

  // The clinic's booking page waits for an admin's verified email (booking-page-opening.ts); its first email
  // goes out with the clinic. A link Firebase could not make now is offered again on the dashboard.
  const verifyLink = await signupVerificationLink(input.adminEmail);
  const clinicRef = db().collection("clinics").doc();
  const slugRef = db().collection("slugs").doc(input.slug);
  try {
    await db().runTransaction(async (tx) => {
      // Read first so a race lost to another signup gets the field message;
      // create() below is what guarantees uniqueness either way.
      if ((await tx.get(slugRef)).exists) throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
      const now = FieldValue.serverTimestamp();
      tx.create(slugRef, { clinicId: clinicRef.id });
      tx.create(clinicRef, {
        slug: input.slug,
        name: input.clinicName,
        description: "",
        address: input.address,
        phone: input.phone,
        email: input.email,
        timezone: input.timezone,
        feeCents: input.feeCents,
        currency: input.currency,
        // null: not open to patients until an admin's email is verified. (Missing: a clinic from before the rule.)
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      tx.create(db().collection("members").doc(uid), {
        clinicId: clinicRef.id,
        role: "admin",
        email: input.adminEmail,
        name: input.adminName,
        createdAt: now,
      });
      if (verifyLink) {
        queueSignupVerificationEmail(tx, { uid, clinicId: clinicRef.id, clinicName: input.clinicName, email: input.adminEmail, link: verifyLink });
      }
    });
  } catch (error) {
    await adminAuth()
      .deleteUser(uid)
      .catch((cleanup) => console.error(`Signup: could not delete Auth user ${uid} after a failed transaction`, cleanup));
    if (error instanceof AppError) throw error;
    // ALREADY_EXISTS from create(): the slug was taken between our read and the commit.
    if (isAlreadyExists(error)) throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
    throw error;
  }
  return { clinicId: clinicRef.id, uid };
}
