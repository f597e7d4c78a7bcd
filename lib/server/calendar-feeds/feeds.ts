import "server-only";
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { feedIcs, firstName, type FeedEvent } from "@/lib/domain/calendar-feed/ics-text";
import { assertCan, assertSignedIn, forbidden, type Caller } from "@/lib/domain/roles";
import { DAY_MS } from "@/lib/domain/slots";
import { hashToken, newAccessToken } from "@/lib/server/appointments/tokens";
import { appNow } from "@/lib/server/clock";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { visits, type VisitDoc } from "@/lib/server/visits/visit-docs";

/**
 * Private iCalendar subscription feeds of confirmed visits.
 *
 * calendarFeeds/{sha256(token)} = {clinicId, uid, scope, doctorId, createdAt}:
 * the token (256 random bits, base64url) is only in the URL; its hash is the
 * document id, so a lookup is one read by id and says nothing about how close
 * a wrong token came. calendarFeedOwners/{uid}_{scope} = {tokenHash, createdAt}
 * names a member's current feed: making a new one deletes the old document in
 * the same transaction, so the old URL stops at once. A feed also stops when
 * its member leaves the clinic or no longer has the role (checked on every
 * fetch). Scopes: "doctor" (a doctor's own visits) and "clinic" (an admin's,
 * every doctor's).
 */
export type FeedScope = "doctor" | "clinic";

const feeds = () => db().collection("calendarFeeds");
const owners = () => db().collection("calendarFeedOwners");
const ownerId = (uid: string, scope: FeedScope) => `${uid}_${scope}`;

/** Base64url of 32 bytes: 43 characters. Anything else is not a token and is answered without a read. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Visits in a feed: from 30 days back (recent history, and cancellations calendars must still see) to a year ahead. */
export const FEED_PAST_MS = 30 * DAY_MS;
export const FEED_AHEAD_MS = 366 * DAY_MS;
/** At most this many events in one feed (earliest first). */
export const FEED_MAX_EVENTS = 2000;

/** The feeds a caller may have: a linked doctor their own, an admin the whole clinic's. */
export function feedScopes(caller: Caller): FeedScope[] {
  const scopes: FeedScope[] = [];
  if (caller.role === "doctor" && caller.doctorId) scopes.push("doctor");
  if (caller.role === "admin") scopes.push("clinic");
  return scopes;
}

export const feedUrl = (token: string) => `${serverEnv().APP_URL}/api/feeds/${token}.ics`;

export interface FeedState {
  scope: FeedScope;
  /** When the current address was made (ISO), or null when there is none. */
  createdAt: string | null;
}

/** Which of the caller's feeds exist (the addresses themselves are shown only when made). */
export async function getFeedStates(caller: Caller | null): Promise<FeedState[]> {
  assertSignedIn(caller);
  const scopes = feedScopes(caller);
  if (scopes.length === 0) return [];
  const docs = await db().getAll(...scopes.map((scope) => owners().doc(ownerId(caller.uid, scope))));
  return scopes.map((scope, i) => {
    const createdAt = docs[i]!.get("createdAt") as Timestamp | undefined;
    return { scope, createdAt: docs[i]!.exists && createdAt ? createdAt.toDate().toISOString() : null };
  });
}

/**
 * A new private address for the caller's feed of `scope`, replacing (and so
 * stopping) any earlier one, in one transaction. The URL is returned once.
 */
export async function createCalendarFeed(caller: Caller | null, scope: unknown, now: Date = appNow()): Promise<{ url: string }> {
  assertSignedIn(caller);
  if (scope !== "doctor" && scope !== "clinic") throw new AppError("invalid_request", "Choose which calendar feed to make.");
  if (!feedScopes(caller).includes(scope)) throw forbidden();
  const { token, hash } = newAccessToken();
  const ownerRef = owners().doc(ownerId(caller.uid, scope));
  const at = Timestamp.fromDate(now);
  await db().runTransaction(async (tx) => {
    const owner = await tx.get(ownerRef);
    const previous = owner.get("tokenHash");
    if (typeof previous === "string") tx.delete(feeds().doc(previous));
    tx.create(feeds().doc(hash), { clinicId: caller.clinicId, uid: caller.uid, scope, doctorId: scope === "doctor" ? caller.doctorId! : null, createdAt: at });
    tx.set(ownerRef, { tokenHash: hash, createdAt: at });
  });
  return { url: feedUrl(token) };
}

/** Admins choose whether feed events name the patient (first name only). Stored on the clinic as `calendarFeedFirstNames`. */
export async function setFeedFirstNames(caller: Caller | null, on: unknown, now: Date = appNow()): Promise<void> {
  assertCan(caller, "settings:write");
  if (typeof on !== "boolean") throw new AppError("invalid_request", "Choose on or off.");
  await db().collection("clinics").doc(caller.clinicId).update({ calendarFeedFirstNames: on, updatedAt: Timestamp.fromDate(now) });
}

export async function getFeedFirstNames(caller: Caller | null): Promise<boolean> {
  assertCan(caller, "settings:write");
  return (await db().collection("clinics").doc(caller.clinicId).get()).get("calendarFeedFirstNames") === true;
}

/**
 * The feed's iCalendar text for a token from a URL, or null (answered 404)
 * when it is malformed, unknown, replaced, or its member may no longer see it.
 */
export async function renderFeed(token: string, now: Date = appNow()): Promise<{ ics: string; name: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const feed = await feeds().doc(hashToken(token)).get();
  if (!feed.exists) return null;
  const { clinicId, uid, scope, doctorId } = feed.data() as { clinicId: string; uid: string; scope: FeedScope; doctorId: string | null };
  const [member, clinic] = await Promise.all([db().collection("members").doc(uid).get(), db().collection("clinics").doc(clinicId).get()]);
  if (!clinic.exists || !stillAllowed(member, clinicId, scope, doctorId)) return null;

  const from = Timestamp.fromMillis(now.getTime() - FEED_PAST_MS);
  const to = Timestamp.fromMillis(now.getTime() + FEED_AHEAD_MS);
  const snapshot = await (scope === "doctor" ? doctorVisits(clinicId, doctorId!, from, to) : clinicVisits(clinicId, from, to));

  const clinicName = String(clinic.get("name"));
  const withNames = clinic.get("calendarFeedFirstNames") === true;
  const appUrl = serverEnv().APP_URL;
  const events = snapshot.docs.map((doc) => feedEvent(doc.id, doc.data() as VisitDoc, { scope, withNames, appUrl }));
  const name = scope === "doctor" ? `${String(member.get("name") || "My")} visits · ${clinicName}` : `${clinicName} · all visits`;
  return { ics: feedIcs({ name, timeZone: String(clinic.get("timezone")), events }), name };
}

function doctorVisits(clinicId: string, doctorId: string, from: Timestamp, to: Timestamp) {
  // query-shape: visits.scheduleOfDoctor
  const query = visits().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).where("start", ">=", from).where("start", "<", to).orderBy("start");
  return query.limit(FEED_MAX_EVENTS).get();
}

function clinicVisits(clinicId: string, from: Timestamp, to: Timestamp) {
  // query-shape: visits.ofClinic
  const query = visits().where("clinicId", "==", clinicId).where("start", ">=", from).where("start", "<", to).orderBy("start");
  return query.limit(FEED_MAX_EVENTS).get();
}

function stillAllowed(member: DocumentSnapshot, clinicId: string, scope: FeedScope, doctorId: string | null): boolean {
  if (!member.exists || member.get("clinicId") !== clinicId) return false;
  if (scope === "clinic") return member.get("role") === "admin";
  return member.get("role") === "doctor" && member.get("doctorId") === doctorId;
}

/**
 * One visit as an event. No patient data unless the clinic opted in, and then
 * the first name only: never the reason, email or phone. The UID names the
 * visit (its id is the appointment's), so it is the same event on every fetch.
 */
export function feedEvent(id: string, v: VisitDoc, o: { scope: FeedScope; withNames: boolean; appUrl: string }): FeedEvent {
  const who = o.withNames ? firstName(v.patient?.name ?? "") : "";
  const what = who ? `Visit: ${who}` : "Visit";
  return {
    uid: `visit-${id}@clinic-booking`,
    sequence: typeof v.sequence === "number" ? v.sequence : 0,
    start: v.start.toMillis(),
    end: v.end.toMillis(),
    stamp: (v.updatedAt ?? v.createdAt).toMillis(),
    summary: o.scope === "clinic" ? `${what} with ${v.doctorName}` : what,
    description: "Details in the clinic's dashboard (sign-in required).",
    url: `${o.appUrl}/dashboard/schedule/${id}`,
    status: v.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
  };
}
