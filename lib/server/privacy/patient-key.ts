import "server-only";
import { createHash } from "node:crypto";
import { ERASED } from "@/lib/domain/privacy/erasure";

/**
 * The patient's key within one clinic: SHA-256 of the clinic id and the stored
 * (lower-cased) email. The access log and erasure records carry it instead of
 * the email, so "every entry for this patient" is a query, the log holds no
 * patient data, and the same person at two clinics has two unrelated keys.
 * An erased or missing email has no key.
 */
export function patientKey(clinicId: string, email: string | null | undefined): string | null {
  if (!email || email === ERASED) return null;
  return createHash("sha256").update(`${clinicId}\n${email}`).digest("hex").slice(0, 32);
}

/** The id of patientHolds/{clinicId}_{hash}: the same hash request-limits.ts uses for the booking guard. */
export function patientHoldId(clinicId: string, email: string): string {
  return `${clinicId}_${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
}
