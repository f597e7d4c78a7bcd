import Link from "next/link";
import type { ReactNode } from "react";
import { InitialsAvatar } from "./avatar";

/**
 * The frame of every public page: a slim top bar naming the clinic (a link
 * back to its booking page), a centred max-w-3xl column, and a quiet footer.
 */
export function PublicShell({
  clinic,
  children,
}: {
  clinic?: { name: string; slug: string } | null;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      {/* As in the dashboard: keyboard users skip the top bar. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-medium text-primary-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-16 max-w-3xl items-center gap-3 px-4 sm:px-6">
          {clinic ? (
            <Link
              href={`/book/${clinic.slug}`}
              className="-mx-2 flex min-h-11 min-w-0 items-center gap-3 rounded-lg px-2 font-semibold tracking-tight text-slate-900 hover:bg-slate-50"
            >
              <InitialsAvatar name={clinic.name} size="sm" />
              <span className="truncate">{clinic.name}</span>
            </Link>
          ) : (
            <span className="font-semibold tracking-tight text-slate-900">Clinic booking</span>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-3xl px-4 py-5 text-sm text-slate-600 sm:px-6">
          Online booking for {clinic?.name ?? "your clinic"}. Requests are reviewed by the clinic before they are confirmed.
        </p>
      </footer>
    </div>
  );
}
