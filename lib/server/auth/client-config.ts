import "server-only";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";

// Read by name at request time: Next.js would inline a literal
// `process.env.NEXT_PUBLIC_…` at build time, and the e2e stack reuses one build
// for emulators on other ports.
const publicEnv = (name: string): string | undefined => process.env[name] || undefined;

/** The client SDK's config from NEXT_PUBLIC_FIREBASE_*; throws naming what is missing. */
export function firebaseClientConfig(): FirebaseClientConfig {
  const apiKey = publicEnv("NEXT_PUBLIC_FIREBASE_API_KEY");
  const projectId = publicEnv("NEXT_PUBLIC_FIREBASE_PROJECT_ID");
  const authDomain = publicEnv("NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN") ?? (projectId ? `${projectId}.firebaseapp.com` : undefined);
  const emulatorHost = publicEnv("NEXT_PUBLIC_FIREBASE_AUTH_EMULATOR_HOST");
  if (!apiKey || !projectId || !authDomain) {
    throw new Error("Invalid environment: set NEXT_PUBLIC_FIREBASE_API_KEY and NEXT_PUBLIC_FIREBASE_PROJECT_ID (see .env.example).");
  }
  return { apiKey, projectId, authDomain, ...(emulatorHost ? { emulatorHost } : {}) };
}
