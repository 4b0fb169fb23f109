/** Facts of the live course the end-to-end tests assert on, read from the content (never typed in). */
import { readFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();

/** How many tests an exercise's spec has (the "N / N tests passed" a learner sees). */
export async function specTestCount(exerciseId: string): Promise<number> {
  const spec = (await import(path.join(root, "exercises", exerciseId, "spec"))) as { default: { tests: unknown[] } };
  return spec.default.tests.length;
}

/** A quiz's maximum score: one point a question. */
export function quizMaxScore(quizId: string): number {
  const quiz = JSON.parse(readFileSync(path.join(root, "content", "quizzes", `${quizId}.json`), "utf8")) as { questions: unknown[] };
  return quiz.questions.length;
}
