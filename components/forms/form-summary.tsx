"use client";

import type { RefObject } from "react";
import { Alert } from "@/components/ui";

/**
 * The one announced message of a form (fields' own errors are not live).
 * Focus moves here after a failed submit so screen readers hear it.
 */
export function FormSummary({ message, summaryRef }: { message: string | null; summaryRef: RefObject<HTMLDivElement | null> }) {
  if (!message) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} className="outline-none">
      <Alert tone="error">{message}</Alert>
    </div>
  );
}
