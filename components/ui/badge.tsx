import type { ComponentProps } from "react";
import { STATUS_TONE_CLASSES, type StatusTone } from "@/lib/domain/appointments/status";
import { cn } from "./cn";

/**
 * Badge tones. The appointment-status tones come from
 * lib/domain/appointments/status.ts (so `<Badge tone={statusTone(s)}>` works
 * and the colours stay in one place); "red" and "teal" are extra tones for
 * non-status labels. Tone names follow Tailwind's palette: "gray", not "grey".
 */
export type BadgeTone = StatusTone | "red" | "teal";

// Same recipe as the status tones: -50 background, a text shade that clears
// 4.5:1 on it (red-700 5.9:1, primary-800 7.1:1; checked in contrast.test.ts),
// and a faint ring that is decoration only.
const TONE_CLASSES: Readonly<Record<BadgeTone, string>> = {
  ...STATUS_TONE_CLASSES,
  red: "bg-red-50 text-red-700 ring-red-600/15",
  teal: "bg-primary-50 text-primary-800 ring-primary-700/20",
};

export type BadgeSize = "md" | "lg";

// Padding and text size live here, one set per size: `cn` only joins classes
// (no tailwind-merge), so a caller's `px-3` next to the base `px-2.5` would
// leave the winner to stylesheet order. Callers pick a size instead.
const SIZE_CLASSES: Readonly<Record<BadgeSize, string>> = {
  md: "px-2.5 py-0.5 text-sm",
  lg: "px-3 py-1 text-base",
};

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone; size?: BadgeSize };

/** The Badge's class list (exported so the no-conflict rule can be tested without a DOM). */
export function badgeClassName({ tone = "gray", size = "md", className }: Pick<BadgeProps, "tone" | "size" | "className">): string {
  return cn(
    "inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap ring-1 ring-inset",
    SIZE_CLASSES[size],
    TONE_CLASSES[tone],
    className,
  );
}

export function Badge({ tone, size, className, ...props }: BadgeProps) {
  return <span className={badgeClassName({ tone, size, className })} {...props} />;
}
