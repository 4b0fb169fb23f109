/**
 * Sending an attempt to the server and reading its reply (no React, so it is unit-tested
 * with a fake fetch): every way the request can fail becomes a message for the learner.
 */
import type { Review, ReviewedResult } from "@/lib/quiz/review";
import type { Answers, QuizGradeResult, QuizScore } from "@/lib/quiz/grade";

/** A score out of a maximum (the same shape as the server's, without its date). */
export type AttemptScore = QuizScore;

/**
 * The 200 reply of POST /api/quizzes/<quizId>/attempts. Withheld results carry no key until
 * the review policy allows it (lib/quiz/review.ts).
 */
export type AttemptResponse = Omit<QuizGradeResult, "results"> & {
  results: ReviewedResult[];
  review?: Review;
  best: AttemptScore;
  latest: AttemptScore;
};

export type SubmitOutcome = { ok: true; response: AttemptResponse } | { ok: false; message: string };

export interface SubmitBody {
  answers: Answers;
  seed: number;
  clientAttemptId: string;
}

const KEEP = "Your answers are still here: try again.";

/** What the learner reads when a submission fails: the page passes its own language's words (messages quiz.submitError). */
export interface SubmitWords {
  network: string;
  /** 401; `serverMessage` is the API's (English) text, empty if none. */
  signIn(serverMessage: string): string;
  server(status: number): string;
  /** Another 4xx: the server's reason when the words can show it. */
  rejected(status: number, serverMessage: string): string;
  garbled: string;
}

/** The English words (the default, and what the unit tests read). */
export const ENGLISH_SUBMIT_WORDS: SubmitWords = {
  network: `Could not reach the server. Check your connection. ${KEEP}`,
  signIn: (serverMessage) => serverMessage || "Please sign in to submit this quiz. Your answers are still here.",
  server: (status) => `The server could not save your answers (error ${status}). ${KEEP}`,
  rejected: (status, serverMessage) => (serverMessage ? `Your answers could not be graded: ${serverMessage}` : `Your answers could not be graded (error ${status}).`),
  garbled: `The server sent a reply this page does not understand. ${KEEP}`,
};

/**
 * POSTs an attempt and turns every way it can go wrong into a message for the learner.
 * `fetchImpl` is injectable for tests.
 */
export async function submitAttempt(
  quizId: string,
  body: SubmitBody,
  fetchImpl: typeof fetch = fetch,
  locale = "en",
  words: SubmitWords = ENGLISH_SUBMIT_WORDS,
): Promise<SubmitOutcome> {
  let res: Response;
  // A non-English page is graded against its own quiz (same ids and answers, explanations in its language).
  const query = locale === "en" ? "" : `?locale=${encodeURIComponent(locale)}`;
  try {
    res = await fetchImpl(`/api/quizzes/${encodeURIComponent(quizId)}/attempts${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: words.network };
  }
  let json: unknown = undefined;
  try {
    json = await res.json();
  } catch {
    // handled below: a non-JSON body
  }
  if (!res.ok) {
    const serverMessage =
      json && typeof json === "object" && typeof (json as { error?: unknown }).error === "string" ? (json as { error: string }).error : "";
    if (res.status === 401) return { ok: false, message: words.signIn(serverMessage) };
    if (res.status >= 500) return { ok: false, message: words.server(res.status) };
    return { ok: false, message: words.rejected(res.status, serverMessage) };
  }
  if (!isAttemptResponse(json)) return { ok: false, message: words.garbled };
  return { ok: true, response: json };
}

function isScore(x: unknown): x is AttemptScore {
  return !!x && typeof x === "object" && typeof (x as AttemptScore).score === "number" && typeof (x as AttemptScore).maxScore === "number";
}

export function isAttemptResponse(x: unknown): x is AttemptResponse {
  if (!isScore(x)) return false;
  const r = x as Partial<AttemptResponse>;
  return (
    typeof r.percent === "number" &&
    Array.isArray(r.results) &&
    r.results.every((q) => q && typeof q.questionId === "string" && typeof q.correct === "boolean") &&
    isScore(r.best) &&
    isScore(r.latest)
  );
}

/** A fresh id for one attempt, kept across retries of the same attempt so the server can de-duplicate. */
export function newAttemptId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes); // randomUUID needs a secure context; this does not
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
