import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { PatientLookup } from "@/components/privacy/patient-lookup";
import { RetentionForm } from "@/components/privacy/retention-form";
import { buttonClasses } from "@/components/ui";
import { can } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { getRetentionSettings } from "@/lib/server/privacy/retention";

export const metadata: Metadata = { title: "Privacy" };
export const dynamic = "force-dynamic";

export default async function PrivacyPage() {
  const caller = await requireCaller();
  if (!can(caller, "privacy:manage")) return <NoAccess caller={caller} what="Privacy" />;
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
        <PatientLookup />
        <RetentionForm settings={retention} />
      </div>
    </>
  );
}
