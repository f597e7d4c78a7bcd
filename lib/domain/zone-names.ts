// Zone names as people type them ("new york", "São Paulo"), without the
// zone → country data: the forms' shared schema (clinic-settings.ts, also on
// the sign-in page) resolves a typed city with this alone.

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
}

/** Lowercase, without accents, "_" and "-" as spaces: "São_Paulo" ~ "sao paulo". */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_-]+/g, " ")
    .trim();
}

/**
 * A typed city that names exactly one zone ("london", "New York", "sao paulo")
 * → that zone; anything else → null (the caller then asks to choose from the list).
 */
export function zoneForCity(input: string, zones: readonly string[]): string | null {
  const text = fold(input);
  if (text === "") return null;
  const hits = zones.filter((zone) => fold(zoneCity(zone)) === text);
  // Old and new names differ in the city too (Calcutta, Kolkata), so each still names one zone.
  return hits.length === 1 ? hits[0]! : null;
}
