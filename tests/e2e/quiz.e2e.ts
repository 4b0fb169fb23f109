/**
 * The chapter 5 quiz (training-quiz, on the rlhf lesson) in Chromium, as a learner takes it:
 * sign up, answer with some mistakes (one ordering question done with the keyboard and the
 * Move up / Move down buttons only), read the score (the answer key held back until a pass or the
 * third attempt), retake and do better,
 * retake and do worse, then find best and latest on the dashboard and from the API.
 * And an anonymous learner: graded by the server, attempts kept in the browser for the merge.
 */
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { screenshotDir, signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { quizMaxScore } from "./support/content";

const chromium = chromiumForFile();

const LESSON = "/learn/training/rlhf";
/** Generous: on a dev server (E2E_BASE_URL) a page or route may compile on first use. */
const SLOW = { timeout: 90_000 };
/** The RLHF lesson's quiz: one point a question. */
const MAX = quizMaxScore("training-quiz");

/** The item texts of training-quiz's ordering question, in the correct order. */
const STAGES = [
  "Pre-training",
  "Supervised fine-tuning (SFT)",
  "Training the reward model",
  "Reinforcement learning against the reward model",
];

const question = (page: Page, id: string) => page.getByTestId(`question-${id}`);

/** The ordering question's items as shown, read from the Move up buttons' names. */
async function shownOrder(q: Locator): Promise<string[]> {
  const names = await q.getByRole("button", { name: /^Move up: / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""));
  return names.map((n) => n.replace(/^Move up: /, ""));
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);

/**
 * Puts the ordering question in `target` order with the keyboard only: one focus() to enter the
 * list, then Tab / Shift+Tab between the Move buttons and Enter to press them. The buttons come
 * in tab order up, down for each item, top to bottom (disabled ends stay focusable).
 */
async function orderWithKeyboard(page: Page, q: Locator, target: string[]) {
  await q.getByRole("button", { name: /^Move up: / }).first().focus();
  for (let position = 0; position < target.length; position++) {
    const order = await shownOrder(q);
    const from = order.indexOf(target[position]);
    if (from === position) continue;
    // Walk the focus to this item's Move up button.
    const focused = (await focusedName(page))!;
    const [, direction, text] = /^Move (up|down): (.*)$/.exec(focused)!;
    const here = order.indexOf(text) * 2 + (direction === "down" ? 1 : 0);
    const there = from * 2;
    for (let k = 0; k < Math.abs(there - here); k++) await page.keyboard.press(there > here ? "Tab" : "Shift+Tab");
    expect(await focusedName(page)).toBe(`Move up: ${target[position]}`);
    // Press it until the item is in place; focus stays with the item as it moves.
    for (let k = 0; k < from - position; k++) await page.keyboard.press("Enter");
    expect((await shownOrder(q))[position]).toBe(target[position]);
    await expect(page.getByTestId("quiz-announcer").textContent()).resolves.toBe(`"${target[position]}" moved to position ${position + 1} of ${target.length}.`);
    expect(await focusedName(page)).toMatch(new RegExp(`^Move (up|down): ${target[position].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  }
  expect(await shownOrder(q)).toEqual(target);
}

/** Puts the ordering question in order by clicking the buttons. */
async function orderWithClicks(q: Locator, target: string[]) {
  for (let position = 0; position < target.length; position++) {
    const from = (await shownOrder(q)).indexOf(target[position]);
    for (let k = 0; k < from - position; k++) await q.getByRole("button", { name: `Move up: ${target[position]}`, exact: true }).click();
  }
  expect(await shownOrder(q)).toEqual(target);
}

interface Choices {
  baseModel: string;
  facts: string[];
  positions: string;
  algorithm: string;
  signals: Record<string, string>;
}

const RIGHT: Choices = {
  baseModel: "It continues text the way its training data does; nobody has taught it to answer",
  facts: [
    "It is by far the most expensive stage in time, compute and money",
    "The model learns by predicting the next token of massive amounts of text",
    "Its result is a base model that continues text rather than answering",
  ],
  positions: "4",
  algorithm: "Value model",
  signals: {
    "Pre-training": "Massive unlabelled text, predicting each next token",
    "Supervised fine-tuning": "Prompts with answers written by people",
    "Reward model": "Human rankings of several answers to one prompt",
    "Reinforcement learning": "Reward-model scores for the model's own answers",
  },
};

/**
 * Mistakes: base-model (0), one wrong box ticked among two right in pretraining-facts
 * ((2 - 1) / 3), sft-loss-positions (0), credit-per-token (0), two pairs swapped in stage-signals (0.5).
 * With everything else right: 1 + 0 + 0.33 + 1 + 1 + 0 + 1 + 1 + 0 + 1 + 1 + 0.5 = 7.83 of 12.
 */
const SOME_WRONG: Choices = {
  baseModel: "It does not know the capital of France, so it changes the subject instead",
  facts: [RIGHT.facts[0], RIGHT.facts[1], "Human labellers rank the model's answers"],
  positions: "9",
  algorithm: "reward model",
  signals: {
    ...RIGHT.signals,
    "Pre-training": "Prompts with answers written by people",
    "Supervised fine-tuning": "Massive unlabelled text, predicting each next token",
  },
};

/** Answers every question but the ordering one (done separately). */
async function answerTheRest(page: Page, c: Choices) {
  await question(page, "base-model").getByRole("radio", { name: c.baseModel, exact: true }).check();
  for (const fact of c.facts) await question(page, "pretraining-facts").getByRole("checkbox", { name: fact, exact: true }).check();
  await question(page, "pretraining-loss").getByRole("radio", { name: "The average negative log-probability the model gives to the actual next token", exact: true }).check();
  await question(page, "buggy-mask").getByRole("radio", { name: "<assistant> → Paris, the first word of the answer", exact: true }).check();
  await page.getByTestId("answer-sft-loss-positions").fill(c.positions);
  await question(page, "reward-model-training").getByRole("radio", { name: /^Labellers rank several answers the SFT model wrote/ }).check();
  await page.getByTestId("answer-ranking-loss-tie").fill("0.693");
  await page.getByTestId("answer-credit-per-token").fill(c.algorithm);
  await question(page, "kl-penalty").getByRole("radio", { name: "True", exact: true }).check();
  await page.getByTestId("answer-penalised-reward").fill("1.5");
  for (const [left, right] of Object.entries(c.signals))
    await question(page, "stage-signals").getByLabel(left, { exact: true }).selectOption({ label: right });
}

/** Submits and waits for the graded result. */
async function submit(page: Page) {
  const graded = page.waitForResponse((r) => r.url().endsWith("/api/quizzes/training-quiz/attempts") && r.request().method() === "POST", SLOW);
  await page.getByTestId("quiz-submit").click();
  const response = await graded;
  await page.getByTestId("quiz-score").waitFor();
  return response;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ").trim();

async function openQuiz(page: Page) {
  await page.goto(LESSON, SLOW);
  await page.getByTestId("quiz").scrollIntoViewIfNeeded();
  await question(page, "stage-order").waitFor(SLOW);
  // The client component has hydrated once its progress line reacts to answers.
  await expect(text(page, "quiz-progress")).resolves.toMatch(new RegExp(`^0 of ${MAX} answered`));
}

describe("the training quiz", () => {
  it("a learner takes it, reads the explanations, retakes it, and finds best and latest on the dashboard", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await signUpThroughPage(page, "Quiz Taker", uniqueEmail("quiz"), "quiz-taker-orchid-71");
    await openQuiz(page);

    // Attempt 1: the ordering question with the keyboard only, some other answers wrong.
    const order = question(page, "stage-order");
    expect(await shownOrder(order)).not.toEqual(STAGES); // never shown already solved
    await orderWithKeyboard(page, order, STAGES);
    await answerTheRest(page, SOME_WRONG);
    await expect(text(page, "quiz-progress")).resolves.toBe(`${MAX} of ${MAX} answered.`);
    const first = await submit(page);
    expect(first.status()).toBe(201);

    expect(await text(page, "quiz-score")).toBe(`Score: 7.83 / ${MAX}`);
    expect(await text(page, "quiz-verdict")).toBe("65.3%: not passed yet (the pass mark is 70%).");
    expect(await text(page, "quiz-best")).toBe(`7.83 / ${MAX}`);
    expect(await text(page, "quiz-latest")).toBe(`7.83 / ${MAX}`);
    // Right and wrong per question. The review policy (by default: after a pass or 3 attempts)
    // holds back the correct answers of the missed questions: only what the learner gave.
    await expect(page.getByTestId("result-stage-order").getAttribute("data-correct")).resolves.toBe("true");
    const baseModel = page.getByTestId("result-base-model");
    expect(await baseModel.getAttribute("data-correct")).toBe("false");
    expect(await baseModel.getAttribute("data-withheld")).toBe("true");
    expect(await text(page, "verdict-base-model")).toBe("Incorrect");
    expect(await text(page, "given-base-model")).toBe(`Your answer: ${SOME_WRONG.baseModel}`);
    expect(await page.getByTestId("correct-base-model").count()).toBe(0);
    expect(await baseModel.textContent()).not.toContain("Pre-training teaches a model to continue text the way its training data does");
    expect(await text(page, "quiz-review-policy")).toBe("The correct answers are shown once you pass, or after 3 attempts. Attempts so far: 1.");
    expect(await text(page, "verdict-pretraining-facts")).toBe("Partly correct (0.33 of 1 point)");
    expect(await text(page, "verdict-stage-signals")).toBe("Partly correct (0.5 of 1 point)");
    expect(await page.getByTestId("correct-credit-per-token").count()).toBe(0);
    expect(await page.getByTestId("result-credit-per-token").getByRole("link", { name: "Review this in the lesson" }).getAttribute("href")).toBe(
      "/learn/training/rlhf#reinforcement-learning-with-ppo",
    );
    await page.screenshot({ path: `${screenshotDir()}/quiz-results.png`, fullPage: false });

    // Attempt 2: a retake, reshuffled and blank, everything right.
    await page.getByTestId("retake").click();
    await expect(text(page, "quiz-progress")).resolves.toMatch(new RegExp(`^0 of ${MAX} answered`));
    await orderWithClicks(question(page, "stage-order"), STAGES);
    await answerTheRest(page, RIGHT);
    expect((await submit(page)).status()).toBe(201);
    expect(await text(page, "quiz-score")).toBe(`Score: ${MAX} / ${MAX}`);
    expect(await text(page, "quiz-verdict")).toBe("100%: passed (the pass mark is 70%).");
    expect(await text(page, "quiz-best")).toBe(`${MAX} / ${MAX}`);
    expect(await text(page, "quiz-latest")).toBe(`${MAX} / ${MAX}`);
    await expect(page.getByTestId("quiz-results").locator('[data-correct="false"]').count()).resolves.toBe(0);

    // Attempt 3: only one question answered. Best stays, latest drops.
    await page.getByTestId("retake").click();
    await question(page, "kl-penalty").getByRole("radio", { name: "True", exact: true }).check();
    expect((await submit(page)).status()).toBe(201);
    expect(await text(page, "quiz-score")).toBe(`Score: 1 / ${MAX}`);
    expect(await text(page, "quiz-best")).toBe(`${MAX} / ${MAX}`);
    expect(await text(page, "quiz-latest")).toBe(`1 / ${MAX}`);
    expect(await text(page, "given-base-model")).toBe("Your answer: no answer");
    // After a pass (and a third attempt) the key is shown: the correct answer and the explanation.
    expect(await text(page, "correct-base-model")).toBe(`Correct answer: ${RIGHT.baseModel}`);
    expect(await page.getByTestId("result-base-model").textContent()).toContain("Pre-training teaches a model to continue text the way its training data does");
    expect(await text(page, "correct-credit-per-token")).toBe(
      "Correct answer: value model (also accepted: value function, value network, critic, the value model, critic model)",
    );
    expect(await page.getByTestId("quiz-review-policy").count()).toBe(0);

    // Stored in the account, so nothing is kept in the browser for a later merge.
    expect(await page.evaluate(() => localStorage.getItem("academy:quiz-attempts"))).toBeNull();

    // The dashboard shows best and latest from the stored attempts.
    await page.goto("/dashboard", SLOW);
    await page.getByTestId("quiz-training-quiz").waitFor(SLOW);
    expect(await text(page, "quiz-training-quiz-best")).toBe(`${MAX} / ${MAX} (100%)`);
    expect(await text(page, "quiz-training-quiz-latest")).toBe(`1 / ${MAX} (${Math.round(100 / MAX)}%)`);
    expect(await text(page, "quiz-training-quiz")).toContain("3 attempts");
    await page.getByTestId("quiz-scores").screenshot({ path: `${screenshotDir()}/quiz-dashboard.png` });

    // And so does the API, to this learner only.
    const api = await page.request.get("/api/quizzes/training-quiz/attempts");
    expect(api.status()).toBe(200);
    const view = (await api.json()) as { count: number; attempts: { score: number }[]; best: { score: number }; latest: { score: number } };
    expect(view.count).toBe(3);
    expect(view.attempts.map((a) => a.score)).toEqual([1, MAX, 7.83]);
    expect(view.best.score).toBe(MAX);
    expect(view.latest.score).toBe(1);

    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 240_000); // three attempts, a sign-up and the dashboard: longer than one page

  it("an anonymous learner is graded by the server and keeps the attempts in the browser", async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await openQuiz(page);
    await question(page, "kl-penalty").getByRole("radio", { name: "False", exact: true }).check();
    const first = await submit(page);
    expect(first.status()).toBe(200);
    expect(((await first.json()) as { savedTo: string }).savedTo).toBe("browser");
    expect(await text(page, "quiz-score")).toBe(`Score: 0 / ${MAX}`);

    await page.getByTestId("retake").click();
    await question(page, "kl-penalty").getByRole("radio", { name: "True", exact: true }).check();
    await page.getByTestId("answer-credit-per-token").fill("Critic");
    await submit(page);
    expect(await text(page, "quiz-score")).toBe(`Score: 2 / ${MAX}`);

    await page.getByTestId("retake").click();
    await submit(page);
    expect(await text(page, "quiz-score")).toBe(`Score: 0 / ${MAX}`);
    // Best and latest over the attempts kept in this browser.
    expect(await text(page, "quiz-best")).toBe(`2 / ${MAX}`);
    expect(await text(page, "quiz-latest")).toBe(`0 / ${MAX}`);

    const kept = (await page.evaluate(() => JSON.parse(localStorage.getItem("academy:quiz-attempts") ?? "[]"))) as Record<string, unknown>[];
    expect(kept).toHaveLength(3);
    expect(kept.map((a) => [a.quizId, a.score, a.maxScore])).toEqual([
      ["training-quiz", 0, MAX],
      ["training-quiz", 2, MAX],
      ["training-quiz", 0, MAX],
    ]);
    expect(kept[1].answers).toEqual({ "kl-penalty": true, "credit-per-token": "Critic" });
    expect(new Set(kept.map((a) => a.clientAttemptId)).size).toBe(3);
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  });
});
