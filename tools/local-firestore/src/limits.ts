// Firestore's documented limits on names and documents
// (https://firebase.google.com/docs/firestore/quotas, /storage-size), enforced
// so that what passes here also passes in production: a write the real
// service refuses with INVALID_ARGUMENT is refused here the same way.
import { invalidArgument } from "./errors";
import type { FieldMap, FsValue } from "./values";

export const LIMITS = {
  /** 1 MiB, the documented maximum size of a document (storage-size rules below). */
  documentBytes: 1_048_576,
  /** Collection and document ids. */
  idBytes: 1_500,
  fieldNameBytes: 1_500,
  fieldPathBytes: 1_500,
  /** Maps and arrays nested inside a field: a value may sit at most 20 levels down. */
  nestingDepth: 20,
} as const;

// Counts without encoding (no copy of a near-1 MiB string per write).
const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

// Ids matching __.*__ are reserved; numeric ids of imported Datastore entities
// are exposed as __id<number>__, which production reads and orders (values.ts).
const RESERVED_ID = /^__.*__$/s;
const NUMERIC_ID = /^__id-?\d+__$/;

/** Refuses a collection or document id that production refuses. */
export function checkResourceId(id: string): void {
  if (RESERVED_ID.test(id) && !NUMERIC_ID.test(id)) {
    throw invalidArgument(`Resource id "${id}" is invalid because it is reserved.`);
  }
  if (id === "." || id === "..") throw invalidArgument(`Resource id "${id}" is invalid: an id cannot be "." or "..".`);
  if (utf8Bytes(id) > LIMITS.idBytes) {
    throw invalidArgument(`Resource id "${id.slice(0, 40)}…" is invalid: it is longer than ${LIMITS.idBytes} bytes.`);
  }
}

// ---- storage size (https://firebase.google.com/docs/firestore/storage-size)

/** Strings (ids, field names, string values): UTF-8 bytes + 1. */
const stringSize = (text: string) => utf8Bytes(text) + 1;

/** Each collection and document id in the path (numeric ids 8 bytes), plus 16. */
export function documentNameSize(segments: readonly string[]): number {
  let size = 16;
  for (const segment of segments) size += NUMERIC_ID.test(segment) ? 8 : stringSize(segment);
  return size;
}

function referenceSize(name: string): number {
  const marker = "/documents/";
  const at = name.indexOf(marker);
  return documentNameSize(at < 0 ? [] : name.slice(at + marker.length).split("/"));
}

export function valueSize(value: FsValue): number {
  switch (value.t) {
    case "null":
    case "bool":
      return 1;
    case "int":
    case "double":
    case "ts":
      return 8;
    case "geo":
      return 16;
    case "string":
      return stringSize(value.v);
    case "bytes":
      return value.v.length;
    case "ref":
      return referenceSize(value.v);
    case "array":
      return value.v.reduce((sum, item) => sum + valueSize(item), 0);
    case "map":
      return fieldsSize(value.v);
  }
}

/** A map, like a document's fields: each field name's string size plus its value's size. */
export function fieldsSize(fields: FieldMap): number {
  let size = 0;
  for (const [name, value] of fields) size += stringSize(name) + valueSize(value);
  return size;
}

/** Document name size + fields + 32 bytes. */
export const documentSize = (segments: readonly string[], fields: FieldMap) => documentNameSize(segments) + fieldsSize(fields) + 32;

/**
 * Refuses a document production would refuse to store: over 1 MiB, a field
 * name or field path over 1,500 bytes, or a value nested more than 20 maps or
 * arrays deep. One walk, so a write costs time linear in the document.
 */
export function checkDocument(name: string, segments: readonly string[], fields: FieldMap): void {
  const walk = (map: FieldMap, pathBytes: number, depth: number) => {
    for (const [field, value] of map) {
      const nameBytes = utf8Bytes(field);
      if (nameBytes > LIMITS.fieldNameBytes) {
        throw invalidArgument(`Field name "${field.slice(0, 40)}…" in document ${name} is longer than ${LIMITS.fieldNameBytes} bytes.`);
      }
      const fieldPathBytes = pathBytes === 0 ? nameBytes : pathBytes + 1 + nameBytes;
      if (fieldPathBytes > LIMITS.fieldPathBytes) {
        throw invalidArgument(`A field path in document ${name} is longer than ${LIMITS.fieldPathBytes} bytes.`);
      }
      nested(value, fieldPathBytes, depth);
    }
  };
  const nested = (value: FsValue, pathBytes: number, depth: number) => {
    if (depth > LIMITS.nestingDepth) {
      throw invalidArgument(`Document ${name} has a value nested more than ${LIMITS.nestingDepth} maps or arrays deep.`);
    }
    if (value.t === "map") walk(value.v, pathBytes, depth + 1);
    else if (value.t === "array") for (const item of value.v) nested(item, pathBytes, depth + 1);
  };
  walk(fields, 0, 0);
  const size = documentSize(segments, fields);
  if (size > LIMITS.documentBytes) {
    throw invalidArgument(
      `Document ${name} cannot be written because its size (${size.toLocaleString("en-US")} bytes) exceeds the maximum allowed size of ${LIMITS.documentBytes.toLocaleString("en-US")} bytes.`,
    );
  }
}
