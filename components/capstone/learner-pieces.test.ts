/**
 * Where the training page finds the learner's passing code in this browser: the newest passing
 * run of each piece wins, failing runs and other exercises never count, and runs waiting in the
 * outbox count only for the learner they belong to.
 */
import { describe, expect, it } from "@jest/globals";
import { addRun } from "@/lib/learner-state/outbox";
import { KEYS } from "@/lib/learner-state/storage";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { localPassingCode, mergeFound } from "./learner-pieces";

function storage(values: Record<string, unknown>): MemoryStorage {
  const memory = new MemoryStorage();
  for (const [k, v] of Object.entries(values)) memory.setItem(k, JSON.stringify(v));
  return memory;
}

const run = (exerciseId: string, code: string, passed: boolean, createdAt: number) => ({
  exerciseId, code, passed, createdAt, clientRunId: `${exerciseId}-${createdAt}`, testsPassed: passed ? 3 : 1, testsTotal: 3, results: [], durationMs: 5,
});

describe("localPassingCode", () => {
  it("takes each piece's newest passing run and ignores failures and other exercises", () => {
    const found = localPassingCode(
      storage({
        [KEYS.exerciseRuns]: [run("softmax", "// first pass", true, 1), run("softmax", "// second pass", true, 5), run("softmax", "// broken later", false, 9), run("bpe-tokenizer", "// not a piece", true, 3), run("layer-norm", "// failing", false, 4)],
      }),
      null,
    );
    expect(found).toEqual({ softmax: { code: "// second pass", passedAt: 5, from: "this browser" } });
  });

  it("counts outbox runs for the signed-in learner only", () => {
    const attempt = (code: string, createdAt: number) => {
      const { exerciseId: _id, ...rest } = run("gpt-block", code, true, createdAt);
      return rest;
    };
    const memory = new MemoryStorage();
    addRun(memory, "me", "gpt-block", attempt("// mine", 7));
    addRun(memory, "someone-else", "lm-loss", attempt("// theirs", 8));
    expect(localPassingCode(memory, "me")).toEqual({ "gpt-block": { code: "// mine", passedAt: 7, from: "this browser" } });
    expect(localPassingCode(memory, null)).toEqual({});
  });

  it("mergeFound keeps the newer code of a piece found in both places", () => {
    const merged = mergeFound(
      { softmax: { code: "// account, newer", passedAt: 10, from: "your account" }, "layer-norm": { code: "// account, older", passedAt: 2, from: "your account" } },
      { softmax: { code: "// browser, older", passedAt: 4, from: "this browser" }, "layer-norm": { code: "// browser, newer", passedAt: 6, from: "this browser" } },
    );
    expect(merged.softmax?.code).toBe("// account, newer");
    expect(merged["layer-norm"]?.code).toBe("// browser, newer");
  });
});
