import type { ReactNode } from "react";
import { Badge } from "@/components/ui";
import { shownStatus, statusLabel, statusTone } from "@/lib/domain/appointments/status";
import { CURRENCY_CODES, formatMoney, type CurrencyCode } from "@/lib/domain/money";
import { paymentWords } from "@/lib/domain/payment-view";
import { noTimeHeldCause, noTimeHeldWords } from "@/lib/domain/no-time-held";
import type { RequestDetail } from "@/lib/domain/appointments/views";
import { CameAgo, ClinicTime, HoldLeft } from "./time-words";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-3 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-base break-words text-slate-900">{children}</dd>
    </div>
  );
}

const fee = (d: RequestDetail) =>
  d.feeCents === 0 ? "Free" : (CURRENCY_CODES as readonly string[]).includes(d.currency) ? formatMoney(d.feeCents, d.currency as CurrencyCode) : `${d.feeCents / 100} ${d.currency}`;

/** Everything about the request, as a definition list. */
export function RequestFacts({ detail, now }: { detail: RequestDetail; now: number }) {
  const shown = shownStatus(detail.status, detail.cancelledBy);
  // Pending with no time held: the patient turned a proposed time down, or staff withdrew theirs.
  // (A request that ended meanwhile keeps timeHeld false; its status says all there is.)
  const noTimeHeld =
    detail.status !== "pending" || detail.timeHeld
    ? null
    : noTimeHeldWords({
        cause: noTimeHeldCause({ withdrawnStart: detail.withdrawnStart, turnedDownStart: detail.turnedDownStart }),
        expiresAt: detail.expiresAt,
        timeZone: detail.timezone,
        now,
      });
  const phoneHref = `tel:${detail.patient.phone.replace(/[^\d+]/g, "")}`;
  return (
    <dl className="divide-y divide-slate-200">
      <Fact label="Status">
        <Badge tone={statusTone(shown)}>{statusLabel(shown, "staff")}</Badge>
      </Fact>
      <Fact label={detail.status === "rescheduled" ? "Proposed time" : noTimeHeld ? "Asked for" : "Time"}>
        <ClinicTime at={detail.start} timeZone={detail.timezone} now={now} />
      </Fact>
      {noTimeHeld && <Fact label={noTimeHeld.label}>{noTimeHeld.what}</Fact>}
      {detail.proposal && (
        <Fact label="Asked for">
          <ClinicTime at={detail.proposal.previousStart} timeZone={detail.timezone} now={now} />
        </Fact>
      )}
      {detail.proposal?.message && (
        <Fact label="Message sent">
          <span className="whitespace-pre-line">{detail.proposal.message}</span>
        </Fact>
      )}
      <Fact label="Doctor">{detail.doctorName}</Fact>
      <Fact label="Patient">{detail.patient.name}</Fact>
      <Fact label="Email">
        <a href={`mailto:${detail.patient.email}`} className="font-medium text-primary-800 underline underline-offset-4">
          {detail.patient.email}
        </a>
      </Fact>
      <Fact label="Phone">
        <a href={phoneHref} className="font-medium text-primary-800 underline underline-offset-4 tabular-nums">
          {detail.patient.phone}
        </a>
      </Fact>
      <Fact label="Reason">
        <span className="whitespace-pre-line">{detail.reason}</span>
      </Fact>
      <Fact label="Received">
        <ClinicTime at={detail.createdAt} timeZone={detail.timezone} now={now} />
        <CameAgo at={detail.createdAt} now={now} className="block text-sm text-slate-600" />
      </Fact>
      {noTimeHeld ? (
        <Fact label="Hold">
          <span data-urgent={noTimeHeld.urgent || undefined} className={noTimeHeld.urgent ? "font-semibold text-red-700" : undefined}>
            {noTimeHeld.hold}
          </span>
        </Fact>
      ) : (
        detail.expiresAt !== null && (
          <Fact label="Hold">
            <HoldLeft expiresAt={detail.expiresAt} now={now} />
          </Fact>
        )
      )}
      <Fact label="Fee">{fee(detail)}</Fact>
      {detail.payment.state !== "free" && <Fact label="Payment">{paymentWords(detail.payment, detail.timezone, now)}</Fact>}
      {detail.declineReason && (
        <Fact label="Decline reason">
          <span className="whitespace-pre-line">{detail.declineReason}</span>
        </Fact>
      )}
      {detail.cancelReason && (
        <Fact label={detail.cancelledBy === "clinic" ? "Clinic's reason" : "Patient's reason"}>
          <span className="whitespace-pre-line">{detail.cancelReason}</span>
        </Fact>
      )}
      <Fact label="Booked through">{detail.source === "api" ? "The booking API" : "The booking page"}</Fact>
    </dl>
  );
}
