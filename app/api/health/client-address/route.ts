import { NextResponse, type NextRequest } from "next/server";
import { assertCan } from "@/lib/domain/roles";
import { jsonRoute } from "@/lib/http/json-api";
import { resolveCaller } from "@/lib/server/auth/caller";
import { clientAddressDiagnostic } from "@/lib/server/client-ip";
import { SESSION_COOKIE } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

// After a deploy, a clinic admin opens this while signed in to check the
// per-address limits count patients, not the front end: the raw
// X-Forwarded-For header, TRUSTED_PROXY_HOPS and the address the app derived
// (docs/deploy.md). Admins only: the header holds the caller's own address
// and the front end's, nothing a patient or staff member needs.
export const GET = jsonRoute(async (request: NextRequest) => {
  const { caller } = await resolveCaller(request.cookies.get(SESSION_COOKIE)?.value);
  assertCan(caller, "settings:write");
  return NextResponse.json(clientAddressDiagnostic(request.headers), { headers: { "Cache-Control": "no-store" } });
});
