import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentRootFor, getManifest } from "../content/loader";
import { readLessonSource } from "../content/course";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { lessonHeadings, RECAP_HEADING_ID, type ProgressCatalog } from "./catalog";
import { quizStore } from "../quiz/store";
import { loadProgressCatalog } from "./catalog-load";
import { translateCatalog, type CatalogTitles } from "./catalog-translate";

// Keyed by the manifest object: production keeps one manifest for the life of the process, so the
// catalog is built once; development re-reads content on each request, and so does this.
const built = new WeakMap<object, ProgressCatalog>();

/**
 * The progress catalog of the course being served (pages and API routes), with the titles of
 * `locale` (the dashboard of a Chinese page names lessons, quizzes and exercises in Chinese).
 */
export function getProgressCatalog(locale: Locale = DEFAULT_LOCALE): ProgressCatalog {
  const english = englishCatalog();
  if (locale === DEFAULT_LOCALE) return english;
  const manifest = getManifest(locale);
  let catalog = built.get(manifest);
  if (!catalog) {
    catalog = translateCatalog(english, readTitles(locale));
    built.set(manifest, catalog);
  }
  return catalog;
}

function englishCatalog(): ProgressCatalog {
  const manifest = getManifest();
  let catalog = built.get(manifest);
  if (!catalog) {
    catalog = loadProgressCatalog(manifest);
    built.set(manifest, catalog);
  }
  return catalog;
}

/** The Recap box's heading (components/mdx/recap.tsx renders it from the lesson messages). */
const recapTitle = (locale: Locale) => (JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "lesson.json"), "utf8")) as { recap: string }).recap;

function readTitles(locale: Locale): CatalogTitles {
  const manifest = getManifest(locale);
  const root = contentRootFor(locale);
  const recap = recapTitle(locale);
  const lessons = new Map(
    manifest.lessons.map((l) => {
      const headings = lessonHeadings(readLessonSource(root, l.file)).map((h) => (h.id === RECAP_HEADING_ID ? recap : h.text));
      return [l.slug, { title: l.title, chapterTitle: l.chapterTitle, headings }];
    }),
  );
  const exercises = new Map<string, string>();
  for (const e of englishCatalog().exercises) {
    const file = path.join(process.cwd(), "exercises", e.id, locale, "meta.json");
    if (!existsSync(file)) continue;
    const title = (JSON.parse(readFileSync(file, "utf8")) as { title?: unknown }).title;
    if (typeof title === "string" && title.trim() !== "") exercises.set(e.id, title);
  }
  const quizzes = quizStore(root, { translated: true });
  const quizTitles = new Map<string, string>();
  for (const id of quizzes.listQuizIds()) {
    const title = quizzes.getQuiz(id)?.title;
    if (title) quizTitles.set(id, title);
  }
  return { lessons, chapters: new Map(manifest.chapters.map((c) => [c.slug, c.title])), exercises, quizzes: quizTitles };
}
