/**
 * The course index for pages and API routes (server only: the index holds the quizzes' answer
 * keys). The reading and the one cache are ./course-index.ts; these name the views a page wants.
 */
import "server-only";
import type { CourseOutline } from "../analytics/course";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales";
import type { ProgressCatalog } from "../progress/catalog";
import { courseIndex, type CourseIndex } from "./course-index";

export function getCourseIndex(locale: Locale = DEFAULT_LOCALE): CourseIndex {
  return courseIndex(locale);
}

/** What a learner progresses through, titled in `locale` (the dashboard of a Chinese page names things in Chinese). */
export function getProgressCatalog(locale: Locale = DEFAULT_LOCALE): ProgressCatalog {
  return courseIndex(locale).catalog;
}

/**
 * The course as the instructor dashboard lists it, named in `locale` for a page to show; the API
 * routes and the CSV exports use the English one (their columns are read by scripts, decision 041).
 */
export function getCourseOutline(requested: string = DEFAULT_LOCALE): CourseOutline {
  return courseIndex(isLocale(requested) ? requested : DEFAULT_LOCALE).outline;
}
