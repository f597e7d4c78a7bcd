import type { NextRequest } from "next/server";
import { accessLogFilterSchema } from "@/lib/domain/privacy/access-log";
import { jsonRoute, parseQuery } from "@/lib/http/json-api";
import { resolveCaller } from "@/lib/server/auth/caller";
import { SESSION_COOKIE } from "@/lib/server/auth/session";
import { accessLogDownload } from "@/lib/server/privacy/access-log-download";

export const dynamic = "force-dynamic";

// The access log as CSV (?member=uid&patient=email, both optional). Admins only.
export const GET = jsonRoute(async (request: NextRequest) => {
  const { caller } = await resolveCaller(request.cookies.get(SESSION_COOKIE)?.value);
  const filter = parseQuery(accessLogFilterSchema, request.nextUrl);
  const { body, filename } = await accessLogDownload(caller, filter);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
});
