"use server";

import { cancellationPolicySchema } from "@/lib/domain/cancellation-policy";
import { getCaller } from "@/lib/server/auth/caller";
import { clinicCurrency, updateCancellationPolicy } from "@/lib/server/clinics/cancellation-policy";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";

/** The cancellation policy form: who is calling, the schema (the kept amount in the clinic's currency), one verb. */
export async function updateCancellationPolicyAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const currency = await clinicCurrency(caller);
    await updateCancellationPolicy(caller, parseForm(cancellationPolicySchema(currency), form));
    return { message: "Cancellation policy saved." };
  });
}
