// Shared by the conformance tests. They talk to whatever FIRESTORE_EMULATOR_HOST
// points at (our local Firestore from the global setup, or the official
// emulator), through firebase-admin, plus a raw gRPC client for the few
// RPC-level checks the SDK cannot express.
import { type App, getApps, initializeApp } from "firebase-admin/app";
import { type CollectionReference, type Firestore, getFirestore } from "firebase-admin/firestore";
import { credentials, type Client, makeGenericClientConstructor, Metadata, type ServiceError } from "@grpc/grpc-js";
import { UnimplementedFirestoreService } from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";

export const projectId = process.env.GCLOUD_PROJECT ?? "demo-test";
export const databaseName = `projects/${projectId}/databases/(default)`;

function host(): string {
  const h = process.env.FIRESTORE_EMULATOR_HOST;
  if (!h) throw new Error("FIRESTORE_EMULATOR_HOST is not set (the integration global setup sets it)");
  return h;
}

function app(name: string): App {
  host();
  return getApps().find((a) => a.name === name) ?? initializeApp({ projectId }, name);
}

/** The admin Firestore used by the tests. */
export function testDb(): Firestore {
  return getFirestore(app("conformance"));
}

/** A second client whose integers round-trip as BigInt (exact int64). */
export function bigIntDb(): Firestore {
  const db = getFirestore(app("conformance-bigint"));
  if (!bigIntConfigured) {
    db.settings({ useBigInt: true });
    bigIntConfigured = true;
  }
  return db;
}
let bigIntConfigured = false;

let counter = 0;
/** A fresh root collection per test, so tests never see each other's data. */
export function freshCollection(db: Firestore, label: string): CollectionReference {
  counter += 1;
  return db.collection(`${label}-${Date.now().toString(36)}-${counter}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for `p` to settle, but at most `ms`. Used to interleave an outside
 * write inside a transaction without deadlocking a server that uses locks
 * (the official emulator): there the write waits for the transaction.
 */
export async function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  await Promise.race([p.then(() => undefined, () => undefined), sleep(ms)]);
}

/** Resolves to the gRPC status code a promise rejects with (or "resolved"). */
export async function codeOf(p: Promise<unknown>): Promise<number | "resolved"> {
  try {
    await p;
    return "resolved";
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "number") throw err;
    return code;
  }
}

export const Code = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
} as const;

// ---- raw gRPC -------------------------------------------------------------

const FirestoreClient = makeGenericClientConstructor(UnimplementedFirestoreService.definition, "Firestore");
let raw: Client | undefined;

/** Calls a unary Firestore RPC directly, with the emulator's admin credentials. */
export function rawUnary<Res>(method: string, request: unknown, timeoutMs = 10_000): Promise<Res> {
  raw ??= new FirestoreClient(host(), credentials.createInsecure());
  const md = new Metadata();
  md.set("authorization", "Bearer owner");
  type UnaryMethod = (req: unknown, md: Metadata, opts: { deadline: number }, cb: (err: ServiceError | null, res: Res) => void) => void;
  const fn = (raw as unknown as Record<string, UnaryMethod | undefined>)[method];
  if (!fn) throw new Error(`No RPC ${method}`);
  return new Promise<Res>((resolve, reject) => {
    fn.call(raw, request, md, { deadline: Date.now() + timeoutMs }, (err: ServiceError | null, res: Res) =>
      err ? reject(err) : resolve(res),
    );
  });
}

export function closeRaw(): void {
  raw?.close();
  raw = undefined;
}
