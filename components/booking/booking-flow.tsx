"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui";
import {
  addMonths,
  firstDateWithSlots,
  lastCalendarMonth,
  monthName,
  monthOf,
  opensLater,
  type DateRange,
  type IsoSlot,
  type MonthKey,
  zoneCityName,
} from "@/lib/domain/booking-calendar";
import { bookingChoiceQuery, parseBookingChoice, slotAtWallTime, slotWallTime } from "@/lib/domain/booking-choice";
import { localDateToDayNumber } from "@/lib/domain/slots/local-time";
import type { LocalDate } from "@/lib/domain/slots";
import { formatDate, formatPatientLocal, formatTime, localDateKey, zoneLabel } from "@/lib/domain/time-format";
import type { BookingActionResult } from "@/components/booking/actions";
import type { WeekStart } from "@/lib/domain/week-start";
import { DayCalendar } from "./day-calendar";
import { DetailsSection } from "./details-section";
import { GlobeIcon } from "@/components/ui/icons";
import { RequestConfirmation } from "./request-confirmation";
import { EMPTY_DETAILS, RequestForm, type BookingDetails, type BookingFormDraft } from "./request-form";
import { TimesPanel } from "./times-panel";
import { WaitlistOffer, type WaitlistOfferProps } from "./waitlist-offer";
import { weekIsFull } from "@/lib/domain/waitlist-offer";
import { useBrowserTimeZone } from "./use-browser-time-zone";
import { isStale, useMonthSlots } from "./use-month-slots";

export type BookingFlowProps = {
  slug: string;
  doctorId: string;
  doctorName: string;
  clinic: { name: string; phone: string };
  timeZone: string;
  feeCents: number;
  /** The fee as money, e.g. "$50.00". */
  feeLabel: string;
  /** Today in the clinic's zone. */
  today: LocalDate;
  /** Bookable dates: today through the doctor's horizon. */
  window: DateRange;
  /** The first day of the calendar's week, from the clinic's country (weekStartForZone). */
  weekStartsOn: WeekStart;
  /** What the server already loaded: the range and its free slots, or null when that failed. */
  initial: { range: DateRange; slots: IsoSlot[] | null; fetchedAt: number };
  requestAction: (slug: string, doctorId: string, input: BookingFormDraft) => Promise<BookingActionResult>;
  /** "Tell me if a time opens", offered when the week looked at (or the month shown) has no free time. */
  joinWaitlistAction: WaitlistOfferProps["joinAction"];
};

type Confirmation = { id: string; statusUrl: string; expiresAt: string; start: string; email: string };

/**
 * The doctor page's booking widget: calendar → times → details → confirmation.
 *
 * The first months come from the server render (no spinner on first paint);
 * other months are fetched from the public slots API when shown, with
 * skeletons meanwhile. Free times are grouped by the clinic's local date.
 * The chosen day and time live in the URL (?date=…&time=…, lib/domain/
 * booking-choice.ts), so reload, Back and Forward come back to them.
 */
export function BookingFlow(props: BookingFlowProps) {
  const { slug, doctorId, doctorName, clinic, timeZone, feeCents, feeLabel, today, window, initial, requestAction } = props;
  const patientZone = useBrowserTimeZone();

  const { months, byDate, loadMonth } = useMonthSlots({ slug, doctorId, timeZone, window, initial });

  const firstMonth = monthOf(window.from);
  // The calendar reaches the month where booking stops; "Show next month" only offers bookable ones.
  const lastMonth = lastCalendarMonth(window);
  const lastBookableMonth = monthOf(window.to);
  // Checked like any input (the server checks it too, to load that month first).
  const searchParams = useSearchParams();
  const [fromUrl] = useState(() => parseBookingChoice({ date: searchParams.get("date"), time: searchParams.get("time") }, window));
  const [month, setMonth] = useState<MonthKey>(() => monthOf(fromUrl?.date ?? firstDateWithSlots(byDate) ?? today));
  const [chosenDate, setChosenDate] = useState<LocalDate | null>(fromUrl?.date ?? null);
  const [chosenStart, setChosenStart] = useState<string | null>(null);
  // The URL's time ("10:20"), until the patient picks another: it selects that day's slot while the slot is free.
  const [wantedTime, setWantedTime] = useState<string | null>(fromUrl?.time ?? null);
  const [details, setDetails] = useState<BookingDetails>(EMPTY_DETAILS);
  const [takenNotice, setTakenNotice] = useState<{ message: string } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  const monthData = months[month];
  const ready = monthData?.status === "ready";
  // The day shown: the patient's choice when it is in this month and still has
  // times, otherwise the month's first day with times.
  const selectedDate =
    !ready
      ? null
      : chosenDate && chosenDate.startsWith(`${month}-`) && byDate.has(chosenDate)
        ? chosenDate
        : firstDateWithSlots(byDate, month);
  const daySlots = selectedDate ? (byDate.get(selectedDate) ?? []) : [];
  // The chosen time, only while it is still free.
  const selectedSlot =
    daySlots.find((slot) => slot.start === chosenStart) ??
    (selectedDate === chosenDate ? slotAtWallTime(daySlots, wantedTime, timeZone) : null);

  // A page restored by Back may show a month its first render did not load.
  useEffect(() => {
    if (!months[month]) void loadMonth(month);
    // Once, on mount: later months load through showMonth.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The URL follows the choice (replaced, not pushed: choosing is not navigating).
  const choiceQuery = bookingChoiceQuery(
    selectedDate && selectedSlot
      ? { date: selectedDate, time: slotWallTime(selectedSlot.start, timeZone) }
      : chosenDate && chosenDate === selectedDate
        ? { date: chosenDate, time: null }
        : null,
  );
  useEffect(() => {
    // Not while the chosen month loads (the choice is not lost, only not shown yet), nor once sent.
    if (!ready || confirmation || globalThis.location.search === choiceQuery) return;
    globalThis.history.replaceState(null, "", `${globalThis.location.pathname}${choiceQuery}`);
  }, [choiceQuery, ready, confirmation]);

  function showMonth(target: MonthKey) {
    setMonth(target);
    setChosenStart(null);
    setWantedTime(null);
    setTakenNotice(null);
    const data = months[target];
    if (!data || data.status === "error") void loadMonth(target);
    else if (data.status === "ready" && isStale(data)) void loadMonth(target, { keepShowing: true });
  }

  function chooseDate(date: LocalDate) {
    setChosenDate(date);
    if (date !== selectedDate) {
      setChosenStart(null);
      setWantedTime(null);
    }
  }

  const detailsRef = useRef<HTMLElement>(null);
  const detailsHeadingRef = useRef<HTMLHeadingElement>(null);
  const timesRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [scrollToDetails, setScrollToDetails] = useState<{ start: string } | null>(null);
  const [focusNotice, setFocusNotice] = useState<{ at: number } | null>(null);

  useEffect(() => {
    if (!scrollToDetails || !detailsRef.current) return;
    const rect = detailsRef.current.getBoundingClientRect();
    // Only scroll when the form starts below the fold (phones); on a desktop it is already in view.
    if (rect.top > globalThis.innerHeight - 120) {
      const smooth = !globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      detailsRef.current.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
    }
    // Focus follows: the next Tab reaches "Change time" and then the form, not
    // the rest of the (now scrolled-away) times. preventScroll keeps the smooth scroll.
    detailsHeadingRef.current?.focus({ preventScroll: true });
  }, [scrollToDetails]);

  useEffect(() => {
    if (!focusNotice) return;
    noticeRef.current?.focus();
    noticeRef.current?.scrollIntoView({ block: "center" });
  }, [focusNotice]);

  function chooseSlot(slot: IsoSlot) {
    setChosenStart(slot.start);
    setWantedTime(null);
    setTakenNotice(null);
    setScrollToDetails({ start: slot.start });
  }

  function changeTime() {
    const button = timesRef.current?.querySelector<HTMLButtonElement>(`[data-slot="${chosenStart}"]`);
    button?.focus();
    button?.scrollIntoView({ block: "center" });
  }

  async function submit(input: BookingFormDraft): Promise<BookingActionResult | null> {
    const result = await requestAction(slug, doctorId, input);
    if (result.ok) {
      if (result.data) setConfirmation({ ...result.data, start: input.start, email: details.email.trim().toLowerCase() });
      return null;
    }
    if (result.code === "slot_unavailable" || (result.code === "invalid_request" && result.fields.start)) {
      const start = input.start;
      const taken = Date.parse(start);
      setChosenStart(null);
      setWantedTime(null);
      setTakenNotice({
        message: `Someone booked ${formatDate(taken, timeZone)} at ${formatTime(taken, timeZone)} moments ago. Here are the times still free; your details are kept.`,
      });
      setFocusNotice({ at: Date.now() });
      void loadMonth(monthOf(localDateKey(taken, timeZone)));
      return null;
    }
    return result;
  }

  if (confirmation) {
    return (
      <RequestConfirmation doctorName={doctorName} start={confirmation.start} timeZone={timeZone} statusUrl={confirmation.statusUrl} email={confirmation.email} />
    );
  }

  // The zone is named once, at the times' date (EST vs EDT depends on it).
  const zoneInstant = Date.parse(daySlots[0]?.start ?? `${today}T12:00:00Z`);
  const zone = zoneLabel(timeZone, zoneInstant);
  const zoneDiffers = patientZone !== null && formatPatientLocal(zoneInstant, timeZone, patientZone) !== null;
  const nextMonth = month < lastBookableMonth ? addMonths(month, 1) : null;

  return (
    <div className="space-y-6">
      <section aria-labelledby="pick-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex flex-col gap-1 border-b border-slate-200 px-5 py-4 sm:px-6">
          <h2 id="pick-heading" className="text-lg font-semibold tracking-tight text-slate-900">
            Choose a day and time
          </h2>
          <p className="flex items-start gap-1.5 text-sm text-slate-600">
            <GlobeIcon className="mt-px size-4 shrink-0" />
            <span>
              Times in {zone}
              {zoneDiffers && patientZone && <>. Your time ({zoneCityName(patientZone)}) is shown under each one.</>}
            </span>
          </p>
        </div>

        <div className="grid md:grid-cols-[23rem_minmax(0,1fr)]">
          <div className="border-slate-200 p-3 sm:p-4 md:border-r" aria-busy={monthData?.status === "loading" || undefined}>
            <h3 id="calendar-heading" className="sr-only">
              Calendar: days with free times can be chosen
            </h3>
            <DayCalendar
              month={month}
              onMonthChange={showMonth}
              firstMonth={firstMonth}
              lastMonth={lastMonth}
              today={today}
              selected={selectedDate}
              onSelect={chooseDate}
              slotCount={(date) => byDate.get(date)?.length ?? 0}
              loading={!ready}
              labelledBy="calendar-heading"
              lastBookable={window.to}
              horizonDays={localDateToDayNumber(window.to) - localDateToDayNumber(window.from) + 1}
              weekStartsOn={props.weekStartsOn}
            />
            <div aria-hidden="true" className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-1 px-1 text-sm text-slate-600">
              <span className="flex items-center gap-2">
                <span className="size-4 rounded-full bg-primary-50 ring-1 ring-primary-700/30 ring-inset" />
                Free times
              </span>
              <span className="flex items-center gap-2">
                <span className="size-1.5 rounded-full bg-primary-700" />
                Today
              </span>
            </div>
          </div>

          <div ref={timesRef} className="border-t border-slate-200 p-5 sm:p-6 md:border-t-0">
            {takenNotice && (
              <div ref={noticeRef} tabIndex={-1} className="mb-5 rounded-xl focus-visible:outline-offset-4">
                <Alert tone="warning" title="That time was just taken">
                  {takenNotice.message}
                </Alert>
              </div>
            )}
            <TimesPanel
              status={monthData?.status ?? "loading"}
              date={selectedDate}
              slots={daySlots}
              month={month}
              nextMonth={nextMonth}
              opensLater={opensLater(month, window)}
              onShowMonth={showMonth}
              onRetry={() => void loadMonth(month)}
              clinicPhone={clinic.phone}
              timeZone={timeZone}
              patientZone={patientZone}
              selected={selectedSlot?.start ?? null}
              onSelect={chooseSlot}
            />
          </div>
        </div>
      </section>

      {ready && (daySlots.length === 0 || weekIsFull((date) => byDate.get(date)?.length ?? 0, chosenDate ?? today, today, props.weekStartsOn)) && (
        <WaitlistOffer
          slug={slug}
          doctorId={doctorId}
          doctorName={doctorName}
          lead={daySlots.length === 0 ? `No free times with ${doctorName} in ${monthName(month)}.` : `No free times with ${doctorName} ${chosenDate ? "that week" : "this week"}.`}
          joinAction={props.joinWaitlistAction}
        />
      )}

      {selectedSlot && (
        <DetailsSection
          sectionRef={detailsRef}
          headingRef={detailsHeadingRef}
          start={selectedSlot.start}
          timeZone={timeZone}
          patientZone={patientZone}
          doctorName={doctorName}
          onChangeTime={changeTime}
        >
          <RequestForm
            start={selectedSlot.start}
            clinicName={clinic.name}
            feeCents={feeCents}
            feeLabel={feeLabel}
            details={details}
            onDetailsChange={setDetails}
            onSubmit={submit}
          />
        </DetailsSection>
      )}
    </div>
  );
}
