import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { jsonRoute, parseJsonBody } from "@/lib/http/json-api";
import { SECOND_FACTOR_REQUIRED } from "@/lib/domain/second-factor";
import { NotMemberError, SecondFactorRequiredError, sessionFromClientSignIn } from "@/lib/server/auth/id-token-session";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { endSession, SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

// The sign-in page signs in with the Firebase client SDK and posts the ID
// token here (never a password). POST verifies it and sets the __session
// cookie; DELETE signs out.
// Both change who the browser is signed in as, so both check Origin (CSRF):
// SameSite=Lax alone would still let another site's form POST here.

const NOT_FROM_APP = "This sign-in request didn't come from this app. Open the sign-in page and try again.";

// A Firebase ID token is a JWT of about 1 KB; 8 KB leaves room for large custom claims.
const idTokenBody = z.object({ idToken: z.string().min(1, "Sign in again.").max(8192) });

const notMemberPage = (provider: string) => `/login/not-a-member${provider === "google.com" ? "?via=google" : ""}`;

export const POST = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request, NOT_FROM_APP);
  const { idToken } = await parseJsonBody(request, idTokenBody);
  let session;
  try {
    session = await sessionFromClientSignIn(idToken);
  } catch (error) {
    // Signed in with Firebase, but in no clinic: the page that says so.
    if (error instanceof NotMemberError) {
      const body = { error: { code: "not_member", message: error.message, redirectTo: notMemberPage(error.provider) } };
      return NextResponse.json(body, { status: 403, headers: { "cache-control": "no-store" } });
    }
    // A clinic member who must add (or use) a second factor first: the page keeps the SDK's user for that step.
    if (error instanceof SecondFactorRequiredError) {
      const body = { error: { code: SECOND_FACTOR_REQUIRED, message: error.message } };
      return NextResponse.json(body, { status: 403, headers: { "cache-control": "no-store" } });
    }
    throw error;
  }
  const response = NextResponse.json({ ok: true, redirectTo: "/dashboard" });
  response.cookies.set(SESSION_COOKIE, session.cookie, { ...sessionCookieOptions, maxAge: session.maxAgeSeconds });
  response.headers.set("cache-control", "no-store");
  return response;
});

export const DELETE = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request, NOT_FROM_APP);
  await endSession(request.cookies.get(SESSION_COOKIE)?.value);
  const response = NextResponse.json({ ok: true, redirectTo: "/login" });
  response.cookies.set(SESSION_COOKIE, "", { ...sessionCookieOptions, maxAge: 0 });
  return response;
});
