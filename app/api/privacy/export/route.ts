import type { NextRequest } from "next/server";
import { jsonRoute } from "@/lib/http/json-api";
import { resolveCaller } from "@/lib/server/auth/caller";
import { SESSION_COOKIE } from "@/lib/server/auth/session";
import { exportDownload } from "@/lib/server/privacy/export";

export const dynamic = "force-dynamic";

// The patient export as a download: ?email=…&format=json|csv. Admins of the
// clinic only (the verb checks, and reads the caller's clinic only); every
// export is in the access log. Never cached anywhere: it is personal data.
export const GET = jsonRoute(async (request: NextRequest) => {
  const { caller } = await resolveCaller(request.cookies.get(SESSION_COOKIE)?.value);
  const { body, filename, contentType } = await exportDownload(caller, Object.fromEntries(request.nextUrl.searchParams));
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
