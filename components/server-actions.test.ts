import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action answers its form or button with the one ActionResult
// (lib/domain/action-result.ts): a failure is never a thrown error, a
// redirect with the reason in the URL, or a shape of the action's own. This
// reads every "use server" file and checks each exported action's declared
// return type. Success may still redirect (a plain form post follows it).

const root = fileURLToPath(new URL("..", import.meta.url));

/** Actions that only ever redirect, each with the reason in its own doc comment. */
const REDIRECT_ONLY: Record<string, string[]> = {
  "components/dashboard/actions.ts": ["signOutAction"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const useServerFiles = ["app", "components", "lib"]
  .flatMap(sourceFiles)
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(join(root, file), "utf8")));

interface Action {
  name: string;
  returnType: string | null;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The exported functions of a file with their declared return types, local type aliases expanded once. */
function exportedActions(code: string): Action[] {
  const source = ts.createSourceFile("actions.ts", code, ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, string>();
  const actions: Action[] = [];
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type.getText(source));
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      actions.push({ name: statement.name.text, returnType: statement.type?.getText(source) ?? null });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : null;
        actions.push({ name: declaration.name.getText(source), returnType: fn?.type?.getText(source) ?? null });
      }
    }
  }
  const expand = (type: string) => type.replace(/^Promise<\s*(\w+)\s*>$/, (whole, name: string) => (aliases.has(name) ? `Promise<${aliases.get(name)}>` : whole));
  return actions.map((action) => ({ ...action, returnType: action.returnType && expand(action.returnType) }));
}

const answersWithActionResult = (returnType: string | null) => returnType !== null && /^Promise<\s*ActionResult\b[\s\S]*>$/.test(returnType);

describe("every server action answers with the one ActionResult", () => {
  it("finds the app's \"use server\" files", () => {
    expect(useServerFiles.length).toBeGreaterThan(10);
    expect(useServerFiles).toContain("components/auth/signup-actions.ts");
  });

  it.each(useServerFiles)("%s", (file) => {
    const actions = exportedActions(readFileSync(join(root, file), "utf8"));
    const allowed = REDIRECT_ONLY[file] ?? [];
    const wrong = actions
      .filter((action) => (allowed.includes(action.name) ? action.returnType !== "Promise<never>" : !answersWithActionResult(action.returnType)))
      .map((action) => `${action.name}: ${action.returnType ?? "(no declared return type)"}`);
    expect(wrong).toEqual([]);
  });
});

describe("the scan itself", () => {
  it("reads declared return types, through a local alias", () => {
    const code = [
      '"use server";',
      "export type Answer = ActionResult<{ id: string }>;",
      "export async function good(): Promise<Answer> { return null!; }",
      "export async function plain(): Promise<void> {}",
      "export async function own(): Promise<{ available: boolean }> { return null!; }",
      "export const untyped = async () => null;",
    ].join("\n");
    const verdicts = exportedActions(code).map((action) => [action.name, answersWithActionResult(action.returnType)]);
    expect(verdicts).toEqual([
      ["good", true],
      ["plain", false],
      ["own", false],
      ["untyped", false],
    ]);
  });
});
