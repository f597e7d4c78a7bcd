// Server-side field transforms: serverTimestamp, increment, maximum, minimum,
// arrayUnion (append_missing_elements) and arrayRemove (remove_all_from_array).
import type { DocumentTransformFieldTransform } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { invalidArgument } from "./errors";
import { type FieldEditor, parseFieldPath } from "./field-path";
import { fromProtoValue, tsValueFromVersion } from "./proto-convert";
import { compareNumbers, type FsValue, isNaNValue, isNumber, NULL, strictEquals } from "./values";

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function toDouble(v: FsValue): number {
  if (v.t === "int") return Number(v.v);
  if (v.t === "double") return v.v;
  throw new Error("not a number");
}

function increment(current: FsValue | undefined, operand: FsValue): FsValue {
  if (!isNumber(operand)) throw invalidArgument("increment() operand must be a number");
  if (!current || !isNumber(current)) return operand;
  if (current.t === "int" && operand.t === "int") {
    // Firestore saturates integer overflow instead of wrapping.
    const sum = current.v + operand.v;
    return { t: "int", v: sum > INT64_MAX ? INT64_MAX : sum < INT64_MIN ? INT64_MIN : sum };
  }
  return { t: "double", v: toDouble(current) + toDouble(operand) };
}

function extremum(current: FsValue | undefined, operand: FsValue, wantMax: boolean): FsValue {
  if (!isNumber(operand)) throw invalidArgument("maximum()/minimum() operand must be a number");
  if (!current || !isNumber(current)) return operand;
  if (isNaNValue(current) || isNaNValue(operand)) return { t: "double", v: NaN };
  const c = compareNumbers(operand, current);
  // Equal values (3 vs 3.0, 0 vs -0) keep what is stored.
  return (wantMax ? c > 0 : c < 0) ? operand : current;
}

function arrayUnion(current: FsValue | undefined, elements: FsValue[]): FsValue {
  const out = current?.t === "array" ? [...current.v] : [];
  for (const e of elements) if (!out.some((x) => strictEquals(x, e))) out.push(e);
  return { t: "array", v: out };
}

function arrayRemove(current: FsValue | undefined, elements: FsValue[]): FsValue {
  const base = current?.t === "array" ? current.v : [];
  return { t: "array", v: base.filter((x) => !elements.some((e) => strictEquals(x, e))) };
}

/**
 * Applies transforms in order to `editor` and returns one transform result per
 * transform. Like production, array transforms report null as their result.
 */
export function applyTransforms(
  editor: FieldEditor,
  transforms: readonly DocumentTransformFieldTransform[],
  commitTime: bigint,
): FsValue[] {
  const results: FsValue[] = [];
  for (const tr of transforms) {
    const path = parseFieldPath(tr.field_path);
    const current = editor.get(path);
    let next: FsValue;
    let result: FsValue;
    switch (tr.transform_type) {
      case "set_to_server_value":
        if (tr.set_to_server_value !== 1) throw invalidArgument(`Unknown server value ${tr.set_to_server_value}`);
        result = next = tsValueFromVersion(commitTime);
        break;
      case "increment":
        result = next = increment(current, fromProtoValue(tr.increment));
        break;
      case "maximum":
        result = next = extremum(current, fromProtoValue(tr.maximum), true);
        break;
      case "minimum":
        result = next = extremum(current, fromProtoValue(tr.minimum), false);
        break;
      case "append_missing_elements":
        next = arrayUnion(current, tr.append_missing_elements.values.map(fromProtoValue));
        result = NULL;
        break;
      case "remove_all_from_array":
        next = arrayRemove(current, tr.remove_all_from_array.values.map(fromProtoValue));
        result = NULL;
        break;
      default:
        throw invalidArgument(`Field transform on "${tr.field_path}" has no known transform type`);
    }
    editor.set(path, next);
    results.push(result);
  }
  return results;
}
