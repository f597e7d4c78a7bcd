import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

// Every class is written out in full: Tailwind only emits classes it can see.
// Hover styles are guarded with `not-disabled:` so a disabled or busy button
// does not react to the pointer (`:disabled` never matches links, so links
// styled with buttonClasses keep their hover).
const base =
  "inline-flex select-none items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap " +
  "transition-colors motion-reduce:transition-none " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary-600 " +
  "disabled:not-aria-busy:cursor-not-allowed disabled:not-aria-busy:opacity-50 aria-busy:cursor-wait";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary-700 text-white shadow-xs not-disabled:hover:bg-primary-800",
  secondary:
    "border border-slate-300 bg-white text-slate-900 shadow-xs not-disabled:hover:border-slate-400 not-disabled:hover:bg-slate-50",
  ghost: "text-slate-700 not-disabled:hover:bg-slate-100 not-disabled:hover:text-slate-900",
  danger: "bg-red-700 text-white shadow-xs not-disabled:hover:bg-red-800",
};

// md and lg meet the 44px minimum touch target (WCAG 2.5.5 / 2.5.8); sm is
// for dense staff tables and still clears the 24px AA minimum.
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 text-sm",
  md: "min-h-11 px-4 text-base",
  lg: "min-h-12 px-6 text-lg",
};

export type ButtonClassesOptions = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

/** Button look for other elements, e.g. `<Link className={buttonClasses({ variant: "secondary" })}>`. */
export function buttonClasses({ variant = "primary", size = "md", className }: ButtonClassesOptions = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Shows a spinner before the label, sets aria-busy and disables the button
   * so it cannot be submitted twice. The label stays, so the button keeps its
   * width and its accessible name.
   */
  loading?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  disabled,
  type = "button",
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonClasses({ variant, size, className })}
      {...props}
    >
      {loading && <Spinner className={size === "lg" ? "size-5" : "size-4"} />}
      {children}
    </button>
  );
}
