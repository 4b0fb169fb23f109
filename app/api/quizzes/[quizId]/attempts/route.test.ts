/**
 * The quiz attempts route, called as Next calls it, against a real database; only the session
 * is replaced by a test double. Checks what a client gets back: the graded result with best and
 * latest (anonymous: graded, not stored), idempotent retries, and a clear 4xx for every bad request.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import type { SessionUser } from "@/lib/auth/session";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);

const { t, routes } = setUpRouteTest(async () => ({ attempts: await import("./route") }));

async function makeUser(name: string): Promise<SessionUser> {
  const user = await t.db.user.create({ data: { name, email: `${name.toLowerCase()}-${randomBytes(6).toString("hex")}@example.test` } });
  return { id: user.id, name: user.name, email: user.email, role: "LEARNER" };
}

const QUIZ = "training-quiz";
/** Two right (stage-order, kl-penalty), one wrong (base-model), the other nine unanswered: 2 / 12. */
const ANSWERS = { "stage-order": ["pretrain", "sft", "reward", "rl"], "kl-penalty": true, "base-model": "reward" };
/** Three right: 3 / 12. */
const BETTER = { ...ANSWERS, "base-model": "continues" };

const attemptId = () => randomBytes(16).toString("hex");
const body = (overrides: Record<string, unknown> = {}) => ({ answers: ANSWERS, seed: 99, clientAttemptId: attemptId(), ...overrides });
const post = (payload: unknown, quizId = QUIZ, init: RequestInit = {}) =>
  routes.attempts.POST(
    new Request(`http://localhost/api/quizzes/${quizId}/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
      ...init,
    }),
    { params: Promise.resolve({ quizId }) },
  );
const get = (quizId = QUIZ) => routes.attempts.GET(new Request(`http://localhost/api/quizzes/${quizId}/attempts`), { params: Promise.resolve({ quizId }) });
const read = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("POST, anonymous", () => {
  it("grades on the server, stores nothing, says the browser keeps the attempt, and holds back the key of a failed attempt", async () => {
    const before = await t.db.quizAttempt.count();
    const response = await post(body());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const json = await read(response);
    expect(json).toMatchObject({ quizId: QUIZ, score: 2, maxScore: 12, percent: 16.7, passed: false, savedTo: "browser" });
    expect(json.best).toMatchObject({ score: 2, maxScore: 12 });
    expect(json.latest).toEqual(json.best);
    // Right answers keep their explanation; the wrong one says only what was given.
    const results = json.results as { questionId: string; correct: boolean; correctAnswer?: unknown; explanation?: string; withheld?: boolean }[];
    expect(results.find((r) => r.questionId === "base-model")).toEqual({
      questionId: "base-model",
      type: "single",
      correct: false,
      credit: 0,
      section: expect.any(String),
      given: "reward",
      givenText: expect.any(String),
      withheld: true,
    });
    expect(results.find((r) => r.questionId === "kl-penalty")).toMatchObject({ correct: true, correctAnswer: true, explanation: expect.any(String) });
    expect(json.review).toEqual({ answersShown: false, message: "The correct answers are shown once you pass." });
    expect(await t.db.quizAttempt.count()).toBe(before);
  });
});

describe("POST, signed in", () => {
  it("stores the attempt (201), answers a retry with the same result (200) and a changed retry with 409", async () => {
    const ann = await makeUser("Ann");
    session.user = ann;
    const first = body();
    const created = await post(first);
    expect(created.status).toBe(201);
    const a = await read(created);
    expect(a).toMatchObject({ score: 2, maxScore: 12, savedTo: "account", recorded: true, best: { score: 2 }, latest: { score: 2 } });

    const retried = await post(first);
    expect(retried.status).toBe(200);
    const b = await read(retried);
    expect({ ...b, recorded: true }).toEqual(a);

    const changed = await post({ ...first, answers: BETTER });
    expect(changed.status).toBe(409);
    expect(await read(changed)).toMatchObject({ error: "This attempt was already submitted with different answers. Retake the quiz to submit new answers." });

    const better = await read(await post(body({ answers: BETTER })));
    expect(better).toMatchObject({ score: 3, best: { score: 3 }, latest: { score: 3 } });
    const worse = await read(await post(body({ answers: {} })));
    expect(worse).toMatchObject({ score: 0, best: { score: 3 }, latest: { score: 0 } });
    expect(await t.db.quizAttempt.count({ where: { userId: ann.id } })).toBe(3);
  });
});

describe("GET", () => {
  it("needs a signed-in learner", async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect(await read(response)).toMatchObject({ error: "Please sign in to do this." });
  });

  it("lists the learner's own attempts, newest first, with best and latest; never anyone else's", async () => {
    const [ann, ben] = [await makeUser("Ann"), await makeUser("Ben")];
    session.user = ann;
    await post(body({ answers: BETTER }));
    await new Promise((r) => setTimeout(r, 5));
    await post(body());
    session.user = ben;
    expect(await read(await get())).toEqual({ quizId: QUIZ, passPercent: 70, count: 0, attempts: [], best: null, latest: null });
    await post(body({ answers: {} }));
    const benView = await read(await get());
    expect(benView).toMatchObject({ count: 1, attempts: [{ score: 0, maxScore: 12 }], best: { score: 0 }, latest: { score: 0 } });

    session.user = ann;
    const annView = await read(await get());
    expect(annView).toMatchObject({ quizId: QUIZ, count: 2, best: { score: 3, maxScore: 12 }, latest: { score: 2, maxScore: 12 } });
    const attempts = annView.attempts as { score: number; maxScore: number; createdAt: string }[];
    expect(attempts.map((x) => x.score)).toEqual([2, 3]);
    expect(Object.keys(attempts[0]).sort()).toEqual(["createdAt", "maxScore", "score"]);
    expect(Date.parse(attempts[0].createdAt)).toBeGreaterThan(Date.parse(attempts[1].createdAt));
    // Nothing of another learner's: no ids, no answers.
    expect(JSON.stringify(annView)).not.toContain(ben.id);
  });

  it("answers 404 for an unknown quiz", async () => {
    session.user = await makeUser("Cat");
    const response = await get("no-such-quiz");
    expect(response.status).toBe(404);
    expect(await read(response)).toMatchObject({ error: 'There is no quiz "no-such-quiz".' });
  });
});

describe("bad requests get a clear 4xx and store nothing", () => {
  it("unknown quiz -> 404", async () => {
    const response = await post(body(), "no-such-quiz");
    expect(response.status).toBe(404);
    expect(await read(response)).toMatchObject({ error: 'There is no quiz "no-such-quiz".' });
  });

  it("not JSON -> 400, wrong content type -> 415, over 32 KB -> 413", async () => {
    const notJson = await post("{answers:");
    expect(notJson.status).toBe(400);
    expect(await read(notJson)).toMatchObject({ error: "The request body is not valid JSON." });

    const form = await post(body(), QUIZ, { headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect((await read(form)).error).toMatch(/content-type: application\/json/);

    const big = await post(body({ answers: { "credit-per-token": "x".repeat(33 * 1024) } }));
    expect(big.status).toBe(413);
    expect(await read(big)).toMatchObject({ error: "The request is too large (limit 32 KiB)." });
  });

  it("malformed submissions -> 422 with the message", async () => {
    const user = await makeUser("Dee");
    const cases: [unknown, string][] = [
      [[1, 2], "The request body must be a JSON object with answers, seed and clientAttemptId."],
      [body({ score: 12 }), 'unknown field "score": send only answers, seed and clientAttemptId (the server grades the answers itself)'],
      [body({ createdAt: 0, percent: 100 }), 'unknown fields "createdAt", "percent": send only answers, seed and clientAttemptId (the server grades the answers itself)'],
      [body({ seed: -3 }), "seed must be a whole number from 0 to 2147483647"],
      [body({ seed: 2.5 }), "seed must be a whole number from 0 to 2147483647"],
      [body({ seed: undefined }), "seed is missing"],
      [body({ clientAttemptId: 7 }), 'clientAttemptId must be 8-100 letters, digits, "-" or "_"'],
      [body({ answers: "all of them" }), "answers must be an object mapping question ids to answers"],
      [body({ answers: { q99: "a" } }), 'quiz "training-quiz" has no question "q99"'],
      [body({ answers: { "pretraining-facts": "expensive" } }), "question pretraining-facts: the answer must be a list of option ids"],
      [body({ answers: { "stage-signals": { sft: "images", nobody: "rankings" } } }), 'question stage-signals has no left item "nobody"'],
      [body({ answers: { "credit-per-token": "x".repeat(501) } }), "question credit-per-token: the answer must be text of at most 500 characters"],
    ];
    for (const signedIn of [false, true]) {
      session.user = signedIn ? user : null;
      for (const [payload, message] of cases) {
        const response = await post(payload);
        expect({ signedIn, payload, status: response.status, body: await read(response) }).toEqual({ signedIn, payload, status: 422, body: { error: message } });
      }
    }
    expect(await t.db.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });
});

/** Every question's key, read from a graded blank attempt on the server side (gradeSubmission). */
async function keyAnswers(quizId = QUIZ): Promise<Record<string, unknown>> {
  const { gradeSubmission, requireQuiz } = await import("@/lib/quiz/attempts");
  const graded = gradeSubmission(requireQuiz(quizId), {});
  return Object.fromEntries(
    graded.results.map((r) => {
      const key = r.correctAnswer as unknown;
      if (r.type === "numeric") return [r.questionId, (key as { value: number }).value];
      if (r.type === "text") return [r.questionId, (key as string[])[0]];
      return [r.questionId, key];
    }),
  );
}

/** The keys a response gives away: correct answers of questions the learner got wrong. */
const leakedKeys = (json: Record<string, unknown>) =>
  (json.results as { correct: boolean; correctAnswer?: unknown }[]).filter((r) => !r.correct && r.correctAnswer !== undefined).length;

async function cohortWith(members: SessionUser[], review?: { mode: "ALWAYS" | "AFTER_PASS" | "AFTER_ATTEMPTS" | "AFTER_PASS_OR_ATTEMPTS"; attempts?: number }) {
  const owner = await makeUser("Owner");
  const cohort = await t.db.cohort.create({
    data: { name: "Cohort", startsAt: new Date(), joinCode: randomBytes(6).toString("hex"), createdById: owner.id, members: { create: members.map((m) => ({ userId: m.id })) } },
  });
  if (review) await t.db.cohortQuizReview.create({ data: { cohortId: cohort.id, quizId: QUIZ, mode: review.mode, attempts: review.attempts ?? 3 } });
  return cohort;
}

describe("the answer key follows the quiz's review policy", () => {
  it("signed out, a blank submission returns no key at all; a passing one shows the answers", async () => {
    const blank = await read(await post(body({ answers: {} })));
    expect(blank.score).toBe(0);
    expect(leakedKeys(blank)).toBe(0);
    expect(JSON.stringify(blank)).not.toContain('"explanation"');
    const passing = await read(await post(body({ answers: await keyAnswers() })));
    expect(passing).toMatchObject({ passed: true, review: { answersShown: true, message: "" } });
  });

  it("signed in, by default: the key after the third attempt (or a pass), counting stored attempts", async () => {
    session.user = await makeUser("Dee");
    const first = await read(await post(body({ answers: {} })));
    expect(leakedKeys(first)).toBe(0);
    expect(first.review).toEqual({ answersShown: false, message: "The correct answers are shown once you pass, or after 3 attempts. Attempts so far: 1." });
    expect(leakedKeys(await read(await post(body({ answers: {} }))))).toBe(0);
    const third = await read(await post(body({ answers: {} })));
    expect(third.review).toMatchObject({ answersShown: true });
    expect(leakedKeys(third)).toBe(12);
  });

  it("the cohort's instructor decides: always, or after N attempts; in two cohorts the stricter policy holds", async () => {
    const always = await makeUser("Eve");
    await cohortWith([always], { mode: "ALWAYS" });
    session.user = always;
    expect(leakedKeys(await read(await post(body({ answers: {} }))))).toBe(12);

    const two = await makeUser("Fay");
    await cohortWith([two], { mode: "AFTER_ATTEMPTS", attempts: 2 });
    session.user = two;
    expect(leakedKeys(await read(await post(body({ answers: await keyAnswers() }))))).toBe(0); // a pass does not count here
    expect(leakedKeys(await read(await post(body({ answers: {} }))))).toBe(12);

    const both = await makeUser("Gus");
    await cohortWith([both], { mode: "ALWAYS" });
    await cohortWith([both]); // the default: after a pass or 3 attempts
    session.user = both;
    expect((await read(await post(body({ answers: {} })))).review).toMatchObject({ answersShown: false });
  });
});

describe("POST from a Chinese page (?locale=zh)", () => {
  const postIn = (locale: string, payload: unknown) =>
    routes.attempts.POST(
      new Request(`http://localhost/api/quizzes/${QUIZ}/attempts?locale=${locale}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      }),
      { params: Promise.resolve({ quizId: QUIZ }) },
    );
  type Result = { questionId: string; correct: boolean; explanation: string };

  it("accepts a typed answer in Chinese and explains in Chinese; the English quiz does not accept it", async () => {
    const answers = { "credit-per-token": "价值模型" };
    const chinese = await read(await postIn("zh", body({ answers })));
    const zhResult = (chinese.results as Result[]).find((r) => r.questionId === "credit-per-token")!;
    expect(zhResult.correct).toBe(true);
    expect(zhResult.explanation).toMatch(/^价值模型/);

    const english = await read(await post(body({ answers })));
    expect((english.results as Result[]).find((r) => r.questionId === "credit-per-token")!.correct).toBe(false);
  });

  it("stores the attempt on the same quiz as the English page, so best and latest are shared", async () => {
    session.user = await makeUser("Lin");
    expect((await postIn("zh", body({ answers: BETTER }))).status).toBe(201);
    expect((await post(body())).status).toBe(201);
    const list = await read(await get());
    expect((list.best as { score: number }).score).toBe(3);
    expect((list.latest as { score: number }).score).toBe(2);
  });

  it("refuses a locale the site does not have with a 422 and a message", async () => {
    const response = await postIn("fr", body());
    expect(response.status).toBe(422);
    expect((await read(response)).error).toBe("locale must be one of en, zh.");
  });
});
