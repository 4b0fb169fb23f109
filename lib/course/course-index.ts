/**
 * The course index: everything the course is made of, read from the repository once, validated,
 * and cached in one place (decision 038). One read gives
 *   - the manifest (chapters and lessons from course.json and the lessons' frontmatter),
 *   - the exercises' metadata (exercises/<id>/meta.json, validated like the folder tests do),
 *   - the quizzes (content/quizzes/<id>.json, with their answer keys: server only),
 *   - the figures a lesson may place,
 * and the two views other layers consume, built from that same read: the progress catalog
 * (lib/progress/catalog.ts, plain data the browser's dashboard also counts with) and the
 * instructor's outline (lib/analytics/course.ts).
 *
 * A bad file (frontmatter, quiz, meta.json) makes the read throw, naming the file, for every
 * reader alike; `npm run content:check` reports the same problems at build time.
 *
 * Node only and framework-free: pages reach it through lib/course/course-index-server.ts,
 * scripts, benches and tests call it directly.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ContentError, DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource, type CourseManifest } from "../content/course";
import { figureNames, type FigureName } from "../content/figures";
import { exerciseMetaSchema } from "../grading/meta-schema";
import type { ExerciseMeta } from "../grading/types";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { buildOutline, type CourseOutline } from "../analytics/course";
import { buildCatalog, lessonHeadings, RECAP_HEADING_ID, type ProgressCatalog } from "../progress/catalog";
import { translateCatalog } from "../progress/catalog-translate";
import { DEFAULT_PASS_PERCENT } from "../quiz/constants";
import type { Quiz } from "../quiz/schema";
import { createQuizStore } from "../quiz/store";

export interface CourseIndex {
  locale: Locale;
  manifest: CourseManifest;
  /** By id, in id order. A translated index carries the translated titles. */
  exercises: ReadonlyMap<string, ExerciseMeta>;
  /** Every valid quiz file by id, answer keys included (never hand this to the browser). */
  quizzes: ReadonlyMap<string, Quiz>;
  figures: readonly FigureName[];
  catalog: ProgressCatalog;
  outline: CourseOutline;
}

/** Where the course's files are: the project's own by default; tests point these at fixtures. */
export interface CourseRoots {
  /** content/ (English); a translation lives in content/<locale>/. */
  content: string;
  /** exercises/: one folder per exercise with its meta.json. */
  exercises: string;
  /** messages/: the UI words (the Recap box's heading). */
  messages: string;
}

export const DEFAULT_ROOTS: CourseRoots = {
  content: DEFAULT_CONTENT_ROOT,
  exercises: path.join(process.cwd(), "exercises"),
  messages: path.join(process.cwd(), "messages"),
};

/** Where a locale's content lives: English at content/, a translation at content/<locale>/. */
export function contentRootFor(locale: Locale, contentRoot = DEFAULT_CONTENT_ROOT): string {
  return locale === DEFAULT_LOCALE ? contentRoot : path.join(contentRoot, locale);
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

/** The exercise folders (those with a meta.json), in id order. */
function exerciseIds(exercisesRoot: string): string[] {
  return readdirSync(exercisesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && statOrNull(path.join(exercisesRoot, entry.name, "meta.json")))
    .map((entry) => entry.name)
    .sort();
}

const statOrNull = (file: string) => statSync(file, { throwIfNoEntry: false }) ?? null;

/** Every exercise's meta.json, validated; every problem found is thrown together. */
export function readExerciseMetas(exercisesRoot = DEFAULT_ROOTS.exercises): Map<string, ExerciseMeta> {
  const metas = new Map<string, ExerciseMeta>();
  const problems: string[] = [];
  for (const id of exerciseIds(exercisesRoot)) {
    const file = `exercises/${id}/meta.json`;
    const parsed = exerciseMetaSchema.safeParse(readJson(path.join(exercisesRoot, id, "meta.json")));
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${file}: ${i.path.join(".")}: ${i.message}`));
    else if (parsed.data.id !== id) problems.push(`${file}: declares the id "${parsed.data.id}"; the folder name and the id must match`);
    else metas.set(id, parsed.data);
  }
  if (problems.length) throw new ContentError(problems);
  return metas;
}

function readQuizzes(contentRoot: string, translated: boolean): Map<string, Quiz> {
  // The index is the cache: the store is used once, to read and validate every file.
  const store = createQuizStore(contentRoot, { watch: false, translated });
  return new Map(store.listQuizIds().map((id) => [id, store.getQuiz(id)!]));
}

function assemble(locale: Locale, manifest: CourseManifest, exercises: Map<string, ExerciseMeta>, quizzes: Map<string, Quiz>, catalog: ProgressCatalog): CourseIndex {
  const outline = buildOutline(catalog, (id) => (quizzes.get(id)?.questions ?? []).map((q) => ({ id: q.id, prompt: q.prompt, type: q.type })));
  return { locale, manifest, exercises, quizzes, figures: figureNames, catalog, outline };
}

/** Reads the English course (uncached: `courseIndex()` below is the cached one). */
export function loadCourseIndex(roots: CourseRoots = DEFAULT_ROOTS): CourseIndex {
  const manifest = loadManifest(roots.content);
  const exercises = readExerciseMetas(roots.exercises);
  const quizzes = readQuizzes(roots.content, false);
  const files = new Map(manifest.lessons.map((l) => [l.slug, l.file]));
  const catalog = buildCatalog({
    manifest,
    exercises: [...exercises.values()].map((e) => ({ id: e.id, title: e.title, lesson: e.lesson })),
    quizzes: [...quizzes.values()].map((q) => ({ id: q.id, title: q.title, lesson: q.lesson, passPercent: q.passPercent ?? DEFAULT_PASS_PERCENT, questionCount: q.questions.length })),
    lessonSource: (slug) => {
      const file = files.get(slug);
      return file ? readLessonSource(roots.content, file) : undefined;
    },
  });
  return assemble(DEFAULT_LOCALE, manifest, exercises, quizzes, catalog);
}

/** An exercise's title in a locale (exercises/<id>/<locale>/meta.json), when it has one. */
function translatedTitle(exercisesRoot: string, id: string, locale: Locale): string | undefined {
  const file = path.join(exercisesRoot, id, locale, "meta.json");
  if (!statOrNull(file)) return undefined;
  const title = (readJson(file) as { title?: unknown }).title;
  return typeof title === "string" && title.trim() !== "" ? title : undefined;
}

/**
 * The course in another language: the translation's manifest and quizzes, and the English
 * index's ids, order and anchors with the translated titles over them (progress is shared by
 * every language). A quiz without a translation is the English one.
 */
export function translateCourseIndex(english: CourseIndex, locale: Locale, roots: CourseRoots = DEFAULT_ROOTS): CourseIndex {
  const root = contentRootFor(locale, roots.content);
  const manifest = loadManifest(root, { translated: true });
  const quizzes = new Map([...english.quizzes, ...readQuizzes(root, true)]);
  const exercises = new Map([...english.exercises].map(([id, meta]) => [id, { ...meta, title: translatedTitle(roots.exercises, id, locale) ?? meta.title }]));
  // The Recap box's heading (components/mdx/recap.tsx renders it from the lesson messages).
  const recap = (readJson(path.join(roots.messages, locale, "lesson.json")) as { recap: string }).recap;
  const catalog = translateCatalog(english.catalog, {
    lessons: new Map(
      manifest.lessons.map((l) => {
        const headings = lessonHeadings(readLessonSource(root, l.file)).map((h) => (h.id === RECAP_HEADING_ID ? recap : h.text));
        return [l.slug, { title: l.title, chapterTitle: l.chapterTitle, headings }];
      }),
    ),
    chapters: new Map(manifest.chapters.map((c) => [c.slug, c.title])),
    exercises: new Map([...exercises].map(([id, meta]) => [id, meta.title])),
    quizzes: new Map([...quizzes].map(([id, quiz]) => [id, quiz.title])),
  });
  return assemble(locale, manifest, exercises, quizzes, catalog);
}

/**
 * A fingerprint of every file the index reads (names and modification times), so that outside
 * production an author's edit shows on the next request without a restart.
 */
function sourceStamp(roots: CourseRoots): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else parts.push(`${full}@${statSync(full).mtimeMs}`);
    }
  };
  walk(roots.content);
  for (const id of exerciseIds(roots.exercises)) {
    const folder = path.join(roots.exercises, id);
    // Its own meta.json and a translation's (<id>/<locale>/meta.json).
    const translations = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const file of [path.join(folder, "meta.json"), ...translations.map((entry) => path.join(folder, entry.name, "meta.json"))]) {
      const stat = statOrNull(file);
      if (stat) parts.push(`${file}@${stat.mtimeMs}`);
    }
  }
  return parts.join("\n");
}

/**
 * A cache of the course under `roots`, per locale. `watch` (the default outside production):
 * re-read when a file changed; otherwise read once per process (content does not change while a
 * production server runs).
 */
export function createCourseIndexCache(roots: CourseRoots, options: { watch?: boolean } = {}): (locale?: Locale) => CourseIndex {
  const watch = options.watch ?? process.env.NODE_ENV !== "production";
  const cached = new Map<Locale, CourseIndex>();
  let stamp: string | null = null;
  const get = (locale: Locale): CourseIndex => {
    let index = cached.get(locale);
    if (!index) {
      index = locale === DEFAULT_LOCALE ? loadCourseIndex(roots) : translateCourseIndex(get(DEFAULT_LOCALE), locale, roots);
      cached.set(locale, index);
    }
    return index;
  };
  return (locale = DEFAULT_LOCALE) => {
    if (watch) {
      const now = sourceStamp(roots);
      if (now !== stamp) cached.clear();
      stamp = now;
    }
    return get(locale);
  };
}

/** The course being served, in a locale: the one cache every reader goes through. */
export const courseIndex = createCourseIndexCache(DEFAULT_ROOTS);
