import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import ts from "typescript";

/**
 * What a page's browser bundle can contain, read from the sources: starting
 * at a page's files, every module a "use client" module imports (and what
 * those import, and so on) is shipped to the browser. Type-only imports are
 * erased, and a "use server" module reached from the browser is only a
 * reference to the server, so neither is followed. Packages are not entered:
 * they are reported by name.
 *
 * Tree-shaking is not assumed: a module with top-level code (a zod schema
 * built at load) keeps its imports in the bundle even when only a constant
 * of it is used.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  baseUrl: root,
  paths: { "@/*": ["./*"] },
};

/**
 * One module the browser loads: a repo file, or a package by name. `via` is
 * the chain of repo files from a page's file to the one that imports it (the
 * first chain found; a package is listed once per repo file importing it).
 */
export type ClientModule = { module: string; via: readonly string[] };

type Parsed = { directive: "use client" | "use server" | null; imports: string[] };

const parsedFiles = new Map<string, Parsed>();

function parse(file: string): Parsed {
  const cached = parsedFiles.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  let directive: Parsed["directive"] = null;
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    const text = statement.expression.text;
    if (text === "use client" || text === "use server") directive = text;
  }
  const imports: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node.importClause)) imports.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly && !allTypeOnly(node.exportClause)) imports.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      imports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const parsed = { directive, imports };
  parsedFiles.set(file, parsed);
  return parsed;
}

// `import type { A }` and `import { type A, type B }` are erased; `import "x"` and `import {}` are not.
function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function allTypeOnly(clause: ts.NamedExportBindings | undefined): boolean {
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function resolve(specifier: string, fromFile: string): { file: string } | { package: string } | null {
  const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, compilerOptions, ts.sys);
  if (resolvedModule && !resolvedModule.isExternalLibraryImport && !resolvedModule.resolvedFileName.includes("node_modules")) {
    return { file: path.resolve(resolvedModule.resolvedFileName) };
  }
  if (specifier.startsWith(".") || specifier.startsWith("@/")) {
    // A stylesheet or an asset: not JavaScript the check is about.
    return null;
  }
  return { package: packageName(specifier) };
}

const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");

/**
 * Every repo file and package the browser loads for pages made of `entries`
 * (paths from the repo root: the page, its layouts, loading and not-found files).
 */
export function clientModules(entries: readonly string[]): ClientModule[] {
  const found = new Map<string, ClientModule>();
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean, via: readonly string[]) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { directive, imports } = parse(file);
    if (inClient && directive === "use server") return;
    const client = inClient || directive === "use client";
    const chain = [...via, relative(file)];
    if (client && !found.has(relative(file))) found.set(relative(file), { module: relative(file), via: chain });
    for (const specifier of imports) {
      const target = resolve(specifier, file);
      if (!target) continue;
      if ("package" in target) {
        const key = `${target.package} from ${relative(file)}`;
        if (client && !found.has(key)) found.set(key, { module: target.package, via: chain });
        continue;
      }
      walk(target.file, client, chain);
    }
  };
  for (const entry of entries) walk(path.resolve(root, entry), false, []);
  return [...found.values()];
}
