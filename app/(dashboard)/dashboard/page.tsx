import type { Metadata } from "next";
import Link from "next/link";
import { BookingPageVerificationBanner } from "@/components/dashboard/booking-page-banner";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle, CopyButton } from "@/components/ui";
import type { Caller } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { bookingPageState } from "@/lib/server/clinics/booking-page-opening";
import { getClinicOverview } from "@/lib/server/clinics/clinic-settings";
import { usingEmulators } from "@/lib/server/env";

export const metadata: Metadata = { title: "Overview" };

type Step = { title: string; text: string; href: string; cta: string };

function nextSteps(caller: Caller): Step[] {
  switch (caller.role) {
    case "admin":
      return [
        { title: "Add your doctors", text: "Each doctor gets a profile patients choose from.", href: "/dashboard/doctors", cta: "Manage doctors" },
        { title: "Set their hours", text: "New doctors start with weekdays, 9:00 AM to 5:00 PM. Adjust them to match reality.", href: "/dashboard/availability", cta: "Set availability" },
        { title: "Invite your team", text: "Staff review requests; doctors manage their own hours.", href: "/dashboard/team", cta: "Invite people" },
        { title: "Check your clinic details", text: "Fee, contact details and time zone appear on your booking page.", href: "/dashboard/settings", cta: "Clinic settings" },
      ];
    case "staff":
      return [
        { title: "Review requests", text: "Approve, propose another time or decline. Each request's time is held only for a while, so the oldest come first.", href: "/dashboard/requests", cta: "Open requests" },
        { title: "See the schedule", text: "Each doctor's confirmed visits by day or week. Mark a visit completed or a no-show once it has started.", href: "/dashboard/schedule", cta: "Open the schedule" },
      ];
    case "doctor":
      return [
        ...(caller.doctorId
          ? [
              { title: "Set your hours", text: "Patients can only book times you've made available.", href: "/dashboard/availability", cta: "Set availability" },
              { title: "Check your profile", text: "Your name, specialty and bio as patients see them.", href: "/dashboard/doctors", cta: "Edit profile" },
              { title: "See your schedule", text: "Your confirmed visits by day or week, with the notes you write for each.", href: "/dashboard/schedule", cta: "Open the schedule" },
              { title: "See your requests", text: "Patients' requests for you, oldest first. You can decide them too.", href: "/dashboard/requests", cta: "Open requests" },
            ]
          : []),
      ];
  }
}

/** "Ann Admin" → "Ann"; "Dr. Amara Okafor" → "Dr. Okafor" (a title alone is no greeting). */
function greetingName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1 && /^(dr|prof|mr|mrs|ms|mx)\.?$/i.test(words[0]!)) return `${words[0]} ${words.at(-1)}`;
  return words[0] ?? "";
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const caller = await requireCaller();
  // For an admin of a clinic still waiting, reading the state is also the re-check (a verified email opens it).
  const [clinic, bookingPage, { welcome }] = await Promise.all([getClinicOverview(caller), bookingPageState(caller), searchParams]);
  const firstName = greetingName(caller.name);
  const steps = nextSteps(caller);
  return (
    <>
      <PageHeader title={firstName ? `Welcome, ${firstName}` : "Welcome"} description={`Here's where things stand at ${clinic.name}.`} />
      {welcome && caller.role === "admin" && (
        <Alert tone="success" title="Your clinic is ready" className="mb-6">
          {bookingPage.open
            ? "Your booking page is live. Add your doctors and their hours before you share the link."
            : "Add your doctors and their hours while your booking page waits for your email to be verified."}
        </Alert>
      )}
      {!bookingPage.open &&
        (bookingPage.admin ? (
          <BookingPageVerificationBanner email={bookingPage.email} mailboxHref={usingEmulators() ? "/dev/mailbox" : undefined} />
        ) : (
          <Alert role="note" tone="info" title="The booking page isn't open to patients yet" className="mb-6" data-testid="booking-page-waiting-note">
            It opens once an admin of the clinic verifies their email address.
          </Alert>
        ))}
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{caller.role === "admin" ? "Your booking link" : "The clinic's booking link"}</CardTitle>
            <CardDescription>
              {caller.role === "admin"
                ? "Share it on your website, in emails or on social media. Patients book through it."
                : "Patients book through this page. Share it with anyone who asks how to book."}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <a
              href={clinic.bookingUrl}
              target="_blank"
              rel="noreferrer"
              className="min-w-0 flex-1 truncate rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 font-medium text-primary-800 underline-offset-2 hover:underline"
              data-testid="booking-link"
            >
              {clinic.bookingUrl}
            </a>
            <CopyButton value={clinic.bookingUrl} label="Copy link" />
          </CardContent>
        </Card>
        {steps.length > 0 && (
          <section aria-labelledby="next-steps">
            <h2 id="next-steps" className="mb-3 text-lg font-semibold tracking-tight text-slate-900">
              What to do next
            </h2>
            <ol className="grid gap-4 sm:grid-cols-2">
              {steps.map((step, index) => (
                <li key={step.href} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
                  <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-50 text-sm font-semibold text-primary-800 tabular-nums">
                    {index + 1}
                  </span>
                  <div className="min-w-0">
                    <h3 className="font-semibold text-slate-900">{step.title}</h3>
                    <p className="mt-1 text-slate-600">{step.text}</p>
                    <Link href={step.href} className="mt-3 inline-flex min-h-11 items-center font-medium text-primary-700 underline decoration-primary-700/30 underline-offset-2 hover:decoration-primary-700">
                      {step.cta}
                      <span aria-hidden="true">&nbsp;→</span>
                    </Link>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </>
  );
}
