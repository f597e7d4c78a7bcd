// Write RPCs: Commit (atomic, optionally transactional), BeginTransaction,
// Rollback, BatchWrite (BulkWriter; each write independent) and the
// single-document CreateDocument / UpdateDocument / DeleteDocument.
import { Precondition } from "@firestore-emulator/proto/dist/google/firestore/v1/common";
import { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import {
  type BatchWriteRequest,
  BatchWriteResponse,
  type BeginTransactionRequest,
  BeginTransactionResponse,
  type CommitRequest,
  CommitResponse,
  type CreateDocumentRequest,
  type DeleteDocumentRequest,
  type RollbackRequest,
  type UpdateDocumentRequest,
} from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import { Write, WriteResult } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { Empty } from "@firestore-emulator/proto/dist/google/protobuf/empty";
import { Status } from "@firestore-emulator/proto/dist/google/rpc/status";
import { randomBytes } from "node:crypto";
import type { sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import { nextCommitTime } from "./clock";
import { FirestoreError, toGrpcError } from "./errors";
import { parseFieldPath } from "./field-path";
import { unary } from "./grpc-call";
import { joinPath, parseDatabaseName, parseDocumentName, parseParentName } from "./paths";
import { toProtoValue, versionToTimestamp } from "./proto-convert";
import { docToProto, type Engine } from "./read-context";
import type { Database } from "./store";
import { commitWrites, type WriteOutcome } from "./writes";

const toWriteResult = (o: WriteOutcome) =>
  new WriteResult({
    update_time: o.updateTime === undefined ? undefined : versionToTimestamp(o.updateTime),
    transform_results: o.transformResults.map(toProtoValue),
  });

export function commit(engine: Engine, call: ServerUnaryCall<CommitRequest, CommitResponse>, callback: sendUnaryData<CommitResponse>): void {
  unary(callback, () => {
    const req = call.request;
    const db = engine.store.database(parseDatabaseName(req.database));
    if (req.transaction.length > 0) {
      // Validation and the writes below run in one synchronous step: no other RPC can interleave.
      engine.txs.finishForCommit(engine.txs.get(req.transaction, db), req.writes.length);
    }
    const commitTime = nextCommitTime();
    const outcomes = commitWrites(db, req.writes, commitTime);
    return new CommitResponse({ write_results: outcomes.map(toWriteResult), commit_time: versionToTimestamp(commitTime) });
  });
}

export function beginTransaction(
  engine: Engine,
  call: ServerUnaryCall<BeginTransactionRequest, BeginTransactionResponse>,
  callback: sendUnaryData<BeginTransactionResponse>,
): void {
  unary(callback, () => {
    const db = engine.store.database(parseDatabaseName(call.request.database));
    const { id } = engine.txs.begin(db, call.request.options);
    return new BeginTransactionResponse({ transaction: id });
  });
}

export function rollback(engine: Engine, call: ServerUnaryCall<RollbackRequest, Empty>, callback: sendUnaryData<Empty>): void {
  unary(callback, () => {
    const db = engine.store.database(parseDatabaseName(call.request.database));
    engine.txs.rollback(call.request.transaction, db);
    return new Empty();
  });
}

export function batchWrite(
  engine: Engine,
  call: ServerUnaryCall<BatchWriteRequest, BatchWriteResponse>,
  callback: sendUnaryData<BatchWriteResponse>,
): void {
  unary(callback, () => {
    const db = engine.store.database(parseDatabaseName(call.request.database));
    const results: WriteResult[] = [];
    const statuses: Status[] = [];
    // Not atomic by contract: each write succeeds or fails on its own.
    for (const write of call.request.writes) {
      try {
        const [outcome] = commitWrites(db, [write], nextCommitTime());
        results.push(toWriteResult(outcome as WriteOutcome));
        statuses.push(new Status({ code: 0 }));
      } catch (err) {
        if (!(err instanceof FirestoreError)) throw err;
        const e = toGrpcError(err);
        results.push(new WriteResult());
        statuses.push(new Status({ code: e.code, message: e.details }));
      }
    }
    return new BatchWriteResponse({ write_results: results, status: statuses });
  });
}

/** Commits one write and returns the resulting document (for the *Document RPCs). */
function writeOne(db: Database, write: Write, docName: string, maskPaths?: string[]): Document {
  commitWrites(db, [write], nextCommitTime());
  const doc = db.get(parseDocumentName(docName).path);
  if (!doc) return new Document({ name: docName });
  return docToProto(doc, maskPaths?.map((p) => [...parseFieldPath(p)]));
}

const AUTO_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const autoId = () => [...randomBytes(20)].map((b) => AUTO_ID_CHARS[b % AUTO_ID_CHARS.length]).join("");

export function createDocument(
  engine: Engine,
  call: ServerUnaryCall<CreateDocumentRequest, Document>,
  callback: sendUnaryData<Document>,
): void {
  unary(callback, () => {
    const req = call.request;
    const parent = parseParentName(req.parent);
    const db = engine.store.database(parent.db);
    const name = `${db.name}/documents/${joinPath(parent.path, `${req.collection_id}/${req.document_id || autoId()}`)}`;
    const update = new Document({ name, fields: req.document.fields });
    const write = new Write({ update, current_document: new Precondition({ exists: false }) });
    return writeOne(db, write, name, req.has_mask ? req.mask.field_paths : undefined);
  });
}

export function updateDocument(
  engine: Engine,
  call: ServerUnaryCall<UpdateDocumentRequest, Document>,
  callback: sendUnaryData<Document>,
): void {
  unary(callback, () => {
    const req = call.request;
    const db = engine.store.database(parseDocumentName(req.document.name).db);
    const write = new Write({ update: req.document });
    if (req.has_update_mask) write.update_mask = req.update_mask;
    if (req.has_current_document) write.current_document = req.current_document;
    return writeOne(db, write, req.document.name, req.has_mask ? req.mask.field_paths : undefined);
  });
}

export function deleteDocument(
  engine: Engine,
  call: ServerUnaryCall<DeleteDocumentRequest, Empty>,
  callback: sendUnaryData<Empty>,
): void {
  unary(callback, () => {
    const req = call.request;
    const db = engine.store.database(parseDocumentName(req.name).db);
    const write = new Write({ delete: req.name });
    if (req.has_current_document) write.current_document = req.current_document;
    commitWrites(db, [write], nextCommitTime());
    return new Empty();
  });
}
