/**
 * The quiz file format: `content/quizzes/<quiz-id>.json`.
 *
 * A quiz file holds the full answer key, so it is read only on the server: the browser
 * receives `toPublicQuiz(quiz)` (lib/quiz/public.ts) and learners' answers are graded by
 * `gradeQuiz` (lib/quiz/grade.ts). This module is framework-free and has no Node imports.
 *
 * Text fields marked "Markdown" accept a small inline subset that the quiz component
 * renders (components/quiz/markdown.tsx): paragraphs separated by a blank line,
 * `code`, **bold**, *italic* (asterisks only: underscores stay literal, so `d_model` is
 * safe) and [links](/learn/...). Math is NOT rendered in quizzes:
 * write √, ×, ², ≤ or a `code` span instead of `$...$` (the validator rejects `$...$`).
 */
import { z } from "zod";
import type { QuestionType } from "./constants";
import { DEFAULT_PASS_PERCENT, MIN_CHOICE_OPTIONS, MIN_ORDERING_ITEMS, QUESTION_TYPES } from "./constants";

export { DEFAULT_PASS_PERCENT, MIN_CHOICE_OPTIONS, MIN_ORDERING_ITEMS, QUESTION_TYPES };
export type { QuestionType };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids of questions, options, items and matching sides: short, URL- and JSON-key-safe. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** `/learn/<chapter>/<lesson>` optionally followed by `#<heading-anchor>`. */
export const SECTION_LINK = /^\/learn\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([\p{Ll}\p{Lo}\p{N}_-]+))?$/u;
/** Inline math such as `$x^2$`: the quiz component does not render it. */
const INLINE_MATH = /\$[^$\n]+\$/;

const slug = (what: string) =>
  z.string().regex(SLUG, `${what} must be a slug (lower-case letters, digits and single hyphens)`);

const id = (what: string) =>
  z
    .string()
    .regex(ID, `${what} must be 1-64 letters, digits, "-" or "_", starting with a letter or digit`);

/** Markdown (inline subset, see the header) that must not be blank. */
const markdown = (what: string, max = 4000) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !INLINE_MATH.test(s), `${what} uses $...$ math, which quizzes do not render: write √, ×, ² or a \`code\` span instead`);

const section = z
  .string()
  .regex(SECTION_LINK, "section must be a link such as /learn/<chapter>/<lesson>#<heading-anchor> (lower-case anchor)");

/** Fields every question has. */
const questionBase = {
  id: id("question id"),
  prompt: markdown("prompt"),
  /** Shown after submission: why the answer is right (and, where useful, why the tempting wrong answers are wrong). */
  explanation: markdown("explanation"),
  /** Where the lesson teaches it: `/learn/<chapter>/<lesson>#<anchor>`; shown as "Review this in the lesson". */
  section,
};

const choiceOption = z.strictObject({
  id: id("option id"),
  text: markdown("option text", 500),
  /** Mark the correct option(s) with `true`; omitted means incorrect. */
  correct: z.boolean().optional(),
  /** Shown after submission next to this option: why it is right or wrong. */
  feedback: markdown("option feedback", 1000).optional(),
});

const labelledItem = (what: string) =>
  z.strictObject({
    id: id(`${what} id`),
    text: markdown(`${what} text`, 500),
  });

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function quote(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

/** Adds one custom issue per message (zod's superRefine context). */
function report(ctx: z.RefinementCtx, messages: string[]) {
  for (const message of messages) ctx.addIssue({ code: "custom", message, path: [] });
}

function checkChoiceOptions(options: { id: string }[]): string[] {
  const errors: string[] = [];
  if (options.length < MIN_CHOICE_OPTIONS)
    errors.push(`a choice question needs at least ${MIN_CHOICE_OPTIONS} options, found ${options.length}`);
  const dup = duplicates(options.map((o) => o.id));
  if (dup.length) errors.push(`option ids must be unique, repeated: ${quote(dup)}`);
  return errors;
}

const singleQuestion = z
  .strictObject({ ...questionBase, type: z.literal("single"), options: z.array(choiceOption) })
  .superRefine((q, ctx) => {
    report(ctx, checkChoiceOptions(q.options));
    const correct = q.options.filter((o) => o.correct).length;
    if (correct !== 1) report(ctx, [`single choice needs exactly one correct option, found ${correct}`]);
  });

const multipleQuestion = z
  .strictObject({ ...questionBase, type: z.literal("multiple"), options: z.array(choiceOption) })
  .superRefine((q, ctx) => {
    report(ctx, checkChoiceOptions(q.options));
    if (!q.options.some((o) => o.correct))
      report(ctx, ["multiple choice needs at least one correct option, found 0"]);
  });

const trueFalseQuestion = z.strictObject({
  ...questionBase,
  type: z.literal("true-false"),
  answer: z.boolean(),
});

const orderingQuestion = z
  .strictObject({
    ...questionBase,
    type: z.literal("ordering"),
    /** The items, in any order (the browser always receives them shuffled). */
    items: z.array(labelledItem("item")),
    /** The item ids in the correct order: every item exactly once. */
    correctOrder: z.array(z.string()),
  })
  .superRefine((q, ctx) => {
    const ids = q.items.map((i) => i.id);
    if (ids.length < MIN_ORDERING_ITEMS)
      report(ctx, [`ordering needs at least ${MIN_ORDERING_ITEMS} items, found ${ids.length}`]);
    const dupItems = duplicates(ids);
    if (dupItems.length) report(ctx, [`item ids must be unique, repeated: ${quote(dupItems)}`]);
    const unknown = q.correctOrder.filter((x) => !ids.includes(x));
    if (unknown.length) report(ctx, [`correctOrder names unknown items: ${quote(unknown)}`]);
    const dupOrder = duplicates(q.correctOrder);
    if (dupOrder.length) report(ctx, [`correctOrder repeats items: ${quote(dupOrder)}`]);
    const missing = ids.filter((x) => !q.correctOrder.includes(x));
    if (missing.length) report(ctx, [`correctOrder must list every item exactly once, missing: ${quote(missing)}`]);
  });

const matchingQuestion = z
  .strictObject({
    ...questionBase,
    type: z.literal("matching"),
    /** The things to match (one <select> each). */
    left: z.array(labelledItem("left item")),
    /** The choices each left item picks from; one may fit several left items, or none (a distractor). */
    right: z.array(labelledItem("right option")),
    /** left id -> right id, one entry per left item. */
    pairs: z.record(z.string(), z.string()),
  })
  .superRefine((q, ctx) => {
    const leftIds = q.left.map((l) => l.id);
    const rightIds = q.right.map((r) => r.id);
    if (leftIds.length < 2) report(ctx, [`matching needs at least 2 left items, found ${leftIds.length}`]);
    if (rightIds.length < 2) report(ctx, [`matching needs at least 2 right options, found ${rightIds.length}`]);
    const dupLeft = duplicates(leftIds);
    if (dupLeft.length) report(ctx, [`left item ids must be unique, repeated: ${quote(dupLeft)}`]);
    const dupRight = duplicates(rightIds);
    if (dupRight.length) report(ctx, [`right option ids must be unique, repeated: ${quote(dupRight)}`]);
    const unmatched = leftIds.filter((l) => !Object.hasOwn(q.pairs, l));
    if (unmatched.length) report(ctx, [`pairs must give a right option for every left item, missing: ${quote(unmatched)}`]);
    for (const [l, r] of Object.entries(q.pairs)) {
      if (!leftIds.includes(l)) report(ctx, [`pairs names an unknown left item "${l}"`]);
      if (!rightIds.includes(r)) report(ctx, [`pairs maps "${l}" to an unknown right option "${r}"`]);
    }
  });

const numericQuestion = z.strictObject({
  ...questionBase,
  type: z.literal("numeric"),
  answer: z.number(),
  /** An answer within ±tolerance of `answer` is correct (0 = exact). */
  tolerance: z.number().min(0, "tolerance must be 0 or more"),
  /** Shown next to the input, e.g. "entries" or "GB". */
  unit: z.string().trim().min(1, "unit must not be empty when given").max(40).optional(),
});

/**
 * How typed answers are compared: Unicode NFKC, lower case, hyphens/dashes/underscores
 * read as spaces, runs of whitespace collapsed, and surrounding punctuation and
 * quotes dropped. So "Self-Attention." matches "self attention".
 */
export function normalizeTextAnswer(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[-‐‑‒–—_]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;:!?"'`“”‘’()]+|[\s.,;:!?"'`“”‘’()]+$/g, "");
}

const textQuestion = z
  .strictObject({
    ...questionBase,
    type: z.literal("text"),
    /** Accepted answers; the first is shown as "the" correct answer. Compared after normalizeTextAnswer. */
    accepted: z.array(z.string().trim().min(1, "an accepted answer must not be empty").max(200)),
  })
  .superRefine((q, ctx) => {
    if (q.accepted.length === 0) report(ctx, ["text needs at least one accepted answer"]);
    const normalized = q.accepted.map(normalizeTextAnswer);
    if (normalized.some((a) => a === ""))
      report(ctx, ["an accepted answer is only punctuation and can never be typed"]);
    const dup = duplicates(normalized);
    if (dup.length) report(ctx, [`accepted answers repeat after normalisation: ${quote(dup)}`]);
  });

export const questionSchema = z.discriminatedUnion(
  "type",
  [singleQuestion, multipleQuestion, trueFalseQuestion, orderingQuestion, matchingQuestion, numericQuestion, textQuestion],
  { error: `type must be one of ${QUESTION_TYPES.join(", ")}` },
);

export const quizSchema = z
  .strictObject({
    id: slug("id"),
    title: z.string().trim().min(1, "title must not be empty").max(200),
    /** Chapter slug from content/course.json. */
    chapter: slug("chapter"),
    /** Slug of the lesson the quiz sits in (the chapter's last lesson). */
    lesson: slug("lesson"),
    passPercent: z.number().int("passPercent must be a whole number").min(0, "passPercent must be from 0 to 100").max(100, "passPercent must be from 0 to 100").optional(),
    questions: z.array(questionSchema).min(1, "a quiz needs at least one question"),
  })
  .superRefine((quiz, ctx) => {
    const dup = duplicates(quiz.questions.map((q) => q.id));
    if (dup.length) report(ctx, [`question ids must be unique in the quiz, repeated: ${quote(dup)}`]);
  });

export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type ChoiceOption = z.infer<typeof choiceOption>;

/** What the validator may check beyond the file itself (the content check passes it). */
export interface QuizContext {
  /** Every lesson of the course with the heading anchors it defines. */
  lessons: { chapter: string; slug: string; anchors: readonly string[] }[];
}

export type QuizValidation = { ok: true; quiz: Quiz; errors: [] } | { ok: false; quiz?: undefined; errors: string[] };

/**
 * Validates a parsed quiz file. Errors read like
 * `question q3: single choice needs exactly one correct option, found 2`.
 * With `context`, also checks that the quiz's chapter/lesson exist and that every
 * `section` link points at an existing lesson and heading anchor.
 */
export function validateQuiz(json: unknown, context?: QuizContext): QuizValidation {
  const parsed = quizSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => formatIssue(issue, json)) };
  const quiz = parsed.data;
  if (!context) return { ok: true, quiz, errors: [] };

  const errors: string[] = [];
  const lessonKey = (chapter: string, lesson: string) => `${chapter}/${lesson}`;
  const lessons = new Map(context.lessons.map((l) => [lessonKey(l.chapter, l.slug), new Set(l.anchors)]));
  if (!context.lessons.some((l) => l.chapter === quiz.chapter)) errors.push(`quiz: chapter "${quiz.chapter}" does not exist`);
  else if (!lessons.has(lessonKey(quiz.chapter, quiz.lesson)))
    errors.push(`quiz: lesson "${quiz.lesson}" is not a lesson of chapter "${quiz.chapter}"`);
  for (const q of quiz.questions) {
    const [, chapter, lesson, anchor] = SECTION_LINK.exec(q.section) ?? [];
    const anchors = lessons.get(lessonKey(chapter, lesson));
    if (!anchors) errors.push(`question ${q.id}: section ${q.section} points to a lesson that does not exist`);
    else if (anchor !== undefined && !anchors.has(anchor))
      errors.push(`question ${q.id}: section ${q.section}: the lesson has no heading with anchor "#${anchor}"`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, quiz, errors: [] };
}

/** Turns a zod issue into "question q3: options: needs at least 3 options, found 2". */
function formatIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = [...issue.path];
  let where = "quiz";
  if (path[0] === "questions" && typeof path[1] === "number") {
    const index = path[1];
    const raw = (json as { questions?: unknown[] }).questions?.[index];
    const qid = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    where = qid ? `question ${qid}` : `question #${index + 1}`;
    path.splice(0, 2);
  }
  const message = describe(issue);
  // "section: section must be a link" reads better as "section must be a link".
  const last = path.at(-1);
  if (typeof last === "string" && message.startsWith(`${last} `)) path.pop();
  const field = path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
  return `${where}: ${field ? `${field}: ` : ""}${message}`;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      // zod's default message is "Invalid input: expected string, received undefined".
      const received = /received (\w+)$/.exec(issue.message)?.[1];
      if (received === "undefined") return "is missing";
      return `must be ${withArticle(issue.expected)}${received ? `, found ${withArticle(received)}` : ""}`;
    }
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${quote(issue.keys)} (a typo?)`;
    default:
      return issue.message;
  }
}

function withArticle(typeName: string): string {
  if (typeName === "null" || typeName === "NaN") return typeName;
  return `${/^[aeiou]/.test(typeName) ? "an" : "a"} ${typeName}`;
}
