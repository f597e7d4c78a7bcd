import type { NextRequest } from "next/server";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

// The Auth emulator's Google account chooser, served from our origin so it
// can hand the picked account to the sign-in page (lib/client/emulator-google.ts).
// Exists only on the emulators: in production Google's own page does this.
export async function GET(request: NextRequest) {
  const host = serverEnv().FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) return new Response("Not found", { status: 404 });
  const chooser = await fetch(`http://${host}/emulator/auth/handler${request.nextUrl.search}`, { cache: "no-store" });
  return new Response(await chooser.text(), {
    status: chooser.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
