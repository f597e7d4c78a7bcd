import type { Metadata } from "next";
import { LeaveWaitlistForm } from "@/components/booking/leave-waitlist-form";
import { PublicShell } from "@/components/booking/public-shell";
import { Alert, Card, CardContent } from "@/components/ui";
import { isAppError } from "@/lib/domain/errors";
import { readLeaveLink, type LeaveLink } from "@/lib/server/waitlist/leave";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leave the waiting list", robots: { index: false, follow: false }, referrer: "strict-origin" };

type Props = { searchParams: Promise<{ w?: string | string[]; t?: string | string[] }> };

/**
 * The leave link in every waiting-list email (?w=entry&t=token). Opening it
 * only shows where the person stands: the button posts.
 */
export default async function LeaveWaitlistPage({ searchParams }: Props) {
  const query = await searchParams;
  let link: LeaveLink | { state: "broken"; message: string };
  try {
    link = await readLeaveLink(query);
  } catch (error) {
    if (!isAppError(error) || error.code !== "invalid_request") throw error;
    link = { state: "broken", message: error.message };
  }
  return (
    <PublicShell clinic={link.state === "waiting" && link.clinicSlug ? { name: link.clinicName, slug: link.clinicSlug } : null}>
      <Card>
        <CardContent className="space-y-4 pt-6">
          <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900">Leave the waiting list</h1>
          {link.state === "waiting" ? (
            <>
              <p className="text-base text-slate-700">
                You&apos;re waiting for a time with {link.doctorName} at {link.clinicName}. Leave, and we&apos;ll stop emailing you and delete your
                address from the list.
              </p>
              <LeaveWaitlistForm entry={String(query.w)} token={String(query.t)} doctorName={link.doctorName} />
            </>
          ) : link.state === "gone" ? (
            <Alert tone="info" title="You're not on this waiting list">
              You may have left already, booked, or your 30 days ended. There is nothing more to do; we won&apos;t email you about it.
            </Alert>
          ) : (
            <Alert tone="error" title="This link doesn't work">
              {link.message}
            </Alert>
          )}
        </CardContent>
      </Card>
    </PublicShell>
  );
}
