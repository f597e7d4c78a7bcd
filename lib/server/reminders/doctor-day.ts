import "server-only";
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { doctorDayDue, doctorDayKey, reminderSettingsOf } from "@/lib/domain/reminders";
import { dayNumberToLocalDate, localDateToDayNumber } from "@/lib/domain/slots/local-time";
import { scheduleHref } from "@/lib/domain/schedule-href";
import { startOfLocalDay } from "@/lib/domain/visits";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { isAlreadyExists } from "@/lib/server/firestore-errors";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { doctorDayEmail } from "@/lib/server/mail/visit-reminder-emails";
import { markerExpiry, markerRef, type ReminderMarker } from "./markers";

/** A clinic has a handful of members and a doctor a few dozen visits a day; the bounds only guard against runaway data. */
const MAX_MEMBERS = 200;
const MAX_DAY_VISITS = 200;

/**
 * The doctor's-day emails of one clinic that turned them on: during the
 * morning window in the clinic's zone (lib/domain/reminders: doctorDayDue),
 * once per doctor per local date, to each member who is that doctor. Returns
 * the emails queued.
 */
export async function sendClinicDoctorDays(clinic: DocumentSnapshot, now: Date): Promise<number> {
  if (!reminderSettingsOf(clinic).doctorDayEmail) return 0;
  const timezone = String(clinic.get("timezone") ?? "");
  let date: string | null;
  try {
    date = doctorDayDue(timezone, now.getTime());
  } catch {
    console.error(`doctorDay: clinic ${clinic.id} has no usable time zone`);
    return 0;
  }
  if (!date) return 0;
  // query-shape: members.byClinic
  const members = await db().collection("members").where("clinicId", "==", clinic.id).limit(MAX_MEMBERS).get();
  const emailsByDoctor = new Map<string, string[]>();
  for (const m of members.docs) {
    const doctorId = m.get("doctorId");
    const email = m.get("email");
    if (m.get("role") !== "doctor" || typeof doctorId !== "string" || typeof email !== "string" || !email.includes("@")) continue;
    emailsByDoctor.set(doctorId, [...(emailsByDoctor.get(doctorId) ?? []), email]);
  }
  let sent = 0;
  for (const [doctorId, to] of emailsByDoctor) {
    try {
      sent += await sendDoctorDay(clinic.id, doctorId, date, to, now);
    } catch (error) {
      console.error(`doctorDay: ${clinic.id}/${doctorId} ${date} failed`, error);
    }
  }
  return sent;
}

/**
 * One doctor's day, in one transaction: the marker (clinic, doctor, date)
 * must not exist, the setting must still be on, and the day's confirmed
 * visits are read here, so a visit cancelled a moment ago is not listed. The
 * marker is written even when the day has no visits (no email then): the
 * day is decided once, at the first run of its morning.
 */
async function sendDoctorDay(clinicId: string, doctorId: string, date: string, to: string[], now: Date): Promise<number> {
  const clinicRef = db().collection("clinics").doc(clinicId);
  const marker = markerRef(doctorDayKey(clinicId, doctorId, date));
  try {
    return await db().runTransaction(async (tx) => {
      const clinic = await tx.get(clinicRef);
      if (!clinic.exists || !reminderSettingsOf(clinic).doctorDayEmail) return 0;
      if ((await tx.get(marker)).exists) return 0;
      const timezone = String(clinic.get("timezone"));
      const from = startOfLocalDay(timezone, date);
      const until = startOfLocalDay(timezone, dayNumberToLocalDate(localDateToDayNumber(date) + 1));
      // query-shape: appointments.dayOfDoctor
      const day = await tx.get(
        appointments()
          .where("clinicId", "==", clinicId)
          .where("doctorId", "==", doctorId)
          .where("status", "==", "confirmed")
          .where("start", ">=", Timestamp.fromMillis(from))
          .where("start", "<", Timestamp.fromMillis(until))
          .orderBy("start")
          .limit(MAX_DAY_VISITS),
      );
      const visits = day.docs.map((d) => d.data() as AppointmentDoc);
      const record: ReminderMarker = {
        kind: "doctorDay",
        clinicId,
        doctorId,
        date,
        emails: visits.length ? to.length : 0,
        sentAt: Timestamp.fromDate(now),
        expireAt: markerExpiry(until),
      };
      tx.create(marker, record);
      if (!visits.length) return 0;
      const scheduleUrl = `${serverEnv().APP_URL}${scheduleHref({ view: "day", date })}`;
      const details = { clinicName: String(clinic.get("name") ?? ""), doctorName: visits[0]!.doctorName, timezone, date: from, scheduleUrl };
      for (const address of to) queueMail(tx, doctorDayEmail(address, details, visits), { clinicId, kind: "doctorDay" });
      return to.length;
    });
  } catch (error) {
    if (isAlreadyExists(error)) return 0;
    throw error;
  }
}
