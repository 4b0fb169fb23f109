/**
 * The course's quiz files: valid, complete, wired to real lessons and headings, and
 * meeting the content requirements (size, every question type, the named questions).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { gradeQuiz, type Answers } from "./grade";
import { toPublicQuiz } from "./public";
import { QUESTION_TYPES, SECTION_LINK, validateQuiz, type Quiz, type QuizContext } from "./schema";
import { uniqueIds } from "@/lib/content/headings";

const root = path.join(__dirname, "../..");
const quizDir = path.join(root, "content/quizzes");
/** One quiz per chapter, in its last lesson, covering the chapter. */
const QUIZ_IDS = ["foundations-quiz", "taxonomy-quiz", "language-models-quiz", "transformer-quiz", "training-quiz", "gpt-quiz"];
/** Topic quizzes: in one lesson, covering the lessons they name (their questions' sections), across chapters. */
const TOPIC_QUIZZES: Record<string, string[]> = { "learning-quiz": ["tokenization", "from-logits-to-tokens", "how-a-model-learns"] };

/** The fixed lesson list: the table in docs/content-guide.md (chapter | order | slug | topic). */
const lessonList = readFileSync(path.join(root, "docs/content-guide.md"), "utf8")
  .split("\n")
  .map((line) => /^\|\s*([a-z-]+)\s*\|\s*(\d+)\s*\|\s*([a-z0-9-]+)\s*\|/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ chapter: m[1], order: Number(m[2]), slug: m[3] }));
const chapterNumbers = new Map<string, number>(
  (JSON.parse(readFileSync(path.join(root, "content/course.json"), "utf8")) as { chapters: { slug: string; number: number }[] }).chapters.map(
    (c) => [c.slug, c.number],
  ),
);

function lessonFile(chapter: string, slug: string): string | undefined {
  const n = chapterNumbers.get(chapter);
  const lesson = lessonList.find((l) => l.chapter === chapter && l.slug === slug);
  if (n === undefined || !lesson) return undefined;
  const pad = (x: number) => String(x).padStart(2, "0");
  const file = path.join(root, "content/chapters", `${pad(n)}-${chapter}`, `${pad(lesson.order)}-${slug}.mdx`);
  return existsSync(file) ? file : undefined;
}

/**
 * The ## and ### headings of a lesson (outside code fences), with the anchors the lesson
 * renderer gives them (lib/content/headings.ts is the one rule for anchors).
 */
function lessonAnchors(mdx: string): string[] {
  const headings: { depth: 2 | 3; text: string }[] = [];
  let inFence = false;
  for (const line of mdx.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = inFence ? null : /^(##|###)\s+(.+?)\s*$/.exec(line);
    if (m) headings.push({ depth: m[1].length as 2 | 3, text: m[2].replace(/<[^>]+>|[`*$]/g, "") });
  }
  return uniqueIds(headings).map((h) => h.id);
}

/** Lessons with their heading anchors; a lesson not written yet has no anchors to link to. */
const context: QuizContext = {
  lessons: lessonList.map((l) => {
    const file = lessonFile(l.chapter, l.slug);
    return { chapter: l.chapter, slug: l.slug, anchors: file ? lessonAnchors(readFileSync(file, "utf8")) : [] };
  }),
};

const files = readdirSync(quizDir).filter((f) => f.endsWith(".json"));
const quizzes = new Map<string, Quiz>();
for (const f of files) {
  const result = validateQuiz(JSON.parse(readFileSync(path.join(quizDir, f), "utf8")));
  if (result.ok) quizzes.set(f.replace(/\.json$/, ""), result.quiz);
}
const quiz = (id: string) => {
  const q = quizzes.get(id);
  if (!q) throw new Error(`${id} did not load`);
  return q;
};

describe("content/quizzes", () => {
  it("has exactly the chapter quizzes and the topic quizzes, each named after its id", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...QUIZ_IDS, ...Object.keys(TOPIC_QUIZZES)].sort());
    for (const [file, q] of quizzes) expect(q.id).toBe(file);
  });

  it.each([...QUIZ_IDS, ...Object.keys(TOPIC_QUIZZES)])("%s validates against the schema and the real lessons and headings", (id) => {
    const json = JSON.parse(readFileSync(path.join(quizDir, `${id}.json`), "utf8"));
    expect(validateQuiz(json).errors).toEqual([]);
    expect(validateQuiz(json, context).errors).toEqual([]);
  });

  it.each(QUIZ_IDS)("%s sits in the last lesson of its chapter, and that lesson embeds it", (id) => {
    const q = quiz(id);
    const lessons = lessonList.filter((l) => l.chapter === q.chapter);
    expect(lessons.length).toBeGreaterThan(0);
    const last = lessons.reduce((a, b) => (b.order > a.order ? b : a));
    expect(q.lesson).toBe(last.slug);
    const file = lessonFile(q.chapter, q.lesson);
    if (file) expect(readFileSync(file, "utf8")).toContain(`<Quiz id="${id}" />`);
  });

  it.each(QUIZ_IDS)("%s has at least 8 questions, uses all seven types, and tests every lesson of its chapter", (id) => {
    const q = quiz(id);
    expect(q.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(q.questions.map((x) => x.type))).toEqual(new Set(QUESTION_TYPES));
    const tested = new Set(q.questions.map((x) => SECTION_LINK.exec(x.section)![2]));
    // A lesson with a topic quiz of its own is tested there.
    const topicQuizLessons = new Set(Object.keys(TOPIC_QUIZZES).map((t) => quiz(t).lesson));
    const chapterLessons = lessonList.filter((l) => l.chapter === q.chapter && !topicQuizLessons.has(l.slug)).map((l) => l.slug);
    expect(chapterLessons.filter((slug) => !tested.has(slug))).toEqual([]);
    for (const x of q.questions) expect(SECTION_LINK.exec(x.section)![1]).toBe(q.chapter);
  });

  it.each(Object.entries(TOPIC_QUIZZES))("topic quiz %s sits in its lesson, has at least 8 questions of at least 3 types, and tests each of its lessons", (id, lessons) => {
    const q = quiz(id);
    const file = lessonFile(q.chapter, q.lesson);
    expect(file).toBeDefined();
    expect(readFileSync(file!, "utf8")).toContain(`<Quiz id="${id}" />`);
    expect(q.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(q.questions.map((x) => x.type)).size).toBeGreaterThanOrEqual(3);
    const tested = new Set(q.questions.map((x) => SECTION_LINK.exec(x.section)![2]));
    expect([...tested].sort()).toEqual([...lessons].sort());
  });

  it.each([...QUIZ_IDS, ...Object.keys(TOPIC_QUIZZES)])("%s: the answer key earns full marks and an empty attempt earns nothing", (id) => {
    const q = quiz(id);
    const key: Answers = {};
    for (const x of q.questions) {
      if (x.type === "single") key[x.id] = x.options.find((o) => o.correct)!.id;
      if (x.type === "multiple") key[x.id] = x.options.filter((o) => o.correct).map((o) => o.id);
      if (x.type === "true-false") key[x.id] = x.answer;
      if (x.type === "ordering") key[x.id] = x.correctOrder;
      if (x.type === "matching") key[x.id] = x.pairs;
      if (x.type === "numeric") key[x.id] = x.answer;
      if (x.type === "text") key[x.id] = x.accepted[0].toUpperCase();
    }
    expect(gradeQuiz(q, key)).toMatchObject({ score: q.questions.length, percent: 100, passed: true });
    expect(gradeQuiz(q, {})).toMatchObject({ score: 0, percent: 0, passed: false });
  });

  it("leaves the instructions the quiz component adds out of the prompts", () => {
    for (const q of quizzes.values())
      for (const x of q.questions) expect(x.prompt).not.toMatch(/select all that apply|^true or false/i);
  });

  it("has at least 45 questions in all", () => {
    const total = [...quizzes.values()].reduce((n, q) => n + q.questions.length, 0);
    expect(total).toBeGreaterThanOrEqual(45);
  });

  it("gives every wrong option of a choice question feedback that explains why it is wrong", () => {
    for (const q of quizzes.values())
      for (const x of q.questions) {
        if (x.type !== "single" && x.type !== "multiple") continue;
        const wrongWithoutFeedback = x.options.filter((o) => !o.correct && !o.feedback).map((o) => `${q.id}/${x.id}/${o.id}`);
        expect(wrongWithoutFeedback).toEqual([]);
      }
  });
});

describe("the questions the course needs", () => {
  const texts = (items: { text: string }[]) => items.map((i) => i.text);

  it("taxonomy: a matching of ten systems to language / vision / multimodal, with DingoDB as not a model", () => {
    const m = quiz("taxonomy-quiz").questions.find((x) => x.type === "matching" && x.left.some((l) => l.text === "DingoDB"));
    if (m?.type !== "matching") throw new Error("no matching question with DingoDB");
    const category = (system: string) => m.right.find((r) => r.id === m.pairs[m.left.find((l) => l.text.includes(system))!.id])!.text;
    for (const s of ["ChatGPT", "Bard", "ERNIE Bot"]) expect(category(s)).toBe("Language model, or a chat product built on one");
    for (const s of ["ViT", "UFO", "Pangu CV", "INTERN"]) expect(category(s)).toBe("Vision model");
    for (const s of ["DALL-E", "Midjourney", "Wukong"]) expect(category(s)).toBe("Multimodal model");
    expect(category("DingoDB")).toBe("Not a model");
  });

  it("transformer: BERT, GPT and T5 matched to encoder-only, decoder-only and encoder-decoder", () => {
    const m = quiz("transformer-quiz").questions.find((x) => x.type === "matching" && texts(x.left).includes("BERT"));
    if (m?.type !== "matching") throw new Error("no families matching question");
    const family = (model: string) => m.right.find((r) => r.id === m.pairs[m.left.find((l) => l.text === model)!.id])!.text;
    expect([family("BERT"), family("GPT-3"), family("T5")]).toEqual(["Encoder-only", "Decoder-only", "Encoder-decoder"]);
  });

  it("training: the stages in order, pre-training -> SFT -> reward model -> RL with PPO", () => {
    const o = quiz("training-quiz").questions.find((x) => x.type === "ordering" && x.id === "stage-order");
    if (o?.type !== "ordering") throw new Error("no stage ordering question");
    const ordered = o.correctOrder.map((id) => o.items.find((i) => i.id === id)!.text);
    expect(ordered[0]).toMatch(/pre-training/i);
    expect(ordered[1]).toMatch(/supervised fine-tuning/i);
    expect(ordered[2]).toMatch(/reward model/i);
    expect(ordered[3]).toMatch(/reinforcement learning/i);
  });

  it("language models: the build pipeline in order, data -> architecture -> training -> deployment", () => {
    const o = quiz("language-models-quiz").questions.find((x) => x.type === "ordering");
    if (o?.type !== "ordering") throw new Error("no pipeline ordering question");
    const ordered = o.correctOrder.map((id) => o.items.find((i) => i.id === id)!.text.toLowerCase());
    const at = (word: string) => ordered.findIndex((t) => t.includes(word));
    expect([at("collect"), at("clean"), at("architecture"), at("train"), at("deploy")]).toEqual([0, 1, 2, 3, 4]);
  });

  it("transformer: the causal-mask count is n(n+1)/2 = 10 for 4 positions", () => {
    const n = quiz("transformer-quiz").questions.find((x) => x.id === "mask-count");
    expect(n).toMatchObject({ type: "numeric", answer: (4 * 5) / 2, tolerance: 0 });
  });
});

describe("a quiz page does not give away its own typed answers", () => {
  // Everything the browser receives before submitting: ids and texts of every question, shuffled or not.
  const shown = (q: Quiz, exceptId: string) =>
    JSON.stringify(toPublicQuiz({ ...q, questions: q.questions.filter((x) => x.id !== exceptId) }, { seed: 1 })).toLowerCase();
  const words = (s: string) => new RegExp(`(^|[^a-z0-9])${s.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`);

  for (const id of QUIZ_IDS) {
    it(`${id}: no accepted answer of a text question appears in the quiz's other questions`, () => {
      const q = quiz(id);
      const leaks = q.questions.flatMap((x) =>
        x.type === "text" ? x.accepted.filter((a) => words(a).test(shown(q, x.id))).map((a) => `${x.id}: "${a}"`) : [],
      );
      expect(leaks).toEqual([]);
    });
  }
});
