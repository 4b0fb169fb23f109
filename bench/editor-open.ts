/**
 * Opening an exercise's editor, timed in Chromium inside the page (anonymous, production build):
 *   - stand-in typable: click "Open the editor" -> the plain text area is on screen, focused,
 *     with the code in it (the frame after it is, so it has been drawn)        (target 100 ms)
 *   - Monaco ready: click -> the first frame drawn after Monaco took over (data-editor-ready)
 * clicking the moment the card scrolls into view, cold (a fresh browser profile) and warm (the
 * same profile, second page load: the browser has the editor's code cached), for softmax and
 * scaled dot-product attention; median of N (default 5).
 *
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/editor-open.ts [--samples=5]
 * Run against a production build (`npm run build && npm start`).
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext } from "../tests/e2e/support/browser";
import { median } from "./stats";

const BASE = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000";
const SAMPLES = Number(process.argv.find((a) => a.startsWith("--samples="))?.split("=")[1] ?? 5);
const LESSON = "/learn/transformer/self-attention";
const EXERCISES = ["softmax", "scaled-dot-product-attention"];

/**
 * Clicks "Open the editor" and records, per animation frame, when the stand-in was first typable
 * and when Monaco was first ready. A string: tsx would wrap named functions in a helper that does
 * not exist in the page.
 */
const TIMED_OPEN = `async (id) => {
  const card = document.querySelector('[data-exercise="' + id + '"]');
  const button = [...card.querySelectorAll("button")].find((b) => b.textContent === "Open the editor");
  const started = performance.now();
  let typable = null;
  button.click();
  // Checked in the click's own task too: a text area there is typable before any frame.
  const standInTypable = () => {
    const t = card.querySelector('[data-testid="plain-code-view"] textarea');
    return Boolean(t && document.activeElement === t && t.value.length > 0);
  };
  const ready = await new Promise((resolve) => {
    const check = () => {
      if (typable === null && standInTypable()) typable = performance.now() - started;
      if (card.querySelector('[data-editor-ready="true"]')) requestAnimationFrame(() => resolve(performance.now() - started));
      else requestAnimationFrame(check);
    };
    check();
  });
  return { typable, ready };
}`;

type Timing = { typable: number | null; ready: number };

async function open(page: Page, exercise: string): Promise<Timing> {
  await page.goto(LESSON, { waitUntil: "load", timeout: 180_000 });
  await page.locator(`[data-exercise="${exercise}"]`).scrollIntoViewIfNeeded();
  return page.evaluate(`(${TIMED_OPEN})(${JSON.stringify(exercise)})`) as Promise<Timing>;
}

async function sample(browser: Browser, exercise: string): Promise<{ cold: Timing; warm: Timing; foreign: string[] }> {
  const context = await newContext(browser, BASE);
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  const cold = await open(page, exercise);
  await page.waitForTimeout(2000); // the editor settles; the browser keeps its code in the caches
  const warm = await open(page, exercise);
  await context.close();
  return { cold, warm, foreign: context.foreignRequests };
}

const row = (label: string, values: number[]) =>
  `    ${label.padEnd(26)} ${median(values).toFixed(0).padStart(6)} ms   (${values.map((v) => v.toFixed(0)).join(", ")})`;

async function main() {
  const browser = await launchBrowser();
  console.log(`opening the exercise editor, ${BASE}, median of ${SAMPLES}`);
  for (const exercise of EXERCISES) {
    const runs: Awaited<ReturnType<typeof sample>>[] = [];
    for (let i = 0; i < SAMPLES; i++) runs.push(await sample(browser, exercise));
    const typable = (kind: "cold" | "warm") => runs.map((r) => r[kind].typable ?? Number.NaN);
    console.log(`  ${exercise}`);
    console.log(row("cold: stand-in typable", typable("cold")));
    console.log(row("cold: Monaco ready", runs.map((r) => r.cold.ready)));
    console.log(row("warm: stand-in typable", typable("warm")));
    console.log(row("warm: Monaco ready", runs.map((r) => r.warm.ready)));
    const foreign = runs.flatMap((r) => r.foreign);
    if (foreign.length > 0) console.log(`    requests to other hosts: ${foreign.join(", ")}`);
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
