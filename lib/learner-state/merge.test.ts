import { describe, expect, it } from "@jest/globals";
import { MemoryStorage as FakeStorage } from "@/tests/support/memory-storage";
import { readLocalLessons, updateLocalLesson } from "./lessons";
import { BATCH_LIMITS, buildMergeRequests, clearMerged, hasLocalProgress, type MergeResponse } from "./merge";
import { addLessonReport as addToOutbox, outboxLessons, readOutbox as readEntries } from "./outbox";
import { localSnapshot } from "./snapshot";
import { KEYS } from "./storage";

const readOutbox = (s: FakeStorage, userId: string) => outboxLessons(readEntries(s, userId));
const outboxKey = KEYS.outbox;

let ids = 0;
const newId = () => `local-test-${++ids}`;
const outcome = (merged: string[] = [], rejected: { key: string; reason: string }[] = []) => ({ merged, rejected, kept: [] });
const response = (parts: Partial<MergeResponse>): MergeResponse => ({
  lessons: outcome(),
  exerciseRuns: outcome(),
  drafts: outcome(),
  quizAttempts: outcome(),
  track: null,
  ...parts,
});

describe("anonymous lesson progress", () => {
  it("records visits, sections, completion (the first time only) and reading time", () => {
    const s = new FakeStorage();
    updateLocalLesson(s, "what-is-ai", {}, 1000, newId);
    updateLocalLesson(s, "what-is-ai", { section: "a-definition", addSeconds: 30 }, 2000, newId);
    updateLocalLesson(s, "what-is-ai", { complete: true, addSeconds: 12 }, 3000, newId);
    updateLocalLesson(s, "what-is-ai", { complete: true, section: "recap-heading" }, 4000, newId);
    const [record] = Object.values(readLocalLessons(s));
    expect(record).toEqual({
      status: "complete",
      startedAt: 1000,
      completedAt: 3000,
      updatedAt: 4000,
      section: "recap-heading",
      visitId: expect.stringMatching(/^local-test-\d+$/),
      seconds: 42,
    });
  });

  it("drops malformed records instead of failing (old formats, hand edits)", () => {
    const s = new FakeStorage();
    s.setItem(
      "academy:lessons",
      JSON.stringify({
        "what-is-ai": { status: "complete", updatedAt: 5, completedAt: 5 },
        "Bad Slug": { status: "complete", updatedAt: 5 },
        "no-time": { status: "complete" },
        "odd-status": { status: "done", updatedAt: 5 },
        "bad-section": { status: "in-progress", updatedAt: 5, section: "<script>" },
      }),
    );
    expect(readLocalLessons(s)).toEqual({
      "what-is-ai": { status: "complete", updatedAt: 5, completedAt: 5 },
      "bad-section": { status: "in-progress", updatedAt: 5 },
    });
    s.setItem("academy:lessons", "{not json");
    expect(readLocalLessons(s)).toEqual({});
  });

  it("keeps working when storage is full", () => {
    const s = new FakeStorage();
    s.failWrites = true;
    expect(() => updateLocalLesson(s, "what-is-ai", { complete: true }, 1, newId)).not.toThrow();
  });
});

describe("merge requests", () => {
  function seeded() {
    const s = new FakeStorage();
    updateLocalLesson(s, "what-is-ai", { complete: true, addSeconds: 60 }, 1000, newId);
    updateLocalLesson(s, "self-attention", { section: "scaling" }, 2000, newId);
    s.setItem("academy:exercise-runs", JSON.stringify([{ exerciseId: "softmax", clientRunId: "run-1", passed: true }, { junk: true }]));
    s.setItem("academy:quiz-attempts", JSON.stringify([{ quizId: "foundations-quiz", clientAttemptId: "attempt-0001", seed: 1, answers: {}, createdAt: 5, score: 1, maxScore: 12 }]));
    s.setItem("academy:exercise:softmax:code", JSON.stringify({ code: "let x = 1;", updatedAt: 3000 }));
    s.setItem("academy:exercise:softmax:state", JSON.stringify({ hintsRevealed: 1 }));
    s.setItem("academy:track", "CONCEPT");
    s.setItem("theme", "dark");
    return s;
  }

  it("gathers every kind of local progress into one request, with the track to adopt", () => {
    const s = seeded();
    expect(hasLocalProgress(s)).toBe(true);
    const [request, ...more] = buildMergeRequests(s, { userId: "u1", adoptTrack: "CONCEPT" });
    expect(more).toEqual([]);
    expect(request.lessons).toEqual([
      { slug: "what-is-ai", status: "complete", startedAt: 1000, completedAt: 1000, updatedAt: 1000, time: { visitId: expect.any(String), seconds: 60 } },
      { slug: "self-attention", status: "in-progress", section: "scaling", startedAt: 2000, updatedAt: 2000 },
    ]);
    expect(request.exerciseRuns).toEqual([{ exerciseId: "softmax", clientRunId: "run-1", passed: true }]);
    expect(request.drafts).toEqual([{ exerciseId: "softmax", code: "let x = 1;", updatedAt: 3000 }]);
    expect(request.quizAttempts.map((a) => a.clientAttemptId)).toEqual(["attempt-0001"]);
    expect(request.adoptTrack).toBe("CONCEPT");
  });

  it("splits large local data to fit the server's limits", () => {
    const s = new FakeStorage();
    const code = "x".repeat(600_000);
    s.setItem("academy:exercise-runs", JSON.stringify(Array.from({ length: 7 }, (_, i) => ({ exerciseId: "softmax", clientRunId: `run-${i}`, code }))));
    const requests = buildMergeRequests(s, { userId: "u1" });
    expect(requests.map((r) => r.exerciseRuns.length)).toEqual([2, 2, 2, 1]);
    for (const r of requests) expect(JSON.stringify(r).length).toBeLessThanOrEqual(BATCH_LIMITS.bytes);

    const many = new FakeStorage();
    many.setItem("academy:exercise-runs", JSON.stringify(Array.from({ length: 120 }, (_, i) => ({ exerciseId: "softmax", clientRunId: `run-${i}` }))));
    expect(buildMergeRequests(many, { userId: "u1" }).map((r) => r.exerciseRuns.length)).toEqual([50, 50, 20]);
  });

  it("after the server confirms, clears exactly what was merged or rejected, and nothing that changed meanwhile", () => {
    const s = seeded();
    const [sent] = buildMergeRequests(s, { userId: "u1" });
    // Meanwhile, in another tab: self-attention is read on, a new run and new code.
    updateLocalLesson(s, "self-attention", { section: "masks" }, 9000, newId);
    const runs = JSON.parse(s.getItem("academy:exercise-runs")!);
    s.setItem("academy:exercise-runs", JSON.stringify([...runs, { exerciseId: "softmax", clientRunId: "run-2" }]));
    s.setItem("academy:exercise:softmax:code", JSON.stringify({ code: "let x = 2;", updatedAt: 9500 }));

    clearMerged(
      s,
      "u1",
      sent,
      response({
        lessons: outcome(["what-is-ai", "self-attention"]),
        exerciseRuns: outcome(["run-1"]),
        drafts: outcome(["softmax"]),
        quizAttempts: outcome([], [{ key: "attempt-0001", reason: "There is no quiz." }]),
      }),
    );
    expect(Object.keys(readLocalLessons(s))).toEqual(["self-attention"]);
    expect(JSON.parse(s.getItem("academy:exercise-runs")!)).toEqual([{ exerciseId: "softmax", clientRunId: "run-2" }]);
    expect(JSON.parse(s.getItem("academy:exercise:softmax:code")!)).toEqual({ code: "let x = 2;", updatedAt: 9500 });
    expect(s.getItem("academy:quiz-attempts")).toBeNull();
    // Settings stay.
    expect(s.getItem("academy:track")).toBe("CONCEPT");
    expect(s.getItem("theme")).toBe("dark");
  });

  it("keeps what the server did not handle (kept) and everything when nothing was confirmed", () => {
    const s = seeded();
    const [sent] = buildMergeRequests(s, { userId: "u1" });
    clearMerged(s, "u1", sent, response({ quizAttempts: { merged: [], rejected: [], kept: ["attempt-0001"] } }));
    expect(JSON.parse(s.getItem("academy:quiz-attempts")!)).toHaveLength(1);
    expect(Object.keys(readLocalLessons(s))).toHaveLength(2);
    clearMerged(
      s,
      "u1",
      sent,
      response({ lessons: outcome(["what-is-ai", "self-attention"]), exerciseRuns: outcome(["run-1"]), drafts: outcome(["softmax"]), quizAttempts: outcome(["attempt-0001"]) }),
    );
    expect(s.keys()).toEqual(["academy:exercise:softmax:state", "academy:track", "theme"]);
    expect(hasLocalProgress(s)).toBe(false);
  });
});

describe("the outbox of a signed-in learner", () => {
  it("folds failed reports of a lesson and visit together, and is merged and cleared like local progress", () => {
    const s = new FakeStorage();
    addToOutbox(s, "u1", { slug: "self-attention", status: "in-progress", section: "a", updatedAt: 10, time: { visitId: "visit-aaaa1", seconds: 30 } });
    addToOutbox(s, "u1", { slug: "self-attention", status: "complete", completedAt: 20, section: "b", updatedAt: 20, time: { visitId: "visit-aaaa1", seconds: 45 } });
    addToOutbox(s, "u1", { slug: "self-attention", status: "in-progress", updatedAt: 30, time: { visitId: "visit-bbbb2", seconds: 5 } });
    addToOutbox(s, "u2", { slug: "what-is-ai", status: "complete", updatedAt: 30 });
    expect(readOutbox(s, "u1")).toEqual([
      { slug: "self-attention", status: "complete", completedAt: 20, section: "b", updatedAt: 20, time: { visitId: "visit-aaaa1", seconds: 45 } },
      { slug: "self-attention", status: "in-progress", updatedAt: 30, time: { visitId: "visit-bbbb2", seconds: 5 } },
    ]);
    // Only the signed-in learner's own outbox goes into their merge.
    const [request] = buildMergeRequests(s, { userId: "u1" });
    expect(request.lessons).toHaveLength(2);
    clearMerged(s, "u1", request, response({ lessons: outcome(["self-attention"]) }));
    expect(s.getItem(outboxKey("u1"))).toBeNull();
    expect(readOutbox(s, "u2")).toHaveLength(1);
    expect(hasLocalProgress(s, "u1")).toBe(false);
  });
});

describe("localSnapshot", () => {
  it("turns local progress into the dashboard's snapshot: runs per exercise, best and latest per quiz", () => {
    const s = new FakeStorage();
    updateLocalLesson(s, "what-is-ai", { complete: true, addSeconds: 90 }, 1000, newId);
    s.setItem(
      "academy:exercise-runs",
      JSON.stringify([
        { exerciseId: "softmax", clientRunId: "r2", passed: true, testsPassed: 12, testsTotal: 12, createdAt: 200 },
        { exerciseId: "softmax", clientRunId: "r1", passed: false, testsPassed: 9, testsTotal: 12, createdAt: 100 },
        { exerciseId: "softmax", clientRunId: "r3", passed: false, testsPassed: 3, testsTotal: 12, createdAt: 300 },
      ]),
    );
    s.setItem(
      "academy:quiz-attempts",
      JSON.stringify([
        { quizId: "foundations-quiz", clientAttemptId: "a1", seed: 1, answers: {}, createdAt: 10, score: 6, maxScore: 12 },
        { quizId: "foundations-quiz", clientAttemptId: "a2", seed: 1, answers: {}, createdAt: 20, score: 9, maxScore: 12 },
        { quizId: "foundations-quiz", clientAttemptId: "a3", seed: 1, answers: {}, createdAt: 30, score: 4, maxScore: 12 },
      ]),
    );
    s.setItem("academy:track", "CONCEPT");
    const snapshot = localSnapshot(s);
    expect(snapshot.track).toBe("CONCEPT");
    expect(snapshot.lessons).toEqual([{ slug: "what-is-ai", status: "complete", section: null, timeSpentSeconds: 90, startedAt: 1000, completedAt: 1000, updatedAt: 1000 }]);
    expect(snapshot.exercises).toEqual([{ id: "softmax", attempts: 3, bestPassed: 12, testsTotal: 12, passedAt: 200, lastAttemptAt: 300 }]);
    expect(snapshot.quizzes).toEqual([
      { id: "foundations-quiz", attempts: 3, best: { score: 9, maxScore: 12, at: 20 }, latest: { score: 4, maxScore: 12, at: 30 } },
    ]);
    expect(snapshot.events).toHaveLength(6);
  });
});
