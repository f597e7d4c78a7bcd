import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOOKING_PAGE_NOT_OPEN, VERIFICATION_EMAIL_GAP_MS, VERIFICATION_EMAILS_PER_WINDOW } from "@/lib/domain/booking-page-opening";
import { signupSchema } from "@/lib/domain/clinic-settings";
import type { Caller } from "@/lib/domain/roles";
import { requestAppointment } from "@/lib/server/appointments/request";
import { cachedBookableDoctor } from "@/lib/server/booking/cached-bookable-doctor";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { cachedClinicAccess, cachedPublicClinic, getPublicClinic } from "@/lib/server/clinics/public-clinic";
import { createClinic } from "@/lib/server/team/onboarding";
import { clearAuth, fixtureAuth, member } from "@/tests/helpers/dashboard-fixtures";
import { patient, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { bookingPageState, openBookingPageIfVerified, resendVerificationEmail } from "./booking-page-opening";

// A clinic's booking page is public only once one of its admins has a verified
// email (Firebase Auth's user record, never the browser's word). Until then
// every public read and the booking verb refuse it, and a refused booking
// writes nothing.

// Monday 2030-01-07, 07:00 in New York; the fixture doctor works Tuesday the 8th.
const now = new Date("2030-01-07T12:00:00Z");
const start = new Date("2030-01-08T09:00:00-05:00").toISOString();
const book = (slug: string) =>
  requestAppointment(slug, "dr-test", { start, patient, reason: "Annual check-up" }, { source: "api", ip: "203.0.113.9", now });

const COLLECTIONS_A_BOOKING_WRITES = ["appointments", "slotLocks", "requestCounters", "patientHolds", "mail"];
async function counts() {
  const sizes = await Promise.all(COLLECTIONS_A_BOOKING_WRITES.map(async (name) => (await testDb().collection(name).get()).size));
  return Object.fromEntries(COLLECTIONS_A_BOOKING_WRITES.map((name, i) => [name, sizes[i]]));
}

const signup = (n: number) =>
  signupSchema.parse({
    clinicName: `Harbour Clinic ${n}`,
    slug: `harbour-${n}`,
    address: "1 Quay St",
    phone: "+1 555 010 2030",
    email: `front-${n}@harbour.test`,
    timezone: "America/New_York",
    currency: "USD",
    fee: "30",
    adminName: "Hana Harbour",
    adminEmail: `hana-${n}@harbour.test`,
    password: "harbour-pass",
  });

let made = 0;
/** A clinic through sign-up, as a new admin makes it; its admin as the caller the dashboard would resolve. */
async function signedUpClinic() {
  const values = signup(++made);
  const { clinicId, uid } = await createClinic(values);
  const admin: Caller = { uid, email: values.adminEmail, name: values.adminName, clinicId, clinicName: values.clinicName, role: "admin" };
  return { values, admin, clinicId, slug: values.slug };
}

async function verificationMail(to: string) {
  const mail = await testDb().collection("mail").where("to", "==", to).get();
  return mail.docs.map((doc) => ({ text: String(doc.get("message.text")), subject: String(doc.get("message.subject")) }));
}

const linkIn = (text: string) => /https?:\/\/\S+mode=verifyEmail\S+/.exec(text)?.[0];

beforeAll(async () => {
  await clearAuth();
});

beforeEach(async () => {
  await clearFirestore();
  delete process.env.APP_CLOCK_OFFSET_MS;
});

afterEach(() => {
  delete process.env.APP_CLOCK_OFFSET_MS;
});

describe("a clinic whose booking page is not open yet", () => {
  it("is refused by every public read, named but nothing more", async () => {
    const { slug } = await seedClinic({ slug: "waiting", bookingOpen: false });
    expect(await cachedClinicAccess("waiting")).toEqual({ kind: "not_open", name: "Test Clinic" });
    expect(await cachedClinicAccess("WAITING")).toEqual({ kind: "not_open", name: "Test Clinic" });
    expect(await cachedPublicClinic(slug)).toBeNull();
    await expect(getPublicClinic(slug)).rejects.toMatchObject({ code: "not_found", message: BOOKING_PAGE_NOT_OPEN });
    await expect(cachedBookableDoctor(slug, "dr-test")).rejects.toMatchObject({ code: "not_found", message: BOOKING_PAGE_NOT_OPEN });
    await expect(listFreeSlots(slug, "dr-test", "2030-01-08", "2030-01-08", now)).rejects.toMatchObject({ message: BOOKING_PAGE_NOT_OPEN });
  });

  it("refuses a booking with a clear error and writes nothing", async () => {
    await seedClinic({ slug: "waiting", bookingOpen: false });
    const before = await counts();
    await expect(book("waiting")).rejects.toMatchObject({ code: "not_found", message: BOOKING_PAGE_NOT_OPEN });
    expect(await counts()).toEqual(before);
  });

  it("stays open when it was open, and when it predates the rule (no publishedAt)", async () => {
    await seedClinic({ id: "clinic-open", slug: "open" });
    await seedClinic({ id: "clinic-legacy", slug: "legacy", bookingOpen: "legacy" });
    for (const slug of ["open", "legacy"]) {
      expect(await cachedClinicAccess(slug)).toMatchObject({ kind: "open" });
      expect(await getPublicClinic(slug)).toMatchObject({ slug, name: "Test Clinic" });
    }
    await expect(book("legacy")).resolves.toMatchObject({ status: "pending" });
  });
});

describe("sign-up, the verification link and the re-check", () => {
  it("a new clinic waits; its admin's link verifies the email; the re-check opens it to patients", async () => {
    const { values, admin, clinicId, slug } = await signedUpClinic();
    expect((await testDb().doc(`clinics/${clinicId}`).get()).get("publishedAt")).toBeNull();
    expect((await fixtureAuth().getUser(admin.uid)).emailVerified).toBe(false);
    await expect(getPublicClinic(slug)).rejects.toMatchObject({ message: BOOKING_PAGE_NOT_OPEN });

    // The sign-up queued one email to the admin, with Firebase's verification link.
    const [mail, ...more] = await verificationMail(values.adminEmail);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Verify your email to open ${values.clinicName}'s booking page`);
    const link = linkIn(mail!.text);
    expect(link).toBeDefined();

    // Asking before following it changes nothing.
    expect(await openBookingPageIfVerified(admin)).toEqual({ open: false, admin: true, email: values.adminEmail });
    expect((await testDb().doc(`clinics/${clinicId}`).get()).get("publishedAt")).toBeNull();

    // Following the link (the emulator's action page) verifies the email, then continues to the dashboard.
    const followed = await fetch(link!, { redirect: "manual" });
    expect(followed.status).toBe(303);
    expect(followed.headers.get("location")).toMatch(/\/dashboard$/);
    expect((await fixtureAuth().getUser(admin.uid)).emailVerified).toBe(true);

    // The public read is still closed until the re-check copies the state onto the clinic.
    await expect(getPublicClinic(slug)).rejects.toMatchObject({ message: BOOKING_PAGE_NOT_OPEN });
    expect(await cachedClinicAccess(slug)).toMatchObject({ kind: "not_open" });
    expect(await bookingPageState(admin)).toEqual({ open: true });
    const clinic = await testDb().doc(`clinics/${clinicId}`).get();
    expect(clinic.get("publishedAt")).not.toBeNull();
    expect(clinic.get("publishedBy")).toBe(admin.uid);
    // The cached profile was forgotten: this server's very next public read is open.
    expect(await cachedClinicAccess(slug)).toEqual({ kind: "open", clinicId });
    expect(await getPublicClinic(slug)).toMatchObject({ slug, doctors: [] });
    expect(await openBookingPageIfVerified(admin)).toEqual({ open: true });
  });

  it("trusts only Firebase Auth's record: a staff member cannot open it, a verified staff email does not count", async () => {
    const { admin, clinicId } = await signedUpClinic();
    await member("staff-verified", { clinicId, role: "staff", email: "sam@harbour.test", name: "Sam Staff" });
    await fixtureAuth().updateUser("staff-verified", { emailVerified: true });
    const staff: Caller = { ...admin, uid: "staff-verified", email: "sam@harbour.test", name: "Sam Staff", role: "staff" };
    await expect(openBookingPageIfVerified(staff)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resendVerificationEmail(staff)).rejects.toMatchObject({ code: "forbidden" });
    expect(await bookingPageState(staff)).toEqual({ open: false, admin: false });
    await expect(openBookingPageIfVerified(null)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await testDb().doc(`clinics/${clinicId}`).get()).get("publishedAt")).toBeNull();
  });

  it("any admin of the clinic with a verified email opens it, not only the founder", async () => {
    const { admin, clinicId, slug } = await signedUpClinic();
    await member("second-admin", { clinicId, role: "admin", email: "ines@harbour.test", name: "Ines Admin" });
    await fixtureAuth().updateUser("second-admin", { emailVerified: true });
    const second: Caller = { ...admin, uid: "second-admin", email: "ines@harbour.test", name: "Ines Admin" };
    expect(await bookingPageState(second)).toEqual({ open: true });
    expect(await cachedClinicAccess(slug)).toEqual({ kind: "open", clinicId });
  });
});

describe("resending the verification email", () => {
  it("waits a minute after the last email, says so, and writes nothing when refused", async () => {
    const { values, admin } = await signedUpClinic();
    await expect(resendVerificationEmail(admin)).rejects.toMatchObject({ code: "rate_limited", message: expect.stringMatching(/try again in \d+ seconds/) });
    expect(await verificationMail(values.adminEmail)).toHaveLength(1);

    process.env.APP_CLOCK_OFFSET_MS = String(VERIFICATION_EMAIL_GAP_MS);
    expect(await resendVerificationEmail(admin)).toEqual({ email: values.adminEmail });
    const mails = await verificationMail(values.adminEmail);
    expect(mails).toHaveLength(2);
    // Each email carries a fresh link.
    expect(new Set(mails.map((mail) => linkIn(mail.text))).size).toBe(2);
  });

  it(`sends at most ${VERIFICATION_EMAILS_PER_WINDOW} an hour`, async () => {
    const { values, admin } = await signedUpClinic();
    for (let minute = 1; minute < VERIFICATION_EMAILS_PER_WINDOW; minute++) {
      process.env.APP_CLOCK_OFFSET_MS = String(minute * VERIFICATION_EMAIL_GAP_MS);
      await resendVerificationEmail(admin);
    }
    process.env.APP_CLOCK_OFFSET_MS = String(10 * VERIFICATION_EMAIL_GAP_MS);
    await expect(resendVerificationEmail(admin)).rejects.toMatchObject({ code: "rate_limited", message: expect.stringMatching(/in the last hour.*try again in 50 minutes/) });
    expect(await verificationMail(values.adminEmail)).toHaveLength(VERIFICATION_EMAILS_PER_WINDOW);
  });

  it("sends nothing once the email is verified, and opens the page instead", async () => {
    const { values, admin, slug } = await signedUpClinic();
    await fixtureAuth().updateUser(admin.uid, { emailVerified: true });
    process.env.APP_CLOCK_OFFSET_MS = String(VERIFICATION_EMAIL_GAP_MS);
    await expect(resendVerificationEmail(admin)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already verified") });
    expect(await verificationMail(values.adminEmail)).toHaveLength(1);
    expect(await cachedClinicAccess(slug)).toMatchObject({ kind: "open" });
  });
});
