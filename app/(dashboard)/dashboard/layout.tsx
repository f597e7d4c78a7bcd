import type { Metadata } from "next";
import { DashboardShell } from "@/components/dashboard/shell";
import { countNeedsReview } from "@/lib/server/appointments/queue";
import { requireCaller } from "@/lib/server/auth/caller";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Dashboard" }, robots: { index: false } };

// Signed-in only. The layout is not re-run on every client navigation, so
// each page (and every server action and verb) checks the caller again.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await requireCaller();
  // Re-read on every refresh (router.refresh, revalidatePath after a review
  // action), so the count follows decisions without a full reload.
  const needsReview = await countNeedsReview(caller);
  return (
    <DashboardShell caller={caller} needsReview={needsReview}>
      {children}
    </DashboardShell>
  );
}
