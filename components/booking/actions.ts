"use server";

import { bookingFormSchema } from "@/lib/domain/booking-request";
import { isAppError, type AppErrorCode } from "@/lib/domain/errors";
import { fieldErrors } from "@/lib/domain/validation";
import { headers } from "next/headers";
import { requestAppointment } from "@/lib/server/appointments/request";
import { clientIp } from "@/lib/server/client-ip";

export type BookingActionResult =
  | { ok: true; id: string; statusUrl: string; expiresAt: string }
  | { ok: false; code: AppErrorCode | "internal"; message: string; fields?: Record<string, string> };

/**
 * The booking form's submit. The browser already validated with the same
 * schema; this is the check that counts (a server action is a public POST
 * endpoint, so anything may arrive here).
 */
export async function requestBooking(slug: unknown, doctorId: unknown, input: unknown): Promise<BookingActionResult> {
  if (typeof slug !== "string" || typeof doctorId !== "string") {
    return { ok: false, code: "not_found", message: "We couldn't find that clinic or doctor. Please check the link." };
  }
  const parsed = bookingFormSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid_request",
      message: "Please check the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  }
  const { start, patient, reason } = parsed.data;
  // The schema drops unknown keys, so read the honeypot from the raw input.
  const website = (input as { website?: unknown } | null)?.website;
  try {
    const ip = clientIp(await headers());
    const created = await requestAppointment(slug, doctorId, { start, patient, reason }, {
      source: "web",
      ip: ip === "unknown" ? null : ip,
      honeypot: typeof website === "string" ? website : null,
    });
    return { ok: true, id: created.id, statusUrl: created.statusUrl, expiresAt: created.expiresAt };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    }
    console.error("requestBooking failed", error);
    return {
      ok: false,
      code: "internal",
      message: "Something went wrong on our side and your request wasn't sent. Please try again in a moment.",
    };
  }
}
