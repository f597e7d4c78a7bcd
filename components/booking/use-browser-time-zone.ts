"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * The browser's IANA zone, or null during server rendering and hydration:
 * the server snapshot is null, so the first client render matches the HTML
 * and React re-renders with the real zone right after hydrating.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserTimeZone, () => null);
}
