// The security headers every response carries, in one place so the proxy
// (per-request CSP with a nonce), next.config.ts (the fixed headers) and the
// tests agree. See docs/security.md.

/**
 * The Content-Security-Policy for a page. Scripts run only with this
 * request's nonce (Next.js puts it on its own scripts, read from this header
 * on the request); 'strict-dynamic' lets those load the chunks they import.
 * Styles allow 'unsafe-inline': React style attributes and next/font's inline
 * @font-face rules need it, and styles cannot run code. No framing at all.
* With `stripe` (the patient's status page, where the pay step is), Stripe's
 * documented origins join script-src, frame-src and connect-src so the
 * Payment Element can load; no other page can talk to Stripe.
 * With `firebaseAuth` (the sign-in pages), the origins Firebase Auth needs
 * (firebaseAuthOrigins: Identity Toolkit and Secure Token, the auth domain's
 * frame for Google sign-in; on the emulators, the emulator's host only) join
 * connect-src and frame-src; no other page can reach them.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; https: boolean; stripe?: boolean; firebaseAuth?: { connect: string[]; frame: string[] } },
): string {
  const stripe = options.stripe ?? false;
  const auth = options.firebaseAuth ?? { connect: [], frame: [] };
  const connect = [...(stripe ? ["https://api.stripe.com"] : []), ...auth.connect];
  const frames = [...(stripe ? [STRIPE_SCRIPT_ORIGINS, "https://hooks.stripe.com"] : []), ...auth.frame];
  const directives = [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}${stripe ? ` ${STRIPE_SCRIPT_ORIGINS}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(" "),
    ...(frames.length > 0 ? [`frame-src ${frames.join(" ")}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Not on plain-http development or test servers, where it would break every asset.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

const STRIPE_SCRIPT_ORIGINS = "https://js.stripe.com https://*.js.stripe.com";

/** Pages that may load Stripe: the patient's status page, which holds the pay step. */
export const pageUsesStripe = (pathname: string) => pathname.startsWith("/appointments/");

/** The member's own account page: it confirms it's them and sets up two-step verification with the client SDK. */
export const ACCOUNT_PAGE = "/dashboard/account";

/** Pages that sign in with the Firebase client SDK: /login and the pages under it, and the account page. */
export const pageUsesFirebaseAuth = (pathname: string) => pathname === "/login" || pathname.startsWith("/login/") || pathname === ACCOUNT_PAGE;

/** A fresh, unguessable nonce per request (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response (pages, API, assets). HSTS only in production. */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      // Nothing here needs the camera, microphone, location or USB; payment
      // stays available to our own pages for the card step. Only features
      // Chromium recognises: an unknown one ("bluetooth") costs a console
      // warning on every page load and restricts nothing.
      value: "camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), browsing-topics=(), payment=(self)",
    },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
