/**
 * A learner's overall completion, counted exactly as their own dashboard counts it
 * (lib/progress/summary.ts), from the few facts the roster query returns:
 * - items = lessons (the concept track leaves out lessons marked `builder`)
 *   + coding exercises (builder track only) + quizzes;
 * - a lesson is done when complete, an exercise when all its tests passed once, a quiz when
 *   the best score reached its pass mark;
 * - progress on ids no longer in the course is ignored here.
 * Pure; tested against summarizeProgress so the two can never drift apart.
 */
import { reachesPassMark } from "../quiz/score";
import type { CourseOutline } from "./course";

import type { Track } from "../progress/track";

export interface CompletionFacts {
  track: Track;
  lessonsCompleted: readonly string[];
  exercisesPassed: readonly string[];
  /** quiz id -> best score as a fraction of the maximum (0..1). */
  quizBest: Readonly<Record<string, number>>;
}

export interface Completion {
  done: number;
  total: number;
  /** Whole percent, as the learner's dashboard rounds it. */
  percent: number;
  lessonsDone: number;
  lessonsTotal: number;
  exercisesPassed: number;
  /** 0 on the concept track (exercises do not count there). */
  exercisesTotal: number;
  quizzesPassed: number;
  quizzesTaken: number;
  quizzesTotal: number;
  /** Mean over the quizzes taken of the best score, in percent (one decimal); null if none taken. */
  averageQuizPercent: number | null;
}

export function countCompletion(outline: CourseOutline, facts: CompletionFacts): Completion {
  const builder = facts.track === "BUILDER";
  const lessonsDoneSet = new Set(facts.lessonsCompleted);
  const passedSet = new Set(facts.exercisesPassed);

  const countedLessons = outline.lessons.filter((l) => builder || l.track === "concept");
  const lessonsDone = countedLessons.filter((l) => lessonsDoneSet.has(l.slug)).length;
  const exercisesPassed = outline.exercises.filter((e) => passedSet.has(e.id)).length;
  const exercisesTotal = builder ? outline.exercises.length : 0;

  let quizzesPassed = 0;
  let quizzesTaken = 0;
  let quizSum = 0;
  for (const quiz of outline.quizzes) {
    const best = facts.quizBest[quiz.id];
    if (best === undefined) continue;
    quizzesTaken += 1;
    quizSum += best;
    if (reachesPassMark(best, quiz.passPercent)) quizzesPassed += 1;
  }

  const done = lessonsDone + (builder ? exercisesPassed : 0) + quizzesPassed;
  const total = countedLessons.length + exercisesTotal + outline.quizzes.length;
  return {
    done,
    total,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    lessonsDone,
    lessonsTotal: countedLessons.length,
    exercisesPassed,
    exercisesTotal,
    quizzesPassed,
    quizzesTaken,
    quizzesTotal: outline.quizzes.length,
    averageQuizPercent: quizzesTaken === 0 ? null : Math.round((quizSum / quizzesTaken) * 1000) / 10,
  };
}

/** Buckets of the completion distribution chart: nobody started, finished, and fifths between. */
export const COMPLETION_BUCKETS = [
  { label: "0%", min: 0, max: 0 },
  { label: "1–19%", min: 1, max: 19 },
  { label: "20–39%", min: 20, max: 39 },
  { label: "40–59%", min: 40, max: 59 },
  { label: "60–79%", min: 60, max: 79 },
  { label: "80–99%", min: 80, max: 99 },
  { label: "100%", min: 100, max: 100 },
] as const;

/**
 * How many learners fall in each bucket. Bucketed on the exact fraction, not the rounded percent:
 * "100%" means everything done, "0%" nothing, and 41 of 42 items is "80–99%", never "100%".
 */
export function completionDistribution(learners: readonly { done: number; total: number }[]): { label: string; count: number }[] {
  const counts = COMPLETION_BUCKETS.map(() => 0);
  for (const { done, total } of learners) {
    let percent: number;
    if (total <= 0 || done <= 0) percent = 0;
    else if (done >= total) percent = 100;
    else percent = Math.min(99, Math.max(1, Math.floor((done / total) * 100)));
    counts[COMPLETION_BUCKETS.findIndex((b) => percent >= b.min && percent <= b.max)] += 1;
  }
  return COMPLETION_BUCKETS.map((b, i) => ({ label: b.label, count: counts[i] }));
}
