// Next.js gives a not-found page no params, so proxy.ts passes the path it
// was asked for in a request header (set there, never taken from the client:
// proxy.ts overwrites any the browser sent). The booking pages' not-found page
// reads it to tell "no such clinic" from "this clinic isn't open yet".

export const REQUEST_PATH_HEADER = "x-request-path";

/** The clinic slug of a booking page's path (`/book/{slug}` or below it), lowercased; undefined for any other path. */
export function bookingSlugOf(path: string | null | undefined): string | undefined {
  const match = /^\/book\/([^/?#]+)/.exec(path ?? "");
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return undefined;
  }
}
