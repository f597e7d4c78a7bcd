import "server-only";
import { serverEnv } from "@/lib/server/env";

// The Auth emulator's Google account chooser, fetched for our own origin so it
// can hand the picked account to the sign-in page (lib/client/emulator-google.ts).
// Emulators only: in production Google's own page does this.

/**
 * The chooser styles itself from unpkg.com and Google Fonts. Offline those
 * requests fail (or hang until a timeout, holding back the script that follows
 * them), and the page works without them: they are dropped.
 */
export function withoutInternetAssets(html: string): string {
  return html.replace(/<link\b[^>]*\bhref="https:\/\/[^"]*"[^>]*>/g, "").replace(/<script\b[^>]*\bsrc="https:\/\/[^"]*"[^>]*><\/script>/g, "");
}

/** The chooser's HTML for this query, or null when not on the emulators. */
export async function emulatorChooserPage(search: string): Promise<{ status: number; html: string } | null> {
  const host = serverEnv().FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) return null;
  const chooser = await fetch(`http://${host}/emulator/auth/handler${search}`, { cache: "no-store" });
  return { status: chooser.status, html: withoutInternetAssets(await chooser.text()) };
}
