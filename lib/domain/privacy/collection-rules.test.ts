import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COLLECTION_RULES, dataModelCollections } from "./collection-rules";

const dataModel = readFileSync(path.resolve(import.meta.dirname, "../../../docs/data-model.md"), "utf8");

describe("every collection has a privacy rule", () => {
  it("lists every collection of docs/data-model.md in COLLECTION_RULES (a new collection needs its export and erasure rule)", () => {
    const missing = dataModelCollections(dataModel).filter((c) => !(c in COLLECTION_RULES));
    expect(missing, "add these to lib/domain/privacy/collection-rules.ts").toEqual([]);
  });

  it("has no rule for a collection docs/data-model.md does not list (document it there first)", () => {
    const listed = new Set(dataModelCollections(dataModel));
    expect(Object.keys(COLLECTION_RULES).filter((c) => !listed.has(c))).toEqual([]);
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
