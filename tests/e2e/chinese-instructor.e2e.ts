/**
 * An instructor and a learner whose browsers ask for Chinese (Chromium, context locale zh-CN):
 * - a new instructor (an account of its own, made an instructor by the demo admin: the demo
 *   instructor's stored language is the English tests') signs in on the Chinese form, creates a
 *   cohort and sees its join code, and the join page tells them, in Chinese, that they teach it;
 * - a new learner opens the join link, lands on the Chinese join page, signs up (a refused
 *   password is explained in Chinese) and joins;
 * - the learner has a passing exercise run and a quiz attempt (sent from their page, as the
 *   card and the quiz do), and their dashboard explains a write the browser gave up on in Chinese;
 * - the instructor opens the roster, the learner's page, the exercise analytics and the quiz item
 *   analysis and reads Chinese labels there, and none of the English ones.
 * Every expected word is read from messages/zh/*.json (and the English ones it must not see from
 * messages/en), so a rewording changes the messages only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { BrowserContext, Page } from "playwright-core";
import { runVerdict, screenshotDir, seer, signInThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { baseUrl } from "./support/server";

type Tree = { [key: string]: string | Tree };
const messages = (locale: string, namespace: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, `${namespace}.json`), "utf8")) as Tree;
/** `pick(tree, "roster.heading")`: one message, its {placeholders} filled from `values`. */
function pick(tree: Tree, key: string, values: Record<string, string> = {}): string {
  const found = key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part], tree);
  if (typeof found !== "string") throw new Error(`No message ${key}`);
  return found.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

const zh = { instructor: messages("zh", "instructor"), join: messages("zh", "join"), auth: messages("zh", "auth"), dashboard: messages("zh", "dashboard") };
const en = { instructor: messages("en", "instructor") };
const EXERCISE = "softmax";
const QUIZ = { id: "training-quiz", question: "kl-penalty" };

const chromium = chromiumForFile();
const contexts: BrowserContext[] = [];

const see = seer("chinese-instructor", 180_000);

async function chinesePage(): Promise<Page> {
  const context = await chromium.browser.newContext({ baseURL: baseUrl(), locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(180_000);
  return page;
}

/** A JSON request from the signed-in page (its cookies and Origin); throws on an error status. */
async function api(page: Page, url: string, body: unknown): Promise<void> {
  const answer = await page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, text: await response.text() };
    },
    { url, body },
  );
  if (answer.status >= 400) throw new Error(`POST ${url} answered ${answer.status}: ${answer.text}`);
}

/** Signs in on the Chinese form; next-auth 4 can report a sign-in refused for a stale CSRF cookie as a success, so the form is used again then. */
async function signInInChinese(page: Page, email: string, password: string) {
  for (let attempt = 1; ; attempt++) {
    await page.goto("/sign-in");
    expect(new URL(page.url()).pathname).toBe("/zh/sign-in");
    await page.getByLabel(pick(zh.auth, "email")).fill(email);
    await page.getByLabel(pick(zh.auth, "password")).fill(password);
    await page.getByRole("button", { name: pick(zh.auth, "signInTitle"), exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 120_000 });
    const user = await page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email);
    if (user === email) return;
    if (attempt === 3) throw new Error(`Signing in as ${email} did not create a session after ${attempt} attempts`);
  }
}

/**
 * A new account, made an instructor by the demo admin. Not the demo instructor: signing in on the
 * Chinese form stores Chinese as an account's language when it has none yet, and the English
 * tests sign in as the demo instructor on a database that may be fresh (CI).
 */
async function newInstructor(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel(pick(zh.auth, "name")).fill(name);
  await page.getByLabel(pick(zh.auth, "email")).fill(email);
  await page.getByLabel(pick(zh.auth, "password")).fill(password);
  await page.getByRole("button", { name: pick(zh.auth, "signUpTitle"), exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-up"), { timeout: 120_000 });
  const id = await page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { user: { id: string } }).user.id);
  const admin = await chromium.context();
  contexts.push(admin);
  const adminPage = await admin.newPage();
  await signInThroughPage(adminPage, "admin@example.com", "admin-demo-1", 120_000);
  const status = await adminPage.evaluate(async (id) => {
    const response = await fetch(`/api/admin/users/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "INSTRUCTOR" }) });
    return response.status;
  }, id);
  expect(status).toBe(200);
}

/** None of these English labels is anywhere in the page's text. */
async function expectNoneOf(page: Page, englishKeys: string[]) {
  const text = await page.locator("body").innerText();
  for (const key of englishKeys) expect({ key, shown: text.includes(pick(en.instructor, key)) }).toEqual({ key, shown: false });
}

describe("a cohort in Chinese", () => {
  it(
    "an instructor creates a cohort, a learner joins, and the instructor reads the roster and the analytics in Chinese",
    async () => {
      const cohortName = `中文班 ${Date.now()}`;
      const learnerName = `王小明 ${Math.floor(Math.random() * 1e6)}`;

      // --- A new instructor signs up on the Chinese form (the demo admin makes them an instructor), signs in there and creates a cohort.
      const teacher = await chinesePage();
      const teacherEmail = uniqueEmail("zh-teacher");
      await newInstructor(teacher, `李老师 ${Math.floor(Math.random() * 1e6)}`, teacherEmail, "zh-cohort-teacher-1");
      // ...and signs in again on the Chinese form, as on another day.
      await teacher.context().clearCookies();
      await signInInChinese(teacher, teacherEmail, "zh-cohort-teacher-1");
      // The account took the language of the page it was made on: /instructor is the Chinese one.
      await teacher.goto("/instructor");
      expect(new URL(teacher.url()).pathname).toBe("/zh/instructor");
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "home.title") }));
      await (await see(teacher.getByLabel(pick(zh.instructor, "form.name"), { exact: true }))).fill(cohortName);
      await teacher.getByRole("button", { name: pick(zh.instructor, "form.create") }).click();
      await teacher.waitForURL(/\/zh\/instructor\/cohorts\/[^/]+$/);
      const cohortUrl = new URL(teacher.url()).pathname;
      expect(await (await see(teacher.getByTestId("cohort-name"))).innerText()).toBe(cohortName);
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "invite.heading") }));
      const code = await teacher.getByTestId("join-code").innerText();
      const joinLink = (await teacher.getByTestId("join-link").getAttribute("href"))!;
      // The link itself is language-neutral: the Chinese browser is sent on to /zh.
      expect(joinLink).toBe(`/join/${code}`);
      await see(teacher.getByTestId("needs-attention").getByText(pick(zh.instructor, "attention.noLearners")));
      await expectNoneOf(teacher, ["invite.heading", "attention.heading", "attention.noLearners", "tabs.overview", "tabs.settings"]);

      // The join page, for the one who teaches the cohort.
      await teacher.goto(`/zh${joinLink}`);
      await see(teacher.getByText(pick(zh.join, "code.youTeach")));
      await see(teacher.getByRole("link", { name: pick(zh.join, "code.openDashboard") }));

      // --- A learner with a Chinese browser follows the link, signs up and joins.
      const learner = await chinesePage();
      await learner.goto(`/join/${code}`);
      expect(new URL(learner.url()).pathname).toBe(`/zh/join/${code}`);
      await see(learner.getByText(pick(zh.join, "code.invited")));
      expect(await (await see(learner.getByTestId("join-cohort-name"))).innerText()).toBe(cohortName);
      await learner.getByRole("link", { name: pick(zh.join, "code.createAccount") }).click();
      await learner.waitForURL((url) => url.pathname === "/zh/sign-up");
      await learner.getByLabel(pick(zh.auth, "name")).fill(learnerName);
      await learner.getByLabel(pick(zh.auth, "email")).fill(uniqueEmail("zh-learner"));
      // A password the server refuses (too few different characters) is explained in Chinese.
      await learner.getByLabel(pick(zh.auth, "password")).fill("aaaaaaaaaaaa");
      await learner.getByRole("button", { name: pick(zh.auth, "signUpTitle"), exact: true }).click();
      expect(await (await see(learner.getByTestId("auth-error"))).innerText()).toBe(pick(zh.auth, "errorField.password", { min: "12" }));
      await learner.getByLabel(pick(zh.auth, "password")).fill("zh-cohort-learner-1");
      await learner.getByRole("button", { name: pick(zh.auth, "signUpTitle"), exact: true }).click();
      await learner.waitForURL((url) => url.pathname === `/zh/join/${code}`, { timeout: 120_000 });
      await (await see(learner.getByRole("button", { name: pick(zh.join, "code.join", { name: cohortName }) }))).click();
      await see(learner.getByTestId("join-success").or(learner.getByTestId("already-member")).first());

      // --- Their work: a passing run of the softmax exercise (the server re-grades it) and a quiz attempt.
      const solution = readFileSync(path.join(process.cwd(), "exercises", EXERCISE, "solution.ts"), "utf8");
      const spec = (await import(path.join(process.cwd(), "exercises", EXERCISE, "spec"))) as { default: { tests: { name: string }[] } };
      const names = spec.default.tests.map((t) => t.name);
      const clientRunId = crypto.randomUUID();
      await api(learner, `/api/exercises/${EXERCISE}/attempts`, {
        clientRunId,
        code: solution,
        passed: true,
        testsPassed: names.length,
        testsTotal: names.length,
        results: names.map((name) => ({ name, status: "pass" })),
        durationMs: 40,
      });
      // The analytics count what the server verified: wait for its worker's verdict.
      expect(await runVerdict(learner, EXERCISE, clientRunId)).toBe("verified_pass");
      await api(learner, `/api/quizzes/${QUIZ.id}/attempts?locale=zh`, { answers: { [QUIZ.question]: true }, seed: 1, clientAttemptId: `zh-${Date.now()}` });

      // A write this browser had to give up on is explained on the dashboard in Chinese too (the
      // note is what the outbox stores when the server refuses a run for good).
      await learner.evaluate(async () => {
        const { user } = (await (await fetch("/api/auth/session")).json()) as { user: { id: string } };
        const note = { what: "A test run of “softmax” (2026-12-03 10:00 UTC)", reason: "refused with 422", at: Date.now(), subject: { kind: "run", id: "softmax", when: Date.UTC(2026, 11, 3, 10) }, failure: { status: 422 } };
        localStorage.setItem(`academy:outbox-notes:${user.id}`, JSON.stringify([note]));
      });
      await learner.goto("/zh/dashboard");
      const notes = await see(learner.getByTestId("dropped-writes"));
      const noteText = await notes.innerText();
      expect(noteText).toContain(pick(zh.dashboard, "dropped.run", { id: "softmax", when: "" }).replace("（）", ""));
      expect(noteText).toContain(pick(zh.dashboard, "dropped.refused", { status: "422" }));
      expect(noteText).not.toContain("A test run of");
      expect(noteText).not.toContain("refused with 422");

      // --- The instructor: the roster...
      await teacher.goto(cohortUrl);
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "roster.heading") }));
      await see(teacher.getByRole("columnheader", { name: pick(zh.instructor, "roster.completion") }));
      await see(teacher.getByText(pick(zh.instructor, "charts.showTable")).first());
      await expectNoneOf(teacher, ["roster.heading", "roster.lastActivity", "roster.exercisesPassed", "charts.showTable", "charts.completionTitle"]);
      await teacher.screenshot({ path: path.join(screenshotDir(), "chinese-instructor-cohort.png"), fullPage: true });

      // ...the learner's page...
      await (await see(teacher.getByTestId("roster-row").getByRole("link", { name: learnerName }))).click();
      await see(teacher.getByTestId("learner-page"));
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "learner.work") }));
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "learner.timeline") }));
      await expectNoneOf(teacher, ["learner.work", "learner.timeline", "learner.completion"]);

      // ...the exercise analytics...
      await teacher.goto(`${cohortUrl}/exercises`);
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "exercises.heading"), exact: true }));
      await see(teacher.getByRole("columnheader", { name: pick(zh.instructor, "exercises.passRate") }));
      const softmax = await see(teacher.locator(`[data-testid="exercise-row"][data-exercise="${EXERCISE}"]`));
      expect(await softmax.getByTestId("pass-rate").innerText()).toBe("100%");
      await expectNoneOf(teacher, ["exercises.passRate", "exercises.medianRuns", "exercises.commonFailure"]);

      // ...and the quiz item analysis.
      await teacher.goto(`${cohortUrl}/quizzes`);
      await see(teacher.getByRole("heading", { name: pick(zh.instructor, "quizzes.heading") }));
      await see(teacher.getByRole("columnheader", { name: pick(zh.instructor, "quizzes.facility") }).first());
      await see(teacher.getByRole("columnheader", { name: pick(zh.instructor, "quizzes.discrimination") }).first());
      await expectNoneOf(teacher, ["quizzes.facility", "quizzes.discrimination", "quizzes.bestAttempts", "quizzes.noAttempts"]);
    },
    900_000,
  );
});
