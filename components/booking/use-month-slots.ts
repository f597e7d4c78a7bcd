"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { groupSlotsByDate, monthFetchRange, monthOf, monthsInRange, type DateRange, type IsoSlot, type MonthKey } from "@/lib/domain/booking-calendar";
import type { LocalDate } from "@/lib/domain/slots/types";

export type MonthData =
  /** The month's free slots by clinic-local date, each list in time order. */
  | { status: "ready"; days: Map<LocalDate, IsoSlot[]>; fetchedAt: number }
  | { status: "loading" }
  | { status: "error" };

export type MonthStatus = MonthData["status"];

// A month shown again after this long is refetched in the background.
const STALE_MS = 60_000;

export const isStale = (data: { fetchedAt: number }) => Date.now() - data.fetchedAt > STALE_MS;

/**
 * Free slots per month: the first months come from the server render, the
 * others from the public slots API on demand (never cached by the browser).
 */
export function useMonthSlots({
  slug,
  doctorId,
  timeZone,
  window,
  initial,
}: {
  slug: string;
  doctorId: string;
  timeZone: string;
  window: DateRange;
  initial: { range: DateRange; slots: IsoSlot[] | null; fetchedAt: number };
}) {
  const [months, setMonths] = useState<Record<MonthKey, MonthData>>(() => {
    const state: Record<MonthKey, MonthData> = {};
    // One pass over the first months' slots: a slot's local date comes from
    // Intl, the largest part of this page's render on a slow phone.
    const all = initial.slots ? groupSlotsByDate(initial.slots, timeZone) : null;
    for (const month of monthsInRange(initial.range)) {
      const days = all && new Map([...all].filter(([date]) => monthOf(date) === month));
      state[month] = days ? { status: "ready", days, fetchedAt: initial.fetchedAt } : { status: "error" };
    }
    return state;
  });

  // Every loaded slot by clinic-local date, months in order.
  const byDate = useMemo(() => {
    const ready = Object.entries(months).sort(([a], [b]) => a.localeCompare(b));
    return new Map(ready.flatMap(([, data]) => (data.status === "ready" ? [...data.days] : [])));
  }, [months]);

  const controllers = useRef(new Map<MonthKey, AbortController>());
  useEffect(() => {
    const pending = controllers.current;
    return () => pending.forEach((controller) => controller.abort());
  }, []);

  async function loadMonth(target: MonthKey, { keepShowing = false } = {}) {
    const range = monthFetchRange(target, window);
    if (!range) {
      setMonths((current) => ({ ...current, [target]: { status: "ready", days: new Map(), fetchedAt: Date.now() } }));
      return;
    }
    controllers.current.get(target)?.abort();
    const controller = new AbortController();
    controllers.current.set(target, controller);
    if (!keepShowing) setMonths((current) => ({ ...current, [target]: { status: "loading" } }));
    try {
      const query = new URLSearchParams({ from: range.from, to: range.to });
      const response = await fetch(
        `/api/public/orgs/${encodeURIComponent(slug)}/doctors/${encodeURIComponent(doctorId)}/slots?${query}`,
        { cache: "no-store", signal: controller.signal },
      );
      if (!response.ok) throw new Error(`Slots request failed with ${response.status}`);
      const body = (await response.json()) as { slots: IsoSlot[] };
      const days = groupSlotsByDate(body.slots, timeZone);
      setMonths((current) => ({ ...current, [target]: { status: "ready", days, fetchedAt: Date.now() } }));
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error(error);
      setMonths((current) => ({ ...current, [target]: { status: "error" } }));
    } finally {
      if (controllers.current.get(target) === controller) controllers.current.delete(target);
    }
  }

  return { months, byDate, loadMonth };
}
