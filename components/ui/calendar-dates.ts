import type { LocalDate } from "@/lib/domain/slots";

// react-day-picker works with Date objects in the browser's zone. The
// calendar shows the clinic's local dates, so each "YYYY-MM-DD" becomes a Date
// at local noon on that y/m/d (noon: no DST jump can move it to another day),
// built from its parts on the server and in the browser alike, so both render
// the same grid whatever their zones.

export function localDateToPickerDate(date: LocalDate): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

export function pickerDateToLocalDate(date: Date): LocalDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
