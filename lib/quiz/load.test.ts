/**
 * Loading quiz files on the server: the course's quizzes, the cache, unknown and unsafe ids,
 * and clear errors for a broken file (every view of the course refusing one: lib/course/course-index.test.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { createQuizStore, getQuiz, isQuizId, listQuizIds } from "./load";

const root = mkdtempSync(path.join(tmpdir(), "quiz-load-"));
mkdirSync(path.join(root, "quizzes"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const quizJson = (id: string, prompt = "Is this a quiz?") => ({
  id,
  title: "A small quiz",
  chapter: "foundations",
  lesson: "what-is-ai",
  questions: [{ id: "q1", type: "true-false", prompt, explanation: "It is.", section: "/learn/foundations/what-is-ai", answer: true }],
});

function write(name: string, content: unknown, mtime?: Date) {
  const file = path.join(root, "quizzes", name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  if (mtime) utimesSync(file, mtime, mtime);
}

describe("the course's quizzes", () => {
  it("lists and loads the chapter quizzes and the topic quiz, each read once", () => {
    expect(listQuizIds()).toEqual(["foundations-quiz", "gpt-quiz", "language-models-quiz", "learning-quiz", "taxonomy-quiz", "training-quiz", "transformer-quiz"]);
    const quiz = getQuiz("training-quiz");
    expect(quiz).toMatchObject({ id: "training-quiz", chapter: "training", lesson: "rlhf", passPercent: 70 });
    expect(quiz!.questions).toHaveLength(12);
    expect(getQuiz("training-quiz")).toBe(quiz);
  });

  it("answers null for an unknown id, and never turns an id into another path", () => {
    expect(getQuiz("no-such-quiz")).toBeNull();
    for (const id of ["../course", "..", "training-quiz.json", "Training-Quiz", "quizzes/training-quiz", ""]) {
      expect(isQuizId(id)).toBe(false);
      expect(getQuiz(id)).toBeNull();
    }
  });
});

describe("createQuizStore", () => {
  it("re-reads a changed file when watching (development), and keeps the cached quiz otherwise (production)", () => {
    write("watched.json", quizJson("watched", "First version?"), new Date(2026, 0, 1));
    const dev = createQuizStore(root, { watch: true });
    const prod = createQuizStore(root, { watch: false });
    expect(dev.getQuiz("watched")!.questions[0].prompt).toBe("First version?");
    expect(prod.getQuiz("watched")!.questions[0].prompt).toBe("First version?");

    write("watched.json", quizJson("watched", "Second version?"), new Date(2026, 0, 2));
    expect(dev.getQuiz("watched")!.questions[0].prompt).toBe("Second version?");
    expect(prod.getQuiz("watched")!.questions[0].prompt).toBe("First version?");

    rmSync(path.join(root, "quizzes", "watched.json"));
    expect(dev.getQuiz("watched")).toBeNull();
  });

  it("a broken file is an error that says what is wrong, not a missing quiz", () => {
    const store = createQuizStore(root, { watch: true });
    write("not-json.json", "{ id: ");
    expect(() => store.getQuiz("not-json")).toThrow(/^content\/quizzes\/not-json\.json is not valid JSON: /);

    write("no-answer.json", { ...quizJson("no-answer"), questions: [{ ...quizJson("x").questions[0], answer: undefined }] });
    expect(() => store.getQuiz("no-answer")).toThrow("content/quizzes/no-answer.json is not a valid quiz:\n- question q1: answer: is missing");

    write("renamed.json", quizJson("original-name"));
    expect(() => store.getQuiz("renamed")).toThrow('content/quizzes/renamed.json declares the id "original-name"; the file name and the id must match');
  });

  it("lists only quiz files with valid ids, and nothing when the folder is missing", () => {
    write("listed.json", quizJson("listed"));
    write("Not A Slug.json", quizJson("listed"));
    write("notes.txt", "not a quiz");
    expect(createQuizStore(root).listQuizIds()).toEqual(expect.arrayContaining(["listed"]));
    expect(createQuizStore(root).listQuizIds()).not.toContain("Not A Slug");
    expect(createQuizStore(root).listQuizIds().every(isQuizId)).toBe(true);
    expect(createQuizStore(path.join(root, "missing")).listQuizIds()).toEqual([]);
  });
});
