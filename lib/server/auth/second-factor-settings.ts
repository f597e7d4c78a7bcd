import "server-only";
import { FieldValue } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { maskPhoneNumber } from "@/lib/domain/second-factor";
import { adminAuth, db } from "@/lib/server/firebase";

// The clinic's two-step verification rule (clinics/{id}.requireSecondFactor,
// absent = off) and what the account page shows about a member's own factors.
// The rule itself is enforced where sessions start and are read
// (id-token-session.ts, caller.ts).

const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

export const REQUIRE_SECOND_FACTOR_MESSAGES = {
  turnOnYoursFirst:
    "Turn on two-step verification for your own account first (Your account), then sign in with it: otherwise this change would sign you out too.",
  on: "Two-step verification is now required for everyone in your clinic. Members without it set it up at their next sign-in.",
  off: "Two-step verification is now each member's choice.",
} as const;

/** Whether the caller's clinic requires two-step verification. Admins only. */
export async function getSecondFactorRequirement(caller: Caller | null): Promise<boolean> {
  assertCan(caller, "settings:write");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  return clinic.get("requireSecondFactor") === true;
}

/**
 * Turns the requirement on or off. Turning it on needs the admin's own
 * session to have used a second factor (`callerSecondFactor`, from the
 * session cookie), so an admin cannot lock themselves out of the page where
 * they would turn it off again. Existing sessions without a second factor
 * stop opening pages at their next request (caller.ts).
 */
export async function setSecondFactorRequirement(
  caller: Caller | null,
  required: boolean,
  callerSecondFactor: string | undefined,
): Promise<string> {
  assertCan(caller, "settings:write");
  if (required && !callerSecondFactor) throw new AppError("conflict", REQUIRE_SECOND_FACTOR_MESSAGES.turnOnYoursFirst);
  const ref = db().collection("clinics").doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    tx.update(ref, { requireSecondFactor: required, updatedAt: FieldValue.serverTimestamp() });
  });
  return required ? REQUIRE_SECOND_FACTOR_MESSAGES.on : REQUIRE_SECOND_FACTOR_MESSAGES.off;
}

export interface AccountSecurity {
  /** The enrolled phones, masked: only the last four digits leave the server. */
  phones: { id: string; masked: string; enrolledAt: string | null }[];
  /** How the member can confirm it's them again: "password", "google.com". */
  providers: string[];
  clinicRequiresSecondFactor: boolean;
}

/** What the account page shows the caller about their own sign-in. */
export async function getAccountSecurity(caller: Caller | null): Promise<AccountSecurity> {
  if (!caller) throw new AppError("unauthenticated", "Please sign in again.");
  const [user, clinic] = await Promise.all([adminAuth().getUser(caller.uid), db().collection("clinics").doc(caller.clinicId).get()]);
  const phones = (user.multiFactor?.enrolledFactors ?? []).map((factor) => ({
    id: factor.uid,
    masked: maskPhoneNumber(String((factor as { phoneNumber?: string }).phoneNumber ?? "")),
    enrolledAt: factor.enrollmentTime ? new Date(factor.enrollmentTime).toISOString() : null,
  }));
  return {
    phones,
    providers: user.providerData.map((provider) => provider.providerId),
    clinicRequiresSecondFactor: clinic.get("requireSecondFactor") === true,
  };
}
