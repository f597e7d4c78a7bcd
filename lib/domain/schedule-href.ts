/** The schedule page's URL for a view, a date and (for staff and admins) a doctor; leaves out what is default. */
export function scheduleHref(q: { view: "day" | "week"; date?: string | null; doctor?: string | null }): string {
  const params = new URLSearchParams();
  if (q.view !== "day") params.set("view", q.view);
  if (q.date) params.set("date", q.date);
  if (q.doctor) params.set("doctor", q.doctor);
  const query = params.toString();
  return query ? `/dashboard/schedule?${query}` : "/dashboard/schedule";
}
