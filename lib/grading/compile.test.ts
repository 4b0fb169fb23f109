import { beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { compileLearnerModule, learnerLineFromError, type CompileOptions, type CompileResult } from "./compile";
import { createTranslator } from "./messages";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const compile = (source: string, extra: Partial<CompileOptions> = {}): CompileResult =>
  compileLearnerModule({ source, tf, exports: ["f"], ...extra });

function problem(result: CompileResult) {
  if (result.ok) throw new Error("expected a compile problem");
  return result.error;
}

function exportsOf(result: CompileResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`unexpected compile problem: ${result.error.message}`);
  return result.exports;
}

describe("compileLearnerModule", () => {
  it("transpiles TypeScript and hands the module the tf namespace", () => {
    const result = compile(
      'import * as tf from "@tensorflow/tfjs";\nexport function f(x: tf.Tensor): tf.Tensor {\n  return tf.tidy(() => tf.mul(x, 2));\n}\n',
    );
    const f = exportsOf(result).f as (x: tf.Tensor) => tf.Tensor;
    expect(Array.from(f(tf.tensor1d([1, 2])).dataSync())).toEqual([2, 4]);
  });

  it("supports named imports from tfjs", () => {
    const result = compile('import { tensor1d, add } from "@tensorflow/tfjs";\nexport const f = () => add(tensor1d([1]), 1);\n');
    const f = exportsOf(result).f as () => tf.Tensor;
    expect(Array.from(f().dataSync())).toEqual([2]);
  });

  it("reports a syntax error at the learner's line and column", () => {
    const error = problem(compile("export function f() {\n  const x = ;\n  return x;\n}\n"));
    expect(error).toEqual({ message: "Syntax error: Unexpected token", line: 2, column: 13 });
  });

  it("reports an unterminated block at the end of the file", () => {
    const error = problem(compile("export function f() {\n  return 1;\n"));
    expect(error.message).toMatch(/^Syntax error/);
    expect(error.line).toBe(3);
  });

  it("rejects any import other than @tensorflow/tfjs, with its location", () => {
    const error = problem(compile('import * as tf from "@tensorflow/tfjs";\nimport { readFileSync } from "fs";\nexport function f() {}\n'));
    expect(error).toEqual({
      message: 'Only @tensorflow/tfjs can be imported here (your code imports "fs").',
      line: 2,
      column: 30,
    });
  });

  it("rejects a require() of another module when it runs", () => {
    const result = compile('export function f() { return (require as (m: string) => unknown)("os" + ""); }\n');
    const f = exportsOf(result).f as () => unknown;
    expect(() => f()).toThrow('Only @tensorflow/tfjs can be imported here (your code imports "os").');
  });

  it("maps @academy/provided only when the exercise provides pieces", () => {
    const source = 'import { helper } from "@academy/provided";\nexport function f() { return helper(); }\n';
    expect(problem(compile(source)).message).toBe('Only @tensorflow/tfjs can be imported here (your code imports "@academy/provided").');
    const f = exportsOf(compile(source, { provided: { helper: () => 42 } })).f as () => number;
    expect(f()).toBe(42);
    expect(problem(compile('import x from "lodash";\nexport function f() {}', { provided: {} })).message).toBe(
      'Only @tensorflow/tfjs and @academy/provided can be imported here (your code imports "lodash").',
    );
  });

  it("names a missing export and lists what the module does export", () => {
    const error = problem(compile("export function g() {}\nfunction f() {}\n"));
    expect(error.message).toBe('Your code must export a function named f (write "export function f(...)"). It exports: g.');
  });

  it("requires each named export to be a function", () => {
    expect(problem(compile("export const f = 3;\n")).message).toBe("f must be a function, but your code exports a number.");
  });

  it("reports an exception while the module loads, with its line", () => {
    const error = problem(compile("const ok = 1;\nconst bad = (undefined as unknown as { x: number }).x;\nexport function f() {}\n"));
    expect(error.message).toMatch(/^Your code threw while loading: TypeError: Cannot read properties of undefined/);
    expect(error.line).toBe(2);
  });

  it("passes the given console to the module instead of the global one", () => {
    const lines: unknown[][] = [];
    const learnerConsole = { log: (...args: unknown[]) => lines.push(args), info() {}, warn() {}, error() {}, debug() {} };
    const result = compile('console.log("loading", 1);\nexport function f() { console.log("called"); }\n', { console: learnerConsole });
    (exportsOf(result).f as () => void)();
    expect(lines).toEqual([["loading", 1], ["called"]]);
  });

  it("locates runtime errors in the learner's code from the stack", () => {
    const result = compile('import * as tf from "@tensorflow/tfjs";\n\nexport function f() {\n  return tf.add(tf.zeros([2, 3]), tf.zeros([3, 2]));\n}\n');
    const f = exportsOf(result).f as () => unknown;
    let thrown: unknown;
    try {
      f();
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/could not be broadcast/);
    expect(learnerLineFromError(thrown)).toBe(4);
    expect(learnerLineFromError(new Error("not from learner code"))).toBeUndefined();
  });
});

describe("forbidden tf functions", () => {
  const opts = { forbid: ["softmax", "logSoftmax"], forbidReason: "write it yourself from tf.exp and tf.sum" };

  it("rejects tf.softmax(...) before running, with the reason", () => {
    const error = problem(compile('import * as tf from "@tensorflow/tfjs";\nexport function f(x: tf.Tensor) { return tf.softmax(x); }\n', opts));
    expect(error).toEqual({
      message: "tf.softmax is not allowed in this exercise: write it yourself from tf.exp and tf.sum.",
      line: 2,
      column: 42,
    });
  });

  it("rejects the chained form x.softmax()", () => {
    const error = problem(compile('import * as tf from "@tensorflow/tfjs";\nexport function f(x: tf.Tensor) {\n  return x.logSoftmax();\n}\n', opts));
    expect(error.message).toBe(".logSoftmax() (the chained form of tf.logSoftmax) is not allowed in this exercise: write it yourself from tf.exp and tf.sum.");
    expect(error.line).toBe(3);
  });

  it("rejects importing the function by name", () => {
    const error = problem(compile('import { softmax } from "@tensorflow/tfjs";\nexport function f() {}\n', opts));
    expect(error.message).toBe("Importing softmax from @tensorflow/tfjs is not allowed in this exercise: write it yourself from tf.exp and tf.sum.");
  });

  it("makes the function throw when reached in a way no static check sees", () => {
    const source = 'import * as tf from "@tensorflow/tfjs";\nexport function f(x: tf.Tensor) {\n  const name = "soft" + "max";\n  return (tf as any)[name](x);\n}\n';
    const f = exportsOf(compile(source, opts)).f as (x: tf.Tensor) => tf.Tensor;
    expect(() => f(tf.tensor1d([1, 2]))).toThrow("tf.softmax is not allowed in this exercise: write it yourself from tf.exp and tf.sum.");
  });

  it("leaves the real tf namespace untouched and allows everything else", () => {
    const source = 'import * as tf from "@tensorflow/tfjs";\nexport function f(x: tf.Tensor) { return tf.exp(x); }\n';
    const f = exportsOf(compile(source, opts)).f as (x: tf.Tensor) => tf.Tensor;
    expect(f(tf.scalar(0)).dataSync()[0]).toBe(1);
    expect(Array.from(tf.softmax(tf.tensor1d([0, 0])).dataSync())).toEqual([0.5, 0.5]);
  });
});

describe("what compiling remembers between runs (the last sources' transpiled text, the restricted tf)", () => {
  const counter = (start: number) => `let calls = ${start};\nexport function f() {\n  calls += 1;\n  return calls;\n}\n`;

  it("a changed source is compiled again, and the same source twice is two fresh modules", () => {
    const first = exportsOf(compile(counter(0))).f as () => number;
    expect([first(), first()]).toEqual([1, 2]);
    // Unchanged text: a new module, whose state starts again.
    const again = exportsOf(compile(counter(0))).f as () => number;
    expect(again()).toBe(1);
    // One character changed: the new code runs, not the remembered one.
    const changed = exportsOf(compile(counter(10))).f as () => number;
    expect(changed()).toBe(11);
  });

  it("a remembered syntax error or forbidden use is reported in each run's language", () => {
    const broken = "export function f() {\n  const x = ;\n}\n";
    expect(problem(compile(broken)).message).toBe("Syntax error: Unexpected token");
    expect(problem(compile(broken, { translator: createTranslator("zh") }))).toMatchObject({ message: expect.stringMatching(/^语法错误/), line: 2, column: 13 });
    const forbidden = 'import * as tf from "@tensorflow/tfjs";\nexport const f = (x: tf.Tensor) => tf.softmax(x);\n';
    expect(problem(compile(forbidden, { forbid: ["softmax"] })).message).toMatch(/^tf\.softmax is not allowed/);
    // The same text where nothing is forbidden compiles.
    expect(compile(forbidden).ok).toBe(true);
  });

  it("learner code cannot change the tf namespace the next run receives", () => {
    const tamper = 'import * as tf from "@tensorflow/tfjs";\nexport function f() {\n  (tf as any).add = () => "patched";\n}\n';
    const tamperStub = 'import * as tf from "@tensorflow/tfjs";\nexport function f() {\n  (tf.softmax as any).marker = 1;\n}\n';
    const forbid = { forbid: ["softmax"] };
    expect(() => (exportsOf(compile(tamper, forbid)).f as () => void)()).toThrow(TypeError);
    expect(() => (exportsOf(compile(tamperStub, forbid)).f as () => void)()).toThrow(TypeError);
    const probe = 'import * as tf from "@tensorflow/tfjs";\nexport const f = () => [tf.add(1, 2).dataSync()[0], (tf.softmax as any).marker];\n';
    expect((exportsOf(compile(probe, forbid)).f as () => unknown[])()).toEqual([3, undefined]);
  });
});
