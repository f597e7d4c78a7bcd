import "server-only";

/** gRPC ALREADY_EXISTS: a create-only write met a document that exists (a slot lock, a slug, an event record). */
export const ALREADY_EXISTS = 6;

export const isAlreadyExists = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === ALREADY_EXISTS;
