/**
 * An iCalendar (RFC 5545) subscription feed as text. Pure, so it can be
 * tested by parsing it back (testing/parse-ics.ts). What the standard asks
 * and calendar apps rely on:
 * - lines end in CRLF and are folded at 75 octets (UTF-8 bytes, never inside
 *   a character), continuation lines starting with one space (3.1);
 * - TEXT values escape backslash, semicolon, comma and newlines (3.3.11);
 * - times are UTC ("…Z"), so no VTIMEZONE is needed and no reader can place
 *   an event at the wrong hour (3.3.5, form #2);
 * - every VEVENT has a UID (stable: the same visit is the same event on
 *   every fetch), DTSTAMP, and SEQUENCE, which grows when the event changes
 *   (a move), so a client replaces its copy; a called-off event stays in the
 *   feed with STATUS:CANCELLED, so clients drop it rather than keep a stale one.
 */

export interface FeedEvent {
  uid: string;
  sequence: number;
  /** Epoch ms. */
  start: number;
  end: number;
  /** When the event was last changed (DTSTAMP and LAST-MODIFIED), epoch ms. */
  stamp: number;
  summary: string;
  description?: string;
  url?: string;
  status: "CONFIRMED" | "CANCELLED";
}

export interface FeedCalendar {
  /** The calendar's name in the subscriber's app (X-WR-CALNAME). */
  name: string;
  /** The clinic's zone, a display hint only (X-WR-TIMEZONE): every time is UTC. */
  timeZone: string;
  events: readonly FeedEvent[];
}

export const ICS_PRODUCT_ID = "-//clinic-booking//calendar feed//EN";
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** "20270113T150000Z": an instant as an iCalendar UTC DATE-TIME (whole seconds). */
export function icsUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * A TEXT value: backslash, semicolon and comma escaped, any line break (CRLF,
 * CR, LF, U+2028/9) as "\n", other control characters dropped (they may not
 * appear in a content line, and a stored name must never start a property).
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/** One content line folded so no physical line exceeds 75 octets, split only between characters. */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  // The first physical line holds 75 octets; each continuation spends one on its leading space.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = octets(char);
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** The whole calendar: VCALENDAR with one VEVENT per event, CRLF after every line. */
export function feedIcs(calendar: FeedCalendar): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${ICS_PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`,
    // How often subscribers should fetch again (RFC 7986, and Outlook's older name for it).
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  for (const event of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(event.uid)}`,
      `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
      `DTSTAMP:${icsUtc(event.stamp)}`,
      `LAST-MODIFIED:${icsUtc(event.stamp)}`,
      `DTSTART:${icsUtc(event.start)}`,
      `DTEND:${icsUtc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      // A URI value is not TEXT: it is not escaped, and ours never holds a comma, semicolon or line break.
      ...(event.url ? [`URL:${event.url}`] : []),
      `STATUS:${event.status}`,
      `TRANSP:${event.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A patient's first name only (the first word of the name), for clinics that put names in feeds. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/u)[0] ?? "";
}
