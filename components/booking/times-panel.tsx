import { Alert, Button, CalendarIcon, EmptyState, Skeleton } from "@/components/ui";
import { monthName, type IsoSlot, type MonthKey } from "@/lib/domain/booking-calendar";
import type { LocalDate } from "@/lib/domain/slots";
import { formatDate } from "@/lib/domain/time-format";
import { telHref } from "./contact-list";
import { SlotPicker } from "./slot-picker";
import type { MonthStatus } from "./use-month-slots";

/** The right-hand panel: the chosen day's times, or why there are none. */
type TimesPanelProps = {
  status: MonthStatus;
  date: LocalDate | null;
  slots: IsoSlot[];
  month: MonthKey;
  nextMonth: MonthKey | null;
  /** The whole month is past the doctor's booking horizon. */
  opensLater: boolean;
  onShowMonth: (month: MonthKey) => void;
  onRetry: () => void;
  clinicPhone: string;
  timeZone: string;
  patientZone: string | null;
  selected: string | null;
  onSelect: (slot: IsoSlot) => void;
};

export function TimesPanel({
  status,
  date,
  slots,
  month,
  nextMonth,
  opensLater,
  onShowMonth,
  onRetry,
  clinicPhone,
  timeZone,
  patientZone,
  selected,
  onSelect,
}: TimesPanelProps) {
  const call = clinicPhone ? (
    <>
      call the clinic at{" "}
      <a className="font-medium whitespace-nowrap text-primary-800 underline underline-offset-4" href={telHref(clinicPhone)}>
        {clinicPhone}
      </a>
    </>
  ) : (
    "contact the clinic"
  );

  if (status === "loading") {
    return (
      <div aria-busy="true">
        <h3 className="sr-only">Loading free times…</h3>
        <p role="status" className="sr-only">
          Loading free times for {monthName(month)}…
        </p>
        <Skeleton className="h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-24" />
        <div className="mt-6 grid grid-cols-3 gap-2">
          {Array.from({ length: 9 }, (_, index) => (
            <Skeleton key={index} className="h-11 rounded-lg" />
          ))}
        </div>
      </div>
    );
  }

  if (status === "error") {
    return (
      <div className="space-y-4">
        <h3 className="sr-only">Free times</h3>
        <Alert tone="error" title="We couldn't load the free times">
          Please check your connection and try again, or {call}.
        </Alert>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }

  if (opensLater) {
    return (
      <EmptyState
        headingLevel={3}
        className="border-0 px-2 py-8 sm:py-10"
        icon={<CalendarIcon className="size-6" />}
        title={`Booking for ${monthName(month)} isn't open yet`}
        description={<>Choose a day in an earlier month, or {call}.</>}
      />
    );
  }

  if (!date || slots.length === 0) {
    return (
      <EmptyState
        headingLevel={3}
        className="border-0 px-2 py-8 sm:py-10"
        icon={<CalendarIcon className="size-6" />}
        title={`No free times in ${monthName(month)}`}
        description={
          <>
            {nextMonth ? "Try next month, or " : "Please "}
            {call}.
          </>
        }
        action={
          nextMonth && (
            <Button variant="secondary" onClick={() => onShowMonth(nextMonth)}>
              Show {monthName(nextMonth)}
            </Button>
          )
        }
      />
    );
  }

  const first = Date.parse(slots[0]!.start);
  return (
    <div>
      <h3 className="text-lg font-semibold text-slate-900">{formatDate(first, timeZone)}</h3>
      <p className="mt-0.5 mb-5 text-sm text-slate-600">
        {slots.length === 1 ? "1 free time" : `${slots.length} free times`}
      </p>
      <SlotPicker slots={slots} timeZone={timeZone} patientZone={patientZone} selected={selected} onSelect={onSelect} />
    </div>
  );
}
