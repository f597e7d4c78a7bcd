import type { ComponentProps } from "react";
import { CountedInput } from "./character-count";
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

export type InputProps = ComponentProps<"input"> & {
  /** With `maxLength`, a live "12/100" counter under the field, as Textarea has (character-count.tsx). */
  showCount?: boolean;
};

// Without a counter, a plain <input> that server components can render too;
// the counter needs state, so that variant is a client component.
export function Input({ className, type = "text", showCount = false, ...props }: InputProps) {
  const classes = cn(controlClasses, "min-h-11 py-2", className);
  if (showCount && props.maxLength !== undefined) return <CountedInput type={type} className={classes} {...props} />;
  return <input type={type} className={classes} {...props} />;
}
