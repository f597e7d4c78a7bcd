// Optimistic transactions. Every read made inside a transaction is recorded:
// documents with the version seen (0n for "missing") and queries with their
// result signature. Commit re-checks all of them and fails with ABORTED if
// anything changed (the admin SDK then retries). Reads also re-check earlier
// reads, so one transaction never observes two different database states.
import { randomBytes } from "node:crypto";
import type { TransactionOptions } from "@firestore-emulator/proto/dist/google/firestore/v1/common";
import { aborted, invalidArgument, unimplemented } from "./errors";
import { ReadQueue } from "./contention";
import type { Database } from "./store";

// Production limits a transaction's lifetime to 270 s.
const LIFETIME_MS = 270_000;

interface QueryRead {
  description: string;
  signature: string;
  rerun: () => string;
}

export interface Transaction {
  readonly key: string;
  readonly db: Database;
  readonly readOnly: boolean;
  readonly expiresAt: number;
  readonly docReads: Map<string, bigint>;
  readonly queryReads: QueryRead[];
  /** db.changeCounter when the read set was last known to be current. */
  validatedAt: number;
  abortedReason?: string;
  /** For the contention manager (contention.ts). */
  lastActivity: number;
  finished: boolean;
  readonly done: Promise<void>;
  readonly markDone: () => void;
}

const keyOf = (id: Uint8Array) => Buffer.from(id).toString("hex");
const readKey = (db: Database, path: string) => `${db.name}\u0000${path}`;

export class TransactionManager {
  private readonly txs = new Map<string, Transaction>();
  private readonly queue = new ReadQueue<Transaction>();
  private lastSweep = 0;

  begin(db: Database, options?: TransactionOptions): { id: Uint8Array; tx: Transaction } {
    if (options?.mode === "read_only" && options.read_only.consistency_selector === "read_time") {
      throw unimplemented("Read-only transactions at a read_time");
    }
    this.sweep();
    const id = randomBytes(16);
    let markDone = () => {};
    const done = new Promise<void>((resolve) => (markDone = resolve));
    const tx: Transaction = {
      key: keyOf(id),
      db,
      readOnly: options?.mode === "read_only",
      expiresAt: Date.now() + LIFETIME_MS,
      docReads: new Map(),
      queryReads: [],
      validatedAt: db.changeCounter,
      lastActivity: Date.now(),
      finished: false,
      done,
      markDone,
    };
    this.txs.set(tx.key, tx);
    return { id: new Uint8Array(id), tx };
  }

  /** The live transaction for `id`; INVALID_ARGUMENT if unknown, ended or expired. */
  get(id: Uint8Array, db: Database): Transaction {
    const key = keyOf(id);
    const tx = this.txs.get(key);
    if (!tx) {
      throw invalidArgument(`Transaction ${key} is not active: it is unknown, or was already committed or rolled back`);
    }
    if (tx.expiresAt < Date.now()) {
      this.txs.delete(key);
      this.finish(tx);
      // Wording matches production so the admin SDK retries the transaction.
      throw invalidArgument("The referenced transaction has expired or is no longer valid");
    }
    if (tx.db !== db) throw invalidArgument(`Transaction ${key} belongs to ${tx.db.name}, not ${db.name}`);
    tx.lastActivity = Date.now();
    return tx;
  }

  /**
   * Runs a document read, first letting a read-write transaction queue behind
   * other live ones that already read these documents (see contention.ts).
   * `self` is the reading transaction, undefined when the read begins one.
   */
  readInTurn(db: Database, paths: readonly string[], self: Transaction | undefined, readOnly: boolean, read: () => void): void {
    const keys = paths.map((p) => readKey(db, p));
    this.queue.waitTurn(keys, self, readOnly, read);
  }

  /** Ends a transaction's claim on its reads and wakes transactions waiting behind it. */
  private finish(tx: Transaction): void {
    if (tx.finished) return;
    tx.finished = true;
    this.queue.remove([...tx.docReads.keys()].map((p) => readKey(tx.db, p)), tx);
    tx.markDone();
  }

  /** Throws ABORTED if anything this transaction read has changed since. */
  ensureCurrent(tx: Transaction): void {
    if (tx.abortedReason) throw aborted(tx.abortedReason);
    if (tx.validatedAt === tx.db.changeCounter) return;
    const reason = this.findConflict(tx);
    if (reason) {
      tx.abortedReason = `Transaction aborted: ${reason} since the transaction read it; retry the transaction`;
      this.finish(tx);
      throw aborted(tx.abortedReason);
    }
    tx.validatedAt = tx.db.changeCounter;
  }

  private findConflict(tx: Transaction): string | undefined {
    for (const [path, version] of tx.docReads) {
      if (tx.db.versionOf(path) !== version) return `document ${path} changed`;
    }
    for (const q of tx.queryReads) {
      if (q.rerun() !== q.signature) return `the result of ${q.description} changed`;
    }
    return undefined;
  }

  /** Call right after a read that ensureCurrent() allowed. */
  recordDoc(tx: Transaction, path: string, version: bigint): void {
    if (!tx.docReads.has(path)) {
      tx.docReads.set(path, version);
      if (!tx.finished) this.queue.add(readKey(tx.db, path), tx);
    }
    tx.validatedAt = tx.db.changeCounter;
  }

  recordQuery(tx: Transaction, description: string, signature: string, rerun: () => string): void {
    tx.queryReads.push({ description, signature, rerun });
    tx.validatedAt = tx.db.changeCounter;
  }

  /**
   * Validates the read set and ends the transaction. The caller applies the
   * writes synchronously right after, so validation and writes are atomic.
   */
  finishForCommit(tx: Transaction, writeCount: number): void {
    this.txs.delete(tx.key);
    this.finish(tx);
    if (tx.readOnly && writeCount > 0) throw invalidArgument("Cannot write in a read-only transaction");
    if (tx.abortedReason) throw aborted(tx.abortedReason);
    if (tx.validatedAt === tx.db.changeCounter) return;
    const reason = this.findConflict(tx);
    if (reason) throw aborted(`Transaction aborted: ${reason} since the transaction read it; retry the transaction`);
  }

  rollback(id: Uint8Array, db: Database): void {
    const tx = this.get(id, db);
    this.txs.delete(tx.key);
    this.finish(tx);
  }

  /** Clearing a database ends its open transactions. */
  dropDatabase(db: Database): void {
    for (const [key, tx] of this.txs) {
      if (tx.db !== db) continue;
      this.txs.delete(key);
      this.finish(tx);
    }
  }

  get size(): number {
    return this.txs.size;
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, tx] of this.txs) {
      if (tx.expiresAt >= now) continue;
      this.txs.delete(key);
      this.finish(tx);
    }
  }
}
