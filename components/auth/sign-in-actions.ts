"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/domain/clinic-settings";
import { clientIp } from "@/lib/server/client-ip";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session";
import { SIGN_IN_MESSAGES } from "@/lib/server/auth/identity-toolkit";
import { signInThrottled } from "@/lib/server/auth/sign-in-throttle";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";

// The sign-in form without JavaScript: the browser posts the form here (with
// JavaScript, the form posts JSON to /api/session instead and never calls
// this). Same checks, throttle and words as the route. Success redirects to
// the dashboard (a redirect is what a plain form post can follow); a refusal
// is the one ActionResult, which the form's useActionState renders in the
// page it answers with. Next.js checks the Origin of server action posts.
export async function signInAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return formAction(
    async () => {
      const values = parseForm(signInSchema, form);
      const session = await signInThrottled(values.email, values.password, clientIp(await headers()));
      (await cookies()).set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
      redirect("/dashboard");
    },
    { failure: SIGN_IN_MESSAGES.unavailable },
  );
}
