import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthShell, linkClasses } from "@/components/auth/auth-shell";
import { Alert, Card, CardContent } from "@/components/ui";
import { ROLE_INVITATIONS, type Role } from "@/lib/domain/roles";
import { getInvite, INVITE_MESSAGES } from "@/lib/server/team/invite-acceptance";

export const metadata: Metadata = { title: "Join your clinic", robots: { index: false }, referrer: "strict-origin" };

const AS: Record<Role, string> = { admin: "an admin", staff: "a staff member", doctor: "a doctor" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getInvite(token);

  if (invite.status !== "valid") {
    return (
      <AuthShell
        title="This invite can't be used"
        footer={
          <Link href="/login" className={linkClasses}>
            Go to sign-in
          </Link>
        }
      >
        <Alert tone="warning" role="note">
          {INVITE_MESSAGES[invite.status]}
        </Alert>
      </AuthShell>
    );
  }

  const role = invite.role!;
  const as = role === "doctor" && invite.doctorName ? `${AS.doctor} (${invite.doctorName})` : AS[role];
  return (
    <AuthShell
      title={`Join ${invite.clinicName}`}
      description={
        <>
          You&apos;ve been invited as {as}. {ROLE_INVITATIONS[role]}
        </>
      }
    >
      <Card>
        <CardContent className="pt-5 sm:pt-6">
          <AcceptInviteForm token={token} email={invite.email!} hasAccount={invite.hasAccount === true} />
        </CardContent>
      </Card>
    </AuthShell>
  );
}
