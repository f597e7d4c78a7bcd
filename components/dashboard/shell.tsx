import type { ReactNode } from "react";
import { BrandMark } from "@/components/ui/brand-mark";
import { Badge } from "@/components/ui";
import { dashboardNav, ROLE_LABELS, type Caller } from "@/lib/domain/roles";
import { ACCOUNT_PAGE } from "@/lib/http/security-headers";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

function Account({ caller }: { caller: Caller }) {
  return (
    <div className="space-y-3">
      <div className="min-w-0">
        <p className="truncate text-base font-medium text-slate-900">{caller.name || caller.email}</p>
        <p className="truncate text-sm text-slate-600">{caller.email}</p>
      </div>
      {/* A full page load, not a client-side one: only that document gets the account page's CSP (Firebase Auth). */}
      <a href={ACCOUNT_PAGE} className="block text-sm font-medium text-primary-800 underline underline-offset-2 hover:text-primary-900">
        Your account and two-step verification
      </a>
      <SignOutButton className="w-full" />
    </div>
  );
}

/**
 * The dashboard frame: a sidebar from lg up, a top bar with a menu below.
 * The clinic's name and the caller's role are always in view, and so is the
 * number of requests waiting for a decision (beside "Requests").
 */
export function DashboardShell({ caller, needsReview = 0, children }: { caller: Caller; needsReview?: number; children: ReactNode }) {
  const items = dashboardNav(caller, needsReview);
  const role = <Badge tone="teal">{ROLE_LABELS[caller.role]}</Badge>;
  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-medium text-primary-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      {/* Desktop sidebar */}
      <aside className="hidden lg:fixed lg:inset-y-0 lg:flex lg:w-72 lg:flex-col lg:border-r lg:border-slate-200 lg:bg-white">
        <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-5">
          <BrandMark className="size-9 shrink-0" />
          <div className="min-w-0">
            <p className="truncate text-base font-semibold text-slate-900" title={caller.clinicName}>
              {caller.clinicName}
            </p>
            <div className="mt-1">{role}</div>
          </div>
        </div>
        <nav aria-label="Dashboard" className="flex-1 overflow-y-auto px-3 py-4">
          <NavLinks items={items} />
        </nav>
        <div className="border-t border-slate-200 px-5 py-4">
          <Account caller={caller} />
        </div>
      </aside>

      {/* Phone and tablet top bar */}
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white lg:hidden">
        <div className="relative flex items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-3">
            <BrandMark className="size-8 shrink-0" />
            <div className="min-w-0">
              <p className="truncate text-base font-semibold text-slate-900">{caller.clinicName}</p>
              <div>{role}</div>
            </div>
          </div>
          <MobileNav items={items} account={<Account caller={caller} />} />
        </div>
      </header>

      <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none lg:pl-72">
        <div className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 lg:px-10 lg:py-10">{children}</div>
      </main>
    </div>
  );
}
