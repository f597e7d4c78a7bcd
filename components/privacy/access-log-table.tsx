import Link from "next/link";
import { EmptyState } from "@/components/ui";
import { ACCESS_ACTION_LABELS, SYSTEM_ACTOR, type AccessEntry } from "@/lib/domain/privacy/access-log";
import { AccessLogFilter, type AccessLogMember } from "./access-log-filter";


const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The filters, the download link for the same filters, and the entries, newest first. */
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
  return (
    <div className="space-y-6">
      <AccessLogFilter members={members} filter={filter} error={error} />
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
