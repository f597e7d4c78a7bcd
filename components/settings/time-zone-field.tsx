"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Field, Input, cn } from "@/components/ui";
import { normalizeTimeZone } from "@/lib/domain/clinic-settings";
import { describeZone, searchTimeZones } from "@/lib/domain/time-zones";

/**
 * A searchable IANA time zone: type a city ("Chicago"), a country ("Germany")
 * or an offset ("GMT-5", "+01:00") and pick from the list (arrow keys and
 * Enter, or a click). A city that names one zone is accepted as typed; the
 * server resolves it the same way (normalizeTimeZone). The hint says which
 * zone will be saved.
 */
export function TimeZoneField({
  timeZones,
  defaultValue = "",
  error,
  useBrowserDefault = false,
  onZoneChange,
}: {
  timeZones: string[];
  defaultValue?: string;
  error?: string;
  /** Prefill with the browser's zone (signup): most clinics sign up from where they are. */
  useBrowserDefault?: boolean;
  /** The zone the current text resolves to (null while it names none), e.g. to default the currency. */
  onZoneChange?: (zone: string | null) => void;
}) {
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Offsets are read once per visit: the list is for choosing, not a clock.
  const [now] = useState(() => Date.now());
  const onZoneChangeRef = useRef(onZoneChange);
  useEffect(() => {
    onZoneChangeRef.current = onZoneChange;
  }, [onZoneChange]);

  useEffect(() => {
    if (!useBrowserDefault || defaultValue) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone is only known after hydration
    if (zone) setValue((current) => current || zone);
  }, [useBrowserDefault, defaultValue]);

  const resolved = useMemo(() => (value.trim() ? normalizeTimeZone(value) : null), [value]);
  useEffect(() => onZoneChangeRef.current?.(resolved), [resolved]);

  const matches = useMemo(() => (open ? searchTimeZones(value, timeZones, now) : []), [open, value, timeZones, now]);
  const expanded = matches.length > 0;

  function choose(zone: string) {
    setValue(zone);
    setOpen(false);
  }

  const hint =
    resolved && resolved !== value.trim() ? (
      <>
        Saved as <span className="font-medium text-slate-900">{describeZone(resolved, now).label}</span> ({resolved}).
      </>
    ) : (
      "Opening hours and appointment times are in this zone. Type a city, a country or an offset, like Chicago, London or GMT-5."
    );

  return (
    <Field label="Time zone" hint={hint} error={error}>
      {(props) => (
        <div className="relative">
          <Input
            {...props}
            name="timezone"
            value={value}
            role="combobox"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="Type a city, like New York"
            onChange={(event) => {
              setValue(event.target.value);
              setOpen(true);
              setActive(0);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                if (!open) return setOpen(true);
                const step = event.key === "ArrowDown" ? 1 : -1;
                setActive((current) => (matches.length ? (current + step + matches.length) % matches.length : 0));
              } else if (event.key === "Enter" && expanded) {
                event.preventDefault(); // pick, don't submit
                choose(matches[Math.min(active, matches.length - 1)]!.zone);
              } else if (event.key === "Escape" && expanded) {
                event.preventDefault();
                setOpen(false);
              }
            }}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Suggestions"
            className={cn(
              "absolute inset-x-0 top-full z-30 mt-1 max-h-72 overflow-y-auto rounded-lg border border-slate-300 bg-white py-1 shadow-lg",
              !expanded && "hidden",
            )}
          >
            {matches.map((match, index) => (
              <li
                key={match.zone}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // mousedown, not click: keep focus in the input (blur would close the list first).
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(match.zone);
                }}
                onMouseEnter={() => setActive(index)}
                className={cn("cursor-pointer px-3 py-2 text-base", index === active ? "bg-primary-50 text-primary-900" : "text-slate-900")}
              >
                <span className="block">{match.label}</span>
                <span className="block text-sm text-slate-600">{match.zone}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
