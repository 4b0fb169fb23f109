/** An anonymous learner's "@academy/provided" sources: this browser's newest passing run of each earlier exercise. */
import { describe, expect, it } from "@jest/globals";
import { latestPassingSources as localPassingSources, type StoredRun } from "@/lib/learner-state/exercises";
import { KEYS } from "@/lib/learner-state/storage";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { collectProvidedSources } from "./provided-sources";

function storageWith(runs: Partial<StoredRun>[]) {
  const storage = new MemoryStorage();
  storage.setItem(KEYS.exerciseRuns, JSON.stringify(runs.map((r, i) => ({ clientRunId: `run-${i}`, ...r }))));
  return storage;
}

describe("provided sources from this browser", () => {
  const runs: Partial<StoredRun>[] = [
    { exerciseId: "layer-norm", code: "// first pass", passed: true },
    { exerciseId: "layer-norm", code: "// newer pass", passed: true },
    { exerciseId: "layer-norm", code: "// broken after", passed: false },
    { exerciseId: "feed-forward", code: "// failing", passed: false },
    { exerciseId: "softmax", code: "// unrelated pass", passed: true },
  ];

  it("keeps the newest passing run of each exercise asked for, and nothing else", () => {
    expect(localPassingSources(storageWith(runs), ["layer-norm", "feed-forward", "multi-head-attention"])).toEqual({ "layer-norm": "// newer pass" });
    expect(localPassingSources(null, ["layer-norm"])).toEqual({});
  });

  it("an anonymous learner's encoder block gets only their own passes; an exercise without pieces gets none", async () => {
    const storage = storageWith(runs);
    expect(await collectProvidedSources({ exerciseId: "encoder-block", signedIn: false, storage })).toEqual({ "layer-norm": "// newer pass" });
    expect(await collectProvidedSources({ exerciseId: "softmax", signedIn: false, storage })).toBeUndefined();
  });
});
