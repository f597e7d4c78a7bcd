import { NextResponse, type NextRequest } from "next/server";
import { jsonRoute } from "@/lib/http/json-api";
import { leaveWaitlist } from "@/lib/server/waitlist/leave";

export const dynamic = "force-dynamic";

// One-click leave (RFC 8058): the waiting list's emails name this address in List-Unsubscribe, with
// List-Unsubscribe-Post, and a mail app's own "Unsubscribe" POSTs here (body "List-Unsubscribe=One-Click", no cookie,
// no Origin). The link's secret (?w=&t=) is the whole authority, as on the leave page; a GET is not served, so a mail
// scanner that opens the address leaves nothing. 200 {left}: false when the place was already gone (left, lapsed or
// used); a malformed address 400, a secret that doesn't match 404, writing nothing.
export const POST = jsonRoute(async (request: NextRequest) => {
  const { left } = await leaveWaitlist(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json({ left }, { headers: { "Cache-Control": "no-store" } });
});
