/**
 * ESLint rule: a module that starts with "use client" never reaches a server-only module (the
 * database, the session, content loaders), directly or through the plain modules it imports.
 * The direct import is named at its line; for a transitive one the rule names the import that
 * starts the chain and the chain itself, e.g. `./course-list -> @/lib/progress/catalog -> @/lib/db/client`.
 * Next's build fails on such a chain too, but late and with a bundler message that names neither
 * end ("does not support external modules"); this says which import to cut.
 *
 * The walk follows value imports, re-exports and dynamic import() of the project's own files
 * (relative or "@/" paths); type-only imports are erased by the compiler, so it skips them. It stops
 * at packages (matched by name only) and at "use server" modules (a client calls those over the
 * network). Each file's imports are read once per lint run (see ./import-graph.mjs).
 */
import { findServerOnlyChain, matchesAny } from "./import-graph.mjs";

export const clientNoServerOnly = {
  meta: {
    type: "problem",
    docs: { description: "A client component never imports a server-only module, directly or through plain modules." },
    schema: [{ type: "object", properties: { modules: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      serverOnly: '"{{source}}" runs only on the server; a "use client" module cannot import it. Fetch it from an API route or pass it down from a server component.',
      serverOnlyThrough:
        '"{{source}}" reaches the server-only "{{target}}" ({{chain}}); a "use client" module cannot import it. Move what the client needs into a module without server imports, or pass it down from a server component.',
    },
  },
  create(context) {
    const patterns = context.options[0]?.modules ?? [];
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const root = context.cwd;
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (matchesAny(patterns, source)) return context.report({ node, messageId: "serverOnly", data: { source } });
      const chain = findServerOnlyChain(source, context.physicalFilename, root, patterns);
      if (chain) context.report({ node, messageId: "serverOnlyThrough", data: { source, target: chain.at(-1), chain: [source, ...chain].join(" -> ") } });
    };
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        // `import { type A, type B } from "x"` is erased too.
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== "type") check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== "type") check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value);
      },
    };
  },
};
