import type { NextRequest } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute } from "@/lib/http/json-api";
import { resolveCaller } from "@/lib/server/auth/caller";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";
import { SESSION_COOKIE } from "@/lib/server/auth/session";
import { exportDownload } from "@/lib/server/privacy/export";

export const dynamic = "force-dynamic";

// The patient export as a download, POSTed by the privacy page's form (fields email and format=json|csv, form-encoded
// or JSON): a POST so the patient's email is never in an address, which browsers keep and servers log. Admins of the
// clinic only (the verb checks, and reads the caller's clinic only); every export is in the access log. Never cached
// anywhere: it is personal data.
export const POST = jsonRoute(async (request: NextRequest) => {
  assertSameOrigin(request, "This export request didn't come from this app. Open the privacy page and try again.");
  const { caller } = await resolveCaller(request.cookies.get(SESSION_COOKIE)?.value);
  const { body, filename, contentType } = await exportDownload(caller, await formFields(request));
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});

async function formFields(request: NextRequest): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("application/json")) return (await request.json()) as Record<string, unknown>;
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      return Object.fromEntries(await request.formData());
    }
  } catch {
    // Falls through to the same answer as a body of the wrong type.
  }
  throw new AppError("invalid_request", "The export needs the patient's email and a format (json or csv), as a form or JSON.");
}
