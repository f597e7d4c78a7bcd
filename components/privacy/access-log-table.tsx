import Link from "next/link";
import { Button, EmptyState, Field, Input, Select, buttonClasses } from "@/components/ui";
import { ACCESS_ACTION_LABELS, SYSTEM_ACTOR, type AccessEntry } from "@/lib/domain/privacy/access-log";

export interface AccessLogMember {
  uid: string;
  name: string;
}

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The filters (a GET form), the download link for the same filters, and the entries, newest first. */
export function AccessLogTable({
  entries,
  members,
  filter,
  error,
}: {
  entries: AccessEntry[];
  members: AccessLogMember[];
  filter: { member: string; patient: string };
  error: string | null;
}) {
  const names = new Map(members.map((m) => [m.uid, m.name]));
  const nameOf = (uid: string) => (uid === SYSTEM_ACTOR ? "System" : (names.get(uid) ?? "Removed member"));
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  return (
    <div className="space-y-6">
      <form method="get" action="/dashboard/settings/privacy/access-log" aria-label="Filter the log" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-64">
          <Field label="Member">
            {(props) => (
              <Select {...props} name="member" defaultValue={filter.member}>
                <option value="">Everyone</option>
                {members.map((m) => (
                  <option key={m.uid} value={m.uid}>
                    {m.name}
                  </option>
                ))}
                <option value={SYSTEM_ACTOR}>System (retention)</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="sm:w-80">
          <Field label="Patient email" optional error={error}>
            {(props) => <Input {...props} name="patient" type="email" defaultValue={filter.patient} autoComplete="off" spellCheck={false} />}
          </Field>
        </div>
        <div className="flex gap-3">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <a href={`/api/privacy/access-log?${query}`} download className={buttonClasses({ variant: "ghost" })}>
            Download CSV
          </a>
        </div>
      </form>
      {entries.length === 0 ? (
        <EmptyState headingLevel={2} title="No entries" description="Nothing matches these filters yet." />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Access log, newest first</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">When</th>
                <th scope="col" className="px-4 py-3 font-medium">Who</th>
                <th scope="col" className="px-4 py-3 font-medium">What</th>
                <th scope="col" className="px-4 py-3 font-medium">Records</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums text-slate-700">{when(e.at)}</td>
                  <td className="px-4 py-3 text-slate-900">{nameOf(e.by)}</td>
                  <td className="px-4 py-3 text-slate-900">{ACCESS_ACTION_LABELS[e.action] ?? e.action}</td>
                  <td className="px-4 py-3">
                    {e.visitId ? (
                      <Link href={`/dashboard/schedule/${e.visitId}`} className="text-primary-800 underline underline-offset-4">
                        Visit
                      </Link>
                    ) : (
                      <span className="text-slate-700">
                        {e.appointmentIds.length} appointment{e.appointmentIds.length === 1 ? "" : "s"}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
