/**
 * Every kind of page under /zh, in Chromium, as a reader with a Chinese browser sees it: the
 * visible text (document.body's text, without code, formulas and pictures) holds no English word
 * except code identifiers, product names, acronyms and the English terms a translation puts in
 * parentheses after the Chinese one. The world (a cohort with a learner who has a run, a quiz
 * attempt and a completed lesson) is the accessibility audit's (support/page-types.ts); its
 * names and e-mail addresses are data, not interface, and are left out of the check.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { baseUrl } from "./support/server";
import { PAGE_TYPES, setUpAuditWorld, type AuditWorld, type PageType } from "./support/page-types";
import { englishLeftIn } from "../support/english-words";

let browser: Browser;
let world: AuditWorld;

beforeAll(async () => {
  browser = await launchBrowser();
  world = await setUpAuditWorld(browser, baseUrl());
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

const zhPath = (type: PageType) => {
  const path = type.path(world);
  return path.startsWith("/zh") ? path : `/zh${path === "/" ? "" : path}`;
};

/** What a Chinese reader does first on the pages whose interesting state comes after an action. */
const ACT_IN_CHINESE: Record<string, (page: Page) => Promise<void>> = {
  "open exercise with results": async (page) => {
    const card = page.locator('[data-exercise="softmax"]');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole("button", { name: "打开编辑器" }).click();
    await card.locator('[data-editor-ready="true"]').waitFor({ timeout: 120_000 });
    await card.getByRole("button", { name: "运行测试" }).click();
    await card.getByTestId("run-summary").waitFor({ timeout: 150_000 });
    // The server's check of the run (signed in): its words too.
    await card.getByTestId("server-check").and(page.locator(':not([data-status="pending"])')).waitFor({ timeout: 120_000 });
  },
  "quiz with results": async (page) => {
    const quiz = page.getByTestId("quiz");
    await quiz.scrollIntoViewIfNeeded();
    await page.getByTestId("question-kl-penalty").getByRole("radio", { name: "正确", exact: true }).check();
    await page.getByTestId("quiz-submit").click();
    await page.getByTestId("quiz-score").waitFor({ timeout: 90_000 });
  },
};

/** The page's text as a reader meets it, without code, formulas, pictures and the world's own data. */
async function readerText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll("script, style, noscript, template, pre, code, kbd, textarea, svg, math, .katex, .monaco-editor, [data-locale-switch-option]").forEach((e) => e.remove());
    return body.textContent ?? "";
  });
  const data = [world.joinCode, "Accessibility audit", "Made by the accessibility audit", "Audit Learner", "Demo Instructor", "Demo Admin", "Demo Learner"];
  return data.reduce((t, d) => t.split(d).join(" "), text).replace(/\S+@\S+\.\w+/g, " ");
}

describe("every page type in Chinese", () => {
  for (const type of PAGE_TYPES) {
    it(`${type.name}: no English left on /zh`, async () => {
      const context = await browser.newContext({
        baseURL: baseUrl(),
        locale: "zh-CN",
        viewport: { width: 1280, height: 900 },
        storageState: type.role === "anonymous" ? undefined : world.sessions[type.role],
      });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      try {
        await page.goto(zhPath(type), { timeout: 120_000 });
        expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
        await page.waitForLoadState("networkidle");
        await ACT_IN_CHINESE[type.name]?.(page);
        expect(englishLeftIn(await readerText(page))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 400_000);
  }
});
