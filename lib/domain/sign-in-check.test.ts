// The browser's hand-written checks for signing in, asking for a reset link
// and accepting an invite must say exactly what the server's zod schemas say:
// the same verdict, the same fields, the same first message per field, and
// for sign-in the same values to send (the email trimmed and lowercased).
// Values are drawn around every limit, with odd addresses, Unicode that
// changes length when lowercased, control characters and missing fields.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { LIMITS } from "./account-fields";
import {
  acceptInviteExistingUserSchema,
  acceptInviteNewUserSchema,
  passwordResetSchema,
  signInSchema,
} from "./clinic-settings";
import { checkAcceptInvite, checkPasswordReset, checkSignIn, type FormFields } from "./sign-in-check";
import { fieldErrors } from "./validation";
import { anyText, emailText, join, nearLimit, padded, textOf } from "@/tests/helpers/form-text-arbitraries";

function schemaErrors(schema: z.ZodType, form: FormFields): Record<string, string> {
  const result = schema.safeParse(form);
  return result.success ? {} : fieldErrors(result.error);
}

// A field the form did not send is missing from FormData.
const orMissing = (text: fc.Arbitrary<string>) => fc.option(text, { nil: undefined, freq: 10 });

const passwordUnit = fc.constantFrom("a", "Z", "7", " ", "é", "😀", "\t");
const passwordText = fc.oneof(
  anyText,
  textOf(passwordUnit, 12),
  nearLimit(passwordUnit, LIMITS.passwordMin),
  nearLimit(passwordUnit, LIMITS.passwordMax),
);

const nameText = fc.oneof(
  anyText,
  nearLimit(fc.constantFrom("a", "B", "é", " ", "😀", "\n"), LIMITS.personName),
  padded(fc.tuple(fc.constantFrom("Ada", "Dr. Ada", ""), fc.constantFrom("", " Lee", "\n", "\u2028", "\t", "\u0000")).map(join)),
);

const signIn = fc.record(
  { email: orMissing(emailText(LIMITS.email)), password: orMissing(passwordText) },
  { requiredKeys: [] },
);
const invite = fc.record({ name: orMissing(nameText), password: orMissing(passwordText) }, { requiredKeys: [] });

describe("the sign-in pages' hand checks agree with their zod schemas", () => {
  it("sign-in: the same fields and messages, and when valid the same values to send", () => {
    fc.assert(
      fc.property(signIn, (form) => {
        const checked = checkSignIn(form);
        const parsed = signInSchema.safeParse(form);
        if (parsed.success) expect(checked).toEqual({ ok: true, data: parsed.data });
        else expect(checked).toEqual({ ok: false, errors: fieldErrors(parsed.error) });
      }),
      { numRuns: 3000 },
    );
  });

  it("password reset: the same field and message", () => {
    fc.assert(
      fc.property(signIn, (form) => {
        expect(checkPasswordReset(form)).toEqual(schemaErrors(passwordResetSchema, form));
      }),
      { numRuns: 1000 },
    );
  });

  it("accepting an invite, with an account or as a new person: the same fields and messages", () => {
    fc.assert(
      fc.property(invite, fc.boolean(), (form, hasAccount) => {
        const schema = hasAccount ? acceptInviteExistingUserSchema : acceptInviteNewUserSchema;
        expect(checkAcceptInvite(form, hasAccount)).toEqual(schemaErrors(schema, form));
      }),
      { numRuns: 3000 },
    );
  });

  it("sends the address trimmed and lowercased, the password as typed", () => {
    expect(checkSignIn({ email: " Ada@Harbour.TEST ", password: " secret " })).toEqual({
      ok: true,
      data: { email: "ada@harbour.test", password: " secret " },
    });
  });
});
