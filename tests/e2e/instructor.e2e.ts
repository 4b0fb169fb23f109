/**
 * An instructor and a learner in two browsers (Chromium), as they would use the site:
 * - the demo instructor creates a cohort and gets its join link;
 * - a new learner opens the link, is sent to sign up, comes back and joins;
 * - the learner marks a lesson complete and solves the softmax exercise in the live editor
 *   (the reference solution pasted in, run against the real tests in the browser grader);
 * - the instructor's progress matrix shows that lesson complete and that exercise passed, the
 *   exercise analytics count the pass, the learner's drill-down shows the code, and the matrix
 *   and roster CSV downloads carry the learner's row (UTF-8 with BOM, name intact).
 * A wrong join code gets a clear message, a learner cannot open the instructor pages, and no
 * request leaves the site.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { parseCsv } from "@/lib/analytics/csv";
import { baseUrl } from "./support/server";
import { newContext, screenshotDir, signInThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";

/** Generous: against a development server, every page compiles on first use. */
const TEST_TIMEOUT_MS = 900_000;
const SOLUTION = readFileSync(path.join(process.cwd(), "exercises", "softmax", "solution.ts"), "utf8");
const LESSON = { href: "/learn/foundations/what-is-ai", slug: "what-is-ai" };

const chromium = chromiumForFile();

async function newPage(context: Awaited<ReturnType<typeof newContext>>): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(180_000);
  return page;
}

let shots = 0;
/** Waits for a locator; on failure keeps a screenshot of what the user saw. */
async function see(locator: Locator, timeout = 180_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ timeout });
    return locator.first();
  } catch (error) {
    const file = path.join(screenshotDir(), `instructor-failure-${++shots}.png`);
    await locator.page().screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nScreenshot: ${file}`);
  }
}

/**
 * Signs in through the form and checks that a session exists. next-auth 4's client reports a
 * sign-in refused for a stale CSRF cookie (a race on a fresh browser's first requests) as a
 * success, and the form then moves on signed out; the form is simply used again in that case.
 */
async function signIn(page: Page, email: string, password: string) {
  for (let attempt = 1; ; attempt++) {
    await signInThroughPage(page, email, password);
    const user = await page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email);
    if (user === email) return;
    if (attempt === 3) throw new Error(`Signing in as ${email} did not create a session after ${attempt} attempts`);
  }
}

async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe("instructors and cohorts", () => {
  it(
    "a cohort from creation to the matrix, the analytics and the CSV",
    async () => {
      const cohortName = `E2E cohort ${Date.now()}`;
      const learnerName = `Zoë Ñúñez ${Math.floor(Math.random() * 1e6)}`;
      const learnerEmail = uniqueEmail("cohort-learner");

      // --- The instructor creates a cohort.
      const teacherContext = await chromium.context();
      const teacher = await newPage(teacherContext);
      await signIn(teacher, "instructor@example.com", "instructor-demo-1");
      await teacher.goto("/instructor");
      await (await see(teacher.getByLabel("Name", { exact: true }))).fill(cohortName);
      await teacher.getByLabel("Description").fill("Tuesday evenings, room 4");
      await teacher.getByRole("button", { name: "Create cohort" }).click();
      await teacher.waitForURL(/\/instructor\/cohorts\/[^/]+$/);
      const cohortUrl = new URL(teacher.url()).pathname;
      expect(await (await see(teacher.getByTestId("cohort-name"))).innerText()).toBe(cohortName);
      const joinLink = (await (await see(teacher.getByTestId("join-link"))).getAttribute("href"))!;
      expect(joinLink).toMatch(/^\/join\/[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const code = await teacher.getByTestId("join-code").innerText();
      expect(joinLink).toBe(`/join/${code}`);
      // Nobody has joined yet: the page says so instead of empty charts and an "everyone is active".
      await see(teacher.getByTestId("needs-attention").getByText("No learners yet."));
      await see(teacher.getByTestId("charts-empty"));
      expect(await teacher.getByTestId("completion-distribution-svg").count()).toBe(0);

      // --- A new learner follows the link: not signed in, so sign up first and come back.
      const learnerContext = await chromium.context();
      const learner = await newPage(learnerContext);
      await learner.goto(joinLink);
      expect(await (await see(learner.getByTestId("join-cohort-name"))).innerText()).toBe(cohortName);
      await learner.getByRole("link", { name: "Create an account" }).click();
      await learner.waitForURL((url) => url.pathname === "/sign-up");
      expect(new URL(learner.url()).searchParams.get("callbackUrl")).toBe(joinLink);
      await learner.getByLabel("Name").fill(learnerName);
      await learner.getByLabel("Email").fill(learnerEmail);
      await learner.getByLabel("Password").fill("cohort-learner-1");
      await learner.getByRole("button", { name: "Create your account" }).click();
      await learner.waitForURL((url) => url.pathname === joinLink, { timeout: 120_000 });
      await (await see(learner.getByRole("button", { name: `Join ${cohortName}` }))).click();
      // The button confirms, then the page refreshes into its "already in this cohort" state: either shows the join worked.
      await see(learner.getByTestId("join-success").or(learner.getByTestId("already-member")).first());
      await learner.screenshot({ path: path.join(screenshotDir(), "instructor-learner-joined.png") });

      // A wrong code says so.
      await learner.goto("/join/ZZZZ-ZZZZ");
      await see(learner.getByRole("alert").filter({ hasText: "does not match any cohort" }));

      // A learner cannot open the instructor pages of the cohort.
      await learner.goto(cohortUrl);
      await see(learner.getByTestId("not-instructor"));

      // --- The learner completes a lesson.
      await learner.goto(LESSON.href);
      const saved = learner.waitForResponse(
        (r) => r.url().endsWith(`/api/progress/lessons/${LESSON.slug}`) && (r.request().postData() ?? "").includes('"complete":true') && r.ok(),
      );
      const button = await see(learner.getByRole("button", { name: "Mark as complete" }));
      await learner.waitForSelector('[data-testid="lesson-completion"][data-ready="true"]');
      await button.evaluate((b: HTMLElement) => b.click()); // where it is: scrolling to it would complete the lesson by itself
      await saved;
      await see(learner.getByRole("status").filter({ hasText: "Lesson complete" }));

      // --- ...and solves the softmax exercise in the live editor with the reference solution.
      await learnerContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
      await learner.goto("/learn/transformer/self-attention");
      const card = learner.locator('[data-exercise="softmax"]');
      await card.scrollIntoViewIfNeeded();
      await card.getByRole("button", { name: "Open the editor" }).click();
      await see(card.locator('[data-editor-ready="true"]'), 150_000);
      await learner.evaluate((text) => navigator.clipboard.writeText(text), SOLUTION);
      await card.locator(".monaco-editor .view-lines").click();
      await learner.keyboard.press("ControlOrMeta+A");
      await learner.keyboard.press("ControlOrMeta+V");
      await see(card.locator(".monaco-editor .view-lines").filter({ hasText: "export function softmax" }));
      const recorded = learner.waitForResponse((r) => r.url().endsWith("/api/exercises/softmax/attempts") && r.request().method() === "POST" && r.ok(), {
        timeout: 150_000,
      });
      await card.getByRole("button", { name: "Run tests" }).click();
      await see(card.getByTestId("run-summary").filter({ hasText: /^(\d+) \/ \1 tests passed/ }), 150_000);
      await recorded;
      // Only the server's check counts: the card says when it has verified the run.
      await see(card.getByTestId("server-check").filter({ hasText: "Checked on the server" }), 60_000);

      // --- The instructor sees it in the matrix.
      await teacher.goto(`${cohortUrl}/matrix?q=${encodeURIComponent(learnerName)}`);
      const row = await see(teacher.getByTestId("matrix-row").filter({ hasText: learnerName }));
      const lessonCell = row.locator(`[data-item="${LESSON.slug}"]`);
      expect(await lessonCell.getAttribute("data-state")).toBe("complete");
      expect(await lessonCell.locator(".sr-only").innerText()).toBe("complete");
      const exerciseCell = row.locator('[data-item="softmax"]');
      expect(await exerciseCell.getAttribute("data-state")).toBe("passed");
      expect(await exerciseCell.locator(".sr-only").innerText()).toBe("1 attempt, passed");
      expect(await row.locator('[data-item="self-attention"]').getAttribute("data-state")).toBe("in-progress");
      expect(await row.locator('[data-item="foundations-quiz"]').locator(".sr-only").innerText()).toBe("not taken");
      await teacher.screenshot({ path: path.join(screenshotDir(), "instructor-matrix.png"), fullPage: true });

      // ...in the exercise analytics...
      await teacher.goto(`${cohortUrl}/exercises`);
      const softmax = await see(teacher.locator('[data-testid="exercise-row"][data-exercise="softmax"]'));
      expect(await softmax.getByTestId("pass-rate").innerText()).toBe("100%");
      expect(await softmax.locator("td").first().innerText()).toMatch(/^1\s+of 1$/);

      // ...and in the learner's drill-down, with the code that was run.
      await teacher.goto(cohortUrl);
      await (await see(teacher.getByTestId("roster-row").getByRole("link", { name: learnerName }))).click();
      await see(teacher.getByTestId("learner-page"));
      await teacher.getByRole("link", { name: "Softmax that never overflows" }).click();
      const submitted = await see(teacher.getByTestId("submission").locator("pre code"));
      expect(await submitted.innerText()).toContain("export function softmax");

      // --- The CSV downloads carry the learner's row.
      await teacher.goto(`${cohortUrl}/matrix`);
      const matrixFile = await download(teacher, await see(teacher.getByTestId("export-matrix")));
      expect(matrixFile.name).toMatch(/-progress-\d{4}-\d{2}-\d{2}\.csv$/);
      expect([...matrixFile.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const matrix = parseCsv(matrixFile.bytes.toString("utf8"));
      const header = matrix[0];
      const mine = matrix.find((r) => r[0] === learnerName);
      expect(mine?.[1]).toBe(learnerEmail);
      expect(header.slice(0, 3)).toEqual(["Name", "Email", "Lesson: What is artificial intelligence?"]);
      expect(mine?.[2]).toBe("complete");
      expect(mine?.[header.indexOf("Exercise: Softmax that never overflows")]).toBe("1 attempt, passed");

      await teacher.goto(cohortUrl);
      // The charts are drawn in the browser: one learner, so one labelled bar; the activity area is there.
      const distribution = teacher.getByTestId("completion-distribution-svg");
      await see(distribution.locator(".recharts-bar-rectangle path").first());
      expect((await distribution.locator(".recharts-label-list text").allTextContents()).filter((t) => t.trim())).toEqual(["1"]);
      await see(teacher.getByTestId("activity-svg").locator(".recharts-area-area"));
      const rosterFile = await download(teacher, await see(teacher.getByTestId("export-roster")));
      const roster = parseCsv(rosterFile.bytes.toString("utf8"));
      expect(roster[0].slice(0, 3)).toEqual(["Name", "Email", "Track"]);
      const rosterRow = roster.find((r) => r[0] === learnerName);
      expect(rosterRow?.[1]).toBe(learnerEmail);
      expect(Number(rosterRow?.[roster[0].indexOf("Exercises passed")])).toBe(1);
      expect(Number(rosterRow?.[roster[0].indexOf("Lessons complete")])).toBe(1);

      expect(teacherContext.foreignRequests).toEqual([]);
      expect(learnerContext.foreignRequests).toEqual([]);
      await teacherContext.close();
      await learnerContext.close();
    },
    TEST_TIMEOUT_MS,
  );
});
