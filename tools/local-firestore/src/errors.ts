// Errors carry a gRPC status code so every handler can turn them into a
// proper status instead of throwing through grpc-js (which can hang clients).
import { status } from "@grpc/grpc-js";

export class FirestoreError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = "FirestoreError";
  }
}

export const invalidArgument = (msg: string) => new FirestoreError(status.INVALID_ARGUMENT, msg);
export const notFound = (msg: string) => new FirestoreError(status.NOT_FOUND, msg);
export const alreadyExists = (msg: string) => new FirestoreError(status.ALREADY_EXISTS, msg);
export const failedPrecondition = (msg: string) => new FirestoreError(status.FAILED_PRECONDITION, msg);
export const aborted = (msg: string) => new FirestoreError(status.ABORTED, msg);

/** Anything we knowingly do not support must say so, never answer wrongly. */
export const unimplemented = (feature: string) =>
  new FirestoreError(status.UNIMPLEMENTED, `${feature} is not supported by the local Firestore`);

/** Shape grpc-js expects for a failed call. Unknown errors become INTERNAL with their message. */
export function toGrpcError(err: unknown): { code: status; details: string; message: string; name: string } {
  if (err instanceof FirestoreError) {
    return { code: err.code, details: err.message, message: err.message, name: "Error" };
  }
  const message = err instanceof Error ? `${err.message}` : String(err);
  console.error("[local-firestore] internal error:", err);
  return { code: status.INTERNAL, details: `Local Firestore internal error: ${message}`, message, name: "Error" };
}
