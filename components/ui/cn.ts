import { clsx, type ClassValue } from "clsx";

/**
 * Join class names, skipping falsy values (clsx semantics).
 *
 * There is deliberately no tailwind-merge: variants are written so they never
 * set the same property twice, and a `className` passed by a caller is simply
 * appended. If you need to override a variant's colour, add a variant.
 */
export function cn(...classes: ClassValue[]): string {
  return clsx(classes);
}
