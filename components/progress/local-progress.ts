/**
 * Progress kept in the browser (localStorage), and turning it into merge requests.
 *
 * Keys (all start with `academy:`):
 * - `academy:lessons`           anonymous lesson progress: { [slug]: LocalLessonRecord }
 * - `academy:track`             the track chosen in this browser ("CONCEPT" | "BUILDER")
 * - `academy:exercise-runs`     anonymous exercise runs (written by the exercise editor)
 * - `academy:exercise:<id>:code` autosaved code { code, updatedAt } (written by the editor)
 * - `academy:quiz-attempts`     anonymous quiz attempts (written by the quiz component)
 * - `academy:outbox:<userId>`   lesson reports of a signed-in learner that could not be sent
 *                               (offline, server error); sent with the next merge
 *
 * No React and no DOM beyond a Storage-like object, so it is unit-tested with a fake storage.
 */

import type { ActivityEvent, ExerciseProgressItem, ProgressSnapshot, QuizProgressItem } from "@/lib/progress/summary";

export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const LESSONS_KEY = "academy:lessons";
export const TRACK_KEY = "academy:track";
export const EXERCISE_RUNS_KEY = "academy:exercise-runs";
export const QUIZ_ATTEMPTS_KEY = "academy:quiz-attempts";
export const DRAFT_KEY = /^academy:exercise:([a-z0-9]+(?:-[a-z0-9]+)*):code$/;
export const outboxKey = (userId: string) => `academy:outbox:${userId}`;

export type LocalStatus = "in-progress" | "complete";

/** One lesson in the browser. Times are epoch milliseconds. */
export interface LocalLessonRecord {
  status: LocalStatus;
  section?: string;
  startedAt?: number;
  completedAt?: number;
  updatedAt: number;
  /** Reading time in this browser, reported to the server as one visit with this id. */
  visitId?: string;
  seconds?: number;
}

/** A lesson report in the shape the merge endpoint takes (lib/progress/schemas.ts localLessonSchema). */
export interface MergeLesson {
  slug: string;
  status: LocalStatus;
  section?: string;
  startedAt?: number;
  completedAt?: number;
  updatedAt: number;
  time?: { visitId: string; seconds: number };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SECTION = /^[\p{Ll}\p{Lo}\p{N}_-]{1,120}$/u;
const VISIT = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_VISIT_SECONDS = 6 * 60 * 60;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 8.64e15;

function readJson(storage: StorageLike, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Storage may be full or disabled (private mode): progress then lives for this page only. */
function writeJson(storage: StorageLike, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** A stored record, with anything malformed dropped (an old format, a hand edit). */
function cleanRecord(value: unknown): LocalLessonRecord | null {
  if (!isObject(value)) return null;
  if (value.status !== "in-progress" && value.status !== "complete") return null;
  const updatedAt = isTime(value.updatedAt) ? value.updatedAt : undefined;
  if (updatedAt === undefined) return null;
  const record: LocalLessonRecord = { status: value.status, updatedAt };
  if (typeof value.section === "string" && SECTION.test(value.section)) record.section = value.section;
  if (isTime(value.startedAt)) record.startedAt = value.startedAt;
  if (isTime(value.completedAt)) record.completedAt = value.completedAt;
  if (typeof value.visitId === "string" && VISIT.test(value.visitId) && typeof value.seconds === "number" && Number.isFinite(value.seconds)) {
    record.visitId = value.visitId;
    record.seconds = Math.max(0, Math.min(MAX_VISIT_SECONDS, Math.floor(value.seconds)));
  }
  return record;
}

export function readLocalLessons(storage: StorageLike): Record<string, LocalLessonRecord> {
  const raw = readJson(storage, LESSONS_KEY);
  if (!isObject(raw)) return {};
  const out: Record<string, LocalLessonRecord> = {};
  for (const [slug, value] of Object.entries(raw)) {
    const record = SLUG.test(slug) ? cleanRecord(value) : null;
    if (record) out[slug] = record;
  }
  return out;
}

export interface LocalLessonUpdate {
  section?: string;
  complete?: boolean;
  /** Visible seconds to add to this browser's reading time for the lesson. */
  addSeconds?: number;
}

/** Applies one lesson report to the anonymous local progress and returns the new record. */
export function updateLocalLesson(storage: StorageLike, slug: string, update: LocalLessonUpdate, now: number, newVisitId: () => string): LocalLessonRecord {
  const all = readLocalLessons(storage);
  const current = all[slug];
  const next: LocalLessonRecord = {
    ...current,
    status: current?.status === "complete" || update.complete ? "complete" : "in-progress",
    startedAt: current?.startedAt ?? now,
    updatedAt: now,
  };
  if (update.complete && next.completedAt === undefined) next.completedAt = now;
  if (update.section !== undefined && SECTION.test(update.section)) next.section = update.section;
  if (update.addSeconds !== undefined && update.addSeconds > 0) {
    next.visitId ??= newVisitId();
    next.seconds = Math.min(MAX_VISIT_SECONDS, (next.seconds ?? 0) + Math.floor(update.addSeconds));
  }
  all[slug] = next;
  writeJson(storage, LESSONS_KEY, all);
  return next;
}

export function toMergeLesson(slug: string, record: LocalLessonRecord): MergeLesson {
  const lesson: MergeLesson = { slug, status: record.status, updatedAt: record.updatedAt };
  if (record.section !== undefined) lesson.section = record.section;
  if (record.startedAt !== undefined) lesson.startedAt = record.startedAt;
  if (record.completedAt !== undefined) lesson.completedAt = record.completedAt;
  if (record.visitId !== undefined && record.seconds !== undefined) lesson.time = { visitId: record.visitId, seconds: record.seconds };
  return lesson;
}

// ---------------------------------------------------------------------------------------------
// The outbox of a signed-in learner: live reports that did not reach the server.

export function readOutbox(storage: StorageLike, userId: string): MergeLesson[] {
  const raw = readJson(storage, outboxKey(userId));
  if (!Array.isArray(raw)) return [];
  return raw.filter((item): item is MergeLesson => {
    if (!isObject(item) || typeof item.slug !== "string" || !SLUG.test(item.slug)) return false;
    return cleanRecord(item) !== null;
  });
}

/**
 * Keeps a report that failed to send. Reports of one lesson are folded together (completion and
 * the earliest times kept, the latest section, the largest seconds per visit).
 */
export function addToOutbox(storage: StorageLike, userId: string, report: MergeLesson): void {
  const items = readOutbox(storage, userId);
  const visitOf = (l: MergeLesson) => l.time?.visitId ?? "";
  const same = items.find((l) => l.slug === report.slug && visitOf(l) === visitOf(report));
  if (!same) items.push(report);
  else {
    if (report.status === "complete") {
      same.status = "complete";
      same.completedAt = Math.min(same.completedAt ?? Infinity, report.completedAt ?? report.updatedAt);
    }
    if (report.section !== undefined && report.updatedAt >= same.updatedAt) same.section = report.section;
    if (report.startedAt !== undefined) same.startedAt = Math.min(same.startedAt ?? Infinity, report.startedAt);
    if (report.time && same.time) same.time.seconds = Math.max(same.time.seconds, report.time.seconds);
    same.updatedAt = Math.max(same.updatedAt, report.updatedAt);
  }
  writeJson(storage, outboxKey(userId), items.slice(-400));
}

// ---------------------------------------------------------------------------------------------
// Exercise runs, drafts and quiz attempts: written by the exercise editor and the quiz component.

export type LocalRun = Record<string, unknown> & { exerciseId: string; clientRunId: string };
export type LocalQuizAttempt = Record<string, unknown> & { quizId: string; clientAttemptId: string };
export interface LocalDraft {
  exerciseId: string;
  code: string;
  updatedAt: number;
}

export function readExerciseRuns(storage: StorageLike): LocalRun[] {
  const raw = readJson(storage, EXERCISE_RUNS_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is LocalRun => isObject(r) && typeof r.exerciseId === "string" && SLUG.test(r.exerciseId) && typeof r.clientRunId === "string");
}

export function readQuizAttempts(storage: StorageLike): LocalQuizAttempt[] {
  const raw = readJson(storage, QUIZ_ATTEMPTS_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (a): a is LocalQuizAttempt =>
      isObject(a) && typeof a.quizId === "string" && SLUG.test(a.quizId) && typeof a.clientAttemptId === "string" && a.clientAttemptId.length > 0 && a.clientAttemptId.length <= 100,
  );
}

export function readDrafts(storage: StorageLike): LocalDraft[] {
  const drafts: LocalDraft[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const match = key ? DRAFT_KEY.exec(key) : null;
    if (!match) continue;
    const value = readJson(storage, key!);
    if (isObject(value) && typeof value.code === "string" && isTime(value.updatedAt)) {
      drafts.push({ exerciseId: match[1], code: value.code, updatedAt: value.updatedAt });
    }
  }
  return drafts;
}

export function hasLocalProgress(storage: StorageLike, userId?: string): boolean {
  return (
    Object.keys(readLocalLessons(storage)).length > 0 ||
    readExerciseRuns(storage).length > 0 ||
    readQuizAttempts(storage).length > 0 ||
    readDrafts(storage).length > 0 ||
    (userId !== undefined && readOutbox(storage, userId).length > 0)
  );
}

// ---------------------------------------------------------------------------------------------
// Merge requests.

export interface MergeRequestBody {
  lessons: MergeLesson[];
  exerciseRuns: LocalRun[];
  drafts: LocalDraft[];
  quizAttempts: LocalQuizAttempt[];
  adoptTrack?: "CONCEPT" | "BUILDER";
}

/** Per request: the server's limits (lib/progress/schemas.ts), with room to spare for the body size. */
export const BATCH_LIMITS = { bytes: 1_800_000, lessons: 500, exerciseRuns: 50, drafts: 50, quizAttempts: 200 };

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * Everything local (anonymous progress plus the learner's outbox) as merge requests, each within
 * the server's limits. The first request also carries the track to adopt, if any.
 */
export function buildMergeRequests(storage: StorageLike, options: { userId: string; adoptTrack?: "CONCEPT" | "BUILDER" }): MergeRequestBody[] {
  const lessons = [...Object.entries(readLocalLessons(storage)).map(([slug, r]) => toMergeLesson(slug, r)), ...readOutbox(storage, options.userId)];
  const kinds = {
    lessons,
    exerciseRuns: readExerciseRuns(storage),
    drafts: readDrafts(storage),
    quizAttempts: readQuizAttempts(storage),
  };
  const requests: MergeRequestBody[] = [];
  let current: MergeRequestBody = { lessons: [], exerciseRuns: [], drafts: [], quizAttempts: [] };
  let bytes = 2;
  const flush = () => {
    requests.push(current);
    current = { lessons: [], exerciseRuns: [], drafts: [], quizAttempts: [] };
    bytes = 2;
  };
  for (const kind of ["lessons", "quizAttempts", "drafts", "exerciseRuns"] as const) {
    for (const item of kinds[kind]) {
      const itemBytes = size(item) + 1;
      const list = current[kind] as unknown[];
      if (list.length >= BATCH_LIMITS[kind] || (bytes + itemBytes > BATCH_LIMITS.bytes && bytes > 2)) flush();
      (current[kind] as unknown[]).push(item);
      bytes += itemBytes;
    }
  }
  if (bytes > 2 || requests.length === 0) flush();
  if (options.adoptTrack) requests[0].adoptTrack = options.adoptTrack;
  return requests;
}

export interface MergeOutcome {
  merged: string[];
  rejected: { key: string; reason: string }[];
  kept: string[];
}

export interface MergeResponse {
  lessons: MergeOutcome;
  exerciseRuns: MergeOutcome;
  drafts: MergeOutcome;
  quizAttempts: MergeOutcome;
  track: "CONCEPT" | "BUILDER" | null;
}

/**
 * After the server confirmed a request: forget what it merged or rejected for good, but only in
 * the form that was sent. A lesson read on in another tab meanwhile (a newer record), a draft
 * typed since, a run recorded since: all stay for the next merge.
 */
export function clearMerged(storage: StorageLike, userId: string, sent: MergeRequestBody, response: MergeResponse): void {
  const done = (outcome: MergeOutcome) => new Set([...outcome.merged, ...outcome.rejected.map((r) => r.key)]);

  const lessonsDone = done(response.lessons);
  const sentLessons = new Map<string, MergeLesson[]>();
  for (const l of sent.lessons) sentLessons.set(l.slug, [...(sentLessons.get(l.slug) ?? []), l]);
  const local = readLocalLessons(storage);
  let changed = false;
  for (const [slug, record] of Object.entries(local)) {
    const asSent = toMergeLesson(slug, record);
    if (lessonsDone.has(slug) && sentLessons.get(slug)?.some((l) => JSON.stringify(l) === JSON.stringify(asSent))) {
      delete local[slug];
      changed = true;
    }
  }
  if (changed) {
    if (Object.keys(local).length === 0) storage.removeItem(LESSONS_KEY);
    else writeJson(storage, LESSONS_KEY, local);
  }
  const outbox = readOutbox(storage, userId);
  const remaining = outbox.filter((item) => !(lessonsDone.has(item.slug) && sent.lessons.some((l) => JSON.stringify(l) === JSON.stringify(item))));
  if (remaining.length !== outbox.length) {
    if (remaining.length === 0) storage.removeItem(outboxKey(userId));
    else writeJson(storage, outboxKey(userId), remaining);
  }

  const runsDone = done(response.exerciseRuns);
  const sentRuns = new Set(sent.exerciseRuns.map((r) => r.clientRunId));
  const runs = readExerciseRuns(storage);
  const keptRuns = runs.filter((r) => !(sentRuns.has(r.clientRunId) && runsDone.has(r.clientRunId)));
  if (keptRuns.length !== runs.length) {
    if (keptRuns.length === 0) storage.removeItem(EXERCISE_RUNS_KEY);
    else writeJson(storage, EXERCISE_RUNS_KEY, keptRuns);
  }

  const attemptsDone = done(response.quizAttempts);
  const sentAttempts = new Set(sent.quizAttempts.map((a) => a.clientAttemptId));
  const attempts = readQuizAttempts(storage);
  const keptAttempts = attempts.filter((a) => !(sentAttempts.has(a.clientAttemptId) && attemptsDone.has(a.clientAttemptId)));
  if (keptAttempts.length !== attempts.length) {
    if (keptAttempts.length === 0) storage.removeItem(QUIZ_ATTEMPTS_KEY);
    else writeJson(storage, QUIZ_ATTEMPTS_KEY, keptAttempts);
  }

  const draftsDone = done(response.drafts);
  for (const draft of sent.drafts) {
    if (!draftsDone.has(draft.exerciseId)) continue;
    const key = `academy:exercise:${draft.exerciseId}:code`;
    const now = readJson(storage, key);
    if (isObject(now) && now.updatedAt === draft.updatedAt && now.code === draft.code) storage.removeItem(key);
  }
}

export function readLocalTrack(storage: StorageLike): "CONCEPT" | "BUILDER" | null {
  try {
    const value = storage.getItem(TRACK_KEY);
    return value === "CONCEPT" || value === "BUILDER" ? value : null;
  } catch {
    return null;
  }
}

export function writeLocalTrack(storage: StorageLike, track: "CONCEPT" | "BUILDER"): void {
  try {
    storage.setItem(TRACK_KEY, track);
  } catch {
    // Storage unavailable: the choice lasts for this page.
  }
}

/** Local data as the dashboard's snapshot (lib/progress/summary.ts), for an anonymous learner. */
export function localSnapshot(storage: StorageLike): ProgressSnapshot {
  const lessons: ProgressSnapshot["lessons"] = Object.entries(readLocalLessons(storage)).map(([slug, r]) => ({
    slug,
    status: r.status,
    section: r.section ?? null,
    timeSpentSeconds: r.seconds ?? 0,
    startedAt: r.startedAt ?? r.updatedAt,
    completedAt: r.status === "complete" ? (r.completedAt ?? r.updatedAt) : null,
    updatedAt: r.updatedAt,
  }));

  const runs = readExerciseRuns(storage);
  const byExercise = new Map<string, Omit<ExerciseProgressItem, "id">>();
  const events: ActivityEvent[] = [];
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const when = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : 0);
  for (const run of [...runs].sort((a, b) => when(a.createdAt) - when(b.createdAt))) {
    const at = when(run.createdAt);
    const passed = run.passed === true;
    const e = byExercise.get(run.exerciseId) ?? { attempts: 0, bestPassed: 0, testsTotal: 0, passedAt: null, lastAttemptAt: null };
    e.attempts += 1;
    e.bestPassed = Math.max(e.bestPassed, num(run.testsPassed));
    e.testsTotal = num(run.testsTotal);
    if (passed && e.passedAt === null) e.passedAt = at;
    e.lastAttemptAt = at;
    byExercise.set(run.exerciseId, e);
    events.push({ kind: "exercise-run", id: run.exerciseId, at, passed, testsPassed: num(run.testsPassed), testsTotal: num(run.testsTotal) });
  }

  const byQuiz = new Map<string, Omit<QuizProgressItem, "id">>();
  for (const attempt of [...readQuizAttempts(storage)].sort((a, b) => when(a.createdAt) - when(b.createdAt))) {
    const at = when(attempt.createdAt);
    // The quiz component may keep the graded score next to the answers; without it, the attempt is
    // shown as taken and graded on the server when merged.
    const scored = typeof attempt.score === "number" && typeof attempt.maxScore === "number" ? { score: attempt.score, maxScore: attempt.maxScore, at } : null;
    const q = byQuiz.get(attempt.quizId) ?? { attempts: 0, best: null, latest: null };
    q.attempts += 1;
    if (scored) {
      q.latest = scored;
      const r = (s: { score: number; maxScore: number }) => (s.maxScore > 0 ? s.score / s.maxScore : 0);
      if (!q.best || r(scored) > r(q.best)) q.best = scored;
    }
    byQuiz.set(attempt.quizId, q);
    events.push({ kind: "quiz-attempt", id: attempt.quizId, at, score: scored?.score ?? null, maxScore: scored?.maxScore ?? null });
  }

  return {
    track: readLocalTrack(storage) ?? "BUILDER",
    lessons,
    exercises: [...byExercise.entries()].map(([id, e]) => ({ id, ...e })),
    quizzes: [...byQuiz.entries()].map(([id, q]) => ({ id, ...q })),
    events,
  };
}
