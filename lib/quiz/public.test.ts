import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { MAX_SEED, isRotationOf, shufflePublicQuiz, toPublicQuiz, type PublicQuiz } from "./public";
import { normalizeTextAnswer, validateQuiz, type Quiz } from "./schema";
import { sampleQuiz } from "../../tests/support/sample-quiz";

const quizDir = path.join(__dirname, "../../content/quizzes");
const courseQuizzes: Quiz[] = readdirSync(quizDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => {
    const result = validateQuiz(JSON.parse(readFileSync(path.join(quizDir, f), "utf8")));
    if (!result.ok) throw new Error(`${f}: ${result.errors.join("; ")}`);
    return result.quiz;
  });
const allQuizzes = [sampleQuiz(), ...courseQuizzes];
const SEEDS = [0, 1, 2, 3, 42, 12345, 987654321, MAX_SEED];

/** Every key and every string anywhere in a JSON value. */
function walk(value: unknown, keys: Set<string>, strings: string[]) {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walk(v, keys, strings);
    }
}

/** What a learner should only see after submitting. */
function secretsOf(quiz: Quiz): string[] {
  const secrets: string[] = [];
  for (const q of quiz.questions) {
    secrets.push(q.explanation, q.section);
    if (q.type === "single" || q.type === "multiple") for (const o of q.options) if (o.feedback) secrets.push(o.feedback);
  }
  return secrets;
}

const PUBLIC_KEYS = new Set(["id", "title", "chapter", "lesson", "passPercent", "seed", "questions", "type", "prompt", "options", "text", "items", "left", "right", "unit"]);

describe("toPublicQuiz leaks no answer key", () => {
  it.each(allQuizzes.map((q) => [q.id, q] as const))("%s: only public fields, no explanation, feedback or section text", (_id, quiz) => {
    const secrets = secretsOf(quiz);
    for (const seed of SEEDS) {
      const json = JSON.parse(JSON.stringify(toPublicQuiz(quiz, { seed })));
      const keys = new Set<string>();
      const strings: string[] = [];
      walk(json, keys, strings);
      // No `correct`, `answer`, `accepted`, `pairs`, `correctOrder`, `feedback`, `explanation`, `section`...
      expect([...keys].filter((k) => !PUBLIC_KEYS.has(k))).toEqual([]);
      const serialized = JSON.stringify(json);
      for (const secret of secrets) expect(serialized.includes(secret)).toBe(false);
      expect(serialized).not.toMatch(/"correct"|"answer"|"accepted"|"pairs"|"correctOrder"|"feedback"|"explanation"|"section"/);
    }
  });

  it("text answers do not appear in their own prompt", () => {
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const quiz of allQuizzes)
      for (const q of quiz.questions) {
        if (q.type !== "text") continue;
        const pub = toPublicQuiz(quiz, { seed: 7 }).questions.find((p) => p.id === q.id)!;
        const visible = normalizeTextAnswer(pub.prompt);
        for (const a of q.accepted) expect(new RegExp(`\\b${escape(normalizeTextAnswer(a))}\\b`).test(visible)).toBe(false);
      }
  });

  it("numeric questions keep only the unit", () => {
    const pub = toPublicQuiz(sampleQuiz(), { seed: 1 }).questions.find((q) => q.id === "n1");
    expect(pub).toEqual({ id: "n1", type: "numeric", prompt: "What is √d_k for d_k = 64?" });
  });
});

describe("toPublicQuiz shuffles deterministically per attempt", () => {
  it("keeps every option, item and matching side exactly once", () => {
    const quiz = sampleQuiz();
    const pub = toPublicQuiz(quiz, { seed: 99 });
    for (const q of quiz.questions) {
      const p = pub.questions.find((x) => x.id === q.id)!;
      expect(p.type).toBe(q.type);
      const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
      if ((q.type === "single" || q.type === "multiple") && (p.type === "single" || p.type === "multiple"))
        expect(ids(p.options)).toEqual(ids(q.options));
      if (q.type === "ordering" && p.type === "ordering") expect(ids(p.items)).toEqual(ids(q.items));
      if (q.type === "matching" && p.type === "matching") {
        expect(ids(p.left)).toEqual(ids(q.left));
        expect(ids(p.right)).toEqual(ids(q.right));
      }
    }
    expect(pub.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id)); // question order as authored
  });

  it("gives the same arrangement for the same seed and varied ones across seeds", () => {
    const quiz = sampleQuiz();
    expect(toPublicQuiz(quiz, { seed: 5 })).toEqual(toPublicQuiz(quiz, { seed: 5 }));
    const arrangements = new Set(SEEDS.map((seed) => JSON.stringify(toPublicQuiz(quiz, { seed }).questions)));
    expect(arrangements.size).toBeGreaterThan(4);
  });

  it("puts the correct option in every position across seeds (not always where the author wrote it)", () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 60; seed++) {
      const q = toPublicQuiz(sampleQuiz(), { seed }).questions[0];
      if (q.type !== "single") throw new Error("expected the single-choice question first");
      positions.add(q.options.findIndex((o) => o.id === "enc"));
    }
    expect([...positions].sort()).toEqual([0, 1, 2]);
  });

  it("never shows an ordering question in its correct order, for any seed", () => {
    for (const quiz of allQuizzes) {
      for (let seed = 0; seed < 200; seed++) {
        const pub = toPublicQuiz(quiz, { seed });
        for (const q of quiz.questions) {
          if (q.type !== "ordering") continue;
          const p = pub.questions.find((x) => x.id === q.id);
          if (p?.type !== "ordering") throw new Error("ordering question missing");
          expect(p.items.map((i) => i.id)).not.toEqual(q.correctOrder);
        }
      }
    }
  });

  it("shows every rotation of an ordering question across seeds, none of them the answer", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const p = toPublicQuiz(sampleQuiz(), { seed }).questions.find((q) => q.id === "o1")!;
      if (p.type === "ordering") seen.add(p.items.map((i) => i.id).join(","));
    }
    expect(seen.size).toBe(4);
    for (const order of seen) expect(isRotationOf(order.split(","), ["pre", "sft", "rm", "rl"])).toBe(false);
  });

  it("reshuffling in the browser for a retake gives exactly what the server would send for that seed", () => {
    for (const quiz of allQuizzes) {
      const first: PublicQuiz = toPublicQuiz(quiz, { seed: 11 });
      for (const seed of SEEDS) expect(shufflePublicQuiz(first, seed)).toEqual(toPublicQuiz(quiz, { seed }));
    }
  });

  it("picks a valid random seed when none is given", () => {
    const pub = toPublicQuiz(sampleQuiz());
    expect(Number.isInteger(pub.seed)).toBe(true);
    expect(pub.seed).toBeGreaterThanOrEqual(0);
    expect(pub.seed).toBeLessThanOrEqual(MAX_SEED);
    expect(pub.passPercent).toBe(60);
  });

  it("rejects seeds that do not fit an integer column", () => {
    expect(() => toPublicQuiz(sampleQuiz(), { seed: -1 })).toThrow("seed must be an integer from 0 to 2147483647, got -1");
    expect(() => toPublicQuiz(sampleQuiz(), { seed: 2 ** 31 })).toThrow(RangeError);
    expect(() => toPublicQuiz(sampleQuiz(), { seed: 1.5 })).toThrow(RangeError);
  });
});

describe("isRotationOf", () => {
  it("recognises rotations and nothing else", () => {
    expect(isRotationOf(["c", "a", "b"], ["a", "b", "c"])).toBe(true);
    expect(isRotationOf(["a", "b", "c"], ["a", "b", "c"])).toBe(true);
    expect(isRotationOf(["b", "a", "c"], ["a", "b", "c"])).toBe(false);
    expect(isRotationOf(["a", "b"], ["a", "b", "c"])).toBe(false);
  });
});

// Compile-time check: the public types carry no answer fields (tsc fails if one is added).
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type PublicQuestionKeys = KeysOfUnion<PublicQuiz["questions"][number]>;
type Leaky = Extract<PublicQuestionKeys, "correct" | "answer" | "accepted" | "pairs" | "correctOrder" | "feedback" | "explanation" | "section" | "tolerance">;
const noLeakyKeys: [Leaky] extends [never] ? true : false = true;
void noLeakyKeys;
