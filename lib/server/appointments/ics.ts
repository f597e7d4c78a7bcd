import "server-only";
import { createEvent } from "ics";
import { LINE_BREAKING } from "@/lib/domain/clinic-settings";
import { appointmentPolicy, policyWords } from "@/lib/domain/cancellation-policy";
import type { AppointmentDoc } from "./model";

type IcsSource = Pick<
  AppointmentDoc,
  "start" | "end" | "clinicName" | "clinicContact" | "doctorName" | "version" | "status"
> &
  // The cancellation policy goes in the description when the fee is known (every appointment has it).
  Partial<Pick<AppointmentDoc, "feeCents" | "currency" | "cancellationPolicy">>;

/**
 * The appointment as an iCalendar event. The UID is the appointment's id, so
 * every .ics we send for it (the confirmation, a later move) describes the
 * same calendar entry, and SEQUENCE is the appointment's version, which only
 * grows: a calendar that already has the event replaces it with the newer one.
 * Times are UTC instants, so no zone database is needed on the reader's side.
 * Nothing the patient typed goes in (the reason stays out of calendars).
 */
export function appointmentIcs(appointmentId: string, a: IcsSource): string {
  // The library escapes only "\r?\n"; a lone CR (or another control
  // character) in a name would end the property's line and start one of the
  // attacker's. The forms refuse them; names stored before they did are
  // flattened here, so no stored text can add a line.
  const one = (text: string) => text.replace(new RegExp(LINE_BREAKING.source, "gu"), " ");
  const doctorName = one(a.doctorName);
  const clinicName = one(a.clinicName);
  const contact = one([a.clinicContact.phone, a.clinicContact.email].filter(Boolean).join(" · "));
  const policy = a.feeCents !== undefined && a.currency ? `Cancellation: ${policyWords(appointmentPolicy(a.cancellationPolicy), a.feeCents, a.currency)}` : null;
  const { error, value } = createEvent({
    uid: `${appointmentId}@clinic-booking`,
    sequence: a.version,
    productId: "clinic-booking/ics",
    method: "PUBLISH",
    start: a.start.toMillis(),
    startInputType: "utc",
    startOutputType: "utc",
    end: a.end.toMillis(),
    endInputType: "utc",
    endOutputType: "utc",
    title: `${doctorName} at ${clinicName}`,
    description: `Your visit with ${doctorName} at ${clinicName}.${policy ? ` ${policy}` : ""}${contact ? ` To change it, contact the clinic: ${contact}.` : ""}`,
    location: one(a.clinicContact.address) || clinicName,
    status: a.status === "confirmed" ? "CONFIRMED" : "TENTATIVE",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("ics: no output");
  return value;
}

/** A file name a calendar app will recognise. */
export function icsFilename(a: Pick<AppointmentDoc, "clinicName">): string {
  const name = a.clinicName.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "appointment";
  return `${name}-appointment.ics`;
}
