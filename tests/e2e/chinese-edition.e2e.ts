/**
 * The Chinese edition in Chromium, as a reader whose browser asks for Chinese meets it (no CJK
 * font in headless Chromium here: every check reads text, never pixels): the first visit lands
 * on /zh pages; they read a lesson and mark it complete, run an exercise, take a quiz in Chinese
 * (a typed answer in Chinese is accepted, and the "review" link lands on the right heading of the
 * Chinese lesson), then switch to English with the header's switch and find the same progress,
 * and the choice remembered over the browser's language.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumForFile } from "./support/chromium";
import { setCode } from "./support/editor";
import { baseUrl } from "./support/server";

const SLOW = { timeout: 120_000 };
const QUIZ_LESSON = "/learn/foundations/aigc-and-agi";
const EXERCISE_LESSON = "/learn/transformer/self-attention";

const chromium = chromiumForFile();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // A Chinese browser: Chromium sends Accept-Language zh-CN for this locale.
  context = await chromium.browser.newContext({ baseURL: baseUrl(), locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(120_000);
});

const text = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("a reader with a Chinese browser", () => {
  it("lands on the Chinese home page and outline from the English URLs", async () => {
    await page.goto("/", SLOW);
    expect(new URL(page.url()).pathname).toBe("/zh");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect(page.getByRole("link", { name: "开始第一课" }).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId("locale-switch").locator('[aria-current="true"]').textContent()).toBe("简体中文");

    await page.goto("/learn", SLOW);
    expect(new URL(page.url()).pathname).toBe("/zh/learn");
    expect(await page.locator("h1").textContent()).toBe("大语言模型是怎样工作的");
    await expect(page.getByRole("heading", { name: /第 4 章\s*深入 Transformer/ }).count()).resolves.toBe(1);
  }, 300_000);

  it("reads a lesson in Chinese and marks it complete", async () => {
    await page.goto("/learn/foundations/what-is-ai", SLOW);
    expect(new URL(page.url()).pathname).toBe("/zh/learn/foundations/what-is-ai");
    expect(await page.locator("h1").textContent()).toBe("什么是人工智能？");
    expect(await page.getByRole("heading", { name: "你将学到" }).count()).toBe(1);
    // A Chinese heading carries the English anchor, so English links land on it.
    expect(await page.locator("h2#machine-learning-and-deep-learning").count()).toBe(1);
    await page.getByTestId("lesson-completion").and(page.locator('[data-ready="true"]')).waitFor();
    // Pressed where it is: scrolling down to it would complete the lesson by itself.
    await page.getByRole("button", { name: "标记为已完成" }).evaluate((button: HTMLElement) => button.click());
    await page.getByRole("status").filter({ hasText: "本课已完成" }).waitFor();
  }, 300_000);

  it("runs an exercise from the Chinese lesson", async () => {
    await page.goto(`/zh${EXERCISE_LESSON}`, SLOW);
    const card = page.locator('[data-exercise="softmax"]');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole("button", { name: "打开编辑器" }).click();
    await card.locator('[data-editor-ready="true"]').waitFor({ timeout: 120_000 });
    expect(await card.getByText("编程练习 · 构建者路线").count()).toBe(1);
    expect(await card.locator("h3").first().textContent()).toBe("永不溢出的softmax");
    await setCode(page, card, readFileSync(path.join(process.cwd(), "exercises/softmax/solution.ts"), "utf8"));
    await card.getByRole("button", { name: "运行测试" }).click();
    await card.getByTestId("run-summary").filter({ hasText: /(\d+) \/ \1/ }).waitFor({ timeout: 150_000 });
    await expect(card.getByTestId("exercise-status").textContent()).resolves.toContain("已完成");
  }, 400_000);

  it("takes the quiz in Chinese: a typed Chinese answer is accepted and the review link finds its heading", async () => {
    await page.goto(`/zh${QUIZ_LESSON}`, SLOW);
    const quiz = page.getByTestId("quiz");
    await quiz.scrollIntoViewIfNeeded();
    const typed = page.getByTestId("question-between-layers");
    await typed.waitFor(SLOW);
    await expect(text("quiz-progress")).resolves.toBe("已答 0 / 12 题；未答的题按答错计。");
    await page.getByTestId("answer-between-layers").fill("激活函数");
    const graded = page.waitForResponse((r) => r.url().includes("/api/quizzes/foundations-quiz/attempts") && r.request().method() === "POST", SLOW);
    await page.getByRole("button", { name: "提交答案" }).click();
    const response = await graded;
    expect(new URL(response.url()).searchParams.get("locale")).toBe("zh");
    await page.getByTestId("quiz-score").waitFor();
    expect(await text("quiz-score")).toMatch(/^得分：1 \/ \d+$/);
    const result = page.getByTestId("result-between-layers");
    expect(await result.getAttribute("data-correct")).toBe("true");
    expect(await text("verdict-between-layers")).toBe("正确");
    expect(await result.textContent()).toContain("激活函数（activation function）");

    const review = result.getByRole("link", { name: "回到课文复习这一部分" });
    expect(await review.getAttribute("href")).toBe("/zh/learn/foundations/what-is-ai#machine-learning-and-deep-learning");
    await review.click();
    await page.waitForURL((url) => url.pathname === "/zh/learn/foundations/what-is-ai", SLOW);
    const heading = page.locator("h2#machine-learning-and-deep-learning");
    expect(await heading.textContent()).toMatch(/[\u4e00-\u9fff]/);
  }, 300_000);

  it("switches to English on the same page and finds the same progress", async () => {
    await page.goto(`/zh${EXERCISE_LESSON}`, SLOW);
    await page.getByTestId("locale-switch").getByRole("link", { name: "English" }).click();
    await page.waitForURL((url) => url.pathname === EXERCISE_LESSON, SLOW);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Self-attention");
    await page.locator('[data-exercise="softmax"]').getByTestId("exercise-status").waitFor();
    expect(await page.locator('[data-exercise="softmax"]').getByTestId("exercise-status").textContent()).toContain("Complete");

    await page.goto("/learn", SLOW);
    expect(new URL(page.url()).pathname).toBe("/learn");
    // The outline reads the stored progress after it hydrates: wait for it, as a reader would.
    const status = page.locator('[data-testid="lesson-status-what-is-ai"][data-status="complete"]').first();
    await status.waitFor(SLOW);
    expect(await status.getAttribute("aria-label")).toBe("Complete");

    // The choice is remembered: the Chinese browser now gets English from an unprefixed URL.
    await page.goto("/", SLOW);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("link", { name: "Start the first lesson" }).count()).toBe(1);
  }, 300_000);
});
