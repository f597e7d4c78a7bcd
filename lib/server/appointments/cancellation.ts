import "server-only";
import { appointmentPolicy, refundCents, withinFreeWindow, type CancellationPolicy } from "@/lib/domain/cancellation-policy";
import type { AppointmentDoc } from "./model";

/** The cancellation policy this appointment was booked under. */
export const policyOf = (a: Pick<AppointmentDoc, "cancellationPolicy">): CancellationPolicy => appointmentPolicy(a.cancellationPolicy);

/**
 * What goes back if the patient cancels this confirmed visit at `now`: the
 * runner makes exactly this due, and the status page and email quote it.
 * Nothing paid (a free visit, or not paid yet): 0.
 */
export function policyRefundCents(a: Pick<AppointmentDoc, "cancellationPolicy" | "payment" | "start">, now: Date): number {
  if (a.payment?.status !== "paid") return 0;
  return refundCents(policyOf(a), a.payment.amountCents, a.start.toMillis(), now.getTime());
}

/** Whether `now` is inside the appointment's free window (a move then may swap without review, if the clinic allows it). */
export function inFreeWindow(a: Pick<AppointmentDoc, "cancellationPolicy" | "start">, now: Date): boolean {
  return withinFreeWindow(policyOf(a), a.start.toMillis(), now.getTime());
}
