/**
 * Finding a request by the patient's name or email, across the open and the
 * recent requests (a paid visit leaves the Open tab once confirmed). Pure:
 * lib/server/appointments/queue.ts reads the candidates, this decides which
 * match. Case, accents and extra spaces don't matter; every word typed must
 * appear in the name or the email ("ada love" finds Ada Lovelace).
 */
import { z } from "zod";

/** How many of the most recently changed requests a search looks through. */
export const SEARCH_SCAN_LIMIT = 500;
export const SEARCH_MAX_LENGTH = 100;

export const searchQuerySchema = z
  .string()
  .trim()
  .min(2, { error: "Type at least 2 letters of the patient's name or email." })
  .max(SEARCH_MAX_LENGTH, { error: `Search for at most ${SEARCH_MAX_LENGTH} characters.` });

export type SearchParse = { q: string | null; message: string | null };

/** ?q=… from Next's searchParams: no search when absent or blank, a message when unusable. */
export function parseSearch(params: Record<string, string | string[] | undefined>): SearchParse {
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  if (raw === undefined || raw.trim() === "") return { q: null, message: null };
  const result = searchQuerySchema.safeParse(raw);
  return result.success ? { q: result.data, message: null } : { q: null, message: result.error.issues[0]?.message ?? "We couldn't use that search." };
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();

export function matchesSearch(patient: { name: string; email: string }, q: string): boolean {
  const haystack = `${fold(patient.name)} ${fold(patient.email)}`;
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
