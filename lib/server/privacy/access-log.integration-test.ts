import { beforeEach, describe, expect, it } from "vitest";
import { accessLogCsv, accessLogFilterSchema } from "@/lib/domain/privacy/access-log";
import { callers } from "@/tests/helpers/review-fixtures";
import { ADA, ADA_SECRETS, AFTER_VISIT, BOB, fAdmin, fDoctor, seedPatientWorld, type PatientWorld } from "@/tests/helpers/privacy-fixtures";
import { db } from "@/lib/server/firebase";
import { getVisit } from "@/lib/server/visits/staff-visits";
import * as accessLogModule from "./access-log";
import { erasePatient } from "./erase";
import { exportPatientData } from "./export";

const { accessLogFilterQuery, listAccessLog } = accessLogModule;
// Entries are newest first: the erasure comes a minute after the export.
const LATER = new Date(AFTER_VISIT.getTime() + 60_000);
let world: PatientWorld;
beforeEach(async () => {
  world = await seedPatientWorld();
});

describe("the access log", () => {
  it("records every read of a visit's page, every export and every erasure: who, what, when", async () => {
    await getVisit(fDoctor, world.visit.id);
    await getVisit(fAdmin, world.visit.id);
    await exportPatientData(fAdmin, { email: ADA.email }, AFTER_VISIT);
    await erasePatient(fAdmin, { email: ADA.email }, LATER);
    const entries = await listAccessLog(fAdmin, { member: null, patient: null });
    expect(entries.map((e) => [e.by, e.action])).toEqual([
      ["f-admin", "erase"],
      ["f-admin", "export"],
      ["f-admin", "visit_read"],
      ["f-doc1", "visit_read"],
    ]);
    expect(entries.find((e) => e.by === "f-doc1")).toMatchObject({ visitId: world.visit.id, appointmentIds: [world.visit.id] });
    expect(entries.every((e) => Number.isFinite(e.at))).toBe(true);
  });

  it("a refused read leaves no entry; another clinic's log is not shown", async () => {
    await expect(getVisit(callers.admin, world.visit.id)).rejects.toMatchObject({ code: "not_found" });
    await getVisit(fDoctor, world.visit.id);
    expect(await listAccessLog(fAdmin, { member: null, patient: null })).toHaveLength(1);
    expect(await listAccessLog(callers.admin, { member: null, patient: null })).toEqual([]);
  });

  it("filters by member and by patient (the email typed, turned into its key for the page's address), still after the patient was erased", async () => {
    await getVisit(fDoctor, world.visit.id);
    await exportPatientData(fAdmin, { email: BOB.email }, AFTER_VISIT);
    await exportPatientData(fAdmin, { email: ADA.email }, AFTER_VISIT);
    await erasePatient(fAdmin, { email: ADA.email }, LATER);
    const byDoctor = await listAccessLog(fAdmin, { member: "f-doc1", patient: null });
    expect(byDoctor.map((e) => e.action)).toEqual(["visit_read"]);
    const filterOf = (form: Record<string, string>) => accessLogFilterSchema.parse(Object.fromEntries(new URLSearchParams(accessLogFilterQuery(fAdmin, form))));
    // Capitals and spaces as typed; the query string carries the key, never the address.
    const adaQuery = accessLogFilterQuery(fAdmin, { member: "", patient: ` ${ADA.email.toUpperCase()} ` });
    expect(adaQuery).toMatch(/^patient=[0-9a-f]{32}$/);
    expect(decodeURIComponent(adaQuery).toLowerCase()).not.toContain(ADA.email.split("@")[0]);
    const ada = await listAccessLog(fAdmin, filterOf({ member: "", patient: ADA.email }));
    expect(ada.map((e) => e.action)).toEqual(["erase", "export", "visit_read"]);
    expect((await listAccessLog(fAdmin, filterOf({ member: "f-admin", patient: BOB.email }))).map((e) => e.action)).toEqual(["export"]);
  });

  it("turns away a filter form with a bad email or member, and a caller who may not read the log", () => {
    expect(() => accessLogFilterQuery(fAdmin, { member: "", patient: "not-an-email" })).toThrow(expect.objectContaining({ code: "invalid_request", fields: { patient: expect.any(String) } }));
    expect(() => accessLogFilterQuery(fAdmin, { member: "a/b", patient: "" })).toThrow(expect.objectContaining({ code: "invalid_request" }));
    expect(() => accessLogFilterQuery(fDoctor, { member: "", patient: ADA.email })).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("holds ids, never the patient's details, and its CSV neither", async () => {
    await getVisit(fDoctor, world.visit.id);
    await exportPatientData(fAdmin, { email: ADA.email }, AFTER_VISIT);
    const stored = (await db().collection("accessLog").get()).docs.map((d) => JSON.stringify(d.data()));
    for (const secret of ADA_SECRETS) expect(stored.join("\n")).not.toContain(secret);
    const csv = accessLogCsv(await listAccessLog(fAdmin, { member: null, patient: null }), () => "Someone");
    for (const secret of ADA_SECRETS) expect(csv).not.toContain(secret);
  });

  it("is for admins only, and no member can edit or delete it: the module has no verb that would", async () => {
    await expect(listAccessLog(callers.freeStaff, { member: null, patient: null })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAccessLog(fDoctor, { member: null, patient: null })).rejects.toMatchObject({ code: "forbidden" });
    const functions = Object.entries(accessLogModule).filter(([, value]) => typeof value === "function").map(([name]) => name);
    expect(functions.sort()).toEqual(["accessLog", "accessLogFilterQuery", "appendAccess", "listAccessLog"]);
    // Appending never overwrites: two entries for the same read are two documents.
    await getVisit(fDoctor, world.visit.id);
    await getVisit(fDoctor, world.visit.id);
    expect((await db().collection("accessLog").get()).size).toBe(2);
  });
});
