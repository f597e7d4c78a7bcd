"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSession, SESSION_COOKIE } from "@/lib/server/auth/session";

/**
 * Signs out everywhere (revokes the user's refresh tokens, which also fails
 * every session cookie issued before now) and clears this browser's cookie.
 * A server action: Next.js checks Origin against Host for it.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await endSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete({ name: SESSION_COOKIE, path: "/" });
  redirect("/login?reason=signed-out");
}
