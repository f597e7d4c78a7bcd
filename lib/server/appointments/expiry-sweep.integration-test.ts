import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { at, appointment, book, callers, history, later, mailFor, seedReviewWorld, NOW } from "@/tests/helpers/review-fixtures";
import { cancelAppointmentByPatient, rejectProposal } from "./patient";
import { approveAppointment, proposeNewTime } from "./review";
import { expireStale } from "./expiry-sweep";
import { db } from "@/lib/server/firebase";

// The scheduled expiry with an injected clock: every "when" is a Date passed
// in, and the time budget reads an injected clock, so nothing sleeps.

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const expiredMail = async (id: string) => (await mailFor(id)).filter((m) => m.message.subject.startsWith("Your request expired"));

beforeEach(async () => {
  await seedReviewWorld();
});

describe("when a hold lapses", () => {
  it("a request lapses at 24 h and not a second before: expired, locks released, history, one email", async () => {
    // 11:00 on Tuesday is 28 h away: the 24 h hold is not capped by the visit.
    const { id } = await book(at("11:00"));
    expect((await appointment(id)).expiresAt.toMillis()).toBe(NOW.getTime() + 24 * HOUR);
    expect(await expireStale(new Date(NOW.getTime() + 24 * HOUR - SECOND))).toMatchObject({ expired: 0 });
    expect((await appointment(id)).status).toBe("pending");
    expect(await expireStale(later(24))).toMatchObject({ expired: 1, more: false });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "expired", expiresAt: null, lockIds: [] });
    expect((await history(id)).map((h) => [h.action, h.by])).toEqual([["request", "patient"], ["expire", "system"]]);
    expect(await expiredMail(id)).toHaveLength(1);
    await expectLocksMatchLiveAppointments();
    // A second run finds nothing.
    expect(await expireStale(later(25))).toMatchObject({ expired: 0 });
    expect(await expiredMail(id)).toHaveLength(1);
  });

  it("a request made less than 24 h before its visit lapses at the visit's start", async () => {
    const { id } = await book(at("09:00"), { now: later(10) }); // the visit is 16 h later
    expect((await appointment(id)).expiresAt.toDate().toISOString()).toBe(at("09:00"));
    // The email names that deadline, not "24 hours".
    const received = (await mailFor(id)).find((m) => m.to === "ada@example.com")!;
    expect(received.message.text).toMatch(/holding this time for you until Tue, Jan 8(, 2030)?, 9:00 AM EST/);
    expect(received.message.text).not.toContain("24 hours");
    expect(await expireStale(new Date(Date.parse(at("09:00")) - SECOND))).toMatchObject({ expired: 0 });
    expect(await expireStale(new Date(at("09:00")))).toMatchObject({ expired: 1 });
  });

  it("an approved, unpaid request lapses 24 h after approval", async () => {
    const { id } = await book(at("11:00"));
    await approveAppointment(callers.staff, id, { now: later(2) });
    expect(await expireStale(new Date(later(26).getTime() - SECOND))).toMatchObject({ expired: 0 });
    expect((await appointment(id)).status).toBe("approved");
    expect(await expireStale(later(26))).toMatchObject({ expired: 1 });
    expect((await appointment(id)).status).toBe("expired");
    expect(await expiredMail(id)).toHaveLength(1);
    await expectLocksMatchLiveAppointments();
  });

  it("the approval renewal never outlives the visit", async () => {
    const { id } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: later(20) });
    expect((await appointment(id)).expiresAt.toDate().toISOString()).toBe(at("09:00"));
    const approved = (await mailFor(id)).find((m) => m.message.subject.startsWith("Approved"))!;
    expect(approved.message.text).toMatch(/fee by Tue, Jan 8(, 2030)?, 9:00 AM EST/);
  });

  it("a proposal with no answer lapses 24 h after it was made", async () => {
    const { id } = await book(at("09:00"));
    await proposeNewTime(callers.staff, id, { start: at("13:00") }, { now: later(1) });
    expect(await expireStale(new Date(later(25).getTime() - SECOND))).toMatchObject({ expired: 0 });
    expect(await expireStale(later(25))).toMatchObject({ expired: 1 });
    expect((await appointment(id)).status).toBe("expired");
    await expectLocksMatchLiveAppointments();
  });

  it("a pending request with no time (after a rejected proposal) lapses 24 h after the answer", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(callers.staff, id, { start: at("13:00") }, { now: later(1) });
    await rejectProposal(id, token, later(2));
    expect(await appointment(id)).toMatchObject({ status: "pending", timeHeld: false });
    expect(await expireStale(new Date(later(26).getTime() - SECOND))).toMatchObject({ expired: 0 });
    expect(await expireStale(later(26))).toMatchObject({ expired: 1 });
    expect((await appointment(id)).status).toBe("expired");
    expect(await expiredMail(id)).toHaveLength(1);
  });
});

describe("staff reminder", () => {
  it("one email per reviewer 2 hours before an unreviewed request lapses, once even with two runs at once", async () => {
    const { id } = await book(at("11:00"));
    const reminders = async () => (await mailFor(id)).filter((m) => m.kind === "reminder");
    expect(await expireStale(new Date(later(22).getTime() - SECOND))).toMatchObject({ reminded: 0 });
    const runs = await Promise.all([expireStale(later(22)), expireStale(later(22))]);
    expect(runs.map((r) => r.reminded).reduce((a, b) => a + b)).toBe(1);
    const sent = await reminders();
    // The clinic address and every reviewer who has not turned request emails off.
    expect(sent.map((m) => m.to).sort()).toEqual(["admin@a.test", "clinic@test.test", "doc1@a.test", "staff@a.test"]);
    expect(sent[0]!.message.subject).toContain("Expires soon");
    expect(sent[0]!.message.text).toContain(`/dashboard/requests/${id}`);
    expect(await expireStale(later(23))).toMatchObject({ reminded: 0 });
    expect(await reminders()).toHaveLength(4);
  });

  it("no reminder once the request was reviewed", async () => {
    const { id } = await book(at("11:00"));
    await approveAppointment(callers.staff, id, { now: later(1) });
    await expireStale(later(23));
    expect((await mailFor(id)).filter((m) => m.kind === "reminder")).toHaveLength(0);
  });
});

/** Writes `n` lapsed pending requests straight to Firestore (one lock each), in batches. */
async function seedStale(n: number, clinics: string[], lapsedAt: Date): Promise<string[]> {
  const ids: string[] = [];
  const base = (await appointment((await book(at("16:20"))).id)) as Record<string, unknown>;
  for (let i = 0; i < n; i += 400) {
    const batch = db().batch();
    for (let j = i; j < Math.min(n, i + 400); j++) {
      const clinicId = clinics[j % clinics.length]!;
      const ref = db().collection("appointments").doc(`stale${String(j).padStart(5, "0")}`);
      const lockRef = db().collection("slotLocks").doc(`${clinicId}_dr-x_${j}`);
      const expiresAt = Timestamp.fromMillis(lapsedAt.getTime() - (j % 50) * SECOND);
      batch.set(ref, { ...base, clinicId, doctorId: "dr-x", status: "pending", expiresAt, lockIds: [lockRef.id], version: 1, reminderSentAt: null });
      batch.set(lockRef, { clinicId, doctorId: "dr-x", appointmentId: ref.id, start: base.start, expiresAt });
      ids.push(ref.id);
    }
    await batch.commit();
  }
  return ids;
}

async function expectEachExpiredOnce(ids: string[]) {
  const mail = await db().collection("mail").where("to", "==", "ada@example.com").get();
  const expiredPer = new Map<string, number>();
  for (const m of mail.docs) {
    if (!String(m.get("message.subject")).startsWith("Your request expired")) continue;
    const id = String(m.get("appointmentId"));
    expiredPer.set(id, (expiredPer.get(id) ?? 0) + 1);
  }
  for (const id of ids) expect(expiredPer.get(id), id).toBe(1);
  const statuses = await db().collection("appointments").where("status", "==", "expired").count().get();
  expect(statuses.data().count).toBe(ids.length);
  const locks = await db().collection("slotLocks").where("doctorId", "==", "dr-x").count().get();
  expect(locks.data().count).toBe(0);
}

describe("many stale requests", () => {
  it("two concurrent runs over 200 stale requests: each expired once, 200 emails exactly", { timeout: 120_000 }, async () => {
    const ids = await seedStale(200, ["clinic-a"], NOW);
    const [one, two] = await Promise.all([expireStale(NOW), expireStale(NOW)]);
    expect(one.expired + two.expired).toBe(200);
    expect(one.failed + two.failed).toBe(0);
    await expectEachExpiredOnce(ids);
    for (const id of ids.slice(0, 5)) expect((await history(id)).filter((h) => h.action === "expire")).toHaveLength(1);
  });

  it("1,000 stale requests across 3 clinics are all expired by successive runs, page size 100, each run within its budget", { timeout: 300_000 }, async () => {
    const ids = await seedStale(1000, ["clinic-a", "clinic-b", "clinic-f"], NOW);
    // A fake clock: every look at it is 10 s later, so a 45 s budget stops a run after a few pages.
    let fake = 0;
    const clock = () => (fake += 10_000);
    const runs = [];
    for (let i = 0; i < 20; i++) {
      const run = await expireStale(later(1), { pageSize: 100, budgetMs: 45_000, clock });
      runs.push(run);
      if (!run.more) break;
    }
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.slice(0, -1).every((r) => r.more)).toBe(true);
    for (const run of runs) expect(run.checked).toBeLessThanOrEqual(500);
    expect(runs.reduce((sum, r) => sum + r.expired, 0)).toBe(1000);
    await expectEachExpiredOnce(ids);
  });
});

describe("expiry racing the clinic and the patient", () => {
  it("expire vs approve vs patient cancel at the deadline: one outcome, one email each (20 rounds)", { timeout: 180_000 }, async () => {
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < 20; round++) {
      await seedReviewWorld();
      const { id, token } = await book(at("11:00"));
      const deadline = later(24);
      const justBefore = new Date(deadline.getTime() - 1);
      const rivals = [
        () => approveAppointment(callers.staff, id, { now: justBefore }),
        () => cancelAppointmentByPatient(id, token, justBefore),
      ];
      // Expiry against approve, against cancel, and against both; the rivals
      // start after a random 0–40 ms (jitter, not a clock) so either side wins some rounds.
      const chosen = round % 3 === 2 ? rivals : [rivals[round % 3]!];
      const jitter = (op: () => Promise<unknown>) => new Promise((r) => setTimeout(r, Math.random() * 40)).then(op);
      await Promise.allSettled([expireStale(deadline), ...chosen.map(jitter)]);
      const a = await appointment(id);
      outcomes[a.status] = (outcomes[a.status] ?? 0) + 1;
      const steps = (await history(id)).map((h) => h.action);
      // Approve then cancel is a legal sequence; expire never follows or precedes another outcome.
      if (steps.includes("expire")) expect(steps).toEqual(["request", "expire"]);
      const patientMail = (await mailFor(id)).filter((m) => m.to === "ada@example.com").map((m) => m.message.subject.split(":")[0]);
      expect(patientMail.filter((s) => s === "Your request expired").length).toBe(steps.includes("expire") ? 1 : 0);
      expect(patientMail.filter((s) => s === "Your request was cancelled").length).toBe(steps.includes("cancel") ? 1 : 0);
      expect(patientMail).toHaveLength(steps.length); // one email per step, the request's included
      await expectLocksMatchLiveAppointments();
    }
    console.log("expiry race outcomes", JSON.stringify(outcomes));
    expect(Object.values(outcomes).reduce((a, b) => a + b)).toBe(20);
  });
});

describe("the dev ticker's path with a 1-minute hold", () => {
  it("DEV_HOLD_MINUTES=1 (emulators only): the scheduled function expires the request a minute later, seen in the dev mailbox", async () => {
    const { devHoldMs } = await import("./hold");
    const { listDevMailbox } = await import("@/lib/server/mail/dev-mailbox");
    // Ignored without the emulators, i.e. in production.
    expect(devHoldMs({ DEV_HOLD_MINUTES: "1" })).toBeNull();
    process.env.DEV_HOLD_MINUTES = "1";
    try {
      const { id } = await book(at("11:00"));
      expect((await appointment(id)).expiresAt.toMillis()).toBe(NOW.getTime() + 60 * SECOND);
      // What scripts/expiry-ticker.ts runs every EXPIRY_TICK_MS: the Cloud Function's own handler,
      // which reads the app's clock (moved here as the e2e stack moves it: APP_CLOCK_OFFSET_MS).
      const { expireStaleRequests } = await import("@/functions/src/index");
      const tickAt = (ms: number) => {
        process.env.APP_CLOCK_OFFSET_MS = String(ms - Date.now());
        return expireStaleRequests.run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" } as never);
      };
      await tickAt(NOW.getTime() + 59 * SECOND);
      expect((await appointment(id)).status).toBe("pending");
      await tickAt(NOW.getTime() + 61 * SECOND);
      expect((await appointment(id)).status).toBe("expired");
      const inbox = await listDevMailbox({ to: "ada@example.com" });
      expect(inbox.filter((m) => m.appointmentId === id).map((m) => m.subject.split(":")[0])).toContain("Your request expired");
    } finally {
      delete process.env.DEV_HOLD_MINUTES;
      delete process.env.APP_CLOCK_OFFSET_MS;
    }
  });
});

describe("the dev ticker itself", () => {
  it("scripts/expiry-ticker.ts (its first tick, a separate process) expires a request whose hold lapsed; the dev mailbox shows it", { timeout: 60_000 }, async () => {
    const { listDevMailbox } = await import("@/lib/server/mail/dev-mailbox");
    // A hold that lapsed a second ago on the real clock (the ticker reads the real clock; nothing here sleeps).
    const { id } = await book(at("11:00"));
    const lapsed = Timestamp.fromMillis(Date.now() - SECOND);
    const a = await appointment(id);
    await db().doc(`appointments/${id}`).update({ expiresAt: lapsed });
    for (const lockId of a.lockIds as string[]) await db().doc(`slotLocks/${lockId}`).update({ expiresAt: lapsed });
    await promisify(execFile)(process.execPath, ["functions/build.mjs"]);
    const ticker = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/expiry-ticker.ts"], { env: { ...process.env, EXPIRY_TICK_MS: "3600000" } });
    try {
      // The ticker runs once at start; the function logs its result when done.
      await new Promise<void>((resolve, reject) => {
        let out = "";
        ticker.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (/"expired":1\b/.test(out)) resolve();
        });
        ticker.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
        ticker.on("exit", () => reject(new Error(`ticker exited: ${out}`)));
      });
    } finally {
      ticker.kill();
    }
    expect((await appointment(id)).status).toBe("expired");
    const inbox = await listDevMailbox({ to: "ada@example.com" });
    expect(inbox.filter((m) => m.appointmentId === id).map((m) => m.subject.split(":")[0])).toContain("Your request expired");
  });
});
