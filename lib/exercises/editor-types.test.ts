/**
 * The editor's type declarations, checked the way the editor uses them: a TypeScript language
 * service whose only files are the learner's module and the extra libs, keyed by the same
 * virtual paths. Every exercise's starter and solution must check cleanly, mistakes must be
 * reported, and `tf.` must complete.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import ts from "typescript";
import { buildEditorTypes, EDITOR_COMPILER_OPTIONS, learnerFilePath, PROVIDED_PATH } from "./editor-types";

const types = buildEditorTypes();
const EXERCISES = path.join(process.cwd(), "exercises");
// Shared, so the ~600 declaration files are parsed once for the whole file.
const documents = ts.createDocumentRegistry();
const exerciseIds = readdirSync(EXERCISES).filter((d) => existsSync(path.join(EXERCISES, d, "meta.json")));

let learnerVersion = 0;

function languageService(fileName: string, source: string, extraFiles: Record<string, string> = types.files) {
  // The learner's file changes from test to test: a new version keeps the registry from reusing an old parse.
  const version = String(++learnerVersion);
  const files: Record<string, string> = { ...extraFiles, [fileName]: source };
  const options = EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions;
  const read = (name: string) => files[name] ?? (existsSync(name) ? readFileSync(name, "utf8") : undefined);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: (name) => (name === fileName ? version : "1"),
    getScriptSnapshot: (name) => {
      const text = read(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => "",
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    readFile: read,
    fileExists: (name) => read(name) !== undefined,
  };
  return ts.createLanguageService(host, documents);
}

function diagnostics(fileName: string, source: string, extraFiles?: Record<string, string>): string[] {
  const service = languageService(fileName, source, extraFiles);
  return [...service.getSyntacticDiagnostics(fileName), ...service.getSemanticDiagnostics(fileName)].map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${where ? `${where.line + 1}:${where.character + 1} ` : ""}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("editor type declarations", () => {
  it("holds the tfjs-core declarations, the tfjs module, the provided pieces and no test files", () => {
    const names = Object.keys(types.files);
    expect(names).toContain("file:///node_modules/@tensorflow/tfjs-core/dist/index.d.ts");
    expect(names).toContain("file:///node_modules/@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.d.ts");
    expect(names).toContain("file:///node_modules/@tensorflow/tfjs/index.d.ts");
    expect(names).toContain(PROVIDED_PATH);
    expect(names.filter((n) => /_test\.d\.ts$|test_util|jasmine/.test(n))).toEqual([]);
    expect(types.tfjsCoreVersion).toBe(JSON.parse(readFileSync("node_modules/@tensorflow/tfjs-core/package.json", "utf8")).version);
    // Small enough to send: about 1 MB of text (roughly 130 KB gzipped).
    const bytes = Object.values(types.files).reduce((n, text) => n + text.length, 0);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("the declarations themselves check without errors", () => {
    const fileName = learnerFilePath("probe");
    const service = languageService(fileName, 'import * as tf from "@tensorflow/tfjs";\nexport const x = tf.scalar(1);\n');
    const program = service.getProgram()!;
    const problems = Object.keys(types.files).flatMap((name) =>
      program.getSemanticDiagnostics(program.getSourceFile(name)).map((d) => `${name}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`),
    );
    expect(problems).toEqual([]);
  });

  it.each(exerciseIds)("the %s starter and solution check cleanly in the editor", (id) => {
    for (const file of ["starter.ts", "solution.ts"]) {
      const source = readFileSync(path.join(EXERCISES, id, file), "utf8");
      expect({ file, problems: diagnostics(learnerFilePath(id), source) }).toEqual({ file, problems: [] });
    }
  });

  it("underlines a function tf does not have and a wrong argument type, with line:column", () => {
    const source = [
      'import * as tf from "@tensorflow/tfjs";',
      "export function f(x: tf.Tensor): tf.Tensor {",
      "  const y = tf.softmaxx(x);",
      "  const total: number = tf.sum(x);",
      "  return tf.add(x, total);",
      "}",
    ].join("\n");
    const problems = diagnostics(learnerFilePath("probe"), source);
    expect(problems.some((p) => p.startsWith("3:16 ") && p.includes("Property 'softmaxx' does not exist"))).toBe(true);
    expect(problems.some((p) => p.startsWith("4:9 ") && p.includes("is not assignable to type 'number'"))).toBe(true);
  });

  it("knows the chained ops (x.sum(), x.exp()) and the provided pieces", () => {
    const source = [
      'import * as tf from "@tensorflow/tfjs";',
      'import { attention, multiHeadAttention } from "@academy/provided";',
      "export function f(q: tf.Tensor2D): number {",
      "  const out: tf.Tensor2D = attention(q, q, q).output;",
      "  void multiHeadAttention;",
      "  return out.exp().sum().arraySync() as number;",
      "}",
    ].join("\n");
    expect(diagnostics(learnerFilePath("probe"), source)).toEqual([]);
  });

  it("without the provided lib, importing it is an error (it is registered only for exercises that list it)", () => {
    const withoutProvided = Object.fromEntries(Object.entries(types.files).filter(([name]) => name !== PROVIDED_PATH));
    const problems = diagnostics(learnerFilePath("probe"), 'import { attention } from "@academy/provided";\nvoid attention;\n', withoutProvided);
    expect(problems.join("\n")).toMatch(/Cannot find module '@academy\/provided'/);
  });

  it("completes tf. with the ops a learner needs, and shows an op's documentation while typing its arguments", () => {
    const fileName = learnerFilePath("probe");
    const source = 'import * as tf from "@tensorflow/tfjs";\ntf.';
    const service = languageService(fileName, source);
    const completions = service.getCompletionsAtPosition(fileName, source.length, {});
    const names = completions?.entries.map((e) => e.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["exp", "max", "sum", "sub", "div", "matMul", "tidy", "tensor2d", "softmax"]));

    const call = 'import * as tf from "@tensorflow/tfjs";\ntf.matMul(';
    const help = languageService(fileName, call).getSignatureHelpItems(fileName, call.length, undefined);
    const item = help?.items[0];
    expect(ts.displayPartsToString(item?.documentation)).toMatch(/dot product of two matrices/i);
    expect(item?.parameters.map((p) => ts.displayPartsToString(p.displayParts))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^a: /), expect.stringMatching(/^b: /)]),
    );
  });
});
