import { Alert } from "@/components/ui";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";

const TITLE = {
  declined: "The clinic couldn't move your visit",
  withdrawn: "You withdrew your move request",
  lapsed: "Your move request lapsed",
} as const;

/** After a move request ended without moving: which time it was, why, and that the visit stands. */
export function LastMoveNotice({ lastMove, timeZone }: { lastMove: NonNullable<PatientAppointmentView["lastMove"]>; timeZone: string }) {
  const asked = formatSlotInZone(Date.parse(lastMove.start), timeZone);
  return (
    <Alert tone="info" title={TITLE[lastMove.outcome]}>
      <p>
        {lastMove.outcome === "lapsed" ? `The clinic didn't answer in time about ${asked}, so that time was released.` : `The time you asked for, ${asked}, was released.`} Your
        visit stays as shown.
      </p>
      {lastMove.reason && <p className="mt-1">The clinic&apos;s message: {lastMove.reason}</p>}
    </Alert>
  );
}
