"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { useLeaveGuard } from "@/components/availability/use-leave-guard";

// A settings page with several forms, each saved on its own. Each section
// knows whether it has unsaved edits (its fields differ from what it last
// loaded or saved) and says so beside its Save button; while any has, leaving
// the page asks first, as the availability editor does. Saving one section
// leaves the others' edits in place.

export const SETTINGS_LEAVE_PROMPT = "You have unsaved changes on this page. Leave without saving?";

const Sections = createContext<((section: string, dirty: boolean) => void) | null>(null);

/** Wraps the page's sections: one leave guard for all of them. */
export function UnsavedSections({ children }: { children: ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const [dirtySections, setDirtySections] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((section: string, dirty: boolean) => {
    setDirtySections((current) => {
      if (current.has(section) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(section);
      else next.delete(section);
      return next;
    });
  }, []);
  useLeaveGuard(dirtySections.size > 0, area, SETTINGS_LEAVE_PROMPT);
  return (
    <Sections.Provider value={report}>
      <div ref={area}>{children}</div>
    </Sections.Provider>
  );
}

/** The form's fields as one comparable string (files are never part of these forms). */
export function formSnapshot(form: HTMLFormElement): string {
  return JSON.stringify([...new FormData(form).entries()].filter(([key]) => !key.startsWith("$ACTION")).map(([key, value]) => [key, String(value)]));
}

/**
 * Whether `form` differs from what it showed when loaded or last saved:
 * `markSaved()` after a successful save. Reported to <UnsavedSections> when
 * there is one. Wire `onChange` to the form (React's onChange on a form sees
 * every field's input and change events).
 */
export function useUnsavedForm(section: string, form: RefObject<HTMLFormElement | null>) {
  const report = useContext(Sections);
  const saved = useRef<string | null>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (form.current) saved.current = formSnapshot(form.current);
  }, [form]);
  useEffect(() => {
    report?.(section, dirty);
  }, [report, section, dirty]);
  useEffect(() => () => report?.(section, false), [report, section]);
  function onChange() {
    if (form.current && saved.current !== null) setDirty(formSnapshot(form.current) !== saved.current);
  }
  function markSaved() {
    if (form.current) saved.current = formSnapshot(form.current);
    setDirty(false);
  }
  return { dirty, onChange, markSaved };
}

/** "Unsaved changes" beside a section's Save button, while it has them. */
export function UnsavedNote({ dirty }: { dirty: boolean }) {
  if (!dirty) return null;
  return <p className="text-sm font-medium text-amber-800">Unsaved changes</p>;
}
