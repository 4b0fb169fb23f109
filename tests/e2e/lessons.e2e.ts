/**
 * Reading the course: the outline, a lesson in each chapter, the attention heat map
 * (switch a head, hover a word, the weights shown sum to 1), and the next lesson by keyboard alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { chromiumForFile } from "./support/chromium";

const chromium = chromiumForFile();

describe("reading lessons", () => {
  it("opens the outline and reads a lesson in each chapter", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await page.goto("/learn");
    const course = JSON.parse(readFileSync(path.join(process.cwd(), "content", "course.json"), "utf8")) as { chapters: { number: number; title: string }[] };
    expect(course.chapters.length).toBeGreaterThanOrEqual(6);
    await expect(page.getByRole("heading", { level: 2 }).allTextContents()).resolves.toEqual(course.chapters.map((c) => `Chapter ${c.number}. ${c.title}`));
    for (const slug of ["what-is-ai", "multimodal-models", "nlp-llm-gpt-chatgpt", "self-attention", "rlhf", "the-gpt-block"]) {
      await page.goto("/learn");
      await page.getByTestId(`outline-lesson-${slug}`).click();
      await page.waitForURL(new RegExp(`/learn/[a-z-]+/${slug}$`));
      // The lesson rendered: a title, "You will learn", real prose with sections, and the recap.
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("heading", { name: "You will learn" }).waitFor();
      expect(await page.locator("article h2").count()).toBeGreaterThanOrEqual(3);
      expect((await page.locator("article").innerText()).length).toBeGreaterThan(3000);
      await page.getByRole("heading", { name: "Recap" }).waitFor();
    }
    // Math is rendered by KaTeX on the server (no client script, no font host).
    const lessonFetches: string[] = [];
    page.on("request", (request) => /\/learn\/[a-z-]+\/[a-z-]+\?_rsc=/.test(request.url()) && lessonFetches.push(request.url()));
    await page.goto("/learn/transformer/self-attention");
    expect(await page.locator(".katex").count()).toBeGreaterThan(3);
    // The sidebar lists the chapter's lessons without downloading them (docs/decisions/011).
    await page.getByRole("complementary", { name: "Chapter 4 lessons" }).getByRole("link").first().waitFor();
    await page.waitForTimeout(2000);
    expect(lessonFetches).toEqual([]);
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  });

  it("lets the learner inspect attention head by head; each row of weights sums to 1", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await page.goto("/learn/transformer/self-attention");
    const figure = page.locator("figure", { has: page.getByTestId("head-button-1") }).first();
    await figure.scrollIntoViewIfNeeded();
    await figure.getByTestId("attention-row-weights").waitFor({ timeout: 30_000 }); // tfjs loads lazily

    const readRow = async () => {
      const text = await figure.getByTestId("attention-row-weights").innerText();
      const weights = [...text.matchAll(/\b(\d\.\d{3})\b/g)].map((m) => Number(m[1]));
      return { text, weights };
    };
    await figure.getByRole("button", { name: "it", exact: true }).hover();
    const head1 = await readRow();
    await figure.getByTestId("head-button-2").click();
    expect(await figure.getByTestId("head-button-2").getAttribute("aria-pressed")).toBe("true");
    await figure.getByRole("button", { name: "it", exact: true }).hover();
    const head2 = await readRow();
    expect(head2.text).not.toEqual(head1.text); // a different head weighs the words differently

    for (const row of [head1, head2]) {
      expect(row.text).toContain("sum = 1.000");
      // 11 words, each weight shown to 3 decimals: they add up to 1 (within rounding).
      const perWord = row.weights.slice(1, 12);
      expect(perWord).toHaveLength(11);
      expect(Math.abs(perWord.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.006);
    }
    await context.close();
  });

  it("moves to the next lesson with the keyboard alone", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await page.goto("/learn/foundations/what-is-ai");
    const next = page.getByTestId("next-lesson");
    // Tab through the page until the "Next" link has focus, then press Enter.
    let focused = false;
    for (let i = 0; i < 400 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await next.evaluate((el) => el === document.activeElement);
    }
    expect(focused).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/learn\/foundations\/aigc-and-agi$/);
    // And the shortcut: Alt+Shift+Right.
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Alt+Shift+ArrowRight");
    await page.waitForURL(/\/learn\/taxonomy\/language-and-vision-models$/);
    await context.close();
  });
});
