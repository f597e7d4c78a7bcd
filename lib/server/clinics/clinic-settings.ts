import "server-only";
import { forgetClinicProfile } from "@/lib/server/clinics/clinic-profile";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { ClinicProfile } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { CURRENCY_CODES, type CurrencyCode } from "@/lib/domain/money";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { appointments } from "@/lib/server/appointments/model";
import { HOLDING } from "@/lib/server/booking/busy-time";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { appNow } from "@/lib/server/clock";

export interface ClinicOverview {
  id: string;
  name: string;
  slug: string;
  bookingUrl: string;
  timezone: string;
}

export interface ClinicSettings extends ClinicProfile {
  id: string;
  slug: string;
}

const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

const asCurrency = (value: unknown): CurrencyCode =>
  (CURRENCY_CODES as readonly string[]).includes(String(value)) ? (value as CurrencyCode) : "USD";

/** What every member sees on the dashboard home: the clinic and its public booking link. */
export async function getClinicOverview(caller: Caller | null): Promise<ClinicOverview> {
  assertCan(caller, "clinic:read");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  const slug = String(clinic.get("slug"));
  return {
    id: clinic.id,
    name: String(clinic.get("name")),
    slug,
    bookingUrl: `${serverEnv().APP_URL.replace(/\/$/, "")}/book/${slug}`,
    timezone: String(clinic.get("timezone")),
  };
}

/** The clinic profile for the settings form. Admins only. */
export async function getClinicSettings(caller: Caller | null): Promise<ClinicSettings> {
  assertCan(caller, "settings:write");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  return {
    id: clinic.id,
    slug: String(clinic.get("slug")),
    name: String(clinic.get("name")),
    description: String(clinic.get("description") ?? ""),
    address: String(clinic.get("address") ?? ""),
    phone: String(clinic.get("phone") ?? ""),
    email: String(clinic.get("email") ?? ""),
    timezone: String(clinic.get("timezone")),
    currency: asCurrency(clinic.get("currency")),
    feeCents: Number(clinic.get("feeCents") ?? 0),
  };
}

/**
 * Saves the clinic profile. The slug is not editable here: it is in every
 * link already sent to patients. A new fee applies to new requests only;
 * each appointment keeps the fee it was booked with.
 */
export async function updateClinicProfile(caller: Caller | null, profile: ClinicProfile): Promise<void> {
  assertCan(caller, "settings:write");
  const ref = db().collection("clinics").doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    tx.update(ref, {
      name: profile.name,
      description: profile.description,
      address: profile.address,
      phone: profile.phone,
      email: profile.email,
      timezone: profile.timezone,
      currency: profile.currency,
      feeCents: profile.feeCents,
      updatedAt: FieldValue.serverTimestamp(),
    });
  });
  forgetClinicProfile(caller.clinicId);
}

/**
 * How many of the clinic's appointments still lie ahead and hold their time
 * (pending, approved, rescheduled, confirmed): the settings form says so
 * before a time-zone change, since their instants stay put while the doctors'
 * weekly hours move with the zone. One count() aggregation, no documents read
 * (composite index clinicId + status + start in firestore.indexes.json).
 */
export async function countUpcomingAppointments(caller: Caller | null, now: Date = appNow()): Promise<number> {
  assertCan(caller, "settings:write");
  // query-shape: appointments.upcomingForClinic
  const snapshot = await appointments()
    .where("clinicId", "==", caller.clinicId)
    .where("status", "in", HOLDING)
    .where("start", ">=", Timestamp.fromDate(now))
    .count()
    .get();
  return snapshot.data().count;
}
