"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/domain/action-result";
import { bookingFormSchema } from "@/lib/domain/booking-request";
import { parseWith } from "@/lib/http/json-api";
import { requestAppointment } from "@/lib/server/appointments/request";
import { clientIp } from "@/lib/server/client-ip";
import { actionFailure, formAction } from "@/lib/server/form-action";

export type SentRequest = { id: string; statusUrl: string; expiresAt: string };

export type BookingActionResult = ActionResult<SentRequest>;

/**
 * The booking form's submit. The browser already validated with the same
 * schema; this is the check that counts (a server action is a public POST
 * endpoint, so anything may arrive here).
 */
export async function requestBooking(slug: unknown, doctorId: unknown, input: unknown): Promise<BookingActionResult> {
  if (typeof slug !== "string" || typeof doctorId !== "string") {
    return actionFailure("We couldn't find that clinic or doctor. Please check the link.", "not_found");
  }
  return formAction(
    async () => {
      const { start, patient, reason } = parseWith(bookingFormSchema, input, "Please check the highlighted fields.");
      // The schema drops unknown keys, so read the honeypot from the raw input.
      const website = (input as { website?: unknown } | null)?.website;
      const ip = clientIp(await headers());
      const created = await requestAppointment(slug, doctorId, { start, patient, reason }, {
        source: "web",
        ip: ip === "unknown" ? null : ip,
        honeypot: typeof website === "string" ? website : null,
      });
      return { message: "", data: { id: created.id, statusUrl: created.statusUrl, expiresAt: created.expiresAt } };
    },
    { failure: "Something went wrong on our side and your request wasn't sent. Please try again in a moment." },
  );
}
