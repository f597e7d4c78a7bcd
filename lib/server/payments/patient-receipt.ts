import "server-only";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { appointmentTokenMatches } from "@/lib/server/appointments/tokens";

/**
 * What the patient paid for a confirmed visit, for their status page: the
 * amount and when, or null when nothing is paid or the money is going back.
 * Only the patient's token reads it (null otherwise, as for a missing one).
 */
export async function getPaidReceipt(id: string, token: string | null | undefined): Promise<{ amountCents: number; currency: string; paidAt: number } | null> {
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a)) return null;
  if (a.status !== "confirmed" || a.payment?.status !== "paid") return null;
  return { amountCents: a.payment.amountCents, currency: a.payment.currency, paidAt: a.payment.paidAt.toMillis() };
}
