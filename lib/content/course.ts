/**
 * The course manifest: chapters from content/course.json, lessons from the frontmatter of
 * content/chapters/<NN>-<chapter>/<NN>-<lesson>.mdx. Framework-free (used by pages through
 * lib/content/loader.ts, by the content check and by tests). Throws ContentError with every
 * problem found, so a broken lesson fails the build with a readable list.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { courseSchema, frontmatterSchema, translatedFrontmatterSchema, type Chapter, type Course, type Frontmatter } from "./schema";

export interface LessonMeta extends Frontmatter {
  /** Translations only: the hash of the English file this one was translated from. */
  sourceHash?: string;
  slug: string;
  /** Path relative to the content root, for messages. */
  file: string;
  href: string;
  chapterNumber: number;
  chapterTitle: string;
  /** Position in the whole course, 0-based. */
  index: number;
}

export interface CourseManifest {
  course: Course;
  chapters: (Chapter & { lessons: LessonMeta[]; minutes: number })[];
  lessons: LessonMeta[];
}

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Content problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

export const DEFAULT_CONTENT_ROOT = path.join(process.cwd(), "content");

export const lessonHref = (chapter: string, slug: string) => `/learn/${chapter}/${slug}`;

const FILE_PATTERN = /^(\d+)-([a-z0-9-]+)\.mdx$/;

export function readLessonSource(contentRoot: string, file: string): string {
  return readFileSync(path.join(contentRoot, file), "utf8");
}

/** `translated`: the root is a translation folder (content/zh), whose lessons may record a sourceHash. */
export function loadManifest(contentRoot = DEFAULT_CONTENT_ROOT, options: { translated?: boolean } = {}): CourseManifest {
  const schema = options.translated ? translatedFrontmatterSchema : frontmatterSchema;
  const problems: string[] = [];
  const courseParse = courseSchema.safeParse(JSON.parse(readFileSync(path.join(contentRoot, "course.json"), "utf8")));
  if (!courseParse.success) {
    throw new ContentError(courseParse.error.issues.map((i) => `course.json: ${i.path.join(".")}: ${i.message}`));
  }
  const course = courseParse.data;
  const chapterBySlug = new Map(course.chapters.map((c) => [c.slug, c]));
  const chaptersDir = path.join(contentRoot, "chapters");
  const lessons: LessonMeta[] = [];

  const folders = existsSync(chaptersDir) ? readdirSync(chaptersDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const folder of folders) {
    const folderChapter = folder.name.replace(/^\d+-/, "");
    if (!chapterBySlug.has(folderChapter)) problems.push(`chapters/${folder.name}: no chapter "${folderChapter}" in course.json`);
    for (const name of readdirSync(path.join(chaptersDir, folder.name)).sort()) {
      const file = `chapters/${folder.name}/${name}`;
      const match = FILE_PATTERN.exec(name);
      if (!match) {
        problems.push(`${file}: lesson files are named <NN>-<slug>.mdx`);
        continue;
      }
      const { data } = matter(readLessonSource(contentRoot, file));
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${file}: frontmatter ${issue.path.join(".") || ""}: ${issue.message}`);
        continue;
      }
      const fm = parsed.data;
      const chapter = chapterBySlug.get(fm.chapter);
      if (!chapter) {
        problems.push(`${file}: chapter "${fm.chapter}" is not in course.json`);
        continue;
      }
      if (fm.chapter !== folderChapter) problems.push(`${file}: frontmatter chapter "${fm.chapter}" but the file is in ${folder.name}`);
      lessons.push({
        ...fm,
        slug: match[2],
        file,
        href: lessonHref(fm.chapter, match[2]),
        chapterNumber: chapter.number,
        chapterTitle: chapter.title,
        index: 0,
      });
    }
  }

  const seenSlugs = new Map<string, string>();
  const seenOrders = new Map<string, string>();
  for (const lesson of lessons) {
    const other = seenSlugs.get(lesson.slug);
    if (other) problems.push(`${lesson.file}: duplicate lesson slug "${lesson.slug}" (also ${other})`);
    seenSlugs.set(lesson.slug, lesson.file);
    const orderKey = `${lesson.chapter}#${lesson.order}`;
    const sameOrder = seenOrders.get(orderKey);
    if (sameOrder) problems.push(`${lesson.file}: duplicate order ${lesson.order} in chapter ${lesson.chapter} (also ${sameOrder})`);
    seenOrders.set(orderKey, lesson.file);
  }
  if (problems.length) throw new ContentError(problems);

  lessons.sort((a, b) => a.chapterNumber - b.chapterNumber || a.order - b.order);
  lessons.forEach((lesson, i) => (lesson.index = i));
  const chapters = [...course.chapters]
    .sort((a, b) => a.number - b.number)
    .map((chapter) => {
      const own = lessons.filter((l) => l.chapter === chapter.slug);
      return { ...chapter, lessons: own, minutes: own.reduce((sum, l) => sum + l.minutes, 0) };
    });
  return { course, chapters, lessons };
}
