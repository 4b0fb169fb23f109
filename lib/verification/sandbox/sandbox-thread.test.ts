/**
 * The watched sandbox thread: runs give the same outcome as in-process, a run that outlasts
 * its limit plus the grace is cut off by terminating the thread, and the next run gets a fresh
 * thread and passes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { DEFAULT_LIMITS } from "./quickjs-sandbox";
import { startSandboxThread } from "./sandbox-thread";

const solution = readFileSync(path.join(__dirname, "..", "..", "..", "exercises", "softmax", "solution.ts"), "utf8");
const watched = startSandboxThread({ graceMs: 1 });
const relaxed = startSandboxThread();
afterAll(async () => {
  await Promise.all([watched.close(), relaxed.close()]);
});

const passed = (outcome: Awaited<ReturnType<typeof watched.run>>) => outcome.kind === "report" && (JSON.parse(outcome.json) as { passed: boolean }).passed;

describe("the sandbox thread", () => {
  it("grades in its thread like in-process", async () => {
    expect(passed(await relaxed.run("softmax", solution, DEFAULT_LIMITS))).toBe(true);
    const loop = await relaxed.run("softmax", "export function softmax(x) { while (true) {} }", { ...DEFAULT_LIMITS, timeLimitMs: 1000 });
    expect(loop).toMatchObject({ kind: "error", message: expect.stringMatching(/1 s time limit \(an endless loop\?\)/) });
  });

  it("terminates a run that outlasts its limit and the grace, then starts afresh", async () => {
    // 1 ms of limit and 1 ms of grace: the thread cannot even load the grader in time.
    const cut = await watched.run("softmax", solution, { ...DEFAULT_LIMITS, timeLimitMs: 1 });
    expect(cut).toMatchObject({ kind: "error", message: expect.stringMatching(/server stopped its grader/) });
    // The same watcher's next run: a fresh thread (slow to start, hence the generous limit).
    const next = await watched.run("softmax", solution, { ...DEFAULT_LIMITS, timeLimitMs: 60_000 });
    expect(passed(next)).toBe(true);
  });
});
