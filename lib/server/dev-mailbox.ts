import "server-only";
import type { Timestamp } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { usingEmulators } from "./env";
import { db } from "./firebase";

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** ISO UTC, or null while the server timestamp is pending. */
  createdAt: string | null;
  appointmentId: string | null;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * The newest emails in the `mail` outbox, for testers on the local emulators
 * (nothing is really sent there). Refuses to run against a real project: on
 * production this would expose every patient's email.
 */
export async function listDevMailbox(options: { to?: string; limit?: number } = {}): Promise<DevMail[]> {
  if (!usingEmulators()) throw new AppError("not_found", "The dev mailbox exists only on the local emulators.");
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const to = options.to?.trim().toLowerCase() || null;

  // Filtered in memory rather than with where(): no composite index needed,
  // and a test run's handful of emails is always among the newest.
  const snapshot = await db().collection("mail").orderBy("createdAt", "desc").limit(to ? MAX_LIMIT : limit).get();
  const mails = snapshot.docs.map((doc): DevMail => {
    const message = (doc.get("message") ?? {}) as { subject?: unknown; text?: unknown; html?: unknown };
    const createdAt = doc.get("createdAt") as Timestamp | undefined;
    return {
      id: doc.id,
      to: String(doc.get("to") ?? ""),
      subject: String(message.subject ?? ""),
      text: String(message.text ?? ""),
      html: String(message.html ?? ""),
      createdAt: createdAt?.toDate ? createdAt.toDate().toISOString() : null,
      appointmentId: typeof doc.get("appointmentId") === "string" ? (doc.get("appointmentId") as string) : null,
    };
  });
  return (to ? mails.filter((mail) => mail.to.toLowerCase() === to) : mails).slice(0, limit);
}
