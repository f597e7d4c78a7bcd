"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signupSchema } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { slugSchema } from "@/lib/domain/slug";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { createClinic, isSlugAvailable, SLUG_TAKEN } from "@/lib/server/team/onboarding";
import { SESSION_COOKIE, sessionCookieOptions, startSession } from "@/lib/server/auth/session";

/** Creates the clinic and its admin, signs the admin in, and opens the dashboard. */
export async function signupAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const values = parseForm(signupSchema, form);
    await createClinic(values);
    let session;
    try {
      session = await startSession(values.adminEmail, values.password);
    } catch (error) {
      // The clinic exists; only the automatic sign-in failed. Don't report
      // the signup as failed (a retry would say the address is taken).
      console.error("Signup: created the clinic but could not sign in", error);
      redirect("/login?reason=created");
    }
    (await cookies()).set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
    redirect("/dashboard?welcome=1");
  });
}

/**
 * The signup form's live hint for the booking-link address: ok when it is
 * free; a failure with the slug field's message when it is malformed
 * (invalid_request) or taken (conflict).
 */
export async function checkSlugAction(slug: string): Promise<ActionResult> {
  return formAction(async () => {
    const parsed = slugSchema.safeParse(typeof slug === "string" ? slug.trim().toLowerCase() : "");
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Choose another address.";
      throw new AppError("invalid_request", message, { slug: message });
    }
    if (!(await isSlugAvailable(parsed.data))) throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
    return { message: "This address is available." };
  });
}
