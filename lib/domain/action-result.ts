import type { AppErrorCode } from "./errors";
import type { FieldErrors } from "./validation";

// The one answer every server action gives its form or button: never a thrown
// error. `ok: true` carries a message for a toast and, for some actions, data.
// `ok: false` carries a message, one message per field (empty when the problem
// is not about a field), the verb's error code ("internal" for a bug, logged
// on the server), and `stale` when the change was refused because the record
// moved on and the page has refreshed to show where it stands.

export type ActionFailure = {
  ok: false;
  message: string;
  fields: FieldErrors;
  code?: AppErrorCode | "internal";
  stale?: boolean;
};

export type ActionResult<T = undefined> = { ok: true; message: string; data?: T } | ActionFailure;

/** What a browser shows when the action never answered (offline, server down). */
export function unreachable(message = "We couldn't reach the server. Check your connection and try again."): ActionFailure {
  return { ok: false, message, fields: {}, code: "unavailable" };
}
