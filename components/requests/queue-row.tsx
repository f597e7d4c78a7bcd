import Link from "next/link";
import { Badge } from "@/components/ui";
import { allowedActions } from "@/lib/domain/appointments/state-machine";
import { shownStatus, statusLabel, statusTone } from "@/lib/domain/appointments/status";
import { noTimeHeldCause, noTimeHeldWords } from "@/lib/domain/no-time-held";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { QueueRow } from "@/lib/domain/appointments/views";
import { ApproveButton } from "./approve-button";
import { CameAgo, ClinicTime, HoldLeft } from "./time-words";

/**
 * One request in the queue: who, when, with whom, why, how long it has
 * waited and how long its hold has left. Three columns on a desk, stacked on
 * a phone. The patient's name opens the request; a request that can be
 * approved gets the one-click Approve right here.
 */
export function QueueRowItem({ row, now }: { row: QueueRow; now: number }) {
  const shown = shownStatus(row.status, row.cancelledBy);
  // Pending with no time held: the patient turned a proposal down, or staff withdrew theirs.
  const noTimeHeld =
    row.status === "pending" && !row.timeHeld
      ? noTimeHeldWords({ cause: noTimeHeldCause({ withdrawnStart: row.withdrawnStart, turnedDownStart: row.turnedDownStart }), expiresAt: row.expiresAt, timeZone: row.timezone, now })
      : null;
  const canApprove = allowedActions(row.status, "staff", { timeHeld: row.timeHeld }).includes("approve");
  return (
    <li data-request={row.id} className="grid gap-x-6 gap-y-2 px-4 py-4 sm:px-5 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]">
      <div className="min-w-0">
        <Link
          href={`/dashboard/requests/${row.id}`}
          className="text-base font-semibold text-slate-900 underline decoration-slate-300 underline-offset-4 hover:decoration-primary-700"
        >
          {row.patient.name}
        </Link>
        {/* leading-6: 24 px targets (WCAG 2.5.8) even in a dense list. */}
        <p className="mt-0.5 text-sm text-slate-600">
          <a href={`mailto:${row.patient.email}`} className="inline-block max-w-full truncate align-top leading-6 hover:underline">
            {row.patient.email}
          </a>
        </p>
        <p className="text-sm text-slate-600 tabular-nums">
          <a href={`tel:${row.patient.phone.replace(/[^\d+]/g, "")}`} className="inline-block max-w-full truncate align-top leading-6 hover:underline">
            {row.patient.phone}
          </a>
        </p>
      </div>

      <div className="min-w-0 space-y-1">
        <p className="text-base text-slate-900">
          {row.status === "rescheduled" && <span className="font-medium">Proposed: </span>}
          {row.status === "move_requested" && <span className="font-medium">Visit now: </span>}
          {noTimeHeld && <span className="font-medium">Asked for: </span>}
          <ClinicTime at={row.start} timeZone={row.timezone} now={now} />
        </p>
        {noTimeHeld && <p className="text-sm text-slate-600">{noTimeHeld.what}</p>}
        {row.moveStart !== null && (
          <p className="text-sm font-medium text-slate-900">
            Move to <ClinicTime at={row.moveStart} timeZone={row.timezone} now={now} />
          </p>
        )}
        {row.previousStart !== null && (
          <p className="text-sm text-slate-600">Asked for {formatSlotInZone(row.previousStart, row.timezone, { now })}</p>
        )}
        <p className="text-sm text-slate-700">
          <span className="sr-only">Doctor: </span>
          {row.doctorName}
        </p>
        <p className="line-clamp-2 text-sm text-slate-700" title={row.reason}>
          <span className="font-medium text-slate-900">Reason: </span>
          {row.reason}
        </p>
        {noTimeHeld && <p className="text-sm font-medium text-amber-900">{noTimeHeld.headline}</p>}
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm md:flex-col md:items-end md:text-right">
        <Badge tone={statusTone(shown)}>{statusLabel(shown, "staff")}</Badge>
        <CameAgo at={row.createdAt} now={now} className="text-slate-600" />
        {noTimeHeld && <span className="font-medium text-slate-900">No time held</span>}
        <HoldLeft expiresAt={row.expiresAt} now={now} />
        {canApprove && <ApproveButton id={row.id} version={row.version} patientName={row.patient.name} size="sm" />}
      </div>
    </li>
  );
}
