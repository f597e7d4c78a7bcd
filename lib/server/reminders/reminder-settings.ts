import "server-only";
import { FieldValue } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { reminderSettingsOf, type ReminderSettings } from "@/lib/domain/reminders";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { db } from "@/lib/server/firebase";

const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

/** The clinic's reminder settings, defaults filled in (on, 24 h; doctor's day off). Admins only. */
export async function getReminderSettings(caller: Caller | null): Promise<ReminderSettings> {
  assertCan(caller, "settings:write");
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  return reminderSettingsOf(clinic);
}

/** Saves them (parsed by reminderSettingsSchema); the next reminder run reads them. */
export async function updateReminderSettings(caller: Caller | null, settings: ReminderSettings): Promise<void> {
  assertCan(caller, "settings:write");
  const ref = db().collection("clinics").doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    const { visitReminders, reminderHours, doctorDayEmail } = settings;
    tx.update(ref, { visitReminders, reminderHours, doctorDayEmail, updatedAt: FieldValue.serverTimestamp() });
  });
}
