/**
 * The translation check (decision 023): for a locale, every English lesson, quiz and exercise
 * brief/hints/meta must have a translation (missing: error); each translation records the hash
 * of the English it was made from (changed since: warning, "stale"); a current translation must
 * keep the English structure (error) and the glossary's fixed terms (an `avoid` rendering: error).
 * An exercise's test names are checked against its spec (decision 028): exercises/<id>/<locale>/tests.json
 * must name every test of exercises/<id>/spec.ts (missing: error; a name the spec no longer has: warning).
 * Framework-free and CommonJS-safe: used by the content check and by Jest directly.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { testNameProblems, testsFile, type SpecTestNames } from "./test-name-translations";
import { compareOutlines, outline, unrenderedEmphasis } from "./translation-outline";

export type TranslationKind = "lesson" | "quiz" | "brief" | "hints" | "meta" | "course";

export interface TranslationPair {
  kind: TranslationKind;
  /** Paths relative to the project root, with forward slashes. */
  source: string;
  translation: string;
}

export type TranslationStatus = "current" | "missing" | "stale";

export interface TranslationReport {
  locale: string;
  pairs: (TranslationPair & { status: TranslationStatus })[];
  errors: string[];
  warnings: string[];
}

export interface CheckTranslationsOptions {
  /** When given, every exercise listed must have its test names translated (see loadSpecTestNames). */
  testNames?: SpecTestNames;
}

export interface GlossaryEntry {
  en: string;
  zh: string;
  avoid: string[];
}

/** Frontmatter values a translator translates; every other key must equal the English. */
export const PROSE_FRONTMATTER = new Set(["title", "summary", "objectives"]);
/** Quiz keys whose values are prose (typed answers too: a Chinese answer may be accepted). */
export const QUIZ_PROSE = new Set(["title", "prompt", "explanation", "text", "feedback", "unit", "accepted"]);
/** course.json keys a translator translates (course and chapter titles and summaries). */
export const COURSE_PROSE = new Set(["title", "summary"]);
const HASH = /^[0-9a-f]{12}$/;
const LOCALE_FOLDER = /^[a-z]{2}(-[A-Z]{2})?$/;

/** First 12 hex characters of the sha256 of the English file's bytes (`sha256sum f | cut -c1-12`). */
export function hashSource(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

/** Locales with a translation folder (content/<locale>/), e.g. ["zh"]. */
export function translationLocales(root: string): string[] {
  const dir = path.join(root, "content");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && LOCALE_FOLDER.test(d.name))
    .map((d) => d.name)
    .sort();
}

const list = (dir: string, keep: (name: string) => boolean) => (existsSync(dir) ? readdirSync(dir).filter(keep).sort() : []);

/** Every English file that needs a translation, with the path its translation lives at. */
export function listTranslationPairs(root: string, locale: string): TranslationPair[] {
  const pairs: TranslationPair[] = [];
  if (existsSync(path.join(root, "content", "course.json"))) {
    pairs.push({ kind: "course", source: "content/course.json", translation: `content/${locale}/course.json` });
  }
  const chapters = path.join(root, "content", "chapters");
  for (const chapter of list(chapters, (n) => !n.startsWith("."))) {
    for (const file of list(path.join(chapters, chapter), (n) => n.endsWith(".mdx"))) {
      pairs.push({ kind: "lesson", source: `content/chapters/${chapter}/${file}`, translation: `content/${locale}/chapters/${chapter}/${file}` });
    }
  }
  for (const file of list(path.join(root, "content", "quizzes"), (n) => n.endsWith(".json"))) {
    pairs.push({ kind: "quiz", source: `content/quizzes/${file}`, translation: `content/${locale}/quizzes/${file}` });
  }
  const exercises = path.join(root, "exercises");
  for (const id of list(exercises, (n) => existsSync(path.join(exercises, n, "meta.json")))) {
    for (const [kind, file] of [["brief", "brief.md"], ["hints", "hints.md"], ["meta", "meta.json"]] as const) {
      if (existsSync(path.join(exercises, id, file))) pairs.push({ kind, source: `exercises/${id}/${file}`, translation: `exercises/${id}/${locale}/${file}` });
    }
  }
  return pairs;
}

/** Translated files with no English source any more (a renamed or removed lesson, quiz or exercise). */
function orphans(root: string, locale: string, pairs: TranslationPair[]): string[] {
  const expected = new Set(pairs.map((p) => p.translation));
  const found: string[] = existsSync(path.join(root, "content", locale, "course.json")) ? [`content/${locale}/course.json`] : [];
  const chapters = path.join(root, "content", locale, "chapters");
  for (const chapter of list(chapters, () => true)) {
    for (const file of list(path.join(chapters, chapter), (n) => n.endsWith(".mdx"))) found.push(`content/${locale}/chapters/${chapter}/${file}`);
  }
  for (const file of list(path.join(root, "content", locale, "quizzes"), (n) => n.endsWith(".json"))) found.push(`content/${locale}/quizzes/${file}`);
  const exercises = path.join(root, "exercises");
  for (const id of list(exercises, (n) => existsSync(path.join(exercises, n, locale)))) {
    for (const file of list(path.join(exercises, id, locale), () => true)) found.push(`exercises/${id}/${locale}/${file}`);
    if (existsSync(path.join(exercises, id, "spec.ts"))) expected.add(testsFile(id, locale));
  }
  return found.filter((f) => !expected.has(f));
}

/** The hash a translation records, or undefined when it records none. */
export function recordedHash(kind: TranslationKind, text: string): string | undefined {
  if (kind === "lesson") {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    return /^sourceHash:\s*["']?([^"'\s]+)["']?\s*$/m.exec(front)?.[1];
  }
  if (kind === "brief" || kind === "hints") return /^<!--\s*sourceHash:\s*(\S+)\s*-->/.exec(text)?.[1];
  try {
    const value = (JSON.parse(text) as { sourceHash?: unknown }).sourceHash;
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function frontmatterProblems(english: string, translation: string): string[] {
  const a = matter(english).data as Record<string, unknown>;
  const b = matter(translation).data as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) problems.push(`frontmatter lacks "${key}" (keep every English key)`);
    else if (!PROSE_FRONTMATTER.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      problems.push(`frontmatter "${key}" is ${JSON.stringify(b[key])}, the English has ${JSON.stringify(a[key])} (only ${[...PROSE_FRONTMATTER].join(", ")} are translated)`);
    }
  }
  for (const key of Object.keys(b)) if (!(key in a) && key !== "sourceHash") problems.push(`frontmatter has "${key}", which the English does not`);
  if (Array.isArray(a.objectives) && Array.isArray(b.objectives) && a.objectives.length !== b.objectives.length) {
    problems.push(`has ${b.objectives.length} objectives, the English has ${a.objectives.length}`);
  }
  return problems;
}

/** The quiz with prose replaced by a marker: ids, answers, numbers and links must be equal. */
function quizSkeleton(value: unknown, key = "", prose = QUIZ_PROSE): unknown {
  if (prose.has(key)) return "<prose>";
  if (Array.isArray(value)) return value.map((v) => quizSkeleton(v, "", prose));
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([k]) => k !== "sourceHash");
    return Object.fromEntries(entries.sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, quizSkeleton(v, k, prose)]));
  }
  return value;
}

function skeletonDifferences(a: unknown, b: unknown, at: string, out: string[]): void {
  if (out.length >= 5) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const bothObjects = a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    out.push(`${at || "quiz"}: the English has ${JSON.stringify(a) ?? "nothing"}, the translation ${JSON.stringify(b) ?? "nothing"}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    out.push(`${at}: the English has ${a.length} entries, the translation ${b.length}`);
    return;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const next = Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k;
    skeletonDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], next, out);
  }
}

/** Quizzes and course.json: everything but the prose keys must equal the English. */
function jsonProblems(english: string, translation: string, prose: Set<string>): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(translation);
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  const out: string[] = [];
  skeletonDifferences(quizSkeleton(JSON.parse(english), "", prose), quizSkeleton(parsed, "", prose), "", out);
  return out.map((d) => `${d} (only prose is translated: ${[...prose].join(", ")})`);
}

function metaProblems(translation: string): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(translation) as Record<string, unknown>;
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (typeof parsed.title !== "string" || parsed.title.trim() === "") problems.push(`needs a translated "title"`);
  const extra = Object.keys(parsed).filter((k) => k !== "title" && k !== "sourceHash");
  if (extra.length) problems.push(`holds only "title" and "sourceHash" (the rest comes from the English meta.json), found ${extra.join(", ")}`);
  return problems;
}

/** Prose strings of a quiz with their JSON paths (they are Markdown too). */
function quizProse(value: unknown, at = "", key = ""): { at: string; text: string }[] {
  if (QUIZ_PROSE.has(key) && typeof value === "string") return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => quizProse(v, `${at}[${i}]`, QUIZ_PROSE.has(key) ? key : ""));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => quizProse(v, at ? `${at}.${k}` : k, k));
  return [];
}

const EMPHASIS_HINT = "will not render as emphasis (a closing * or ** after punctuation needs a space or punctuation after it): put the punctuation outside the markers";

function emphasisProblems(pair: TranslationPair, file: string, translation: string): string[] {
  if (pair.kind === "meta" || pair.kind === "course") return [];
  if (pair.kind !== "quiz") return unrenderedEmphasis(translation).map((e) => `${file}:${e.line}: "${e.span}" ${EMPHASIS_HINT}`);
  try {
    return quizProse(JSON.parse(translation)).flatMap(({ at, text }) => unrenderedEmphasis(text).map((e) => `${file}: ${at}: "${e.span}" ${EMPHASIS_HINT}`));
  } catch {
    return []; // invalid JSON is reported by the structure check
  }
}

function structureProblems(pair: TranslationPair, english: string, translation: string): string[] {
  if (pair.kind === "quiz") return jsonProblems(english, translation, QUIZ_PROSE);
  if (pair.kind === "course") return jsonProblems(english, translation, COURSE_PROSE);
  if (pair.kind === "meta") return metaProblems(translation);
  const stripHash = (text: string) => text.replace(/^<!--\s*sourceHash:[^\n]*-->\r?\n?/, "");
  const body = (text: string) => (pair.kind === "lesson" ? matter(text).content : stripHash(text));
  const problems = pair.kind === "lesson" ? frontmatterProblems(english, translation) : [];
  return [...problems, ...compareOutlines(outline(body(english)), outline(body(translation)), { hints: pair.kind === "hints" })];
}

/** Reads and validates content/<locale>/glossary.json. */
export function loadGlossary(root: string, locale: string): { entries: GlossaryEntry[]; problems: string[] } {
  const file = `content/${locale}/glossary.json`;
  const full = path.join(root, file);
  if (!existsSync(full)) return { entries: [], problems: [`${file}: missing (the glossary fixes each term's translation)`] };
  try {
    const data = JSON.parse(readFileSync(full, "utf8")) as unknown;
    const valid = (e: unknown): e is GlossaryEntry => {
      const g = e as GlossaryEntry;
      return !!g && typeof g.en === "string" && typeof g.zh === "string" && Array.isArray(g.avoid) && g.avoid.every((a) => typeof a === "string" && a.trim() !== "");
    };
    if (!Array.isArray(data)) return { entries: [], problems: [`${file}: must be an array of { en, zh, avoid }`] };
    const bad = data.map((e, i) => (valid(e) ? -1 : i)).filter((i) => i >= 0);
    if (bad.length) return { entries: [], problems: [`${file}: entries ${bad.join(", ")} need "en", "zh" and "avoid" (an array of non-empty strings)`] };
    return { entries: data, problems: [] };
  } catch (error) {
    return { entries: [], problems: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
}

/** Lines of a translation that use a rendering the glossary says to avoid (spacing ignored). */
export function glossaryProblems(file: string, text: string, glossary: GlossaryEntry[]): string[] {
  const squash = (s: string) => s.replace(/\s+/g, "");
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    const squashed = squash(line);
    for (const entry of glossary) {
      for (const avoid of entry.avoid) {
        if (squashed.includes(squash(avoid))) problems.push(`${file}:${i + 1}: uses "${avoid}" for "${entry.en}": the glossary's term is "${entry.zh}"`);
      }
    }
  });
  return problems;
}

export function checkTranslations(root: string, locale: string, options: CheckTranslationsOptions = {}): TranslationReport {
  const report: TranslationReport = { locale, pairs: [], errors: [], warnings: [] };
  const glossary = loadGlossary(root, locale);
  report.errors.push(...glossary.problems);
  for (const pair of listTranslationPairs(root, locale)) {
    const full = path.join(root, pair.translation);
    if (!existsSync(full)) {
      report.pairs.push({ ...pair, status: "missing" });
      report.errors.push(`${pair.translation}: missing translation of ${pair.source}`);
      continue;
    }
    const englishBytes = readFileSync(path.join(root, pair.source));
    const english = englishBytes.toString("utf8");
    const translation = readFileSync(full, "utf8");
    const current = hashSource(englishBytes);
    const recorded = recordedHash(pair.kind, translation);
    const structure = structureProblems(pair, english, translation).map((p) => `${pair.translation}: ${p}`);
    report.errors.push(...glossaryProblems(pair.translation, translation, glossary.entries));
    report.errors.push(...emphasisProblems(pair, pair.translation, translation));
    if (!recorded || !HASH.test(recorded)) {
      report.pairs.push({ ...pair, status: "stale" });
      report.errors.push(`${pair.translation}: records no sourceHash (12 hex characters of the English file's sha256; it is ${current} now)`);
      report.errors.push(...structure);
    } else if (recorded !== current) {
      // The English moved on: structure differences are expected until the translation is updated, so they only warn.
      report.pairs.push({ ...pair, status: "stale" });
      report.warnings.push(`${pair.translation}: stale: translated from ${pair.source} at ${recorded}, the English is now ${current}`);
      report.warnings.push(...structure.map((p) => `${p} (stale)`));
    } else {
      report.pairs.push({ ...pair, status: "current" });
      report.errors.push(...structure);
    }
  }
  for (const [id, names] of Object.entries(options.testNames ?? {})) {
    const { errors, warnings } = testNameProblems(root, locale, id, names);
    report.errors.push(...errors);
    const file = path.join(root, testsFile(id, locale));
    if (existsSync(file)) report.errors.push(...glossaryProblems(testsFile(id, locale), readFileSync(file, "utf8"), glossary.entries));
    report.warnings.push(...warnings);
  }
  for (const file of orphans(root, locale, report.pairs)) report.warnings.push(`${file}: no English source (renamed or removed?)`);
  return report;
}
