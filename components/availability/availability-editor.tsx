"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import {
  Alert,
  Badge,
  Button,
  CheckCircleIcon,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  buttonClasses,
  cn,
  toast,
} from "@/components/ui";
import { clinicToday, copyDayToWeekdays, formFingerprint, formToScheduleInput, scheduleToForm, validateScheduleForm, type FormErrors, type ScheduleForm } from "@/lib/domain/availability-form";
import { describeErrorPath, displayMessage } from "@/lib/domain/availability-wording";
import type { Holiday } from "@/lib/domain/holidays";
import type { WeekStart } from "@/lib/domain/week-start";
import type { ActionResult } from "@/lib/domain/action-result";
import { BookingRules } from "./booking-rules";
import { DateOverrides } from "./date-overrides";
import { SlotPreview } from "./slot-preview";
import { useLeaveGuard } from "./use-leave-guard";
import { WeekGlance } from "./week-glance";
import { WeeklyHours } from "./weekly-hours";

export type SaveSchedule = (doctorId: string, input: unknown) => Promise<ActionResult>;

export type AvailabilityEditorProps = {
  doctorId: string;
  /** The clinic's IANA zone: every time on the page is wall-clock time there. */
  timeZone: string;
  /** "EST, New York time" */
  zone: string;
  /** The stored schedule, as read (possibly incomplete). */
  initialSchedule: unknown;
  /** The server's clock at render, so the first render matches on both sides. */
  serverNow: number;
  save: SaveSchedule;
  /** "Your week" for the doctor themself, "Dr. X's week" for an admin (see weekTitle). */
  weekTitle: string;
  /** The clinic country's public holidays, next 12 months (server-side: date-holidays never reaches the browser). */
  holidays: readonly Holiday[];
  holidayCountry: string | null;
  /** The clinic's first day of the week (weekStartForZone, computed on the server). */
  weekStartsOn: WeekStart;
};

type Summary = { message: string; items: { path: string; where: string; message: string }[] };

const noSubscription = () => () => {};

const NETWORK_FAILURE = "We couldn't reach the server. Check your connection and try again.";

/**
 * The availability editor: weekly hours, visit rules, days off and special
 * hours, with a week-at-a-glance and a live "next 7 days" preview. Every
 * change is checked with the slot engine's schema as you type (the server
 * checks again with the same schema); Save sends the whole schedule.
 */
export function AvailabilityEditor({
  doctorId,
  timeZone,
  zone,
  initialSchedule,
  serverNow,
  save,
  weekTitle,
  holidays,
  holidayCountry,
  weekStartsOn,
}: AvailabilityEditorProps) {
  const idBase = useId();
  const [saved, setSaved] = useState<ScheduleForm>(() => scheduleToForm(initialSchedule));
  const [form, setForm] = useState<ScheduleForm>(saved);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [pending, startTransition] = useTransition();
  const [now, setNow] = useState(serverNow);
  const summaryRef = useRef<HTMLDivElement>(null);
  // False in the server HTML and during hydration, true once React handles input.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  // Keep "today" and the preview current while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const today = clinicToday(timeZone, now);
  const validation = useMemo(() => validateScheduleForm(form, timeZone, new Date(now)), [form, timeZone, now]);
  const errors: FormErrors = useMemo(() => ({ ...serverErrors, ...validation.errors }), [serverErrors, validation]);
  const dirty = useMemo(() => formFingerprint(form) !== formFingerprint(saved), [form, saved]);

  // Leaving with unsaved changes asks first: reload, closing the tab, and in-app links.
  const formRef = useRef<HTMLFormElement>(null);
  useLeaveGuard(dirty, formRef);

  function edit(next: (current: ScheduleForm) => ScheduleForm) {
    setForm(next);
    setServerErrors({});
    setSummary(null);
  }

  function showSummary(message: string, fieldErrors: FormErrors) {
    const items = Object.entries(fieldErrors).map(([path, text]) => ({ path, where: describeErrorPath(path, today), message: displayMessage(text) }));
    setSummary({ message, items });
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!validation.ok) {
      const count = Object.keys(validation.errors).length;
      showSummary(count === 1 ? "One thing needs fixing before you can save:" : `${count} things need fixing before you can save:`, validation.errors);
      return;
    }
    const submitted = form;
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await save(doctorId, formToScheduleInput(submitted));
      } catch {
        result = { ok: false, message: NETWORK_FAILURE, fields: {} };
      }
      if (result.ok) {
        setSaved(submitted);
        setServerErrors({});
        setSummary(null);
        toast.success(result.message);
        return;
      }
      setServerErrors(result.fields);
      showSummary(result.message, result.fields);
      toast.error(result.message);
    });
  }

  function copyMonday() {
    edit((current) => copyDayToWeekdays(current, "mon"));
    toast.info("Copied Monday's hours to Tuesday–Friday.");
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate data-ready={hydrated || undefined} className="space-y-6">
      {summary && (
        <div ref={summaryRef} tabIndex={-1} className="outline-none">
          <Alert tone="error" title={summary.message}>
            {summary.items.length > 0 && (
              <ul className="list-disc space-y-0.5 pl-5">
                {summary.items.map((item) => (
                  <li key={item.path}>
                    {item.where && <span className="font-medium">{item.where}: </span>}
                    {item.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem] xl:grid-rows-[auto_1fr]">
        <div className="xl:col-start-2 xl:row-start-1">
          <WeekGlance form={form} errors={errors} title={weekTitle} />
        </div>
        <div className="min-w-0 space-y-6 xl:col-start-1 xl:row-span-2 xl:row-start-1">
          <WeeklyHours
            weeklyHours={form.weeklyHours}
            errors={errors}
            onDayChange={(day, intervals) => edit((current) => ({ ...current, weeklyHours: { ...current.weeklyHours, [day]: intervals } }))}
            onCopyMonday={copyMonday}
            zone={zone}
            idBase={`${idBase}-week`}
          />
          <BookingRules form={form} errors={errors} onChange={(name, value) => edit((current) => ({ ...current, [name]: value }))} />
          <DateOverrides
            overrides={form.overrides}
            weeklyHours={form.weeklyHours}
            today={today}
            errors={errors}
            onChange={(overrides) => edit((current) => ({ ...current, overrides }))}
            weekStartsOn={weekStartsOn}
            holidays={holidays}
            holidayCountry={holidayCountry}
          />
        </div>
        <div className="xl:col-start-2 xl:row-start-2">
          <div className="xl:sticky xl:top-6">
            <SlotPreview schedule={validation.ok ? validation.schedule : null} now={now} today={today} overrides={form.overrides} />
          </div>
        </div>
      </div>

      {/* The save bar follows the screen only while there is something to save. */}
      <div
        className={cn(
          "z-20 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur-sm sm:-mx-6 sm:px-6 lg:mx-0 lg:rounded-xl lg:border",
          (dirty || pending) && "sticky bottom-0 lg:shadow-md",
        )}
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <div className="min-w-0 flex-1 basis-56">
            <p role="status" className="text-sm font-medium text-slate-900">
              {dirty ? (
                <Badge tone="amber">Unsaved changes</Badge>
              ) : (
                <span className="inline-flex items-center gap-1.5 text-slate-700">
                  <CheckCircleIcon className="size-4 text-green-700" />
                  All changes saved
                </span>
              )}
            </p>
            <p className="mt-0.5 text-sm text-slate-600">Existing requests and visits keep their times.</p>
          </div>
          <div className="flex gap-2">
            <Dialog>
              <DialogTrigger className={buttonClasses({ variant: "ghost" })} disabled={!dirty || pending}>
                Discard
              </DialogTrigger>
              <DialogContent>
                <DialogHeader>
                  <DialogTitle>Discard your changes?</DialogTitle>
                  <DialogDescription>The hours go back to what was last saved.</DialogDescription>
                </DialogHeader>
                <DialogFooter>
                  <DialogClose className={buttonClasses({ variant: "secondary" })}>Keep editing</DialogClose>
                  <DialogClose
                    className={buttonClasses({ variant: "danger" })}
                    onClick={() => {
                      setForm(saved);
                      setServerErrors({});
                      setSummary(null);
                    }}
                  >
                    Discard changes
                  </DialogClose>
                </DialogFooter>
              </DialogContent>
            </Dialog>
            <Button type="submit" loading={pending}>
              Save changes
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}
