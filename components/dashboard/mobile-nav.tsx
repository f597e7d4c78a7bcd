"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui";
import type { NavItem } from "@/lib/domain/roles";
import { NavLinks } from "./nav-links";

/**
 * The phone layout's menu: a disclosure button in the top bar that opens the
 * same links as the sidebar, plus the account panel. Escape closes it.
 */
export function MobileNav({ items, account }: { items: NavItem[]; account: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-base font-medium text-slate-900 hover:bg-slate-50"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round">
          {open ? <path d="M6 18 18 6M6 6l12 12" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        Menu
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cn("absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pt-3 pb-5 shadow-lg")}
      >
        <nav aria-label="Dashboard">
          <NavLinks items={items} onNavigate={() => setOpen(false)} />
        </nav>
        <div className="mt-4 border-t border-slate-200 pt-4">{account}</div>
      </div>
    </div>
  );
}
