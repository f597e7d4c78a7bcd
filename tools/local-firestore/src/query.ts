// Executes a StructuredQuery against one Database: selects candidates from the
// collection index, filters, orders (with Firestore's implicit orderBys and the
// __name__ tiebreak), applies cursors, offset, limit and the projection.
import type { Cursor, StructuredQuery } from "@firestore-emulator/proto/dist/google/firestore/v1/query";
import { invalidArgument, unimplemented } from "./errors";
import { compileFilter, type FieldRef, fieldRef, fieldValue, NAME_FIELD, type Predicate } from "./filters";
import { joinPath, parseDocumentName } from "./paths";
import { fromProtoValue } from "./proto-convert";
import { compareDocs, type Database, type StoredDoc } from "./store";
import { compareSegments, compareUtf8, compareValues, type FsValue } from "./values";

interface Order {
  ref: FieldRef;
  dir: 1 | -1;
}

interface Bound {
  values: FsValue[];
  /** For __name__ positions: the cursor's document path segments. */
  nameSegs: (readonly string[] | null)[];
  before: boolean;
}

export interface QueryResult {
  docs: StoredDoc[];
  /** Field paths to keep (a select()); undefined means all fields. */
  projection?: string[][];
}

function compareFieldPaths(a: FieldRef, b: FieldRef): number {
  return compareSegments(a.segs ?? [], b.segs ?? []) || compareUtf8(a.path, b.path);
}

/** Explicit orders, then inequality fields (lexicographic), then __name__, all in the last direction. */
function normalizeOrders(query: StructuredQuery, inequalityFields: FieldRef[]): Order[] {
  const orders: Order[] = query.order_by.map((o) => ({ ref: fieldRef(o.field), dir: o.direction === 2 ? -1 : 1 }));
  const seen = new Set(orders.map((o) => o.ref.path));
  const lastDir = orders.length > 0 ? (orders[orders.length - 1] as Order).dir : 1;
  const implicit = inequalityFields
    .filter((f) => f.segs !== null && !seen.has(f.path))
    .sort(compareFieldPaths);
  for (const ref of implicit) {
    if (seen.has(ref.path)) continue;
    seen.add(ref.path);
    orders.push({ ref, dir: lastDir });
  }
  if (!seen.has(NAME_FIELD)) orders.push({ ref: { path: NAME_FIELD, segs: null }, dir: lastDir });
  return orders;
}

function compileBound(db: Database, cursor: Cursor, orders: Order[]): Bound {
  if (cursor.values.length > orders.length) {
    throw invalidArgument("Too many cursor values: a cursor cannot have more values than the query has orderBys");
  }
  const values = cursor.values.map(fromProtoValue);
  const nameSegs = values.map((v, i) => {
    if ((orders[i] as Order).ref.segs !== null) return null;
    if (v.t !== "ref") throw invalidArgument("A cursor value for __name__ must be a document reference");
    const parsed = parseDocumentName(v.v);
    if (parsed.db !== db.name) throw invalidArgument(`Cursor reference ${v.v} is not in database ${db.name}`);
    return parsed.segments;
  });
  return { values, nameSegs, before: cursor.before };
}

interface Row {
  doc: StoredDoc;
  keys: (FsValue | null)[]; // null marks the __name__ position
}

function compareRows(a: Row, b: Row, orders: Order[]): number {
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as Order;
    const ka = a.keys[i];
    const kb = b.keys[i];
    const c = ka == null || kb == null ? compareDocs(a.doc, b.doc) : compareValues(ka, kb);
    if (c !== 0) return c * o.dir;
  }
  return 0;
}

/** Sign of (row position - bound position) over the bound's prefix of orders. */
function compareToBound(row: Row, bound: Bound, orders: Order[]): number {
  for (let i = 0; i < bound.values.length; i++) {
    const o = orders[i] as Order;
    const segs = bound.nameSegs[i];
    const key = row.keys[i];
    const c = segs ? compareSegments(row.doc.segments, segs) : compareValues(key as FsValue, bound.values[i] as FsValue);
    if (c !== 0) return c * o.dir;
  }
  return 0;
}

function* candidates(db: Database, parentPath: string, query: StructuredQuery): Iterable<StoredDoc> {
  if (query.from.length !== 1) throw invalidArgument("A query must select exactly one collection (from)");
  const from = query.from[0] as StructuredQuery["from"][number];
  if (from.collection_id === "") {
    if (!from.all_descendants) throw invalidArgument("A kindless query must set all_descendants");
    yield* db.descendants(parentPath);
  } else if (from.all_descendants) yield* db.inCollectionGroup(parentPath, from.collection_id);
  else yield* db.inCollection(joinPath(parentPath, from.collection_id));
}

export function runQuery(db: Database, parentPath: string, query: StructuredQuery): QueryResult {
  if (query.has_find_nearest) throw unimplemented("Vector search (find_nearest)");
  if (query.offset < 0) throw invalidArgument("offset must be >= 0");
  const filter = query.has_where ? compileFilter(query.where) : undefined;
  const predicate: Predicate | undefined = filter?.predicate;
  const orders = normalizeOrders(query, filter?.inequalityFields ?? []);
  const start = query.has_start_at ? compileBound(db, query.start_at, orders) : undefined;
  const end = query.has_end_at ? compileBound(db, query.end_at, orders) : undefined;

  const rows: Row[] = [];
  outer: for (const doc of candidates(db, parentPath, query)) {
    if (predicate && !predicate(doc)) continue;
    const keys: (FsValue | null)[] = [];
    for (const o of orders) {
      if (o.ref.segs === null) {
        keys.push(null);
        continue;
      }
      const v = fieldValue(doc, o.ref);
      if (v === undefined) continue outer; // orderBy excludes documents lacking the field
      keys.push(v);
    }
    const row = { doc, keys };
    if (start) {
      const c = compareToBound(row, start, orders);
      if (start.before ? c < 0 : c <= 0) continue;
    }
    if (end) {
      const c = compareToBound(row, end, orders);
      if (end.before ? c >= 0 : c > 0) continue;
    }
    rows.push(row);
  }
  rows.sort((a, b) => compareRows(a, b, orders));

  const limit = query.has_limit ? query.limit.value : undefined;
  if (limit !== undefined && limit < 0) throw invalidArgument("limit must be >= 0");
  const sliced = rows.slice(query.offset, limit === undefined ? undefined : query.offset + limit);
  const result: QueryResult = { docs: sliced.map((r) => r.doc) };
  if (query.has_select) {
    result.projection = query.select.fields
      .map(fieldRef)
      .filter((r) => r.segs !== null)
      .map((r) => [...(r.segs as string[])]);
  }
  return result;
}

/** Stable description of a result set: which documents, at which versions. */
export function resultSignature(docs: readonly StoredDoc[]): string {
  return docs.map((d) => `${d.path}@${d.updateTime}`).join("\n");
}

