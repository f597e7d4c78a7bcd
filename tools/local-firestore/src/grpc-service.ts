// The google.firestore.v1.Firestore gRPC service, on upstream's generated
// service definition and message classes. Every method either works or fails
// at once with UNIMPLEMENTED naming itself; none throws or hangs.
import type { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import {
  type BatchGetDocumentsRequest,
  type BatchGetDocumentsResponse,
  type BatchWriteRequest,
  type BatchWriteResponse,
  type BeginTransactionRequest,
  type BeginTransactionResponse,
  type CommitRequest,
  type CommitResponse,
  type CreateDocumentRequest,
  type DeleteDocumentRequest,
  type GetDocumentRequest,
  type ListCollectionIdsRequest,
  type ListCollectionIdsResponse,
  type ListDocumentsRequest,
  type ListDocumentsResponse,
  type ListenRequest,
  ListenResponse,
  type PartitionQueryRequest,
  type PartitionQueryResponse,
  type RollbackRequest,
  type RunAggregationQueryRequest,
  type RunAggregationQueryResponse,
  type RunQueryRequest,
  type RunQueryResponse,
  TargetChange,
  UnimplementedFirestoreService,
  type UpdateDocumentRequest,
  type WriteRequest,
  type WriteResponse,
} from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import type { Empty } from "@firestore-emulator/proto/dist/google/protobuf/empty";
import { Status } from "@firestore-emulator/proto/dist/google/rpc/status";
import type {
  sendUnaryData,
  ServerDuplexStream,
  ServerUnaryCall,
  ServerWritableStream,
  UntypedHandleCall,
} from "@grpc/grpc-js";
import { toGrpcError, unimplemented } from "./errors";
import { listCollectionIds, listDocuments } from "./grpc-listing";
import { batchGetDocuments, getDocument, runAggregationQuery, runQueryRpc } from "./grpc-reads";
import { batchWrite, beginTransaction, commit, createDocument, deleteDocument, rollback, updateDocument } from "./grpc-writes";
import type { Engine } from "./read-context";

export const firestoreServiceDefinition = UnimplementedFirestoreService.definition;

export class LocalFirestoreService extends UnimplementedFirestoreService {
  [method: string]: UntypedHandleCall;

  // An ES private field: a TS property would clash with the handler index signature.
  readonly #engine: Engine;

  constructor(engine: Engine) {
    super();
    this.#engine = engine;
  }

  override GetDocument(call: ServerUnaryCall<GetDocumentRequest, Document>, cb: sendUnaryData<Document>): void {
    getDocument(this.#engine, call, cb);
  }
  override ListDocuments(call: ServerUnaryCall<ListDocumentsRequest, ListDocumentsResponse>, cb: sendUnaryData<ListDocumentsResponse>): void {
    listDocuments(this.#engine, call, cb);
  }
  override UpdateDocument(call: ServerUnaryCall<UpdateDocumentRequest, Document>, cb: sendUnaryData<Document>): void {
    updateDocument(this.#engine, call, cb);
  }
  override DeleteDocument(call: ServerUnaryCall<DeleteDocumentRequest, Empty>, cb: sendUnaryData<Empty>): void {
    deleteDocument(this.#engine, call, cb);
  }
  override CreateDocument(call: ServerUnaryCall<CreateDocumentRequest, Document>, cb: sendUnaryData<Document>): void {
    createDocument(this.#engine, call, cb);
  }
  override BatchGetDocuments(call: ServerWritableStream<BatchGetDocumentsRequest, BatchGetDocumentsResponse>): void {
    batchGetDocuments(this.#engine, call);
  }
  override BeginTransaction(
    call: ServerUnaryCall<BeginTransactionRequest, BeginTransactionResponse>,
    cb: sendUnaryData<BeginTransactionResponse>,
  ): void {
    beginTransaction(this.#engine, call, cb);
  }
  override Commit(call: ServerUnaryCall<CommitRequest, CommitResponse>, cb: sendUnaryData<CommitResponse>): void {
    commit(this.#engine, call, cb);
  }
  override Rollback(call: ServerUnaryCall<RollbackRequest, Empty>, cb: sendUnaryData<Empty>): void {
    rollback(this.#engine, call, cb);
  }
  override RunQuery(call: ServerWritableStream<RunQueryRequest, RunQueryResponse>): void {
    runQueryRpc(this.#engine, call);
  }
  override RunAggregationQuery(call: ServerWritableStream<RunAggregationQueryRequest, RunAggregationQueryResponse>): void {
    runAggregationQuery(this.#engine, call);
  }
  override ListCollectionIds(
    call: ServerUnaryCall<ListCollectionIdsRequest, ListCollectionIdsResponse>,
    cb: sendUnaryData<ListCollectionIdsResponse>,
  ): void {
    listCollectionIds(this.#engine, call, cb);
  }
  override BatchWrite(call: ServerUnaryCall<BatchWriteRequest, BatchWriteResponse>, cb: sendUnaryData<BatchWriteResponse>): void {
    batchWrite(this.#engine, call, cb);
  }

  // Not supported: fail immediately and say what is missing.
  override PartitionQuery(
    _call: ServerUnaryCall<PartitionQueryRequest, PartitionQueryResponse>,
    cb: sendUnaryData<PartitionQueryResponse>,
  ): void {
    cb(toGrpcError(unimplemented("PartitionQuery (Query.getPartitions / CollectionGroup partitions)")), null);
  }
  override Listen(call: ServerDuplexStream<ListenRequest, ListenResponse>): void {
    const error = toGrpcError(unimplemented("Listen (onSnapshot real-time listeners)"));
    // The admin SDK treats a Listen stream that just ends or fails as transient
    // and reconnects forever. Rejecting the target (REMOVE with a cause) is what
    // it reports to onSnapshot's error callback, so do that, then fail the call.
    call.once("data", (req: ListenRequest) => {
      const targetIds = req.has_add_target ? [req.add_target.target_id] : [];
      const cause = new Status({ code: error.code, message: error.details });
      call.write(new ListenResponse({ target_change: new TargetChange({ target_change_type: 2, target_ids: targetIds, cause }) }));
      call.emit("error", error);
    });
  }
  override Write(call: ServerDuplexStream<WriteRequest, WriteResponse>): void {
    call.emit("error", toGrpcError(unimplemented("The streaming Write RPC")));
  }
}
