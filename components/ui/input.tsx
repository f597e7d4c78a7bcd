import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * Shared look of text-like controls (input, textarea, select).
 *
 * The border is slate-500 (4.8:1 on white) rather than a paler grey: WCAG 1.4.11
 * asks for 3:1 on the boundary that identifies a control. Invalid controls
 * (aria-invalid="true", wired by <Field>) get a red border; the error text
 * says what is wrong, the colour is only a second cue.
 */
export const controlClasses =
  "block w-full rounded-lg border border-slate-500 bg-white px-3 text-base text-slate-900 shadow-xs " +
  "placeholder:text-slate-500 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-primary-600 " +
  "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700 " +
  "disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-600";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "min-h-11 py-2", className)} {...props} />;
}
