// Shared plumbing for read RPCs: the consistency selector (transaction,
// new_transaction, read_time) and turning stored documents into protos.
import type { TransactionOptions } from "@firestore-emulator/proto/dist/google/firestore/v1/common";
import { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import type { Timestamp } from "@firestore-emulator/proto/dist/google/protobuf/timestamp";
import { unimplemented } from "./errors";
import { projectFields } from "./field-path";
import { timestampToVersion, toProtoFields, versionToTimestamp } from "./proto-convert";
import type { Database, StoredDoc, Store } from "./store";
import type { Transaction, TransactionManager } from "./transactions";

export interface Engine {
  readonly store: Store;
  readonly txs: TransactionManager;
}

/** The parts of a read request that choose what state it reads. */
export interface ConsistencyFields {
  consistency_selector: string;
  transaction: Uint8Array;
  read_time: Timestamp;
  new_transaction?: TransactionOptions;
}

export interface ReadContext {
  tx?: Transaction;
  /** Set when the request began a transaction: must be returned in the first response. */
  newTransactionId?: Uint8Array;
}

export function openReadContext(engine: Engine, db: Database, req: ConsistencyFields): ReadContext {
  switch (req.consistency_selector) {
    case "transaction": {
      const tx = engine.txs.get(req.transaction, db);
      engine.txs.ensureCurrent(tx);
      return { tx };
    }
    case "new_transaction": {
      const { id, tx } = engine.txs.begin(db, req.new_transaction);
      return { tx, newTransactionId: id };
    }
    case "read_time":
      checkReadTime(db, req.read_time);
      return {};
    default:
      return {};
  }
}

/**
 * Runs a document read. Transactional read-write reads first take their turn
 * behind other live transactions that read the same documents (contention.ts);
 * everything else runs at once. Errors are left for `read` itself to report.
 */
export function inReadTurn(engine: Engine, db: Database, paths: () => string[], req: ConsistencyFields, read: () => void): void {
  let self: Transaction | undefined;
  let readOnly: boolean;
  let docPaths: string[];
  try {
    if (req.consistency_selector === "transaction") {
      self = engine.txs.get(req.transaction, db);
      readOnly = self.readOnly;
    } else if (req.consistency_selector === "new_transaction") {
      readOnly = req.new_transaction?.mode === "read_only";
    } else {
      read();
      return;
    }
    docPaths = paths();
  } catch {
    read();
    return;
  }
  engine.txs.readInTurn(db, docPaths, self, readOnly, read);
}

/**
 * We keep no old versions, so a read at a past read_time is only answered when
 * nothing changed since then (the current state is that snapshot).
 */
export function checkReadTime(db: Database, readTime: Timestamp): void {
  if (timestampToVersion(readTime) < db.lastChangeTime) {
    throw unimplemented("Reading at a past read_time after the data changed (no old versions are kept)");
  }
}

export function docToProto(doc: StoredDoc, mask?: string[][]): Document {
  if (mask) {
    return new Document({
      name: doc.name,
      fields: toProtoFields(projectFields(doc.fields, mask)),
      create_time: versionToTimestamp(doc.createTime),
      update_time: versionToTimestamp(doc.updateTime),
    });
  }
  doc.proto ??= new Document({
    name: doc.name,
    fields: toProtoFields(doc.fields),
    create_time: versionToTimestamp(doc.createTime),
    update_time: versionToTimestamp(doc.updateTime),
  });
  return doc.proto;
}
