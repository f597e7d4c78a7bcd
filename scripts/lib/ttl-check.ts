// The TTL policies docs/deploy.md tells an operator to enable, checked against
// firestore.indexes.json (which deploys them) and the code that writes the
// documents: a policy on a field nobody writes deletes nothing, silently.
// Used by scripts/deploy-check.ts; pure functions over file texts, so the unit
// test can feed them mutants.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TtlPolicy {
  collection: string;
  field: string;
}

/** The `gcloud firestore fields ttls update <field> --collection-group=<collection>` lines of docs/deploy.md. */
export function ttlPoliciesInDoc(markdown: string): TtlPolicy[] {
  return [...markdown.matchAll(/gcloud firestore fields ttls update (\w+) --collection-group=(\w+)/g)].map((m) => ({ field: m[1]!, collection: m[2]! }));
}

/** firestore.indexes.json's TTL field overrides. */
export function ttlPoliciesInIndexes(indexes: { fieldOverrides?: { collectionGroup: string; fieldPath: string; ttl?: boolean }[] }): TtlPolicy[] {
  return (indexes.fieldOverrides ?? []).filter((o) => o.ttl).map((o) => ({ collection: o.collectionGroup, field: o.fieldPath }));
}

const key = (p: TtlPolicy) => `${p.collection}.${p.field}`;

/**
 * Problems with the TTL policies: the doc and the indexes file must name the
 * same ones, and each field must be written: by a source file that names the
 * collection and writes the field as an object key (`ttlAt:`), or, for the
 * mail collection's `expireAt`, by the Trigger Email extension, which does so
 * only when its TTL_EXPIRE_TYPE is set and not "never".
 */
export function ttlProblems(input: {
  doc: TtlPolicy[];
  indexes: TtlPolicy[];
  sources: { file: string; text: string }[];
  extensionEnv: Map<string, string>;
}): string[] {
  const problems: string[] = [];
  const inDoc = new Set(input.doc.map(key));
  const inIndexes = new Set(input.indexes.map(key));
  for (const k of inDoc) if (!inIndexes.has(k)) problems.push(`docs/deploy.md lists the TTL policy ${k}, firestore.indexes.json has no ttl fieldOverride for it`);
  for (const k of inIndexes) if (!inDoc.has(k)) problems.push(`firestore.indexes.json has the TTL policy ${k}, docs/deploy.md does not list it (add its gcloud line and why)`);
  if (input.doc.length === 0) problems.push("docs/deploy.md lists no TTL policy (gcloud firestore fields ttls update …)");
  const mailCollection = input.extensionEnv.get("MAIL_COLLECTION") ?? "mail";
  for (const policy of input.doc) {
    if (policy.collection === mailCollection && policy.field === "expireAt") {
      const type = input.extensionEnv.get("TTL_EXPIRE_TYPE");
      if (!type || type === "never") problems.push(`${key(policy)} is written by the Trigger Email extension only with TTL_EXPIRE_TYPE set (extensions/firestore-send-email.env has ${type ?? "none"})`);
      continue;
    }
    const writers = writersOf(policy.collection, input.sources);
    const writes = new RegExp(`\\b${policy.field}\\s*:`);
    if (!writers.some((s) => writes.test(withoutTypeDeclarations(s.text)))) {
      problems.push(
        `${key(policy)}: no source that names "${policy.collection}" (or imports one that does) writes ${policy.field} (${writers.map((s) => s.file).join(", ") || "no source names the collection"})`,
      );
    }
  }
  return problems;
}

/**
 * The sources that may write a collection: those naming it, and those that
 * import one of them (a module exporting `markerRef = () => db().collection("x")…`
 * is usually not where the document is built).
 */
function writersOf(collection: string, sources: { file: string; text: string }[]) {
  const naming = sources.filter((s) => s.text.includes(`"${collection}"`));
  const specifiers = naming.flatMap((s) => {
    const noExt = s.file.replace(/\.tsx?$/, "");
    return [`"@/${noExt}"`, `"./${path.basename(noExt)}"`];
  });
  const importing = sources.filter((s) => !naming.includes(s) && specifiers.some((spec) => s.text.includes(`from ${spec}`)));
  return [...naming, ...importing];
}

/** A property's type (`expireAt: Timestamp;` in an interface) is not a write. */
const withoutTypeDeclarations = (text: string) => text.replace(/^\s*(readonly\s+)?\w+\??\s*:\s*[A-Za-z_][\w.<>[\]| ]*;\s*$/gm, "");

/** lib/server and functions/src sources, tests left out. */
export function serverSources(root: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const dir of ["lib/server", "functions/src"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.(test|integration-test)\.tsx?$/.test(entry.name)) continue;
      if (/-model$/.test(path.basename(entry.parentPath))) continue;
      const file = path.join(entry.parentPath, entry.name);
      out.push({ file: path.relative(root, file), text: readFileSync(file, "utf8") });
    }
  }
  return out;
}
