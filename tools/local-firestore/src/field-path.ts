// Field paths ("a.b", "`odd.name`.c") and copy-on-write edits of nested maps.
import { invalidArgument } from "./errors";
import type { FieldMap, FsValue } from "./values";

const cache = new Map<string, string[]>();

/** Splits a field path into segments, honouring backtick quoting and \ escapes. */
export function parseFieldPath(path: string): string[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const segments: string[] = [];
  let cur = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (quoted) {
      if (c === "\\") {
        i++;
        if (i >= path.length) throw invalidArgument(`Invalid field path (trailing escape): ${path}`);
        cur += path[i];
      } else if (c === "`") quoted = false;
      else cur += c;
    } else if (c === "`") {
      quoted = true;
      wasQuoted = true;
    } else if (c === ".") {
      if (cur === "" && !wasQuoted) throw invalidArgument(`Invalid field path (empty segment): ${path}`);
      segments.push(cur);
      cur = "";
      wasQuoted = false;
    } else cur += c;
  }
  if (quoted) throw invalidArgument(`Invalid field path (unclosed backtick): ${path}`);
  if (cur === "" && !wasQuoted) throw invalidArgument(`Invalid field path (empty segment): ${path}`);
  segments.push(cur);
  if (cache.size > 10_000) cache.clear();
  cache.set(path, segments);
  return segments;
}

export function getPath(fields: FieldMap, path: readonly string[]): FsValue | undefined {
  let cur: FieldMap = fields;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur.get(path[i] as string);
    if (!next || next.t !== "map") return undefined;
    cur = next.v;
  }
  return cur.get(path[path.length - 1] as string);
}

/**
 * Mutable editing session over an immutable FieldMap: maps along edited paths
 * are copied once, everything else stays shared with the stored document.
 */
export class FieldEditor {
  readonly root: FieldMap;
  private readonly owned = new Set<FieldMap>();

  constructor(base: FieldMap) {
    this.root = new Map(base);
    this.owned.add(this.root);
  }

  private ownedChild(parent: FieldMap, key: string, create: boolean): FieldMap | undefined {
    const v = parent.get(key);
    if (v && v.t === "map") {
      if (this.owned.has(v.v)) return v.v;
      const copy = new Map(v.v);
      this.owned.add(copy);
      parent.set(key, { t: "map", v: copy });
      return copy;
    }
    if (!create) return undefined;
    const fresh: FieldMap = new Map();
    this.owned.add(fresh);
    parent.set(key, { t: "map", v: fresh });
    return fresh;
  }

  set(path: readonly string[], value: FsValue): void {
    let cur = this.root;
    for (let i = 0; i < path.length - 1; i++) cur = this.ownedChild(cur, path[i] as string, true) as FieldMap;
    cur.set(path[path.length - 1] as string, value);
  }

  delete(path: readonly string[]): void {
    let cur: FieldMap | undefined = this.root;
    for (let i = 0; i < path.length - 1 && cur; i++) cur = this.ownedChild(cur, path[i] as string, false);
    cur?.delete(path[path.length - 1] as string);
  }

  get(path: readonly string[]): FsValue | undefined {
    return getPath(this.root, path);
  }
}

/** Keeps only the given paths (a projection / read mask). */
export function projectFields(fields: FieldMap, paths: readonly (readonly string[])[]): FieldMap {
  const editor = new FieldEditor(new Map());
  for (const p of paths) {
    const v = getPath(fields, p);
    if (v !== undefined) editor.set(p, v);
  }
  return editor.root;
}
