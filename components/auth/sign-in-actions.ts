"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/domain/clinic-settings";
import { isAppError } from "@/lib/domain/errors";
import { clientIp } from "@/lib/server/client-ip";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session";
import { signInThrottled } from "@/lib/server/auth/sign-in-throttle";

// The sign-in form without JavaScript: the browser posts the form here (with
// JavaScript, the form posts JSON to /api/session instead and never calls
// this). Same checks and throttle as the route; the outcome is a redirect,
// to the dashboard or back to /login with a reason the page words. Next.js
// checks the Origin of server action posts.

const REASONS: Record<string, string> = {
  unauthenticated: "wrong-credentials",
  forbidden: "disabled",
  rate_limited: "too-many-attempts",
  unavailable: "sign-in-unavailable",
};

export async function signInAction(form: FormData): Promise<void> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) redirect("/login?reason=sign-in-incomplete");
  let reason: string;
  try {
    const session = await signInThrottled(parsed.data.email, parsed.data.password, clientIp(await headers()));
    (await cookies()).set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
    reason = "";
  } catch (error) {
    if (!isAppError(error)) console.error("Sign-in without JavaScript failed", error);
    reason = (isAppError(error) && REASONS[error.code]) || "sign-in-unavailable";
  }
  redirect(reason ? `/login?reason=${reason}` : "/dashboard");
}
