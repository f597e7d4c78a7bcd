"use client";

import { useBrowserTimeZone } from "@/components/booking/use-browser-time-zone";
import { formatPatientLocal } from "@/lib/domain/time-format";

/**
 * "6:00 AM your time (Los Angeles)" under a clinic time, only when the
 * browser's zone differs. Renders nothing on the server and during hydration
 * (the zone is unknown there), so the HTML always matches.
 */
export function PatientLocalTime({ start, timeZone, className }: { start: string; timeZone: string; className?: string }) {
  const patientZone = useBrowserTimeZone();
  const local = patientZone ? formatPatientLocal(Date.parse(start), timeZone, patientZone) : null;
  if (!local) return null;
  return <span className={className}>That&apos;s {local}.</span>;
}
