import { z } from "zod";

// Words that would collide with our own routes or mislead patients.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin", "api", "app", "appointments", "book", "dashboard", "dev", "help", "login",
  "logout", "new", "settings", "signup", "static", "support", "invite", "www", "_next",
]);

export const slugSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, not at the start or end.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This address is reserved. Please choose another.");

export function isValidSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}
