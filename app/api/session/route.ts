import { NextResponse, type NextRequest } from "next/server";
import { signInSchema } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute, parseJsonBody } from "@/lib/http/json-api";
import { clientIp } from "@/lib/server/client-ip";
import { serverEnv } from "@/lib/server/env";
import { endSession, isAllowedOrigin, SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session";
import { signInThrottled } from "@/lib/server/auth/sign-in-throttle";

export const dynamic = "force-dynamic";

// The sign-in form posts here; the browser never loads the Firebase SDK.
// POST checks the password and sets the __session cookie; DELETE signs out.
// Both change who the browser is signed in as, so both check Origin (CSRF):
// SameSite=Lax alone would still let another site's form POST here.

function assertSameOrigin(request: NextRequest) {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const allowed = isAllowedOrigin(request.headers.get("origin"), {
    appUrl: serverEnv().APP_URL,
    requestUrl: request.url,
    host,
  });
  if (!allowed) {
    throw new AppError("forbidden", "This sign-in request didn't come from this app. Open the sign-in page and try again.");
  }
}

export const POST = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request);
  const { email, password } = await parseJsonBody(request, signInSchema);
  // 10 failed sign-ins in 15 minutes per email or per client address: 429.
  const session = await signInThrottled(email, password, clientIp(request.headers));
  const response = NextResponse.json({ ok: true, redirectTo: "/dashboard" });
  response.cookies.set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
  response.headers.set("cache-control", "no-store");
  return response;
});

export const DELETE = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request);
  await endSession(request.cookies.get(SESSION_COOKIE)?.value);
  const response = NextResponse.json({ ok: true, redirectTo: "/login" });
  response.cookies.set(SESSION_COOKIE, "", { ...sessionCookieOptions, maxAge: 0 });
  return response;
});
