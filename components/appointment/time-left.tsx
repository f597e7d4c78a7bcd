"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/domain/time-format";

const MINUTE_MS = 60_000;

/**
 * "23 h 12 min left" to a real deadline, kept current while the page stays
 * open. The first render uses the server's clock (`now`), so the HTML and the
 * hydrated page agree; the browser's clock takes over after that.
 */
export function TimeLeft({ deadline, now, className }: { deadline: string; now: number; className?: string }) {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    const tick = () => setCurrent(Date.now());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  const remaining = Date.parse(deadline) - current;
  if (remaining <= 0) {
    return <span className={className}>Time&apos;s up: reload the page to see where your request stands.</span>;
  }
  // Rounded up to the minute, so an open window never reads "0 min left".
  return <span className={className}>{formatDuration(Math.ceil(remaining / MINUTE_MS) * MINUTE_MS)} left</span>;
}
