import { describe, expect, it } from "vitest";
import { firebaseAuthOrigins } from "@/lib/domain/firebase-client-config";
import { contentSecurityPolicy, newNonce, pageUsesFirebaseAuth, pageUsesStripe, staticSecurityHeaders } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, forbids framing, and adds eval only in development", () => {
    const production = contentSecurityPolicy("abc", { dev: false, https: true });
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("upgrade-insecure-requests");
    const dev = contentSecurityPolicy("abc", { dev: true, https: false });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
  });

  it("lets only the status page (the pay step) load Stripe's script, frames and API", () => {
    const plain = contentSecurityPolicy("abc", { dev: false, https: true });
    expect(plain).not.toContain("stripe.com");
    expect(plain).not.toContain("frame-src");
    const pay = contentSecurityPolicy("abc", { dev: false, https: true, stripe: true });
    expect(pay).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' https://js.stripe.com https://*.js.stripe.com;");
    expect(pay).toContain("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com");
    expect(pay).toContain("connect-src 'self' https://api.stripe.com;");
    expect(pay).toContain("frame-ancestors 'none'");
    expect(pageUsesStripe("/appointments/abc123")).toBe(true);
    expect(pageUsesStripe("/book/demo")).toBe(false);
    expect(pageUsesStripe("/dashboard/requests/abc")).toBe(false);
  });

  it("lets only the sign-in pages reach Firebase Auth: Google's endpoints and the auth domain's frame in production, the emulator alone offline", () => {
    const production = contentSecurityPolicy("abc", {
      dev: false,
      https: true,
      firebaseAuth: firebaseAuthOrigins({ authDomain: "clinic-prod.firebaseapp.com" }),
    });
    expect(production).toContain("connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com;");
    // The auth domain (Google sign-in's relay) and the invisible reCAPTCHA Firebase asks for before texting a code.
    expect(production).toContain("frame-src https://clinic-prod.firebaseapp.com https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/;");
    // Scripts stay nonce-only: the SDK's Google popup helper loads through 'strict-dynamic'.
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).not.toContain("127.0.0.1");
    const offline = contentSecurityPolicy("abc", {
      dev: false,
      https: false,
      firebaseAuth: firebaseAuthOrigins({ authDomain: "demo-clinic.firebaseapp.com", emulatorHost: "127.0.0.1:9699" }),
    });
    expect(offline).toContain("connect-src 'self' http://127.0.0.1:9699;");
    expect(offline).not.toContain("googleapis.com");
    expect(offline).not.toContain("frame-src");
    expect(pageUsesFirebaseAuth("/login")).toBe(true);
    expect(pageUsesFirebaseAuth("/login/forgot")).toBe(true);
    expect(pageUsesFirebaseAuth("/loginx")).toBe(false);
    expect(pageUsesFirebaseAuth("/book/demo")).toBe(false);
    expect(pageUsesFirebaseAuth("/appointments/abc")).toBe(false);
  });

  it("lets the account page (two-step verification) reach Firebase Auth, and no other dashboard page", () => {
    expect(pageUsesFirebaseAuth("/dashboard/account")).toBe(true);
    for (const page of ["/dashboard", "/dashboard/schedule", "/dashboard/requests/abc", "/dashboard/account/x", "/dashboard/accounts"]) {
      expect(pageUsesFirebaseAuth(page), page).toBe(false);
    }
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends HSTS in production only", () => {
    const keys = (production: boolean) => staticSecurityHeaders(production).map((header) => header.key);
    expect(keys(true)).toContain("Strict-Transport-Security");
    expect(keys(false)).not.toContain("Strict-Transport-Security");
    expect(keys(false)).toEqual(expect.arrayContaining(["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]));
  });
});
