import { beforeAll, describe, expect as jestExpect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { AssertionFailure, createExpect } from "../expect";
import { gradeSource } from "../run";
import { defineSpec } from "../spec";
import { en } from "./en";
import { createTranslator, formatMessage, placeholderNames } from "./index";
import { zh } from "./zh";
import { thrownBy } from "../../../tests/support/thrown";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const failure = (check: () => void): AssertionFailure => thrownBy(AssertionFailure, check);

describe("the catalogue", () => {
  it("has the same keys and the same placeholders in Chinese as in English", () => {
    jestExpect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      jestExpect({ key, placeholders: placeholderNames(zh[key]) }).toEqual({ key, placeholders: placeholderNames(en[key]) });
    }
  });

  it("fills placeholders and leaves an unknown one visible", () => {
    jestExpect(formatMessage("en", "compile.at-line", { line: 3 })).toBe("Line 3: ");
    jestExpect(formatMessage("zh", "compile.at-line", { line: 3 })).toBe("第 3 行：");
    jestExpect(formatMessage("zh", "compile.at-line")).toBe("第 {line} 行：");
  });
});

describe("an exercise's text", () => {
  const t = createTranslator("zh", {
    tests: { "sums to one": "总和为 1" },
    messages: {
      "row sums": "各行之和",
      "{what}: expected token {expected}, got {actual}": "{what}：期望词元 {expected}，实际 {actual}",
      "dtype {d}": "dtype 为 {d}",
      "dtype {d}: cast it": "dtype 为 {d}：请转换",
    },
  });

  it("translates names exactly and fills templates, translating a captured label", () => {
    jestExpect(t.testName("sums to one")).toBe("总和为 1");
    jestExpect(t.specText("row sums: expected token 3, got 1")).toBe("各行之和：期望词元 3，实际 1");
    jestExpect(t.specText("cos(a, b): expected token 3, got 1")).toBe("cos(a, b)：期望词元 3，实际 1");
  });

  it("prefers the most specific template, whatever the order in the file", () => {
    jestExpect(t.specText("dtype bool: cast it")).toBe("dtype 为 bool：请转换");
    jestExpect(t.specText("dtype int32")).toBe("dtype 为 int32");
  });

  it("leaves a string it has no entry for as the spec wrote it", () => {
    jestExpect(t.testName("a test added later")).toBe("a test added later");
    jestExpect(t.specText("embed([1], table)")).toBe("embed([1], table)");
  });
});

describe("assertions in Chinese", () => {
  const expectZh = createExpect(createTranslator("zh", { tests: {}, messages: { "row sums": "各行之和" } }));

  it("reports a shape mismatch with the translated label", () => {
    const f = failure(() => expectZh.close(tf.zeros([4, 3]), tf.zeros([3, 4]), { what: "row sums" }));
    jestExpect(f.message).toBe("各行之和：形状应为 [3, 4]，实际是 [4, 3]");
    jestExpect(f.expected).toBe("形状 [3, 4]");
  });

  it("reports values that are not close, with the tolerance", () => {
    const f = failure(() => expectZh.close(tf.tensor1d([1, 2.5]), [1, 2], { atol: 1e-3, rtol: 0 }));
    jestExpect(f.message).toBe("2 个值中有 1 个不符：[1] 处期望 2，实际 2.5（最大绝对误差 0.5，容差 0.001）");
  });

  it("reports a missing return and a missing throw", () => {
    jestExpect(failure(() => expectZh.tensor(undefined)).message).toBe("你的函数应当返回 tf.Tensor，实际返回的是undefined（是不是忘了 return 结果？）");
    const f = failure(() => expectZh.throws(() => 1, /range/, "row sums"));
    jestExpect(f.message).toBe("各行之和：但没有抛出任何错误");
    jestExpect(f.expected).toBe("一个与 /range/ 匹配的错误");
  });
});

describe("gradeSource with locale zh", () => {
  const spec = defineSpec<{ double: (x: tf.Tensor) => tf.Tensor }>({
    exercise: "double",
    exports: ["double"],
    forbid: ["mul"],
    forbidReason: "add the tensor to itself",
    tests: [
      { name: "doubles [1, 2]", run: ({ tf: t, mod, expect }) => expect.close(mod.double(t.tensor1d([1, 2])), [2, 4]) },
    ],
  });
  const text = { tests: { "doubles [1, 2]": "把 [1, 2] 翻倍" }, messages: { "add the tensor to itself": "把张量和它自己相加" } };

  it("names the tests and explains failures in Chinese, and keeps the verdicts", async () => {
    const source = 'import * as tf from "@tensorflow/tfjs";\nexport function double(x: tf.Tensor) { return tf.add(x, 1); }';
    const report = await gradeSource({ spec, source, tf, locale: "zh", text });
    jestExpect(report.passed).toBe(false);
    jestExpect(report.tests).toMatchObject([{ name: "把 [1, 2] 翻倍", status: "fail", message: "2 个值中有 1 个不符：[1] 处期望 4，实际 3（最大绝对误差 1，容差 0.0001 + 0.0001 × |期望值|）" }]);
  });

  it("explains compile problems in Chinese, the exercise's reason included", async () => {
    const forbidden = await gradeSource({ spec, source: 'import * as tf from "@tensorflow/tfjs";\nexport const double = (x: tf.Tensor) => tf.mul(x, 2);', tf, locale: "zh", text });
    jestExpect(forbidden.tests).toEqual([
      { name: "代码能通过编译并成功加载", status: "error", message: "第 2 行第 41 列：本练习不允许使用 tf.mul：把张量和它自己相加。", line: 2 },
    ]);
    const missing = await gradeSource({ spec, source: "export const triple = 3;", tf, locale: "zh", text });
    jestExpect(missing.tests[0].message).toBe("你的代码需要导出一个名为 double 的函数（写成“export function double(...)”）。目前导出的是：triple。");
  });
});
