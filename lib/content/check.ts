/**
 * The content check (`npm run content:check`, part of `npm test`): everything a lesson, quiz or
 * exercise folder can get wrong that a reader would notice. Returns every problem found, each
 * prefixed with the file it is in. Runs in Node through tsx (its parsers are ESM-only).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import type { Root } from "mdast";
import { ContentError, loadManifest, readLessonSource, type CourseManifest } from "./course";
import { uniqueIds } from "./headings";
import { answerCueProblems } from "../quiz/answer-cues";
import { TRAINING_PAGE_HREF } from "../capstone/href";
import { figureNames } from "./figures";
import { readExerciseMetas } from "../course/course-index";
import { validateQuiz } from "../quiz/schema";
import { loadSpecTestNames } from "./test-name-translations";
import { checkTranslations, translationLocales, type TranslationReport } from "./translations";

export interface CheckOptions {
  root: string; // project root: content/ and exercises/ below it
  /** Skip the (slow) MDX compile and TypeScript checks. */
  quick?: boolean;
  /** Locales whose translations are checked; default: every content/<locale>/ folder. */
  locales?: string[];
}

export const ALLOWED_COMPONENTS = new Set(["Callout", "Term", "Figure", "Exercise", "Quiz", "Builder", "Recap"]);
const MIN_ALT_LENGTH = 20;
const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

interface JsxNode {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
}

function attr(node: JsxNode, name: string): string | undefined {
  const a = node.attributes.find((x) => x.type === "mdxJsxAttribute" && x.name === name);
  return typeof a?.value === "string" ? a.value : undefined;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm);

interface ParsedLesson {
  file: string;
  chapter: string;
  slug: string;
  anchors: string[];
  tree: Root;
  bodyLineOffset: number;
  exercises: string[];
  quiz?: string;
  body: string;
}

export interface CheckStats {
  lessons: number;
  figures: number;
  exercises: number;
  quizzes: number;
  links: number;
  codeBlocks: number;
}

export interface CheckResult {
  problems: string[];
  /** Reported but not failing (stale translations). */
  warnings: string[];
  stats: CheckStats;
  translations: TranslationReport[];
}

export async function checkContentWithStats({ root, quick, locales }: CheckOptions): Promise<CheckResult> {
  const { problems, stats } = await checkEnglish({ root, quick });
  const chosen = locales ?? translationLocales(root);
  const testNames = chosen.length > 0 ? await loadSpecTestNames(root) : {};
  const translations = chosen.map((locale) => checkTranslations(root, locale, { testNames }));
  return {
    problems: [...problems, ...translations.flatMap((t) => t.errors)],
    warnings: translations.flatMap((t) => t.warnings),
    stats,
    translations,
  };
}

async function checkEnglish({ root, quick }: CheckOptions): Promise<{ problems: string[]; stats: CheckStats }> {
  const problems: string[] = [];
  const stats: CheckStats = { lessons: 0, figures: 0, exercises: 0, quizzes: 0, links: 0, codeBlocks: 0 };
  const contentRoot = path.join(root, "content");
  let manifest: CourseManifest;
  try {
    manifest = loadManifest(contentRoot);
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems, stats };
    throw error;
  }

  const exerciseIds = new Set(
    existsSync(path.join(root, "exercises"))
      ? readdirSync(path.join(root, "exercises")).filter((d) => existsSync(path.join(root, "exercises", d, "meta.json")))
      : [],
  );
  // Every meta.json as the course index reads it (a bad one would fail every page that lists exercises).
  if (exerciseIds.size > 0) {
    try {
      readExerciseMetas(path.join(root, "exercises"));
    } catch (error) {
      problems.push(...(error instanceof ContentError ? error.problems : [`exercises: ${(error as Error).message}`]));
    }
  }
  const quizDir = path.join(contentRoot, "quizzes");
  const quizFiles = existsSync(quizDir) ? readdirSync(quizDir).filter((f) => f.endsWith(".json")) : [];
  const quizIds = new Set(quizFiles.map((f) => f.replace(/\.json$/, "")));

  // Parse every lesson first: links are checked against the headings of other lessons.
  const parsed: ParsedLesson[] = [];
  for (const lesson of manifest.lessons) {
    const source = readLessonSource(contentRoot, lesson.file);
    const { content } = matter(source);
    const bodyLineOffset = source.slice(0, source.length - content.length).split("\n").length - 1;
    let tree: Root;
    try {
      tree = parser.parse(content) as Root;
    } catch (error) {
      problems.push(`${lesson.file}: MDX does not parse: ${(error as Error).message}`);
      continue;
    }
    const headings: { depth: 2 | 3; text: string }[] = [];
    visit(tree, "heading", (node) => {
      if (node.depth === 1) problems.push(`${lesson.file}:${(node.position?.start.line ?? 0) + bodyLineOffset}: use ## or ### (the page renders the title as the only h1)`);
      if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text: toString(node).trim() });
    });
    parsed.push({
      file: lesson.file,
      chapter: lesson.chapter,
      slug: lesson.slug,
      anchors: uniqueIds(headings).map((h) => h.id),
      tree,
      bodyLineOffset,
      exercises: lesson.exercises,
      quiz: lesson.quiz,
      body: content,
    });
  }
  const byHref = new Map(parsed.map((l) => [`/learn/${l.chapter}/${l.slug}`, l]));

  const codeBlocks: { file: string; line: number; code: string }[] = [];
  for (const lesson of parsed) {
    const at = (line?: number) => `${lesson.file}:${(line ?? 0) + lesson.bodyLineOffset}`;
    const usedExercises: string[] = [];
    const usedQuizzes: string[] = [];
    let recaps = 0;

    visit(lesson.tree, (node) => {
      if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        const jsx = node as unknown as JsxNode;
        const line = jsx.position?.start.line;
        if (!jsx.name || !ALLOWED_COMPONENTS.has(jsx.name)) {
          problems.push(`${at(line)}: <${jsx.name ?? "fragment"}> is not one of the lesson components (${[...ALLOWED_COMPONENTS].join(", ")})`);
          return;
        }
        if (jsx.name === "Figure") {
          stats.figures++;
          const name = attr(jsx, "name");
          const alt = attr(jsx, "alt")?.trim() ?? "";
          if (!name || !(figureNames as readonly string[]).includes(name)) problems.push(`${at(line)}: <Figure name="${name ?? ""}"> is not a known figure (${figureNames.join(", ")})`);
          if (alt.length < MIN_ALT_LENGTH) problems.push(`${at(line)}: <Figure name="${name ?? ""}"> needs a text alternative: alt="..." describing what it shows (at least ${MIN_ALT_LENGTH} characters)`);
        }
        if (jsx.name === "Exercise") {
          const id = attr(jsx, "id");
          if (!id || !exerciseIds.has(id)) problems.push(`${at(line)}: <Exercise id="${id ?? ""}"> does not exist (no exercises/${id}/meta.json)`);
          else {
            usedExercises.push(id);
            stats.exercises++;
          }
        }
        if (jsx.name === "Quiz") {
          const id = attr(jsx, "id");
          if (!id || !quizIds.has(id)) problems.push(`${at(line)}: <Quiz id="${id ?? ""}"> does not exist (no content/quizzes/${id}.json)`);
          else {
            usedQuizzes.push(id);
            stats.quizzes++;
          }
        }
        if (jsx.name === "Recap") recaps++;
      }
      if (node.type === "link") {
        const url = (node as { url: string }).url;
        const line = node.position?.start.line;
        if (url.startsWith("/learn/")) {
          stats.links++;
          const [hrefPath, anchor] = url.split("#");
          const target = byHref.get(hrefPath.replace(/\/$/, ""));
          // The training page is an app page, not a lesson.
          if (!target && hrefPath !== TRAINING_PAGE_HREF) problems.push(`${at(line)}: broken link ${url}: no such lesson`);
          else if (anchor && target && !target.anchors.includes(anchor)) problems.push(`${at(line)}: broken link ${url}: that lesson has no heading with anchor #${anchor}`);
        } else if (url.startsWith("#")) {
          if (!lesson.anchors.includes(url.slice(1))) problems.push(`${at(line)}: broken link ${url}: no heading with that anchor in this lesson`);
        } else if (/^https?:/.test(url)) {
          // External links are allowed in the text (a reader may follow them); nothing is fetched.
        } else if (url.startsWith("/")) {
          problems.push(`${at(line)}: link ${url} is not a lesson link (/learn/<chapter>/<lesson>)`);
        }
      }
      if (node.type === "code") {
        const code = node as { lang?: string | null; value: string; position?: { start: { line: number } } };
        if (code.lang === "ts" || code.lang === "typescript") {
          codeBlocks.push({ file: lesson.file, line: (code.position?.start.line ?? 0) + lesson.bodyLineOffset, code: code.value });
        }
      }
    });

    if (recaps !== 1) problems.push(`${lesson.file}: needs exactly one <Recap> at the end (found ${recaps})`);
    for (const id of lesson.exercises) {
      if (!usedExercises.includes(id)) problems.push(`${lesson.file}: frontmatter lists exercise "${id}" but the lesson has no <Exercise id="${id}" />`);
    }
    for (const id of usedExercises) {
      if (!lesson.exercises.includes(id)) problems.push(`${lesson.file}: <Exercise id="${id}" /> is not listed in the frontmatter's exercises`);
    }
    if (lesson.quiz && !usedQuizzes.includes(lesson.quiz)) problems.push(`${lesson.file}: frontmatter quiz "${lesson.quiz}" is not placed with <Quiz id="${lesson.quiz}" />`);
    for (const id of usedQuizzes) {
      if (lesson.quiz !== id) problems.push(`${lesson.file}: <Quiz id="${id}" /> is not the frontmatter's quiz`);
    }
  }

  // Quizzes: schema, keys, and that each question's section link exists.
  const quizContext = { lessons: parsed.map((l) => ({ chapter: l.chapter, slug: l.slug, anchors: l.anchors })) };
  for (const file of quizFiles) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(quizDir, file), "utf8"));
    } catch (error) {
      problems.push(`content/quizzes/${file}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const result = validateQuiz(json, quizContext);
    if (!result.ok) for (const e of result.errors) problems.push(`content/quizzes/${file}: ${e}`);
    else if (result.quiz.id !== file.replace(/\.json$/, "")) problems.push(`content/quizzes/${file}: id "${result.quiz.id}" must match the file name`);
    else problems.push(...answerCueProblems(`content/quizzes/${file}`, result.quiz));
  }

  // Exercises: the lesson each one names must exist and place it.
  for (const id of exerciseIds) {
    try {
      const meta = JSON.parse(readFileSync(path.join(root, "exercises", id, "meta.json"), "utf8")) as { lesson?: string };
      const lesson = parsed.find((l) => l.slug === meta.lesson);
      if (!lesson) problems.push(`exercises/${id}/meta.json: lesson "${meta.lesson}" does not exist`);
      else if (!lesson.exercises.includes(id)) problems.push(`exercises/${id}/meta.json: lesson "${meta.lesson}" does not place <Exercise id="${id}" />`);
    } catch (error) {
      problems.push(`exercises/${id}/meta.json: ${(error as Error).message}`);
    }
  }

  stats.lessons = parsed.length;
  stats.codeBlocks = codeBlocks.length;
  if (!quick) {
    // Loaded only here: the quick mode (used by tests of the cheap checks) starts much faster without them.
    const { compileLesson } = await import("./compile");
    for (const lesson of parsed) {
      try {
        await compileLesson(lesson.body);
      } catch (error) {
        problems.push(`${lesson.file}: does not compile: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    problems.push(...typeCheckBlocks((await import("typescript")).default, codeBlocks));
  }
  return { problems, stats };
}

/** Type-checks lesson code blocks as standalone strict modules, with @tensorflow/tfjs available. */
export function typeCheckBlocks(ts: typeof import("typescript"), blocks: { file: string; line: number; code: string }[]): string[] {
  if (blocks.length === 0) return [];
  // Inside this project (not the checked root) so module resolution finds node_modules.
  const dir = path.join(PROJECT_ROOT, ".content-check", `${process.pid}-${Date.now()}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((block, i) => {
    const file = path.join(dir, `block-${i}.ts`);
    // `export {}` keeps each block its own module even when it has no import.
    writeFileSync(file, `${block.code}\nexport {};\n`);
    return file;
  });
  try {
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
    });
    const problems: string[] = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
      if (index === -1 || diagnostic.start === undefined) continue;
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
      const block = blocks[index];
      problems.push(`${block.file}:${block.line + 1 + line}: code block does not type-check: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
