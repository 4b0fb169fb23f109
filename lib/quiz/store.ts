/**
 * The one reader of the quiz files, `content/quizzes/<id>.json` (framework-free). The course
 * index (lib/course/course-index.ts) reads every quiz through it; tests use it on fixtures.
 *
 * A store reads and validates each file once and then serves it from memory; when watching
 * (the default outside production) a file is re-read when its modification time changes.
 *
 * A file that exists but is invalid is an error (thrown with the validator's messages), not
 * a missing quiz: `npm run content:check` reports it long before a learner could, and
 * serving "no such quiz" (or leaving it out of a dashboard) for a broken file would hide the
 * mistake.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { validateQuiz, type Quiz } from "./schema";

/** Quiz ids are slugs; anything else (a path, `..`) never reaches the file system. */
const QUIZ_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isQuizId(id: unknown): id is string {
  return typeof id === "string" && id.length <= 100 && QUIZ_ID.test(id);
}

interface Entry {
  mtimeMs: number;
  quiz: Quiz;
}

/**
 * A cache of the quizzes under one content root.
 */
export function createQuizStore(contentRoot: string, options: { watch?: boolean; translated?: boolean } = {}) {
  const dir = path.join(contentRoot, "quizzes");
  const watch = options.watch ?? process.env.NODE_ENV !== "production";
  const cache = new Map<string, Entry>();

  function get(id: string): Quiz | null {
    if (!isQuizId(id)) return null;
    const file = path.join(dir, `${id}.json`);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        cache.delete(id);
        return null;
      }
      throw error;
    }
    const cached = cache.get(id);
    if (cached && (!watch || cached.mtimeMs === mtimeMs)) return cached.quiz;

    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`content/quizzes/${id}.json is not valid JSON: ${(error as Error).message}`);
    }
    // A translation records the English file's hash next to the quiz (decision 023); the quiz itself is the same shape.
    if (options.translated && json && typeof json === "object") delete (json as { sourceHash?: unknown }).sourceHash;
    const result = validateQuiz(json);
    if (!result.ok) throw new Error(`content/quizzes/${id}.json is not a valid quiz:\n- ${result.errors.join("\n- ")}`);
    if (result.quiz.id !== id) throw new Error(`content/quizzes/${id}.json declares the id "${result.quiz.id}"; the file name and the id must match`);
    cache.set(id, { mtimeMs, quiz: result.quiz });
    return result.quiz;
  }

  function list(): string[] {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((n) => n.endsWith(".json"))
      .map((n) => n.slice(0, -".json".length))
      .filter(isQuizId)
      .sort();
  }

  return { getQuiz: get, listQuizIds: list };
}
