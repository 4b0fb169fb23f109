/**
 * Every kind of page under /zh, in Chromium, as a reader with a Chinese browser sees it: the
 * visible text (document.body's text, without code, formulas and pictures) holds no English word
 * except code identifiers, product names, acronyms and the English terms a translation puts in
 * parentheses after the Chinese one. The world (a cohort with a learner who has a run, a quiz
 * attempt and a completed lesson) is the accessibility audit's (support/page-types.ts); its
 * names and e-mail addresses are data, not interface, and are left out of the check. So is what
 * other tests stored before this one ran (their cohorts and accounts, read back from the API).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { chromiumForFile } from "./support/chromium";
import { baseUrl } from "./support/server";
import { PAGE_TYPES, setUpAuditWorld, type AuditWorld, type PageType } from "./support/page-types";
import { englishLeftIn } from "../support/english-words";
import { DEMO_ACCOUNTS } from "@/lib/db/seed";

/**
 * What users typed or ran, shown as data: the audit world's cohort and learner, the demo
 * accounts' names, and the error the softmax starter throws (the learner's own code).
 */
const WORLD_DATA = ["Made by the accessibility audit", "Accessibility audit", "Audit Learner", ...DEMO_ACCOUNTS.map((a) => a.name), "Not implemented yet"];

const chromium = chromiumForFile();
let world: AuditWorld;

beforeAll(async () => {
  world = await setUpAuditWorld(chromium.browser, baseUrl());
}, 600_000);

const zhPath = (type: PageType) => {
  const path = type.path(world);
  return path.startsWith("/zh") ? path : `/zh${path === "/" ? "" : path}`;
};

/** The quiz's "true" in Chinese, as the page words it. */
const QUIZ_TRUE = (JSON.parse(readFileSync(path.join(process.cwd(), "messages", "zh", "quiz.json"), "utf8")) as { true: string }).true;

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
    await page.getByTestId("question-kl-penalty").getByRole("radio", { name: QUIZ_TRUE, exact: true }).check();
    await page.getByTestId("quiz-submit").click();
    await page.getByTestId("quiz-score").waitFor({ timeout: 90_000 });
  },
};

/**
 * Recorded data a page shows in the words it was recorded in: the audit learner answered the quiz
 * on an English page, so their given and correct answers are English (decision 041).
 */
const RECORDED: Record<string, string> = { "instructor: learner's quiz": "tbody td:nth-child(3), tbody td:nth-child(4)" };

/**
 * Names people gave things, as the API returns them to this role: the cohorts an instructor
 * teaches (other tests make "E2E cohort …" ones) and the accounts an admin lists.
 */
async function storedNames(page: Page, role: PageType["role"]): Promise<string[]> {
  const read = async <T,>(url: string): Promise<T> => {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };
  if (role === "instructor") {
    const { teaching } = await read<{ teaching: { name: string; description: string | null }[] }>("/api/cohorts");
    return teaching.flatMap((c) => [c.name, c.description ?? ""]);
  }
  if (role === "admin") return (await read<{ users: { name: string | null }[] }>("/api/admin/users")).users.map((u) => u.name ?? "");
  return [];
}

/** The page's text as a reader meets it, without code, formulas, pictures and the data people typed. */
async function readerText(page: Page, role: PageType["role"], recorded = ""): Promise<string> {
  const text = await page.evaluate((recorded) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    if (recorded) body.querySelectorAll(recorded).forEach((e) => e.remove());
    // Token tables of a lesson's worked example (one token per cell: "cats", "chase", "mice").
    body.querySelectorAll("article td").forEach((e) => /[\u3400-\u9fff]/.test(e.textContent ?? "") || e.remove());
    body.querySelectorAll("script, style, noscript, template, pre, code, kbd, textarea, svg, math, .katex, .monaco-editor").forEach((e) => e.remove());
    // A figure's interactive part works on its example (English tokens, on purpose); its words are
    // checked by components/figures/figures-zh.test.tsx. Its alt text and caption are read here.
    body.querySelectorAll("figure[data-figure] > :not(p.sr-only):not(figcaption)").forEach((e) => e.remove());
    // An italic Latin word in Chinese prose is the word being discussed (*it*, *token*).
    body.querySelectorAll("em, i").forEach((e) => /[\u3400-\u9fff]/.test(e.textContent ?? "") || e.remove());
    // Separate blocks, so words of two elements do not run together.
    body.querySelectorAll("p, li, td, th, div, h1, h2, h3, h4, span, a, button, label, option").forEach((e) => e.append(" "));
    return body.textContent ?? "";
  }, recorded);
  return WORLD_DATA.concat(world.joinCode, await storedNames(page, role))
    .filter((d) => d.trim() !== "")
    // Longest first: a name that contains another is removed whole.
    .sort((a, b) => b.length - a.length)
    .reduce((t, d) => t.split(d).join(" "), text)
    .replace(/[\w.+-]+@[\w-]+(\.[a-z]+)+/g, " ");
}

describe("every page type in Chinese", () => {
  for (const type of PAGE_TYPES) {
    it(`${type.name}: no English left on /zh`, async () => {
      const context = await chromium.browser.newContext({
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
        // After the page's code has run: a page that calls notFound() comes as an empty shell that
        // the browser builds from the RSC payload, <html lang> included (theme-after-client-render.tsx).
        await page.waitForLoadState("networkidle");
        expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
        await ACT_IN_CHINESE[type.name]?.(page);
        expect(englishLeftIn(await readerText(page, type.role, RECORDED[type.name]))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 400_000);
  }
});
