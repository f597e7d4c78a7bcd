// Finds the Firestore query sites in source text and checks each one against
// the query-shape registry (lib/server/query-shapes.ts). Line-based on purpose:
// simple enough to trust, strict enough that an unmarked query fails with its
// file and line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { shapeFields, type QueryShape } from "@/lib/server/query-shapes";

const SITE = /\.(where|orderBy|collectionGroup)\(/;
const MARKER = /\/\/\s*query-shape:\s*([\w.-]+)/;
// Where a query statement ends: it runs, or the statement closes.
const END = /\.(get|count|stream|onSnapshot)\(|;\s*$/;
const MAX_SPAN = 12;
const EQUALITY_OPS = new Set(["==", "in"]);
const RANGE_OPS = new Set(["<", "<=", ">", ">=", "!=", "not-in"]);

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/**
 * Source files under `dirs` (relative to `root`), skipping tests and a
 * model-based test's model (a `*-model/` folder beside its test): its queries
 * read the whole state to check invariants, and never run in the app.
 */
export function sourceFiles(root: string, dirs: string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.(test|integration-test)\.tsx?$/.test(entry.name)) continue;
      if (/-model$/.test(path.basename(entry.parentPath))) continue;
      files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

/**
 * Checks one file's query sites. A marker `// query-shape: <id>` covers the
 * lines from itself to the end of the query statement that follows (the first
 * `.get(`/`.count(`/`;` at or after its first query site). Every `.where(`,
 * `.orderBy(` and `.collectionGroup(` must be covered, and the fields it names
 * must be exactly the shape's, with matching operators.
 */
export function checkSource(file: string, text: string, shapes: Record<string, QueryShape>, used = new Set<string>()): Problem[] {
  const lines = text.split("\n");
  const covered = new Set<number>();
  const problems: Problem[] = [];
  const at = (i: number, message: string) => problems.push({ file, line: i + 1, message });

  lines.forEach((line, m) => {
    const marker = MARKER.exec(line);
    if (!marker) return;
    const id = marker[1] ?? "";
    const shape = shapes[id];
    if (!shape) return void at(m, `"query-shape: ${id}" names no entry in lib/server/query-shapes.ts`);
    used.add(id);
    const code = (i: number) => (lines[i] ?? "").replace(/\/\/.*$/, "");
    let end = -1;
    let sawSite = false;
    for (let i = m; i < Math.min(lines.length, m + MAX_SPAN); i++) {
      if (SITE.test(code(i))) sawSite = true;
      if (sawSite && END.test(code(i))) {
        end = i;
        break;
      }
    }
    if (!sawSite || end < 0) return void at(m, `"query-shape: ${id}" is not followed by a query (.where/.orderBy/.collectionGroup ending in .get()) within ${MAX_SPAN} lines`);
    const span = Array.from({ length: end - m + 1 }, (_, k) => code(m + k)).join("\n");
    for (let i = m; i <= end; i++) covered.add(i);
    for (const message of compare(id, shape, span)) at(m, message);
  });

  lines.forEach((line, i) => {
    if (SITE.test(line.replace(/\/\/.*$/, "")) && !covered.has(i)) {
      at(i, `a Firestore query without a "// query-shape: <id>" comment above it: add its shape to lib/server/query-shapes.ts (and its index to firestore.indexes.json if the test asks)`);
    }
  });
  return problems;
}

function compare(id: string, shape: QueryShape, span: string): string[] {
  const problems: string[] = [];
  const equality = new Set<string>();
  const range = new Set<string>();
  const orderBy: string[] = [];
  for (const call of span.matchAll(/\.where\(([^)]*)/g)) {
    const literal = /^\s*"([^"]+)"\s*,\s*"([^"]+)"/.exec(call[1] ?? "");
    if (!literal) {
      problems.push(`query "${id}": write .where("field", "op", value) with literal field and operator so the test can read it`);
      continue;
    }
    const field = literal[1] ?? "";
    const op = literal[2] ?? "";
    if (EQUALITY_OPS.has(op)) equality.add(field);
    else if (RANGE_OPS.has(op)) range.add(field);
    else problems.push(`query "${id}": operator "${op}" on "${field}" is not modelled by the registry (add support in tests/helpers/query-sites.ts)`);
  }
  for (const call of span.matchAll(/\.orderBy\(([^)]*)/g)) {
    const literal = /^\s*"([^"]+)"\s*(?:,\s*"(asc|desc)")?\s*$/.exec(call[1] ?? "");
    if (!literal) problems.push(`query "${id}": write .orderBy("field", "asc"|"desc") with literals`);
    else orderBy.push(`${literal[1]} ${literal[2] ?? "asc"}`);
  }
  const same = (a: Iterable<string>, b: Iterable<string>) => [...a].sort().join(",") === [...b].sort().join(",");
  if (!same(equality, shape.equality ?? [])) problems.push(`query "${id}": equality fields [${[...equality].join(", ")}] but the registry says [${(shape.equality ?? []).join(", ")}]`);
  if (!same(range, shape.range ? [shape.range] : [])) problems.push(`query "${id}": range field [${[...range].join(", ")}] but the registry says [${shape.range ?? ""}]`);
  const wantOrder = (shape.orderBy ?? []).map((o) => `${o.field} ${o.direction}`);
  if (orderBy.join(",") !== wantOrder.join(",")) problems.push(`query "${id}": orderBy [${orderBy.join(", ")}] but the registry says [${wantOrder.join(", ")}]`);

  const group = /\.collectionGroup\(\s*"([^"]+)"/.exec(span);
  const named = [...span.matchAll(/\.collection\(\s*"([^"]+)"/g)].at(-1);
  if ((shape.scope === "COLLECTION_GROUP") !== Boolean(group)) problems.push(`query "${id}": scope ${group ? "COLLECTION_GROUP" : "COLLECTION"} but the registry says ${shape.scope ?? "COLLECTION"}`);
  const collection = group?.[1] ?? named?.[1];
  if (collection && collection !== shape.collection) problems.push(`query "${id}": runs on "${collection}" but the registry says "${shape.collection}"`);
  if (shapeFields(shape).length === 0) problems.push(`query "${id}": the registry entry names no field`);
  return problems;
}

export function checkFiles(root: string, dirs: string[], shapes: Record<string, QueryShape>): { problems: Problem[]; used: Set<string>; files: string[] } {
  const used = new Set<string>();
  const files = sourceFiles(root, dirs);
  const problems = files.flatMap((file) => checkSource(file, readFileSync(path.join(root, file), "utf8"), shapes, used));
  return { problems, used, files };
}

export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;
