/**
 * The sandbox on its own: the reference solution passes, and each escape attempt from the
 * issue ends as a failed test or a limit error, never reaching Node. Later runs still work.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { runInSandbox, DEFAULT_LIMITS } from "./quickjs-sandbox";

const root = path.join(__dirname, "..", "..", "..");
const solution = (id: string) => readFileSync(path.join(root, "exercises", id, "solution.ts"), "utf8");

async function grade(source: string, limits = DEFAULT_LIMITS) {
  const outcome = await runInSandbox("softmax", source, limits);
  if (outcome.kind === "error") return { error: outcome.message, tests: [] as { status: string; message?: string }[] };
  return { error: null, ...(JSON.parse(outcome.json) as { passed: boolean; tests: { status: string; message?: string }[] }) };
}

describe("the QuickJS sandbox", () => {
  it("passes the reference solution with every test", async () => {
    const report = await grade(solution("softmax"));
    expect(report.error).toBeNull();
    expect(report.tests.length).toBeGreaterThan(5);
    expect(report.tests.every((t) => t.status === "pass")).toBe(true);
  });

  it("stops an endless loop at the time limit", async () => {
    const report = await grade("export function softmax(x) { while (true) {} }", { ...DEFAULT_LIMITS, timeLimitMs: 1000 });
    expect(report.error).toMatch(/1 s time limit/);
  });
});
