import { z } from "zod";
import { slugSchema } from "./slug";

// A doctor's address on the clinic's booking page: /book/{clinic}/{doctor slug}.
// Unique per clinic (lib/server/doctors/slugs.ts), derived from the name when
// the doctor is added, editable later. Same character rules as clinic slugs.

const MAX_LENGTH = 40;

/** What an admin types in the slug field: trimmed and lowercased first, so "Dr-Okafor" is accepted as "dr-okafor". */
export const doctorSlugSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  slugSchema,
);

/**
 * A readable slug from a doctor's name: "Dr. Amara Okafor" → "dr-amara-okafor",
 * "Zoë Ñúñez" → "zoe-nunez". Letters outside a–z after removing accents are
 * dropped. Always valid for slugSchema: too short, empty or reserved → prefixed
 * with "dr-" (and "doctor" when nothing readable is left).
 */
export function doctorSlugFromName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = words;
  if (slug.length > MAX_LENGTH) {
    // Cut at a word boundary when there is one, so the slug doesn't end mid-word.
    const cut = slug.slice(0, MAX_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf("-");
    slug = lastHyphen >= 3 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_LENGTH).replace(/-+$/, "");
  }
  if (slug === "") return "doctor";
  if (!slugSchema.safeParse(slug).success) slug = `dr-${slug}`.slice(0, MAX_LENGTH).replace(/-+$/, "");
  return slugSchema.safeParse(slug).success ? slug : "doctor";
}

/**
 * The candidates tried in turn when adding a doctor: the base, then base-2,
 * base-3, … (shortened so the suffix still fits 40 characters).
 */
export function doctorSlugCandidate(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = `-${attempt}`;
  return `${base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** The slug field of the doctor form; absent when the form doesn't show it (adding a doctor). */
export const doctorSlugFieldSchema = z.object({ slug: doctorSlugSchema.optional() });
