// In-memory documents, one Database per "projects/{p}/databases/{d}".
// Documents are indexed by their parent collection path and collections by
// their id, so collection and collection-group queries never scan the whole DB.
import type { Document } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { compareSegments, type FieldMap } from "./values";
import { lastSegment, parentCollectionPath } from "./paths";

export interface StoredDoc {
  /** Path relative to .../documents, e.g. "users/alice". */
  readonly path: string;
  readonly segments: readonly string[];
  /** Full resource name, e.g. "projects/p/databases/(default)/documents/users/alice". */
  readonly name: string;
  readonly fields: FieldMap;
  readonly createTime: bigint;
  readonly updateTime: bigint;
  /** Lazily built, full proto (documents are immutable once stored). */
  proto?: Document;
}

export const compareDocs = (a: StoredDoc, b: StoredDoc) => compareSegments(a.segments, b.segments);

export class Database {
  private readonly docs = new Map<string, StoredDoc>();
  private readonly collections = new Map<string, Map<string, StoredDoc>>();
  private readonly collectionsById = new Map<string, Set<string>>();
  /** Bumped on every applied change; lets transactions skip re-validation when nothing changed. */
  changeCounter = 0;
  /** Time of the latest change, so reads at an older read_time can be refused. */
  lastChangeTime = 0n;

  constructor(readonly name: string) {}

  get(path: string): StoredDoc | undefined {
    return this.docs.get(path);
  }

  /** Version of a document for conflict checks; 0n when missing. */
  versionOf(path: string): bigint {
    return this.docs.get(path)?.updateTime ?? 0n;
  }

  put(doc: StoredDoc): void {
    this.docs.set(doc.path, doc);
    const colPath = parentCollectionPath(doc.path);
    let col = this.collections.get(colPath);
    if (!col) {
      col = new Map();
      this.collections.set(colPath, col);
      const id = lastSegment(colPath);
      let set = this.collectionsById.get(id);
      if (!set) this.collectionsById.set(id, (set = new Set()));
      set.add(colPath);
    }
    col.set(lastSegment(doc.path), doc);
    this.changeCounter++;
  }

  remove(path: string): void {
    if (!this.docs.delete(path)) return;
    const colPath = parentCollectionPath(path);
    const col = this.collections.get(colPath);
    col?.delete(lastSegment(path));
    if (col && col.size === 0) {
      this.collections.delete(colPath);
      const id = lastSegment(colPath);
      const set = this.collectionsById.get(id);
      set?.delete(colPath);
      if (set && set.size === 0) this.collectionsById.delete(id);
    }
    this.changeCounter++;
  }

  clear(now: bigint): void {
    this.lastChangeTime = now;
    this.docs.clear();
    this.collections.clear();
    this.collectionsById.clear();
    this.changeCounter++;
  }

  /** Documents directly in one collection. */
  *inCollection(colPath: string): Iterable<StoredDoc> {
    const col = this.collections.get(colPath);
    if (col) yield* col.values();
  }

  /** Documents of every collection named `collectionId` at or below `parentPath`. */
  *inCollectionGroup(parentPath: string, collectionId: string): Iterable<StoredDoc> {
    const prefix = parentPath === "" ? "" : `${parentPath}/`;
    for (const colPath of this.collectionsById.get(collectionId) ?? []) {
      if (colPath.startsWith(prefix)) yield* this.inCollection(colPath);
    }
  }

  /** Every document strictly below `parentPath` (kindless all-descendants queries). */
  *descendants(parentPath: string): Iterable<StoredDoc> {
    const prefix = parentPath === "" ? "" : `${parentPath}/`;
    for (const [colPath, col] of this.collections) {
      if (colPath.startsWith(prefix)) yield* col.values();
    }
  }

  /**
   * Ids of documents in a collection, including "missing" documents (ones that
   * do not exist but have subcollections), as ListDocuments(show_missing) needs.
   */
  documentIdsWithMissing(colPath: string): { id: string; doc?: StoredDoc }[] {
    const out = new Map<string, StoredDoc | undefined>();
    for (const [id, doc] of this.collections.get(colPath) ?? []) out.set(id, doc);
    const prefix = `${colPath}/`;
    for (const other of this.collections.keys()) {
      if (!other.startsWith(prefix)) continue;
      const id = other.slice(prefix.length).split("/")[0] as string;
      if (!out.has(id)) out.set(id, undefined);
    }
    return [...out].map(([id, doc]) => (doc ? { id, doc } : { id }));
  }

  /** Collection ids directly under a document (or the root), that hold any document at any depth. */
  collectionIdsUnder(parentPath: string): string[] {
    const ids = new Set<string>();
    const prefix = parentPath === "" ? "" : `${parentPath}/`;
    for (const colPath of this.collections.keys()) {
      if (!colPath.startsWith(prefix)) continue;
      ids.add(colPath.slice(prefix.length).split("/")[0] as string);
    }
    return [...ids];
  }
}

export class Store {
  private readonly dbs = new Map<string, Database>();

  database(name: string): Database {
    let db = this.dbs.get(name);
    if (!db) this.dbs.set(name, (db = new Database(name)));
    return db;
  }

  clear(name: string, now: bigint): Database | undefined {
    const db = this.dbs.get(name);
    db?.clear(now);
    return db;
  }
}
