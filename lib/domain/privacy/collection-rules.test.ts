import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COLLECTION_RULES, dataModelCollections } from "./collection-rules";

const root = path.resolve(import.meta.dirname, "../../..");
const dataModel = readFileSync(path.join(root, "docs/data-model.md"), "utf8");

/** The collection ids the server's code names (`.collection("x")`), tests and the lifecycle model left out. */
function collectionsInSource(): Set<string> {
  const ids = new Set<string>();
  for (const dir of ["lib/server", "functions/src"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.(test|integration-test)\.tsx?$/.test(entry.name) || /-model$/.test(entry.parentPath)) continue;
      const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
      for (const m of text.matchAll(/\.collection\(\s*"([A-Za-z][\w-]*)"\s*\)/g)) ids.add(m[1]!);
    }
  }
  return ids;
}

describe("every collection has a privacy rule", () => {
  it("lists every collection of docs/data-model.md in COLLECTION_RULES (a new collection needs its export and erasure rule)", () => {
    const missing = dataModelCollections(dataModel).filter((c) => !(c in COLLECTION_RULES));
    expect(missing, "add these to lib/domain/privacy/collection-rules.ts").toEqual([]);
  });

  it("has a rule for every collection the server's code writes or reads, documented or not", () => {
    const ruled = new Set(Object.keys(COLLECTION_RULES).map((c) => c.split("/").at(-1)!));
    expect([...collectionsInSource()].filter((id) => !ruled.has(id)), "add these to lib/domain/privacy/collection-rules.ts (and docs/data-model.md)").toEqual([]);
  });

  it("has no rule for a collection that is neither in docs/data-model.md nor in the code", () => {
    const known = new Set([...dataModelCollections(dataModel).map((c) => c.split("/").at(-1)!), ...collectionsInSource()]);
    expect(Object.keys(COLLECTION_RULES).filter((c) => !known.has(c.split("/").at(-1)!))).toEqual([]);
  });

  it("reads collection paths from the tables, without document ids", () => {
    const sample = [
      "| path | what | written by |",
      "| --- | --- | --- |",
      "| `clinics/{clinicId}/doctors/{doctorId}` | x | y |",
      "| `signInFailures/{email-…\\|ip-…}` | x | y |",
      "| `waitlist/{id}` | x | y |",
      "| not code | x | y |",
    ].join("\n");
    expect(dataModelCollections(sample).sort()).toEqual(["clinics/doctors", "signInFailures", "waitlist"]);
  });

  it("gives every collection holding patient data an export key or a reason it has none", () => {
    for (const [name, rule] of Object.entries(COLLECTION_RULES)) {
      if (rule.holds === "patient") expect(rule.why.length, name).toBeGreaterThan(10);
    }
  });
});
