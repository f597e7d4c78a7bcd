import type { AppointmentStatus } from "../appointments/status";

/** One of the patient's appointments, as the privacy page lists it. */
export interface PatientAppointmentSummary {
  id: string;
  status: AppointmentStatus;
  start: number;
  timezone: string;
  doctorName: string;
  live: boolean;
  hasVisit: boolean;
  erased: boolean;
}

/** What the clinic holds about one email (lib/server/privacy/find-patient.ts). */
export interface PatientSummary {
  email: string;
  appointments: PatientAppointmentSummary[];
  emails: number;
  /** The ids of live appointments: erasure is refused while there are any. */
  live: string[];
}
