/**
 * Issue #14: "@academy/provided" is the learner's own passing code, never a reference solution
 * shipped to the browser. In Chromium, signed out: the encoder block's solution cannot run until
 * the earlier exercises are passed (the message names the first missing one); with this browser's
 * passing runs of those exercises (what the card keeps after a pass), the same code passes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Locator } from "playwright-core";
import { chromiumForFile } from "./support/chromium";
import { openExercise, setCode } from "./support/editor";

const read = (id: string) => readFileSync(path.join(process.cwd(), "exercises", id, "solution.ts"), "utf8");

const chromium = chromiumForFile();

async function run(card: Locator) {
  await card.getByRole("button", { name: "Run tests" }).click();
  await card.getByTestId("run-summary").filter({ hasText: /tests? passed|could not/ }).first().waitFor({ timeout: 150_000 });
}

describe("provided pieces in the browser", () => {
  it("the encoder block runs on the learner's own passing pieces, and names what is missing", async () => {
    const { context, page } = await chromium.page();
    await page.goto("/learn/transformer/feed-forward-and-layer-norm");
    let card = await openExercise(page, "encoder-block");
    await setCode(page, card, read("encoder-block"));
    await run(card);
    await expect(card.innerText()).resolves.toContain("multiHeadAttention comes from your own code for the exercise “Multi-head attention”, which you have not passed yet");

    // This browser's passing runs of the three earlier exercises, as the card records them.
    await page.evaluate(
      (sources) =>
        localStorage.setItem(
          "academy:exercise-runs",
          JSON.stringify(
            Object.entries(sources).map(([exerciseId, code], i) => ({
              exerciseId,
              code,
              clientRunId: `e2e-run-${i}`,
              passed: true,
              testsPassed: 5,
              testsTotal: 5,
              results: [],
              durationMs: 10,
              createdAt: Date.now(),
            })),
          ),
        ),
      { "multi-head-attention": read("multi-head-attention"), "feed-forward": read("feed-forward"), "layer-norm": read("layer-norm") },
    );
    await page.reload();
    card = await openExercise(page, "encoder-block");
    await setCode(page, card, read("encoder-block"));
    await run(card);
    await card.getByTestId("run-summary").filter({ hasText: /^(\d+) \/ \1 tests passed/ }).first().waitFor({ timeout: 60_000 });
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 400_000);
});
