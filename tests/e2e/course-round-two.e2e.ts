/**
 * The second round of the course in Chromium, as a learner meets it: the live tokenizer splits a
 * Chinese sentence with the real GPT vocabularies, the gradient-descent figure diverges at a large
 * learning rate and converges at a good one, top-k trims the sampling figure, and every new
 * exercise passes with its reference solution pasted into the editor. No request leaves the site.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Locator } from "playwright-core";
import { screenshotDir } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { openExercise, setCode } from "./support/editor";

const TEST_TIMEOUT_MS = 600_000;

const chromium = chromiumForFile();

/**
 * A fresh page at `lesson`, its lazily loaded figure `name` scrolled into view once `ready` (a text,
 * or an element found from the figure's root) shows inside it.
 */
async function openFigure(lesson: string, name: string, ready: string | ((root: Locator) => Locator)) {
  const { context, page } = await chromium.page();
  await page.goto(lesson);
  const root = page.locator(`[data-figure="${name}"]`);
  await root.scrollIntoViewIfNeeded();
  await (typeof ready === "string" ? root.getByText(ready).first() : ready(root)).waitFor({ timeout: 60_000 });
  return { context, root };
}

/**
 * Repeats `act` until `done` holds: a figure's server-rendered HTML is on the page before React
 * hydrates it, and an input changed before that is lost.
 */
async function untilHydrated(act: () => Promise<unknown>, done: Locator) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await act();
    if (await done.waitFor({ timeout: 1_000 }).then(() => true, () => false)) return;
  }
  throw new Error("the figure never reacted to the input");
}

describe("new lessons and figures", () => {
  it(
    "the tokenizer figure splits a Chinese sentence with GPT-4's and GPT-2's vocabularies",
    async () => {
      const { context, root } = await openFigure("/learn/language-models/tokenization", "tokenizer", (figure) => figure.getByTestId("tokenizer-summary"));

      await root.getByTestId("tokenizer-input").fill("大型语言模型预测下一个词元。");
      await expect(root.getByTestId("tokenizer-summary").textContent()).resolves.toBe("15 tokens from 42 UTF-8 bytes (14 characters).");
      const pieces = await root.getByTestId("tokenizer-tokens").locator("li").allInnerTexts();
      expect(pieces).toHaveLength(15);
      expect(pieces.some((p) => p.includes("(byte piece)"))).toBe(true);

      await root.getByLabel("Vocabulary").selectOption("r50k_base");
      await root.getByText("30 tokens from 42 UTF-8 bytes").waitFor({ timeout: 60_000 });
      const table = await root.getByTestId("tokenizer-comparison").innerText();
      expect(table).toMatch(/English: Large language models predict the next token\.\s+45\s+8/);
      expect(table).toMatch(/Chinese: 大型语言模型预测下一个词元。\s+42\s+30/);

      await root.getByTestId("tokenizer-input").fill("Hello world");
      await root.getByLabel("Vocabulary").selectOption("cl100k_base");
      await root.getByText("2 tokens from 11 UTF-8 bytes").waitFor({ timeout: 60_000 });
      expect((await root.getByTestId("tokenizer-tokens").locator("li").allInnerTexts()).map((t) => t.split("\n")[0])).toEqual(["Hello", "·world"]);
      await root.screenshot({ path: path.join(screenshotDir(), "tokenizer-figure.png") });
      expect(context.foreignRequests).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the gradient-descent figure diverges at learning rate 1.2 and converges at 0.5",
    async () => {
      const { context, root } = await openFigure("/learn/training/how-a-model-learns", "gradient-descent", "Pick a learning rate and train");
      const explanation = root.getByTestId("gradient-descent-explanation");

      await untilHydrated(() => root.getByRole("button", { name: "Too large (1.2)" }).click(), explanation.filter({ hasText: /^Training|^Diverging/ }));
      await explanation.filter({ hasText: /^Diverging: at learning rate 1\.20/ }).waitFor({ timeout: 30_000 });
      await root.screenshot({ path: path.join(screenshotDir(), "gradient-descent-diverging.png") });

      await root.getByRole("button", { name: "About right (0.5)" }).click();
      await explanation.filter({ hasText: /^Converged: at learning rate 0\.50 the loss fell from 2\.72 to 0\.016 in 50 steps/ }).waitFor({ timeout: 30_000 });
      expect(await root.getByTestId("learning-rate-value").textContent()).toBe("0.50");
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "top-k in the sampling figure removes all but the k most likely words",
    async () => {
      const { context, root } = await openFigure("/learn/transformer/from-logits-to-tokens", "softmax-temperature", "Top-k");
      const trimmed = root.getByTestId("filter-explanation").filter({ hasText: "With top-k = 2, 2 of 6 words stay" });
      await untilHydrated(async () => {
        await root.getByLabel("Top-k").selectOption("6");
        await root.getByLabel("Top-k").selectOption("2");
      }, trimmed);
      const rows = await root.getByTestId("softmax-row").allTextContents();
      expect(rows.filter((r) => r.endsWith("removed"))).toHaveLength(4);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

/** Each new exercise and the lesson that places it. */
const NEW_EXERCISES: Array<{ id: string; lesson: string }> = [
  { id: "bpe-tokenizer", lesson: "/learn/language-models/tokenization" },
  { id: "sampling", lesson: "/learn/transformer/from-logits-to-tokens" },
  { id: "sgd-step", lesson: "/learn/training/how-a-model-learns" },
  { id: "gpt-block", lesson: "/learn/build-a-gpt/the-gpt-block" },
  { id: "gpt-logits", lesson: "/learn/build-a-gpt/from-tokens-to-logits" },
  { id: "lm-loss", lesson: "/learn/build-a-gpt/training-and-generating" },
  { id: "generate", lesson: "/learn/build-a-gpt/training-and-generating" },
];

describe("new exercises in the editor", () => {
  it.each(NEW_EXERCISES)(
    "$id passes every test with its reference solution pasted in",
    async ({ id, lesson }) => {
      const { context, page } = await chromium.page();
      await page.goto(lesson);
      const card = await openExercise(page, id);
      await setCode(page, card, readFileSync(path.join(process.cwd(), "exercises", id, "solution.ts"), "utf8"));
      await card.getByRole("button", { name: "Run tests" }).click();
      const summary = card.getByTestId("run-summary");
      await summary.filter({ hasText: /^(\d+) \/ \1 tests passed/ }).waitFor({ timeout: 120_000 });
      const [, passed] = /^(\d+) \//.exec((await summary.textContent()) ?? "")!;
      expect(Number(passed)).toBeGreaterThanOrEqual(3);
      expect(await card.getByRole("list", { name: "Tests, in order" }).locator(":scope > li").count()).toBe(Number(passed));
      expect(context.foreignRequests).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
