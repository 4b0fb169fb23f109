/**
 * The Chinese test reports (exercises/<id>/zh/tests.json, decision 028): every test name of every
 * spec has exactly one Chinese name; every English sentence a spec hands to `expect` while grading
 * the starter, the solution and every known-wrong variant has a Chinese rendering; and a report in
 * Chinese gives the same verdicts as the English one, in the same order, with only the words changed.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator, placeholderNames, type ExerciseText } from "../lib/grading/messages";
import { referenceSources } from "../lib/grading/provided/reference-sources";
import { gradeSource } from "../lib/grading/run";
import type { Expect, ExerciseSpec, GradeReport } from "../lib/grading/types";
import { exercises } from "./registry";

const HAN = /[\u4e00-\u9fff]/;
/**
 * Words a learner reads as code or math in either language: values, types and dtypes, `max |h|`,
 * and the field names attention returns (`weights`, `output`), which the brief asks for by name.
 */
const CODE_WORDS = new Set(["Infinity", "NaN", "null", "undefined", "true", "false", "number", "string", "object", "boolean", "bool", "Tensor", "max", "top", "weights", "output"]);
/**
 * Whether a spec string has English words once code is set aside: calls such as `cos(a, b)` or
 * `encode('Hi', [])`, quoted text, `{ ... }` shapes and identifiers with digits (`float32`).
 */
function hasEnglishWords(text: string): boolean {
  let rest = text.replace(/'[^']*'|"[^"]*"|\{[^}]*\}/g, " ");
  // Innermost calls first, so `greedyToken(nextTokenProbs(..., 2))` goes entirely.
  for (let before = ""; before !== rest; ) [before, rest] = [rest, rest.replace(/[\w.]+\([^()]*\)/g, " ")];
  return (rest.match(/\b[A-Za-z]{2,}\b/g) ?? []).some((word) => !CODE_WORDS.has(word));
}

const sources = (id: string): string[] => {
  const dir = join(__dirname, id);
  const wrong = existsSync(join(dir, "wrong")) ? readdirSync(join(dir, "wrong")).filter((f) => f.endsWith(".ts")).map((f) => `wrong/${f}`) : [];
  return ["starter.ts", "solution.ts", ...wrong.sort()];
};

/** The spec with every `expect` call's words recorded (messages, `what` labels, expected/actual notes). */
function recordingSpec(spec: ExerciseSpec, said: Set<string>): ExerciseSpec {
  const note = (value: unknown) => {
    if (typeof value === "string") said.add(value);
  };
  const recording = (inner: Expect): Expect => ({
    close: (a, e, opts) => (note(opts?.what), inner.close(a, e, opts)),
    shape: (a, s, what) => (note(what), inner.shape(a, s, what)),
    finite: (a, what) => (note(what), inner.finite(a, what)),
    tensor: (v, what) => (note(what), inner.tensor(v, what)),
    throws: (fn, pattern, message) => (note(message), inner.throws(fn, pattern, message)),
    that: (condition, message, details) => {
      // Messages are built before the check, so a passing solution shows them as well.
      note(message);
      note(details?.expected);
      note(details?.actual);
      inner.that(condition, message, details);
    },
  });
  return { ...spec, tests: spec.tests.map((test) => ({ ...test, run: (ctx) => test.run({ ...ctx, expect: recording(ctx.expect) }) })) };
}

/** The report with every word removed: what must not depend on the language. */
const verdicts = (report: GradeReport) => ({
  passed: report.passed,
  compiled: report.compileError === undefined,
  leakedTensors: report.leakedTensors,
  tests: report.tests.map((t) => ({ status: t.status, line: t.line, leakedTensors: t.leakedTensors, output: t.output })),
});

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe.each(exercises.map((e) => [e.meta.id, e] as const))("%s in Chinese", (id, entry) => {
  let spec: ExerciseSpec;
  let text: ExerciseText;
  beforeAll(async () => {
    spec = await entry.loadSpec();
    const loaded = await entry.loadText("zh");
    if (!loaded) throw new Error(`${id}: no zh/tests.json`);
    text = loaded;
  });

  it("names every test in Chinese, no missing and no extra names", () => {
    const english = spec.tests.map((t) => t.name);
    expect(Object.keys(text.tests).sort()).toEqual([...english].sort());
    for (const name of english) expect(text.tests[name]).toMatch(HAN);
    expect(new Set(Object.values(text.tests)).size).toBe(english.length);
  });

  it("keeps each message template's placeholders in its Chinese rendering", () => {
    for (const [english, chinese] of Object.entries(text.messages ?? {})) {
      expect({ english, placeholders: placeholderNames(chinese) }).toEqual({ english, placeholders: placeholderNames(english) });
      expect(chinese).toMatch(HAN);
    }
  });

  it("grades every variant with the same verdicts in both languages, and the Chinese report speaks Chinese", async () => {
    const names = entry.meta.provided;
    const provided = names ? { names, sources: referenceSources(names) } : undefined;
    const said = new Set<string>();
    const zh = createTranslator("zh", text);
    for (const file of sources(id)) {
      const source = readFileSync(join(__dirname, id, file), "utf8");
      const en = await gradeSource({ spec, source, tf, provided });
      const cn = await gradeSource({ spec: recordingSpec(spec, said), source, tf, provided, locale: "zh", text });
      expect({ file, ...verdicts(cn) }).toEqual({ file, ...verdicts(en) });
      const names = en.compileError ? [zh.msg("compile.test-name")] : en.tests.map((t) => zh.testName(t.name));
      expect(cn.tests.map((t) => t.name)).toEqual(names);
      for (const test of cn.tests) {
        expect(test.name).toMatch(HAN);
        if (test.status === "fail") expect({ file, message: test.message }).toEqual({ file, message: expect.stringMatching(HAN) });
      }
    }
    if (spec.forbidReason) said.add(spec.forbidReason);
    const untranslated = [...said].filter((s) => hasEnglishWords(s) && !HAN.test(zh.specText(s)));
    expect(untranslated).toEqual([]);
  });
});
