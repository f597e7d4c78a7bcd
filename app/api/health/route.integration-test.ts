import { createServer, type Server, type Socket } from "node:net";
import { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/firebase";
import { firestoreAnswers, HEALTH_DEADLINE_MS } from "@/lib/server/health";
import { GET } from "./route";

// A Firestore client aimed elsewhere. FIRESTORE_EMULATOR_HOST wins over any
// host setting, so swap it while the client is made (it reads it then).
function firestoreAt(host: string): Firestore {
  const saved = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = host;
  try {
    return new Firestore({ projectId: process.env.GCLOUD_PROJECT });
  } finally {
    process.env.FIRESTORE_EMULATOR_HOST = saved;
  }
}

// Accepts connections and never answers: a Firestore that hangs.
const sockets: Socket[] = [];
const silent: Server = createServer((socket) => void sockets.push(socket));
const silentPort = await new Promise<number>((resolve) => silent.listen(0, "127.0.0.1", () => resolve((silent.address() as { port: number }).port)));
// A port nobody listens on: a Firestore that is down.
const closed = createServer();
const closedPort = await new Promise<number>((resolve) => closed.listen(0, "127.0.0.1", () => resolve((closed.address() as { port: number }).port)));
await new Promise((resolve) => closed.close(resolve));

// The clients are left open: terminating one while its read still retries
// rejects inside the SDK. The worker ends with the file.
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  silent.close();
});

describe("GET /api/health", () => {
  // The client's first read opens its connection, which on a busy machine can
  // take longer than the probe's deadline: "Firestore answers" means a client
  // that is already connected, as the app's is after its first request.
  beforeAll(async () => {
    await db().collection("health").limit(1).get();
  });

  it("answers 200 {ok:true}, and nothing else, when Firestore answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(JSON.stringify({ ok: true }));
  });

  it("answers 503 {ok:false}, and nothing else, when Firestore does not", async () => {
    const down = firestoreAt(`127.0.0.1:${closedPort}`);
    vi.resetModules();
    vi.doMock("@/lib/server/firebase", () => ({ db: () => down }));
    try {
      const { GET: probe } = await import("./route");
      const response = await probe();
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toBe(JSON.stringify({ ok: false }));
    } finally {
      vi.doUnmock("@/lib/server/firebase");
    }
  });
});

describe("firestoreAnswers", () => {
  it("is false at the deadline when Firestore hangs", async () => {
    const hung = firestoreAt(`127.0.0.1:${silentPort}`);
    const started = Date.now();
    expect(await firestoreAnswers(hung)).toBe(false);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(HEALTH_DEADLINE_MS - 50);
    expect(took).toBeLessThan(HEALTH_DEADLINE_MS + 1000);
  });

  it("is false, not a throw, when the server has no configuration", async () => {
    vi.resetModules();
    vi.doMock("@/lib/server/firebase", () => ({
      db: () => {
        throw new Error("Invalid environment: FIREBASE_PROJECT_ID is missing");
      },
    }));
    try {
      const { firestoreAnswers: probe } = await import("@/lib/server/health");
      expect(await probe()).toBe(false);
    } finally {
      vi.doUnmock("@/lib/server/firebase");
    }
  });
});
