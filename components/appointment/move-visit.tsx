"use client";

import { useState } from "react";
import { Alert, Button, toast } from "@/components/ui";
import { addMonths, firstDateWithSlots, lastCalendarMonth, monthOf, opensLater, type IsoSlot, type MonthKey } from "@/lib/domain/booking-calendar";
import { unreachable } from "@/lib/domain/action-result";
import { localDateToDayNumber } from "@/lib/domain/slots/local-time";
import type { LocalDate } from "@/lib/domain/slots";
import { formatDate, formatTime, localDateKey, zoneLabel } from "@/lib/domain/time-format";
import { DayCalendar } from "@/components/booking/day-calendar";
import { TimesPanel } from "@/components/booking/times-panel";
import { useBrowserTimeZone } from "@/components/booking/use-browser-time-zone";
import { isStale, useMonthSlots } from "@/components/booking/use-month-slots";
import type { MoveCalendar } from "@/lib/domain/appointments/move-calendar";
import type { PatientActionResult } from "./actions";

/** "Tue, Dec 8, 11:00 AM": the zone is named above the times, and a phone's button stays on one or two lines. */
const shortWhen = (start: string, timeZone: string) => `${formatDate(Date.parse(start), timeZone)}, ${formatTime(Date.parse(start), timeZone)}`;

export type MoveVisitProps = {
  id: string;
  /** The visit's time now, in words ("Tue, Dec 2, 9:00 AM EST, New York time"). */
  when: string;
  calendar: MoveCalendar;
  clinicPhone: string;
  moveAction: (id: string, start: string) => Promise<PatientActionResult>;
};

/**
 * "Move to another time": the booking page's calendar and time list for the
 * same doctor (its free times; the visit's own shows as taken), then one
 * button that holds the chosen time. What happens next (at once, or after the
 * clinic approves) is said before the patient chooses.
 */
export function MoveVisit({ id, when, calendar, clinicPhone, moveAction }: MoveVisitProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="move-visit-heading" className="text-lg font-semibold tracking-tight text-slate-900">
            Need another time?
          </h2>
          <p className="mt-1 text-base text-slate-600">{calendar.words}</p>
        </div>
        <Button variant="secondary" className="w-full shrink-0 sm:w-auto" onClick={() => setOpen(true)}>
          Move to another time
        </Button>
      </div>
    );
  }
  return <MovePicker id={id} when={when} calendar={calendar} clinicPhone={clinicPhone} moveAction={moveAction} onClose={() => setOpen(false)} />;
}

function MovePicker({ id, when, calendar, clinicPhone, moveAction, onClose }: MoveVisitProps & { onClose: () => void }) {
  const { slug, doctorId, timeZone, today, window, initial } = calendar;
  const patientZone = useBrowserTimeZone();
  const { months, byDate, loadMonth } = useMonthSlots({ slug, doctorId, timeZone, window, initial });
  const [month, setMonth] = useState<MonthKey>(() => monthOf(firstDateWithSlots(byDate) ?? today));
  const [chosenDate, setChosenDate] = useState<LocalDate | null>(null);
  const [chosen, setChosen] = useState<IsoSlot | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const monthData = months[month];
  const ready = monthData?.status === "ready";
  const selectedDate = !ready ? null : chosenDate && chosenDate.startsWith(`${month}-`) && byDate.has(chosenDate) ? chosenDate : firstDateWithSlots(byDate, month);
  const daySlots = selectedDate ? (byDate.get(selectedDate) ?? []) : [];
  const selected = chosen && daySlots.some((slot) => slot.start === chosen.start) ? chosen : null;
  const lastBookableMonth = monthOf(window.to);

  function showMonth(target: MonthKey) {
    setMonth(target);
    setChosen(null);
    const data = months[target];
    if (!data || data.status === "error") void loadMonth(target);
    else if (data.status === "ready" && isStale(data)) void loadMonth(target, { keepShowing: true });
  }

  async function move() {
    if (!selected) return;
    setSending(true);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await moveAction(id, selected.start);
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (result.ok) {
      toast.success(result.message);
      onClose();
    } else if (result.code === "slot_unavailable") {
      const instant = Date.parse(selected.start);
      setChosen(null);
      setError(`${result.message} (${formatDate(instant, timeZone)} at ${formatTime(instant, timeZone)}). Here are the times still free.`);
      void loadMonth(monthOf(localDateKey(instant, timeZone)));
    } else if (result.stale) {
      toast.error(result.message);
      onClose();
    } else {
      setError(result.message);
    }
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-col gap-1">
        <h2 id="move-visit-heading" className="text-lg font-semibold tracking-tight text-slate-900">
          Choose a new time
        </h2>
        <p className="text-base text-slate-600">
          Your visit is now {when}. {calendar.words}
        </p>
        <p className="text-sm text-slate-600">Times in {zoneLabel(timeZone, Date.parse(daySlots[0]?.start ?? `${today}T12:00:00Z`))}.</p>
      </div>
      <div className="grid gap-5 md:grid-cols-[23rem_minmax(0,1fr)]">
        <div aria-busy={monthData?.status === "loading" || undefined}>
          <h3 id="move-calendar-heading" className="sr-only">
            Calendar: days with free times can be chosen
          </h3>
          <DayCalendar
            month={month}
            onMonthChange={showMonth}
            firstMonth={monthOf(window.from)}
            lastMonth={lastCalendarMonth(window)}
            today={today}
            selected={selectedDate}
            onSelect={(date) => {
              setChosenDate(date);
              setChosen(null);
            }}
            slotCount={(date) => byDate.get(date)?.length ?? 0}
            loading={!ready}
            labelledBy="move-calendar-heading"
            lastBookable={window.to}
            horizonDays={localDateToDayNumber(window.to) - localDateToDayNumber(window.from) + 1}
            weekStartsOn={calendar.weekStartsOn}
          />
        </div>
        <div>
          <TimesPanel
            status={monthData?.status ?? "loading"}
            date={selectedDate}
            slots={daySlots}
            month={month}
            nextMonth={month < lastBookableMonth ? addMonths(month, 1) : null}
            opensLater={opensLater(month, window)}
            onShowMonth={showMonth}
            onRetry={() => void loadMonth(month)}
            clinicPhone={clinicPhone}
            timeZone={timeZone}
            patientZone={patientZone}
            selected={selected?.start ?? null}
            onSelect={(slot) => {
              setChosen(slot);
              setError(null);
            }}
          />
        </div>
      </div>
      {error && (
        <Alert tone="warning" title="Your visit was not moved">
          {error}
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-end">
        <Button variant="secondary" className="w-full sm:w-auto" disabled={sending} onClick={onClose}>
          Keep my time
        </Button>
        <Button className="w-full sm:w-auto" loading={sending} disabled={!selected} onClick={move} data-testid="move-submit">
          {!selected
            ? "Choose a time first"
            : calendar.swapsNow
              ? `Move to ${shortWhen(selected.start, timeZone)}`
              : `Ask to move to ${shortWhen(selected.start, timeZone)}`}
        </Button>
      </div>
    </div>
  );
}
