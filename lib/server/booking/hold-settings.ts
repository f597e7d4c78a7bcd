import "server-only";
import { FieldValue } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { HoldSettings } from "@/lib/domain/hold-settings";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { holdRuleOf, requiresEmailConfirmation } from "@/lib/server/appointments/hold";
import { db } from "@/lib/server/firebase";
import { ipLimitOf } from "./request-limits";

const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

/** The clinic's hold rule and per-address limit, defaults filled in. Admins only. */
export async function getHoldSettings(caller: Caller | null): Promise<HoldSettings> {
  assertCan(caller, "settings:write");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  const rule = holdRuleOf(clinic);
  return {
    holdHours: rule.hours,
    holdOpeningHoursOnly: rule.openingHoursOnly,
    ipRequestsPerHour: ipLimitOf(clinic),
    requireEmailConfirmation: requiresEmailConfirmation(clinic),
  };
}

/** Saves them; they apply to new requests (a hold already running keeps its deadline). */
export async function updateHoldSettings(caller: Caller | null, settings: HoldSettings): Promise<void> {
  assertCan(caller, "settings:write");
  const ref = db().collection("clinics").doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    tx.update(ref, { ...settings, updatedAt: FieldValue.serverTimestamp() });
  });
}
