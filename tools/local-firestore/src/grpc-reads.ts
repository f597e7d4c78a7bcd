// Read RPCs: BatchGetDocuments, RunQuery, RunAggregationQuery, GetDocument.
// Reads inside a transaction are recorded for commit-time validation.
import type { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { AggregationResult } from "@firestore-emulator/proto/dist/google/firestore/v1/aggregation_result";
import {
  BatchGetDocumentsResponse,
  type BatchGetDocumentsRequest,
  type GetDocumentRequest,
  type RunAggregationQueryRequest,
  RunAggregationQueryResponse,
  type RunQueryRequest,
  RunQueryResponse,
} from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import type { sendUnaryData, ServerUnaryCall, ServerWritableStream } from "@grpc/grpc-js";
import { runAggregation } from "./aggregation";
import { currentReadTime } from "./clock";
import { invalidArgument, notFound, unimplemented } from "./errors";
import { parseFieldPath } from "./field-path";
import { serverStream, unary } from "./grpc-call";
import { parseDatabaseName, parseDocumentName, parseParentName } from "./paths";
import { toProtoFields, versionToTimestamp } from "./proto-convert";
import { resultSignature, runQuery } from "./query";
import { docToProto, type Engine, inReadTurn, openReadContext } from "./read-context";

const maskPaths = (req: { has_mask: boolean; mask: { field_paths: string[] } }) =>
  req.has_mask ? req.mask.field_paths.map((p) => [...parseFieldPath(p)]) : undefined;

export function batchGetDocuments(
  engine: Engine,
  call: ServerWritableStream<BatchGetDocumentsRequest, BatchGetDocumentsResponse>,
): void {
  const req = call.request;
  const respond = () =>
    serverStream(call, () => {
      const db = engine.store.database(parseDatabaseName(req.database));
      const ctx = openReadContext(engine, db, req);
      const mask = maskPaths(req);
      const readTime = versionToTimestamp(currentReadTime());
      const out: BatchGetDocumentsResponse[] = [];
      for (const name of req.documents) {
        const parsed = parseDocumentName(name);
        if (parsed.db !== db.name) throw invalidArgument(`Document ${name} is not in database ${db.name}`);
        const doc = db.get(parsed.path);
        if (ctx.tx) engine.txs.recordDoc(ctx.tx, parsed.path, doc?.updateTime ?? 0n);
        out.push(
          new BatchGetDocumentsResponse(
            doc ? { found: docToProto(doc, mask), read_time: readTime } : { missing: name, read_time: readTime },
          ),
        );
      }
      if (ctx.newTransactionId) {
        // The SDK takes the transaction id from the first response.
        if (out[0]) out[0].transaction = ctx.newTransactionId;
        else out.push(new BatchGetDocumentsResponse({ transaction: ctx.newTransactionId, read_time: readTime }));
      }
      return out;
    });
  const db = attempt(() => engine.store.database(parseDatabaseName(req.database)));
  if (!db) return respond(); // it reports the error
  inReadTurn(engine, db, () => req.documents.map((name) => parseDocumentName(name).path), req, respond);
}

/** The value, or undefined if computing it throws (the real handler reports the error). */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function runQueryRpc(engine: Engine, call: ServerWritableStream<RunQueryRequest, RunQueryResponse>): void {
  serverStream(call, () => {
    const req = call.request;
    if (!req.has_structured_query) throw invalidArgument("RunQuery needs a structured_query");
    if (req.has_explain_options) throw unimplemented("Query explain (explain_options)");
    const parent = parseParentName(req.parent);
    const db = engine.store.database(parent.db);
    const ctx = openReadContext(engine, db, req);
    const query = req.structured_query;
    const result = runQuery(db, parent.path, query);
    if (ctx.tx) {
      const rerun = () => resultSignature(runQuery(db, parent.path, query).docs);
      engine.txs.recordQuery(ctx.tx, `a query on ${req.parent}`, resultSignature(result.docs), rerun);
    }
    const readTime = versionToTimestamp(currentReadTime());
    const out = result.docs.map(
      (doc) => new RunQueryResponse({ document: docToProto(doc, result.projection), read_time: readTime }),
    );
    out.push(new RunQueryResponse({ read_time: readTime, done: true }));
    if (ctx.newTransactionId) (out[0] as RunQueryResponse).transaction = ctx.newTransactionId;
    return out;
  });
}

export function runAggregationQuery(
  engine: Engine,
  call: ServerWritableStream<RunAggregationQueryRequest, RunAggregationQueryResponse>,
): void {
  serverStream(call, () => {
    const req = call.request;
    if (req.has_explain_options) throw unimplemented("Aggregation query explain (explain_options)");
    const parent = parseParentName(req.parent);
    const db = engine.store.database(parent.db);
    const ctx = openReadContext(engine, db, req);
    const agg = req.structured_aggregation_query;
    const outcome = runAggregation(db, parent.path, agg);
    if (ctx.tx) {
      const rerun = () => resultSignature(runAggregation(db, parent.path, agg).result.docs);
      engine.txs.recordQuery(ctx.tx, `an aggregation on ${req.parent}`, resultSignature(outcome.result.docs), rerun);
    }
    const response = new RunAggregationQueryResponse({
      result: new AggregationResult({ aggregate_fields: toProtoFields(outcome.fields) }),
      read_time: versionToTimestamp(currentReadTime()),
    });
    if (ctx.newTransactionId) response.transaction = ctx.newTransactionId;
    return [response];
  });
}

export function getDocument(
  engine: Engine,
  call: ServerUnaryCall<GetDocumentRequest, Document>,
  callback: sendUnaryData<Document>,
): void {
  const req = call.request;
  const respond = () =>
    unary(callback, () => {
      const parsed = parseDocumentName(req.name);
      const db = engine.store.database(parsed.db);
      const ctx = openReadContext(engine, db, req);
      const doc = db.get(parsed.path);
      if (ctx.tx) engine.txs.recordDoc(ctx.tx, parsed.path, doc?.updateTime ?? 0n);
      if (!doc) throw notFound(`Document "${req.name}" not found`);
      return docToProto(doc, maskPaths(req));
    });
  const parsed = attempt(() => parseDocumentName(req.name));
  if (!parsed) return respond();
  inReadTurn(engine, engine.store.database(parsed.db), () => [parsed.path], req, respond);
}
