import type { Metadata } from "next";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TwoStepCard } from "@/components/account/two-step-card";
import { SignInDocumentMark } from "@/components/auth/sign-in-document-mark";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireCaller } from "@/lib/server/auth/caller";
import { firebaseClientConfig } from "@/lib/server/auth/client-config";
import { getAccountSecurity } from "@/lib/server/auth/second-factor-settings";

export const metadata: Metadata = { title: "Your account" };

// Every member's own sign-in settings. No patient data here: this page's CSP
// lets the Firebase client SDK reach Firebase Auth (pageUsesFirebaseAuth).
export default async function AccountPage() {
  const caller = await requireCaller();
  const security = await getAccountSecurity(caller);
  return (
    <>
      <SignInDocumentMark />
      <PageHeader title="Your account" description={`Signed in as ${caller.email}.`} />
      <div className="space-y-8">
        <TwoStepCard
          config={firebaseClientConfig()}
          uid={caller.uid}
          email={caller.email}
          security={{
            phones: security.phones.map(({ id, masked }) => ({ id, masked })),
            providers: security.providers,
            clinicRequiresSecondFactor: security.clinicRequiresSecondFactor,
          }}
        />
        <SignOutEverywhere />
      </div>
    </>
  );
}
