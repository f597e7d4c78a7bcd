// Listing RPCs: ListDocuments (CollectionReference.listDocuments()) and
// ListCollectionIds (listCollections(), recursiveDelete()). Results are in
// name order with opaque page tokens.
import { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import {
  type ListCollectionIdsRequest,
  ListCollectionIdsResponse,
  type ListDocumentsRequest,
  ListDocumentsResponse,
} from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import type { sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import { invalidArgument, unimplemented } from "./errors";
import { parseFieldPath } from "./field-path";
import { unary } from "./grpc-call";
import { joinPath, lastSegment, parseParentName } from "./paths";
import { checkReadTime, docToProto, type Engine, openReadContext } from "./read-context";
import type { Database, StoredDoc } from "./store";
import { compareSegment, compareUtf8 } from "./values";

const encodeToken = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const decodeToken = (t: string) => Buffer.from(t, "base64url").toString("utf8");

/** Applies page_token (exclusive start) and page_size to a sorted list of keys. */
function page<T>(items: T[], key: (t: T) => string, cmp: (a: string, b: string) => number, req: { page_size: number; page_token: string }) {
  if (req.page_size < 0) throw invalidArgument("page_size must be >= 0");
  let start = 0;
  if (req.page_token) {
    const after = decodeToken(req.page_token);
    start = items.findIndex((i) => cmp(key(i), after) > 0);
    if (start < 0) start = items.length;
  }
  const end = req.page_size > 0 ? Math.min(items.length, start + req.page_size) : items.length;
  const slice = items.slice(start, end);
  const last = slice[slice.length - 1];
  const next = end < items.length && last !== undefined ? encodeToken(key(last)) : "";
  return { slice, next };
}

function listEntries(db: Database, colPath: string, showMissing: boolean): { id: string; doc?: StoredDoc }[] {
  const entries = showMissing
    ? db.documentIdsWithMissing(colPath)
    : [...db.inCollection(colPath)].map((doc) => ({ id: lastSegment(doc.path), doc }));
  return entries.sort((a, b) => compareSegment(a.id, b.id));
}

export function listDocuments(
  engine: Engine,
  call: ServerUnaryCall<ListDocumentsRequest, ListDocumentsResponse>,
  callback: sendUnaryData<ListDocumentsResponse>,
): void {
  unary(callback, () => {
    const req = call.request;
    if (!req.collection_id) throw unimplemented("ListDocuments without a collection_id");
    if (req.order_by && !/^\s*__name__(\s+asc)?\s*$/i.test(req.order_by)) {
      throw unimplemented(`ListDocuments order_by "${req.order_by}" (only __name__ ascending)`);
    }
    const parent = parseParentName(req.parent);
    const db = engine.store.database(parent.db);
    const ctx = openReadContext(engine, db, req);
    const colPath = joinPath(parent.path, req.collection_id);
    const entries = listEntries(db, colPath, req.show_missing);
    if (ctx.tx) {
      const sig = () => listEntries(db, colPath, req.show_missing).map((e) => `${e.id}@${e.doc?.updateTime ?? 0n}`).join("\n");
      engine.txs.recordQuery(ctx.tx, `a document listing of ${colPath}`, sig(), sig);
    }
    const mask = req.has_mask ? req.mask.field_paths.map((p) => [...parseFieldPath(p)]) : undefined;
    const { slice, next } = page(entries, (e) => e.id, compareSegment, req);
    const documents = slice.map((e) =>
      e.doc ? docToProto(e.doc, mask) : new Document({ name: `${db.name}/documents/${colPath}/${e.id}` }),
    );
    return new ListDocumentsResponse({ documents, next_page_token: next });
  });
}

export function listCollectionIds(
  engine: Engine,
  call: ServerUnaryCall<ListCollectionIdsRequest, ListCollectionIdsResponse>,
  callback: sendUnaryData<ListCollectionIdsResponse>,
): void {
  unary(callback, () => {
    const req = call.request;
    const parent = parseParentName(req.parent);
    const db = engine.store.database(parent.db);
    if (req.consistency_selector === "read_time") checkReadTime(db, req.read_time);
    const ids = db.collectionIdsUnder(parent.path).sort(compareUtf8);
    const { slice, next } = page(ids, (id) => id, compareUtf8, req);
    return new ListCollectionIdsResponse({ collection_ids: slice, next_page_token: next });
  });
}
