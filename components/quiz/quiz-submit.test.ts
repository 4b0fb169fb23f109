import { describe, expect, it } from "@jest/globals";
import { gradeQuiz } from "@/lib/quiz/grade";
import { sampleQuiz } from "@/tests/support/sample-quiz";
import { newAttemptId, submitAttempt } from "./quiz-submit";

/** A fake fetch that records its calls and answers with `status` and `body`. */
function fakeFetch(status: number, body: unknown, opts: { throws?: boolean; notJson?: boolean } = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (opts.throws) throw new TypeError("Failed to fetch");
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => {
        if (opts.notJson) throw new SyntaxError("Unexpected token <");
        return body;
      },
    } as Response;
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe("submitAttempt", () => {
  const body = { answers: { s1: "enc" }, seed: 3, clientAttemptId: "abc123" };
  const graded = { ...gradeQuiz(sampleQuiz(), { s1: "enc" }), best: { score: 4, maxScore: 7 }, latest: { score: 1, maxScore: 7 } };

  it("POSTs JSON { answers, seed, clientAttemptId } to /api/quizzes/<quizId>/attempts", async () => {
    const f = fakeFetch(200, graded);
    const outcome = await submitAttempt("sample-quiz", body, f.impl);
    expect(outcome).toEqual({ ok: true, response: graded });
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].url).toBe("/api/quizzes/sample-quiz/attempts");
    expect(f.calls[0].init.method).toBe("POST");
    expect((f.calls[0].init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    expect(JSON.parse(f.calls[0].init.body as string)).toEqual(body);
  });

  it("shows the server's own message for a 4xx reply", async () => {
    const outcome = await submitAttempt("sample-quiz", body, fakeFetch(422, { error: 'question s1 has no option "x"' }).impl);
    expect(outcome).toEqual({ ok: false, message: 'Your answers could not be graded: question s1 has no option "x"' });
  });

  it("asks the learner to sign in on 401", async () => {
    const outcome = await submitAttempt("sample-quiz", body, fakeFetch(401, {}).impl);
    expect(outcome).toEqual({ ok: false, message: "Please sign in to submit this quiz. Your answers are still here." });
  });

  it("explains a server error, even when the body is not JSON", async () => {
    const outcome = await submitAttempt("sample-quiz", body, fakeFetch(502, null, { notJson: true }).impl);
    expect(outcome).toEqual({ ok: false, message: "The server could not save your answers (error 502). Your answers are still here: try again." });
  });

  it("explains a network failure", async () => {
    const outcome = await submitAttempt("sample-quiz", body, fakeFetch(0, null, { throws: true }).impl);
    expect(outcome).toEqual({ ok: false, message: "Could not reach the server. Check your connection. Your answers are still here: try again." });
  });

  it("rejects a 200 reply that lacks the result fields", async () => {
    const { best: _best, ...withoutBest } = graded;
    const outcome = await submitAttempt("sample-quiz", body, fakeFetch(200, withoutBest).impl);
    expect(outcome.ok).toBe(false);
  });
});

describe("newAttemptId", () => {
  it("is 32 hex characters and different each time", () => {
    const a = newAttemptId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newAttemptId()).not.toBe(a);
  });
});
