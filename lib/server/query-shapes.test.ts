import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, checkSource, formatProblem } from "@/tests/helpers/query-sites";
import { indexKey, QUERY_SHAPES, requiredIndex, requiredIndexes, shapeFields, type CompositeIndex, type QueryShape } from "./query-shapes";

const root = path.resolve(import.meta.dirname, "../..");
const indexFile = JSON.parse(readFileSync(path.join(root, "firestore.indexes.json"), "utf8")) as {
  indexes: CompositeIndex[];
  fieldOverrides: { collectionGroup: string; fieldPath: string; ttl?: boolean; indexes: { order?: string; queryScope?: string }[] }[];
};

describe("firestore.indexes.json matches the query-shape registry", () => {
  it("has exactly the composite indexes the registered queries need", () => {
    const needed = requiredIndexes().map(indexKey);
    const deployed = indexFile.indexes.map((i) => indexKey({ collectionGroup: i.collectionGroup, queryScope: i.queryScope, fields: i.fields.map(({ fieldPath, order }) => ({ fieldPath, order })) }));
    const missing = requiredIndexes().filter((i) => !deployed.includes(indexKey(i)));
    const unused = deployed.filter((key) => !needed.includes(key));
    expect(missing, `Add to firestore.indexes.json "indexes":\n${JSON.stringify(missing, null, 2)}`).toEqual([]);
    expect(unused, "Indexes no registered query needs (remove them, or register the query in lib/server/query-shapes.ts)").toEqual([]);
  });

  it("exempts from indexing no field a registered query filters or orders on", () => {
    const exempt = indexFile.fieldOverrides.filter((f) => f.indexes.length === 0).map((f) => `${f.collectionGroup}.${f.fieldPath}`);
    const queried = Object.values(QUERY_SHAPES as Record<string, QueryShape>).flatMap((s) => shapeFields(s).map((field) => `${s.collection}.${field}`));
    expect(queried.filter((f) => exempt.includes(f))).toEqual([]);
  });

  it("gives collection-group queries served by single-field indexes their collection-group field overrides", () => {
    // Firestore maintains single-field indexes automatically for collection scope only.
    const missing = Object.values(QUERY_SHAPES as Record<string, QueryShape>)
      .filter((s) => s.scope === "COLLECTION_GROUP" && !requiredIndex(s))
      .flatMap((s) => shapeFields(s).map((field) => ({ collection: s.collection, field })))
      .filter(({ collection, field }) => !indexFile.fieldOverrides.some((o) => o.collectionGroup === collection && o.fieldPath === field && o.indexes.some((i) => i.queryScope === "COLLECTION_GROUP")));
    expect(missing).toEqual([]);
  });
});

describe("every query in lib/server and functions/src is registered", () => {
  const { problems, used, files } = checkFiles(root, ["lib/server", "functions/src"], QUERY_SHAPES);

  it("scans the server code", () => {
    expect(files).toContain("lib/server/booking/busy-time.ts");
    expect(files).toContain("functions/src/index.ts");
    expect(files.some((f) => f.endsWith(".test.ts"))).toBe(false);
    expect(files.some((f) => f.includes("/lifecycle-model/"))).toBe(false);
  });

  it("finds a registered shape above every .where/.orderBy/.collectionGroup, with the same fields", () => {
    expect(problems.map(formatProblem).join("\n")).toBe("");
  });

  it("uses every registry entry somewhere (a stale entry would keep a stale index)", () => {
    expect(Object.keys(QUERY_SHAPES).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("requiredIndex", () => {
  it("needs nothing for one field or for equality filters alone", () => {
    expect(requiredIndex({ collection: "c", equality: ["a"] })).toBeNull();
    expect(requiredIndex({ collection: "c", equality: ["a", "b"] })).toBeNull();
    expect(requiredIndex({ collection: "c", range: "a", orderBy: [{ field: "a", direction: "desc" }] })).toBeNull();
  });

  it("puts equality fields (sorted) before the range field, then the order", () => {
    expect(requiredIndex({ collection: "c", equality: ["z", "a"], range: "t", orderBy: [{ field: "t", direction: "desc" }, { field: "n", direction: "asc" }] })).toEqual({
      collectionGroup: "c",
      queryScope: "COLLECTION",
      fields: [
        { fieldPath: "a", order: "ASCENDING" },
        { fieldPath: "z", order: "ASCENDING" },
        { fieldPath: "t", order: "DESCENDING" },
        { fieldPath: "n", order: "ASCENDING" },
      ],
    });
  });
});

describe("checkSource (the scanner itself)", () => {
  const shapes: Record<string, QueryShape> = {
    "x.byA": { collection: "x", equality: ["a"], range: "t" },
    "x.newest": { collection: "x", orderBy: [{ field: "t", direction: "desc" }] },
    "g.all": { collection: "g", scope: "COLLECTION_GROUP", equality: ["a"] },
  };

  it("accepts a marked chain over several lines", () => {
    const text = [
      "// query-shape: x.byA",
      "const s = await db().collection(\"x\")",
      "  .where(\"a\", \"==\", 1)",
      "  .where(\"t\", \">=\", 2)",
      "  .get();",
    ].join("\n");
    expect(checkSource("f.ts", text, shapes)).toEqual([]);
  });

  it("names the file and line of an unmarked query", () => {
    const text = ["const a = 1;", "", "const s = await db().collection(\"x\").orderBy(\"t\", \"desc\").get();"].join("\n");
    const problems = checkSource("lib/server/new.ts", text, shapes);
    expect(problems.map((p) => [p.file, p.line])).toEqual([["lib/server/new.ts", 3]]);
    expect(formatProblem(problems[0]!)).toMatch(/^lib\/server\/new\.ts:3: a Firestore query without/);
  });

  it("does not let one marker cover the next statement's query", () => {
    const text = [
      "// query-shape: x.newest",
      "const a = await db().collection(\"x\").orderBy(\"t\", \"desc\").get();",
      "const b = await db().collection(\"x\").where(\"a\", \"==\", 1).get();",
    ].join("\n");
    expect(checkSource("f.ts", text, shapes).map((p) => p.line)).toEqual([3]);
  });

  it("refuses a marker whose shape has other fields, operators, scope or collection", () => {
    const wrong = (code: string) => checkSource("f.ts", `// query-shape: x.byA\n${code}`, shapes).map((p) => p.message);
    expect(wrong(`db().collection("x").where("a", "==", 1).where("u", ">", 2).get();`).join()).toMatch(/range field \[u\]/);
    expect(wrong(`db().collection("x").where("a", ">", 1).get();`).join()).toMatch(/equality fields \[\]/);
    expect(wrong(`db().collection("y").where("a", "==", 1).where("t", ">", 2).get();`).join()).toMatch(/runs on "y"/);
    expect(wrong(`db().collectionGroup("x").where("a", "==", 1).where("t", ">", 2).get();`).join()).toMatch(/scope COLLECTION_GROUP/);
    expect(wrong(`db().collection("x").where(field, "==", 1).where("t", ">", 2).get();`).join()).toMatch(/literal field/);
    expect(checkSource("f.ts", `// query-shape: nope\ndb().collection("x").where("a", "==", 1).get();`, shapes).map((p) => p.message).join()).toMatch(/names no entry/);
  });

  it("accepts a collection-group query marked as one", () => {
    expect(checkSource("f.ts", `// query-shape: g.all\nawait db().collectionGroup("g").where("a", "==", 1).get();`, shapes)).toEqual([]);
  });
});
