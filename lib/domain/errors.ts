// The failures a verb can report to its caller. Verbs throw AppError; routes
// and server actions turn it into a status code or a form message. Anything
// else that escapes is a bug and becomes a logged 500 with no detail.

export type AppErrorCode =
  | "invalid_request" // the input is malformed: 400
  | "unauthenticated" // no valid session: 401
  | "forbidden" // signed in, but not allowed: 403
  | "not_found" // 404; also used where existence must not leak
  | "slot_unavailable" // the time was taken or is no longer offered: 409
  | "conflict" // a state change raced another one, or is not allowed from the current state: 409
  | "payload_too_large" // 413
  | "unsupported_media_type" // 415
  | "rate_limited" // too many attempts (e.g. sign-in): 429
  | "unavailable"; // a service we depend on did not answer: 503

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
