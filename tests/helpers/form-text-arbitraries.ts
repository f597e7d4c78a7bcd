import fc from "fast-check";

// Text a form field can hold, for the property tests that hold the browser's
// hand-written checks to the server's zod schemas: values around every length
// limit (one under, at, one over) with whitespace the trim removes, and the
// characters the checks treat specially.

export const join = (parts: readonly string[]) => parts.join("");
export const textOf = (unit: fc.Arbitrary<string>, maxLength: number) => fc.array(unit, { maxLength }).map(join);
export const exactly = (unit: fc.Arbitrary<string>, length: number) =>
  fc.array(unit, { minLength: length, maxLength: length }).map(join);

// What trim() removes (and one thing it does not: U+200B), around a value.
const padding = fc.constantFrom("", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\ufeff", "\u3000", "\u200b");
export const padded = (core: fc.Arbitrary<string>) => fc.tuple(padding, core, padding).map(join);

/** `limit - 2` to `limit + 2` units, padded: the length checks' edges. */
export const nearLimit = (unit: fc.Arbitrary<string>, limit: number) =>
  padded(fc.integer({ min: Math.max(0, limit - 2), max: limit + 2 }).chain((length) => exactly(unit, length)));

/**
 * Controls, separators, bidi overrides, letters that lengthen when lowercased
 * ("İ" → "i̇"), an astral character (two UTF-16 units, one character) and a
 * lone surrogate.
 */
export const oddCharacter = fc.constantFrom(
  "\u0000", "\t", "\n", "\r", "\u007f", "\u0085", "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069",
  "İ", "é", "ß", "日", "😀", "\ud800", "\u00a0", "\u200b",
);

export const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  textOf(fc.oneof(fc.constantFrom("a", "Z", "0", " ", ".", "@", "-"), oddCharacter), 30),
);

const localPart = textOf(fc.constantFrom("a", "Z", "0", "_", "'", "+", "-", ".", "İ", "é", " ", '"'), 12);
const domain = fc.oneof(
  fc.constantFrom("example.com", "EXAMPLE.COM", "x.co", "a.b", "a-b.example", "-a.com", "a..com", "example", "x.c0m", "日本.jp", "ex_ample.com"),
  textOf(fc.constantFrom("a", "0", "-", ".", "Z"), 12),
);

/** Addresses good and odd, and long ones around `maxLength`, some with letters that grow when lowercased. */
export const emailText = (maxLength: number) =>
  fc.oneof(
    anyText,
    padded(fc.tuple(localPart, fc.constantFrom("@", "@@", "", " @"), domain).map(join)),
    fc
      .tuple(fc.integer({ min: maxLength - 16, max: maxLength - 8 }), fc.constantFrom("a", "A", "İ"))
      .chain(([length, letter]) => padded(exactly(fc.constantFrom("a", letter, "."), length).map((local) => `${local}@example.com`))),
  );
