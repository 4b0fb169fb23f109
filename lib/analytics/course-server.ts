import "server-only";
import { getProgressCatalog } from "../progress/catalog-server";
import { getQuiz } from "../quiz/load";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { buildOutline, type CourseOutline } from "./course";
import { outlineFromCatalog } from "./course-load";

// Keyed by the catalog object, which is itself rebuilt only when the content is re-read.
const built = new WeakMap<object, CourseOutline>();

/**
 * The outline of the course being served (instructor pages and API routes). `locale` names the
 * lessons, exercises, quizzes and questions in that language, for a page to show; the API routes
 * and the CSV exports use the English one (their columns are read by scripts, decision 041).
 */
export function getCourseOutline(requested: string = DEFAULT_LOCALE): CourseOutline {
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const catalog = getProgressCatalog(locale);
  let outline = built.get(catalog);
  if (!outline) {
    outline =
      locale === DEFAULT_LOCALE
        ? outlineFromCatalog(catalog)
        : buildOutline(catalog, (id) => (getQuiz(id, locale)?.questions ?? []).map((q) => ({ id: q.id, prompt: q.prompt, type: q.type })));
    built.set(catalog, outline);
  }
  return outline;
}
