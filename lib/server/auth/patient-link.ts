import "server-only";
import { cookies } from "next/headers";

/**
 * The patient's status link carries a token in its query string. On the first
 * visit it is exchanged for this cookie (open/route.ts) and the browser moves
 * to the clean URL, so the token leaves the address bar, history and later
 * access logs. The cookie is scoped to the one appointment's path: a browser
 * holding links to two requests keeps one cookie for each, and the cookie is
 * sent to the page, its server actions and the .ics route, and nowhere else.
 */
export const PATIENT_COOKIE = "patient_link";

/** Long enough to come back to the page from history before the visit; the emailed link always works again. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function appointmentPath(id: string): string {
  return `/appointments/${encodeURIComponent(id)}`;
}

export function patientCookie(id: string, token: string) {
  return {
    name: PATIENT_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "lax" as const,
    // Always, as the staff session cookie (lib/server/auth/session.ts): browsers
    // accept Secure cookies from http://localhost and 127.0.0.1, so dev and
    // the e2e stack behave as production does.
    secure: true,
    path: appointmentPath(id),
    maxAge: MAX_AGE_SECONDS,
  };
}

/** The token for the appointment whose path this request is on (page, server action), if the browser has one. */
export async function patientTokenFromCookie(): Promise<string | undefined> {
  return (await cookies()).get(PATIENT_COOKIE)?.value || undefined;
}
