import "server-only";
import { FieldValue, type Transaction, type WriteBatch } from "firebase-admin/firestore";
import { ERASED } from "@/lib/domain/privacy/erasure";
import { db } from "@/lib/server/firebase";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Optional attachments, in the Trigger Email extension's (nodemailer) shape. */
  attachments?: { filename: string; content: string; contentType: string }[];
  /** Extra header fields (List-Unsubscribe, say): the document's top-level `headers`, where the extension reads them. */
  headers?: Record<string, string>;
}

/**
 * Queues an email in the `mail` collection, in the format of Firebase's Trigger
 * Email extension, which sends it. Pass the transaction or batch that makes the
 * change the email describes: the email exists if and only if the change
 * commits (an outbox), and nothing is sent from inside a transaction body.
 */
export function queueMail(writer: Transaction | WriteBatch, mail: MailMessage, meta: Record<string, string> = {}): string {
  const ref = db().collection("mail").doc();
  // An erased patient's address is the marker (docs/privacy.md): there is nowhere to send to, so nothing is queued.
  if (mail.to === ERASED) return ref.id;
  const { to, headers, ...message } = mail;
  const doc = { to, message, ...(headers ? { headers } : {}), ...meta, createdAt: FieldValue.serverTimestamp() };
  // Transaction.create and WriteBatch.create share a signature but not a type.
  (writer as WriteBatch).create(ref, doc);
  return ref.id;
}
