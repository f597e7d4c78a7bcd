import Link from "next/link";
import { Alert, Badge, buttonClasses, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { statusLabel, statusTone } from "@/lib/domain/appointments/status";
import type { PatientSummary } from "@/lib/domain/privacy/patient-summary";
import { formatSlotInZone } from "@/lib/domain/time-format";
import { EraseForm } from "./erase-form";

/** What the clinic holds about one email: the appointments, the downloads, and erasure (or why it is refused). */
export function PatientRecords({ found, onErased }: { found: PatientSummary; onErased: () => void }) {
  const { email, appointments, emails, live } = found;
  if (appointments.length === 0) {
    return (
      <Card>
        <CardContent className="pt-6">
          <p className="text-base text-slate-700">No appointments at this clinic for {email}.</p>
        </CardContent>
      </Card>
    );
  }
  const allErased = appointments.every((a) => a.erased);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>What we hold about {email}</CardTitle>
          <CardDescription>
            {appointments.length} appointment{appointments.length === 1 ? "" : "s"} and {emails} email{emails === 1 ? "" : "s"} at this clinic.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Appointments">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                <Link href={`/dashboard/requests/${a.id}`} className="font-medium text-primary-800 underline underline-offset-4">
                  {formatSlotInZone(a.start, a.timezone)}
                </Link>
                <span className="text-slate-700">{a.doctorName}</span>
                <Badge tone={statusTone(a.status)}>{statusLabel(a.status, "staff")}</Badge>
                {a.hasVisit && <Badge tone="gray">Visit</Badge>}
                {a.live && <Badge tone="amber">Live</Badge>}
                {a.erased && <Badge tone="gray">Erased</Badge>}
              </li>
            ))}
          </ul>
          {/* A form POST (the email in its body, never in an address); the answer is a download, so the page stays. */}
          <form method="post" action="/api/privacy/export" aria-label="Download this patient's data" className="flex flex-wrap gap-3">
            <input type="hidden" name="email" value={email} />
            <button type="submit" name="format" value="json" className={buttonClasses({ variant: "secondary" })}>
              Download everything (JSON)
            </button>
            <button type="submit" name="format" value="csv" className={buttonClasses({ variant: "secondary" })}>
              Download appointments (CSV)
            </button>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Erase</CardTitle>
          <CardDescription>When the patient asks you to delete their data.</CardDescription>
        </CardHeader>
        <CardContent>
          {live.length > 0 ? (
            <Alert tone="warning" title="Erasure isn't possible yet">
              This patient has {live.length === 1 ? "a live appointment" : `${live.length} live appointments`} (marked Live above). Cancel or decline{" "}
              {live.length === 1 ? "it" : "them"}, or wait until the visit is over, then erase.
            </Alert>
          ) : allErased ? (
            <p className="text-base text-slate-700">This patient&apos;s data is erased.</p>
          ) : (
            <EraseForm email={email} onErased={onErased} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
