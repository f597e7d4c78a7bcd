import { NextResponse, type NextRequest } from "next/server";
import { firebaseAuthOrigins } from "@/lib/domain/firebase-client-config";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { contentSecurityPolicy, newNonce, pageUsesFirebaseAuth, pageUsesStripe } from "@/lib/http/security-headers";

// Every page gets a Content-Security-Policy with a fresh nonce. Next.js reads
// the policy from the request headers while rendering and puts the nonce on
// its own scripts, so pages must render per request (the root layout awaits
// connection()). The fixed headers (X-Frame-Options, HSTS, …) are in
// next.config.ts.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: (process.env.APP_URL ?? "").startsWith("https:"),
    stripe: pageUsesStripe(request.nextUrl.pathname),
    firebaseAuth: pageUsesFirebaseAuth(request.nextUrl.pathname) ? firebaseAuthOrigins(authEnv()) : undefined,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // For not-found pages, which get no params (lib/http/request-path.ts); always ours, never the client's.
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// By name, so Next.js reads them at run time rather than inlining the build's values.
function authEnv() {
  const env = (name: string) => process.env[name] || undefined;
  const projectId = env("NEXT_PUBLIC_FIREBASE_PROJECT_ID");
  return {
    authDomain: env("NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN") ?? `${projectId}.firebaseapp.com`,
    emulatorHost: env("NEXT_PUBLIC_FIREBASE_AUTH_EMULATOR_HOST"),
  };
}

export const config = {
  matcher: [
    {
      // Pages only: not JSON routes, build assets, or the icon.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
