"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSession, SESSION_COOKIE } from "@/lib/server/auth/session";

/**
 * Signs out everywhere (revokes the user's refresh tokens, which also fails
 * every session cookie issued before now) and clears this browser's cookie.
 * A server action: Next.js checks Origin against Host for it.
 *
 * The one action that answers with a redirect only, never an ActionResult:
 * the button is a plain form in the dashboard frame with no place to show a
 * refusal, and there is nothing to refuse. Whatever endSession meets, the
 * cookie is gone and the browser lands on /login, with or without JavaScript.
 */
export async function signOutAction(): Promise<never> {
  const jar = await cookies();
  await endSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete({ name: SESSION_COOKIE, path: "/" });
  redirect("/login?reason=signed-out");
}
