// Optimistic transactions. Every read made inside a transaction is recorded:
// documents with the version seen (0n for "missing") and queries with their
// result signature. Commit re-checks all of them and fails with ABORTED if
// anything changed (the admin SDK then retries). Reads also re-check earlier
// reads, so one transaction never observes two different database states.
import { randomBytes } from "node:crypto";
import type { TransactionOptions } from "@firestore-emulator/proto/dist/google/firestore/v1/common";
import { aborted, invalidArgument, unimplemented } from "./errors";
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
}

const keyOf = (id: Uint8Array) => Buffer.from(id).toString("hex");

export class TransactionManager {
  private readonly txs = new Map<string, Transaction>();
  private lastSweep = 0;

  begin(db: Database, options?: TransactionOptions): { id: Uint8Array; tx: Transaction } {
    if (options?.mode === "read_only" && options.read_only.consistency_selector === "read_time") {
      throw unimplemented("Read-only transactions at a read_time");
    }
    this.sweep();
    const id = randomBytes(16);
    const tx: Transaction = {
      key: keyOf(id),
      db,
      readOnly: options?.mode === "read_only",
      expiresAt: Date.now() + LIFETIME_MS,
      docReads: new Map(),
      queryReads: [],
      validatedAt: db.changeCounter,
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
      // Wording matches production so the admin SDK retries the transaction.
      throw invalidArgument("The referenced transaction has expired or is no longer valid");
    }
    if (tx.db !== db) throw invalidArgument(`Transaction ${key} belongs to ${tx.db.name}, not ${db.name}`);
    return tx;
  }

  /** Throws ABORTED if anything this transaction read has changed since. */
  ensureCurrent(tx: Transaction): void {
    if (tx.abortedReason) throw aborted(tx.abortedReason);
    if (tx.validatedAt === tx.db.changeCounter) return;
    const reason = this.findConflict(tx);
    if (reason) {
      tx.abortedReason = `Transaction aborted: ${reason} since the transaction read it; retry the transaction`;
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
    if (!tx.docReads.has(path)) tx.docReads.set(path, version);
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
    if (tx.readOnly && writeCount > 0) throw invalidArgument("Cannot write in a read-only transaction");
    this.ensureCurrent(tx);
  }

  rollback(id: Uint8Array, db: Database): void {
    const tx = this.get(id, db);
    this.txs.delete(tx.key);
  }

  /** Clearing a database ends its open transactions. */
  dropDatabase(db: Database): void {
    for (const [key, tx] of this.txs) if (tx.db === db) this.txs.delete(key);
  }

  get size(): number {
    return this.txs.size;
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, tx] of this.txs) if (tx.expiresAt < now) this.txs.delete(key);
  }
}
