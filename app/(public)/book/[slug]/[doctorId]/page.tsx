import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BookingFlowSkeleton } from "@/components/booking/booking-flow-skeleton";
import type { BookableDoctor } from "@/lib/server/booking/bookable-doctor";
import { InitialsAvatar } from "@/components/booking/avatar";
import { BookingFlow } from "@/components/booking/booking-flow";
import { feeAmount, feeSentence } from "@/components/booking/fee";
import { ArrowLeftIcon, MapPinIcon } from "@/components/ui/icons";
import { telHref } from "@/components/booking/contact-list";
import { ClosureNotice } from "@/components/booking/closure-notice";
import { PublicShell } from "@/components/booking/public-shell";
import { CalendarIcon, EmptyState } from "@/components/ui";
import { bookableWindow, hasHoursInWindow, type IsoSlot } from "@/lib/domain/booking-calendar";
import { firstFetchRange, parseBookingChoice } from "@/lib/domain/booking-choice";
import { dayNumberToLocalDate, localDayNumberAt, type LocalDate } from "@/lib/domain/slots";
import { weekStartForZone } from "@/lib/domain/week-start";
import { freeSlotsOf } from "@/lib/server/booking/free-slot-reader";
import { doctorPage, notFoundMetadata } from "../data";
import { requestBooking } from "@/components/booking/actions";
import { joinWaitlistAction } from "@/components/booking/waitlist-actions";
import { appNow } from "@/lib/server/clock";
import { HydrationMark } from "@/components/ui/hydration-mark";

// Free times change with every booking: always render fresh.
export const dynamic = "force-dynamic";

// layout.tsx has resolved the address (and redirected when not canonical).
type Props = {
  params: Promise<{ slug: string; doctorId: string }>;
  /** The chosen day and time (?date=…&time=…), kept across reloads; checked here, never trusted. */
  searchParams: Promise<{ date?: string | string[]; time?: string | string[] }>;
};

async function load(params: Props["params"]) {
  const { slug, doctorId: segment } = await params;
  const page = await doctorPage(slug, segment);
  return { bookable: page?.bookable ?? null, closures: page?.closures ?? [] };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { bookable } = await load(params);
  if (!bookable) return notFoundMetadata((await params).slug, "Doctor not found");
  const { doctor, clinic } = bookable;
  return {
    title: `Book with ${doctor.name} · ${clinic.name}`,
    description: `See ${doctor.name}'s free times${doctor.specialty ? ` (${doctor.specialty})` : ""} at ${clinic.name} and request an appointment online.`,
  };
}

export default async function DoctorPage({ params, searchParams }: Props) {
  const { bookable, closures } = await load(params);
  if (!bookable) notFound();
  const { clinic, doctor, schedule } = bookable;

  const now = appNow();
  const today = dayNumberToLocalDate(localDayNumberAt(clinic.timezone, now.getTime()));

  return (
    <PublicShell clinic={clinic}>
      <HydrationMark />
      <Link
        href={`/book/${clinic.slug}`}
        className="-ml-2 inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-base font-medium text-slate-700 hover:bg-white hover:text-slate-900"
      >
        <ArrowLeftIcon className="size-4" />
        All doctors
      </Link>

      <header className="mt-4 mb-8">
        <div className="flex items-center gap-4 sm:gap-5">
          <InitialsAvatar name={doctor.name} size="lg" />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">{doctor.name}</h1>
            {doctor.specialty && <p className="mt-0.5 text-lg text-slate-600">{doctor.specialty}</p>}
          </div>
        </div>
        {doctor.bio && <p className="mt-4 max-w-prose text-base text-pretty text-slate-600">{doctor.bio}</p>}
        <ul className="mt-4 flex flex-wrap gap-2 text-sm">
          <li
            className={
              clinic.feeCents > 0
                ? "rounded-lg bg-primary-50 px-3 py-1.5 font-medium text-primary-800 ring-1 ring-primary-700/15 ring-inset"
                : "rounded-lg bg-green-50 px-3 py-1.5 font-semibold text-green-800 ring-1 ring-green-600/20 ring-inset"
            }
          >
            {feeSentence(clinic.feeCents, clinic.currency)}
          </li>
          {clinic.address && (
            <li className="flex items-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-slate-700 ring-1 ring-slate-200 ring-inset">
              <MapPinIcon className="size-4 shrink-0 text-slate-500" />
              {clinic.address}
            </li>
          )}
        </ul>
      </header>

      <ClosureNotice closures={closures} className="mb-6" />

      {!hasHoursInWindow(schedule, today) ? (
        // A direct link to a doctor with no hours: say so instead of an empty calendar (the clinic page does too).
        <EmptyState
          icon={<CalendarIcon className="size-6" />}
          title="Not taking online bookings"
          description={
            <>
              {doctor.name} has no times to book online right now.{" "}
              {clinic.phone ? (
                <>
                  Please call the clinic at{" "}
                  <a className="font-medium text-primary-800 underline underline-offset-4" href={telHref(clinic.phone)}>
                    {clinic.phone}
                  </a>
                  .
                </>
              ) : (
                "Please contact the clinic."
              )}
            </>
          }
        />
      ) : (
        // The header above is in the first bytes sent (it is the page's largest text, its LCP);
        // the booking widget follows once the free times are read.
        <Suspense fallback={<BookingFlowSkeleton />}>
          <DoctorBooking bookable={bookable} today={today} now={now} searchParams={searchParams} />
        </Suspense>
      )}
    </PublicShell>
  );
}

/**
 * The booking widget with its first view rendered here, slots included, so
 * the calendar is usable on first paint; later months are fetched by the
 * browser.
 */
async function DoctorBooking({ bookable, today, now, searchParams }: { bookable: BookableDoctor; today: LocalDate; now: Date; searchParams: Props["searchParams"] }) {
  const { clinic, doctor, schedule } = bookable;
  const window = bookableWindow(today, schedule.horizonDays);
  // A chosen date beyond the first two months: that month is the first one shown, so load it here.
  const range = firstFetchRange(window, parseBookingChoice(await searchParams, window));
  let slots: IsoSlot[] | null = null;
  try {
    slots = (await freeSlotsOf(bookable, range.from, range.to, now)).slots;
  } catch (error) {
    // The page still renders; the calendar offers to try again.
    console.error(`Could not load free slots for ${clinic.slug}/${doctor.id}`, error);
  }
  return (
    <>
      <HydrationMark />
      <BookingFlow
        slug={clinic.slug}
        doctorId={doctor.id}
        doctorName={doctor.name}
        clinic={{ name: clinic.name, phone: clinic.phone }}
        timeZone={clinic.timezone}
        feeCents={clinic.feeCents}
        feeLabel={feeAmount(clinic.feeCents, clinic.currency)}
        today={today}
        window={window}
        weekStartsOn={weekStartForZone(clinic.timezone)}
        initial={{ range, slots, fetchedAt: now.getTime() }}
        requestAction={requestBooking}
        joinWaitlistAction={joinWaitlistAction}
      />
    </>
  );
}
