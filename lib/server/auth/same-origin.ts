import "server-only";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "@/lib/server/env";
import { isAllowedOrigin } from "./session";

/**
 * CSRF guard for a route that a form of ours POSTs to: SameSite=Lax alone would still let another site's form post
 * here with the session cookie, so the request's Origin must be this app (isAllowedOrigin). `message` says what was
 * refused, in the caller's words.
 */
export function assertSameOrigin(request: Request, message: string): void {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!isAllowedOrigin(request.headers.get("origin"), { appUrl: serverEnv().APP_URL, requestUrl: request.url, host })) {
    throw new AppError("forbidden", message);
  }
}
