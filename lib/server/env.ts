import "server-only";
import { z } from "zod";

// Every variable the server reads, validated once. A missing or malformed
// variable stops start-up with a message that names it, instead of a vague
// failure on the first request that happens to need it.
const envSchema = z.object({
  FIREBASE_PROJECT_ID: z.string().min(1),
  // The Web API key. The server exchanges a password for an ID token with it
  // (Identity Toolkit), so the browser never loads the Firebase SDK.
  FIREBASE_API_KEY: z.string().min(1),
  // Public origin of the app, used in links that leave it (emails, Stripe).
  APP_URL: z.url(),
  // Set only when running against emulators; firebase-admin reads them itself.
  FIRESTORE_EMULATOR_HOST: z.string().optional(),
  FIREBASE_AUTH_EMULATOR_HOST: z.string().optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  cached = parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const missing = source[name] === undefined || source[name] === "";
    return `  - ${name}: ${missing ? "missing" : issue.message}`;
  });
  throw new Error(
    `Invalid environment. Set these variables (see .env.example):\n${lines.join("\n")}`,
  );
}

/**
 * The project id alone. Cloud Functions need only this (the runtime sets
 * GCLOUD_PROJECT), not the web app's variables.
 */
export function firebaseProjectId(): string {
  const id = process.env.FIREBASE_PROJECT_ID || process.env.GCLOUD_PROJECT;
  if (!id) throw new Error("Invalid environment: FIREBASE_PROJECT_ID is missing (see .env.example).");
  return id;
}

/** True when the server talks to local emulators rather than a real project. */
export function usingEmulators(): boolean {
  const env = serverEnv();
  return Boolean(env.FIRESTORE_EMULATOR_HOST || env.FIREBASE_AUTH_EMULATOR_HOST);
}
