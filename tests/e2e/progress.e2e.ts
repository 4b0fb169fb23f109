/**
 * Learner progress through the real pages, in Chromium:
 * an anonymous learner completes a lesson (and has an exercise run kept in the browser), sees it on
 * the local dashboard, signs up: the progress moves into the account and leaves the browser; reads
 * on in another lesson down to a section; in a new browser context, signs in again: the dashboard
 * offers "continue where you left off" at that lesson and section, and the outline shows ticks.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, screenshotDir, signInThroughPage, signUpThroughPage, uniqueEmail } from "./support/browser";
import { baseUrl } from "./support/server";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIRST = { href: "/learn/foundations/what-is-ai", slug: "what-is-ai" };
const SECOND = { href: "/learn/foundations/aigc-and-agi", slug: "aigc-and-agi", section: "agi-is-a-goal-not-a-product", sectionTitle: "AGI is a goal, not a product" };

/** Waits until the lesson page's client code runs (the completion box appears once hydrated and the session is known). */
async function openLesson(page: Page, href: string) {
  await page.goto(href);
  await page.getByTestId("lesson-completion").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-completion"] button, [data-testid="lesson-completion"] [role="status"]') !== null);
}

const localKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("academy:") && k !== "academy:track").sort());

describe("learner progress", () => {
  it("is kept in the browser, merged on sign-up, and resumed after signing in again", async () => {
    const email = uniqueEmail("progress");
    const password = "progress-pass-1";

    // --- Anonymous: complete a lesson.
    const anonymous = await newContext(browser, baseUrl());
    const page = await anonymous.newPage();
    await openLesson(page, FIRST.href);
    await expect(page.getByTestId("local-progress-note").textContent()).resolves.toMatch(/saved in this browser/);
    await page.getByRole("button", { name: "Mark as complete" }).click();
    await page.getByRole("status").filter({ hasText: "Lesson complete" }).waitFor();
    expect(await page.getByTestId(`lesson-status-${FIRST.slug}`).getAttribute("data-status")).toBe("complete");

    // An exercise run kept in this browser, in the shape the exercise editor stores for anonymous
    // learners (academy:exercise-runs), so the merge of runs is exercised through the real pages.
    const clientRunId = randomUUID();
    await page.evaluate((id) => {
      const run = {
        exerciseId: "softmax",
        clientRunId: id,
        code: "export function softmax(x) { return x; }",
        passed: true,
        testsPassed: 2,
        testsTotal: 2,
        results: [
          { name: "rows sum to 1", status: "pass" },
          { name: "stable for large logits", status: "pass" },
        ],
        durationMs: 14,
        createdAt: Date.now(),
      };
      localStorage.setItem("academy:exercise-runs", JSON.stringify([run]));
    }, clientRunId);

    // The outline shows the tick from local progress.
    await page.goto("/learn");
    await page.waitForFunction((slug) => document.querySelector(`[data-testid="lesson-status-${slug}"]`)?.getAttribute("data-status") === "complete", FIRST.slug);

    // The anonymous dashboard counts it and invites to sign up.
    await page.goto("/dashboard");
    await page.getByTestId("sign-up-invitation").waitFor();
    expect(await page.getByTestId("dashboard").getAttribute("data-mode")).toBe("local");
    await expect(page.getByTestId("stat-lessons").textContent()).resolves.toMatch(/^1\/\d+$/);
    await expect(page.getByTestId("exercises-passed").textContent()).resolves.toMatch(/^1 of \d+ passed$/);
    await page.screenshot({ path: `${screenshotDir()}/progress-local-dashboard.png`, fullPage: true });

    // --- Sign up: the local progress moves into the account and is cleared from the browser.
    await signUpThroughPage(page, "Paula Progress", email, password);
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute("data-mode") === "account");
    await expect(page.getByTestId("stat-lessons").textContent()).resolves.toMatch(/^1\/\d+$/);
    await expect(page.getByTestId("exercises-passed").textContent()).resolves.toMatch(/^1 of \d+ passed$/);
    await expect(page.getByTestId(`dashboard-lesson-${FIRST.slug}`).getAttribute("data-status")).resolves.toBe("complete");
    await expect(page.getByTestId("recent-activity").textContent()).resolves.toMatch(/Passed exercise “Softmax that never overflows”: 2 \/ 2 tests passed/);
    expect(await page.getByTestId("sign-up-invitation").count()).toBe(0);
    expect(await localKeys(page)).toEqual([]);

    // --- Read on in the next lesson, down to a section.
    await openLesson(page, SECOND.href);
    const sectionSaved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/progress/lessons/${SECOND.slug}`) && (r.request().postData() ?? "").includes(`"section":"${SECOND.section}"`) && r.ok(),
    );
    await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      window.scrollTo({ top: window.scrollY + heading.getBoundingClientRect().top - 80, behavior: "instant" });
    }, SECOND.section);
    await sectionSaved;
    await page.waitForTimeout(2500); // a few seconds of reading time
    // Leaving the lesson (a client-side navigation) sends the reading time.
    const timeSaved = page.waitForResponse((r) => r.url().endsWith(`/api/progress/lessons/${SECOND.slug}`) && (r.request().postData() ?? "").includes('"time"') && r.ok());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
    const timeBody = (await (await timeSaved).json()) as { lesson: { timeSpentSeconds: number } };
    expect(timeBody.lesson.timeSpentSeconds).toBeGreaterThanOrEqual(2);
    expect(anonymous.foreignRequests).toEqual([]);
    await anonymous.close();

    // --- A new browser (no cookies, no local storage): sign in, and continue where they left off.
    const later = await newContext(browser, baseUrl());
    const again = await later.newPage();
    await signInThroughPage(again, email, password);
    await again.waitForURL((url) => url.pathname === "/dashboard");
    const continueLink = again.getByTestId("continue-link");
    await continueLink.waitFor();
    expect(await continueLink.getAttribute("href")).toBe(`${SECOND.href}#${SECOND.section}`);
    await expect(again.getByTestId("continue").textContent()).resolves.toContain(`at “${SECOND.sectionTitle}”`);
    await expect(again.getByTestId("time-spent").textContent()).resolves.not.toBe("0 s");
    await again.screenshot({ path: `${screenshotDir()}/progress-account-dashboard.png`, fullPage: true });

    // Ticks on the outline come from the account.
    await again.goto("/learn");
    await again.waitForFunction((slug) => document.querySelector(`[data-testid="lesson-status-${slug}"]`)?.getAttribute("data-status") === "complete", FIRST.slug);
    expect(await again.getByTestId(`lesson-status-${SECOND.slug}`).getAttribute("data-status")).toBe("in-progress");

    // Following the link lands on the section.
    await again.goto("/dashboard");
    await again.getByTestId("continue-link").click();
    await again.waitForURL((url) => url.pathname === SECOND.href && url.hash === `#${SECOND.section}`);
    await again.waitForFunction((id) => {
      const top = document.getElementById(id)?.getBoundingClientRect().top ?? Infinity;
      return top >= -5 && top < window.innerHeight / 2;
    }, SECOND.section);
    expect(later.foreignRequests).toEqual([]);
    await later.close();
  });

  it("lets a learner switch track, export their data and delete their account", async () => {
    const context = await newContext(browser, baseUrl());
    const page = await context.newPage();
    const email = uniqueEmail("leaving");
    await signUpThroughPage(page, "Leo Leaving", email, "leaving-pass-1");
    await openLesson(page, FIRST.href);
    await page.getByRole("button", { name: "Mark as complete" }).click();
    await page.getByRole("status").filter({ hasText: "Lesson complete" }).waitFor();

    await page.goto("/account");
    await expect(page.getByTestId("account-email").textContent()).resolves.toBe(email);
    // Concept track: exercises leave the counts.
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/me/track") && r.ok());
    await page.getByTestId("track-switch").getByLabel(/Concept/).check();
    await saved;
    await page.goto("/dashboard");
    await expect(page.getByTestId("stat-exercises").textContent()).resolves.toBe("—");
    expect(await page.getByTestId("track-switch").getByLabel(/Concept/).isChecked()).toBe(true);

    // The export is a JSON download of their own data.
    await page.goto("/account");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-link").click()]);
    expect(download.suggestedFilename()).toMatch(/^llm-academy-export-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const data = JSON.parse(await (await import("node:fs/promises")).readFile(path!, "utf8"));
    expect(data.profile).toMatchObject({ email, name: "Leo Leaving", track: "CONCEPT" });
    expect(data.lessonProgress.map((l: { lessonSlug: string; status: string }) => [l.lessonSlug, l.status])).toEqual([[FIRST.slug, "COMPLETE"]]);

    // Deleting: the button waits for the exact email, then the learner is signed out.
    const form = page.getByTestId("delete-account-form");
    await form.getByRole("textbox").fill("not-my-email@example.test");
    expect(await form.getByRole("button", { name: "Delete my account" }).isDisabled()).toBe(true);
    await form.getByRole("textbox").fill(email.toUpperCase());
    await form.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    // The account is gone: signing in with it fails.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("leaving-pass-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("auth-error").textContent()).resolves.toMatch(/do not match an account/);
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  });
});
