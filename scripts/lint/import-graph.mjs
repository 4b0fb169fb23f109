/**
 * The project's import graph as the client-no-server-only rule needs it: which of our own files
 * a module imports at run time, and whether one of them leads to a server-only module.
 * Files are parsed with the TypeScript compiler (already a dependency), once per content: the
 * parse cache is keyed by path and modification time, so an editor's long-lived ESLint sees edits.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const CANDIDATES = ["", ".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

/** "@/lib/db/*" matches "@/lib/db/client"; a pattern without "*" matches itself only. */
const toRegExp = (pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
export const matchesAny = (patterns, source) => patterns.some((p) => toRegExp(p).test(source));

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // missing, or a path through a file ("meta.json/index.ts")
  }
}

/** The file a relative or "@/" specifier names, or null for a package (or a file that is not code). */
export function resolveLocal(specifier, fromFile, root) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const suffix of CANDIDATES) {
    const file = base + suffix;
    if (CODE.test(file) && isFile(file)) return file;
  }
  return null;
}

/** How the project's own imports name a file: "@/lib/db/client" for <root>/lib/db/client.ts. */
export const aliasOf = (file, root) => `@/${path.relative(root, file).split(path.sep).join("/").replace(CODE, "").replace(/\/index$/, "")}`;

const parsed = new Map();

/** A file's run-time import specifiers (type-only ones left out) and whether it is "use server". */
export function readModule(file) {
  const mtime = fs.statSync(file).mtimeMs;
  const cached = parsed.get(file);
  if (cached && cached.mtime === mtime) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const useServer = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
  const imports = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes = clause && (clause.isTypeOnly || (!clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) imports.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const entry = { mtime, imports, useServer };
  parsed.set(file, entry);
  return entry;
}

/**
 * The chain from the module `specifier` (imported by `fromFile`) to a server-only module, as the
 * names of the files on the way and the server-only module last; null when there is none.
 * Depth-first, each file once per call (the graph has cycles).
 */
export function findServerOnlyChain(specifier, fromFile, root, patterns) {
  const start = resolveLocal(specifier, fromFile, root);
  if (!start) return null;
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return null;
    seen.add(file);
    const { imports, useServer } = readModule(file);
    if (useServer) return null;
    for (const next of imports) {
      const target = resolveLocal(next, file, root);
      const name = target ? aliasOf(target, root) : next;
      if (matchesAny(patterns, next) || matchesAny(patterns, name)) return [name];
      if (!target) continue;
      const rest = walk(target);
      if (rest) return [name, ...rest];
    }
    return null;
  };
  // The direct import matched by its alias (a relative import of a listed module) counts too.
  if (matchesAny(patterns, aliasOf(start, root))) return [aliasOf(start, root)];
  return walk(start);
}
