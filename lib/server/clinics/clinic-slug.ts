import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/firebase";

/**
 * The clinic a public slug names (slugs/{slug}), or undefined. A booking page
 * resolves its slug in each layout, its metadata and its body: React's
 * `cache` makes that one read per request being rendered (outside a render,
 * in a route handler, it reads every time). Safe to share within a request
 * because a slug document is created once and never changed or deleted.
 */
export const clinicIdForSlug = cache(async (slug: string): Promise<string | undefined> => {
  const clinicId = (await db().collection("slugs").doc(slug).get()).get("clinicId");
  return typeof clinicId === "string" ? clinicId : undefined;
});
