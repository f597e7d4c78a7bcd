import "server-only";
import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { HistoryItem } from "@/lib/domain/appointments/views";
import type { HistoryEntry } from "./model";

/** appointments/{id}/history/{seq} → HistoryItem; ids are zero-padded sequence numbers, so id order is time order. */
export function toHistoryItem(doc: QueryDocumentSnapshot): HistoryItem {
  const entry = doc.data() as Partial<HistoryEntry> & Pick<HistoryEntry, "action" | "to" | "at">;
  return {
    seq: doc.id,
    action: entry.action,
    from: entry.from ?? null,
    to: entry.to,
    // Entries written before byName existed name the kind of actor.
    byName: entry.byName ?? (entry.actor === "patient" ? "Patient" : entry.actor === "staff" ? "Clinic staff" : "System"),
    at: entry.at.toMillis(),
    note: entry.note ?? null,
  };
}
