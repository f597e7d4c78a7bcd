// Compiles StructuredQuery filters into predicates with Firestore's semantics:
// range filters only match values of the same type class, != and not-in skip
// missing fields and nulls, `== null` is the IS_NULL unary filter, and
// documentId() filters compare document names segment by segment.
import type {
  StructuredQueryFieldReference,
  StructuredQueryFilter,
} from "@firestore-emulator/proto/dist/google/firestore/v1/query";
import { invalidArgument } from "./errors";
import { getPath, parseFieldPath } from "./field-path";
import { fromProtoValue } from "./proto-convert";
import type { StoredDoc } from "./store";
import { compareValues, type FsValue, isNaNValue, queryEquals, typeOrder } from "./values";

export const NAME_FIELD = "__name__";

/** A field reference; `segs` is null for the document name (__name__). */
export interface FieldRef {
  readonly path: string;
  readonly segs: readonly string[] | null;
}

export function fieldRefFromPath(path: string): FieldRef {
  if (path === NAME_FIELD) return { path, segs: null };
  return { path, segs: parseFieldPath(path) };
}

export const fieldRef = (ref: StructuredQueryFieldReference): FieldRef => fieldRefFromPath(ref.field_path);

/** Value of a field in a document; the document name is a reference value. */
export function fieldValue(doc: StoredDoc, ref: FieldRef): FsValue | undefined {
  return ref.segs === null ? { t: "ref", v: doc.name } : getPath(doc.fields, ref.segs);
}

export type Predicate = (doc: StoredDoc) => boolean;

// Operator numbers from google.firestore.v1.StructuredQuery.
const enum Op {
  LT = 1,
  LTE = 2,
  GT = 3,
  GTE = 4,
  EQ = 5,
  NE = 6,
  ARRAY_CONTAINS = 7,
  IN = 8,
  ARRAY_CONTAINS_ANY = 9,
  NOT_IN = 10,
}
const enum UnaryOp {
  IS_NAN = 2,
  IS_NULL = 3,
  IS_NOT_NAN = 4,
  IS_NOT_NULL = 5,
}
const INEQUALITY_OPS = new Set<number>([Op.LT, Op.LTE, Op.GT, Op.GTE, Op.NE, Op.NOT_IN]);

function requireArray(v: FsValue, op: string): FsValue[] {
  if (v.t !== "array") throw invalidArgument(`'${op}' filters need an array value`);
  return v.v;
}

function checkNameValue(ref: FieldRef, value: FsValue, op: number): void {
  if (ref.segs !== null) return;
  const values = op === Op.IN || op === Op.NOT_IN ? requireArray(value, "in") : [value];
  if (op === Op.ARRAY_CONTAINS || op === Op.ARRAY_CONTAINS_ANY) {
    throw invalidArgument("Array filters are not allowed on __name__");
  }
  for (const v of values) {
    if (v.t !== "ref") throw invalidArgument("A __name__ (documentId) filter value must be a document reference");
  }
}

function fieldPredicate(ref: FieldRef, op: number, value: FsValue): Predicate {
  checkNameValue(ref, value, op);
  const sameType = (v: FsValue) => typeOrder(v) === typeOrder(value);
  switch (op) {
    case Op.EQ:
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && queryEquals(v, value);
      };
    case Op.NE:
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && v.t !== "null" && !queryEquals(v, value);
      };
    case Op.LT:
    case Op.LTE:
    case Op.GT:
    case Op.GTE: {
      const test =
        op === Op.LT ? (c: number) => c < 0 : op === Op.LTE ? (c: number) => c <= 0 : op === Op.GT ? (c: number) => c > 0 : (c: number) => c >= 0;
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && sameType(v) && test(compareValues(v, value));
      };
    }
    case Op.ARRAY_CONTAINS:
      return (d) => {
        const v = fieldValue(d, ref);
        return v?.t === "array" && v.v.some((e) => queryEquals(e, value));
      };
    case Op.IN: {
      const options = requireArray(value, "in");
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && options.some((o) => queryEquals(v, o));
      };
    }
    case Op.ARRAY_CONTAINS_ANY: {
      const options = requireArray(value, "array-contains-any");
      return (d) => {
        const v = fieldValue(d, ref);
        return v?.t === "array" && v.v.some((e) => options.some((o) => queryEquals(e, o)));
      };
    }
    case Op.NOT_IN: {
      const options = requireArray(value, "not-in");
      // not-in with a null in the list matches nothing, as in Firestore.
      if (options.some((o) => o.t === "null")) return () => false;
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && v.t !== "null" && !options.some((o) => queryEquals(v, o));
      };
    }
    default:
      throw invalidArgument(`Unknown field filter operator ${op}`);
  }
}

function unaryPredicate(ref: FieldRef, op: number): Predicate {
  switch (op) {
    case UnaryOp.IS_NAN:
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && isNaNValue(v);
      };
    case UnaryOp.IS_NULL:
      return (d) => fieldValue(d, ref)?.t === "null";
    case UnaryOp.IS_NOT_NAN:
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && v.t !== "null" && !isNaNValue(v);
      };
    case UnaryOp.IS_NOT_NULL:
      return (d) => {
        const v = fieldValue(d, ref);
        return v !== undefined && v.t !== "null";
      };
    default:
      throw invalidArgument(`Unknown unary filter operator ${op}`);
  }
}

export interface CompiledFilter {
  predicate: Predicate;
  /** Fields under inequality filters; they become implicit orderBys. */
  inequalityFields: FieldRef[];
}

export function compileFilter(filter: StructuredQueryFilter): CompiledFilter {
  const inequalityFields: FieldRef[] = [];
  const walk = (f: StructuredQueryFilter): Predicate => {
    switch (f.filter_type) {
      case "field_filter": {
        const ref = fieldRef(f.field_filter.field);
        const op = f.field_filter.op as number;
        if (INEQUALITY_OPS.has(op)) inequalityFields.push(ref);
        return fieldPredicate(ref, op, fromProtoValue(f.field_filter.value));
      }
      case "unary_filter": {
        const ref = fieldRef(f.unary_filter.field);
        const op = f.unary_filter.op as number;
        if (op === UnaryOp.IS_NOT_NAN || op === UnaryOp.IS_NOT_NULL) inequalityFields.push(ref);
        return unaryPredicate(ref, op);
      }
      case "composite_filter": {
        const parts = f.composite_filter.filters.map(walk);
        const op = f.composite_filter.op as number;
        if (op === 1) return (d) => parts.every((p) => p(d));
        if (op === 2) return (d) => parts.some((p) => p(d));
        throw invalidArgument(`Unknown composite filter operator ${op}`);
      }
      default:
        throw invalidArgument("Filter has no field, unary or composite filter set");
    }
  };
  return { predicate: walk(filter), inequalityFields };
}
