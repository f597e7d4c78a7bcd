// Local Firestore: our own store, query engine and transactions behind
// upstream's gRPC service definition. One port serves gRPC (HTTP/2) and the
// HTTP/1.1 control endpoints, like the official emulator: each new connection
// is routed by its first bytes (the HTTP/2 client preface starts "PRI ").
import net from "node:net";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { currentReadTime } from "./clock";
import { firestoreServiceDefinition, LocalFirestoreService } from "./grpc-service";
import { createHttpControl } from "./http-control";
import type { Engine } from "./read-context";
import { Store } from "./store";
import { TransactionManager } from "./transactions";

export interface LocalFirestore {
  host: string;
  port: number;
  stop(): Promise<void>;
}

const HTTP2_PREFACE = Buffer.from("PRI ");

export function createEngine(): Engine {
  return { store: new Store(), txs: new TransactionManager() };
}

export async function startLocalFirestore(opts: { host?: string; port?: number } = {}): Promise<LocalFirestore> {
  const host = opts.host ?? "127.0.0.1";
  const engine = createEngine();
  const grpcServer = new Server({ "grpc.max_receive_message_length": 64 * 1024 * 1024 });
  grpcServer.addService(firestoreServiceDefinition, new LocalFirestoreService(engine));
  const injector = grpcServer.createConnectionInjector(ServerCredentials.createInsecure());
  const httpServer = createHttpControl((dbName) => {
    const db = engine.store.clear(dbName, currentReadTime());
    if (db) engine.txs.dropDatabase(db);
  });

  const sockets = new Set<net.Socket>();
  const netServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const n = Math.min(buffered.length, HTTP2_PREFACE.length);
      const looksHttp2 = buffered.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n));
      if (looksHttp2 && n < HTTP2_PREFACE.length) return; // need more bytes to decide
      socket.off("data", onData);
      socket.pause();
      socket.unshift(buffered);
      if (looksHttp2) {
        injector.injectConnection(socket);
      } else {
        httpServer.emit("connection", socket);
        // The HTTP parser reads the socket's handle directly; resuming replays the
        // bytes we peeked at through the stream first.
        socket.resume();
      }
    };
    socket.on("data", onData);
  });

  await new Promise<void>((resolve, reject) => {
    netServer.once("error", reject);
    netServer.listen(opts.port ?? 8080, host, () => {
      netServer.off("error", reject);
      resolve();
    });
  });
  const address = netServer.address();
  const port = typeof address === "object" && address ? address.port : (opts.port ?? 8080);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      netServer.close(() => resolve());
      injector.destroy();
      grpcServer.forceShutdown();
      httpServer.close();
      for (const s of sockets) s.destroy();
    });
    return stopped;
  };
  return { host, port, stop };
}
