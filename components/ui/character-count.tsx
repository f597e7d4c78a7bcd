"use client";

import { useEffect, useId, useState, type ChangeEvent, type ComponentProps } from "react";
import { cn } from "./cn";

// How long typing must pause before the remaining count is announced, so a
// screen reader is not interrupted on every keystroke.
const ANNOUNCE_DELAY_MS = 1000;

/**
 * The live "12/100" counter of a text control with a maxLength, shared by
 * Input and Textarea so a limit is visible while typing, never only on
 * submit. `counterId` goes into the control's aria-describedby (read on
 * focus); a screen-reader-only message announces what is left once typing
 * pauses. `typed()` is called from the control's onChange.
 */
export function useCharacterCount({
  enabled,
  maxLength,
  value,
  defaultValue,
}: {
  enabled: boolean;
  maxLength: number | undefined;
  value: unknown;
  defaultValue: unknown;
}) {
  const counterId = useId();
  const counting = enabled && maxLength !== undefined;
  // Uncontrolled use keeps its own count; controlled use reads `value`.
  const [uncontrolledLength, setUncontrolledLength] = useState(() => String(defaultValue ?? "").length);
  const length = value !== undefined ? String(value).length : uncontrolledLength;

  // Only announce after the user has typed: nobody needs "500 characters
  // left" read out when the page loads.
  const [hasTyped, setHasTyped] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!counting || !hasTyped) return;
    const timer = setTimeout(() => {
      const left = maxLength - length;
      setAnnouncement(left === 1 ? "1 character left" : `${left} characters left`);
    }, ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [counting, hasTyped, length, maxLength]);

  function typed(text: string) {
    if (value === undefined) setUncontrolledLength(text.length);
    setHasTyped(true);
  }

  const counter = counting ? (
    <>
      <p
        id={counterId}
        className={cn("mt-1.5 text-right text-sm tabular-nums", length >= maxLength * 0.9 ? "font-medium text-amber-800" : "text-slate-600")}
      >
        {length}/{maxLength}
        <span className="sr-only"> characters used</span>
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  ) : null;

  return { counting, counterId: counting ? counterId : undefined, typed, counter };
}

/** An <input> with the counter under it (Input with showCount and maxLength). */
export function CountedInput({ maxLength, value, defaultValue, onChange, "aria-describedby": describedBy, ...props }: ComponentProps<"input">) {
  const count = useCharacterCount({ enabled: true, maxLength, value, defaultValue });
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    count.typed(event.target.value);
    onChange?.(event);
  }
  return (
    <div>
      <input
        maxLength={maxLength}
        value={value}
        defaultValue={defaultValue}
        onChange={handleChange}
        aria-describedby={cn(describedBy, count.counterId) || undefined}
        {...props}
      />
      {count.counter}
    </div>
  );
}
