import "server-only";
import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { HistoryEntry } from "./model";

/** One history entry as the staff pages show it (the request page and the visit page). */
export interface HistoryItem {
  seq: string;
  action: HistoryEntry["action"];
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  byName: string;
  at: number;
  note: string | null;
}

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
