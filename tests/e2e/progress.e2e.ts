/**
 * Learner progress through the real pages, in Chromium:
 * an anonymous learner completes a lesson, takes a quiz and solves an exercise in the editor, sees
 * it all on the local dashboard, signs up: the progress moves into the account and leaves the
 * browser; reads on in another lesson down to a section; in a new browser context, signs in
 * again: the dashboard offers "continue where you left off" at that lesson and section, and the
 * outline shows ticks. Then: track switch, data export and account deletion.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { screenshotDir, signInThroughPage, signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { quizMaxScore, specTestCount } from "./support/content";
import { baseUrl } from "./support/server";

const chromium = chromiumForFile();

const FIRST = { href: "/learn/foundations/what-is-ai", slug: "what-is-ai" };
const SECOND = { href: "/learn/taxonomy/language-and-vision-models", slug: "language-and-vision-models", section: "vision-models", sectionTitle: "Vision models" };
/** The key of the quiz question answered here, read from the quiz file (the text the learner clicks). */
function keyText(quizId: string, questionId: string): string {
  const quiz = JSON.parse(readFileSync(path.join(process.cwd(), "content", "quizzes", `${quizId}.json`), "utf8")) as {
    questions: { id: string; options?: { text: string; correct?: boolean }[] }[];
  };
  return quiz.questions.find((q) => q.id === questionId)!.options!.find((o) => o.correct)!.text;
}
/** Every lesson file of the course: the dashboard counts out of this. */
const LESSON_COUNT = readdirSync(path.join(process.cwd(), "content", "chapters"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mdx")).length;
const QUIZ = {
  id: "foundations-quiz",
  lessonHref: "/learn/foundations/aigc-and-agi",
  question: "ai-definition",
  rightAnswer: keyText("foundations-quiz", "ai-definition"),
};
const EXERCISE = {
  id: "softmax",
  title: "Softmax that never overflows",
  lessonHref: "/learn/transformer/self-attention",
  solution: `import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  return tf.tidy(() => {
    const scaled = tf.div(logits, temperature);
    const exps = tf.exp(tf.sub(scaled, tf.max(scaled, -1, true)));
    return tf.div(exps, tf.sum(exps, -1, true));
  });
}
`,
};

/** Opens a lesson and waits until its progress tracking runs (hydrated, and the session is known). */
async function openLesson(page: Page, href: string) {
  await page.goto(href);
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-completion"]')?.getAttribute("data-ready") === "true");
}

/** Waits until an element's text matches (pages update themselves, e.g. after the merge). */
async function textBecomes(page: Page, testId: string, pattern: RegExp) {
  await page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [testId, pattern.source] as const,
  );
}

/** A loaded machine and a dev server compiling on first use can be slow: be patient, not flaky. */
const QUIZ_MAX = quizMaxScore(QUIZ.id);
let EXERCISE_TESTS = 0;
beforeAll(async () => {
  EXERCISE_TESTS = await specTestCount(EXERCISE.id);
});
const PATIENCE_MS = 60_000;
const TEST_TIMEOUT_MS = 600_000;

/** Progress kept in the browser (the track choice and the editor's hint counter are settings, not progress). */
const localKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("academy:") && k !== "academy:track" && !k.endsWith(":state")).sort());

describe("learner progress", () => {
  it("is kept in the browser, merged on sign-up, and resumed after signing in again", async () => {
    const email = uniqueEmail("progress");
    const password = "progress-pass-1";

    // --- Anonymous: read a lesson to the end, which completes it.
    const anonymous = await chromium.context();
    anonymous.setDefaultTimeout(PATIENCE_MS);
    await anonymous.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
    const page = await anonymous.newPage();
    await openLesson(page, FIRST.href);
    await expect(page.getByTestId("local-progress-note").textContent()).resolves.toMatch(/saved in this browser/);
    expect(await page.getByTestId(`lesson-status-${FIRST.slug}`).getAttribute("data-status")).toBe("in-progress");
    await page.mouse.wheel(0, 400);
    await page.getByTestId("lesson-completion").scrollIntoViewIfNeeded();
    await page.getByRole("status").filter({ hasText: "Lesson complete" }).waitFor();
    expect(await page.getByTestId(`lesson-status-${FIRST.slug}`).getAttribute("data-status")).toBe("complete");

    // A quiz, answered in part: graded by the server, kept in this browser.
    await page.goto(QUIZ.lessonHref);
    await page.getByTestId("quiz").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /^0 of \d+ answered/.test(document.querySelector('[data-testid="quiz-progress"]')?.textContent ?? ""));
    await page.getByTestId(`question-${QUIZ.question}`).getByRole("radio", { name: QUIZ.rightAnswer }).check();
    await page.getByTestId("quiz-submit").click();
    await textBecomes(page, "quiz-score", new RegExp(`^Score: 1 / ${QUIZ_MAX}$`));

    // An exercise, solved in the editor: the run is kept in this browser.
    await page.goto(EXERCISE.lessonHref);
    const card = page.locator(`[data-exercise="${EXERCISE.id}"]`);
    await card.scrollIntoViewIfNeeded();
    await card.getByRole("button", { name: "Open the editor" }).click();
    await card.locator('[data-editor-ready="true"]').waitFor({ timeout: 120_000 });
    await page.evaluate((text) => navigator.clipboard.writeText(text), EXERCISE.solution);
    await card.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("ControlOrMeta+V");
    await card.locator(".monaco-editor .view-lines").filter({ hasText: "tf.max(scaled, -1, true)" }).waitFor();
    await card.getByRole("button", { name: "Run tests" }).click();
    await card.getByTestId("run-summary").filter({ hasText: new RegExp(`^${EXERCISE_TESTS} / ${EXERCISE_TESTS} tests passed`) }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem("academy:exercise-runs") ?? "[]") as unknown[]).length === 1);

    // The outline shows the tick from local progress.
    await page.goto("/learn");
    await page.waitForFunction((slug) => document.querySelector(`[data-testid="lesson-status-${slug}"]`)?.getAttribute("data-status") === "complete", FIRST.slug);

    // The anonymous dashboard counts it and invites to sign up.
    await page.goto("/dashboard");
    await page.getByTestId("sign-up-invitation").waitFor();
    expect(await page.getByTestId("dashboard").getAttribute("data-mode")).toBe("local");
    // The first lesson, and the quiz's lesson if scrolling to the quiz reached its end.
    const lessonsDone = (await page.getByTestId("stat-lessons").textContent())!;
    expect(lessonsDone).toMatch(new RegExp(`^[12]/${LESSON_COUNT}$`));
    expect(await page.getByTestId(`dashboard-lesson-${FIRST.slug}`).getAttribute("data-status")).toBe("complete");
    await expect(page.getByTestId("exercises-passed").textContent()).resolves.toMatch(/^1 of \d+ passed$/);
    await textBecomes(page, `quiz-${QUIZ.id}-best`, new RegExp(`^1 / ${QUIZ_MAX} \\(${Math.round(100 / QUIZ_MAX)}%\\)$`));
    await page.screenshot({ path: `${screenshotDir()}/progress-local-dashboard.png`, fullPage: true });

    // --- Sign up: the local progress moves into the account and is cleared from the browser.
    await signUpThroughPage(page, "Paula Progress", email, password);
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute("data-mode") === "account");
    await textBecomes(page, "stat-lessons", new RegExp(`^${lessonsDone}$`));
    // The merged run counts once the server has verified it (a second or two later): then look again.
    const verifiedBy = Date.now() + PATIENCE_MS;
    const passedOnServer = () =>
      page.evaluate(async (id) => ((await (await fetch("/api/progress")).json()) as { exercisesPassed?: string[] }).exercisesPassed?.includes(id) === true, EXERCISE.id);
    while (!(await passedOnServer())) {
      if (Date.now() > verifiedBy) throw new Error("The merged run was not verified by the server in time");
      await page.waitForTimeout(500);
    }
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute("data-mode") === "account");
    await expect(page.getByTestId("exercises-passed").textContent()).resolves.toMatch(/^1 of \d+ passed$/);
    await expect(page.getByTestId(`dashboard-lesson-${FIRST.slug}`).getAttribute("data-status")).resolves.toBe("complete");
    await expect(page.getByTestId("recent-activity").textContent()).resolves.toContain(`Passed exercise “${EXERCISE.title}”: ${EXERCISE_TESTS} / ${EXERCISE_TESTS} tests passed`);
    await expect(page.getByTestId(`quiz-${QUIZ.id}-best`).textContent()).resolves.toBe(`1 / ${QUIZ_MAX} (${Math.round(100 / QUIZ_MAX)}%)`);
    await expect(page.getByTestId(`quiz-${QUIZ.id}`).textContent()).resolves.toContain("1 attempt");
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
    // Leaving the lesson sends the reading time with the closing page: the header's link loads the
    // dashboard as a new document (decision 042), and the report leaves as a keepalive request.
    // Playwright does not report an unloading document's requests, so what counts is what the
    // server stored: the lesson's time, as the page's own visit report reads it back. The link is
    // clicked in the page: Playwright's click would first scroll the sticky header "into view",
    // moving the page (and so the section being read) as no reader's click does.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).evaluate((link: HTMLElement) => link.click());
    await page.waitForURL((url) => url.pathname === "/dashboard");
    const storedSeconds = async () => {
      const response = await page.request.post(`/api/progress/lessons/${SECOND.slug}`, { data: { visit: true } });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { lesson: { timeSpentSeconds: number } }).lesson.timeSpentSeconds;
    };
    let seconds = await storedSeconds();
    for (let tries = 0; seconds < 2 && tries < 20; tries++) {
      await page.waitForTimeout(250); // the keepalive request may land just after the new page
      seconds = await storedSeconds();
    }
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(anonymous.foreignRequests).toEqual([]);
    await anonymous.close();

    // --- A new browser (no cookies, no local storage): sign in, and continue where they left off.
    const later = await chromium.context();
    later.setDefaultTimeout(PATIENCE_MS);
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
  }, TEST_TIMEOUT_MS);

  it("lets a learner switch track, export their data and delete their account", async () => {
    const context = await chromium.context();
    context.setDefaultTimeout(PATIENCE_MS);
    const page = await context.newPage();
    const email = uniqueEmail("leaving");
    await signUpThroughPage(page, "Leo Leaving", email, "leaving-pass-1");
    await openLesson(page, FIRST.href);
    // The button, pressed where it is: scrolling down to it would complete the lesson by itself.
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/progress/lessons/${FIRST.slug}`) && (r.request().postData() ?? "").includes('"complete":true') && r.ok());
    await page.getByRole("button", { name: "Mark as complete" }).evaluate((button: HTMLElement) => button.click());
    await page.getByRole("status").filter({ hasText: "Lesson complete" }).waitFor();
    await saved;

    await page.goto("/account");
    await expect(page.getByTestId("account-email").textContent()).resolves.toBe(email);
    // Concept track: exercises leave the counts. (The choice is enabled once the session is known.)
    await page.waitForFunction(() => !document.querySelector('[data-testid="track-switch"]')?.hasAttribute("disabled"));
    const trackSaved = page.waitForResponse((r) => r.url().endsWith("/api/me/track") && r.ok());
    await page.getByTestId("track-switch").getByLabel(/Concept/).check();
    await trackSaved;
    await page.goto("/dashboard");
    await expect(page.getByTestId("stat-exercises").textContent()).resolves.toBe("—");
    // The switch shows the learner's own track once the session is known (it is disabled until then).
    await page.waitForFunction(() => !document.querySelector('[data-testid="track-switch"]')?.hasAttribute("disabled"));
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
  }, TEST_TIMEOUT_MS);
});
