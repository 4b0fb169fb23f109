/**
 * The content check must fail, with a message naming the problem, on each kind of broken content.
 * Each case copies a small valid course (tests/fixtures/content-valid), breaks one thing, and runs
 * the real command (`tsx scripts/content-check.ts --root <copy>`).
 */
import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "content-valid");
const FIRST = "content/chapters/01-basics/01-first.mdx";
const SECOND = "content/chapters/01-basics/02-second.mdx";

type Edit = (dir: string) => void;

function edit(file: string, from: string | RegExp, to: string): Edit {
  return (dir) => {
    const full = path.join(dir, file);
    const before = readFileSync(full, "utf8");
    const after = before.replace(from, to);
    if (after === before) throw new Error(`fixture edit did not apply to ${file}`);
    writeFileSync(full, after);
  };
}

async function check(edits: Edit[], quick = true): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "content-check-"));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    edits.forEach((e) => e(dir));
    const args = ["tsx", "scripts/content-check.ts", "--root", dir, ...(quick ? ["--quick"] : [])];
    try {
      const { stdout, stderr } = await run("npx", args, { cwd: ROOT });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("content check", () => {
  it("passes the valid fixture, including its TypeScript block", async () => {
    const { code, output } = await check([], false);
    expect(output).toContain("Content check passed: 2 lessons, 1 figures, 1 exercises");
    expect(code).toBe(0);
  });

  const cases: [string, Edit[], RegExp][] = [
    ["missing frontmatter", [edit(SECOND, /^---[\s\S]*?---\n/, "")], /02-second\.mdx: frontmatter title: /],
    ["invalid frontmatter (minutes not a number)", [edit(FIRST, "minutes: 5", "minutes: soon")], /01-first\.mdx: frontmatter minutes/],
    ["duplicate order", [edit(SECOND, "order: 2", "order: 1")], /duplicate order 1 in chapter basics/],
    [
      "duplicate slug",
      [(dir) => cpSync(path.join(dir, SECOND), path.join(dir, "content/chapters/01-basics/03-second.mdx")), edit("content/chapters/01-basics/03-second.mdx", "order: 2", "order: 3")],
      /duplicate lesson slug "second"/,
    ],
    ["broken link to a lesson", [edit(FIRST, "/learn/basics/second#the-end", "/learn/basics/third")], /broken link \/learn\/basics\/third: no such lesson/],
    ["broken link to a section", [edit(FIRST, "#the-end", "#the-start")], /no heading with anchor #the-start/],
    ["unknown exercise id", [edit(FIRST, '<Exercise id="demo-exercise" />', '<Exercise id="no-such-exercise" />')], /<Exercise id="no-such-exercise"> does not exist/],
    ["unknown quiz id", [edit(SECOND, "## The end", '## The end\n\n<Quiz id="no-such-quiz" />')], /<Quiz id="no-such-quiz"> does not exist/],
    ["figure without a text alternative", [edit(FIRST, / alt="[^"]*"/, "")], /needs a text alternative/],
    ["unknown figure", [edit(FIRST, 'name="attention-heatmap"', 'name="attention-map"')], /is not a known figure/],
    ["unknown component", [edit(SECOND, "## The end", "## The end\n\n<Marquee>hi</Marquee>")], /<Marquee> is not one of the lesson components/],
    ["an exercise's meta.json the course index refuses", [edit("exercises/demo-exercise/meta.json", '"difficulty": "intro"', '"difficulty": "easy"')], /exercises\/demo-exercise\/meta\.json: difficulty: /],
  ];

  it.each(cases)("fails on %s", async (_name, edits, message) => {
    const { code, output } = await check(edits);
    expect(output).toMatch(message);
    expect(code).toBe(1);
  });

  describe("quizzes whose options give the key away", () => {
    /** A quiz of `n` four-option questions placed in the second lesson; `keyOption` writes each key. */
    function quizEdits(n: number, keyOption: (i: number) => string): Edit[] {
      const questions = Array.from({ length: n }, (_, i) => ({
        id: `q${i}`,
        type: "single",
        prompt: `Question ${i}?`,
        explanation: "Because.",
        section: "/learn/basics/second#the-end",
        options: [
          { id: "key", text: keyOption(i), correct: true },
          { id: "b", text: `Wrong answer b${i}` },
          { id: "c", text: `Wrong answer c${i}` },
          { id: "d", text: `Wrong answer d${i}` },
        ],
      }));
      const quiz = { id: "leaky-quiz", title: "Leaky", chapter: "basics", lesson: "second", questions };
      return [
        (dir) => {
          mkdirSync(path.join(dir, "content/quizzes"), { recursive: true });
          writeFileSync(path.join(dir, "content/quizzes/leaky-quiz.json"), JSON.stringify(quiz));
        },
        edit(SECOND, "exercises: []", "exercises: []\nquiz: leaky-quiz"),
        edit(SECOND, "## The end", '## The end\n\n<Quiz id="leaky-quiz" />'),
      ];
    }

    it("fails when the key is the longest option far more often than chance (5 of 6)", async () => {
      const long = "The right answer, with every qualification that makes it true";
      const { code, output } = await check(quizEdits(6, (i) => (i < 5 ? long : `Right ${i}`)));
      expect(output).toMatch(/leaky-quiz\.json: the key is the longest option in 5 of 6 single-choice questions \(chance alone: p = 0\.00\d\)/);
      expect(code).toBe(1);
    });

    it("fails when the key is the only hedged option far more often than chance", async () => {
      const { code, output } = await check(quizEdits(5, (i) => `It can help ${i}`));
      expect(output).toMatch(/the key is the only hedged option \("usually", "can", \.\.\.\) in 5 of 5 questions/);
      expect(code).toBe(1);
    });

    it("passes a balanced quiz in which the key is the longest option as often as chance predicts", async () => {
      const { code, output } = await check(quizEdits(8, (i) => (i < 2 ? "A longer right answer here" : `Right ${i}`)));
      expect(output).toContain("Content check passed");
      expect(code).toBe(0);
    });
  });

  it("fails on a TypeScript code block that does not type-check, naming the line", async () => {
    const { code, output } = await check([edit(FIRST, "const x: tf.Tensor1D = tf.tensor1d([1, 2, 3]);", 'const x: tf.Tensor1D = tf.tensor1d([1, 2, 3]);\nconst n: number = "three";')], false);
    expect(output).toMatch(/01-first\.mdx:\d+: code block does not type-check: Type 'string' is not assignable to type 'number'/);
    expect(code).toBe(1);
  });
});
