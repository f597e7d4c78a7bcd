// The browser's hand-written booking check must say exactly what the server's
// zod schema says: the same verdict, the same fields, the same first message
// per field, for anything the form can send. Drafts are drawn around every
// limit (one under, at, one over, with whitespace the trim removes), with
// line breaks that count once, odd addresses, Unicode that changes length
// when lowercased, and times that do not exist.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBookingForm, type BookingFormFields } from "./booking-form-check";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PHONE_LENGTH, MAX_REASON_LENGTH } from "./booking-fields";
import { bookingFormSchema } from "./booking-request";
import { fieldErrors } from "./validation";
import { anyText, emailText as emailTextNear, join, nearLimit, padded, textOf } from "@/tests/helpers/form-text-arbitraries";

function schemaErrors(form: BookingFormFields): Record<string, string> {
  const result = bookingFormSchema.safeParse(form);
  return result.success ? {} : fieldErrors(result.error);
}

const nameEnding = fc.constantFrom("", " Lee", "www.x", "pay.com", "evil.example/x", "https://a", "mailto:x", "x.io?", " a.de", "\u202e", "\n", "\t");
const nameText = fc.oneof(
  anyText,
  nearLimit(fc.constantFrom("a", "B", "é", " ", "İ", "."), MAX_NAME_LENGTH),
  // Real names with dots, links, and both a link and a line break (which message comes first matters).
  padded(
    fc
      .tuple(fc.constantFrom("Ann", "Dr. Ann", "J.R. Lee", "St.John", "Ann "), fc.array(nameEnding, { maxLength: 2 }).map(join))
      .map(join),
  ),
);

const emailText = emailTextNear(MAX_EMAIL_LENGTH);

const phoneUnit = fc.constantFrom("0", "1", "5", "9", " ", "+", "-", "(", ")", ".", "O", "x", "\t", "０");
const phoneText = fc.oneof(anyText, padded(textOf(phoneUnit, 26)), nearLimit(phoneUnit, MAX_PHONE_LENGTH), nearLimit(fc.constant("5"), 20));

// A browser sends a line break as CRLF but counts it once against maxlength.
const reasonUnit = fc.constantFrom("a", " ", "\r\n", "\n", "\r", "é", "😀");
const reasonText = fc.oneof(anyText, padded(textOf(reasonUnit, 20)), nearLimit(reasonUnit, MAX_REASON_LENGTH));

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
// The right shape with any digits: Feb 29 in a leap year or not (1900 and 2100 are not), Feb 30, month 13, 24:00, 60 seconds.
const shapedStart = fc
  .tuple(
    fc.constantFrom("2024", "2026", "1900", "2000", "0000", "2100"),
    fc.oneof(two(13), fc.constantFrom("02", "04")),
    fc.oneof(two(32), fc.constantFrom("28", "29", "30", "31")),
    fc.oneof(two(24), fc.constantFrom("23", "24")),
    fc.oneof(two(60), fc.constantFrom("59", "60")),
    fc.oneof(two(60), fc.constantFrom("59", "60")),
    fc.constantFrom("", ".000", ".123", ".1"),
    fc.oneof({ arbitrary: fc.constant("Z"), weight: 4 }, fc.constantFrom("", "+00:00", "z")),
  )
  .map(([y, mo, d, h, mi, s, ms, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${zone}`);
const startText = fc.oneof(
  fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date("2000-01-01"), max: new Date("2100-01-01") }).map((d) => d.toISOString().replace(".000Z", "Z")),
  shapedStart,
  anyText,
);

const draft: fc.Arbitrary<BookingFormFields> = fc.record({
  start: startText,
  patient: fc.record({ name: nameText, email: emailText, phone: phoneText }),
  reason: reasonText,
  consent: fc.boolean(),
});

describe("checkBookingForm agrees with bookingFormSchema", () => {
  it("on every draft: the same fields with the same messages, so the same verdict", () => {
    fc.assert(
      fc.property(draft, (form) => {
        expect(checkBookingForm(form)).toEqual(schemaErrors(form));
      }),
      { numRuns: 3000 },
    );
  });

  it("on times of the right shape: the same verdict on whether the date and time exist", () => {
    const rest = { patient: { name: "Ann Lee", email: "ann@example.com", phone: "555 010 2030" }, reason: "Knee", consent: true };
    fc.assert(
      fc.property(shapedStart, (start) => {
        expect(checkBookingForm({ ...rest, start })).toEqual(schemaErrors({ ...rest, start }));
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts a complete form, as the schema does", () => {
    const form = {
      start: "2026-12-02T14:00:00.000Z",
      patient: { name: "Ann Lee", email: " Ann@Example.com ", phone: "+1 (555) 010-2030" },
      reason: "Follow-up on my knee",
      consent: true,
    };
    expect(checkBookingForm(form)).toEqual({});
    expect(bookingFormSchema.safeParse(form).success).toBe(true);
  });

  it("refuses an empty form field by field", () => {
    const form = { start: "", patient: { name: "", email: "", phone: "" }, reason: "", consent: false };
    expect(Object.keys(checkBookingForm(form)).sort()).toEqual(["consent", "patient.email", "patient.name", "patient.phone", "reason", "start"]);
    expect(checkBookingForm(form)).toEqual(schemaErrors(form));
  });
});
