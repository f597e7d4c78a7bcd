import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CameAgo, ClinicTime, HoldLeft } from "./time-words";

const now = Date.UTC(2026, 11, 2, 15, 0); // Wed, Dec 2, 10:00 AM in New York
const HOUR = 3_600_000;

describe("HoldLeft", () => {
  it("is red, and says so in words, under 2 hours", () => {
    const html = renderToStaticMarkup(<HoldLeft expiresAt={now + 2 * HOUR - 60_000} now={now} />);
    expect(html).toContain("text-red-700");
    expect(html).toContain("data-urgent");
    expect(html).toContain("Urgent: </span>Expires in 1 h 59 min");
  });

  it("is plain at 2 hours or more, and absent without a deadline", () => {
    const html = renderToStaticMarkup(<HoldLeft expiresAt={now + 2 * HOUR} now={now} />);
    expect(html).not.toContain("text-red-700");
    expect(html).toContain("Expires in 2 h");
    expect(renderToStaticMarkup(<HoldLeft expiresAt={null} now={now} />)).toBe("");
  });

  it("says when the hold has lapsed", () => {
    expect(renderToStaticMarkup(<HoldLeft expiresAt={now - 1} now={now} />)).toContain("Hold lapsed");
  });
});

describe("ClinicTime and CameAgo", () => {
  it("show the clinic's zone by name, and how long ago", () => {
    const time = renderToStaticMarkup(<ClinicTime at={now} timeZone="America/New_York" now={now} />);
    expect(time).toContain("Wed, Dec 2, 10:00 AM EST, New York time");
    expect(time).toContain(`dateTime="${new Date(now).toISOString()}"`);
    expect(renderToStaticMarkup(<CameAgo at={now - 3 * HOUR} now={now} />)).toContain("Came <time");
    expect(renderToStaticMarkup(<CameAgo at={now - 3 * HOUR} now={now} />)).toContain("3 h ago");
  });
});
