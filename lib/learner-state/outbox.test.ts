/**
 * One outbox for a signed-in learner's unconfirmed writes (lesson reports and exercise runs), one
 * retry policy: what is kept, what is sent, what is dropped with a note, and that a write the
 * server keeps failing on never blocks the ones behind it.
 */
import { describe, expect, it } from "@jest/globals";
import { MemoryStorage } from "@/tests/support/memory-storage";
import type { RunAttempt } from "./outbox";
import { addLessonReport, addRun, deliveryOutcome, hasPendingPass, MAX_SERVER_FAILURES, outboxLessons, outboxRuns, readDroppedNotes, readOutbox } from "./outbox";
import { buildMergeRequests } from "./merge";
import { flushRuns, sendRun } from "./send-runs";
import { KEYS } from "./storage";

const run = (clientRunId: string, passed = false): RunAttempt => ({
  clientRunId,
  code: `// ${clientRunId}`,
  passed,
  testsPassed: passed ? 1 : 0,
  testsTotal: 1,
  results: [{ name: "t", status: passed ? "pass" : "fail" }],
  durationMs: 1,
  createdAt: Date.UTC(2026, 11, 3, 10, 0),
});
const progress = { attempts: 1, bestPassed: 1, testsTotal: 1, completed: true };

/** A fake fetch answering with the given statuses in turn ("offline" = a network error). */
function server(...answers: (number | "offline")[]) {
  const sent: { url: string; body: { clientRunId: string }; keepalive?: boolean }[] = [];
  const fetcher = async (url: string, init: RequestInit) => {
    const answer = answers.shift() ?? 201;
    if (answer === "offline") throw new TypeError("Failed to fetch");
    sent.push({ url, body: JSON.parse(init.body as string), keepalive: init.keepalive });
    return { ok: answer < 300, status: answer, json: async () => (answer < 300 ? { progress } : { error: `refused with ${answer}` }) };
  };
  return { sent, fetcher, ids: () => sent.map((s) => s.body.clientRunId) };
}
const waiting = (storage: MemoryStorage, userId = "u1") => outboxRuns(readOutbox(storage, userId)).map((e) => e.attempt.clientRunId);

describe("the retry policy", () => {
  it("sends on 2xx; waits when offline, signed out, timed out or rate-limited; counts server errors; gives up on other refusals", () => {
    expect([200, 201, 204].map(deliveryOutcome)).toEqual(["sent", "sent", "sent"]);
    expect(["unreachable" as const, 401, 408, 429].map(deliveryOutcome)).toEqual(["later", "later", "later", "later"]);
    expect([500, 502, 503].map(deliveryOutcome)).toEqual(["failed", "failed", "failed"]);
    expect([400, 403, 404, 413, 415, 422].map(deliveryOutcome)).toEqual(["rejected", "rejected", "rejected", "rejected", "rejected", "rejected"]);
  });
});

describe("sending runs through the outbox", () => {
  it("keeps the run until the server confirms it, then forgets it", async () => {
    const storage = new MemoryStorage();
    const { sent, fetcher } = server(201);
    expect(await sendRun(storage, "u1", "softmax", run("a"), fetcher)).toEqual({ kind: "recorded", progress });
    expect(sent).toEqual([{ url: "/api/exercises/softmax/attempts", body: run("a"), keepalive: true }]);
    expect(waiting(storage)).toEqual([]);
  });

  it("keeps the run when offline, on a server error or a lost session; drops one refused for good, with a note", async () => {
    const storage = new MemoryStorage();
    expect(await sendRun(storage, "u1", "softmax", run("offline"), server("offline").fetcher)).toEqual({ kind: "kept", why: "later" });
    expect(await sendRun(storage, "u1", "softmax", run("5xx"), server(503).fetcher)).toEqual({ kind: "kept", why: "failed" });
    expect(await sendRun(storage, "u1", "softmax", run("401"), server(401).fetcher)).toEqual({ kind: "kept", why: "later" });
    expect(await sendRun(storage, "u1", "softmax", run("422"), server(422).fetcher)).toEqual({ kind: "rejected", status: 422, message: "refused with 422" });
    expect(waiting(storage)).toEqual(["offline", "5xx", "401"]);
    expect(readDroppedNotes(storage, "u1")).toEqual([
      {
        what: "A test run of “softmax” (2026-12-03 10:00 UTC)",
        reason: "refused with 422",
        at: expect.any(Number),
        // The same as data, for a page in another language to word.
        subject: { kind: "run", id: "softmax", when: Date.parse("2026-12-03T10:00:00Z") },
        failure: { status: 422 },
      },
    ]);
  });

  it("a run the server keeps failing on does not block the runs behind it, and is dropped after the last try", async () => {
    const storage = new MemoryStorage();
    for (const id of ["bad", "b", "c"]) await sendRun(storage, "u1", "softmax", run(id), server("offline").fetcher);
    for (let attempt = 1; attempt < MAX_SERVER_FAILURES; attempt++) {
      const flaky = server(500, "offline");
      expect(await flushRuns(storage, "u1", flaky.fetcher)).toBe(0);
      expect(flaky.ids()).toEqual(["bad"]); // the 500 did not stop the flush: the network error after it did
      expect(waiting(storage)).toEqual(["bad", "b", "c"]);
    }
    const last = server(500);
    expect(await flushRuns(storage, "u1", last.fetcher)).toBe(2);
    expect(last.ids()).toEqual(["bad", "b", "c"]);
    expect(waiting(storage)).toEqual([]);
    expect(readDroppedNotes(storage, "u1").map((n) => n.reason)).toEqual([`refused with 500 (the server failed ${MAX_SERVER_FAILURES} times)`]);
    expect(readDroppedNotes(storage, "u1").map((n) => n.failure)).toEqual([{ status: 500, failures: MAX_SERVER_FAILURES }]);
  });

  it("later sends what is left for the same learner only, oldest first, and stops while still offline", async () => {
    const storage = new MemoryStorage();
    for (const [id, user] of [["a", "u1"], ["b", "u2"], ["c", "u1"], ["d", "u1"]]) await sendRun(storage, user, "softmax", run(id), server("offline").fetcher);
    const stillOffline = server(201, "offline");
    expect(await flushRuns(storage, "u1", stillOffline.fetcher)).toBe(1);
    expect(stillOffline.ids()).toEqual(["a"]);
    const online = server();
    expect(await flushRuns(storage, "u1", online.fetcher)).toBe(2);
    expect(online.ids()).toEqual(["c", "d"]);
    expect(waiting(storage, "u1")).toEqual([]);
    expect(waiting(storage, "u2")).toEqual(["b"]);
  });

  it("sends a large run without keepalive (browsers cap keepalive bodies at 64 KiB)", async () => {
    const { sent, fetcher } = server(201);
    await sendRun(new MemoryStorage(), "u1", "softmax", { ...run("big"), code: "x".repeat(70 * 1024) }, fetcher);
    expect(sent[0].keepalive).toBe(false);
  });

  it("counts a pass still waiting for the server as the learner's own", () => {
    const storage = new MemoryStorage();
    addRun(storage, "u1", "softmax", run("p", true));
    expect(hasPendingPass(storage, "u1", "softmax")).toBe(true);
    expect(hasPendingPass(storage, "u2", "softmax")).toBe(false);
    expect(hasPendingPass(storage, "u1", "causal-mask")).toBe(false);
  });
});

describe("one outbox for every kind of write", () => {
  it("holds lesson reports and runs side by side; the merge sends the lesson reports", () => {
    const storage = new MemoryStorage();
    addRun(storage, "u1", "softmax", run("r1"));
    addLessonReport(storage, "u1", { slug: "self-attention", status: "in-progress", updatedAt: 10 });
    expect(readOutbox(storage, "u1").map((e) => e.kind)).toEqual(["run", "lesson"]);
    expect(buildMergeRequests(storage, { userId: "u1" })[0].lessons).toEqual([{ slug: "self-attention", status: "in-progress", updatedAt: 10 }]);
    expect(buildMergeRequests(storage, { userId: "u1" })[0].exerciseRuns).toEqual([]); // runs go to their own endpoint
  });

  it("reads what older versions of the site left behind: bare lesson reports and the shared run outbox", () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.outbox("u1"), JSON.stringify([{ slug: "what-is-ai", status: "complete", updatedAt: 5 }]));
    storage.setItem(KEYS.legacyRunOutbox, JSON.stringify([{ userId: "u1", exerciseId: "softmax", attempt: run("old") }, { userId: "u2", exerciseId: "softmax", attempt: run("theirs") }]));
    expect(outboxLessons(readOutbox(storage, "u1"))).toEqual([{ slug: "what-is-ai", status: "complete", updatedAt: 5 }]);
    expect(waiting(storage, "u1")).toEqual(["old"]);
    // Moved, not copied: the other learner's run stays in the old list until they are signed in.
    expect(JSON.parse(storage.getItem(KEYS.legacyRunOutbox)!)).toEqual([{ userId: "u2", exerciseId: "softmax", attempt: run("theirs") }]);
    expect(waiting(storage, "u2")).toEqual(["theirs"]);
    expect(storage.getItem(KEYS.legacyRunOutbox)).toBeNull();
  });

  it("reads back a stored note's data only when it is well formed (a hand-edited or older note keeps its English words)", () => {
    const storage = new MemoryStorage();
    const english = { what: "A test run of “softmax” (2026-12-03 10:00 UTC)", reason: "refused with 422", at: 1 };
    storage.setItem(
      KEYS.outboxNotes("u1"),
      JSON.stringify([
        { ...english, subject: { kind: "run", id: "softmax", when: "yesterday" }, failure: { status: "422" } },
        { ...english, subject: { kind: "quiz", id: "q", when: 5 }, failure: { status: 500, failures: "3" } },
        { ...english, subject: { kind: "lesson", id: "rlhf", when: 5 }, failure: { status: 500, failures: 3 } },
        { what: "no reason", at: 1 },
      ]),
    );
    expect(readDroppedNotes(storage, "u1")).toEqual([
      english,
      { ...english, failure: { status: 500 } },
      { ...english, subject: { kind: "lesson", id: "rlhf", when: 5 }, failure: { status: 500, failures: 3 } },
    ]);
  });
});
