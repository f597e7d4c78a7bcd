"use client";

import { useEffect, useId, useRef } from "react";
import { Field, Input } from "@/components/ui";

/**
 * A searchable IANA time zone: a native input with a datalist, so typing
 * "york" or "london" filters the list in every browser, with the keyboard
 * and screen-reader support of a plain text field. The server checks the
 * value against the same zone names.
 */
export function TimeZoneField({
  timeZones,
  defaultValue = "",
  error,
  useBrowserDefault = false,
}: {
  timeZones: string[];
  defaultValue?: string;
  error?: string;
  /** Prefill with the browser's zone (signup): most clinics sign up from where they are. */
  useBrowserDefault?: boolean;
}) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!useBrowserDefault || !input || input.value) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) input.value = zone;
  }, [useBrowserDefault]);

  return (
    <Field
      label="Time zone"
      hint="Opening hours and appointment times are in this zone. Type a city to search, like New York or London."
      error={error}
    >
      {(props) => (
        <>
          <Input
            {...props}
            ref={inputRef}
            name="timezone"
            list={listId}
            defaultValue={defaultValue}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="America/New_York"
          />
          <datalist id={listId}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
