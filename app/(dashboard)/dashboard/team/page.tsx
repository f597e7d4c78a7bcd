import type { Metadata } from "next";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { InviteForm } from "@/components/team/invite-form";
import { MembersList, PendingInvites } from "@/components/team/team-manager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { can } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { listDoctors } from "@/lib/server/doctors/profiles";
import { listPendingInvites } from "@/lib/server/team/invites";
import { listMembers } from "@/lib/server/team/members";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const caller = await requireCaller();
  if (!can(caller, "members:read")) return <NoAccess caller={caller} what="The team" />;
  const [members, invites, doctors] = await Promise.all([listMembers(caller), listPendingInvites(caller), listDoctors(caller)]);
  const doctorOptions = doctors.map(({ id, name, active }) => ({ id, name, active }));
  return (
    <>
      <PageHeader title="Team" description="Who can sign in to your clinic's dashboard, and what they can do." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Invite someone</CardTitle>
            <CardDescription>We email them a link to join. It works once and expires after 7 days.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm doctors={doctorOptions} />
          </CardContent>
        </Card>

        {invites.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Waiting to join</CardTitle>
              <CardDescription>Invites that haven&apos;t been accepted yet.</CardDescription>
            </CardHeader>
            <CardContent>
              <PendingInvites invites={invites} />
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>
              {members.length === 1
                ? "Just you so far. Invite your staff and doctors above."
                : `${members.length} people. A clinic always keeps at least one admin.`}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MembersList members={members} doctors={doctorOptions} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
