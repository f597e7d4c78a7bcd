"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the queue from the server every minute while the tab is in
 * view, and as soon as it comes back into view: new requests appear, "came …
 * ago" and the time left stay true, and a request someone else decided moves
 * on, all without a reload. Only the server data refreshes; what is typed or
 * chosen in the page stays. (Not on a request's own page: an action there
 * must carry the version the person actually looked at.)
 */
export function AutoRefresh({ everyMs = 60_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, everyMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router, everyMs]);
  return null;
}
