"use client";

import { useEffect, useRef } from "react";

// Marks <html data-hydrated> once React has hydrated the whole page. Until then
// a click or a keystroke reaches only the server's HTML and is lost; the
// end-to-end tests wait for the mark instead of retrying clicks.
//
// "The whole page" needs more than one mark: a route with a loading.tsx streams
// its page inside a Suspense boundary, and React hydrates that boundary after
// the root (the root's effects have already run by then). So every such page
// renders a <HydrationMark /> too, its loading fallback renders a
// <HydrationPending />, and <html> is marked only when no mark on the page is
// still waiting for its own hydration.

const PENDING = "pending";

function markPageIfDone() {
  if (document.querySelector(`[data-hydration-mark="${PENDING}"]`) === null) {
    document.documentElement.dataset.hydrated = "";
  }
}

/** One part of the page that must hydrate before the page counts as hydrated. */
export function HydrationMark() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.dataset.hydrationMark = "done";
    markPageIfDone();
  }, []);
  return <span ref={ref} hidden data-hydration-mark={PENDING} />;
}

/** For a loading fallback: the page it stands in for has not arrived yet. */
export function HydrationPending() {
  return <span hidden data-hydration-mark={PENDING} />;
}
