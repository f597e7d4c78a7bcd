import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InitialsAvatar } from "@/components/booking/avatar";
import { ContactList, telHref } from "@/components/booking/contact-list";
import { feeAmount } from "@/components/booking/fee";
import { ArrowRightIcon, CardIcon, ClockIcon } from "@/components/ui/icons";
import { ClosureNotice } from "@/components/booking/closure-notice";
import { PublicShell } from "@/components/booking/public-shell";
import { CalendarIcon, EmptyState } from "@/components/ui";
import type { PublicDoctor } from "@/lib/server/clinics/public-clinic";
import { clinicBySlug, notFoundMetadata } from "./data";

// Rendered per request; the clinic and its doctors come from the profile cache, which every edit forgets.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).slug.toLowerCase();
  const clinic = await clinicBySlug(slug);
  if (!clinic) return notFoundMetadata(slug, "Clinic not found");
  const doctors = clinic.doctors.length;
  return {
    title: `Book an appointment at ${clinic.name}`,
    description:
      clinic.description ||
      `Request an appointment with ${doctors === 1 ? "our doctor" : `one of our ${doctors} doctors`} at ${clinic.name}.`,
  };
}

export default async function ClinicPage({ params }: Props) {
  const asked = (await params).slug;
  // Slugs are lowercase; /book/DEMO finds "demo" and moves to its canonical address.
  const clinic = await clinicBySlug(asked.toLowerCase());
  if (!clinic) notFound();
  if (clinic.slug !== asked) redirect(`/book/${clinic.slug}`);

  const paid = clinic.feeCents > 0;
  const fee = feeAmount(clinic.feeCents, clinic.currency);
  const steps = [
    { icon: CalendarIcon, title: "Pick a time", text: "Choose a doctor, a day and a free time." },
    { icon: ClockIcon, title: "The clinic reviews it", text: "We hold the time while the clinic reviews your request, within 24 hours." },
    paid
      ? { icon: CardIcon, title: `Pay ${fee} to confirm`, text: "Once approved, you pay online and your visit is confirmed." }
      : { icon: CardIcon, title: "No fee", text: "Your visit is confirmed as soon as the clinic approves it." },
  ];

  return (
    <PublicShell clinic={clinic}>
      <div className="space-y-10">
        <section aria-labelledby="clinic-name" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8">
          <p className="text-sm font-medium text-primary-800">Book an appointment</p>
          <h1 id="clinic-name" className="mt-1 text-3xl font-semibold tracking-tight text-balance text-slate-900 sm:text-4xl">
            {clinic.name}
          </h1>
          {clinic.description && <p className="mt-3 max-w-prose text-lg text-pretty text-slate-600">{clinic.description}</p>}
          <div className="mt-6 grid gap-6 border-t border-slate-200 pt-6 sm:grid-cols-[1fr_auto] sm:items-start">
            <ContactList contact={clinic} />
            <p
              className={
                paid
                  ? "rounded-lg bg-primary-50 px-3 py-2 text-sm text-primary-800 ring-1 ring-primary-700/15 ring-inset sm:max-w-56"
                  : "w-fit rounded-full bg-green-50 px-3 py-1 text-sm font-semibold text-green-800 ring-1 ring-green-600/20 ring-inset"
              }
            >
              {paid ? (
                <>
                  <span className="block text-lg font-semibold tabular-nums">{fee} per visit</span>
                  <span className="sr-only">, </span>paid online after the clinic approves
                </>
              ) : (
                "Free"
              )}
            </p>
          </div>
        </section>

        <ClosureNotice closures={clinic.closures} />

        <section aria-labelledby="doctors-heading">
          <h2 id="doctors-heading" className="text-xl font-semibold tracking-tight text-slate-900">
            Choose a doctor
          </h2>
          {clinic.doctors.length === 0 ? (
            <EmptyState
              className="mt-4"
              headingLevel={3}
              icon={<CalendarIcon className="size-6" />}
              title="No doctors are taking online bookings right now"
              description={
                clinic.phone ? (
                  <>
                    Please call the clinic at{" "}
                    <a className="font-medium text-primary-800 underline underline-offset-4" href={telHref(clinic.phone)}>
                      {clinic.phone}
                    </a>{" "}
                    to make an appointment.
                  </>
                ) : (
                  "Please contact the clinic to make an appointment, or check back later."
                )
              }
            />
          ) : (
            <ul className="mt-4 grid gap-4 sm:grid-cols-2">
              {clinic.doctors.map((doctor) =>
                doctor.takingBookings ? (
                  <li
                    key={doctor.id}
                    className="group relative flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-xs transition-colors focus-within:border-primary-600 focus-within:ring-2 focus-within:ring-primary-600 hover:border-primary-600 hover:shadow-sm motion-reduce:transition-none"
                  >
                    <DoctorCardBody doctor={doctor}>
                      {/* The whole card is the link's hit area (the ::after covers it); its name stays the doctor's name. */}
                      <Link
                        href={`/book/${clinic.slug}/${doctor.slug}`}
                        className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
                      >
                        {doctor.name}
                      </Link>
                    </DoctorCardBody>
                    <p aria-hidden="true" className="mt-auto flex items-center gap-1.5 pt-4 font-medium text-primary-800">
                      See available times
                      <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5 motion-reduce:transition-none" />
                    </p>
                  </li>
                ) : (
                  // No hours to offer: no link to an empty calendar, and the card says why.
                  <li key={doctor.id} className="flex flex-col rounded-xl border border-slate-200 bg-slate-50 p-5" data-testid="doctor-not-booking">
                    <DoctorCardBody doctor={doctor}>{doctor.name}</DoctorCardBody>
                    <p className="mt-auto pt-4 text-base text-slate-700">
                      <span className="font-medium">Not taking online bookings</span>
                      {clinic.phone && (
                        <>
                          {" "}
                          · call{" "}
                          <a className="font-medium text-primary-800 underline underline-offset-4" href={telHref(clinic.phone)}>
                            {clinic.phone}
                          </a>
                        </>
                      )}
                    </p>
                  </li>
                ),
              )}
            </ul>
          )}
        </section>

        <section aria-labelledby="how-heading">
          <h2 id="how-heading" className="text-xl font-semibold tracking-tight text-slate-900">
            How booking works
          </h2>
          <ol className="mt-4 grid gap-4 sm:grid-cols-3">
            {steps.map((step, index) => (
              <li key={step.title} className="rounded-xl border border-slate-200 bg-white p-5">
                <span className="flex items-center gap-3">
                  <span className="flex size-8 items-center justify-center rounded-full bg-primary-50 text-sm font-semibold text-primary-800 tabular-nums">
                    {index + 1}
                  </span>
                  <step.icon className="size-5 text-slate-500" />
                </span>
                <span className="mt-3 block font-semibold text-slate-900">{step.title}</span>
                <span className="mt-1 block text-base text-slate-600">{step.text}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </PublicShell>
  );
}

/** Avatar, name (a link or plain text, given as children), specialty and bio. */
function DoctorCardBody({ doctor, children }: { doctor: PublicDoctor; children: React.ReactNode }) {
  return (
    <>
      <div className="flex items-center gap-4">
        <InitialsAvatar name={doctor.name} />
        <div className="min-w-0">
          <h3 className="text-lg font-semibold text-slate-900">{children}</h3>
          {doctor.specialty && <p className="text-base text-slate-600">{doctor.specialty}</p>}
        </div>
      </div>
      {doctor.bio && <p className="mt-3 text-base text-pretty text-slate-600">{doctor.bio}</p>}
    </>
  );
}
