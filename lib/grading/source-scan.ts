/**
 * Static checks on a learner's TypeScript source, before it runs: which modules it
 * imports, and whether it calls a forbidden tf function (including the chained
 * form `x.softmax()`, which a restricted tf namespace cannot intercept).
 * A small scanner blanks comments and string contents first, so a comment that
 * says "do not use tf.softmax()" is not mistaken for a call.
 */

export interface SourceLocation {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface StringToken {
  /** Index of the opening quote. */
  start: number;
  value: string;
}

interface ScannedSource {
  /** The source with comments and the contents of strings and template text replaced by spaces (newlines kept). */
  code: string;
  /** Every '...' and "..." literal (template literals are not module specifiers). */
  strings: StringToken[];
}

export function scanSource(source: string): ScannedSource {
  const out = source.split("");
  const strings: StringToken[] = [];
  const blank = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (out[j] !== "\n") out[j] = " ";
  };
  /** Brace depths at which an open `${` returns to template text. */
  const templateReturns: number[] = [];
  let depth = 0;
  let i = 0;
  const n = source.length;

  /** Scans template text from i (just after ` or }) to the closing ` or the next ${. */
  const scanTemplateText = () => {
    const start = i;
    while (i < n) {
      const c = source[i];
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "`") {
        blank(start, i);
        i++;
        return;
      }
      if (c === "$" && source[i + 1] === "{") {
        blank(start, i);
        templateReturns.push(depth);
        depth++;
        i += 2;
        return;
      }
      i++;
    }
    blank(start, n);
  };

  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = "";
      while (j < n && source[j] !== c && source[j] !== "\n") {
        if (source[j] === "\\") {
          value += source[j + 1] ?? "";
          j += 2;
        } else {
          value += source[j];
          j++;
        }
      }
      strings.push({ start: i, value });
      blank(i + 1, Math.min(j, n));
      i = j + 1;
    } else if (c === "`") {
      i++;
      scanTemplateText();
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth--;
      i++;
      if (templateReturns.length > 0 && templateReturns[templateReturns.length - 1] === depth) {
        templateReturns.pop();
        scanTemplateText();
      }
    } else {
      i++;
    }
  }
  return { code: out.join(""), strings };
}

export function locate(source: string, index: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < source.length; i++) {
    if (source[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

export interface ImportFound extends SourceLocation {
  specifier: string;
  /** `import * as tf from "..."` gives ["tf"] (empty for other forms). */
  namespaceNames: string[];
  /** `import { softmax, exp as e } from "..."` gives ["softmax", "exp"]. */
  namedImports: string[];
}

/** Every static import / export-from, dynamic import() and require() of a literal module name. */
export function findImports(source: string): ImportFound[] {
  const { code, strings } = scanSource(source);
  const found: ImportFound[] = [];
  for (const token of strings) {
    const before = code.slice(Math.max(0, token.start - 2000), token.start);
    const isStatic = /(?:^|[^\w$.])(?:from|import)\s*$/.test(before);
    const isCall = /(?:^|[^\w$.])(?:import|require)\s*\(\s*$/.test(before);
    if (!isStatic && !isCall) continue;
    // Both patterns are anchored at the string, so they only see this statement.
    const namespace = /import\s*\*\s*as\s+([\w$]+)\s*from\s*$/.exec(before);
    const braces = /import\s*(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*$/.exec(before);
    const namedImports = braces
      ? braces[1]
          .split(",")
          .map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0].trim())
          .filter(Boolean)
      : [];
    found.push({
      specifier: token.value,
      namespaceNames: namespace ? [namespace[1]] : [],
      namedImports,
      ...locate(source, token.start),
    });
  }
  return found;
}

export interface ForbiddenUse extends SourceLocation {
  name: string;
  /** How it was written: "tf.softmax", ".softmax()" (chained on a tensor) or "import { softmax }". */
  form: "namespace" | "chained" | "named-import";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Uses of forbidden tf functions that can be seen in the source. `tfModule` is the
 * specifier whose namespace / named imports count as tf.
 */
export function findForbiddenUses(source: string, names: readonly string[], tfModule = "@tensorflow/tfjs"): ForbiddenUse[] {
  if (names.length === 0) return [];
  const { code } = scanSource(source);
  const imports = findImports(source).filter((entry) => entry.specifier === tfModule);
  const namespaces = new Set(imports.flatMap((entry) => entry.namespaceNames));
  const uses: ForbiddenUse[] = [];
  for (const entry of imports) {
    for (const name of entry.namedImports) {
      if (names.includes(name)) uses.push({ name, form: "named-import", line: entry.line, column: entry.column });
    }
  }
  for (const name of names) {
    // `.name(`, `?.name(`, `.name.call(`, with any spacing; a member access that is called.
    const pattern = new RegExp(`([\\w$]*)\\s*\\??\\.\\s*${escapeRegExp(name)}\\s*(?=\\(|\\.\\s*(?:call|apply|bind)\\b)`, "g");
    for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
      const owner = match[1];
      const form = namespaces.has(owner) ? "namespace" : "chained";
      uses.push({ name, form, ...locate(source, match.index) });
    }
  }
  return uses.sort((a, b) => a.line - b.line || a.column - b.column);
}
