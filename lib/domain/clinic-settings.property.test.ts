// Every name a clinic can set is one line of text: it reaches email subjects
// and calendar files, where a control character or a Unicode line separator
// can start a line of its own. Property tests over each form's schema.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  acceptInviteNewUserSchema,
  clinicProfileSchema,
  doctorProfileSchema,
  signupSchema,
} from "./clinic-settings";

const profile = {
  name: "Harbour Clinic",
  description: "",
  address: "1 Quay St",
  phone: "+1 (555) 010-2030",
  email: "front@harbour.test",
  timezone: "America/New_York",
  currency: "USD",
  fee: "45",
};
const signup = {
  clinicName: "Harbour Clinic",
  slug: "harbour-clinic",
  address: "1 Quay St",
  phone: "555 010 2030",
  email: "front@harbour.test",
  timezone: "Europe/London",
  currency: "GBP",
  fee: "30",
  adminName: "Ada Admin",
  adminEmail: "ada@harbour.test",
  password: "long enough",
};

/** Every name field of every form, with a valid rest of the form and its field error. */
const FIELDS: { form: string; schema: z.ZodType; base: Record<string, string>; field: string; error: string }[] = [
  { form: "profile", schema: clinicProfileSchema, base: profile, field: "name", error: "The clinic name" },
  { form: "profile", schema: clinicProfileSchema, base: profile, field: "address", error: "The address" },
  { form: "signup", schema: signupSchema, base: signup, field: "clinicName", error: "The clinic name" },
  { form: "signup", schema: signupSchema, base: signup, field: "address", error: "The address" },
  { form: "signup", schema: signupSchema, base: signup, field: "adminName", error: "Your name" },
  { form: "doctor", schema: doctorProfileSchema, base: { name: "Dr. Ada", specialty: "GP", bio: "" }, field: "name", error: "The doctor's name" },
  { form: "doctor", schema: doctorProfileSchema, base: { name: "Dr. Ada", specialty: "GP", bio: "" }, field: "specialty", error: "The specialty" },
  { form: "invite", schema: acceptInviteNewUserSchema, base: { name: "Ada", password: "long enough" }, field: "name", error: "Your name" },
];

/** Stated here, not imported, so the test says the rule itself: Unicode Cc and the two separators. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u;
const fieldOf = fc.constantFrom(...FIELDS);
/** Every Cc code point (C0, DEL, C1) and the two Unicode separators. */
const breaking = fc.constantFrom(
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  "\u2028",
  "\u2029",
);
/** Printable text, any script, that never breaks a line. */
const safe = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s.replace(new RegExp(LINE_BREAKING.source, "gu"), ""));
const visible = fc.constantFrom("a", "Z", "é", "李", "7", ".");

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("names a clinic can set", () => {
  it("refuse a control character or line separator anywhere inside, with a message on that field only", () => {
    fc.assert(
      fc.property(fieldOf, visible, safe, breaking, safe, visible, ({ schema, base, field, error }, first, before, bad, after, last) => {
        const value = `${first}${before}${bad}${after}${last}`;
        const result = schema.safeParse({ ...base, [field]: value });
        expect(result.success).toBe(false);
        expect(issues(result)).toEqual({ [field]: `${error} can't contain line breaks, tabs or other control characters.` });
      }),
      { numRuns: 500 },
    );
  });

  it("accept any other one-line text, trimmed, and what they keep never breaks a line", () => {
    fc.assert(
      fc.property(fieldOf, visible, safe, ({ schema, base, field }, first, rest) => {
        const value = `${first}${rest}`.slice(0, 60);
        const result = schema.safeParse({ ...base, [field]: ` ${value} ` });
        expect(issues(result)).toEqual({});
        const kept = (result.data as Record<string, string>)[field]!;
        expect(kept).toBe(value.trim());
        expect(LINE_BREAKING.test(kept)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
