import { shownStatus, statusLabel } from "@/lib/domain/appointments/status";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { HistoryItem } from "@/lib/domain/appointments/views";

const DID: Record<HistoryItem["action"], string> = {
  request: "requested this time",
  approve: "approved it",
  decline: "declined it",
  propose: "proposed a new time",
  cancel: "cancelled it",
  accept: "accepted the new time",
  reject: "declined the new time",
  pay: "recorded the payment",
  expire: "expired it (the hold ran out)",
  complete: "marked the visit completed",
  no_show: "marked the patient a no-show",
  clinic_cancel: "cancelled it for the clinic",
  change_email: "corrected their email address",
  withdraw: "withdrew the proposed time",
  // A move that swapped at once stays confirmed; otherwise it waits for the clinic.
  move: "moved the visit",
  approve_move: "approved the patient's move",
  decline_move: "declined the patient's move",
  withdraw_move: "withdrew their move request",
};

/** The request's history, oldest first: who did what, when, the status it moved to, and any note. */
export function HistoryList({ items, timeZone, now }: { items: HistoryItem[]; timeZone: string; now: number }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {items.map((item) => (
        <li key={item.seq} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full bg-primary-700 ring-4 ring-white" />
          <p className="text-base text-slate-900">
            <span className="font-semibold">{item.byName}</span> {item.action === "move" && item.to === "move_requested" ? "asked to move the visit" : (DID[item.action] ?? item.action)}
            <span className="text-slate-600">
              {" "}
              — {item.from ? `${statusLabel(item.from, "staff")} → ` : ""}
              {/* Only the clinic's own cancel action ends in a clinic cancellation; every other one is the patient's. */}
              {statusLabel(shownStatus(item.to, item.action === "clinic_cancel" ? "clinic" : null), "staff")}
            </span>
          </p>
          <p className="text-sm text-slate-600 tabular-nums">
            <time dateTime={new Date(item.at).toISOString()}>{formatSlotInZone(item.at, timeZone, { now })}</time>
          </p>
          {item.note && <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-800">“{item.note}”</p>}
        </li>
      ))}
    </ol>
  );
}
