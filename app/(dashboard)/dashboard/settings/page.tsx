import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { ClinicProfileForm } from "@/components/settings/clinic-profile-form";
import { HoldSettingsForm } from "@/components/settings/hold-settings-form";
import { SecondFactorForm } from "@/components/settings/second-factor-form";
import { CancellationPolicyForm } from "@/components/settings/cancellation-policy-form";
import { ReminderSettingsForm } from "@/components/settings/reminder-settings-form";
import { UnsavedSections } from "@/components/settings/unsaved-sections";
import { can } from "@/lib/domain/roles";
import { centsToInput } from "@/lib/domain/money";
import { requireCaller } from "@/lib/server/auth/caller";
import { countUpcomingAppointments, getClinicSettings } from "@/lib/server/clinics/clinic-settings";
import { getHoldSettings } from "@/lib/server/booking/hold-settings";
import { getSecondFactorRequirement } from "@/lib/server/auth/second-factor-settings";
import { getCancellationPolicy } from "@/lib/server/clinics/cancellation-policy";
import { getReminderSettings } from "@/lib/server/reminders/reminder-settings";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const caller = await requireCaller();
  if (!can(caller, "settings:write")) return <NoAccess caller={caller} what="Clinic settings" />;
  const [settings, upcomingAppointments, holdSettings, requireSecondFactor, cancellation, reminderSettings] = await Promise.all([
    getClinicSettings(caller),
    countUpcomingAppointments(caller),
    getHoldSettings(caller),
    getSecondFactorRequirement(caller),
    getCancellationPolicy(caller),
    getReminderSettings(caller),
  ]);
  return (
    <>
      <PageHeader
        title="Clinic settings"
        description="What patients see on your booking page and in their emails."
        actions={
          can(caller, "privacy:manage") ? (
            <Link href="/dashboard/settings/privacy" className={buttonClasses({ variant: "secondary" })}>
              Privacy
            </Link>
          ) : undefined
        }
      />
      {/* Sections, each saved on its own; leaving with any one edited asks first. */}
      <UnsavedSections>
        <ClinicProfileForm
          settings={{ ...settings, fee: centsToInput(settings.feeCents, settings.currency) }}
          timeZones={[...Intl.supportedValuesOf("timeZone"), "UTC"]}
          upcomingAppointments={upcomingAppointments}
        />
        <div className="mt-8">
          <HoldSettingsForm settings={holdSettings} />
        </div>
        <div className="mt-8">
          <CancellationPolicyForm policy={cancellation.policy} currency={cancellation.currency} feeCents={settings.feeCents} />
        </div>
        <div className="mt-8">
          <ReminderSettingsForm settings={reminderSettings} />
        </div>
      </UnsavedSections>
      <div className="mt-8">
        <SecondFactorForm required={requireSecondFactor} />
      </div>
    </>
  );
}
