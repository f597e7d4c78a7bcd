import { beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { at, book, callers, later, seedReviewWorld, snapshotAll, type Booked } from "@/tests/helpers/review-fixtures";
import { acceptProposal, cancelAppointmentByPatient, getPatientAppointment, getPatientIcs, rejectProposal } from "./patient";
import { approveAppointment, declineAppointment, proposeNewTime, type ReviewResult } from "./review";

// Who may act on a request: the clinic's staff and admins on any of its
// requests, a doctor only on their own; the patient only with their link's
// token. Everyone else is refused and nothing is written.

const soon = later(1);
beforeEach(seedReviewWorld);

type StaffVerb = (caller: Caller | null, id: string) => Promise<ReviewResult>;
const STAFF_VERBS: Record<string, StaffVerb> = {
  approve: (c, id) => approveAppointment(c, id, { now: soon }),
  propose: (c, id) => proposeNewTime(c, id, { start: at("11:00") }, { now: soon }),
  decline: (c, id) => declineAppointment(c, id, { reason: "Fully booked" }, { now: soon }),
};

const unlinkedDoctor: Caller = { ...callers.otherDoctor, uid: "a-doc3", doctorId: undefined };

const REFUSED: [string, Caller | null, string][] = [
  ["anonymous", null, "unauthenticated"],
  ["another clinic's staff (whose doctor shares the id)", callers.otherClinicStaff, "not_found"],
  ["the doctor of another doctor", callers.otherDoctor, "not_found"],
  ["a doctor account linked to no doctor", unlinkedDoctor, "forbidden"],
];
const ALLOWED: [string, Caller][] = [
  ["staff", callers.staff],
  ["admin", callers.admin],
  ["the request's own doctor", callers.doctor],
];

describe.each(Object.entries(STAFF_VERBS))("%s", (_name, verb) => {
  it.each(REFUSED)("refuses %s, writing nothing", async (_who, caller, code) => {
    const { id } = await book(at("09:00"));
    const before = await snapshotAll();
    await expect(verb(caller, id)).rejects.toMatchObject({ code });
    expect(await snapshotAll()).toEqual(before);
  });

  it.each(ALLOWED)("allows %s", async (_who, caller) => {
    const { id } = await book(at("09:00"));
    await expect(verb(caller, id)).resolves.toMatchObject({ version: 2 });
    await expectLocksMatchLiveAppointments();
  });

  it("answers an unknown or malformed id with not_found", async () => {
    await expect(verb(callers.staff, "nosuchrequest")).rejects.toMatchObject({ code: "not_found" });
    await expect(verb(callers.staff, "__x__")).rejects.toMatchObject({ code: "not_found" });
  });
});

type PatientVerb = (b: Booked, token: string | null) => Promise<unknown>;
const PATIENT_VERBS: Record<string, { verb: PatientVerb; proposed: boolean; confirmed?: boolean }> = {
  accept: { verb: (b, t) => acceptProposal(b.id, t, later(2)), proposed: true },
  reject: { verb: (b, t) => rejectProposal(b.id, t, later(2)), proposed: true },
  cancel: { verb: (b, t) => cancelAppointmentByPatient(b.id, t, later(2)), proposed: false },
  view: { verb: (b, t) => getPatientAppointment(b.id, t), proposed: false },
  ics: { verb: (b, t) => getPatientIcs(b.id, t), proposed: false, confirmed: true },
};

async function prepared(proposed: boolean, confirmed = false): Promise<Booked & { other: Booked }> {
  const opts = confirmed ? { slug: "clinic-f", doctorId: "dr-f1" } : {};
  const booked = await book(at("09:00"), opts);
  const other = await book(at("09:40"), { ...opts, email: "other@example.com" });
  if (confirmed) await approveAppointment(callers.freeStaff, booked.id, { now: soon });
  if (proposed) await proposeNewTime(callers.staff, booked.id, { start: at("11:00") }, { now: soon });
  return { ...booked, other };
}

describe.each(Object.entries(PATIENT_VERBS))("patient: %s", (_name, { verb, proposed, confirmed }) => {
  it("refuses a missing, wrong or another request's token with not_found, writing nothing", async () => {
    const b = await prepared(proposed, confirmed);
    const before = await snapshotAll();
    for (const token of [null, "", "wrong-token", `${b.token}x`, b.other.token]) {
      await expect(verb(b, token)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it("allows the patient with their link's token", async () => {
    const b = await prepared(proposed, confirmed);
    await expect(verb(b, b.token)).resolves.toBeDefined();
    await expectLocksMatchLiveAppointments();
  });
});
