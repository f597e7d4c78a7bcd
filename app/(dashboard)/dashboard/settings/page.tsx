import type { Metadata } from "next";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { ClinicProfileForm } from "@/components/settings/clinic-profile-form";
import { can } from "@/lib/domain/roles";
import { centsToInput } from "@/lib/domain/money";
import { requireCaller } from "@/lib/server/caller";
import { countUpcomingAppointments, getClinicSettings } from "@/lib/server/clinic-settings";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const caller = await requireCaller();
  if (!can(caller, "settings:write")) return <NoAccess caller={caller} what="Clinic settings" />;
  const [settings, upcomingAppointments] = await Promise.all([getClinicSettings(caller), countUpcomingAppointments(caller)]);
  return (
    <>
      <PageHeader title="Clinic settings" description="What patients see on your booking page and in their emails." />
      <ClinicProfileForm
        settings={{ ...settings, fee: centsToInput(settings.feeCents, settings.currency) }}
        timeZones={[...Intl.supportedValuesOf("timeZone"), "UTC"]}
        upcomingAppointments={upcomingAppointments}
      />
    </>
  );
}
