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

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone };

export function Badge({ tone = "gray", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ring-1 ring-inset",
        TONE_CLASSES[tone],
        className,
      )}
      {...props}
    />
  );
}
