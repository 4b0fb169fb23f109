import { describe, expect, it } from "@jest/globals";
import { fixtureCatalog } from "../../tests/support/progress-catalog-fixture";
import { lessonHeadings } from "./catalog";
import { loadCourseIndex } from "../course/course-index";

describe("buildCatalog", () => {
  const catalog = fixtureCatalog();

  it("keeps lessons in course order with their chapter", () => {
    expect(catalog.lessons.map((l) => `${l.chapterNumber}/${l.slug}`)).toEqual([
      "1/what-is-ai",
      "1/aigc-and-agi",
      "2/self-attention",
      "2/attention-lab",
      "2/three-families",
    ]);
    expect(catalog.chapters.map((c) => c.lessons.length)).toEqual([2, 3]);
  });

  it("counts only exercises that exist in the registry and sit in a lesson of the course", () => {
    expect(catalog.exercises.map((e) => e.id)).toEqual(["softmax", "attention", "causal-mask"]);
    expect(catalog.lessons.find((l) => l.slug === "self-attention")!.exercises).toEqual(["softmax", "attention"]);
  });

  it("attaches quizzes to their lessons", () => {
    expect(catalog.lessons.filter((l) => l.quiz).map((l) => [l.slug, l.quiz])).toEqual([
      ["aigc-and-agi", "basics-quiz"],
      ["three-families", "attention-quiz"],
    ]);
  });

  it("reads h2/h3 headings with the renderer's ids, skipping code fences and numbering repeats", () => {
    expect(catalog.lessons.find((l) => l.slug === "self-attention")!.headings).toEqual([
      { id: "scores-from-queries-and-keys", text: "Scores from queries and keys" },
      { id: "why-divide-by-sqrtd_k", text: "Why divide by sqrt(d_k)?" },
      { id: "softmax", text: "Softmax" },
      { id: "softmax-1", text: "Softmax" },
      { id: "recap-heading", text: "Recap" },
    ]);
    expect(lessonHeadings("# Title only\n\nno sections")).toEqual([]);
  });
});

describe("the real course catalog", () => {
  const catalog = loadCourseIndex().catalog;

  it("has every lesson once, and every exercise and quiz in exactly one lesson", () => {
    const slugs = catalog.lessons.map((l) => l.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const placedExercises = catalog.lessons.flatMap((l) => l.exercises);
    expect(new Set(placedExercises).size).toBe(placedExercises.length);
    expect(catalog.exercises.map((e) => e.id)).toEqual(placedExercises);
    expect(catalog.quizzes.map((q) => q.id)).toEqual(["foundations-quiz", "taxonomy-quiz", "language-models-quiz", "transformer-quiz", "learning-quiz", "training-quiz", "gpt-quiz"]);
  });

  it("finds section ids that the lesson pages really use", () => {
    // Every lesson has at least two sections to resume at.
    for (const lesson of catalog.lessons) expect(lesson.headings.length).toBeGreaterThanOrEqual(2);
  });
});
