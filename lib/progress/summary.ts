/**
 * What the dashboard shows, computed from a learner's progress and the catalog. Pure and
 * isomorphic: the server runs it on database rows, the browser on an anonymous learner's local
 * progress, so both dashboards count the same way.
 *
 * Counting rules:
 * - items of the course = lessons + coding exercises (builder track only) + quizzes;
 *   the concept track also leaves out lessons marked `track: builder` (mostly code).
 * - a lesson is done when complete, an exercise when all its tests passed once, a quiz when its
 *   best score reached the quiz's pass mark.
 * - switching track changes only what is counted; nothing stored is touched.
 * - progress on content no longer in the course is kept, counted apart and reported.
 */
import { formatScore, reachesPassMark, scoreFraction } from "../quiz/score";
import { isExercisePassed as passedRule } from "./passed";
import { indexCatalog, type CatalogLesson, type ProgressCatalog } from "./catalog";

import type { Track } from "./track";
export type { Track };

/** Times are milliseconds since the epoch (JSON-friendly on both sides). */
export interface LessonProgressItem {
  slug: string;
  status: "in-progress" | "complete";
  section: string | null;
  timeSpentSeconds: number;
  startedAt: number;
  completedAt: number | null;
  updatedAt: number;
}

export interface ExerciseProgressItem {
  id: string;
  attempts: number;
  bestPassed: number;
  testsTotal: number;
  /** When all tests first passed; null if never. */
  passedAt: number | null;
  lastAttemptAt: number | null;
}

export interface Score {
  score: number;
  maxScore: number;
  at: number;
}

export interface QuizProgressItem {
  id: string;
  attempts: number;
  best: Score | null;
  latest: Score | null;
}

export type ActivityEvent =
  | { kind: "exercise-run"; id: string; at: number; passed: boolean; testsPassed: number; testsTotal: number }
  | { kind: "quiz-attempt"; id: string; at: number; score: number | null; maxScore: number | null };

export interface ProgressSnapshot {
  track: Track;
  lessons: LessonProgressItem[];
  exercises: ExerciseProgressItem[];
  quizzes: QuizProgressItem[];
  /** Recent exercise runs and quiz attempts (any order; the summary sorts and trims). */
  events: ActivityEvent[];
}

export interface ChapterSummary {
  slug: string;
  number: number;
  title: string;
  done: number;
  total: number;
  percent: number;
  lessons: { slug: string; title: string; href: string; status: "not-started" | "in-progress" | "complete"; counted: boolean }[];
}

export interface ContinueTarget {
  /** `/learn/<chapter>/<slug>` plus `#<section>` when resuming inside the lesson. */
  href: string;
  lessonSlug: string;
  lessonTitle: string;
  chapterTitle: string;
  sectionId: string | null;
  sectionTitle: string | null;
  /** resume: a lesson in progress; next: the lesson after the last one completed; start: nothing yet; finish: lessons done, exercises or a quiz left. */
  reason: "resume" | "next" | "start" | "finish";
}

export interface QuizScoreSummary {
  id: string;
  title: string;
  href: string;
  attempts: number;
  passPercent: number;
  best: (Score & { percent: number }) | null;
  latest: (Score & { percent: number }) | null;
  passed: boolean;
}

export interface ActivityLine {
  at: number;
  text: string;
  href: string | null;
}

export interface DashboardSummary {
  track: Track;
  overall: { done: number; total: number; percent: number };
  lessons: { done: number; total: number };
  exercises: {
    passed: number;
    total: number;
    counted: boolean;
    list: { id: string; title: string; href: string; passedAt: number }[];
    /** The first exercise in course order not passed yet. */
    next: { id: string; title: string; href: string; lessonTitle: string } | null;
  };
  quizzes: { passed: number; total: number; scores: QuizScoreSummary[] };
  chapters: ChapterSummary[];
  continueAt: ContinueTarget | null;
  timeSpentSeconds: number;
  recentActivity: ActivityLine[];
  /** Progress that refers to content no longer in the course: kept, counted here, never lost. */
  orphans: { lessons: number; exercises: number; quizzes: number; messages: string[] };
  started: boolean;
}

const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));
const ratio = (s: Score) => (s.maxScore > 0 ? s.score / s.maxScore : 0);
/** A score as a percentage, rounded to a whole number for display. */
export const scorePercent = (s: Score) => Math.round(ratio(s) * 1000) / 10;

export function isExercisePassed(e: ExerciseProgressItem): boolean {
  return passedRule({ firstPassedAt: e.passedAt });
}

export function isQuizPassed(q: QuizProgressItem, passPercent: number): boolean {
  return reachesPassMark(q.best && scoreFraction(q.best), passPercent);
}

/**
 * The words of the activity lines and of the notes on progress the course no longer has. The
 * summary is plain text so the server and the browser render the same; a page in another
 * language passes its own (components/dashboard/summary-words.ts).
 */
export interface SummaryWords {
  /** A title inside a line: “Softmax”. */
  named(title: string): string;
  /** What a line calls content that is no longer in the course. */
  removed(id: string): string;
  started(name: string): string;
  completed(name: string): string;
  exerciseRun(name: string, passed: boolean, testsPassed: number, testsTotal: number): string;
  /** `score` is "7 / 10", or null when the attempt recorded none. */
  quizTaken(name: string, score: string | null): string;
  orphans(count: number, kind: "lesson" | "exercise" | "quiz"): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ORPHAN_NOUNS = { lesson: ["a lesson", "lessons"], exercise: ["an exercise", "exercises"], quiz: ["a quiz", "quizzes"] } as const;

export const ENGLISH_SUMMARY_WORDS: SummaryWords = {
  named: (title) => `“${title}”`,
  removed: (id) => `“${id}” (no longer in the course)`,
  started: (name) => `Started ${name}`,
  completed: (name) => `Completed ${name}`,
  exerciseRun: (name, passed, testsPassed, testsTotal) => `${passed ? "Passed" : "Ran"} exercise ${name}: ${testsPassed} / ${testsTotal} tests passed`,
  quizTaken: (name, score) => `Took quiz ${name}${score === null ? "" : `: ${score}`}`,
  orphans: (count, kind) => `${plural(count, "item refers", "items refer")} to ${ORPHAN_NOUNS[kind][count === 1 ? 0 : 1]} no longer in the course`,
};

export interface SummaryOptions {
  recentLimit?: number;
  words?: SummaryWords;
}

export function summarizeProgress(catalog: ProgressCatalog, snapshot: ProgressSnapshot, options: SummaryOptions = {}): DashboardSummary {
  const words = options.words ?? ENGLISH_SUMMARY_WORDS;
  const index = indexCatalog(catalog);
  const builder = snapshot.track === "BUILDER";
  const lessonCounted = (l: CatalogLesson) => builder || l.track === "concept";

  const lessonBySlug = new Map(snapshot.lessons.map((l) => [l.slug, l]));
  const exerciseById = new Map(snapshot.exercises.map((e) => [e.id, e]));
  const quizById = new Map(snapshot.quizzes.map((q) => [q.id, q]));

  const lessonDone = (slug: string) => lessonBySlug.get(slug)?.status === "complete";
  const exerciseDone = (id: string) => {
    const e = exerciseById.get(id);
    return e !== undefined && isExercisePassed(e);
  };
  const quizDone = (id: string) => {
    const q = quizById.get(id);
    const quiz = index.quiz.get(id);
    return q !== undefined && quiz !== undefined && isQuizPassed(q, quiz.passPercent);
  };

  /** Items of one lesson that count on this track, and how many are done. */
  const lessonItems = (l: CatalogLesson) => {
    let total = 0;
    let done = 0;
    if (lessonCounted(l)) {
      total += 1;
      if (lessonDone(l.slug)) done += 1;
    }
    if (builder) {
      total += l.exercises.length;
      done += l.exercises.filter(exerciseDone).length;
    }
    if (l.quiz) {
      total += 1;
      if (quizDone(l.quiz)) done += 1;
    }
    return { total, done };
  };

  const chapters: ChapterSummary[] = catalog.chapters.map((c) => {
    let done = 0;
    let total = 0;
    const lessons = c.lessons.map((slug) => {
      const l = index.lesson.get(slug)!;
      const items = lessonItems(l);
      done += items.done;
      total += items.total;
      const row = lessonBySlug.get(slug);
      return {
        slug,
        title: l.title,
        href: l.href,
        status: row ? row.status : ("not-started" as const),
        counted: lessonCounted(l),
      };
    });
    return { slug: c.slug, number: c.number, title: c.title, done, total, percent: percentOf(done, total), lessons };
  });

  const countedLessons = catalog.lessons.filter(lessonCounted);
  const lessonsDone = countedLessons.filter((l) => lessonDone(l.slug)).length;
  const exercisesPassedList = catalog.exercises
    .filter((e) => exerciseDone(e.id))
    .map((e) => ({ id: e.id, title: e.title, href: index.lesson.get(e.lesson)!.href, passedAt: exerciseById.get(e.id)!.passedAt ?? exerciseById.get(e.id)!.lastAttemptAt ?? 0 }))
    .sort((a, b) => b.passedAt - a.passedAt);

  const quizScores: QuizScoreSummary[] = catalog.quizzes.map((quiz) => {
    const q = quizById.get(quiz.id);
    const withPercent = (s: Score | null) => (s ? { ...s, percent: scorePercent(s) } : null);
    return {
      id: quiz.id,
      title: quiz.title,
      href: index.lesson.get(quiz.lesson)!.href,
      attempts: q?.attempts ?? 0,
      passPercent: quiz.passPercent,
      best: withPercent(q?.best ?? null),
      latest: withPercent(q?.latest ?? null),
      passed: quizDone(quiz.id),
    };
  });
  const quizzesPassed = quizScores.filter((q) => q.passed).length;

  const done = chapters.reduce((n, c) => n + c.done, 0);
  const total = chapters.reduce((n, c) => n + c.total, 0);

  const orphanLessons = snapshot.lessons.filter((l) => !index.lesson.has(l.slug)).length;
  const orphanExercises = snapshot.exercises.filter((e) => !index.exercise.has(e.id)).length;
  const orphanQuizzes = snapshot.quizzes.filter((q) => !index.quiz.has(q.id)).length;

  return {
    track: snapshot.track,
    overall: { done, total, percent: percentOf(done, total) },
    lessons: { done: lessonsDone, total: countedLessons.length },
    exercises: { passed: exercisesPassedList.length, total: catalog.exercises.length, counted: builder, list: exercisesPassedList, next: nextExercise(catalog, exerciseDone) },
    quizzes: { passed: quizzesPassed, total: catalog.quizzes.length, scores: quizScores },
    chapters,
    continueAt: continueTarget(catalog, snapshot, lessonCounted, lessonItems),
    timeSpentSeconds: snapshot.lessons.reduce((n, l) => n + l.timeSpentSeconds, 0),
    recentActivity: recentActivity(catalog, snapshot, options.recentLimit ?? 8, words),
    orphans: {
      lessons: orphanLessons,
      exercises: orphanExercises,
      quizzes: orphanQuizzes,
      messages: (
        [
          [orphanLessons, "lesson"],
          [orphanExercises, "exercise"],
          [orphanQuizzes, "quiz"],
        ] as const
      )
        .filter(([count]) => count > 0)
        .map(([count, kind]) => words.orphans(count, kind)),
    },
    started: snapshot.lessons.length + snapshot.exercises.length + snapshot.quizzes.length > 0,
  };
}

function nextExercise(catalog: ProgressCatalog, done: (id: string) => boolean): DashboardSummary["exercises"]["next"] {
  const titles = new Map(catalog.exercises.map((e) => [e.id, e.title]));
  for (const lesson of catalog.lessons) {
    const id = lesson.exercises.find((e) => !done(e));
    if (id) return { id, title: titles.get(id) ?? id, href: lesson.href, lessonTitle: lesson.title };
  }
  return null;
}

function target(lesson: CatalogLesson, section: string | null, reason: ContinueTarget["reason"]): ContinueTarget {
  const heading = section ? lesson.headings.find((h) => h.id === section) : undefined;
  return {
    href: section ? `${lesson.href}#${section}` : lesson.href,
    lessonSlug: lesson.slug,
    lessonTitle: lesson.title,
    chapterTitle: lesson.chapterTitle,
    sectionId: section,
    sectionTitle: heading?.text ?? null,
    reason,
  };
}

/**
 * "Continue where you left off": the lesson touched last if it is unfinished (at its section);
 * else the next unfinished lesson after it in course order (wrapping round); with every lesson
 * complete, the first lesson that still has an exercise or quiz to do; null when all is done.
 */
function continueTarget(
  catalog: ProgressCatalog,
  snapshot: ProgressSnapshot,
  counted: (l: CatalogLesson) => boolean,
  items: (l: CatalogLesson) => { total: number; done: number },
): ContinueTarget | null {
  const lessons = catalog.lessons.filter(counted);
  if (lessons.length === 0) return null;
  const rows = new Map(snapshot.lessons.map((l) => [l.slug, l]));
  const touched = lessons
    .map((l) => ({ lesson: l, row: rows.get(l.slug) }))
    .filter((x): x is { lesson: CatalogLesson; row: LessonProgressItem } => x.row !== undefined)
    .sort((a, b) => b.row.updatedAt - a.row.updatedAt);
  if (touched.length === 0) return target(lessons[0], null, "start");

  const last = touched[0];
  if (last.row.status !== "complete") return target(last.lesson, last.row.section, "resume");

  const at = lessons.indexOf(last.lesson);
  for (let k = 1; k <= lessons.length; k++) {
    const lesson = lessons[(at + k) % lessons.length];
    const row = rows.get(lesson.slug);
    if (row?.status === "complete") continue;
    return row ? target(lesson, row.section, "resume") : target(lesson, null, "next");
  }
  const unfinished = lessons.find((l) => {
    const { total, done } = items(l);
    return done < total;
  });
  return unfinished ? target(unfinished, null, "finish") : null;
}

function recentActivity(catalog: ProgressCatalog, snapshot: ProgressSnapshot, limit: number, words: SummaryWords): ActivityLine[] {
  const index = indexCatalog(catalog);
  const lessonName = (slug: string) => {
    const l = index.lesson.get(slug);
    return l ? { text: words.named(l.title), href: l.href } : { text: words.removed(slug), href: null };
  };
  const lines: ActivityLine[] = [];
  for (const row of snapshot.lessons) {
    const { text, href } = lessonName(row.slug);
    lines.push({ at: row.startedAt, text: words.started(text), href });
    if (row.completedAt !== null) lines.push({ at: row.completedAt, text: words.completed(text), href });
  }
  for (const event of snapshot.events) {
    if (event.kind === "exercise-run") {
      const e = index.exercise.get(event.id);
      const name = e ? words.named(e.title) : words.removed(event.id);
      const href = e ? index.lesson.get(e.lesson)!.href : null;
      lines.push({ at: event.at, text: words.exerciseRun(name, event.passed, event.testsPassed, event.testsTotal), href });
    } else {
      const q = index.quiz.get(event.id);
      const name = q ? words.named(q.title) : words.removed(event.id);
      const href = q ? index.lesson.get(q.lesson)!.href : null;
      const score = event.score !== null && event.maxScore !== null ? formatScore({ score: event.score, maxScore: event.maxScore }) : null;
      lines.push({ at: event.at, text: words.quizTaken(name, score), href });
    }
  }
  return lines.sort((a, b) => b.at - a.at).slice(0, limit);
}


/** 59 -> "59 s"; 3725 -> "1 h 2 min"; 600 -> "10 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
