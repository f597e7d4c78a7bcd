import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { AccessLogTable } from "@/components/privacy/access-log-table";
import { accessLogFilterSchema, type AccessEntry } from "@/lib/domain/privacy/access-log";
import { can } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { listAccessLog } from "@/lib/server/privacy/access-log";
import { listMembers } from "@/lib/server/team/members";

export const metadata: Metadata = { title: "Access log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccessLogPage({ searchParams }: Props) {
  const caller = await requireCaller();
  if (!can(caller, "accessLog:read")) return <NoAccess caller={caller} what="The access log" />;
  const params = await searchParams;
  const raw = { member: typeof params.member === "string" ? params.member : "", patient: typeof params.patient === "string" ? params.patient : "" };
  const parsed = accessLogFilterSchema.safeParse(raw);
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? "We couldn't use that filter.");
  const [entries, members] = await Promise.all([
    parsed.success ? listAccessLog(caller, parsed.data) : Promise.resolve<AccessEntry[]>([]),
    listMembers(caller),
  ]);
  return (
    <>
      <Link href="/dashboard/settings/privacy" className="mb-3 inline-flex min-h-11 items-center font-medium text-primary-800 underline underline-offset-4">
        Back to privacy
      </Link>
      <PageHeader
        title="Access log"
        description="Who opened a visit's notes, exported or erased a patient's data, and when. Entries can't be changed or deleted."
      />
      <AccessLogTable entries={entries} members={members.map((m) => ({ uid: m.uid, name: m.name || m.email }))} filter={raw} error={error} />
    </>
  );
}
