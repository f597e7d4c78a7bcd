import type { Metadata } from "next";
import { DashboardShell } from "@/components/dashboard/shell";
import { requireCaller } from "@/lib/server/caller";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Dashboard" }, robots: { index: false } };

// Signed-in only. The layout is not re-run on every client navigation, so
// each page (and every server action and verb) checks the caller again.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await requireCaller();
  return <DashboardShell caller={caller}>{children}</DashboardShell>;
}
