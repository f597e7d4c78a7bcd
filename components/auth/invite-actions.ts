"use server";

import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/server/client-ip";
import { redirect } from "next/navigation";
import { acceptInviteExistingUserSchema, acceptInviteNewUserSchema } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { acceptInviteAsExistingUser, acceptInviteAsNewUser } from "@/lib/server/team/invite-acceptance";
import { SESSION_COOKIE, sessionCookieOptions, type NewSession } from "@/lib/server/auth/session";

async function signIn(session: NewSession): Promise<never> {
  (await cookies()).set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
  redirect("/dashboard");
}

/** New person: name and password create their account. */
export async function acceptAsNewUserAction(token: string, form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const input = parseForm(acceptInviteNewUserSchema, form);
    return signIn(await acceptInviteAsNewUser(String(token), input));
  });
}

/** Existing account: the password proves it's theirs. */
export async function acceptAsExistingUserAction(token: string, form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const input = parseForm(acceptInviteExistingUserSchema, form);
    try {
      return signIn(await acceptInviteAsExistingUser(String(token), input, clientIp(await headers())));
    } catch (error) {
      // Put a wrong password next to the password field.
      if (error instanceof AppError && error.code === "unauthenticated") {
        throw new AppError(error.code, "That password isn't right. Try again.", { password: "That password isn't right." });
      }
      throw error;
    }
  });
}
