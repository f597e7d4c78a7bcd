// Resource names: projects/{p}/databases/{d}/documents/{collection}/{doc}/...
import { invalidArgument } from "./errors";
import { checkResourceId } from "./limits";

const DB_RE = /^projects\/([^/]+)\/databases\/([^/]+)$/;

export interface ParsedName {
  /** "projects/p/databases/d" */
  db: string;
  /** Path relative to .../documents, "" for the root. */
  path: string;
  segments: string[];
}

export function parseDatabaseName(name: string): string {
  if (!DB_RE.test(name)) throw invalidArgument(`Invalid database name: "${name}"`);
  return name;
}

function parseUnderDocuments(name: string): ParsedName {
  const marker = "/documents";
  const idx = name.indexOf(marker);
  if (idx < 0) throw invalidArgument(`Invalid resource name (no /documents): "${name}"`);
  const db = parseDatabaseName(name.slice(0, idx));
  const rest = name.slice(idx + marker.length);
  if (rest === "") return { db, path: "", segments: [] };
  if (!rest.startsWith("/")) throw invalidArgument(`Invalid resource name: "${name}"`);
  const path = rest.slice(1);
  const segments = path.split("/");
  if (segments.some((s) => s === "")) throw invalidArgument(`Invalid resource name (empty segment): "${name}"`);
  // Reserved (__x__), "." and over-long ids are refused for reads and writes
  // alike, as production does.
  for (const segment of segments) checkResourceId(segment);
  return { db, path, segments };
}

export function parseDocumentName(name: string): ParsedName {
  const parsed = parseUnderDocuments(name);
  if (parsed.segments.length === 0 || parsed.segments.length % 2 !== 0) {
    throw invalidArgument(`Not a document name (odd number of path segments): "${name}"`);
  }
  return parsed;
}

/** A query/list parent: the database root or a document. */
export function parseParentName(name: string): ParsedName {
  const parsed = parseUnderDocuments(name);
  if (parsed.segments.length % 2 !== 0) {
    throw invalidArgument(`Parent must be the documents root or a document: "${name}"`);
  }
  return parsed;
}

export const joinPath = (parent: string, child: string) => (parent === "" ? child : `${parent}/${child}`);

export function parentCollectionPath(docPath: string): string {
  return docPath.slice(0, docPath.lastIndexOf("/"));
}

export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
