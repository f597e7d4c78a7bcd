import Link from "next/link";
import { buttonClasses, EmptyState } from "@/components/ui";
import { ROLE_LABELS, type Caller } from "@/lib/domain/roles";

/**
 * What a signed-in member sees on a page their role can't use. The page
 * stays in the dashboard frame, says why, and offers the way back.
 */
export function NoAccess({ caller, what }: { caller: Caller; what: string }) {
  return (
    <div className="py-6">
      <EmptyState
        headingLevel={2}
        icon={
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round">
            <rect x="5" y="11" width="14" height="9" rx="2" />
            <path d="M8 11V8a4 4 0 0 1 8 0v3" />
          </svg>
        }
        title="You don't have access"
        description={
          <>
            {what} can only be changed by your clinic&apos;s admins. You&apos;re signed in as{" "}
            <strong className="font-medium text-slate-900">{ROLE_LABELS[caller.role].toLowerCase()}</strong>. Ask an admin
            if you need this.
          </>
        }
        action={
          <Link href="/dashboard" className={buttonClasses({ variant: "secondary" })}>
            Back to overview
          </Link>
        }
      />
    </div>
  );
}
