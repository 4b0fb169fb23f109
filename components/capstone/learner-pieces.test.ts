/**
 * Where the training page finds the learner's passing code in this browser: the newest passing
 * run of each piece wins, failing runs and other exercises never count, and runs waiting in the
 * outbox count only for the learner they belong to.
 */
import { describe, expect, it } from "@jest/globals";
import { OUTBOX_KEY, RUNS_KEY, type KeyValueStorage } from "@/components/exercise/local-store";
import { localPassingCode, mergeFound } from "./learner-pieces";

function storage(values: Record<string, unknown>): KeyValueStorage {
  const data = new Map(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)]));
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const run = (exerciseId: string, code: string, passed: boolean, createdAt: number) => ({
  exerciseId, code, passed, createdAt, clientRunId: `${exerciseId}-${createdAt}`, testsPassed: passed ? 3 : 1, testsTotal: 3, results: [], durationMs: 5,
});

describe("localPassingCode", () => {
  it("takes each piece's newest passing run and ignores failures and other exercises", () => {
    const found = localPassingCode(
      storage({
        [RUNS_KEY]: [run("softmax", "// first pass", true, 1), run("softmax", "// second pass", true, 5), run("softmax", "// broken later", false, 9), run("bpe-tokenizer", "// not a piece", true, 3), run("layer-norm", "// failing", false, 4)],
      }),
      null,
    );
    expect(found).toEqual({ softmax: { code: "// second pass", passedAt: 5, from: "this browser" } });
  });

  it("counts outbox runs for the signed-in learner only", () => {
    const attempt = (code: string, createdAt: number) => ({ ...run("gpt-block", code, true, createdAt), exerciseId: undefined });
    const values = { [OUTBOX_KEY]: [{ userId: "me", exerciseId: "gpt-block", attempt: attempt("// mine", 7) }, { userId: "someone-else", exerciseId: "lm-loss", attempt: attempt("// theirs", 8) }] };
    expect(localPassingCode(storage(values), "me")).toEqual({ "gpt-block": { code: "// mine", passedAt: 7, from: "this browser" } });
    expect(localPassingCode(storage(values), null)).toEqual({});
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
