/**
 * Rules every form's check shares, browser and server alike, with no zod:
 * the zod schemas and the browser's hand checks both use these, so they
 * measure and match text the same way.
 */

/**
 * A text's length as the limits count it: in characters (Unicode code
 * points, so "😀" is one), not UTF-16 units, the way zod's min and max
 * measure strings. A lone surrogate counts as one.
 */
export const characterCount = (text: string) => [...text].length;

/**
 * An email address as zod's `z.email()` accepts it by default (its `email`
 * pattern), kept here so the browser can check addresses without zod. The
 * schemas pass it to `z.email({ pattern })`, so there is one pattern.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
