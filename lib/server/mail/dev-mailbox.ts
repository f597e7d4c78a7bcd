import "server-only";
import type { DocumentReference, QueryDocumentSnapshot, Timestamp } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { Caller } from "@/lib/domain/roles";
import { usingEmulators } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** ISO UTC, or null while the server timestamp is pending. */
  createdAt: string | null;
  appointmentId: string | null;
  /** Attached files (a confirmation's or a reminder's .ics), with their text. */
  attachments: { filename: string; contentType: string; content: string }[];
}

/** The message's attachments as queued (queueMail's MailMessage), anything malformed left out. */
function attachmentsOf(value: unknown): DevMail["attachments"] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((a): a is Record<string, unknown> => typeof a === "object" && a !== null && typeof a.filename === "string")
    .map((a) => ({ filename: String(a.filename), contentType: String(a.contentType ?? ""), content: String(a.content ?? "") }));
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * Whose mail the dev mailbox may show: everything (`"all"`) when the dev stack
 * was started with DEV_MAILBOX_OPEN=1 (scripts/dev.ts and the e2e stack set
 * it; the flag is read only on the emulators, never against a real project),
 * otherwise the signed-in member's clinic only, otherwise nothing (null).
 */
export function devMailboxScope(caller: Caller | null, env: Record<string, string | undefined> = process.env): "all" | { clinicId: string } | null {
  if (!usingEmulators()) return null;
  if (env.DEV_MAILBOX_OPEN === "1") return "all";
  return caller ? { clinicId: caller.clinicId } : null;
}

/** The clinic each email belongs to: its own clinicId, else its appointment's or invite's. */
async function clinicsOf(docs: QueryDocumentSnapshot[]): Promise<Map<string, string | undefined>> {
  const owners = new Map<string, DocumentReference>();
  for (const doc of docs) {
    if (typeof doc.get("clinicId") === "string") continue;
    const appointmentId = doc.get("appointmentId");
    const inviteId = doc.get("inviteId");
    if (typeof appointmentId === "string" && appointmentId) owners.set(doc.id, db().collection("appointments").doc(appointmentId));
    else if (typeof inviteId === "string" && inviteId) owners.set(doc.id, db().collection("invites").doc(inviteId));
  }
  const refs = [...new Map([...owners.values()].map((ref) => [ref.path, ref])).values()];
  const snapshots = refs.length ? await db().getAll(...refs) : [];
  const clinicByPath = new Map(snapshots.map((snap) => [snap.ref.path, snap.get("clinicId") as string | undefined]));
  return new Map(docs.map((doc) => [doc.id, (doc.get("clinicId") as string | undefined) ?? clinicByPath.get(owners.get(doc.id)?.path ?? "")]));
}

/**
 * The newest emails in the `mail` outbox, for testers on the local emulators
 * (nothing is really sent there). Refuses to run against a real project: on
 * production this would expose every patient's email. With `clinicId`, only
 * that clinic's emails (what a signed-in member may see).
 */
export async function listDevMailbox(options: { to?: string; limit?: number; clinicId?: string } = {}): Promise<DevMail[]> {
  if (!usingEmulators()) throw new AppError("not_found", "The dev mailbox exists only on the local emulators.");
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const to = options.to?.trim().toLowerCase() || null;

  // Filtered in memory rather than with where(): no composite index needed,
  // and a test run's handful of emails is always among the newest.
  const filtered = Boolean(to || options.clinicId);
  // query-shape: mail.newest
  const snapshot = await db().collection("mail").orderBy("createdAt", "desc").limit(filtered ? MAX_LIMIT : limit).get();
  let docs = snapshot.docs;
  if (options.clinicId) {
    const clinics = await clinicsOf(docs);
    docs = docs.filter((doc) => clinics.get(doc.id) === options.clinicId);
  }
  const mails = docs.map((doc): DevMail => {
    const message = (doc.get("message") ?? {}) as { subject?: unknown; text?: unknown; html?: unknown; attachments?: unknown };
    const createdAt = doc.get("createdAt") as Timestamp | undefined;
    return {
      id: doc.id,
      to: String(doc.get("to") ?? ""),
      subject: String(message.subject ?? ""),
      text: String(message.text ?? ""),
      html: String(message.html ?? ""),
      createdAt: createdAt?.toDate ? createdAt.toDate().toISOString() : null,
      appointmentId: typeof doc.get("appointmentId") === "string" ? (doc.get("appointmentId") as string) : null,
      attachments: attachmentsOf(message.attachments),
    };
  });
  return (to ? mails.filter((mail) => mail.to.toLowerCase() === to) : mails).slice(0, limit);
}
