/**
 * What changing a clinic's time zone does, in words, for the settings form to
 * show before saving. Weekly hours are wall-clock times in the clinic's zone,
 * so they keep their clock times and move in absolute time (9 AM Eastern
 * becomes 9 AM Central). Booked appointments are instants: they stay put and
 * only read differently on the new zone's clock.
 */
import { formatWallTime } from "./availability-wording";
import { utcOffsetMinutes } from "./time-format";
import { zoneCity } from "./time-zones";

export interface ZoneChangeNotice {
  title: string;
  hours: string;
  appointments: string;
}

const hoursText = (minutes: number) => {
  const h = Math.abs(minutes) / 60;
  const n = Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, "");
  return `${n} ${h === 1 ? "hour" : "hours"}`;
};

const wall = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return formatWallTime(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
};

/** null when the zone doesn't change. `upcoming`: the clinic's appointments still ahead (countUpcomingAppointments). */
export function describeZoneChange(from: string, to: string, upcoming: number, now: number): ZoneChangeNotice | null {
  if (from === to) return null;
  const fromName = `${zoneCity(from)} time`;
  const toName = `${zoneCity(to)} time`;
  // How far the new zone's clock is ahead of the old one's right now.
  const shift = utcOffsetMinutes(now, to) - utcOffsetMinutes(now, from);
  const nineInOld = wall(9 * 60 - shift);
  const hours =
    shift === 0
      ? `Every doctor's weekly hours keep their clock times, now in ${toName}. Both zones read the same today, so nothing moves for now (it can when daylight saving differs).`
      : `Every doctor's weekly hours keep their clock times, now in ${toName}: 9:00 AM ${fromName} becomes 9:00 AM ${toName}, which is ${nineInOld} ${fromName} — ${hoursText(shift)} ${shift < 0 ? "later" : "earlier"} than today. Check each doctor's hours after saving.`;
  const appointments =
    upcoming === 0
      ? "There are no upcoming appointments."
      : `The ${upcoming === 1 ? "upcoming appointment keeps its" : `${upcoming} upcoming appointments keep their`} exact time${upcoming === 1 ? "" : "s"}: nobody's visit moves${
          shift === 0 ? "." : `, but on the new zone's clock ${upcoming === 1 ? "it reads" : "they read"} ${hoursText(shift)} ${shift > 0 ? "later" : "earlier"}.`
        }`;
  return { title: `Changing the time zone to ${toName}`, hours, appointments };
}
