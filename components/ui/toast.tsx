"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { cn } from "./cn";
import { CheckCircleIcon, ErrorIcon, InfoIcon, XIcon } from "./icons";

// A tiny toast system: a module-level store, read with useSyncExternalStore.
// Mount <Toaster /> once (in a layout); call toast.success()/toast.error()
// from client components and event handlers.
//
// Decisions:
// - success/info disappear after 5 s; the timer pauses while the toast is
//   hovered or focused (WCAG 2.2.1). Errors stay until dismissed: they usually
//   need reading and acting on, and a vanishing error is easy to miss.
// - Two live regions: errors in an assertive one, the rest polite. Both are in
//   the DOM from the first render, because screen readers ignore live regions
//   that appear together with their content.
// - At most MAX_TOASTS are shown; the oldest goes first.

export type ToastTone = "success" | "error" | "info";

export type ToastItem = { id: number; tone: ToastTone; message: string };

const AUTO_DISMISS_MS = 5000;
const MAX_TOASTS = 4;

let items: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const EMPTY: readonly ToastItem[] = [];

function setItems(next: readonly ToastItem[]) {
  items = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function show(tone: ToastTone, message: string): number {
  const id = nextId++;
  setItems([...items, { id, tone, message }].slice(-MAX_TOASTS));
  return id;
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
  info: (message: string) => show("info", message),
  dismiss: (id: number) => setItems(items.filter((item) => item.id !== id)),
  clear: () => setItems(EMPTY),
};

export function Toaster() {
  const current = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  const errors = current.filter((item) => item.tone === "error");
  const others = current.filter((item) => item.tone !== "error");

  // The lists are never display:none (a hidden live region is not watched);
  // an empty <ol> is simply 0px tall.
  const list = "flex flex-col gap-2";

  return (
    <section
      aria-label="Notifications"
      className={cn(
        "pointer-events-none fixed inset-x-0 bottom-0 z-60 flex flex-col p-4",
        "sm:inset-x-auto sm:right-0 sm:w-full sm:max-w-sm sm:p-6",
      )}
    >
      <ol aria-live="assertive" className={list}>
        {errors.map((item) => (
          <ToastCard key={item.id} item={item} />
        ))}
      </ol>
      <ol aria-live="polite" className={cn(list, "[ol:not(:empty)+&]:mt-2")}>
        {others.map((item) => (
          <ToastCard key={item.id} item={item} />
        ))}
      </ol>
    </section>
  );
}

const TONE: Record<ToastTone, { icon: typeof InfoIcon; iconClass: string }> = {
  success: { icon: CheckCircleIcon, iconClass: "text-green-700" },
  error: { icon: ErrorIcon, iconClass: "text-red-700" },
  info: { icon: InfoIcon, iconClass: "text-primary-700" },
};

function ToastCard({ item }: { item: ToastItem }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(AUTO_DISMISS_MS);

  useEffect(() => {
    if (item.tone === "error" || paused) return;
    const startedAt = Date.now();
    const timer = setTimeout(() => toast.dismiss(item.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - startedAt;
    };
  }, [item.id, item.tone, paused]);

  const { icon: Icon, iconClass } = TONE[item.tone];

  return (
    <li
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-xl border bg-white p-4 pr-2 text-base text-slate-900 shadow-lg",
        item.tone === "error" ? "border-red-200" : "border-slate-200",
        "motion-safe:transition motion-safe:duration-200 motion-safe:starting:translate-y-2 motion-safe:starting:opacity-0",
      )}
    >
      <Icon className={cn("mt-0.5 size-5 shrink-0", iconClass)} />
      <p className="min-w-0 flex-1 py-0.5 break-words">
        {item.tone === "error" && <span className="sr-only">Error: </span>}
        {item.message}
      </p>
      <button
        type="button"
        onClick={() => toast.dismiss(item.id)}
        aria-label="Dismiss notification"
        className={cn(
          "-my-2 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-slate-600",
          "hover:bg-slate-100 hover:text-slate-900",
          "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-primary-600",
        )}
      >
        <XIcon className="size-5" />
      </button>
    </li>
  );
}
