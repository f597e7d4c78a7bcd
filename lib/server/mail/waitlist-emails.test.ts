import { describe, expect, it } from "vitest";
import { joinedEmail, timeOpenedEmail, type WaitlistMailContext } from "./waitlist-emails";

const context: WaitlistMailContext = {
  clinic: { name: "Harbour Family Practice", phone: "+1 (207) 555-0142", email: "desk@example.com", address: "2 Quay St", timezone: "America/New_York" },
  doctorName: "Dr. Noor Haddad",
  to: "ann@example.com",
  leaveUrl: "https://app.example/waitlist/leave?w=c_d_x&t=TOKEN",
  oneClickLeaveUrl: "https://app.example/api/waitlist/leave?w=c_d_x&t=TOKEN",
};
const NOW = new Date("2027-01-13T15:00:00Z");

describe("the waiting list's emails", () => {
  it("a time opened: names the day, links to the calendar at that date, and says nothing is held", () => {
    const mail = timeOpenedEmail(context, "2027-01-21", "https://app.example/book/c/d?date=2027-01-21", NOW);
    expect(mail.to).toBe("ann@example.com");
    expect(mail.subject).toBe("A time opened: Dr. Noor Haddad, Thu, Jan 21");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("https://app.example/book/c/d?date=2027-01-21");
      expect(body).toContain("first person to book it gets it");
    }
  });

  it("every email carries the leave link, in the text and the HTML alike", () => {
    const joined = joinedEmail(context, ["mon", "fri"], new Date("2027-02-12T15:00:00Z"), "https://app.example/book/c/d", NOW);
    const opened = timeOpenedEmail(context, "2027-01-21", "https://app.example/book/c/d?date=2027-01-21", NOW);
    for (const mail of [joined, opened]) {
      expect(mail.text).toContain(`Stop these emails (leave the waiting list): ${context.leaveUrl}`);
      expect(mail.html).toContain(`href="${context.leaveUrl.replace("&", "&amp;")}"`);
    }
    expect(joined.text).toContain("(Mondays and Fridays), until Fri, Feb 12.");
  });

  it("every email offers a mail app's one-click unsubscribe (RFC 8058), to the address that leaves on a POST", () => {
    const joined = joinedEmail(context, [], new Date("2027-02-12T15:00:00Z"), "https://app.example/book/c/d", NOW);
    const opened = timeOpenedEmail(context, "2027-01-21", "https://app.example/book/c/d?date=2027-01-21", NOW);
    for (const mail of [joined, opened]) {
      expect(mail.headers).toEqual({
        "List-Unsubscribe": "<https://app.example/api/waitlist/leave?w=c_d_x&t=TOKEN>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
    }
  });
});
