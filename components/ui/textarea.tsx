"use client";

import type { ChangeEvent, ComponentProps } from "react";
import { useCharacterCount } from "./character-count";
import { cn } from "./cn";
import { controlClasses } from "./input";

export type TextareaProps = ComponentProps<"textarea"> & {
  /**
   * With `maxLength`, show a live "123/500" counter under the field
   * (character-count.tsx): read on focus, and what is left is announced once
   * typing pauses.
   */
  showCount?: boolean;
};

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
  const count = useCharacterCount({ enabled: showCount, maxLength, value, defaultValue });

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    count.typed(event.target.value);
    onChange?.(event);
  }

  const textarea = (
    <textarea
      rows={rows}
      maxLength={maxLength}
      value={value}
      defaultValue={defaultValue}
      onChange={handleChange}
      aria-describedby={cn(describedBy, count.counterId) || undefined}
      className={cn(controlClasses, "min-h-24 resize-y py-2.5", className)}
      {...props}
    />
  );

  if (!count.counting) return textarea;
  return (
    <div>
      {textarea}
      {count.counter}
    </div>
  );
}
