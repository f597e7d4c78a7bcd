import "server-only";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "@/lib/server/env";

// Firebase Auth sends its own emails (password reset, email verification:
// the client SDK's sendPasswordResetEmail, sendEmailVerification). The local
// Auth emulator sends nothing: it keeps each link at its oobCodes endpoint.
// The dev mailbox shows them next to our own mail, so a developer can follow
// the link as they would from the inbox.

export interface EmulatorAuthMail {
  id: string;
  to: string;
  subject: string;
  link: string;
}

interface EmulatorOobCode {
  email: string;
  requestType: string;
  oobCode: string;
  oobLink: string;
}

const SUBJECTS: Record<string, string> = {
  PASSWORD_RESET: "Reset your password",
  VERIFY_EMAIL: "Verify your email",
  VERIFY_AND_CHANGE_EMAIL: "Verify your new email",
  EMAIL_SIGNIN: "Sign in to the clinic app",
  RECOVER_EMAIL: "Your sign-in email was changed",
};

/** The out-of-band links the Auth emulator holds, newest first; only to `to`, or to any of `among`, when given. Emulator only. */
export async function listEmulatorAuthMail(options: { to?: string; among?: readonly string[] } = {}): Promise<EmulatorAuthMail[]> {
  const { FIREBASE_AUTH_EMULATOR_HOST: host, FIREBASE_PROJECT_ID: projectId } = serverEnv();
  if (!host) throw new AppError("not_found", "Firebase Auth's emails are kept only by the local Auth emulator.");
  const response = await fetch(`http://${host}/emulator/v1/projects/${encodeURIComponent(projectId)}/oobCodes`, { cache: "no-store" });
  if (!response.ok) throw new AppError("unavailable", `The Auth emulator answered ${response.status} for its out-of-band codes.`);
  const { oobCodes = [] } = (await response.json()) as { oobCodes?: EmulatorOobCode[] };
  const to = options.to?.trim().toLowerCase();
  const among = options.among && new Set(options.among.map((email) => email.toLowerCase()));
  return oobCodes
    .filter((code) => (!to || code.email.toLowerCase() === to) && (!among || among.has(code.email.toLowerCase())))
    .map((code) => ({ id: code.oobCode, to: code.email, subject: SUBJECTS[code.requestType] ?? code.requestType, link: code.oobLink }))
    .reverse();
}
