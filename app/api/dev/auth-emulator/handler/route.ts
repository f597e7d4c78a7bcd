import type { NextRequest } from "next/server";
import { emulatorChooserPage } from "@/lib/server/auth/emulator-chooser";

export const dynamic = "force-dynamic";

// The Auth emulator's Google account chooser on our origin (see
// lib/server/auth/emulator-chooser.ts); 404 unless running on the emulators.
export async function GET(request: NextRequest) {
  const page = await emulatorChooserPage(request.nextUrl.search);
  if (!page) return new Response("Not found", { status: 404 });
  return new Response(page.html, { status: page.status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
