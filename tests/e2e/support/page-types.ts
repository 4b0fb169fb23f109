/**
 * Every kind of page the site has, once each, for the accessibility test and the Lighthouse + axe
 * bench: where it is, who must be signed in to see it, and (for the pages whose interesting state
 * comes after an action) what a person does first, e.g. opening an exercise and running its tests.
 *
 * `setUpAuditWorld` makes the data those pages show, through the real site: a new learner signs
 * up, the demo instructor creates a cohort, the learner joins it, completes a lesson, runs an
 * exercise (a failing and a passing run, which the server re-grades) and takes a quiz, so the
 * instructor pages have a roster, a matrix, analytics and drill-downs to show.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { signInThroughPage, signUpThroughPage, uniqueEmail } from "./browser";
import { openExercise } from "./editor";

export type Role = "anonymous" | "learner" | "instructor" | "admin";

export interface AuditWorld {
  baseUrl: string;
  cohortId: string;
  joinCode: string;
  learnerId: string;
  /** Cookies of a signed-in browser, per role (Playwright's storage state). */
  sessions: Record<Exclude<Role, "anonymous">, Awaited<ReturnType<BrowserContext["storageState"]>>>;
}

export interface PageType {
  name: string;
  role: Role;
  path: (world: AuditWorld) => string;
  /** The HTTP status the page answers with (200 unless given). */
  status?: number;
  /** What a person does on the page before it is audited (after it has loaded). */
  act?: (page: Page, world: AuditWorld) => Promise<void>;
}

/** The exercise whose data the instructor pages show, and the quiz. */
export const AUDIT_EXERCISE = { id: "softmax", lesson: "/learn/transformer/self-attention" };
export const AUDIT_QUIZ = { id: "training-quiz", lesson: "/learn/training/rlhf" };
const COMPLETED_LESSON = "what-is-ai";

const cohort = (w: AuditWorld) => `/instructor/cohorts/${w.cohortId}`;

/** Opens the softmax exercise and runs its tests on the starter code: the results panel with failures. */
async function runExerciseTests(page: Page) {
  const card = await openExercise(page, AUDIT_EXERCISE.id);
  await card.getByRole("button", { name: "Run tests" }).click();
  await card.getByTestId("run-summary").filter({ hasText: /tests? passed/ }).waitFor({ timeout: 120_000 });
}

/** Answers one question of the RLHF quiz, submits, and waits for the graded review. */
async function submitQuiz(page: Page) {
  const quiz = page.getByTestId("quiz");
  await quiz.scrollIntoViewIfNeeded();
  await page.getByTestId("question-kl-penalty").getByRole("radio", { name: "True", exact: true }).check();
  await page.getByTestId("quiz-submit").click();
  await page.getByTestId("quiz-score").waitFor({ timeout: 90_000 });
}

export const PAGE_TYPES: PageType[] = [
  { name: "home", role: "anonymous", path: () => "/" },
  { name: "outline", role: "anonymous", path: () => "/learn" },
  { name: "lesson: figure", role: "anonymous", path: () => "/learn/foundations/what-is-ai" },
  { name: "lesson: prose and code", role: "anonymous", path: () => "/learn/language-models/predicting-the-next-token" },
  { name: "lesson: exercises and math", role: "anonymous", path: () => AUDIT_EXERCISE.lesson },
  { name: "lesson: quiz", role: "anonymous", path: () => "/learn/transformer/three-families" },
  { name: "lesson: Chinese", role: "anonymous", path: () => "/zh/learn/language-models/tokenization" },
  { name: "capstone training", role: "learner", path: () => "/learn/build-a-gpt/train" },
  { name: "sign-in", role: "anonymous", path: () => "/sign-in" },
  { name: "sign-up", role: "anonymous", path: () => "/sign-up" },
  { name: "not found", role: "anonymous", path: () => "/no-such-page", status: 404 },
  { name: "open exercise with results", role: "learner", path: () => AUDIT_EXERCISE.lesson, act: runExerciseTests },
  { name: "quiz with results", role: "learner", path: () => AUDIT_QUIZ.lesson, act: submitQuiz },
  { name: "learner dashboard", role: "learner", path: () => "/dashboard" },
  { name: "account", role: "learner", path: () => "/account" },
  { name: "join a cohort", role: "learner", path: (w) => `/join/${w.joinCode}` },
  { name: "instructor: cohorts", role: "instructor", path: () => "/instructor" },
  { name: "instructor: cohort overview", role: "instructor", path: cohort },
  { name: "instructor: progress matrix", role: "instructor", path: (w) => `${cohort(w)}/matrix` },
  { name: "instructor: exercise analytics", role: "instructor", path: (w) => `${cohort(w)}/exercises` },
  { name: "instructor: quiz analytics", role: "instructor", path: (w) => `${cohort(w)}/quizzes` },
  { name: "instructor: cohort settings", role: "instructor", path: (w) => `${cohort(w)}/settings` },
  { name: "instructor: learner", role: "instructor", path: (w) => `${cohort(w)}/learners/${w.learnerId}` },
  {
    name: "instructor: learner's exercise",
    role: "instructor",
    path: (w) => `${cohort(w)}/learners/${w.learnerId}/exercises/${AUDIT_EXERCISE.id}`,
  },
  { name: "instructor: learner's quiz", role: "instructor", path: (w) => `${cohort(w)}/learners/${w.learnerId}/quizzes/${AUDIT_QUIZ.id}` },
  { name: "admin: users", role: "admin", path: () => "/admin" },
];

/** The page types whose name contains `only` (all when it is empty). */
export function selectPageTypes(only?: string): PageType[] {
  if (!only) return PAGE_TYPES;
  const chosen = PAGE_TYPES.filter((p) => p.name.toLowerCase().includes(only.toLowerCase()));
  if (!chosen.length) throw new Error(`No page type matches "${only}". Page types: ${PAGE_TYPES.map((p) => p.name).join(", ")}`);
  return chosen;
}

/** A JSON request from inside the signed-in page (its cookies, its Origin); throws on an error status. */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, url, body },
  );
  if (answer.status >= 400) throw new Error(`${method} ${url} answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as T;
}

/**
 * Signs in through the form until a session exists: next-auth 4's client can report a sign-in
 * refused for a stale CSRF cookie (a race on a fresh browser's first requests) as a success.
 */
async function signIn(page: Page, email: string, password: string) {
  for (let attempt = 1; ; attempt++) {
    await signInThroughPage(page, email, password);
    const session = await api<{ user?: { email?: string } }>(page, "GET", "/api/auth/session");
    if (session.user?.email === email) return;
    if (attempt === 3) throw new Error(`Signing in as ${email} did not create a session after ${attempt} attempts`);
  }
}

async function signedInPage(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(120_000);
  return { context, page };
}

function exerciseRun(code: string, testNames: string[], passing: boolean) {
  return {
    clientRunId: crypto.randomUUID(),
    code,
    passed: passing,
    testsPassed: passing ? testNames.length : 0,
    testsTotal: testNames.length,
    results: testNames.map((name) => ({ name, status: passing ? "pass" : "fail", message: passing ? undefined : "not implemented yet" })),
    durationMs: 40,
  };
}

export async function setUpAuditWorld(browser: Browser, baseUrl: string): Promise<AuditWorld> {
  const exerciseDir = path.join(process.cwd(), "exercises", AUDIT_EXERCISE.id);
  const spec = (await import(path.join(exerciseDir, "spec"))) as { default: { tests: { name: string }[] } };
  const testNames = spec.default.tests.map((t) => t.name);

  const instructor = await signedInPage(browser, baseUrl);
  await signIn(instructor.page, "instructor@example.com", "instructor-demo-1");
  const today = new Date().toISOString().slice(0, 10);
  const { cohort } = await api<{ cohort: { id: string; joinCode: string } }>(instructor.page, "POST", "/api/cohorts", {
    name: `Accessibility audit ${Date.now()}`,
    description: "Made by the accessibility audit",
    startsAt: today,
  });

  const learner = await signedInPage(browser, baseUrl);
  await signUpThroughPage(learner.page, "Audit Learner", uniqueEmail("a11y"), "audit-learner-pass-1");
  const { user } = await api<{ user: { id: string } }>(learner.page, "GET", "/api/me");
  await api(learner.page, "POST", "/api/cohorts/join", { code: cohort.joinCode });
  await api(learner.page, "POST", `/api/progress/lessons/${COMPLETED_LESSON}`, { visit: true });
  await api(learner.page, "POST", `/api/progress/lessons/${COMPLETED_LESSON}`, { complete: true });
  const starter = readFileSync(path.join(exerciseDir, "starter.ts"), "utf8");
  const solution = readFileSync(path.join(exerciseDir, "solution.ts"), "utf8");
  await api(learner.page, "POST", `/api/exercises/${AUDIT_EXERCISE.id}/attempts`, exerciseRun(starter, testNames, false));
  await api(learner.page, "POST", `/api/exercises/${AUDIT_EXERCISE.id}/attempts`, exerciseRun(solution, testNames, true));
  await api(learner.page, "POST", `/api/quizzes/${AUDIT_QUIZ.id}/attempts`, {
    answers: { "kl-penalty": true },
    seed: 1,
    clientAttemptId: `audit-${Date.now()}`,
  });

  const admin = await signedInPage(browser, baseUrl);
  await signIn(admin.page, "admin@example.com", "admin-demo-1");

  const world: AuditWorld = {
    baseUrl,
    cohortId: cohort.id,
    joinCode: cohort.joinCode,
    learnerId: user.id,
    sessions: {
      learner: await learner.context.storageState(),
      instructor: await instructor.context.storageState(),
      admin: await admin.context.storageState(),
    },
  };
  await Promise.all([instructor.context.close(), learner.context.close(), admin.context.close()]);
  return world;
}

export type ColorScheme = "light" | "dark";

/**
 * A browser context as a person with that role and colour preference has it. Dark mode is asked
 * for both ways the site honours it: the system preference (prefers-color-scheme) and the saved
 * choice of the theme toggle (localStorage "theme").
 */
export async function auditContext(browser: Browser, world: AuditWorld, role: Role, scheme: ColorScheme): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: world.baseUrl,
    viewport: { width: 1280, height: 900 },
    colorScheme: scheme,
    storageState: role === "anonymous" ? undefined : world.sessions[role],
  });
  await context.addInitScript((theme) => localStorage.setItem("theme", theme), scheme);
  return context;
}

/** Scrolls to the end a screen at a time, so every part that loads when it comes near (figures, quizzes) is there to audit. */
async function scrollThrough(page: Page) {
  for (let step = 0; step < 200; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (atEnd) break;
  }
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Loads the page type, does what a person does there, and checks the theme really is the one asked for. */
export async function openPageType(context: BrowserContext, pageType: PageType, world: AuditWorld, scheme: ColorScheme): Promise<Page> {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(world.baseUrl).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(120_000);
  const response = await page.goto(pageType.path(world), { waitUntil: "load" });
  const expectedStatus = pageType.status ?? 200;
  if (response?.status() !== expectedStatus) throw new Error(`${pageType.name}: ${page.url()} answered ${response?.status()}, expected ${expectedStatus}`);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await scrollThrough(page);
  if (pageType.act) await pageType.act(page, world);
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  if (dark !== (scheme === "dark")) throw new Error(`${pageType.name}: the page is not in ${scheme} mode`);
  return page;
}
