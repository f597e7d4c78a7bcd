// Atomic application of a list of Writes. Phase 1 computes every resulting
// document in an overlay, checking each precondition against the state the
// write would see (including earlier writes of the same commit). Only if all
// writes succeed does phase 2 install the overlay. Nothing is applied otherwise.
import type { Write } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { alreadyExists, failedPrecondition, invalidArgument, notFound } from "./errors";
import { FieldEditor, getPath, parseFieldPath } from "./field-path";
import { checkDocument } from "./limits";
import { parseDocumentName } from "./paths";
import { fromProtoFields, timestampToVersion } from "./proto-convert";
import type { Database, StoredDoc } from "./store";
import { applyTransforms } from "./transforms";
import { type FieldMap, type FsValue, mapsStrictEqual } from "./values";

export interface WriteOutcome {
  /** Absent after a delete, like the real WriteResult. */
  updateTime?: bigint;
  transformResults: FsValue[];
}

function targetName(write: Write): string {
  switch (write.operation) {
    case "update":
      return write.update.name;
    case "delete":
      return write.delete;
    case "transform":
      return write.transform.document;
    default:
      throw invalidArgument("Write has no operation (update, delete or transform)");
  }
}

function checkPrecondition(write: Write, name: string, current: StoredDoc | undefined): void {
  if (!write.has_current_document) return;
  const pre = write.current_document;
  if (pre.condition_type === "exists") {
    if (pre.exists && !current) throw notFound(`No document to update: ${name}`);
    if (!pre.exists && current) throw alreadyExists(`Document already exists: ${name}`);
  } else if (pre.condition_type === "update_time") {
    const want = timestampToVersion(pre.update_time);
    if (!current || current.updateTime !== want) {
      throw failedPrecondition(
        `The document's update_time does not match the precondition (document ${name} ${
          current ? `was updated at ${current.updateTime}ns` : "does not exist"
        }, precondition ${want}ns)`,
      );
    }
  }
}

function newFields(write: Write, current: StoredDoc | undefined): FieldEditor {
  if (write.operation === "update") {
    const incoming = fromProtoFields(write.update.fields);
    if (!write.has_update_mask) return new FieldEditor(incoming); // set() without merge replaces
    const editor = new FieldEditor(current?.fields ?? new Map());
    for (const fp of write.update_mask.field_paths) {
      const path = parseFieldPath(fp);
      const v = getPath(incoming, path);
      // A masked path absent from the data means "delete this field" (FieldValue.delete()).
      if (v === undefined) editor.delete(path);
      else editor.set(path, v);
    }
    return editor;
  }
  return new FieldEditor(current?.fields ?? new Map()); // standalone transform
}

function buildDoc(
  db: Database,
  path: string,
  segments: string[],
  fields: FieldMap,
  current: StoredDoc | undefined,
  commitTime: bigint,
): StoredDoc {
  // A write that changes nothing keeps the previous update_time (and version).
  if (current && mapsStrictEqual(current.fields, fields)) return current;
  return {
    path,
    segments,
    name: `${db.name}/documents/${path}`,
    fields,
    createTime: current ? current.createTime : commitTime,
    updateTime: commitTime,
  };
}

/**
 * Applies all writes atomically at `commitTime`, or throws the first failure
 * (with no effect on the database).
 */
export function commitWrites(db: Database, writes: readonly Write[], commitTime: bigint): WriteOutcome[] {
  const overlay = new Map<string, StoredDoc | null>();
  const outcomes: WriteOutcome[] = [];
  for (const write of writes) {
    const name = targetName(write);
    const parsed = parseDocumentName(name);
    if (parsed.db !== db.name) {
      throw invalidArgument(`Write to ${name} does not belong to database ${db.name}`);
    }
    const seen = overlay.get(parsed.path);
    const current = seen === null ? undefined : (seen ?? db.get(parsed.path));
    checkPrecondition(write, name, current);
    if (write.operation === "delete") {
      if (write.update_transforms.length > 0) throw invalidArgument("A delete cannot carry field transforms");
      overlay.set(parsed.path, null);
      outcomes.push({ transformResults: [] });
      continue;
    }
    const editor = newFields(write, current);
    const transforms = write.operation === "transform" ? write.transform.field_transforms : write.update_transforms;
    const transformResults = applyTransforms(editor, transforms, commitTime);
    const doc = buildDoc(db, parsed.path, parsed.segments, editor.root, current, commitTime);
    // Size, field-name and nesting limits, checked on the document as it would be stored.
    if (doc !== current) checkDocument(name, parsed.segments, doc.fields);
    overlay.set(parsed.path, doc);
    outcomes.push({ updateTime: doc.updateTime, transformResults });
  }
  const before = db.changeCounter;
  for (const [path, doc] of overlay) {
    if (doc === null) db.remove(path);
    else if (doc !== db.get(path)) db.put(doc);
  }
  if (db.changeCounter !== before) db.lastChangeTime = commitTime;
  return outcomes;
}
