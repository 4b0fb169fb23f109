import { describe, expect, it } from "@jest/globals";
import { recordedResultWords } from "../grading/recorded-words";
import { zh } from "../grading/messages/zh";
import { inWordsOf, type RunStatusView } from "./run-status";

const view = (results: RunStatusView["results"]): RunStatusView => ({
  status: "verified_fail",
  testsPassed: 0,
  testsTotal: results.length,
  results,
  message: null,
  verifiedAt: null,
  claimedPassed: false,
  claimedTestsPassed: 0,
  disagrees: false,
  progress: { completed: false, bestPassed: 0, testsTotal: results.length } as RunStatusView["progress"],
});

describe("a server check worded for a Chinese page", () => {
  it("gives the exercise's Chinese test names and keeps what it cannot word as recorded", async () => {
    const words = await recordedResultWords("softmax", "zh");
    const worded = inWordsOf(
      view([
        { name: "turns [1, 2, 3] into the probabilities [0.0900, 0.2447, 0.6652]", status: "fail", message: "my own thrown text" },
        { name: "a test the translation does not know", status: "pass" },
        { name: "works on the last axis of a 3-D tensor", status: "fail", message: "undefined (did you forget to return the result?)" },
      ]),
      words,
    );
    expect(worded.results.map((r) => r.name)).toEqual(["把 [1, 2, 3] 变成概率 [0.0900, 0.2447, 0.6652]", "a test the translation does not know", "对三维张量沿最后一个轴计算"]);
    expect(worded.results[0].message).toBe("my own thrown text");
    expect(worded.results[1].message).toBeUndefined();
    expect(worded.results[2].message).toBe(zh["kind.undefined"]);
    expect(worded.testsTotal).toBe(3);
  });
});
