"use client";

import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React has hydrated the page. Until then a
 * click or a keystroke reaches only the server's HTML and is lost; the
 * end-to-end tests wait for the mark instead of retrying clicks.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
