import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import {
  APPOINTMENT_STATUSES,
  statusLabel,
  statusTone,
} from "@/lib/domain/appointments/status";
import {
  Alert,
  Badge,
  Button,
  buttonClasses,
  CalendarIcon,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Checkbox,
  CopyButton,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  EmptyState,
  Field,
  InboxIcon,
  Input,
  Select,
  Skeleton,
  SkeletonText,
  Spinner,
  Textarea,
  Toaster,
  type BadgeTone,
  type ButtonSize,
  type ButtonVariant,
} from "@/components/ui";
import { LoadingButtonDemo, ToastDemo } from "./demo-client";

export const metadata: Metadata = { title: "UI primitives", robots: { index: false, follow: false } };

const VARIANTS: ButtonVariant[] = ["primary", "secondary", "ghost", "danger"];
const SIZES: ButtonSize[] = ["sm", "md", "lg"];
const TONES: BadgeTone[] = ["amber", "blue", "violet", "green", "gray", "red", "teal"];
const BOOKING_LINK = "https://clinic.example/book/harbour-family-practice";

export default async function UiDemoPage() {
  // Read the environment per request, not at build time.
  await connection();
  if (process.env.NODE_ENV === "production" && !process.env.FIRESTORE_EMULATOR_HOST) notFound();

  return (
    <main className="mx-auto max-w-5xl space-y-12 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-2">
        <p className="text-sm font-medium text-primary-700">Development only</p>
        <h1 className="text-3xl font-semibold tracking-tight">UI primitives</h1>
        <p className="max-w-2xl text-slate-600">
          Every component in <code className="text-sm">components/ui</code> in its states, for visual and
          accessibility checks.
        </p>
      </header>

      <Section title="Buttons">
        <div className="space-y-4">
          {SIZES.map((size) => (
            <div key={size} className="flex flex-wrap items-center gap-3">
              <span className="w-8 text-sm text-slate-600">{size}</span>
              {VARIANTS.map((variant) => (
                <Button key={variant} variant={variant} size={size}>
                  {variant[0]?.toUpperCase() + variant.slice(1)}
                </Button>
              ))}
            </div>
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <span className="w-8 text-sm text-slate-600">state</span>
            <Button loading>Approving…</Button>
            <Button variant="secondary" loading>
              Loading
            </Button>
            <Button variant="danger" loading>
              Declining…
            </Button>
            <Button disabled>Disabled</Button>
            <Button variant="secondary" disabled>
              Disabled
            </Button>
            <LoadingButtonDemo />
            <a href="#forms" className={buttonClasses({ variant: "secondary" })}>
              Link styled as button
            </a>
          </div>
        </div>
      </Section>

      <Section title="Forms" id="forms">
        <Card>
          <CardContent className="pt-5 sm:pt-6">
            <form className="grid gap-6 sm:grid-cols-2" action="#">
              <Alert tone="error" title="There are 2 problems with your request" className="sm:col-span-2">
                <ul className="list-disc pl-5">
                  <li>
                    <a className="underline" href="#demo-email">
                      Enter an email address like name@example.com
                    </a>
                  </li>
                  <li>
                    <a className="underline" href="#demo-consent">
                      Confirm you agree to the clinic’s terms
                    </a>
                  </li>
                </ul>
              </Alert>
              <Field label="Full name" hint="As it appears on your health card.">
                {(props) => <Input name="name" autoComplete="name" defaultValue="Maria Okafor" {...props} />}
              </Field>
              <Field label="Email" id="demo-email" error="Enter an email address like name@example.com">
                {(props) => <Input type="email" name="email" autoComplete="email" defaultValue="maria@" {...props} />}
              </Field>
              <Field label="Phone" optional hint="Only used if the clinic needs to reach you today.">
                {(props) => <Input type="tel" name="phone" autoComplete="tel" placeholder="+1 555 010 0199" {...props} />}
              </Field>
              <Field label="Clinic (locked)">
                {(props) => <Input name="clinic" defaultValue="Harbour Family Practice" disabled {...props} />}
              </Field>
              <Field label="Reason for visit" hint="Visible only to the clinic staff.">
                {(props) => (
                  <Select name="reason" defaultValue="checkup" {...props}>
                    <option value="checkup">Check-up</option>
                    <option value="followup">Follow-up</option>
                    <option value="vaccination">Vaccination</option>
                    <option value="other">Something else</option>
                  </Select>
                )}
              </Field>
              <Field label="Preferred time" error="Choose a time">
                {(props) => (
                  <Select name="time" defaultValue="" className="tabular-nums" {...props}>
                    <option value="" disabled>
                      Choose a time
                    </option>
                    <option>09:00</option>
                    <option>09:30</option>
                    <option>10:00</option>
                  </Select>
                )}
              </Field>
              <Field label="Message for the clinic" optional hint="Symptoms, access needs, anything useful.">
                {(props) => <Textarea name="message" maxLength={500} showCount {...props} />}
              </Field>
              <Field label="Notes (near the limit)">
                {(props) => (
                  <Textarea
                    name="notes"
                    maxLength={120}
                    showCount
                    defaultValue="Patient prefers morning appointments and needs step-free access to the building, please."
                    {...props}
                  />
                )}
              </Field>
              <div className="sm:col-span-2">
                <Checkbox
                  name="reminders"
                  defaultChecked
                  label="Send me a reminder the day before"
                  description="By email, around 18:00 clinic time."
                />
                <Checkbox id="demo-consent" name="consent" label="I agree to the clinic’s terms" />
                <Checkbox name="sms" disabled label="Text message reminders (not offered by this clinic)" />
              </div>
            </form>
          </CardContent>
          <CardFooter className="justify-end">
            <Button variant="ghost">Cancel</Button>
            <Button type="submit">Request appointment</Button>
          </CardFooter>
        </Card>
      </Section>

      <Section title="Badges">
        <div className="space-y-4">
          <div className="flex flex-wrap gap-2">
            {TONES.map((tone) => (
              <Badge key={tone} tone={tone}>
                {tone}
              </Badge>
            ))}
          </div>
          <div className="flex flex-wrap gap-2">
            {APPOINTMENT_STATUSES.map((status) => (
              <Badge key={status} tone={statusTone(status)}>
                {statusLabel(status, "staff")}
              </Badge>
            ))}
          </div>
        </div>
      </Section>

      <Section title="Cards">
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <CardHeader>
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
                <CardTitle as="h3">Dr. Amara Lindqvist</CardTitle>
                <Badge tone={statusTone("pending")}>{statusLabel("pending", "patient")}</Badge>
              </div>
              <CardDescription>General practice · Harbour Family Practice</CardDescription>
            </CardHeader>
            <CardContent>
              <p className="flex items-center gap-2 text-slate-900">
                <CalendarIcon className="size-5 text-slate-600" />
                <span>
                  Tue 14 Jan, <span className="tabular-nums">09:30–10:00</span>
                </span>
              </p>
              <p className="mt-1 pl-7 text-sm text-slate-600">Clinic time (Europe/Oslo)</p>
            </CardContent>
            <CardFooter>
              <Button variant="secondary">Reschedule</Button>
              <Button variant="ghost">Cancel request</Button>
            </CardFooter>
          </Card>
          <Card aria-busy="true">
            <CardHeader>
              <span className="sr-only">Loading appointment…</span>
              <Skeleton className="h-6 w-48" />
              <Skeleton className="h-4 w-64 max-w-full" />
            </CardHeader>
            <CardContent>
              <SkeletonText lines={3} />
            </CardContent>
            <CardFooter>
              <Skeleton className="h-11 w-32 rounded-lg" />
              <Skeleton className="h-11 w-28 rounded-lg" />
            </CardFooter>
          </Card>
        </div>
      </Section>

      <Section title="Alerts">
        <div className="grid gap-4 md:grid-cols-2">
          <Alert tone="info" title="Requests are reviewed by staff">
            You’ll get an email when the clinic approves your time.
          </Alert>
          <Alert tone="success" title="Appointment confirmed">
            We’ve emailed the details to maria@example.com.
          </Alert>
          <Alert tone="warning" title="Payment due in 24 hours">
            Unpaid requests are released so others can book.
          </Alert>
          <Alert tone="error" title="This time was just taken">
            Please choose another time.
          </Alert>
        </div>
      </Section>

      <Section title="Empty state">
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title="No requests waiting"
          description="Share your booking link so patients can request a time. New requests appear here."
          action={
            <div className="flex w-full flex-col gap-3 sm:flex-row sm:items-start">
              <Input readOnly value={BOOKING_LINK} aria-label="Your booking link" className="text-sm" />
              <CopyButton value={BOOKING_LINK} label="Copy link" className="shrink-0" />
            </div>
          }
        />
      </Section>

      <Section title="Dialog, toasts and spinner">
        <div className="flex flex-wrap items-center gap-6">
          <Dialog>
            <DialogTrigger className={buttonClasses({ variant: "danger" })}>Decline request…</DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Decline this request?</DialogTitle>
                <DialogDescription>
                  Maria Okafor will get an email saying the clinic can’t offer{" "}
                  <span className="tabular-nums">09:30</span> on Tue 14 Jan.
                </DialogDescription>
              </DialogHeader>
              <Field label="Note to the patient" optional className="mt-5">
                {(props) => <Textarea maxLength={300} showCount rows={3} {...props} />}
              </Field>
              <DialogFooter>
                <DialogClose className={buttonClasses({ variant: "secondary" })}>Keep request</DialogClose>
                <Button variant="danger">Decline</Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
          <ToastDemo />
          <span className="inline-flex items-center gap-2 text-slate-600">
            <Spinner className="size-5 text-primary-700" /> Spinner
          </span>
        </div>
      </Section>

      <Toaster />
    </main>
  );
}

function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id ?? slug(title)}-heading`} id={id} className="space-y-4">
      <h2 id={`${id ?? slug(title)}-heading`} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
