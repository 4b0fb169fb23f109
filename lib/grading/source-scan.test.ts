import { describe, expect, it } from "@jest/globals";
import { findForbiddenUses, findImports, locate, scanSource } from "./source-scan";

describe("scanSource", () => {
  it("blanks comments and string contents but keeps every position and newline", () => {
    const source = 'const a = "tf.softmax(x)"; // tf.softmax(y)\n/* x.softmax() */ const b = `t ${c.softmax(d)} u`;';
    const { code } = scanSource(source);
    expect(code).toHaveLength(source.length);
    expect(code.split("\n")).toHaveLength(2);
    expect(code).not.toMatch(/"tf\.softmax/);
    expect(code).not.toMatch(/\/\//);
    // Code inside a template expression is still code.
    expect(code).toMatch(/c\.softmax\(d\)/);
  });
});

describe("locate", () => {
  it("gives 1-based line and column", () => {
    expect(locate("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(locate("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

describe("findImports", () => {
  it("finds static, side-effect, re-export, dynamic and require forms with their location", () => {
    const source = [
      'import * as tf from "@tensorflow/tfjs";',
      "import { readFileSync } from 'fs';",
      'import "./side-effect";',
      'export { x } from "./x";',
      'const m = await import("./dyn");',
      'const r = require("lodash");',
      'const s = "from \\"not-an-import\\"";',
    ].join("\n");
    const found = findImports(source).map(({ specifier, line, column }) => ({ specifier, line, column }));
    expect(found).toEqual([
      { specifier: "@tensorflow/tfjs", line: 1, column: 21 },
      { specifier: "fs", line: 2, column: 30 },
      { specifier: "./side-effect", line: 3, column: 8 },
      { specifier: "./x", line: 4, column: 19 },
      { specifier: "./dyn", line: 5, column: 24 },
      { specifier: "lodash", line: 6, column: 19 },
    ]);
  });

  it("ignores imports that are only mentioned in comments", () => {
    expect(findImports('// import x from "fs"\n/* require("fs") */\nconst a = 1;')).toEqual([]);
  });

  it("reports namespace and named imports", () => {
    const [ns, named] = findImports('import * as T from "@tensorflow/tfjs";\nimport { exp, softmax as sm } from "@tensorflow/tfjs";');
    expect(ns.namespaceNames).toEqual(["T"]);
    expect(named.namedImports).toEqual(["exp", "softmax"]);
  });
});

describe("findForbiddenUses", () => {
  const header = 'import * as tf from "@tensorflow/tfjs";\n';

  it("finds namespace calls, chained calls and named imports", () => {
    const source = header + "const a = tf.softmax(x);\nconst b = x.div(2).softmax();\nconst c = y?.logSoftmax(-1);\n";
    expect(findForbiddenUses(source, ["softmax", "logSoftmax"])).toEqual([
      { name: "softmax", form: "namespace", line: 2, column: 11 },
      { name: "softmax", form: "chained", line: 3, column: 19 },
      { name: "logSoftmax", form: "chained", line: 4, column: 11 },
    ]);
    const named = 'import { softmax } from "@tensorflow/tfjs";\n';
    expect(findForbiddenUses(named, ["softmax"])).toEqual([{ name: "softmax", form: "named-import", line: 1, column: 25 }]);
  });

  it("accepts the learner's own function of the same name, comments, strings and other names", () => {
    const source =
      header +
      "// do not call tf.softmax(x) here\n" +
      'const note = "x.softmax()";\n' +
      "export function softmax(x: tf.Tensor) { return softmax2(x); }\n" +
      "const y = tf.logSoftmaxish(x);\n";
    expect(findForbiddenUses(source, ["softmax", "logSoftmax"])).toEqual([]);
  });

  it("finds .call / .apply forms", () => {
    expect(findForbiddenUses(header + "tf.softmax.call(null, x);", ["softmax"])).toHaveLength(1);
  });
});
