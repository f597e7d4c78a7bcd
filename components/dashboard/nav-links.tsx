"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui";
import type { NavItem } from "@/lib/domain/roles";

/** The dashboard sections for the caller's role; the current one is marked for everyone, not only by colour. */
export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "/dashboard" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const current = isCurrent(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={current ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center rounded-lg border-l-4 px-3 text-base font-medium transition-colors motion-reduce:transition-none",
                current
                  ? "border-primary-700 bg-primary-50 text-primary-800"
                  : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <span className="flex-1">{item.label}</span>
              {item.count !== undefined && (
                <>
                  <span
                    aria-hidden="true"
                    className="ml-2 inline-flex min-w-6 items-center justify-center rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900 tabular-nums"
                  >
                    {item.count}
                  </span>
                  <span className="sr-only">, {item.count} need review</span>
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
