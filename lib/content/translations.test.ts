/**
 * The translation check on small course trees built in a temp dir: a complete Chinese edition
 * passes; each kind of broken translation is reported with its file, as an error or (stale) a warning.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadSpecTestNames } from "./test-name-translations";
import { checkTranslations, hashSource, listTranslationPairs } from "./translations";

const LESSON = "content/chapters/01-basics/01-first.mdx";
const QUIZ = "content/quizzes/basics-quiz.json";

const englishLesson = `---
title: First lesson
summary: A short lesson used to test the translation check.
chapter: basics
order: 1
minutes: 5
track: concept
objectives:
  - Say what a token is.
  - Run the exercise.
exercises:
  - demo
---

Tokens are pieces of text. See [the next lesson](/learn/basics/second#tokens).

## What a token is

<Term def="A piece of text the model reads.">token</Term>

| word | tokens |
|---|---|
| cat | 1 |

$$p = \\text{softmax}(z)$$

<Figure name="token-grid" alt="A grid of tokens, one per cell, coloured by id." caption="Tokens" />

<Callout type="note" title="Careful">

Spaces count too.

</Callout>

### In code

\`\`\`ts
// Split on spaces.
export const split = (s: string) => s.split(" "); // naive
\`\`\`

<Exercise id="demo" />

<Recap>

- Tokens are pieces of text.

</Recap>
`;

const chineseLesson = (hash: string) => `---
title: 第一课
summary: 用来测试翻译检查的一节短课。
chapter: basics
order: 1
minutes: 5
track: concept
objectives:
  - 说出什么是词元。
  - 完成练习。
exercises:
  - demo
sourceHash: "${hash}"
---

词元（token）是文本的片段。参见[下一课](/learn/basics/second#tokens)。

## 什么是词元

<Term def="模型读取的一段文本。">词元</Term>

| 单词 | 词元数 |
|---|---|
| cat | 1 |

$$p = \\text{softmax}(z)$$

<Figure name="token-grid" alt="一个词元网格，每格一个词元，按编号着色。" caption="词元" />

<Callout type="note" title="注意">

空格也算。

</Callout>

### 代码

\`\`\`ts
// 按空格切分。
export const split = (s: string) => s.split(" "); // 朴素做法
\`\`\`

<Exercise id="demo" />

<Recap>

- 词元是文本的片段。

</Recap>
`;

const englishQuiz = {
  id: "basics-quiz",
  title: "Basics",
  chapter: "basics",
  lesson: "first",
  passPercent: 70,
  questions: [
    {
      id: "what-token",
      type: "single",
      prompt: "What is a token?",
      explanation: "A piece of text.",
      section: "/learn/basics/first#what-a-token-is",
      options: [
        { id: "piece", text: "A piece of text", correct: true, feedback: "Right." },
        { id: "coin", text: "A coin", feedback: "No." },
      ],
    },
    { id: "count", type: "numeric", prompt: "How many tokens in 'cat'?", explanation: "One.", section: "/learn/basics/first", answer: 1, tolerance: 0, unit: "tokens" },
  ],
};

const chineseQuiz = (hash: string) => ({
  ...englishQuiz,
  title: "基础",
  sourceHash: hash,
  questions: [
    {
      ...englishQuiz.questions[0],
      prompt: "什么是词元？",
      explanation: "一段文本。",
      options: [
        { id: "piece", text: "一段文本", correct: true, feedback: "正确。" },
        { id: "coin", text: "一枚硬币", feedback: "不对。" },
      ],
    },
    { ...englishQuiz.questions[1], prompt: "“cat”有几个词元？", explanation: "一个。", unit: "个词元" },
  ],
});

const englishBrief = "Write `split`.\n\n```ts\nexport function split(s: string): string[]\n```\n";
const englishHints = "## Hint 1\nUse `s.split`.\n\n## Hint 2\nSplit on `\" \"`.\n";
const englishMeta = JSON.stringify({ id: "demo", title: "Split text", chapter: 1, lesson: "first", difficulty: "intro", timeLimitMs: 5000 });

const glossary = [{ en: "token", zh: "词元", avoid: ["令牌", "标记符"] }];

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const hashOf = (file: string) => hashSource(readFileSync(path.join(root, file)));
function edit(file: string, from: string | RegExp, to: string) {
  const before = read(file);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit did not apply to ${file}`);
  writeFileSync(path.join(root, file), after);
}

/** An English course of one lesson, one quiz and one exercise, with a complete current Chinese edition. */
function buildCourse() {
  root = mkdtempSync(path.join(tmpdir(), "translations-"));
  write(LESSON, englishLesson);
  write(QUIZ, JSON.stringify(englishQuiz, null, 2));
  write("exercises/demo/brief.md", englishBrief);
  write("exercises/demo/hints.md", englishHints);
  write("exercises/demo/meta.json", englishMeta);
  write("content/zh/glossary.json", JSON.stringify(glossary));
  write("content/zh/chapters/01-basics/01-first.mdx", chineseLesson(hashOf(LESSON)));
  write("content/zh/quizzes/basics-quiz.json", JSON.stringify(chineseQuiz(hashOf(QUIZ)), null, 2));
  write("exercises/demo/zh/brief.md", `<!-- sourceHash: ${hashOf("exercises/demo/brief.md")} -->\n编写 \`split\`。\n\n\`\`\`ts\nexport function split(s: string): string[]\n\`\`\`\n`);
  write("exercises/demo/zh/hints.md", `<!-- sourceHash: ${hashOf("exercises/demo/hints.md")} -->\n## 提示 1\n用 \`s.split\`。\n\n## 提示 2\n按 \`" "\` 切分。\n`);
  write("exercises/demo/zh/meta.json", JSON.stringify({ title: "切分文本", sourceHash: hashOf("exercises/demo/meta.json") }));
}

const check = () => checkTranslations(root, "zh");

describe("translation check", () => {
  it("pairs every English lesson, quiz, brief, hints and meta with its translation path", () => {
    buildCourse();
    expect(listTranslationPairs(root, "zh").map((p) => [p.kind, p.source, p.translation])).toEqual([
      ["lesson", LESSON, "content/zh/chapters/01-basics/01-first.mdx"],
      ["quiz", QUIZ, "content/zh/quizzes/basics-quiz.json"],
      ["brief", "exercises/demo/brief.md", "exercises/demo/zh/brief.md"],
      ["hints", "exercises/demo/hints.md", "exercises/demo/zh/hints.md"],
      ["meta", "exercises/demo/meta.json", "exercises/demo/zh/meta.json"],
    ]);
  });

  it("hashes the English bytes as `sha256sum <file> | cut -c1-12` does", () => {
    buildCourse();
    expect(hashOf(LESSON)).toBe(execFileSync("sha256sum", [path.join(root, LESSON)], { encoding: "utf8" }).slice(0, 12));
  });

  it("passes a complete, current translation with translated props, comments and units", () => {
    buildCourse();
    const report = check();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.pairs.map((p) => p.status)).toEqual(["current", "current", "current", "current", "current"]);
  });

  it("reports a missing translation as an error naming the file", () => {
    buildCourse();
    rmSync(path.join(root, "exercises/demo/zh/hints.md"));
    expect(check().errors).toEqual(["exercises/demo/zh/hints.md: missing translation of exercises/demo/hints.md"]);
  });

  it("warns, listing the file, when the English changed since; a changed structure then only warns too", () => {
    buildCourse();
    const recorded = hashOf(LESSON);
    edit(LESSON, "Spaces count too.", "Spaces count too, and so does punctuation.");
    edit(QUIZ, '"passPercent": 70', '"passPercent": 80');
    const report = check();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContain(
      `content/zh/chapters/01-basics/01-first.mdx: stale: translated from ${LESSON} at ${recorded}, the English is now ${hashOf(LESSON)}`,
    );
    expect(report.warnings.some((w) => w.startsWith("content/zh/quizzes/basics-quiz.json: stale"))).toBe(true);
    expect(report.warnings.some((w) => w.includes("passPercent") && w.endsWith("(stale)"))).toBe(true);
  });

  it("requires a recorded sourceHash", () => {
    buildCourse();
    edit("exercises/demo/zh/brief.md", /^<!--[^\n]*-->\n/, "");
    expect(check().errors).toEqual([expect.stringMatching(/^exercises\/demo\/zh\/brief\.md: records no sourceHash .*it is [0-9a-f]{12} now/)]);
  });

  const lesson = "content/zh/chapters/01-basics/01-first.mdx";
  const structureCases: [string, string, string | RegExp, string, RegExp][] = [
    ["a heading level", lesson, "### 代码", "## 代码", /heading levels differ: English ## ###, translation ## ##/],
    ["an exercise id", lesson, '<Exercise id="demo" />', '<Exercise id="other" />', /MDX components differ .*tag 6 is <Exercise id="demo"\/> in English, <Exercise id="other"\/> here/],
    ["a figure name", lesson, 'name="token-grid"', 'name="grid"', /MDX components differ .*tag 3 is <Figure name="token-grid"\/> in English, <Figure name="grid"\/> here/],
    ["a callout type", lesson, 'type="note"', 'type="warning"', /MDX components differ .*tag 4 is <Callout type="note"> in English, <Callout type="warning"> here/],
    ["a dropped component", lesson, /<Callout[\s\S]*?<\/Callout>\n/, "", /MDX components differ from the English \(8 tags there, 6 here\)/],
    ["code outside comments", lesson, 's.split(" ")', 's.split("")', /code block 1 differs .*English "export const split = \(s: string\) => s.split\(" "\);"/],
    ["a math block", lesson, "$$p = \\text{softmax}(z)$$", "p = softmax(z)", /has 0 math blocks \(\$\$\), the English has 1/],
    ["a link target", lesson, "/learn/basics/second#tokens", "/learn/basics/second#ci", /link targets differ .*missing \/learn\/basics\/second#tokens; not in the English: \/learn\/basics\/second#ci/],
    ["a table's shape", lesson, "| cat | 1 |", "| cat | 1 | 一 |", /tables differ in shape/],
    ["a non-prose frontmatter value", lesson, "minutes: 5", "minutes: 6", /frontmatter "minutes" is 6, the English has 5/],
    ["the objectives count", lesson, "  - 完成练习。\n", "", /has 1 objectives, the English has 2/],
    ["a dropped frontmatter key", lesson, "track: concept\n", "", /frontmatter lacks "track"/],
    ["the correct option", "content/zh/quizzes/basics-quiz.json", '"correct": true,', "", /questions\[0\]\.options\[0\]\.correct: the English has true, the translation nothing/],
    ["a numeric answer", "content/zh/quizzes/basics-quiz.json", '"answer": 1,', '"answer": 2,', /questions\[1\]\.answer: the English has 1, the translation 2/],
    ["a section link", "content/zh/quizzes/basics-quiz.json", "#what-a-token-is", "#什么是词元", /questions\[0\]\.section/],
    ["the hints count", "exercises/demo/zh/hints.md", /\n## 提示 2\n[^\n]*\n/, "\n", /has 1 hints \(## headings\), the English has 2/],
    ["the brief's code", "exercises/demo/zh/brief.md", "string[]", "Array<string>", /code block 1 differs/],
    ["extra meta keys", "exercises/demo/zh/meta.json", '"title"', '"lesson":"first","title"', /holds only "title" and "sourceHash" .*found lesson/],
  ];
  it.each(structureCases)("reports a change to %s in a current translation as an error", (_what, file, from, to, message) => {
    buildCourse();
    edit(file, from, to);
    const { errors, warnings } = check();
    expect(warnings).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.]/g, "\\.")}: ${message.source}`))]);
  });

  it("reports a rendering the glossary says to avoid, with its line, in any translated file", () => {
    buildCourse();
    edit(lesson, "空格也算。", "空格也算一个令牌。");
    edit("content/zh/quizzes/basics-quiz.json", "一段文本。", "一个 标记 符。");
    const errors = check().errors;
    const line = read(lesson).split("\n").findIndex((l) => l.includes("令牌")) + 1;
    expect(errors).toEqual([
      `${lesson}:${line}: uses "令牌" for "token": the glossary's term is "词元"`,
      expect.stringMatching(/^content\/zh\/quizzes\/basics-quiz\.json:\d+: uses "标记符" for "token"/),
    ]);
  });

  it("reports emphasis that will not render because punctuation sits inside the closing markers", () => {
    buildCourse();
    edit(lesson, "空格也算。", "**空格也算。**标点也算。**这样**。");
    edit("content/zh/quizzes/basics-quiz.json", '"什么是词元？"', '"什么是**词元？**请选择"');
    const line = read(lesson).split("\n").findIndex((l) => l.includes("空格也算")) + 1;
    expect(check().errors).toEqual([
      `${lesson}:${line}: "**空格也算。**标点" will not render as emphasis (a closing * or ** after punctuation needs a space or punctuation after it): put the punctuation outside the markers`,
      expect.stringMatching(/^content\/zh\/quizzes\/basics-quiz\.json: questions\[0\]\.prompt: "么是\*\*词元？\*\*请选" will not render/),
    ]);
  });

  it("checks the course titles' translation: only titles and summaries may differ", () => {
    buildCourse();
    write("content/course.json", JSON.stringify({ id: "demo", title: "Demo", summary: "A demo course.", chapters: [{ slug: "basics", number: 1, title: "Basics", summary: "The basics." }] }));
    const course = JSON.parse(read("content/course.json")) as { chapters: { slug: string; title: string }[] };
    const chapters = course.chapters.map((c, i) => ({ ...c, title: `第${i + 1}章`, slug: i === 0 ? "renamed" : c.slug }));
    write("content/zh/course.json", JSON.stringify({ ...course, chapters, sourceHash: hashOf("content/course.json") }));
    expect(check().errors).toEqual([expect.stringMatching(/^content\/zh\/course\.json: chapters\[0\]\.slug: the English has "[a-z-]+", the translation "renamed"/)]);
  });

  it("warns about a translation whose English source no longer exists", () => {
    buildCourse();
    write("content/zh/chapters/01-basics/09-gone.mdx", chineseLesson("000000000000"));
    expect(check().warnings).toEqual(["content/zh/chapters/01-basics/09-gone.mdx: no English source (renamed or removed?)"]);
  });
});

describe("content check command with a Chinese edition", () => {
  const run = promisify(execFile);
  const PROJECT = path.resolve(__dirname, "..", "..");

  async function contentCheck(dir: string) {
    try {
      const { stdout, stderr } = await run("npx", ["tsx", "scripts/content-check.ts", "--root", dir, "--quick"], { cwd: PROJECT });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }

  it("fails on a missing translation and passes, printing the warning, once the only problem is a stale one", async () => {
    root = mkdtempSync(path.join(tmpdir(), "translations-cli-"));
    cpSync(path.join(PROJECT, "tests", "fixtures", "content-valid"), root, { recursive: true });
    write("content/zh/glossary.json", "[]");
    // A "translation" identical to the English keeps every structure; only its hash is added.
    const translate = (source: string, target: string, hash = hashOf(source)) =>
      source.endsWith(".json")
        ? write(target, JSON.stringify({ title: "演示练习", sourceHash: hash }))
        : write(target, read(source).replace(/\n---\n/, `\nsourceHash: "${hash}"\n---\n`));
    translate("content/chapters/01-basics/02-second.mdx", "content/zh/chapters/01-basics/02-second.mdx");
    translate("exercises/demo-exercise/meta.json", "exercises/demo-exercise/zh/meta.json");
    const course = JSON.parse(read("content/course.json")) as { title: string; chapters: { slug: string; title: string }[] };
    write("content/zh/course.json", JSON.stringify({ ...course, title: "演示课程", sourceHash: hashOf("content/course.json") }));

    const missing = await contentCheck(root);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("Translations (zh): 4 English files, 3 current, 0 stale, 1 missing.");
    expect(missing.output).toContain("content/zh/chapters/01-basics/01-first.mdx: missing translation of content/chapters/01-basics/01-first.mdx");

    translate("content/chapters/01-basics/01-first.mdx", "content/zh/chapters/01-basics/01-first.mdx", "0123456789ab");
    const stale = await contentCheck(root);
    expect(stale.output).toContain("content/zh/chapters/01-basics/01-first.mdx: stale: translated from content/chapters/01-basics/01-first.mdx at 0123456789ab");
    expect(stale.output).toContain("Content check passed: 2 lessons");
    expect(stale.code).toBe(0);
  });
});

describe("translated test names (exercises/<id>/zh/tests.json)", () => {
  // A spec without imports, so it loads from the temp folder as the grader would load a real one.
  const spec = `export default {
  exercise: "demo",
  exports: ["split"],
  tests: [
    { name: "splits on spaces", run() {} },
    { name: "keeps a word without spaces whole", run() {} },
  ],
};
`;
  const names = { "splits on spaces": "按空格切分", "keeps a word without spaces whole": "没有空格的单词保持完整" };
  const tests = "exercises/demo/zh/tests.json";

  async function checkWithSpec() {
    return checkTranslations(root, "zh", { testNames: await loadSpecTestNames(root) });
  }

  it("reads the English names from the spec and passes when every one is translated", async () => {
    buildCourse();
    write("exercises/demo/spec.ts", spec);
    write(tests, JSON.stringify({ tests: names }));
    expect(await loadSpecTestNames(root)).toEqual({ demo: ["splits on spaces", "keeps a word without spaces whole"] });
    const report = await checkWithSpec();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("reports a missing test name as an error, and a missing file too", async () => {
    buildCourse();
    write("exercises/demo/spec.ts", spec);
    write(tests, JSON.stringify({ tests: { "splits on spaces": "按空格切分" } }));
    expect((await checkWithSpec()).errors).toEqual([`${tests}: no translation of the test "keeps a word without spaces whole"`]);
    rmSync(path.join(root, tests));
    expect((await checkWithSpec()).errors).toEqual([`${tests}: missing (the zh test names of exercises/demo/spec.ts)`]);
  });

  it("reports a renamed test: the new name is missing (error), the old one is left over (warning)", async () => {
    buildCourse();
    write("exercises/demo/spec.ts", spec.replace("splits on spaces", "splits on every space"));
    write(tests, JSON.stringify({ tests: names }));
    const report = await checkWithSpec();
    expect(report.errors).toEqual([`${tests}: no translation of the test "splits on every space"`]);
    expect(report.warnings).toEqual([`${tests}: the test "splits on spaces" is not in exercises/demo/spec.ts any more (renamed or removed?)`]);
  });

  it("reports an untranslated name, a malformed file and a term the glossary avoids", async () => {
    buildCourse();
    write("exercises/demo/spec.ts", spec);
    write(tests, JSON.stringify({ tests: { ...names, "splits on spaces": "splits on spaces" } }));
    expect((await checkWithSpec()).errors).toEqual([`${tests}: the test "splits on spaces" is not translated`]);
    write(tests, JSON.stringify({ tests: ["按空格切分"] }));
    expect((await checkWithSpec()).errors).toEqual([expect.stringMatching(/^exercises\/demo\/zh\/tests\.json: must be \{ "tests"/)]);
    write(tests, JSON.stringify({ tests: { ...names, "splits on spaces": "按空格切分成令牌" } }, null, 2));
    expect((await checkWithSpec()).errors).toEqual([`${tests}:3: uses "令牌" for "token": the glossary's term is "词元"`]);
  });
});
