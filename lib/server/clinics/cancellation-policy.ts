import "server-only";
import { FieldValue, type DocumentSnapshot } from "firebase-admin/firestore";
import { policyFromStored, type CancellationPolicy } from "@/lib/domain/cancellation-policy";
import { AppError } from "@/lib/domain/errors";
import type { CurrencyCode } from "@/lib/domain/money";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { db } from "@/lib/server/firebase";

const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

/** clinics/{id}.cancellationPolicy, defaults filled in (a clinic that never set one: 24 hours free, then no refund). */
export function cancellationPolicyOf(clinic: DocumentSnapshot): CancellationPolicy {
  return policyFromStored(clinic.get("cancellationPolicy"));
}

/** The clinic's policy and the currency its kept amount is in. Admins only. */
export async function getCancellationPolicy(caller: Caller | null): Promise<{ policy: CancellationPolicy; currency: CurrencyCode }> {
  assertCan(caller, "settings:write");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  return { policy: cancellationPolicyOf(clinic), currency: String(clinic.get("currency") ?? "USD") as CurrencyCode };
}

/** The clinic's currency, to read the form's kept amount in. Admins only. */
export async function clinicCurrency(caller: Caller | null): Promise<CurrencyCode> {
  return (await getCancellationPolicy(caller)).currency;
}

/** Saves it; it applies to new requests (each appointment keeps the policy it was booked under). */
export async function updateCancellationPolicy(caller: Caller | null, policy: CancellationPolicy): Promise<void> {
  assertCan(caller, "settings:write");
  const ref = db().collection("clinics").doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    tx.update(ref, { cancellationPolicy: policy, updatedAt: FieldValue.serverTimestamp() });
  });
}
