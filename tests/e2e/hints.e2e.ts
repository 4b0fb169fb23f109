/**
 * Probe finding (issue #14): every hint was in the lesson's server payload signed out, and the
 * solution endpoint served signed-out readers. In Chromium, signed out: the page carries no hint
 * text, a hint arrives when asked for, one at a time, and the solution asks the reader to sign in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseHints } from "../../lib/exercises/content";
import { chromiumForFile } from "./support/chromium";
import { openExercise } from "./support/editor";

const chromium = chromiumForFile();

/** A distinctive stretch of each hint's text: its longest line without Markdown or math. */
function hintSnippets(id: string): string[] {
  return parseHints(readFileSync(path.join(process.cwd(), "exercises", id, "hints.md"), "utf8")).map(
    (hint) =>
      hint
        .split("\n")
        .map((line) => line.replace(/[`*_$\\[\]()]/g, "").trim())
        .sort((a, b) => b.length - a.length)[0]
        .slice(0, 40),
  );
}

describe("hints and the solution, signed out", () => {
  it("the lesson page holds no hint; hints come one at a time; the solution needs an account", async () => {
    const { context, page } = await chromium.page();
    const snippets = hintSnippets("softmax");
    const html = await (await page.request.get("/learn/transformer/self-attention")).text();
    expect(snippets.filter((s) => html.includes(s))).toEqual([]);

    await page.goto("/learn/transformer/self-attention");
    const card = await openExercise(page, "softmax");
    await card.getByRole("button", { name: /Show a hint/ }).click();
    await card.getByTestId("hint").first().filter({ hasText: /Hint 1 of \d+/ }).waitFor();
    expect(await card.getByTestId("hint").count()).toBe(1);

    await card.getByRole("button", { name: "Show solution" }).click();
    await card.getByRole("alertdialog").getByRole("button", { name: "Show the solution" }).click();
    await card.getByTestId("solution-error").filter({ hasText: /^Sign in to see the reference solution/ }).waitFor();
    expect(await card.getByTestId("solution").count()).toBe(0);
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);
});
