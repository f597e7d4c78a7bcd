import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, feedIcs, firstName, foldLine, icsUtc, type FeedEvent } from "./ics-text";
import { contentLines, one, parseIcs, parseUtc } from "./testing/parse-ics";

const event = (changes: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: "visit-abc123@clinic-booking",
  sequence: 0,
  start: Date.UTC(2027, 0, 13, 15),
  end: Date.UTC(2027, 0, 13, 15, 30),
  stamp: Date.UTC(2027, 0, 10, 9, 5, 7),
  summary: "Visit",
  status: "CONFIRMED",
  ...changes,
});

/** What escaping keeps of a text: line breaks become "\n", other control characters go. */
const kept = (text: string) => text.replace(/\r\n|[\r\n\u2028\u2029]/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");

describe("feedIcs", () => {
  it("reads back as a calendar of the same events, in UTC, with CRLF line ends", () => {
    const text = feedIcs({
      name: "Dr. Okafor, visits",
      timeZone: "America/New_York",
      events: [event(), event({ uid: "visit-def@clinic-booking", sequence: 3, status: "CANCELLED", summary: "Visit: Ana; with Dr. B", url: "https://x.test/dashboard/schedule/def" })],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const calendar = parseIcs(text);
    expect(one(calendar, "VERSION")).toBe("2.0");
    expect(one(calendar, "X-WR-CALNAME")).toBe("Dr. Okafor, visits");
    expect(calendar.children.map((c) => c.name)).toEqual(["VEVENT", "VEVENT"]);
    const [first, second] = calendar.children;
    expect(parseUtc(one(first!, "DTSTART"))).toBe(Date.UTC(2027, 0, 13, 15));
    expect(parseUtc(one(first!, "DTEND"))).toBe(Date.UTC(2027, 0, 13, 15, 30));
    expect(one(first!, "DTSTAMP")).toBe("20270110T090507Z");
    expect(one(first!, "SEQUENCE")).toBe("0");
    expect(one(first!, "STATUS")).toBe("CONFIRMED");
    expect(one(second!, "UID")).toBe("visit-def@clinic-booking");
    expect(one(second!, "SEQUENCE")).toBe("3");
    expect(one(second!, "STATUS")).toBe("CANCELLED");
    expect(one(second!, "SUMMARY")).toBe("Visit: Ana; with Dr. B");
    expect(one(second!, "URL")).toBe("https://x.test/dashboard/schedule/def");
  });

  it("keeps any summary and description word for word through escaping and folding", () => {
    const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: fc.constantFrom(",", ";", "\\", "\n", "\r", "é", "😀", "a", " ", "\u2028", "\u0007"), maxLength: 200 }));
    fc.assert(
      fc.property(text, text, (summary, description) => {
        const parsed = parseIcs(feedIcs({ name: "C", timeZone: "UTC", events: [event({ summary, description: description || undefined })] }));
        const vevent = parsed.children[0]!;
        expect(one(vevent, "SUMMARY")).toBe(kept(summary));
        if (description) expect(one(vevent, "DESCRIPTION")).toBe(kept(description));
      }),
      { numRuns: 500 },
    );
  });
});

describe("foldLine", () => {
  it("folds at 75 octets without splitting a character, and unfolds to the same line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (value) => {
        const line = `SUMMARY:${escapeText(value)}`;
        const folded = `${foldLine(line)}\r\n`;
        expect(contentLines(folded)).toEqual([line]);
      }),
      { numRuns: 500 },
    );
  });

  it("fills each line to exactly 75 octets, continuation lines 74 after their space", () => {
    const folded = foldLine(`DESCRIPTION:${"x".repeat(200)}`).split("\r\n");
    expect(folded.map((l) => new TextEncoder().encode(l).length)).toEqual([75, 75, 64]); // 212 octets: 75, then 74 + 1 space, then the last 63 + 1
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    // A 4-octet emoji that would cross the 75th octet moves whole to the next line.
    const emoji = foldLine(`SUMMARY:${"x".repeat(65)}😀😀`).split("\r\n");
    expect(emoji[0]).toBe(`SUMMARY:${"x".repeat(65)}`);
    expect(emoji[1]).toBe(" 😀😀");
  });
});

describe("escapeText, icsUtc, firstName", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("writes whole-second UTC times", () => {
    expect(icsUtc(Date.UTC(2027, 2, 14, 7, 0, 0, 999))).toBe("20270314T070000Z");
  });

  it("takes the first word of a name", () => {
    expect(firstName("  Ada  Lovelace ")).toBe("Ada");
    expect(firstName("Zoë")).toBe("Zoë");
    expect(firstName("")).toBe("");
  });
});
