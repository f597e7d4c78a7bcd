// Every handler runs through these wrappers: a thrown error always becomes a
// gRPC status sent to the client (grpc-js would otherwise leave calls hanging
// or crash), and all work happens synchronously, so each RPC sees and changes
// the database atomically with respect to other RPCs.
import { Metadata, type sendUnaryData, type ServerWritableStream } from "@grpc/grpc-js";
import { toGrpcError } from "./errors";

export function unary<Res>(callback: sendUnaryData<Res>, handler: () => Res): void {
  let response: Res;
  try {
    response = handler();
  } catch (err) {
    callback(toGrpcError(err), null);
    return;
  }
  callback(null, response);
}

export function serverStream<Req, Res>(call: ServerWritableStream<Req, Res>, handler: () => Res[]): void {
  // A read that waited its turn (contention.ts) may outlive a client that gave up.
  if (call.cancelled) return;
  let responses: Res[];
  try {
    responses = handler();
  } catch (err) {
    // Send response headers before the error status. A trailers-only error
    // looks to the admin SDK's retry-request layer like "no response", which it
    // silently retries twice with 2-5 s delays before surfacing (e.g. an
    // ABORTED read in a transaction would stall ~7 s). Production sends headers
    // first too.
    call.sendMetadata(new Metadata());
    call.emit("error", toGrpcError(err));
    return;
  }
  for (const r of responses) call.write(r);
  call.end();
}
