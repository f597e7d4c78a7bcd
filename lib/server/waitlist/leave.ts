import "server-only";
import { waitlistLeaveSchema } from "@/lib/domain/waitlist";
import { WAITLIST_MESSAGES } from "@/lib/domain/waitlist";
import { AppError } from "@/lib/domain/errors";
import { parseWith } from "@/lib/http/json-api";
import { tokenMatches } from "@/lib/server/appointments/tokens";
import { db } from "@/lib/server/firebase";
import { waitlist } from "./entries";

export type LeaveLink =
  | { state: "waiting"; doctorName: string; clinicName: string; clinicSlug: string }
  /** Left already, lapsed, used by a booking, or a token that never opened it: all read the same, so a guessed link learns nothing. */
  | { state: "gone" };

const matches = (token: string, hashes: unknown) => {
  let match = false;
  // Every hash checked (no early exit), so timing says nothing about which matched.
  for (const hash of Array.isArray(hashes) ? hashes : []) match = (typeof hash === "string" && tokenMatches(token, hash)) || match;
  return match;
};

async function names(clinicId: string, doctorId: string) {
  const clinic = db().collection("clinics").doc(clinicId);
  const [c, d] = await Promise.all([clinic.get(), clinic.collection("doctors").doc(doctorId).get()]);
  return { clinicName: String(c.get("name") ?? "the clinic"), clinicSlug: String(c.get("slug") ?? ""), doctorName: String(d.get("name") ?? "the doctor") };
}

/**
 * The leave link's GET: reads only. Mail scanners open links in emails, so
 * opening one must never leave the list; the page's button posts (leaveWaitlist).
 * A malformed link is invalid_request with the broken-link message.
 */
export async function readLeaveLink(query: unknown): Promise<LeaveLink> {
  const { w, t } = parseWith(waitlistLeaveSchema, query, WAITLIST_MESSAGES.leaveLinkBroken);
  const entry = await waitlist().doc(w).get();
  if (!entry.exists || !matches(t, entry.get("leaveTokenHashes"))) return { state: "gone" };
  return { state: "waiting", ...(await names(String(entry.get("clinicId")), String(entry.get("doctorId")))) };
}

/**
 * The leave link's POST: deletes the entry (the address goes with it) if the
 * token is one of its emails'. Leaving twice is fine: the second finds nothing.
 */
export async function leaveWaitlist(query: unknown): Promise<{ left: boolean }> {
  const { w, t } = parseWith(waitlistLeaveSchema, query, WAITLIST_MESSAGES.leaveLinkBroken);
  const ref = waitlist().doc(w);
  return db().runTransaction(async (tx) => {
    const entry = await tx.get(ref);
    if (!entry.exists) return { left: false };
    if (!matches(t, entry.get("leaveTokenHashes"))) throw new AppError("not_found", "This link doesn't match a place on a waiting list.");
    tx.delete(ref);
    return { left: true };
  });
}
