import type { Metadata } from "next";
import { FeedCard } from "@/components/calendar-feed/feed-card";
import { FirstNamesForm } from "@/components/calendar-feed/first-names-form";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/domain/roles";
import { formatDate } from "@/lib/domain/time-format";
import { requireCaller } from "@/lib/server/auth/caller";
import { getFeedFirstNames, getFeedStates } from "@/lib/server/calendar-feeds/feeds";
import { appNow } from "@/lib/server/clock";

export const metadata: Metadata = { title: "Calendar feed" };

export const dynamic = "force-dynamic";

const COPY = {
  doctor: { title: "Your visits", description: "Your confirmed visits, kept up to date in your own calendar app." },
  clinic: { title: "Whole clinic", description: "Every doctor's confirmed visits in one calendar." },
} as const;

export default async function CalendarFeedPage() {
  const caller = await requireCaller();
  const states = await getFeedStates(caller);
  if (states.length === 0) return <NoAccess caller={caller} what="Calendar feed" />;
  const admin = can(caller, "settings:write");
  const firstNames = admin ? await getFeedFirstNames(caller) : false;
  const now = appNow();
  // The zone only picks the calendar day for "made on …": the clinic's is not needed for that.
  const made = (iso: string | null) => (iso ? `on ${formatDate(Date.parse(iso), "UTC", { now })}` : null);

  return (
    <>
      <PageHeader
        title="Calendar feed"
        description="A private address your calendar app (Google, Apple, Outlook) subscribes to. It shows times only, no patient details unless the clinic turns first names on, and updates on its own."
      />
      <div className="space-y-6">
        {states.map((state) => (
          <FeedCard key={state.scope} scope={state.scope} title={COPY[state.scope].title} description={COPY[state.scope].description} createdLabel={made(state.createdAt)} />
        ))}
        {admin && <FirstNamesForm on={firstNames} />}
      </div>
    </>
  );
}
