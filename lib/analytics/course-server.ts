import "server-only";
import { getProgressCatalog } from "../progress/catalog-server";
import type { CourseOutline } from "./course";
import { outlineFromCatalog } from "./course-load";

// Keyed by the catalog object, which is itself rebuilt only when the content is re-read.
const built = new WeakMap<object, CourseOutline>();

/** The outline of the course being served (instructor pages and API routes). */
export function getCourseOutline(): CourseOutline {
  const catalog = getProgressCatalog();
  let outline = built.get(catalog);
  if (!outline) {
    outline = outlineFromCatalog(catalog);
    built.set(catalog, outline);
  }
  return outline;
}
