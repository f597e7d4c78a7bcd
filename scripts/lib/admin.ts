// firebase-admin for scripts (seed, dev runner, e2e stack). The app's own
// lib/server/firebase.ts is guarded by `server-only`, which plain Node refuses.
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

export function scriptAdmin(projectId = process.env.FIREBASE_PROJECT_ID ?? "demo-clinic") {
  const app = getApps()[0] ?? initializeApp({ projectId });
  return { db: getFirestore(app), auth: getAuth(app) };
}
