/**
 * Quiz attempts: the one write path (`recordQuizAttempt`) and the reads of a learner's own
 * scores. Used by the attempts API route and by the progress merge at sign-in.
 *
 * - Grading always happens here, on the server, against the full quiz: a submission carries
 *   answers, never a score. A score the browser kept next to an anonymous attempt (so it
 *   can show best and latest before sign-in) is ignored when the attempt is merged.
 * - Idempotent on (userId, clientAttemptId): a retry of the same submission (a lost reply,
 *   two tabs merging the same local history, requests racing in parallel) is stored once
 *   and answered with the same result. The same id with different answers is refused with
 *   409: an attempt, once graded, is never rewritten.
 * - Best = the highest share of the maximum score (the earliest of equal bests, as on the
 *   dashboard); latest = the most recent attempt. Both are computed from the stored attempts,
 *   so they are right whatever order submissions arrive in.
 *
 * Framework-free: takes the Prisma client; every query is scoped by the user id passed in,
 * which routes take from the session only. Errors a client can act on are HttpErrors
 * (404 unknown quiz, 422 malformed submission, 409 conflict, 401 deleted account), which
 * the merge treats as "rejected for good".
 */
import type { PrismaClient } from "../db/create-client";
import type { Prisma } from "../generated/prisma/client";
import { HttpError } from "../http/errors";
import { gradeQuiz, QuizAnswerError, type Answers, type QuestionResult, type QuizGradeResult, type QuizScore } from "./grade";
import { DEFAULT_PASS_PERCENT } from "./constants";
import { getQuiz } from "./load";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { isValidSeed, MAX_SEED } from "./public";
import type { Quiz } from "./schema";

/** Largest request body the attempts route reads; a full answer set is a few KB. */
export const QUIZ_ATTEMPT_MAX_BYTES = 32 * 1024;
/** How many attempts GET returns (newest first); best and latest always cover all of them. */
export const QUIZ_ATTEMPT_LIST_LIMIT = 100;

/** Like the browser's ids (32 hex digits), with room for other clients' formats. */
const CLIENT_ATTEMPT_ID = /^[A-Za-z0-9_-]{8,100}$/;
/** Merged attempts cannot claim to come from the future, nor from before the course existed. */
const EARLIEST_ATTEMPT = Date.UTC(2024, 0, 1);

export interface QuizSubmission {
  clientAttemptId: string;
  /** The seed the quiz was shuffled with when the learner saw it (stored, so the view can be rebuilt). */
  seed: number;
  /** question id -> answer, checked by gradeQuiz. */
  answers: Answers;
  /** When the attempt was taken: only for attempts merged from the browser; live ones are "now". */
  createdAt?: Date;
}

export interface AttemptScore extends QuizScore {
  createdAt: Date;
}

export type RecordedQuizAttempt = QuizGradeResult & {
  /** False when this clientAttemptId was already stored (nothing changed). */
  recorded: boolean;
  attemptId: string;
  best: AttemptScore;
  latest: AttemptScore;
};

export interface QuizAttemptList {
  quizId: string;
  passPercent: number;
  /** Number of stored attempts (the list holds at most QUIZ_ATTEMPT_LIST_LIMIT of them). */
  count: number;
  /** Newest first. */
  attempts: AttemptScore[];
  best: AttemptScore | null;
  latest: AttemptScore | null;
}

const unprocessable = (message: string) => new HttpError(422, message);

/** The quiz, or a 404 whose message names it. */
export function requireQuiz(quizId: string, locale: Locale = DEFAULT_LOCALE): Quiz {
  const quiz = getQuiz(quizId, locale);
  if (!quiz) throw new HttpError(404, `There is no quiz "${String(quizId).slice(0, 100)}".`);
  return quiz;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseCreatedAt(value: unknown, now: Date): Date {
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw unprocessable("createdAt must be a time (milliseconds since 1970 or an ISO date)");
  return new Date(Math.min(Math.max(ms, EARLIEST_ATTEMPT), now.getTime()));
}

/**
 * Checks the envelope of a submission: `{ answers, seed, clientAttemptId }` (plus `createdAt`
 * when `allowCreatedAt`). The answers themselves are checked by gradeQuiz.
 * `strict` refuses any other field: the API route is strict, so a client that tries to send a
 * score is told it cannot; the merge passes local records that carry more and is not.
 * @throws HttpError 422 with a message a person can act on.
 */
export function parseSubmission(input: unknown, options: { strict?: boolean; allowCreatedAt?: boolean; now?: Date } = {}): QuizSubmission {
  if (!isObject(input)) throw unprocessable("The request body must be a JSON object with answers, seed and clientAttemptId.");
  if (options.strict) {
    const allowed = new Set(["answers", "seed", "clientAttemptId", ...(options.allowCreatedAt ? ["createdAt"] : [])]);
    const extra = Object.keys(input).filter((k) => !allowed.has(k));
    if (extra.length)
      throw unprocessable(
        `unknown field${extra.length > 1 ? "s" : ""} ${extra.map((k) => `"${k.slice(0, 40)}"`).join(", ")}: send only answers, seed and clientAttemptId (the server grades the answers itself)`,
      );
  }
  const { clientAttemptId, seed, answers } = input;
  if (clientAttemptId === undefined) throw unprocessable("clientAttemptId is missing");
  if (typeof clientAttemptId !== "string" || !CLIENT_ATTEMPT_ID.test(clientAttemptId))
    throw unprocessable('clientAttemptId must be 8-100 letters, digits, "-" or "_"');
  if (seed === undefined) throw unprocessable("seed is missing");
  if (!isValidSeed(seed)) throw unprocessable(`seed must be a whole number from 0 to ${MAX_SEED}`);
  if (answers === undefined) throw unprocessable("answers is missing");
  if (!isObject(answers)) throw unprocessable("answers must be an object mapping question ids to answers");
  const submission: QuizSubmission = { clientAttemptId, seed, answers: answers as Answers };
  if (options.allowCreatedAt && input.createdAt !== undefined) submission.createdAt = parseCreatedAt(input.createdAt, options.now ?? new Date());
  return submission;
}

/**
 * Grades answers against the full quiz.
 * @throws HttpError 422 with gradeQuiz's message (unknown question, wrong shape, unknown option).
 */
export function gradeSubmission(quiz: Quiz, answers: unknown): QuizGradeResult {
  try {
    return gradeQuiz(quiz, answers);
  } catch (error) {
    if (error instanceof QuizAnswerError) throw unprocessable(error.message);
    throw error;
  }
}

/** The answers as stored: unanswered questions (null) left out, so `{q: null}` and `{}` are the same submission. */
function storedAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, answer] of Object.entries(answers)) if (answer !== null && answer !== undefined) out[id] = answer;
  return out;
}

/** JSON with object keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** The graded result of a stored attempt, computed the way gradeQuiz computes it. */
function storedResult(quiz: Quiz, row: { quizId: string; score: number; maxScore: number; results: unknown }): QuizGradeResult {
  const results = row.results as QuestionResult[];
  const raw = results.reduce((sum, r) => sum + r.credit, 0);
  const percent = round((raw / row.maxScore) * 100, 1);
  const passPercent = quiz.passPercent ?? DEFAULT_PASS_PERCENT;
  return { quizId: row.quizId, score: row.score, maxScore: row.maxScore, percent, passPercent, passed: percent >= passPercent, results };
}

function isForeignKeyViolation(error: unknown): boolean {
  return isObject(error) && error.code === "P2003";
}

/**
 * Grades a submission and stores it as one QuizAttempt of `userId` (see the header for the
 * rules). Returns the graded result with the learner's best and latest scores for the quiz.
 *
 * The insert and the reads after it run in one interactive transaction on one connection. On
 * the embedded PGlite server this matters: its socket server (pglite-socket 0.2) gives a
 * transaction the database to itself, but lets the protocol messages of separate statements
 * from several connections interleave, and parallel duplicates then failed with
 * 'portal "" does not exist'.
 */
export async function recordQuizAttempt(
  db: PrismaClient,
  userId: string,
  quizId: string,
  input: QuizSubmission | unknown,
  locale: Locale = DEFAULT_LOCALE,
): Promise<RecordedQuizAttempt> {
  // The locale's quiz: its explanations come back in the learner's language, its typed answers accept theirs.
  const quiz = requireQuiz(quizId, locale);
  const now = new Date();
  const submission = parseSubmission(input, { allowCreatedAt: true, now });
  const graded = gradeSubmission(quiz, submission.answers);
  const answers = storedAnswers(submission.answers);

  return db.$transaction(async (tx) => {
    let inserted: { count: number };
    try {
      // ON CONFLICT DO NOTHING on (userId, clientAttemptId): a parallel duplicate waits for the
      // first insert to commit and then inserts nothing.
      inserted = await tx.quizAttempt.createMany({
        data: [
          {
            userId,
            quizId,
            clientAttemptId: submission.clientAttemptId,
            seed: submission.seed,
            answers: answers as Prisma.InputJsonValue,
            results: graded.results as unknown as Prisma.InputJsonValue,
            score: graded.score,
            maxScore: graded.maxScore,
            createdAt: submission.createdAt ?? now,
          },
        ],
        skipDuplicates: true,
      });
    } catch (error) {
      // The session outlived the account (deleted in another tab): the attempt has no owner.
      if (isForeignKeyViolation(error)) throw new HttpError(401, "Your account no longer exists. Sign in again.");
      throw error;
    }

    const row = await tx.quizAttempt.findUniqueOrThrow({
      where: { userId_clientAttemptId: { userId, clientAttemptId: submission.clientAttemptId } },
      select: { id: true, quizId: true, seed: true, answers: true, results: true, score: true, maxScore: true },
    });

    let result: QuizGradeResult = graded;
    if (inserted.count === 0) {
      const same = row.quizId === quizId && row.seed === submission.seed && canonical(row.answers) === canonical(answers);
      if (!same)
        throw new HttpError(
          409,
          row.quizId === quizId
            ? "This attempt was already submitted with different answers. Retake the quiz to submit new answers."
            : "This attempt was already submitted for another quiz. Retake the quiz to submit new answers.",
        );
      result = storedResult(quiz, row);
    }

    const { best, latest } = await readBestAndLatest(tx, userId, quizId);
    // Both exist: the attempt above is stored.
    return { ...result, recorded: inserted.count === 1, attemptId: row.id, best: best!, latest: latest! };
  });
}

interface ScoreRow {
  score: number;
  maxScore: number;
  createdAt: Date;
}

/** Reads of one learner's attempts: the client itself or a transaction of it. */
type Reader = Pick<PrismaClient, "$queryRaw" | "quizAttempt">;

/** The learner's best and latest attempt at a quiz (null when there is none). */
export async function readBestAndLatest(db: Reader, userId: string, quizId: string): Promise<{ best: AttemptScore | null; latest: AttemptScore | null }> {
  const best = await db.$queryRaw<ScoreRow[]>`
    SELECT "score", "maxScore", "createdAt" FROM "QuizAttempt"
    WHERE "userId" = ${userId} AND "quizId" = ${quizId}
    ORDER BY CASE WHEN "maxScore" > 0 THEN "score" / "maxScore" ELSE 0 END DESC, "createdAt" ASC, "id" ASC
    LIMIT 1`;
  const latest = await db.$queryRaw<ScoreRow[]>`
    SELECT "score", "maxScore", "createdAt" FROM "QuizAttempt"
    WHERE "userId" = ${userId} AND "quizId" = ${quizId}
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT 1`;
  const view = (r: ScoreRow | undefined): AttemptScore | null => (r ? { score: r.score, maxScore: r.maxScore, createdAt: r.createdAt } : null);
  return { best: view(best[0]), latest: view(latest[0]) };
}

/**
 * The learner's own attempts at a quiz (newest first, at most QUIZ_ATTEMPT_LIST_LIMIT), with
 * best and latest, read in one transaction so the count, list and scores agree.
 */
export async function listQuizAttempts(db: PrismaClient, userId: string, quiz: Quiz): Promise<QuizAttemptList> {
  const where = { userId, quizId: quiz.id };
  return db.$transaction(async (tx) => {
    const count = await tx.quizAttempt.count({ where });
    const attempts = await tx.quizAttempt.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: QUIZ_ATTEMPT_LIST_LIMIT,
      select: { score: true, maxScore: true, createdAt: true },
    });
    const { best, latest } = await readBestAndLatest(tx, userId, quiz.id);
    return { quizId: quiz.id, passPercent: quiz.passPercent ?? DEFAULT_PASS_PERCENT, count, attempts, best, latest };
  });
}
