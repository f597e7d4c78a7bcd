import { unstable_rethrow } from "next/navigation";

/**
 * True when a server action "failed" only because it redirected (or called
 * notFound): Next.js rejects the action's promise with its NEXT_REDIRECT
 * signal while the router is already on its way to the new page. That is a
 * success, not a network error, so a form must not toast it as one.
 */
export function isNavigationSignal(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}
