/**
 * The capstone training page in Chromium, as a signed-in learner meets it: two exercises passed
 * in the editor (softmax, layer norm) show as "yours" in the pieces panel, a short run trains in
 * the worker (the loss falls, a sample appears), a reload finds the run kept, the model generates
 * from a prompt, the heat map shows its heads (causal: nothing attends ahead), and the run's
 * summary reaches the learner's account. No request leaves the site.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { screenshotDir, signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { openExercise, setCode } from "./support/editor";

const TEST_TIMEOUT_MS = 900_000;
const PASSED = [
  { id: "softmax", lesson: "/learn/transformer/self-attention" },
  { id: "layer-norm", lesson: "/learn/transformer/feed-forward-and-layer-norm" },
];
const SMALL = { layers: "1", dModel: "32", heads: "2", context: "32", batch: "8", learningRate: "0.01", steps: "100" };

const chromium = chromiumForFile();

async function pass(page: Page, id: string, lesson: string) {
  await page.goto(lesson);
  const card = await openExercise(page, id);
  await setCode(page, card, readFileSync(path.join(process.cwd(), "exercises", id, "solution.ts"), "utf8"));
  await card.getByRole("button", { name: "Run tests" }).click();
  await card.getByTestId("run-summary").filter({ hasText: /^(\d+) \/ \1 tests passed/ }).waitFor({ timeout: 120_000 });
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? "";

describe("the capstone training page", () => {
  it(
    "assembles the learner's pieces, trains, keeps the run across a reload, and generates",
    async () => {
      const { context, page } = await chromium.page();
      await signUpThroughPage(page, "Capstone Learner", uniqueEmail("capstone"), "capstone-pass-1");
      for (const { id, lesson } of PASSED) await pass(page, id, lesson);

      await page.goto("/learn");
      await page.getByTestId("outline-training-page").click();
      await page.waitForURL(/\/learn\/build-a-gpt\/train$/);
      await page.locator('[data-testid="training-page"][data-ready="true"]').waitFor({ timeout: 120_000 });
      for (const { id } of PASSED) expect(await text(page, `piece-${id}-role`)).toBe("yours");
      expect(await text(page, "piece-gpt-block-role")).toBe("built-in (no passing run yet)");
      expect(await text(page, "piece-lm-loss-role")).toBe("built-in (no passing run yet)");

      for (const [key, value] of Object.entries(SMALL)) await page.getByTestId(`setting-${key}`).fill(value);
      await page.getByTestId("train-start").click();
      await page.getByTestId("run-status").filter({ hasText: "finished" }).waitFor({ timeout: 600_000 });
      expect(await text(page, "run-step")).toBe("100 / 100");
      expect(await text(page, "run-backend")).toMatch(/^(webgpu|webgl|wasm|cpu)$/);
      const firstLoss = Number(await text(page, "run-validation"));
      const samples = await page.getByTestId("samples").locator("li").allInnerTexts();
      expect(samples.length).toBeGreaterThanOrEqual(1);
      expect(samples[0]).toMatch(/step 100\s+The /);
      // The loss fell: below ln(84), a uniform guess over the corpus's characters.
      expect(firstLoss).toBeLessThan(Math.log(84) - 0.8);
      await page.screenshot({ path: path.join(screenshotDir(), "capstone-training.png"), fullPage: true });

      await page.reload();
      await page.locator('[data-testid="training-page"][data-ready="true"]').waitFor({ timeout: 120_000 });
      await page.getByTestId("run-status").waitFor();
      expect(await text(page, "run-status")).toBe("finished");
      expect(await text(page, "run-step")).toBe("100 / 100");
      expect(Number(await text(page, "run-validation"))).toBe(firstLoss);
      expect(await text(page, "piece-softmax-role")).toBe("yours");

      await page.getByTestId("generate-prompt").fill("The model ");
      await page.getByTestId("generate-button").click();
      const output = page.getByTestId("generate-output");
      await output.waitFor({ timeout: 120_000 });
      const generated = (await output.textContent()) ?? "";
      expect(generated.startsWith("The model ")).toBe(true);
      expect(generated.length).toBeGreaterThan("The model ".length + 100);

      // The heat map: one row and one column per character of the sentence, each row's weights summing to 1.
      await page.getByTestId("attention-sentence").fill("The cat sat.");
      await page.getByTestId("attention-button").click();
      const grid = page.getByTestId("attention-grid");
      await grid.waitFor({ timeout: 60_000 });
      expect(await grid.locator("tbody tr").count()).toBe("The cat sat.".length);
      const firstRow = await grid.locator("tbody tr").first().locator("td").evaluateAll((cells) => cells.map((c) => Number(/: ([\d.]+)$/.exec(c.getAttribute("title") ?? "")?.[1])));
      expect(firstRow).toHaveLength("The cat sat.".length);
      expect(firstRow[0]).toBeCloseTo(1, 2); // the first character can only attend to itself
      expect(firstRow.slice(1).every((w) => w === 0)).toBe(true);

      // The summary reached the account (sent once the run finished).
      const runs = await page.evaluate(async () => ((await (await fetch("/api/me/export")).json()) as { capstoneRuns: { pieces: string[]; steps: number }[] }).capstoneRuns);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ pieces: ["softmax", "layer-norm"], steps: 100 });
      expect(context.foreignRequests).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
