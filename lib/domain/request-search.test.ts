import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesSearch, parseSearch } from "./request-search";

const ada = { name: "Ada Lovelace", email: "ada.l@example.com" };
const zoe = { name: "Zoë Ångström", email: "zoe@clinic.test" };

describe("finding a request by the patient's name or email", () => {
  it("matches any part of the name or the email, whatever the case", () => {
    expect(matchesSearch(ada, "lovelace")).toBe(true);
    expect(matchesSearch(ada, "ADA")).toBe(true);
    expect(matchesSearch(ada, "ada.l@")).toBe(true);
    expect(matchesSearch(ada, "example.com")).toBe(true);
    expect(matchesSearch(ada, "babbage")).toBe(false);
  });

  it("needs every word typed, in any order", () => {
    expect(matchesSearch(ada, "  love   ada ")).toBe(true);
    expect(matchesSearch(ada, "ada babbage")).toBe(false);
  });

  it("ignores accents either way", () => {
    expect(matchesSearch(zoe, "zoe angstrom")).toBe(true);
    expect(matchesSearch({ name: "Zoe Angstrom", email: "z@x.test" }, "Zoë")).toBe(true);
  });

  it("always finds a patient by their exact name or email", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 40 }), fc.emailAddress(), (name, email) => {
        fc.pre(name.trim().length > 0);
        expect(matchesSearch({ name, email }, name)).toBe(true);
        expect(matchesSearch({ name, email }, email)).toBe(true);
      }),
    );
  });
});

describe("the search query string", () => {
  it("is no search when absent or blank, and trimmed when given", () => {
    expect(parseSearch({})).toEqual({ q: null, message: null });
    expect(parseSearch({ q: "   " })).toEqual({ q: null, message: null });
    expect(parseSearch({ q: [" ada ", "x"] })).toEqual({ q: "ada", message: null });
  });

  it("explains a query too short or too long", () => {
    expect(parseSearch({ q: "a" }).message).toMatch(/at least 2/);
    expect(parseSearch({ q: "x".repeat(101) }).message).toMatch(/at most 100/);
  });
});
