import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { PatientRecords } from "@/components/privacy/patient-records";
import { PatientSearch } from "@/components/privacy/patient-search";
import { RetentionForm } from "@/components/privacy/retention-form";
import { buttonClasses } from "@/components/ui";
import { isAppError } from "@/lib/domain/errors";
import type { PatientSummary } from "@/lib/domain/privacy/patient-summary";
import { can } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { findPatient } from "@/lib/server/privacy/find-patient";
import { getRetentionSettings } from "@/lib/server/privacy/retention";

export const metadata: Metadata = { title: "Privacy" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PrivacyPage({ searchParams }: Props) {
  const caller = await requireCaller();
  if (!can(caller, "privacy:manage")) return <NoAccess caller={caller} what="Privacy" />;
  const params = await searchParams;
  const email = typeof params.email === "string" ? params.email : "";
  let found: PatientSummary | null = null;
  let error: string | null = null;
  if (email.trim()) {
    try {
      found = await findPatient(caller, { email });
    } catch (e) {
      if (!isAppError(e) || e.code !== "invalid_request") throw e;
      error = e.fields?.email ?? e.message;
    }
  }
  const retention = await getRetentionSettings(caller);
  return (
    <>
      <PageHeader
        title="Privacy"
        description="Answer a patient who asks what you hold about them, or asks you to delete it, and set how long personal data is kept."
        actions={
          can(caller, "accessLog:read") ? (
            <Link href="/dashboard/settings/privacy/access-log" className={buttonClasses({ variant: "secondary" })}>
              Access log
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-8">
        <PatientSearch email={email} error={error} />
        {found && <PatientRecords found={found} />}
        <RetentionForm settings={retention} />
      </div>
    </>
  );
}
