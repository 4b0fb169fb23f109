/**
 * ESLint rule: a module that starts with "use client" never imports a server-only module
 * (the database, the session, content loaders). Next's build catches the transitive case
 * through the `server-only` package; this names the direct import at the line that makes it.
 */
/** "@/lib/db/*" matches "@/lib/db/client"; a pattern without "*" matches itself only. */
const matches = (pattern, source) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(source);

export const clientNoServerOnly = {
  meta: {
    type: "problem",
    docs: { description: "A client component never imports a server-only module." },
    schema: [{ type: "object", properties: { modules: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: { serverOnly: '"{{source}}" runs only on the server; a "use client" module cannot import it. Fetch it from an API route or pass it down from a server component.' },
  },
  create(context) {
    const patterns = context.options[0]?.modules ?? [];
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (patterns.some((p) => matches(p, source))) context.report({ node, messageId: "serverOnly", data: { source } });
    };
    return {
      ImportDeclaration(node) {
        if (node.importKind !== "type") check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value);
      },
    };
  },
};
