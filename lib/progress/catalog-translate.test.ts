import { describe, expect, it } from "@jest/globals";
import { fixtureCatalog } from "../../tests/support/progress-catalog-fixture";
import { translateCatalog } from "./catalog-translate";

describe("translateCatalog", () => {
  const english = fixtureCatalog();
  const headings = english.lessons.find((l) => l.slug === "self-attention")!.headings;

  it("lays the translated titles over the English catalog, keeping ids, links and anchors", () => {
    const zh = translateCatalog(english, {
      lessons: new Map([["self-attention", { title: "自注意力", chapterTitle: "注意力", headings: headings.map((_, i) => `第 ${i + 1} 节`) }]]),
      chapters: new Map([["attention", "注意力"]]),
      exercises: new Map([["softmax", "稳定的 softmax"]]),
      quizzes: new Map([["basics-quiz", "基础测验"]]),
    });
    const lesson = zh.lessons.find((l) => l.slug === "self-attention")!;
    expect(lesson).toMatchObject({ title: "自注意力", chapterTitle: "注意力", href: "/learn/attention/self-attention" });
    expect(lesson.headings.map((h) => h.id)).toEqual(headings.map((h) => h.id));
    expect(lesson.headings[0].text).toBe("第 1 节");
    expect(zh.chapters.find((c) => c.slug === "attention")!.title).toBe("注意力");
    expect(zh.exercises.find((e) => e.id === "softmax")!.title).toBe("稳定的 softmax");
    expect(zh.quizzes.find((q) => q.id === "basics-quiz")!.title).toBe("基础测验");
    // Untranslated items keep their English titles.
    expect(zh.lessons.find((l) => l.slug === "what-is-ai")!.title).toBe(english.lessons.find((l) => l.slug === "what-is-ai")!.title);
    expect(zh.chapters.find((c) => c.slug === "basics")!.title).toBe("Basics");
  });

  it("keeps the English heading texts when the translation's headings do not pair up", () => {
    const zh = translateCatalog(english, {
      lessons: new Map([["self-attention", { title: "自注意力", chapterTitle: "注意力", headings: ["只有一节"] }]]),
      chapters: new Map(),
      exercises: new Map(),
      quizzes: new Map(),
    });
    expect(zh.lessons.find((l) => l.slug === "self-attention")!.headings).toEqual(headings);
  });
});
