"use client";

import { useEffect, useId, useState, type ChangeEvent, type ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export type TextareaProps = ComponentProps<"textarea"> & {
  /**
   * With `maxLength`, show a live "123/500" counter under the field. It is
   * added to the textarea's aria-describedby, so it is read on focus; a
   * screen-reader-only message announces what is left once typing pauses.
   */
  showCount?: boolean;
};

// How long typing must pause before the remaining count is announced, so a
// screen reader is not interrupted on every keystroke.
const ANNOUNCE_DELAY_MS = 1000;

export function Textarea({
  className,
  showCount = false,
  maxLength,
  value,
  defaultValue,
  onChange,
  rows = 4,
  "aria-describedby": describedBy,
  ...props
}: TextareaProps) {
  const counterId = useId();
  const counting = showCount && maxLength !== undefined;

  // Uncontrolled use keeps its own count; controlled use reads `value`.
  const [uncontrolledLength, setUncontrolledLength] = useState(() => String(defaultValue ?? "").length);
  const length = value !== undefined ? String(value).length : uncontrolledLength;

  // Only announce after the user has typed: nobody needs "500 characters
  // left" read out when the page loads.
  const [typed, setTyped] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!counting || !typed) return;
    const timer = setTimeout(() => {
      const left = maxLength - length;
      setAnnouncement(left === 1 ? "1 character left" : `${left} characters left`);
    }, ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [counting, typed, length, maxLength]);

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    if (value === undefined) setUncontrolledLength(event.target.value.length);
    setTyped(true);
    onChange?.(event);
  }

  const textarea = (
    <textarea
      rows={rows}
      maxLength={maxLength}
      value={value}
      defaultValue={defaultValue}
      onChange={handleChange}
      aria-describedby={cn(describedBy, counting && counterId) || undefined}
      className={cn(controlClasses, "min-h-24 resize-y py-2.5", className)}
      {...props}
    />
  );

  if (!counting) return textarea;

  const nearLimit = length >= maxLength * 0.9;
  return (
    <div>
      {textarea}
      <p
        id={counterId}
        className={cn(
          "mt-1.5 text-right text-sm tabular-nums",
          nearLimit ? "font-medium text-amber-800" : "text-slate-600",
        )}
      >
        {length}/{maxLength}
        <span className="sr-only"> characters used</span>
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
