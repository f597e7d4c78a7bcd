import { initials } from "@/lib/domain/booking-calendar";
import { cn } from "@/components/ui";

const SIZES = { sm: "size-9 text-sm", md: "size-12 text-base", lg: "size-16 text-xl" } as const;

/** Initials in a teal circle; no photos are stored yet. Decorative: the name is always written next to it. */
export function InitialsAvatar({ name, size = "md", className }: { name: string; size?: "sm" | "md" | "lg"; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-primary-100 font-semibold text-primary-800 ring-1 ring-primary-700/15 select-none",
        SIZES[size],
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
