// The Firestore RPCs a piece of code makes, recorded on the app's own client:
// every call (a read, a query, a commit, a rollback) goes through its
// `request` (unary) or `requestStream` (streamed) method, whatever verb
// made it. Internal methods of @google-cloud/firestore, so a version that
// renames them fails `recordRpcs` loudly rather than counting nothing.
import { db } from "@/lib/server/firebase";

type Method = (this: unknown, name: string, ...rest: unknown[]) => unknown;
type Client = Record<"request" | "requestStream", Method>;

/** Runs `fn` and returns the names of the RPCs the app's client sent meanwhile (batchGetDocuments, runQuery, commit, …), in order. */
export async function recordRpcs(fn: () => Promise<unknown>): Promise<{ rpcs: string[]; outcome: PromiseSettledResult<unknown> }> {
  const client = db() as unknown as Client;
  const rpcs: string[] = [];
  const originals = { request: client.request, requestStream: client.requestStream };
  for (const key of ["request", "requestStream"] as const) {
    const original = originals[key];
    if (typeof original !== "function") throw new Error(`The Firestore client has no ${key} method to record`);
    client[key] = function (this: unknown, name: string, ...rest: unknown[]) {
      rpcs.push(name);
      return original.call(this, name, ...rest);
    };
  }
  try {
    const [outcome] = await Promise.allSettled([fn()]);
    return { rpcs, outcome: outcome! };
  } finally {
    client.request = originals.request;
    client.requestStream = originals.requestStream;
  }
}
