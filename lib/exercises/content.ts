/**
 * Reads an exercise's files on the server: what the lesson page shows (brief, starter, the number
 * of hints), each hint for the hint endpoint and, only for the "Show solution" endpoint, the
 * reference solution. Ids are checked against
 * the registry before any path is built. The page data never includes solution.ts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ExerciseMeta } from "../grading/types";
import { HttpError } from "../http/errors";
import { DEFAULT_TIME_LIMIT_MS, requireExercise } from "./catalog";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";

export interface ExercisePageData {
  meta: ExerciseMeta;
  timeLimitMs: number;
  /** Markdown (with $math$) for the card. */
  brief: string;
  /** The starter module the editor opens with. */
  starter: string;
  /** How many hints there are: the texts are served one at a time by POST /api/exercises/<id>/hint. */
  hintCount: number;
}

/** Splits hints.md at its "## Hint N" ("## 提示 N") headings. Text before the first heading is ignored. */
export function parseHints(markdown: string): string[] {
  const parts = markdown.replace(/\r\n/g, "\n").split(/^##[ \t]+(?:Hint|提示)[ \t]*\d+[^\n]*\n/m);
  return parts
    .slice(1)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The path stays visibly inside exercises/ so that the build traces only that folder. */
function file(id: string, name: string): string {
  return path.join(process.cwd(), "exercises", id, name);
}

/** Drops a translation's leading `<!-- sourceHash: ... -->` line (decision 023). */
const withoutHashComment = (text: string) => text.replace(/^<!--\s*sourceHash:[^\n]*-->\r?\n?/, "");

const readTranslated = (id: string, locale: Locale, name: string) => readFile(path.join(process.cwd(), "exercises", id, locale, name), "utf8");

/** Reads a prose file (brief, hints) in a locale, falling back to the English when it has no translation. */
function proseReader(id: string, locale: Locale): (name: string) => Promise<string> {
  const english = (name: string) => readFile(file(id, name), "utf8");
  if (locale === DEFAULT_LOCALE) return english;
  return (name) => readTranslated(id, locale, name).then(withoutHashComment, () => english(name));
}

/**
 * The card's data in a locale: a translation (exercises/<id>/<locale>/) supplies the brief, the
 * hints and the title; the starter, tests and limits are the same in every language.
 */
export async function loadExercisePageData(id: string, locale: Locale = DEFAULT_LOCALE): Promise<ExercisePageData> {
  const meta = requireExercise(id);
  const read = (name: string) => readFile(file(id, name), "utf8");
  const readProse = proseReader(id, locale);
  const [brief, starter, hints, title] = await Promise.all([
    readProse("brief.md"),
    read("starter.ts"),
    readProse("hints.md"),
    locale === DEFAULT_LOCALE ? meta.title : readTranslated(id, locale, "meta.json").then((json) => (JSON.parse(json) as { title?: string }).title ?? meta.title, () => meta.title),
  ]);
  return { meta: { ...meta, title }, timeLimitMs: meta.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, brief, starter, hintCount: parseHints(hints).length };
}

/** How many hints an exercise has (the hint endpoint accepts 1..count). */
export async function countHints(id: string): Promise<number> {
  requireExercise(id);
  return parseHints(await readFile(file(id, "hints.md"), "utf8")).length;
}

/** The Markdown of hint `number` (1-based) in a locale; 404 when there is no such hint. Rendered by ./hint-render.ts. */
export async function readHint(id: string, number: number, locale: Locale = DEFAULT_LOCALE): Promise<string> {
  requireExercise(id);
  const hints = parseHints(await proseReader(id, locale)("hints.md"));
  const hint = hints[number - 1];
  if (hint === undefined) throw new HttpError(404, `This exercise has no hint ${number}.`);
  return hint;
}

/** The reference solution. Only the solution endpoint calls this, after recording the view. */
export async function readSolutionSource(id: string): Promise<string> {
  requireExercise(id);
  return readFile(file(id, "solution.ts"), "utf8");
}
