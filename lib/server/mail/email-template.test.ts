import { describe, expect, it } from "vitest";
import { renderEmail } from "./email-template";

// The attack from the security review, as a name that reached the template
// (older records, or any future caller that skips the booking schema).
const ATTACK = "Ann Lee\nACTION NEEDED: pay at https://evil.example/x";
const clinic = { name: "Clinic A", phone: "555 0100", email: "desk@a.test", address: "1 Main St" };

/** Every line of the text version that starts with `fragment` (after spaces). */
const linesStartingWith = (text: string, fragment: string) => text.split("\n").filter((line) => line.trimStart().startsWith(fragment));

describe("renderEmail", () => {
  it("keeps an injected line break from starting a line of its own in the text version", () => {
    const { text, html } = renderEmail({
      heading: `Hello ${ATTACK}, we received your request`,
      paragraphs: [`Booked by ${ATTACK}.`, `${ATTACK}\r\nsecond\u2028third\u0085fourth`],
      button: { label: `Open ${ATTACK}`, url: "https://clinic.test/a" },
      clinic: { ...clinic, name: `Clinic\n${ATTACK}`, address: "1 Main St\nSpringfield" },
    });
    expect(linesStartingWith(text, "ACTION NEEDED")).toEqual([]);
    expect(linesStartingWith(text, "second")).toEqual([]);
    expect(text.split("\n")[0]).toBe("Hello Ann Lee ACTION NEEDED: pay at https://evil.example/x, we received your request");
    expect(text).toContain("1 Main St, Springfield");
    expect(html).not.toMatch(/\n\s*ACTION NEEDED/);
  });

  it("drops other control characters and bidi overrides", () => {
    const { text, html } = renderEmail({ heading: "Hi Ann\u0000\u001b[2J\u202eeeL", paragraphs: ["x\u2066y\u2069"], clinic });
    expect(text.split("\n")[0]).toBe("Hi Ann[2JeeL");
    expect(text).toContain("\nxy\n");
    expect(html).not.toMatch(/[\u0000\u001b\u202e\u2066\u2069]/);
  });

  it("escapes every user string in the HTML version", () => {
    const evil = `<img src=x onerror="alert(1)">&'`;
    const { html } = renderEmail({
      heading: `Hello ${evil}`,
      paragraphs: [evil],
      button: { label: evil, url: `https://clinic.test/a?x="><script>` },
      clinic: { name: evil, phone: evil, email: evil, address: evil },
    });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('"alert');
    expect(html.match(/&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&amp;&#39;/g)).toHaveLength(7);
    expect(html).toContain('href="https://clinic.test/a?x=&quot;&gt;&lt;script&gt;"');
  });

  it('says "the link below" in the text version, where there is no button', () => {
    const { text, html } = renderEmail({
      heading: "Hi",
      paragraphs: ["Keep this email: the button below is your private link.", "Or press this button."],
      button: { label: "See your request", url: "https://clinic.test/a" },
      clinic,
    });
    expect(text).not.toMatch(/button/i);
    expect(text).toContain("Keep this email: the link below is your private link.");
    expect(text).toContain("Or press this link.");
    expect(html).toContain("the button below");
  });
});
