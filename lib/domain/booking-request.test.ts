import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { bookingApiSchema, bookingFormSchema } from "./booking-request";
import { FORM_ERROR_KEY, fieldErrors } from "./validation";

const validForm = {
  start: "2026-12-02T14:00:00.000Z",
  patient: { name: "Ann Lee", email: "ann@example.com", phone: "+1 (555) 010-2030" },
  reason: "Follow-up on my knee",
  consent: true,
};

const { consent: _consent, ...validApiBody } = validForm;

type Overrides = { start?: unknown; reason?: unknown; consent?: unknown; patient?: Record<string, unknown> };

function formWith(overrides: Overrides): unknown {
  return { ...validForm, ...overrides, patient: { ...validForm.patient, ...overrides.patient } };
}

/** The errors a form would show for `input`, or {} when valid. */
function errorsFor(input: unknown, schema: z.ZodType = bookingFormSchema): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("bookingFormSchema", () => {
  it("accepts a valid request unchanged", () => {
    expect(bookingFormSchema.parse(validForm)).toEqual(validForm);
  });

  it("trims text, lowercases the email, canonicalises start", () => {
    const parsed = bookingFormSchema.parse(
      formWith({
        start: "2026-12-02T14:00:00Z",
        reason: "  Knee\r\npain  ",
        patient: { name: "  Ann Lee ", email: " Ann@Example.COM ", phone: " 555 0102 " },
      }),
    );
    expect(parsed).toEqual({
      start: "2026-12-02T14:00:00.000Z",
      patient: { name: "Ann Lee", email: "ann@example.com", phone: "555 0102" },
      reason: "Knee\npain",
      consent: true,
    });
  });

  it.each<[string, Overrides, string, string]>([
    ["missing name", { patient: { name: undefined } }, "patient.name", "Please enter your name"],
    ["blank name", { patient: { name: "   " } }, "patient.name", "Please enter your name"],
    [
      "long name",
      { patient: { name: "a".repeat(101) } },
      "patient.name",
      "Please shorten your name to 100 characters or fewer",
    ],
    ["missing email", { patient: { email: undefined } }, "patient.email", "Please enter your email address"],
    ["blank email", { patient: { email: "  " } }, "patient.email", "Please enter your email address"],
    [
      "invalid email",
      { patient: { email: "ann@" } },
      "patient.email",
      "Please enter a valid email address, like name@example.com",
    ],
    [
      "long email",
      { patient: { email: `${"a".repeat(64)}@${"b".repeat(186)}.com` } },
      "patient.email",
      "That email address is too long",
    ],
    ["missing phone", { patient: { phone: undefined } }, "patient.phone", "Please enter your phone number"],
    [
      "letters in phone",
      { patient: { phone: "555-CALL-NOW" } },
      "patient.phone",
      "Please use only digits, spaces and + - ( ) . in your phone number",
    ],
    [
      "short phone",
      { patient: { phone: "555 01" } },
      "patient.phone",
      "Please enter a phone number with 7 to 20 digits, including the area code",
    ],
    [
      "too many digits",
      { patient: { phone: "1".repeat(21) } },
      "patient.phone",
      "Please enter a phone number with 7 to 20 digits, including the area code",
    ],
    ["very long phone", { patient: { phone: "1 ".repeat(21) } }, "patient.phone", "That phone number is too long"],
    [
      "missing reason",
      { reason: undefined },
      "reason",
      "Please tell the clinic briefly why you'd like an appointment",
    ],
    ["blank reason", { reason: " \n " }, "reason", "Please tell the clinic briefly why you'd like an appointment"],
    ["long reason", { reason: "a".repeat(501) }, "reason", "Please keep this to 500 characters or fewer"],
    ["unticked consent", { consent: false }, "consent", "Please agree to be contacted about this request"],
    ["missing consent", { consent: undefined }, "consent", "Please agree to be contacted about this request"],
    ['"true" string consent', { consent: "true" }, "consent", "Please agree to be contacted about this request"],
    ["missing start", { start: undefined }, "start", "Please choose a time for your appointment"],
    [
      "start with an offset",
      { start: "2026-12-02T09:00:00-05:00" },
      "start",
      "That time isn't valid. Please choose one of the available times",
    ],
    [
      "start without a zone",
      { start: "2026-12-02T14:00:00" },
      "start",
      "That time isn't valid. Please choose one of the available times",
    ],
    [
      "start with odd precision",
      { start: "2026-12-02T14:00:00.5Z" },
      "start",
      "That time isn't valid. Please choose one of the available times",
    ],
    [
      "impossible date",
      { start: "2026-02-30T14:00:00Z" },
      "start",
      "That time isn't valid. Please choose one of the available times",
    ],
    ["numeric start", { start: 1_764_684_000_000 }, "start", "Please choose a time for your appointment"],
  ])("%s", (_case, overrides, field, message) => {
    expect(errorsFor(formWith(overrides))).toEqual({ [field]: message });
  });

  describe("the name, which is quoted in emails", () => {
    const NAME_ONE_LINE = "Please write your name on one line, without special characters";
    const NAME_NOT_A_LINK = "Please enter just your name, not a web address";
    // The attack from the security review: two words, a newline, and a call to
    // action with a link, which became the first line of the clinic's email.
    const attack = "Ann Lee\nACTION NEEDED: pay at https://evil.example/x";

    it("refuses the reviewed injection: a second line with a link", () => {
      expect(errorsFor(formWith({ patient: { name: attack } }))).toEqual({ "patient.name": NAME_ONE_LINE });
      expect(errorsFor(formWith({ patient: { name: attack } }), bookingApiSchema)).toEqual({ "patient.name": NAME_ONE_LINE });
    });

    it.each([
      ["carriage return", "Ann\rLee"],
      ["CRLF", "Ann\r\nLee"],
      ["tab", "Ann\tLee"],
      ["NUL", "Ann\u0000Lee"],
      ["escape", "Ann\u001b[31mLee"],
      ["DEL", "Ann\u007fLee"],
      ["C1 next line", "Ann\u0085Lee"],
      ["line separator", "Ann\u2028Lee"],
      ["paragraph separator", "Ann\u2029Lee"],
      ["right-to-left override", "Ann \u202eeeL"],
      ["bidi isolate", "Ann \u2066Lee\u2069"],
    ])("refuses a %s inside the name", (_case, name) => {
      expect(errorsFor(formWith({ patient: { name } }))).toEqual({ "patient.name": NAME_ONE_LINE });
    });

    it.each([
      "https://evil.example/x",
      "Ann http://x.y",
      "pay at evil.example/x",
      "www.evil",
      "Ann Lee evil.com",
      "mailto:ann@evil.test",
      "javascript:alert(1)",
      "ann@pay.io",
      "HTTPS://EVIL.EXAMPLE",
    ])("refuses a name that looks like a web address: %s", (name) => {
      expect(errorsFor(formWith({ patient: { name } }))).toEqual({ "patient.name": NAME_NOT_A_LINK });
    });

    it.each(["Dr. Ann Lee", "J.R. Lee", "St.John Smith", "Zoë O'Brien-Núñez", "李小龙", "José María", "Ann Lee Jr.", "محمد علي", "Ann (Annie) Lee"])(
      "still accepts a real name: %s",
      (name) => {
        expect(errorsFor(formWith({ patient: { name } }))).toEqual({});
      },
    );
  });

  it("accepts boundary lengths", () => {
    const input = formWith({
      reason: "a".repeat(500),
      patient: { name: "a".repeat(100), phone: "1234567", email: `${"a".repeat(64)}@${"b".repeat(185)}.com` },
    });
    expect(errorsFor(input)).toEqual({});
    expect(errorsFor(formWith({ reason: `${"a".repeat(499)}\r\n` }))).toEqual({});
    expect(errorsFor(formWith({ reason: `${"a".repeat(250)}\r\n${"b".repeat(249)}` }))).toEqual({});
  });

  it("accepts common phone formats", () => {
    for (const phone of ["+44 20 7946 0958", "(03) 9123 4567", "555.010.2030", "+1-555-010-2030", "021 123 4567"]) {
      expect(errorsFor(formWith({ patient: { phone } }))).toEqual({});
    }
  });

  it("reports every broken field at once, first message per field", () => {
    expect(errorsFor({ patient: { phone: "abc" }, consent: false })).toEqual({
      start: "Please choose a time for your appointment",
      "patient.name": "Please enter your name",
      "patient.email": "Please enter your email address",
      "patient.phone": "Please use only digits, spaces and + - ( ) . in your phone number",
      reason: "Please tell the clinic briefly why you'd like an appointment",
      consent: "Please agree to be contacted about this request",
    });
  });

  it("reports a missing patient object and a non-object body", () => {
    expect(errorsFor({ ...validForm, patient: undefined })).toEqual({
      patient: "Please fill in your contact details",
    });
    expect(errorsFor("hello")).toEqual({ [FORM_ERROR_KEY]: "Please fill in the booking form" });
  });
});

describe("bookingApiSchema", () => {
  it("accepts the API body without consent", () => {
    expect(bookingApiSchema.parse(validApiBody)).toEqual(validApiBody);
  });

  it("drops a consent field an integration sends anyway", () => {
    expect(bookingApiSchema.parse({ ...validApiBody, consent: false })).toEqual(validApiBody);
  });

  it("validates fields exactly like the form", () => {
    const body = { ...validApiBody, patient: { ...validApiBody.patient, email: "nope" } };
    expect(errorsFor(body, bookingApiSchema)).toEqual({
      "patient.email": "Please enter a valid email address, like name@example.com",
    });
  });

  it("produces the `fields` of an invalid_request error", () => {
    expect(errorsFor({}, bookingApiSchema)).toEqual({
      start: "Please choose a time for your appointment",
      patient: "Please fill in your contact details",
      reason: "Please tell the clinic briefly why you'd like an appointment",
    });
  });
});
