import "server-only";
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { formatTime } from "@/lib/domain/time-format";
import { historyId, type AppointmentDoc, type HistoryEntry } from "./model";

// What a verb answers when the appointment changed under it.

const PAST_TENSE: Record<HistoryEntry["action"], string> = {
  request: "requested",
  approve: "approved",
  decline: "declined",
  propose: "proposed a new time for",
  cancel: "cancelled",
  accept: "accepted the new time for",
  reject: "declined the new time for",
  pay: "paid for",
  expire: "expired",
  complete: "marked the visit completed for",
  no_show: "marked a no-show for",
  clinic_cancel: "cancelled",
  change_email: "corrected the email address of",
  withdraw: "withdrew the proposed time for",
  move: "asked to move",
  approve_move: "approved the move of",
  decline_move: "declined the move of",
  withdraw_move: "withdrew the move request of",
};

/**
 * "This request changed: Sam Lee approved it at 10:42 AM." from the latest
 * history entry; read in the transaction, or with a plain read (no tx) before it.
 */
export async function changedMessage(tx: Transaction | null, loaded: { ref: DocumentReference; a: AppointmentDoc }): Promise<string> {
  const entryRef = loaded.ref.collection("history").doc(historyId(loaded.a.version));
  const entry = (await (tx ? tx.get(entryRef) : entryRef.get())).data() as HistoryEntry | undefined;
  if (!entry) return "This request changed. Here is its current state.";
  const at = formatTime(entry.at.toDate(), loaded.a.timezone);
  if (entry.action === "expire" && entry.from === "move_requested") return `This request changed: the move request lapsed at ${at}.`;
  if (entry.action === "expire") return `This request changed: it expired at ${at}.`;
  const who = entry.by === "patient" ? "the patient" : entry.byName || "another member";
  return `This request changed: ${who} ${PAST_TENSE[entry.action]} it at ${at}.`;
}

/** The 409 after a lapsed hold was expired, in words that fit what was waiting. */
export function expiredError(from: AppointmentStatus): AppError {
  switch (from) {
    case "rescheduled":
      return new AppError("conflict", "This request expired: the patient didn't answer the proposed time in time.");
    case "approved":
      return new AppError("conflict", "This request expired: it wasn't paid in time.");
    default:
      return new AppError("conflict", "This request expired before it was reviewed.");
  }
}
