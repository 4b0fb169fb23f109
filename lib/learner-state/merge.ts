/**
 * Everything local as POST /api/progress/merge requests (after sign-up or sign-in, and whenever a
 * signed-in page finds local data left over): anonymous lessons, runs, drafts and quiz attempts,
 * plus the lesson reports waiting in the learner's outbox. After the server confirms a request,
 * exactly what it merged or rejected for good is forgotten.
 */
import type { MergeOutcome, MergeResult } from "@/lib/progress/merge";
import { MERGE_MAX_BYTES, MERGE_MAX_DRAFTS, MERGE_MAX_EXERCISE_RUNS, MERGE_MAX_LESSONS, MERGE_MAX_QUIZ_ATTEMPTS } from "@/lib/progress/merge-limits";
import type { Track } from "@/lib/progress/track";
import { clearLocalDraftIfUnchanged, readAllDrafts, readRuns, writeRuns, type LocalDraft, type StoredRun } from "./exercises";
import { readLocalLessons, toMergeLesson, writeLocalLessons, type MergeLesson } from "./lessons";
import { outboxLessons, readOutbox, removeEntries } from "./outbox";
import { readLocalAttempts, writeLocalAttempts, type LocalQuizAttempt } from "./quizzes";
import type { StorageLike } from "./storage";

export interface MergeRequestBody {
  lessons: MergeLesson[];
  exerciseRuns: StoredRun[];
  drafts: (LocalDraft & { exerciseId: string })[];
  quizAttempts: LocalQuizAttempt[];
  adoptTrack?: Track;
}

export type MergeResponse = MergeResult;

/** Per request: the server's limits, with room to spare for the body size. */
export const BATCH_LIMITS = {
  bytes: Math.floor(MERGE_MAX_BYTES * 0.85),
  lessons: MERGE_MAX_LESSONS,
  exerciseRuns: MERGE_MAX_EXERCISE_RUNS,
  drafts: MERGE_MAX_DRAFTS,
  quizAttempts: MERGE_MAX_QUIZ_ATTEMPTS,
};

// The check lives in its own module: every lesson page runs it, the merge itself loads when needed.
export { hasLocalProgress } from "./has-local-progress";

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Everything to merge, as requests within the server's limits; the first also carries the track to adopt. */
export function buildMergeRequests(storage: StorageLike, options: { userId: string; adoptTrack?: Track }): MergeRequestBody[] {
  const kinds = {
    lessons: [...Object.entries(readLocalLessons(storage)).map(([slug, r]) => toMergeLesson(slug, r)), ...outboxLessons(readOutbox(storage, options.userId))],
    quizAttempts: readLocalAttempts(storage),
    drafts: readAllDrafts(storage),
    exerciseRuns: readRuns(storage),
  };
  const requests: MergeRequestBody[] = [];
  const empty = (): MergeRequestBody => ({ lessons: [], exerciseRuns: [], drafts: [], quizAttempts: [] });
  let current = empty();
  let bytes = 2;
  const flush = () => {
    requests.push(current);
    current = empty();
    bytes = 2;
  };
  for (const kind of ["lessons", "quizAttempts", "drafts", "exerciseRuns"] as const) {
    for (const item of kinds[kind]) {
      const itemBytes = size(item) + 1;
      if (current[kind].length >= BATCH_LIMITS[kind] || (bytes + itemBytes > BATCH_LIMITS.bytes && bytes > 2)) flush();
      (current[kind] as unknown[]).push(item);
      bytes += itemBytes;
    }
  }
  if (bytes > 2 || requests.length === 0) flush();
  if (options.adoptTrack) requests[0].adoptTrack = options.adoptTrack;
  return requests;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * After the server confirmed a request: forget what it merged or rejected for good, but only in
 * the form that was sent. A lesson read on in another tab meanwhile (a newer record), a draft
 * typed since, a run recorded since: all stay for the next merge.
 */
export function clearMerged(storage: StorageLike, userId: string, sent: MergeRequestBody, response: MergeResponse): void {
  const done = (outcome: MergeOutcome) => new Set([...outcome.merged, ...outcome.rejected.map((r) => r.key)]);

  const lessonsDone = done(response.lessons);
  const sentLesson = (lesson: MergeLesson) => lessonsDone.has(lesson.slug) && sent.lessons.some((l) => same(l, lesson));
  const local = readLocalLessons(storage);
  const keptLessons = Object.fromEntries(Object.entries(local).filter(([slug, record]) => !sentLesson(toMergeLesson(slug, record))));
  if (Object.keys(keptLessons).length !== Object.keys(local).length) writeLocalLessons(storage, keptLessons);
  removeEntries(storage, userId, (entry) => entry.kind === "lesson" && sentLesson(entry.lesson));

  const runsDone = done(response.exerciseRuns);
  const sentRuns = new Set(sent.exerciseRuns.map((r) => r.clientRunId));
  const runs = readRuns(storage);
  const keptRuns = runs.filter((r) => !(sentRuns.has(r.clientRunId) && runsDone.has(r.clientRunId)));
  if (keptRuns.length !== runs.length) writeRuns(storage, keptRuns);

  const attemptsDone = done(response.quizAttempts);
  const sentAttempts = new Set(sent.quizAttempts.map((a) => a.clientAttemptId));
  const attempts = readLocalAttempts(storage);
  const keptAttempts = attempts.filter((a) => !(sentAttempts.has(a.clientAttemptId) && attemptsDone.has(a.clientAttemptId)));
  if (keptAttempts.length !== attempts.length) writeLocalAttempts(storage, keptAttempts);

  const draftsDone = done(response.drafts);
  for (const draft of sent.drafts) if (draftsDone.has(draft.exerciseId)) clearLocalDraftIfUnchanged(storage, draft.exerciseId, draft);
}
