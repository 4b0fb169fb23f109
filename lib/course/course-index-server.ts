/**
 * The course index for pages and API routes (server only: the index holds the quizzes' answer
 * keys). The reading and the one cache are ./course-index.ts; these name the views a page wants.
 */
import "server-only";
import type { CourseOutline } from "../analytics/course";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import type { ProgressCatalog } from "../progress/catalog";
import { courseIndex, type CourseIndex } from "./course-index";

export function getCourseIndex(locale: Locale = DEFAULT_LOCALE): CourseIndex {
  return courseIndex(locale);
}

/** What a learner progresses through, titled in `locale` (the dashboard of a Chinese page names things in Chinese). */
export function getProgressCatalog(locale: Locale = DEFAULT_LOCALE): ProgressCatalog {
  return courseIndex(locale).catalog;
}

/** The course as the instructor dashboard lists it (English). */
export function getCourseOutline(): CourseOutline {
  return courseIndex().outline;
}
