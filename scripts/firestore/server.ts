// Placeholder until the "local Firestore" issue lands: wraps the upstream
// server unchanged. Its known gaps are listed in DEVELOPERS.md.
import { FirestoreServer } from "@firestore-emulator/server";

export interface LocalFirestore {
  host: string;
  port: number;
  stop(): Promise<void>;
}

export async function startLocalFirestore(opts: { host?: string; port?: number } = {}): Promise<LocalFirestore> {
  const host = opts.host ?? "127.0.0.1";
  const server = new FirestoreServer();
  const port = opts.port ?? 8080;
  await server.start(port);
  return { host, port, stop: async () => server.stop() };
}
