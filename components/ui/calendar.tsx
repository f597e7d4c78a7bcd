"use client";

import type { ChevronProps } from "react-day-picker";
import { cn } from "./cn";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";

// The look shared by the app's calendars (the booking page's own month grid and
// the availability editor's react-day-picker), so they read as one product.

// First day of the week: every calendar is given `weekStartsOn`,
// where the page (a server component) computed `weekStartForZone(clinic.timezone)`
// from lib/domain/week-start.ts (Sunday in the US, Monday in the UK), so the
// booking page and the availability editor agree. Computed on the server: the
// zone → country table then stays out of the browser bundle.

export function CalendarChevron({ orientation, className }: ChevronProps) {
  const Icon = orientation === "right" ? ChevronRightIcon : ChevronLeftIcon;
  return <Icon className={cn("size-5", className)} />;
}

const navButton =
  "inline-flex size-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 hover:text-slate-900 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-primary-600 " +
  "aria-disabled:cursor-not-allowed aria-disabled:text-slate-300 aria-disabled:hover:bg-transparent";

/** DayPicker `classNames`: month caption between the arrows, a roomy grid. */
export function calendarClassNames({ root, loading = false }: { root: string; loading?: boolean }) {
  return {
    root,
    months: "relative",
    month: "grid grid-cols-[2.75rem_1fr_2.75rem] items-center gap-y-3",
    month_caption: "flex justify-center",
    caption_label: "text-base font-semibold text-slate-900",
    button_previous: navButton,
    button_next: navButton,
    chevron: "",
    month_grid: cn("col-span-3 w-full border-collapse", loading && "motion-safe:animate-pulse"),
    weekdays: "",
    weekday: "pb-2 text-center text-sm font-medium text-slate-600",
    weeks: "",
    week: "",
    day: "p-0.5 text-center",
    day_button: "",
    today: "",
    selected: "",
    disabled: "",
    outside: "",
    hidden: "invisible",
    focused: "",
    footer: "",
  };
}

/**
 * A day button's classes. `tone` styles an unselected day (its meaning is the
 * caller's: "has free times", "closed"…); the chosen day is solid teal, and
 * today gets a dot.
 */
export function calendarDayClasses(state: { selected?: boolean; disabled?: boolean; today?: boolean }, tone: string): string {
  return cn(
    "relative mx-auto flex size-10 items-center justify-center rounded-full text-base tabular-nums sm:size-11",
    "transition-colors motion-reduce:transition-none",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary-600",
    state.selected ? "bg-primary-700 font-semibold text-white shadow-xs hover:bg-primary-800" : tone,
    state.disabled ? "cursor-default" : "cursor-pointer",
    state.today &&
      "after:absolute after:bottom-1 after:left-1/2 after:size-1 after:-translate-x-1/2 after:rounded-full " +
        (state.selected ? "after:bg-white" : "after:bg-primary-700"),
  );
}
