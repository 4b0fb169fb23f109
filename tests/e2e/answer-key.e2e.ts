/**
 * No answer key reaches the browser before a quiz is submitted.
 *
 * For every quiz, Chromium opens the lesson that holds it and every response it receives
 * while loading (the HTML with its inline React Server Components payload, scripts, styles,
 * RSC requests) is recorded. Then:
 * - the quiz the page hands to the quiz component, decoded from the RSC payload, is exactly
 *   the public quiz (`toPublicQuiz` with the page's seed): the same fields, no more;
 * - it has no field of the answer key at any depth and no numbers but the seed and the pass
 *   mark; no id is named after its role ("correct", "wrong-2"), no id spells a text answer
 *   the quiz does not show anyway, and no ordering question is shown solved;
 * - no explanation and no option feedback text (beyond phrases the public lessons use) is
 *   anywhere in what the browser received, and the page's payload has none of the key's
 *   field names;
 * - and, as a control, the same texts ARE found in the graded reply after submission, so the
 *   search would see them if they leaked.
 * It runs against the real site (the production build in CI), so it cannot skip.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { DEFAULT_CONTENT_ROOT, loadManifest, readLessonSource } from "@/lib/content/course";
import { getQuiz, listQuizIds } from "@/lib/quiz/load";
import { normalizeTextAnswer, type Quiz } from "@/lib/quiz/schema";
import { toPublicQuiz, type PublicQuiz } from "@/lib/quiz/public";
import englishQuizMessages from "@/messages/en/quiz.json";
import { chromiumForFile } from "./support/chromium";

const chromium = chromiumForFile();

/** Field names that belong to the answer key (lib/quiz/schema.ts) or to graded results. */
const KEY_FIELDS = ["correct", "correctOrder", "pairs", "answer", "accepted", "tolerance", "explanation", "feedback", "section", "correctAnswer", "results"];

/** The React Server Components payload inlined in the HTML (`self.__next_f.push([1, "..."])`), decoded. */
function flightPayload(html: string): string {
  const chunks: string[] = [];
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) chunks.push(JSON.parse(match[1]) as string);
  return chunks.join("");
}

/** The JSON object that starts at `start` (a "{"), read by matching braces outside strings. */
function jsonObjectAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error("unterminated JSON object in the RSC payload");
}

/** The props the page gives the quiz component for `quizId`: `{ quiz, seed }`. */
function quizProps(payload: string, quizId: string): { quiz: PublicQuiz; seed: number; placeholder: unknown; failed: unknown; intl: { locale: string; messages: Record<string, Record<string, unknown>> } } {
  const marker = `{"quiz":{"id":${JSON.stringify(quizId)},`;
  const at = payload.indexOf(marker);
  if (at < 0) throw new Error(`the page's RSC payload has no quiz component props for ${quizId}`);
  expect(payload.indexOf(marker, at + 1)).toBe(-1);
  return jsonObjectAt(payload, at) as { quiz: PublicQuiz; seed: number; placeholder: unknown; failed: unknown; intl: { locale: string; messages: Record<string, Record<string, unknown>> } };
}

/** Ids named after their role in the key ("correct", "wrong-1", "distractor-b"). */
const TELLING_ID = /(^|[-_])(correct|incorrect|right|wrong|answer|distractor)([-_]|$)/i;

/** The ids of questions, options, items and matching sides of a public quiz. */
function idsOf(quiz: PublicQuiz): string[] {
  return quiz.questions.flatMap((q) => [
    q.id,
    ...(q.type === "single" || q.type === "multiple" ? q.options : []).map((o) => o.id),
    ...(q.type === "ordering" ? q.items : []).map((o) => o.id),
    ...(q.type === "matching" ? [...q.left, ...q.right] : []).map((o) => o.id),
  ]);
}

/** Text as a run of lower-case words (how typed answers are compared, with all punctuation as spaces). */
const words = (s: string) => normalizeTextAnswer(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** What a learner reads in the quiz: title, prompts, option and item texts. */
function visibleTexts(quiz: PublicQuiz): string[] {
  return [
    quiz.title,
    ...quiz.questions.flatMap((q) => [
      q.prompt,
      ...(q.type === "single" || q.type === "multiple" ? q.options : []).map((o) => o.text),
      ...(q.type === "ordering" ? q.items : []).map((o) => o.text),
      ...(q.type === "matching" ? [...q.left, ...q.right] : []).map((o) => o.text),
    ]),
  ];
}

/** Every key and every primitive value in a JSON value. */
function walk(value: unknown, keys: string[] = [], values: unknown[] = []): { keys: string[]; values: unknown[] } {
  if (Array.isArray(value)) value.forEach((v) => walk(v, keys, values));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      keys.push(k);
      walk(v, keys, values);
    }
  else values.push(value);
  return { keys, values };
}

/**
 * Pieces of an explanation or feedback text long enough to be unmistakable, split where a
 * renderer or an encoder might change the text (Markdown marks, quotes, escapes, HTML entities).
 */
function telltales(markdown: string): string[] {
  return markdown
    .split(/[`*_[\]()"'“”‘’\\&<>\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 30);
}

function secretTexts(quiz: Quiz): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const q of quiz.questions) {
    for (const text of telltales(q.explanation)) out.push({ where: `${q.id} explanation`, text });
    if (q.type === "single" || q.type === "multiple")
      for (const o of q.options) if (o.feedback) for (const text of telltales(o.feedback)) out.push({ where: `${q.id} option ${o.id} feedback`, text });
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, " ");

/** The MDX of every lesson of the course, whitespace squashed: public text. */
// What the course teaches openly: lesson text and the interactive figures' own text. A quiz
// explanation that repeats such a phrase gives nothing away.
const figureDir = path.join(process.cwd(), "components", "figures");
const lessonSources = [
  ...loadManifest().lessons.map((l) => readLessonSource(DEFAULT_CONTENT_ROOT, l.file)),
  ...readdirSync(figureDir)
    .filter((f) => f.endsWith(".tsx") && !f.includes(".test."))
    .map((f) => readFileSync(path.join(figureDir, f), "utf8")),
]
  .map(squash)
  .join("\n");

interface Received {
  url: string;
  body: string;
}

/** Opens a page and records the text of every response the browser receives while it loads. */
async function loadAndRecord(page: Page, path: string): Promise<{ html: string; received: Received[] }> {
  const pending: Promise<Received | null>[] = [];
  page.on("response", (response) => {
    pending.push(
      response
        .text()
        .then((body) => ({ url: response.url(), body }))
        .catch(() => null), // redirects and aborted requests have no body
    );
  });
  const main = await page.goto(path, { timeout: 90_000 });
  expect(main?.status()).toBe(200);
  // Generous timeouts: a dev server (E2E_BASE_URL) compiles pages on first use.
  await page.getByTestId("quiz").waitFor({ timeout: 90_000 });
  // The quiz's code loads when the reader scrolls near it: scroll, so it is among what is checked.
  await page.getByTestId("quiz").scrollIntoViewIfNeeded();
  await page.getByTestId("quiz-submit").waitFor({ timeout: 90_000 });
  await page.waitForLoadState("networkidle", { timeout: 90_000 });
  const received = (await Promise.all(pending)).filter((r): r is Received => r !== null);
  return { html: await main!.text(), received };
}

describe("before submission the browser receives no answer key", () => {
  const ids = listQuizIds();

  it("covers every quiz of the course", () => {
    expect(ids).toEqual(["foundations-quiz", "gpt-quiz", "language-models-quiz", "learning-quiz", "taxonomy-quiz", "training-quiz", "transformer-quiz"]);
  });

  it.each(ids)("%s", async (quizId) => {
    const quiz = getQuiz(quizId)!;
    const context = await chromium.context();
    const page = await context.newPage();
    const { html, received } = await loadAndRecord(page, `/learn/${quiz.chapter}/${quiz.lesson}`);

    // What the quiz component is given is exactly the public quiz for the page's seed.
    const payload = flightPayload(html);
    const props = quizProps(payload, quizId);
    // The quiz, its seed, two bits of server-rendered markup (the placeholder and the
    // load-failure message) and the quiz's interface words (the island's messages).
    expect(Object.keys(props).sort()).toEqual(["failed", "intl", "placeholder", "quiz", "seed"]);
    expect(props.quiz).toEqual(toPublicQuiz(quiz, { seed: props.seed }));
    // The messages come precompiled (ICU parsed): same keys as the quiz namespace, nothing else.
    expect(props.intl.locale).toBe("en");
    expect(Object.keys(props.intl.messages)).toEqual(["quiz"]);
    expect(Object.keys(props.intl.messages.quiz).sort()).toEqual(Object.keys(englishQuizMessages).sort());

    // Nothing of the key in it, at any depth.
    const { keys, values } = walk(props.quiz);
    expect(keys.filter((k) => KEY_FIELDS.includes(k))).toEqual([]);
    expect(values.filter((v) => typeof v === "number").sort()).toEqual([props.seed, props.quiz.passPercent].sort());
    // Ids are public (they name the questions in the page), so they must not give answers away.
    const ids = idsOf(props.quiz);
    expect(ids.filter((id) => TELLING_ID.test(id))).toEqual([]);
    // A text answer must not hide in an id when the quiz's visible text does not say it.
    const visible = ` ${words(visibleTexts(props.quiz).join(" "))} `;
    for (const q of quiz.questions) {
      if (q.type !== "text") continue;
      const hidden = q.accepted.map(words).filter((a) => !visible.includes(` ${a} `));
      expect({ question: q.id, idsGivingTheAnswer: ids.filter((id) => hidden.includes(words(id))) }).toEqual({ question: q.id, idsGivingTheAnswer: [] });
    }
    for (const q of quiz.questions) {
      if (q.type !== "ordering") continue;
      const shown = props.quiz.questions.find((p) => p.id === q.id);
      expect(shown?.type === "ordering" && shown.items.map((i) => i.id)).not.toEqual(q.correctOrder);
    }

    // No field name of the key in the page's payload (the lesson's own content uses none of them).
    for (const field of ["correctOrder", "accepted", "explanation", "feedback", "correctAnswer"]) expect(payload).not.toContain(`"${field}":`);
    expect(payload).not.toMatch(/"correct":(true|false)/);

    // No explanation or feedback text in anything the browser received, unless a lesson says
    // it (an explanation may repeat a phrase of the lessons, which are public anyway).
    expect(received.some((r) => r.url.includes("/_next/static/"))).toBe(true);
    const everything = received.map((r) => r.body).join("\n");
    const inLesson = (text: string) => lessonSources.includes(squash(text));
    const secrets = secretTexts(quiz);
    expect(secrets.filter(({ text }) => !inLesson(text)).length).toBeGreaterThan(quiz.questions.length);
    expect(secrets.filter(({ text }) => everything.includes(text) && !inLesson(text))).toEqual([]);

    // Issue #14's probe: a signed-out blank submission used to return every one of those texts.
    // Now the review policy holds the key back until a pass: the graded reply carries none of
    // them (outside the lessons), and the page says when the answers will be shown.
    const graded = page.waitForResponse((r) => r.url().endsWith(`/api/quizzes/${quizId}/attempts`), { timeout: 90_000 });
    await page.getByTestId("quiz-submit").click();
    const reply = await (await graded).text();
    expect(secretTexts(quiz).filter(({ text }) => reply.includes(text) && !inLesson(text))).toEqual([]);
    expect(reply).not.toContain('"correctAnswer":');
    await page.getByTestId("quiz-results").waitFor();
    expect(await page.getByTestId("quiz-review-policy").innerText()).toBe("The correct answers are shown once you pass.");

    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 180_000); // a page load, every response read, and a submission
});
