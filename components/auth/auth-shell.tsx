import Link from "next/link";
import type { ReactNode } from "react";
import { BrandMark } from "@/components/ui/brand-mark";

/** The frame of the staff pages outside the dashboard: sign-in, signup, invites. */
export function AuthShell({
  title,
  description,
  children,
  footer,
  wide = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-5 sm:px-6">
        <Link href="/" className="inline-flex items-center gap-2 rounded-lg font-semibold text-slate-900">
          <BrandMark />
          Clinic booking
        </Link>
      </header>
      <main className={`mx-auto w-full flex-1 px-4 pb-16 sm:px-6 ${wide ? "max-w-3xl" : "max-w-md"}`}>
        <div className="mt-4 mb-6 sm:mt-10">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
          {description && <div className="mt-2 text-base text-slate-600">{description}</div>}
        </div>
        {children}
        {footer && <div className="mt-6 text-center text-base text-slate-600">{footer}</div>}
      </main>
    </div>
  );
}

export const linkClasses =
  "font-medium text-primary-700 underline decoration-primary-700/30 underline-offset-2 hover:decoration-primary-700";
