/**
 * The command-line grader, run as a learner or CI would run it: a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const tsx = join(root, "node_modules", ".bin", "tsx");
let scratch: string;
/** Each case spawns tsx + tfjs; on a busy 2-core machine that can take several seconds. */
const SPAWN_TIMEOUT_MS = 120_000;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "grade-cli-"));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function runGrader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(tsx, ["scripts/grade.ts", ...args], { cwd: root, env: { ...process.env, NODE_OPTIONS: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe("scripts/grade.ts", () => {
  it("exits 0 and prints exactly { exercise, passed, tests } with --json for a passing file", async () => {
    const { code, stdout, stderr } = await runGrader(["softmax", "exercises/softmax/solution.ts", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { exercise: string; passed: boolean; tests: Array<Record<string, unknown>> };
    expect(Object.keys(report)).toEqual(["exercise", "passed", "tests"]);
    expect(report.exercise).toBe("softmax");
    expect(report.passed).toBe(true);
    expect(report.tests.length).toBeGreaterThan(5);
    for (const test of report.tests) {
      expect(test).toMatchObject({ status: "pass", message: null });
      expect(typeof test.name).toBe("string");
    }
  }, SPAWN_TIMEOUT_MS);

  it("exits 1 and prints a line per test and a summary for a failing file", async () => {
    const { code, stdout } = await runGrader(["softmax", "exercises/softmax/wrong/no-max-subtraction.ts"]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("softmax: exercises/softmax/wrong/no-max-subtraction.ts");
    expect(lines).toContain("PASS   turns [1, 2, 3] into the probabilities [0.0900, 0.2447, 0.6652]");
    expect(lines).toContain("FAIL   stays finite for large logits [1000, 1001, 1002] (same answer as [0, 1, 2])");
    expect(stdout).toMatch(/\n {7}The result contains NaN at \[0\]/);
    expect(stdout).toMatch(/\n {7}actual: {3}\[NaN, NaN, NaN\]/);
    expect(lines[lines.length - 1]).toMatch(/^\d+ \/ 12 tests passed$/);
  }, SPAWN_TIMEOUT_MS);

  it("reports in Chinese with --locale zh, with the same verdicts as in English", async () => {
    const file = "exercises/softmax/wrong/no-max-subtraction.ts";
    const [en, zh] = await Promise.all([runGrader(["softmax", file, "--json"]), runGrader(["softmax", file, "--json", "--locale", "zh"])]);
    expect(zh.code).toBe(en.code);
    type Report = { passed: boolean; tests: Array<{ name: string; status: string; message: string | null }> };
    const [a, b] = [JSON.parse(en.stdout) as Report, JSON.parse(zh.stdout) as Report];
    expect(b.tests.map((t) => t.status)).toEqual(a.tests.map((t) => t.status));
    expect(b.tests[4]).toMatchObject({ name: "逻辑值很大（[1000, 1001, 1002]）时结果仍是有限值（与 [0, 1, 2] 的答案相同）", status: "fail" });
    expect(b.tests[4].message).toMatch(/^结果在 \[0\] 处是 NaN/);
    const bad = await runGrader(["softmax", file, "--locale", "fr"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--locale must be one of en, zh \(got fr\)/);
  }, SPAWN_TIMEOUT_MS);

  it("exits 1 with an error entry when the file does not compile", async () => {
    const file = scratchFile("broken.ts", 'import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor) {\n  return x +;\n}\n');
    const { code, stdout } = await runGrader(["softmax", file, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { passed: boolean; tests: Array<{ status: string; message: string }> };
    expect(report.passed).toBe(false);
    expect(report.tests).toHaveLength(1);
    expect(report.tests[0].status).toBe("error");
    expect(report.tests[0].message).toMatch(/^Line 3, column \d+: Syntax error/);
  }, SPAWN_TIMEOUT_MS);

  it("shows the learner's console output under the test that produced it", async () => {
    const file = scratchFile(
      "chatty.ts",
      'import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor, t = 1) {\n  console.log("shape", x.shape);\n  return tf.zeros(x.shape);\n}\n',
    );
    const { code, stdout } = await runGrader(["softmax", file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {3}turns \[1, 2, 3\][^\n]*\n(?: {7}[^\n]*\n)* {7}output:\n {9}shape \[3\]\n/);
  }, SPAWN_TIMEOUT_MS);

  it("exits 2 for an unknown exercise, naming the known ones", async () => {
    const { code, stdout, stderr } = await runGrader(["no-such-exercise", "exercises/softmax/solution.ts"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Unknown exercise "no-such-exercise"\. Known exercises: .*softmax/);
  }, SPAWN_TIMEOUT_MS);

  it("exits 2 for an unreadable file and for wrong usage", async () => {
    const missing = await runGrader(["softmax", join(scratch, "missing.ts")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read .*missing\.ts/);
    const usage = await runGrader(["softmax"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npx tsx scripts\/grade\.ts <exercise-id> <path\/to\/file\.ts> \[--json\]/);
    const option = await runGrader(["softmax", "exercises/softmax/solution.ts", "--yaml"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^Unknown option --yaml/);
  }, SPAWN_TIMEOUT_MS);
});
