import { beforeAll, describe, expect as jestExpect, it, jest } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { COMPILE_TEST_NAME, gradeSource, MAX_OUTPUT_LINES } from "./run";
import { defineSpec } from "./spec";
import type { ExerciseSpec } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

type DoubleModule = { double: (x: tf.Tensor) => tf.Tensor };

const doubleSpec = defineSpec<DoubleModule>({
  exercise: "double",
  exports: ["double"],
  tests: [
    {
      name: "doubles a vector",
      run: ({ tf: t, mod, expect }) => {
        const out = mod.double(t.tensor1d([1, 2, 3]));
        expect.tensor(out);
        expect.close(out, [2, 4, 6]);
      },
    },
    {
      name: "doubles a matrix",
      run: ({ tf: t, mod, expect }) => {
        const out = mod.double(t.tensor2d([[1], [-1]]));
        expect.tensor(out);
        expect.close(out, [[2], [-2]]);
      },
    },
  ],
}) as unknown as ExerciseSpec;

const grade = (source: string, spec: ExerciseSpec = doubleSpec) => gradeSource({ spec, source, tf });

const header = 'import * as tf from "@tensorflow/tfjs";\n';

describe("gradeSource", () => {
  it("passes a correct module, reporting every test in spec order", async () => {
    const report = await grade(header + "export function double(x: tf.Tensor) { return tf.mul(x, 2); }\n");
    jestExpect(report.exercise).toBe("double");
    jestExpect(report.passed).toBe(true);
    jestExpect(report.tests.map((t) => [t.name, t.status])).toEqual([
      ["doubles a vector", "pass"],
      ["doubles a matrix", "pass"],
    ]);
    jestExpect(report.compileError).toBeUndefined();
    jestExpect(report.leakedTensors).toBeUndefined();
    jestExpect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("marks an assertion failure as fail, with the expected and actual values", async () => {
    const report = await grade(header + "export function double(x: tf.Tensor) { return tf.add(x, 2); }\n");
    jestExpect(report.passed).toBe(false);
    const [vector] = report.tests;
    jestExpect(vector.status).toBe("fail");
    jestExpect(vector.message).toMatch(/^2 of 3 values differ: at \[0\] expected 2, got 3; at \[2\] expected 6, got 5/);
    jestExpect(vector.expected).toBe("[2, 4, 6]");
    jestExpect(vector.actual).toBe("[3, 4, 5]");
  });

  it("marks any other exception as error, with the line of the learner's code", async () => {
    const report = await grade(header + "export function double(x: tf.Tensor): tf.Tensor {\n  const y: any = undefined;\n  return y.mul(2);\n}\n");
    const [first] = report.tests;
    jestExpect(first.status).toBe("error");
    jestExpect(first.message).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'mul'\) \(line 4 of your code\)$/);
    jestExpect(first.line).toBe(4);
  });

  it("keeps going after a test throws, so one exception does not hide the other results", async () => {
    const source = header + "export function double(x: tf.Tensor) {\n  if (x.rank === 1) throw new Error('vectors are hard');\n  return tf.mul(x, 2);\n}\n";
    const report = await grade(source);
    jestExpect(report.tests.map((t) => t.status)).toEqual(["error", "pass"]);
    jestExpect(report.tests[0].message).toBe("vectors are hard (line 3 of your code)");
    jestExpect(report.passed).toBe(false);
  });

  it("reports an error thrown by the spec itself without a learner line", async () => {
    const spec = defineSpec({
      exercise: "x",
      exports: ["double"],
      tests: [
        {
          name: "spec bug",
          run: () => {
            throw new RangeError("bad spec");
          },
        },
      ],
    });
    const report = await grade(header + "export function double(x: tf.Tensor) { return x; }\n", spec);
    jestExpect(report.tests[0]).toMatchObject({ status: "error", message: "RangeError: bad spec" });
    jestExpect(report.tests[0].line).toBeUndefined();
  });

  it("turns a compile error into a report with one error entry every consumer can show", async () => {
    const report = await grade(header + "export function double(x: tf.Tensor) {\n  return tf.mul(x 2);\n}\n");
    jestExpect(report.passed).toBe(false);
    jestExpect(report.compileError).toEqual({ message: 'Syntax error: Unexpected token, expected ","', line: 3, column: 19 });
    jestExpect(report.tests).toEqual([
      { name: COMPILE_TEST_NAME, status: "error", message: 'Line 3, column 19: Syntax error: Unexpected token, expected ","', line: 3 },
    ]);
  });

  it("reports a missing export as a compile error", async () => {
    const report = await grade(header + "export function twice(x: tf.Tensor) { return tf.mul(x, 2); }\n");
    jestExpect(report.compileError?.message).toBe('Your code must export a function named double (write "export function double(...)"). It exports: twice.');
    jestExpect(report.tests).toHaveLength(1);
    jestExpect(report.tests[0].status).toBe("error");
  });

  it("applies the spec's forbidden functions", async () => {
    const spec = { ...doubleSpec, forbid: ["mul"], forbidReason: "use tf.add" };
    const report = await grade(header + "export function double(x: tf.Tensor) { return tf.mul(x, 2); }\n", spec);
    jestExpect(report.compileError?.message).toBe("tf.mul is not allowed in this exercise: use tf.add.");
    const allowed = await grade(header + "export function double(x: tf.Tensor) { return tf.add(x, x); }\n", spec);
    jestExpect(allowed.passed).toBe(true);
  });

  it("captures console output per test, without touching the global console", async () => {
    const globalLog = jest.spyOn(console, "log");
    const globalWarn = jest.spyOn(console, "warn");
    try {
      const source =
        header +
        'console.log("module loaded");\n' +
        "export function double(x: tf.Tensor) {\n" +
        "  console.log('rank', x.rank, x);\n" +
        "  if (x.rank === 2) console.warn('careful');\n" +
        "  console.group('ignored but harmless');\n" +
        "  return tf.mul(x, 2);\n" +
        "}\n";
      const report = await grade(source);
      jestExpect(report.passed).toBe(true);
      jestExpect(report.tests[0].output).toEqual(["module loaded", "rank 1 Tensor float32 [3]\n[1, 2, 3]"]);
      jestExpect(report.tests[1].output).toEqual(["rank 2 Tensor float32 [2, 1]\n[[1],\n [-1]]", "warning: careful"]);
      jestExpect(globalLog).not.toHaveBeenCalled();
      jestExpect(globalWarn).not.toHaveBeenCalled();
    } finally {
      globalLog.mockRestore();
      globalWarn.mockRestore();
    }
  });

  it("keeps at most MAX_OUTPUT_LINES lines of output per test", async () => {
    const source = header + "export function double(x: tf.Tensor) {\n  for (let i = 0; i < 1000; i++) console.log(i);\n  return tf.mul(x, 2);\n}\n";
    const report = await grade(source);
    const output = report.tests[0].output ?? [];
    jestExpect(output).toHaveLength(MAX_OUTPUT_LINES + 1);
    jestExpect(output[MAX_OUTPUT_LINES]).toBe(`... ${1000 - MAX_OUTPUT_LINES} more line(s) not shown`);
  });

  it("counts tensors the learner's code leaks, not the tensors the spec keeps", async () => {
    const leaky = header + "export function double(x: tf.Tensor) {\n  const two = tf.scalar(2);\n  const y = tf.mul(x, two);\n  return tf.add(y, 0);\n}\n";
    const report = await grade(leaky);
    jestExpect(report.passed).toBe(true);
    jestExpect(report.tests.map((t) => t.leakedTensors)).toEqual([2, 2]);
    jestExpect(report.leakedTensors).toBe(4);

    const tidy = header + "export function double(x: tf.Tensor) {\n  return tf.tidy(() => tf.add(tf.mul(x, tf.scalar(2)), 0));\n}\n";
    const clean = await grade(tidy);
    jestExpect(clean.tests.map((t) => t.leakedTensors)).toEqual([undefined, undefined]);
    jestExpect(clean.leakedTensors).toBeUndefined();
  });

  it("does not count a returned input tensor as a leak", async () => {
    const spec = defineSpec<{ same: (x: tf.Tensor) => tf.Tensor }>({
      exercise: "same",
      exports: ["same"],
      tests: [{ name: "identity", run: ({ tf: t, mod, expect }) => expect.close(mod.same(t.tensor1d([1])), [1]) }],
    }) as unknown as ExerciseSpec;
    const report = await grade(header + "export function same(x: tf.Tensor) { return x; }\n", spec);
    jestExpect(report.passed).toBe(true);
    jestExpect(report.leakedTensors).toBeUndefined();
  });

  it("frees every tensor created while grading", async () => {
    const before = tf.memory().numTensors;
    await grade(header + "export function double(x: tf.Tensor) { const junk = tf.ones([100]); return tf.mul(x, 2); }\n");
    await grade(header + "export function double(x: tf.Tensor) { return tf.mul(x, 3); }\n");
    await grade("syntax error here(");
    jestExpect(tf.memory().numTensors).toBe(before);
  });

  it("awaits asynchronous tests", async () => {
    const spec = defineSpec<DoubleModule>({
      exercise: "double",
      exports: ["double"],
      tests: [
        {
          name: "reads values asynchronously",
          run: async ({ tf: t, mod, expect }) => {
            const values = await mod.double(t.tensor1d([5])).data();
            expect.that(values[0] === 10, `expected 10, got ${values[0]}`);
          },
        },
      ],
    }) as unknown as ExerciseSpec;
    const good = await grade(header + "export function double(x: tf.Tensor) { return tf.mul(x, 2); }\n", spec);
    const bad = await grade(header + "export function double(x: tf.Tensor) { return tf.mul(x, 3); }\n", spec);
    jestExpect(good.passed).toBe(true);
    jestExpect(bad.tests[0]).toMatchObject({ status: "fail", message: "expected 10, got 15" });
  });

  it("hands @academy/provided to the learner only when given, built from the learner's own code of the earlier exercise", async () => {
    const source = 'import { layerNorm } from "@academy/provided";\nimport * as tf from "@tensorflow/tfjs";\nexport function double(x: tf.Tensor) { return layerNorm(x as tf.Tensor2D, x as never, x as never); }\n';
    // Whatever the learner wrote for layer-norm is what they get back (here: doubling).
    const own = 'import * as tf from "@tensorflow/tfjs";\nexport function layerNorm(x: tf.Tensor) { return tf.mul(x, 2); }\n';
    const withPieces = await gradeSource({ spec: doubleSpec, source, tf, provided: { names: ["layerNorm"], sources: { "layer-norm": own } } });
    jestExpect(withPieces.passed).toBe(true);
    const notPassedYet = await gradeSource({ spec: doubleSpec, source, tf, provided: { names: ["layerNorm"], sources: {} } });
    jestExpect(notPassedYet.compileError).toMatchObject({
      line: 1,
      message: jestExpect.stringContaining("layerNorm comes from your own code for the exercise “Layer normalisation”, which you have not passed yet"),
    });
    const without = await grade(source);
    jestExpect(without.compileError?.message).toMatch(/^Only @tensorflow\/tfjs can be imported here/);
  });
});
