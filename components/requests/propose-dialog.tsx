"use client";

import { useId, useMemo, useState, useTransition } from "react";
import { proposalTimesAction, proposeTimeAction } from "@/components/requests/actions";
import { DayCalendar } from "@/components/booking/day-calendar";
import { SlotPicker } from "@/components/booking/slot-picker";
import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Field,
  Skeleton,
  Textarea,
} from "@/components/ui";
import {
  firstDateWithSlots,
  groupSlotsByDate,
  monthFetchRange,
  monthOf,
  monthsInRange,
  type DateRange,
  type IsoSlot,
  type MonthKey,
} from "@/lib/domain/booking-calendar";
import { MAX_REVIEW_TEXT } from "@/lib/domain/request-queue";
import { localDateToDayNumber, type LocalDate } from "@/lib/domain/slots";
import { weekStartForZone } from "@/lib/domain/week-start";
import { formatSlotInZone, localDateKey } from "@/lib/domain/time-format";
import type { ReviewTarget } from "./review-panel";

type Times = { window: DateRange; slots: IsoSlot[]; loaded: Set<MonthKey> };

/**
 * Propose a new time: the doctor's free times from the same slot engine the
 * booking page uses (this request's own time counts as free, so a shift
 * within it is possible), on the booking calendar, plus an optional message.
 */
export function ProposeDialog({ target, onResult }: { target: ReviewTarget; onResult: (r: { ok: boolean; message: string }) => void }) {
  const [open, setOpen] = useState(false);
  const [times, setTimes] = useState<Times | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [month, setMonth] = useState<MonthKey | null>(null);
  const [date, setDate] = useState<LocalDate | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [sending, startSending] = useTransition();
  const headingId = useId();
  const zone = target.timezone;
  // While a proposal awaits the patient this replaces it (the original time stays the one a withdrawal restores).
  const replacing = target.status === "rescheduled";

  const byDate = useMemo(() => groupSlotsByDate(times?.slots ?? [], zone), [times, zone]);

  function load(range?: DateRange, forMonth?: MonthKey) {
    setLoadError(null);
    startLoading(async () => {
      let result: Awaited<ReturnType<typeof proposalTimesAction>>;
      try {
        result = await proposalTimesAction({ id: target.id, ...(range ?? {}) });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again.", fields: {} };
      }
      if (!result.ok || !result.data) {
        setLoadError(result.message);
        return;
      }
      const data = result.data;
      setTimes((current) => {
        const loaded = new Set([...(current?.loaded ?? []), ...monthsInRange(data.range)]);
        // A fetched range replaces whatever was known about its dates.
        const keep = (current?.slots ?? []).filter((slot) => {
          const day = localDateKey(Date.parse(slot.start), zone);
          return day < data.range.from || day > data.range.to;
        });
        return { window: data.window, slots: [...keep, ...data.slots], loaded };
      });
      if (!forMonth) {
        // Open on the request's own day when it has other free times, else the first day that does.
        const grouped = groupSlotsByDate(data.slots, zone);
        const first = grouped.has(data.ownDate) ? data.ownDate : firstDateWithSlots(grouped);
        setMonth(monthOf(first ?? data.range.from));
        setDate(first);
      }
    });
  }

  function showMonth(next: MonthKey) {
    setMonth(next);
    setDate(null);
    setChosen(null);
    if (times && !times.loaded.has(next)) {
      const range = monthFetchRange(next, times.window);
      if (range) load(range, next);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setError("Choose a new time first.");
      return;
    }
    setError(null);
    startSending(async () => {
      let result: { ok: boolean; message: string; fields?: Record<string, string> };
      try {
        result = await proposeTimeAction({ id: target.id, version: target.version, start: chosen, message });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
      }
      if (!result.ok && result.message.startsWith("That time was just taken")) {
        // Someone took it while staff chose: show fresh times, keep the message.
        setError(result.message);
        setChosen(null);
        setTimes(null);
        load();
        return;
      }
      if (!result.ok && result.fields && Object.keys(result.fields).length > 0) {
        setError(result.fields.message ?? result.fields.start ?? result.message);
        return;
      }
      setOpen(false);
      setMessage("");
      setChosen(null);
      onResult(result);
    });
  }

  const daySlots = date ? (byDate.get(date) ?? []) : [];
  const today = times?.window.from ?? null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (sending) return;
        setOpen(next);
        // Free times change all the time: fetch them fresh on every open.
        if (next) {
          setTimes(null);
          setChosen(null);
          load();
        }
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">{replacing ? "Propose a different time" : "Propose a new time"}</Button>
      </DialogTrigger>
      {/* md:max-w-3xl overrides the primitive's max-w-lg from md up (a media-query utility comes later in the CSS). */}
      <DialogContent className="md:max-w-3xl">
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{replacing ? "Propose a different time" : "Propose a new time"}</DialogTitle>
            <DialogDescription>
              {target.doctorName}&apos;s free times, in the clinic&apos;s time zone. The patient is emailed the new time
              and can accept or decline it; it is held for them while they decide.
              {replacing && " It replaces the time proposed now, which is released; the patient can no longer accept that one."}
            </DialogDescription>
            <p className="text-base text-slate-900">
              {replacing ? "Proposed now" : target.timeHeld ? "Now" : "Asked for"}: <span className="font-medium tabular-nums">{formatSlotInZone(target.start, zone)}</span>
            </p>
          </DialogHeader>

          <div className="mt-5 grid gap-6 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
            <div>
              <h3 id={headingId} className="sr-only">
                Choose a day
              </h3>
              {times && month && today ? (
                <DayCalendar
                  month={month}
                  onMonthChange={showMonth}
                  firstMonth={monthOf(times.window.from)}
                  lastMonth={monthOf(times.window.to)}
                  today={today}
                  selected={date}
                  onSelect={(next) => {
                    setDate(next);
                    setChosen(null);
                  }}
                  slotCount={(d) => byDate.get(d)?.length ?? 0}
                  loading={loading}
                  labelledBy={headingId}
                  lastBookable={times.window.to}
                  horizonDays={localDateToDayNumber(times.window.to) - localDateToDayNumber(times.window.from) + 1}
                  weekStartsOn={weekStartForZone(zone)}
                />
              ) : loadError ? (
                <Alert tone="error">{loadError}</Alert>
              ) : (
                <div aria-busy="true">
                  <span className="sr-only">Loading free times…</span>
                  <Skeleton className="h-72 w-full rounded-xl" />
                </div>
              )}
            </div>
            <div>
              {date && daySlots.length > 0 ? (
                <SlotPicker slots={daySlots} timeZone={zone} patientZone={null} selected={chosen} onSelect={(slot) => setChosen(slot.start)} />
              ) : (
                times && !loading && <p className="text-slate-600">{date ? "No free times that day." : "Choose a day with free times."}</p>
              )}
            </div>
          </div>

          {chosen && (
            <p className="mt-4 font-medium text-slate-900" role="status">
              New time: {formatSlotInZone(Date.parse(chosen), zone)}
            </p>
          )}

          <Field className="mt-5" label="Message to the patient" optional hint="Why the change, or anything they should know.">
            {(props) => (
              <Textarea {...props} name="message" maxLength={MAX_REVIEW_TEXT} showCount rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
            )}
          </Field>

          {error && (
            <Alert tone="error" className="mt-4">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={sending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={sending} disabled={!chosen && !sending}>
              {sending ? "Proposing…" : "Propose this time"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
