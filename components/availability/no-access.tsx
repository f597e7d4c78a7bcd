import Link from "next/link";
import { EmptyState, buttonClasses } from "@/components/ui";

/**
 * The availability page for someone who can't use it: staff, a doctor login
 * not linked to a doctor profile, or a doctor asking for someone else's hours.
 * (The dashboard's NoAccess says only admins can change a page; here doctors
 * can too, so the wording is this page's own.)
 */
export function AvailabilityNoAccess({ reason }: { reason: "staff" | "unlinked" | "other-doctor" }) {
  const description = {
    staff: "Doctors set their own hours, and admins can set anyone's. Ask your clinic's admin if a doctor's hours need changing.",
    unlinked: "Your login isn't linked to a doctor profile yet, so there are no hours to set. Ask your clinic's admin to link it.",
    "other-doctor": "You can only change your own hours.",
  }[reason];
  return (
    <div className="py-2">
      <EmptyState
        icon={
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round">
            <rect x="5" y="11" width="14" height="9" rx="2" />
            <path d="M8 11V8a4 4 0 0 1 8 0v3" />
          </svg>
        }
        title="You don't have access"
        description={description}
        action={
          reason === "other-doctor" ? (
            <Link href="/dashboard/availability" className={buttonClasses({ variant: "secondary" })}>
              Go to your hours
            </Link>
          ) : (
            <Link href="/dashboard" className={buttonClasses({ variant: "secondary" })}>
              Back to overview
            </Link>
          )
        }
      />
    </div>
  );
}
