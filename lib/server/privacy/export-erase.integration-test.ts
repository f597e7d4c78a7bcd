import { beforeEach, describe, expect, it } from "vitest";
import { COLLECTION_RULES, TOP_LEVEL_EXPORT_KEYS, type ExportKey } from "@/lib/domain/privacy/collection-rules";
import { ERASED } from "@/lib/domain/privacy/erasure";
import { callers } from "@/tests/helpers/review-fixtures";
import { ADA, ADA_SECRETS, AFTER_VISIT, allDocuments, BOB, clinicOf, fAdmin, NOTES, REASON, seedPatientWorld, type PatientWorld } from "@/tests/helpers/privacy-fixtures";
import { getPatientAppointment } from "@/lib/server/appointments/patient";
import { db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { erasePatient } from "./erase";
import { exportDownload, exportPatientData } from "./export";
import { findPatient } from "./find-patient";

let world: PatientWorld;
beforeEach(async () => {
  world = await seedPatientWorld();
});

const adaIdsAtF = () => [world.visit.id, world.declined.id, world.cancelled.id];
const mentionsAda = (data: unknown) => ADA_SECRETS.some((secret) => JSON.stringify(data).includes(secret));

describe("finding a patient", () => {
  it("finds the email's appointments at the caller's clinic only, case-insensitively, and lists none as live once the visit is over", async () => {
    const found = await findPatient(fAdmin, { email: "  ADA@Example.com " }, AFTER_VISIT);
    expect(found.appointments.map((a) => a.id).sort()).toEqual(adaIdsAtF().sort());
    expect(found.live).toEqual([]);
    expect(found.appointments.find((a) => a.id === world.visit.id)).toMatchObject({ hasVisit: true, status: "confirmed", erased: false });
    expect(found.emails).toBeGreaterThan(0);
  });

  it("is for admins only, and refuses a malformed email", async () => {
    await expect(findPatient(callers.freeStaff, { email: ADA.email })).rejects.toMatchObject({ code: "forbidden" });
    await expect(findPatient(null, { email: ADA.email })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(findPatient(fAdmin, { email: "ada" })).rejects.toMatchObject({ code: "invalid_request" });
  });
});

describe("the export", () => {
  it("holds every document of the clinic that mentions the patient, and nothing of another clinic", async () => {
    const data = await exportPatientData(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const text = JSON.stringify(data);
    const all = await allDocuments();
    const ids = new Set([
      ...data.appointments.flatMap((a) => [a.id, ...(a.emails as { id: string }[]).map((m) => m.id), ...(a.extraCharges as { id: string }[]).map((c) => c.id)]),
      ...[...data.waitlist, ...data.waitlistEmails].map((d) => String(d.id)),
    ]);
    for (const [path, doc] of all) {
      if (clinicOf(path, doc, all) !== "clinic-f" || !mentionsAda(doc) || path.startsWith("accessLog/")) continue;
      const [collection, id, sub, seq] = path.split("/");
      if (sub === "history") expect(data.appointments.find((a) => a.id === id)?.history, path).toContainEqual(expect.objectContaining({ seq }));
      else expect(ids.has(id!) || collection === "visits", path).toBe(true);
    }
    expect(data.appointments.map((a) => a.id).sort()).toEqual(adaIdsAtF().sort());
    expect(text).not.toContain(world.adaAtA.id);
    expect(text).not.toContain(BOB.email);
  });

  it("covers every collection whose rule says it is exported, with the visit's notes and the money's Stripe ids", async () => {
    const data = await exportPatientData(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const visit = data.appointments.find((a) => a.id === world.visit.id)!;
    for (const [name, rule] of Object.entries(COLLECTION_RULES)) {
      if (rule.holds !== "patient" || !rule.export) continue;
      const value = TOP_LEVEL_EXPORT_KEYS.has(rule.export) ? data[rule.export as "waitlist"] : visit[rule.export as Exclude<ExportKey, "waitlist">];
      expect(Array.isArray(value) ? value.length : value ? 1 : 0, `${name} → ${rule.export}`).toBeGreaterThan(0);
    }
    expect(visit.visit).toMatchObject({ notes: NOTES, status: "completed" });
    expect(visit.appointment).toMatchObject({ reason: REASON, patient: ADA, payment: { amountCents: 5000, intentId: "pi_visit", chargeId: "ch_visit" } });
    expect(visit.extraCharges).toEqual([expect.objectContaining({ id: "pi_extra", refundId: "re_extra" })]);
    expect(data.waitlist).toEqual([expect.objectContaining({ clinicId: "clinic-f", doctorId: "dr-f1", email: ADA.email, days: ["tue"] })]);
    expect(data.waitlist[0]).not.toHaveProperty("leaveTokenHashes");
    expect(data.waitlistEmails).toEqual([expect.objectContaining({ to: ADA.email, waitlistEntryId: data.waitlist[0]!.id })]);
    expect(visit.appointment).not.toHaveProperty("tokenHash");
    expect(visit.appointment).not.toHaveProperty("linkTokenHashes");
  });

  it("downloads as JSON or CSV with a file name that names no patient, and refuses bad queries", async () => {
    const csv = await exportDownload(fAdmin, { email: ADA.email, format: "csv" }, AFTER_VISIT);
    expect(csv.filename).toBe("patient-export-2030-01-09.csv");
    expect(csv.body.trim().split("\r\n")).toHaveLength(1 + 3);
    expect(csv.body).toContain("pi_visit");
    const json = await exportDownload(fAdmin, { email: ADA.email }, AFTER_VISIT);
    expect(JSON.parse(json.body).appointments).toHaveLength(3);
    await expect(exportDownload(fAdmin, { email: ADA.email, format: "xml" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(exportDownload(callers.freeStaff, { email: ADA.email })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("erasure", () => {
  it("leaves nothing of the patient in any document of the clinic, keeps the books, and leaves other clinics and patients untouched", async () => {
    const before = await allDocuments();
    const historyBefore = [...before].filter(([p]) => p.includes("/history/"));
    const result = await erasePatient(fAdmin, { email: "Ada@Example.com" }, AFTER_VISIT);
    expect(result).toMatchObject({ appointments: 3, visits: 1 });
    expect(result.emails).toBeGreaterThan(0);

    const after = await allDocuments();
    for (const [path, doc] of after) {
      if (clinicOf(path, doc, after) === "clinic-f") expect(mentionsAda(doc), path).toBe(false);
    }
    // Another clinic, and another patient of this one, exactly as they were.
    for (const [path, doc] of before) {
      const clinic = clinicOf(path, doc, before);
      if (clinic === "clinic-a" || path === `appointments/${world.bobAtF.id}`) expect(after.get(path), path).toEqual(doc);
    }
    // The history is append-only and untouched; the books keep amounts, dates and Stripe ids.
    for (const [path, doc] of historyBefore) expect(after.get(path), path).toEqual(doc);
    const visit = after.get(`appointments/${world.visit.id}`)!;
    expect(visit).toMatchObject({ status: "confirmed", patient: { name: ERASED, email: ERASED, phone: ERASED }, reason: ERASED, payment: { amountCents: 5000, intentId: "pi_visit" } });
    expect(after.get(`visits/${world.visit.id}`)).toMatchObject({ status: "completed", notes: ERASED });
    expect(after.get("extraCharges/pi_extra")).toEqual(before.get("extraCharges/pi_extra"));
    const adaMail = (p: string) => p.startsWith("mail/") && clinicOf(p, after.get(p)!, after) === "clinic-f" && after.get(p)!.appointmentId !== world.bobAtF.id && p !== "mail/digest-bob-f";
    expect([...after.keys()].filter(adaMail)).toEqual([]);
    expect([...after.keys()].filter((p) => p.startsWith("patientHolds/clinic-f_"))).toHaveLength(1); // Bob's
    // Her waiting-list entry and its email at F go; at A they stay.
    expect([...after.keys()].filter((p) => p.startsWith("waitlist/clinic-f_"))).toEqual([]);
    expect([...after.keys()].filter((p) => p.startsWith("waitlist/clinic-a_"))).toHaveLength(1);
    // The doctor's-day digest naming Ada goes; Bob's, and clinic A's, stay.
    expect(["mail/digest-ada-f", "mail/digest-bob-f", "mail/digest-ada-a"].map((p) => after.has(p))).toEqual([false, true, true]);
    expect((await db().collection("privacyErasures").get()).docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ state: "done", clinicId: "clinic-f", appointmentIds: expect.arrayContaining(adaIdsAtF()), counts: result }),
    ]);
  });

  it("shows the status page's erased notice for the old link", async () => {
    await erasePatient(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const view = await getPatientAppointment(world.declined.id, world.declined.token);
    expect(view.erased).toBe(true);
    expect(JSON.stringify(view)).not.toContain(ADA.name);
    expect((await getPatientAppointment(world.bobAtF.id, world.bobAtF.token)).erased).toBeUndefined();
  });

  it("is refused, writing nothing, while the patient has a live appointment", async () => {
    // Before the visit is over it is live; Bob's pending request is live too.
    const before = await allDocuments();
    await expect(erasePatient(fAdmin, { email: ADA.email }, new Date("2030-01-08T14:10:00Z"))).rejects.toMatchObject({ code: "conflict" });
    await expect(erasePatient(fAdmin, { email: BOB.email }, AFTER_VISIT)).rejects.toMatchObject({ code: "conflict" });
    expect(await allDocuments()).toEqual(before);
    expect((await findPatient(fAdmin, { email: BOB.email }, AFTER_VISIT)).live).toEqual([world.bobAtF.id]);
  });

  it("finishes a run that stopped half-way when run again", async () => {
    let erased = 0;
    const stop = async () => {
      erased += 1;
      if (erased === 1) throw new Error("the function was stopped");
    };
    await expect(erasePatient(fAdmin, { email: ADA.email }, AFTER_VISIT, { afterAppointment: stop })).rejects.toThrow("stopped");
    const half = await allDocuments();
    const record = () => db().collection("privacyErasures").get();
    expect((await record()).docs[0]!.get("state")).toBe("running");
    expect([...half].filter(([p, d]) => clinicOf(p, d, half) === "clinic-f" && mentionsAda(d)).length).toBeGreaterThan(0);

    await erasePatient(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const after = await allDocuments();
    expect([...after].filter(([p, d]) => clinicOf(p, d, after) === "clinic-f" && mentionsAda(d)).map(([p]) => p)).toEqual([]);
    expect((await record()).docs[0]!.data()).toMatchObject({ state: "done", runs: 2 });
  });

  it("queues no email to an erased patient (a late refund notice would have no address)", async () => {
    await erasePatient(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const before = (await db().collection("mail").get()).size;
    const batch = db().batch();
    queueMail(batch, { to: ERASED, subject: "Your payment is being refunded", text: "x", html: "<p>x</p>" }, { appointmentId: world.visit.id });
    queueMail(batch, { to: BOB.email, subject: "Still sent", text: "x", html: "<p>x</p>" }, { appointmentId: world.bobAtF.id });
    await batch.commit();
    expect((await db().collection("mail").get()).size).toBe(before + 1);
  });

  it("is for admins only", async () => {
    await expect(erasePatient(callers.freeStaff, { email: ADA.email }, AFTER_VISIT)).rejects.toMatchObject({ code: "forbidden" });
    await expect(erasePatient(fAdmin, { email: "not an email" }, AFTER_VISIT)).rejects.toMatchObject({ code: "invalid_request" });
  });
});
