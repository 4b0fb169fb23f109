/**
 * Server verification as the learner and the instructor see it (issue 14), in Chromium against
 * the production build with its verification worker (npm start):
 * - a learner in a cohort passes softmax in the browser; the card then says the server checked
 *   the run, and the instructor's matrix counts the pass;
 * - the same learner's cookie posts a forged "all 1 tests passed" run of
 *   scaled-dot-product-attention; the server verifies it as a fail, the matrix shows the
 *   exercise not passed (best 0/9), and the learner's timeline names it a verified fail.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { runVerdict, screenshotDir, seer, signInThroughPage, signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { newPage, openExercise, setCode } from "./support/editor";

const TEST_TIMEOUT_MS = 900_000;
const SOLUTION = readFileSync(path.join(process.cwd(), "exercises", "softmax", "solution.ts"), "utf8");

const chromium = chromiumForFile();

const see = seer("server-verification");

describe("server verification of exercise runs", () => {
  it(
    "a browser pass is checked on the server; a forged pass posted with the learner's cookie is a verified fail on the matrix",
    async () => {
      const learnerName = `Verified Learner ${Math.floor(Math.random() * 1e6)}`;

      // --- An instructor's cohort, and a learner in it.
      const teacherContext = await chromium.context();
      const teacher = await newPage(teacherContext);
      await signInThroughPage(teacher, "instructor@example.com", "instructor-demo-1");
      await teacher.goto("/instructor");
      await (await see(teacher.getByLabel("Name", { exact: true }))).fill(`Verification cohort ${Date.now()}`);
      await teacher.getByRole("button", { name: "Create cohort" }).click();
      await teacher.waitForURL(/\/instructor\/cohorts\/[^/]+$/);
      const cohortUrl = new URL(teacher.url()).pathname;
      const joinLink = (await (await see(teacher.getByTestId("join-link"))).getAttribute("href"))!;

      const learnerContext = await chromium.context();
      const learner = await newPage(learnerContext);
      await signUpThroughPage(learner, learnerName, uniqueEmail("verified"), "verified-learner-1");
      await learner.goto(joinLink);
      await (await see(learner.getByRole("button", { name: /^Join / }))).click();
      await see(learner.getByTestId("join-success").or(learner.getByTestId("already-member")).first());

      // --- The learner passes softmax in the browser; the server checks the same code.
      await learner.goto("/learn/transformer/self-attention");
      const card = await openExercise(learner, "softmax");
      await setCode(learner, card, SOLUTION);
      await card.getByRole("button", { name: "Run tests" }).click();
      await see(card.getByTestId("run-summary").filter({ hasText: /^12 \/ 12 tests passed/ }), 150_000);
      const check = await see(card.getByTestId("server-check").filter({ hasText: "Checked on the server" }), 60_000);
      expect(await check.innerText()).toBe("✓ Checked on the server: 12 / 12 tests passed.");
      await learner.screenshot({ path: path.join(screenshotDir(), "server-verification-checked.png") });

      // --- A forged run, posted with the learner's own cookie.
      const clientRunId = crypto.randomUUID();
      const posted = await learner.evaluate(async (clientRunId) => {
        const post = await fetch("/api/exercises/scaled-dot-product-attention/attempts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ clientRunId, code: "export function scaledDotProductAttention() {}", passed: true, testsPassed: 1, testsTotal: 1, results: [], durationMs: 3 }),
        });
        return post.status;
      }, clientRunId);
      const forged = { posted, status: await runVerdict(learner, "scaled-dot-product-attention", clientRunId) };
      expect(forged).toEqual({ posted: 201, status: "verified_fail" });

      // --- The instructor's matrix: softmax passed, the forged exercise a verified fail.
      await teacher.goto(`${cohortUrl}/matrix?q=${encodeURIComponent(learnerName)}`);
      const row = await see(teacher.getByTestId("matrix-row").filter({ hasText: learnerName }));
      const softmax = row.locator('[data-item="softmax"]');
      expect(await softmax.getAttribute("data-state")).toBe("passed");
      const attention = row.locator('[data-item="scaled-dot-product-attention"]');
      expect(await attention.getAttribute("data-state")).toBe("attempted");
      expect(await attention.locator(".sr-only").innerText()).toBe("1 attempt, not passed (best 0/9 tests)");
      await teacher.screenshot({ path: path.join(screenshotDir(), "server-verification-matrix.png"), fullPage: true });

      // ...and the learner's timeline says what happened.
      await teacher.goto(cohortUrl);
      await (await see(teacher.getByTestId("roster-row").getByRole("link", { name: learnerName }))).click();
      await see(teacher.getByText("Ran “Scaled dot-product attention”: 0/9 tests passed (verified fail: the browser claimed a pass)", { exact: false }));

      expect(teacherContext.foreignRequests).toEqual([]);
      expect(learnerContext.foreignRequests).toEqual([]);
      await teacherContext.close();
      await learnerContext.close();
    },
    TEST_TIMEOUT_MS,
  );
});
