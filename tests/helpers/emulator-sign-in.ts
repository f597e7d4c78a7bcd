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

// Two-step verification over the emulator's REST API, as the client SDK does
// it: the emulator "texts" codes by keeping them at /emulator/v1/.../verificationCodes.

function emulatorV2Url(path: string): string {
  return emulatorUrl(path).replace("/identitytoolkit.googleapis.com/v1/", "/identitytoolkit.googleapis.com/v2/");
}

async function v2(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(emulatorV2Url(path), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`Auth emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The code the emulator "texted" for this session. */
export async function emulatorSmsCode(sessionInfo: string): Promise<string> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const response = await fetch(`http://${host}/emulator/v1/projects/${process.env.FIREBASE_PROJECT_ID}/verificationCodes`);
  const { verificationCodes } = (await response.json()) as { verificationCodes: { code: string; sessionInfo: string }[] };
  const found = verificationCodes.find((entry) => entry.sessionInfo === sessionInfo);
  if (!found) throw new Error("The emulator sent no code for this session");
  return found.code;
}

/** Enrols a phone as the account's second factor (the account's email must be verified, as Firebase requires). */
export async function enrollPhone(idToken: string, phoneNumber: string): Promise<{ idToken: string }> {
  const started = await v2("accounts/mfaEnrollment:start", { idToken, phoneEnrollmentInfo: { phoneNumber } });
  const sessionInfo = (started.phoneSessionInfo as { sessionInfo: string }).sessionInfo;
  const code = await emulatorSmsCode(sessionInfo);
  return (await v2("accounts/mfaEnrollment:finalize", { idToken, phoneVerificationInfo: { sessionInfo, code } })) as { idToken: string };
}

/**
 * Signs in with password and then the SMS code, as the sign-in page does
 * after `auth/multi-factor-auth-required`: the ID token carries
 * `firebase.sign_in_second_factor: "phone"`.
 */
export async function passwordAndSmsIdToken(email: string, password: string): Promise<{ idToken: string }> {
  const first = (await tokenFrom("accounts:signInWithPassword", { email, password, returnSecureToken: true })) as unknown as {
    mfaPendingCredential?: string;
    mfaInfo?: { mfaEnrollmentId: string }[];
  };
  if (!first.mfaPendingCredential || !first.mfaInfo?.[0]) throw new Error(`${email} has no second factor`);
  const started = await v2("accounts/mfaSignIn:start", {
    mfaPendingCredential: first.mfaPendingCredential,
    mfaEnrollmentId: first.mfaInfo[0].mfaEnrollmentId,
  });
  const sessionInfo = (started.phoneResponseInfo as { sessionInfo: string }).sessionInfo;
  const code = await emulatorSmsCode(sessionInfo);
  return (await v2("accounts/mfaSignIn:finalize", {
    mfaPendingCredential: first.mfaPendingCredential,
    phoneVerificationInfo: { sessionInfo, code },
  })) as { idToken: string };
}
