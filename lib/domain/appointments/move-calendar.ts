import type { DateRange, IsoSlot } from "../booking-calendar";
import type { LocalDate } from "../slots";
import type { WeekStart } from "../week-start";

/**
 * What the status page's "Move to another time" needs: the doctor's public calendar, its first months loaded, and
 * what a move does now. The server builds it (lib/server/appointments/visit-move-view.ts); the page's island shows it.
 */
export interface MoveCalendar {
  slug: string;
  doctorId: string;
  timeZone: string;
  today: LocalDate;
  window: DateRange;
  weekStartsOn: WeekStart;
  initial: { range: DateRange; slots: IsoSlot[] | null; fetchedAt: number };
  /** The move swaps at once (the clinic allows it and the visit is before its free-cancellation cutoff). */
  swapsNow: boolean;
  words: string;
}
