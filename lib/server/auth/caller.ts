import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ROLES, type Caller, type Role } from "@/lib/domain/roles";
import { sessionMeetsSecondFactorRule } from "@/lib/domain/second-factor";
import { db } from "@/lib/server/firebase";
import { SESSION_COOKIE, verifySession, type SessionProblem } from "./session";

// The one place that turns a request into a Caller: the session cookie is
// verified (with the revocation check), then members/{uid} says which clinic
// and role, and clinics/{clinicId} gives the clinic's name. Every dashboard
// page, server action and verb starts from this. A clinic that requires
// two-step verification (clinics/{id}.requireSecondFactor) accepts only a
// session whose sign-in used a second factor; any other session of its
// members opens no page, action or verb, and the member is sent to sign in
// again, where the sign-in page has them enrol.

/** Why there is no caller: a session problem, a valid account with no clinic, or a clinic that wants a second factor. */
export type NoCallerReason = SessionProblem | "no-clinic" | "second-factor";

export type CallerResolution = { caller: Caller } | { caller: null; reason: NoCallerReason };

/**
 * The member and clinic behind a user id, or null when the user belongs to
 * no clinic (never invited, removed, or a hand-edited member document).
 */
export async function callerForUid(uid: string, tokenEmail?: string): Promise<Caller | null> {
  return (await memberOf(uid, tokenEmail))?.caller ?? null;
}

async function memberOf(uid: string, tokenEmail?: string): Promise<{ caller: Caller; requiresSecondFactor: boolean } | null> {
  const member = await db().collection("members").doc(uid).get();
  if (!member.exists) return null;
  const clinicId = member.get("clinicId");
  const role = member.get("role");
  if (typeof clinicId !== "string" || !clinicId || !ROLES.includes(role)) return null;
  const clinic = await db().collection("clinics").doc(clinicId).get();
  if (!clinic.exists) return null;
  const doctorId = member.get("doctorId");
  const caller: Caller = {
    uid,
    email: tokenEmail ?? String(member.get("email") ?? ""),
    name: String(member.get("name") ?? ""),
    clinicId,
    clinicName: String(clinic.get("name") ?? ""),
    role: role as Role,
    ...(role === "doctor" && typeof doctorId === "string" && doctorId ? { doctorId } : {}),
  };
  return { caller, requiresSecondFactor: clinic.get("requireSecondFactor") === true };
}

/** Resolves a session cookie value; the testable core of getCaller. */
export async function resolveCaller(cookie: string | undefined): Promise<CallerResolution> {
  const session = await verifySession(cookie);
  if (!session.ok) return { caller: null, reason: session.problem };
  const found = await memberOf(session.uid, session.email);
  if (!found) return { caller: null, reason: "no-clinic" };
  if (!sessionMeetsSecondFactorRule(found.requiresSecondFactor, session.secondFactor)) return { caller: null, reason: "second-factor" };
  return { caller: found.caller };
}

// Once per request: the layout, the page and a server action may all ask.
const resolveRequestCaller = cache(async (): Promise<CallerResolution> => {
  const jar = await cookies();
  return resolveCaller(jar.get(SESSION_COOKIE)?.value);
});

/** The signed-in caller, or null. For server actions and routes, which answer with an error. */
export async function getCaller(): Promise<Caller | null> {
  return (await resolveRequestCaller()).caller;
}

/**
 * For dashboard pages: the caller, or a redirect to /login that says why
 * (expired, disabled, removed from the clinic, a second factor the clinic
 * requires). Without a cookie at all, the
 * login page shows no message.
 */
export async function requireCaller(): Promise<Caller> {
  const resolution = await resolveRequestCaller();
  if (resolution.caller) return resolution.caller;
  redirect(resolution.reason === "missing" ? "/login" : `/login?reason=${resolution.reason}`);
}
