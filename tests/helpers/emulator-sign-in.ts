// ID tokens from the Auth emulator, as the sign-in page's client SDK gets them:
// by email and password, or with a fake Google credential (the emulator takes
// the ID token's claims as JSON, as its account chooser sends them).

function emulatorUrl(path: string): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error("FIREBASE_AUTH_EMULATOR_HOST is not set");
  return `http://${host}/identitytoolkit.googleapis.com/v1/${path}?key=${process.env.FIREBASE_API_KEY ?? "demo-local-key"}`;
}

async function tokenFrom(path: string, body: unknown): Promise<{ idToken: string; localId: string }> {
  const response = await fetch(emulatorUrl(path), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`Auth emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { idToken: string; localId: string };
}

export const passwordIdToken = (email: string, password: string) =>
  tokenFrom("accounts:signInWithPassword", { email, password, returnSecureToken: true });

/** Signs in "with Google" as the emulator's chooser would: `sub` names the Google account. */
export const googleIdToken = (claims: { sub: string; email: string; name?: string; email_verified?: boolean }) =>
  tokenFrom("accounts:signInWithIdp", {
    requestUri: "http://localhost",
    postBody: `id_token=${encodeURIComponent(JSON.stringify({ email_verified: true, ...claims }))}&providerId=google.com`,
    returnSecureToken: true,
    returnIdpCredential: true,
  });

/** The same token with other claims: the emulator's tokens are unsigned, so firebase-admin checks the claims only. */
export function withClaims(idToken: string, claims: Record<string, unknown>): string {
  const [header, payload] = idToken.split(".");
  const decoded = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString("base64url")}.`;
}
