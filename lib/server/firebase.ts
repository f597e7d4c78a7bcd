import "server-only";
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { firebaseProjectId } from "./env";

// One admin app per process. Next.js may evaluate this module more than once
// in dev (hot reload), so the app registry, not a module variable, is the guard.
function adminApp(): App {
  const existing = getApps()[0];
  if (existing) return existing;
  // With GOOGLE_APPLICATION_CREDENTIALS or on Google infrastructure the
  // default credentials are found; against emulators none are needed.
  return initializeApp({ projectId: firebaseProjectId() });
}

let firestore: Firestore | undefined;

export function db(): Firestore {
  if (firestore) return firestore;
  firestore = getFirestore(adminApp());
  try {
    firestore.settings({ ignoreUndefinedProperties: true });
  } catch {
    // Settings can be given only once per instance. A dev hot reload
    // re-evaluates this module and meets the instance it configured before.
  }
  return firestore;
}

export function adminAuth(): Auth {
  return getAuth(adminApp());
}
