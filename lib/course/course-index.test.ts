/**
 * The course index: one read of the course gives the manifest, the exercises' metadata, the
 * quizzes, the figures and the catalog and outline built from them; a bad file fails every view
 * alike; the cache re-reads a changed file when watching and keeps its read otherwise.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { exercises as registry } from "../../exercises/registry";
import { figureNames } from "../content/figures";
import { courseIndex, createCourseIndexCache, loadCourseIndex, type CourseRoots } from "./course-index";

describe("the course's own index", () => {
  const index = courseIndex();

  it("knows exactly the exercises of the registry the browser grades with, with the same metadata", () => {
    expect([...index.exercises.values()]).toEqual([...registry].map((e) => e.meta).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("builds the catalog and the outline from the same read: every quiz they list is an index quiz with its questions", () => {
    expect(index.catalog.quizzes.length).toBeGreaterThan(0);
    for (const quiz of index.catalog.quizzes) expect(index.quizzes.get(quiz.id)!.questions).toHaveLength(quiz.questionCount);
    for (const quiz of index.outline.quizzes) expect(quiz.questions.map((q) => q.id)).toEqual(index.quizzes.get(quiz.id)!.questions.map((q) => q.id));
    expect(index.outline.lessons.map((l) => l.slug)).toEqual(index.manifest.lessons.map((l) => l.slug));
    expect(index.figures).toEqual(figureNames);
  });

  it("is read once and then served from memory while nothing changes", () => {
    expect(courseIndex()).toBe(index);
  });

  it("in Chinese: the same ids in the same order, Chinese titles where a translation exists", () => {
    const zh = courseIndex("zh");
    expect(zh.catalog.lessons.map((l) => l.slug)).toEqual(index.catalog.lessons.map((l) => l.slug));
    expect([...zh.exercises.keys()]).toEqual([...index.exercises.keys()]);
    expect(zh.exercises.get("softmax")!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.catalog.lessons[0].title).toMatch(/[\u4e00-\u9fff]/);
    expect([...zh.quizzes.keys()]).toEqual([...index.quizzes.keys()]);
  });
});

describe("a course on disk", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A one-lesson course with one exercise and one quiz, copied from nothing but what the test writes. */
  function smallCourse(): CourseRoots {
    dir = mkdtempSync(path.join(tmpdir(), "course-index-"));
    const roots = { content: path.join(dir, "content"), exercises: path.join(dir, "exercises"), messages: path.join(dir, "messages") };
    mkdirSync(path.join(roots.content, "chapters", "01-basics"), { recursive: true });
    mkdirSync(path.join(roots.content, "quizzes"));
    mkdirSync(path.join(roots.exercises, "softmax"), { recursive: true });
    writeFileSync(
      path.join(roots.content, "course.json"),
      JSON.stringify({ id: "small", title: "Small", summary: "A small course.", chapters: [{ slug: "basics", number: 1, title: "Basics", summary: "The basics." }] }),
    );
    writeFileSync(
      path.join(roots.content, "chapters", "01-basics", "01-first.mdx"),
      "---\ntitle: First\nsummary: The first and only lesson.\nchapter: basics\norder: 1\nminutes: 5\ntrack: builder\nobjectives:\n  - Read a lesson.\nexercises: [softmax]\nquiz: first-quiz\n---\n\n## Scores\n\nText.\n",
    );
    writeQuiz(roots, "Is this a quiz?");
    writeFileSync(path.join(roots.exercises, "softmax", "meta.json"), JSON.stringify({ id: "softmax", title: "Softmax", chapter: 1, lesson: "first", difficulty: "intro" }));
    return roots;
  }

  function writeQuiz(roots: CourseRoots, prompt: string, mtime?: Date) {
    const file = path.join(roots.content, "quizzes", "first-quiz.json");
    const quiz = { id: "first-quiz", title: "First quiz", chapter: "basics", lesson: "first", questions: [{ id: "q1", type: "true-false", prompt, explanation: "It is.", section: "/learn/basics/first", answer: true }] };
    writeFileSync(file, JSON.stringify(quiz));
    if (mtime) utimesSync(file, mtime, mtime);
  }

  it("gives every view of the course from one read", () => {
    const index = loadCourseIndex(smallCourse());
    expect(index.manifest.lessons.map((l) => l.href)).toEqual(["/learn/basics/first"]);
    expect(index.catalog.lessons[0]).toMatchObject({ slug: "first", exercises: ["softmax"], quiz: "first-quiz", headings: [{ id: "scores", text: "Scores" }] });
    expect(index.catalog.quizzes).toEqual([{ id: "first-quiz", title: "First quiz", lesson: "first", passPercent: 70, questionCount: 1 }]);
    expect(index.outline.quizzes[0].questions).toEqual([{ id: "q1", prompt: "Is this a quiz?", type: "true-false" }]);
    expect(index.exercises.get("softmax")).toEqual({ id: "softmax", title: "Softmax", chapter: 1, lesson: "first", difficulty: "intro" });
  });

  it("refuses a broken quiz for every view alike, naming the file (no dashboard silently short of a quiz)", () => {
    const roots = smallCourse();
    writeFileSync(path.join(roots.content, "quizzes", "broken-quiz.json"), "{ not json");
    expect(() => loadCourseIndex(roots)).toThrow("content/quizzes/broken-quiz.json is not valid JSON");
  });

  it("refuses an exercise whose meta.json is invalid or names another id, saying which field", () => {
    const roots = smallCourse();
    const meta = path.join(roots.exercises, "softmax", "meta.json");
    writeFileSync(meta, JSON.stringify({ id: "softmax", title: "Softmax", chapter: 1, lesson: "first", difficulty: "hard" }));
    expect(() => loadCourseIndex(roots)).toThrow(/exercises\/softmax\/meta\.json: difficulty: /);
    writeFileSync(meta, JSON.stringify({ id: "soft-max", title: "Softmax", chapter: 1, lesson: "first", difficulty: "intro" }));
    expect(() => loadCourseIndex(roots)).toThrow('exercises/softmax/meta.json: declares the id "soft-max"; the folder name and the id must match');
  });

  it("re-reads a changed file when watching (development) and keeps its first read otherwise (production)", () => {
    const roots = smallCourse();
    const dev = createCourseIndexCache(roots, { watch: true });
    const prod = createCourseIndexCache(roots, { watch: false });
    const first = dev();
    expect(prod().quizzes.get("first-quiz")!.questions[0].prompt).toBe("Is this a quiz?");
    expect(dev()).toBe(first);

    writeQuiz(roots, "Is this the second version?", new Date(2030, 0, 1));
    expect(dev().quizzes.get("first-quiz")!.questions[0].prompt).toBe("Is this the second version?");
    expect(dev().outline.quizzes[0].questions[0].prompt).toBe("Is this the second version?");
    expect(prod().quizzes.get("first-quiz")!.questions[0].prompt).toBe("Is this a quiz?");
  });

  it("a translation keeps the English ids and takes its titles, falling back to the English per item", () => {
    const roots = smallCourse();
    cpSync(path.join(roots.content, "chapters"), path.join(roots.content, "zh", "chapters"), { recursive: true });
    writeFileSync(path.join(roots.content, "zh", "course.json"), JSON.stringify({ id: "small", title: "小", summary: "一门小课。", chapters: [{ slug: "basics", number: 1, title: "基础", summary: "基础。" }] }));
    mkdirSync(path.join(roots.exercises, "softmax", "zh"));
    writeFileSync(path.join(roots.exercises, "softmax", "zh", "meta.json"), JSON.stringify({ title: "软最大" }));
    mkdirSync(path.join(roots.messages, "zh"), { recursive: true });
    writeFileSync(path.join(roots.messages, "zh", "lesson.json"), JSON.stringify({ recap: "回顾" }));

    const zh = createCourseIndexCache(roots, { watch: false })("zh");
    expect(zh.catalog.chapters[0].title).toBe("基础");
    expect(zh.catalog.exercises).toEqual([{ id: "softmax", title: "软最大", lesson: "first" }]);
    expect(zh.quizzes.get("first-quiz")!.title).toBe("First quiz");
    expect(zh.locale).toBe("zh");
  });
});
