// Internal value model plus Firestore's total ordering and equality rules.
// Plain tagged objects (not the google-protobuf classes) so that comparing and
// copying values during queries and writes is cheap.

export type FieldMap = Map<string, FsValue>;

export type FsValue =
  | { t: "null" }
  | { t: "bool"; v: boolean }
  | { t: "int"; v: bigint }
  | { t: "double"; v: number }
  | { t: "ts"; s: number; n: number }
  | { t: "string"; v: string }
  | { t: "bytes"; v: Uint8Array }
  | { t: "ref"; v: string }
  | { t: "geo"; lat: number; lng: number }
  | { t: "array"; v: FsValue[] }
  | { t: "map"; v: FieldMap };

export const NULL: FsValue = { t: "null" };

// Firestore's cross-type order. Numbers share one rank so ints and doubles interleave.
const TYPE_ORDER: Record<FsValue["t"], number> = {
  null: 0,
  bool: 1,
  int: 2,
  double: 2,
  ts: 3,
  string: 5,
  bytes: 6,
  ref: 7,
  geo: 8,
  array: 9,
  map: 10,
};

export const typeOrder = (v: FsValue): number => TYPE_ORDER[v.t];
export const isNumber = (v: FsValue): v is Extract<FsValue, { t: "int" | "double" }> => v.t === "int" || v.t === "double";
export const isNaNValue = (v: FsValue): boolean => v.t === "double" && Number.isNaN(v.v);

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Exact int64-vs-double comparison (no precision loss above 2^53). NaN sorts first. */
function compareIntDouble(i: bigint, d: number): number {
  if (Number.isNaN(d)) return 1;
  if (d === Infinity) return -1;
  if (d === -Infinity) return 1;
  const floor = Math.floor(d);
  const fb = BigInt(floor);
  if (i < fb) return -1;
  if (i > fb) return 1;
  return d > floor ? -1 : 0;
}

function compareDoubles(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0; // -0 and 0 are equal, as in Firestore
}

export function compareNumbers(a: FsValue, b: FsValue): number {
  if (a.t === "int" && b.t === "int") return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (a.t === "double" && b.t === "double") return compareDoubles(a.v, b.v);
  if (a.t === "int" && b.t === "double") return compareIntDouble(a.v, b.v);
  if (a.t === "double" && b.t === "int") return 0 - compareIntDouble(b.v, a.v) || 0; // no -0
  throw new Error("compareNumbers called with non-numbers");
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * Firestore orders strings by their UTF-8 bytes, i.e. by code point. JS compares
 * UTF-16 code units, which differs only when a surrogate meets a char >= U+E000.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = isSurrogate(x);
    if (sx !== isSurrogate(y)) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return sign(a.length - b.length);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return sign(d);
  }
  return sign(a.length - b.length);
}

const NUMERIC_ID = /^__id(-?\d+)__$/;

/** Path segments: numeric ids (`__id123__`) sort before string ids, numerically. */
export function compareSegment(a: string, b: string): number {
  const na = NUMERIC_ID.exec(a);
  const nb = NUMERIC_ID.exec(b);
  if (na && nb) {
    const x = BigInt(na[1] as string);
    const y = BigInt(nb[1] as string);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (na) return -1;
  if (nb) return 1;
  return compareUtf8(a, b);
}

export function compareSegments(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegment(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return sign(a.length - b.length);
}

const refSegments = (ref: string) => ref.split("/");

export function sortedKeys(m: FieldMap): string[] {
  return [...m.keys()].sort(compareUtf8);
}

function compareMaps(a: FieldMap, b: FieldMap): number {
  const ka = sortedKeys(a);
  const kb = sortedKeys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    const kc = compareUtf8(x, y);
    if (kc !== 0) return kc;
    const vc = compareValues(a.get(x) as FsValue, b.get(y) as FsValue);
    if (vc !== 0) return vc;
  }
  return sign(ka.length - kb.length);
}

/** Firestore's total order over all values (the order queries sort by). */
export function compareValues(a: FsValue, b: FsValue): number {
  const ta = TYPE_ORDER[a.t];
  const tb = TYPE_ORDER[b.t];
  if (ta !== tb) return ta < tb ? -1 : 1;
  switch (a.t) {
    case "null":
      return 0;
    case "bool":
      return sign(Number(a.v) - Number((b as typeof a).v));
    case "int":
    case "double":
      return compareNumbers(a, b);
    case "ts": {
      const o = b as typeof a;
      return a.s !== o.s ? sign(a.s - o.s) : sign(a.n - o.n);
    }
    case "string":
      return compareUtf8(a.v, (b as typeof a).v);
    case "bytes":
      return compareBytes(a.v, (b as typeof a).v);
    case "ref":
      return compareSegments(refSegments(a.v), refSegments((b as typeof a).v));
    case "geo": {
      const o = b as typeof a;
      return compareDoubles(a.lat, o.lat) || compareDoubles(a.lng, o.lng);
    }
    case "array": {
      const o = (b as typeof a).v;
      const n = Math.min(a.v.length, o.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(a.v[i] as FsValue, o[i] as FsValue);
        if (c !== 0) return c;
      }
      return sign(a.v.length - o.length);
    }
    case "map":
      return compareMaps(a.v, (b as typeof a).v);
  }
}

/** Query equality: 1 == 1.0, as the backend's index compares numbers by value. */
export const queryEquals = (a: FsValue, b: FsValue): boolean => compareValues(a, b) === 0;

/**
 * Strict, type-sensitive equality (int 1 != double 1.0), used where the stored
 * representation matters: no-op write detection, arrayUnion/arrayRemove.
 */
export function strictEquals(a: FsValue, b: FsValue): boolean {
  if (a.t !== b.t) return false;
  switch (a.t) {
    case "double": {
      const o = (b as typeof a).v;
      if (Number.isNaN(a.v)) return Number.isNaN(o);
      return a.v === o && Object.is(a.v, 0) === Object.is(o, 0);
    }
    case "array": {
      const o = (b as typeof a).v;
      return a.v.length === o.length && a.v.every((x, i) => strictEquals(x, o[i] as FsValue));
    }
    case "map":
      return mapsStrictEqual(a.v, (b as typeof a).v);
    case "bytes":
      return compareBytes(a.v, (b as typeof a).v) === 0;
    default:
      return compareValues(a, b) === 0;
  }
}

export function mapsStrictEqual(a: FieldMap, b: FieldMap): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const o = b.get(k);
    if (o === undefined || !strictEquals(v, o)) return false;
  }
  return true;
}
