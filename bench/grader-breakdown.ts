/**
 * Where the time of "Run tests" goes (issue #16), in Chromium against a production build, clicking
 * the button as a learner does (anonymous, on the lesson page) for the softmax and the scaled
 * dot-product attention exercises:
 *   - warm: N runs of the pasted reference solution after the first; median and p90 of the whole
 *     click -> results drawn, and of each phase
 *   - cold, 10 s after paste: the first run in a fresh browser profile, the reference solution
 *     pasted 10 s before (the editor's TypeScript worker has checked the file by then)
 *   - cold, at once: the first run, clicked the moment the editor is ready (the starter code)
 * Each cold figure is the median of COLD_SAMPLES fresh profiles.
 *
 * The phases come from the run itself: the grader client leaves a User Timing mark with the
 * page's and the worker's timings (lib/grading/worker/run-timings.ts) and the results panel marks
 * the frame that draws the results.
 *
 *   npm run build && npx tsx bench/grader-breakdown.ts           (starts the site on port 3311)
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/grader-breakdown.ts   (a running site)
 * Options: --warm=20 --cold=3 --only=softmax
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext } from "../tests/e2e/support/browser";
import { openExercise, setCode } from "../tests/e2e/support/editor";
import { startProductionServer, waitForHttp } from "../tests/e2e/support/server";
import type { RunTimingsDetail } from "../lib/grading/worker/run-timings";

const option = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const WARM_RUNS = Number(option("warm", "20"));
const COLD_SAMPLES = Number(option("cold", "3"));
const ONLY = option("only", "");
const LESSON = "/learn/transformer/self-attention";
const EXERCISES = ["softmax", "scaled-dot-product-attention"].filter((id) => !ONLY || id === ONLY);
const SETTLE_MS = 10_000;

/** One run: the page's clock, from the click. */
interface Sample {
  totalMs: number;
  summary: string;
  detail: RunTimingsDetail;
  renderedAt: number;
  clickAt: number;
}

/**
 * Clicks "Run tests" in the page and waits for the frame that draws the results. A string, not a
 * function: tsx would wrap a named function in a helper the page does not have.
 */
const TIMED_RUN = `async (id) => {
  const card = document.querySelector('[data-exercise="' + id + '"]');
  const button = [...card.querySelectorAll("button")].find((b) => b.textContent === "Run tests");
  const after = (name, t) => performance.getEntriesByName(name).filter((e) => e.startTime >= t).at(-1);
  const clickAt = performance.now();
  button.click();
  const rendered = await new Promise((resolve, reject) => {
    const deadline = clickAt + 120000;
    const check = () => {
      const mark = after("academy:grader-rendered", clickAt);
      if (mark) resolve(mark);
      else if (performance.now() > deadline) reject(new Error("no results within 120 s: " + card.querySelector('[data-testid="run-summary"]').textContent));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const result = after("academy:grader-result", clickAt);
  return {
    clickAt,
    renderedAt: rendered.startTime,
    totalMs: rendered.startTime - clickAt,
    summary: card.querySelector('[data-testid="run-summary"]').textContent,
    detail: result.detail,
  };
}`;

const timedRun = (page: Page, exercise: string) => page.evaluate(`(${TIMED_RUN})(${JSON.stringify(exercise)})`) as Promise<Sample>;

/** The phases of one run, in order, in milliseconds; together they make up the total. */
function phases(s: Sample): [string, number][] {
  const { page, worker } = s.detail;
  const epoch = (pageMs: number) => page.timeOrigin + pageMs;
  const rows: [string, number][] = [["page: click -> grader called", page.calledAt - s.clickAt], ["page: postMessage", page.postedAt - page.calledAt]];
  if (worker) {
    rows.push(
      ["to the worker (boot when cold)", worker.receivedAt - epoch(page.postedAt)],
      ["worker: queued", worker.queuedMs],
      ["worker: tfjs ready, spec loaded", worker.loadMs],
      ["worker: harden", worker.hardenMs],
      ["worker: compile learner code", worker.compileMs],
      ["worker: tests", worker.testsMs],
      ["worker: harness", worker.harnessMs],
      ["back to the page", epoch(page.resultAt) - worker.postedAt],
    );
  } else rows.push(["page: posted -> result", page.resultAt - page.postedAt]);
  rows.push(["page: result -> results drawn", s.renderedAt - page.resultAt]);
  return rows;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
};
const ms = (v: number) => v.toFixed(1).padStart(7);

function printTable(title: string, samples: Sample[]) {
  console.log(`    ${title} (${samples.length} run${samples.length === 1 ? "" : "s"}; median, p90 ms)`);
  const names = phases(samples[0]).map(([name]) => name);
  for (const [i, name] of names.entries()) {
    const values = samples.map((s) => phases(s)[i]?.[1] ?? 0);
    console.log(`      ${name.padEnd(34)}${ms(quantile(values, 0.5))}${ms(quantile(values, 0.9))}`);
  }
  const totals = samples.map((s) => s.totalMs);
  console.log(`      ${"total: click -> results drawn".padEnd(34)}${ms(quantile(totals, 0.5))}${ms(quantile(totals, 0.9))}   ${samples.at(-1)!.summary}`);
  console.log(`      totals: ${totals.map((t) => t.toFixed(0)).join(", ")}`);
}

async function openLesson(browser: Browser, base: string, exercise: string) {
  const context = await newContext(browser, base);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(base).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(LESSON, { waitUntil: "load", timeout: 180_000 });
  const card = await openExercise(page, exercise);
  return { context, page, card };
}

const solutionOf = (exercise: string) => readFileSync(path.join(process.cwd(), "exercises", exercise, "solution.ts"), "utf8");

async function measure(browser: Browser, base: string, exercise: string) {
  console.log(`  ${exercise}`);
  const atOnce: Sample[] = [];
  const afterPaste: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    const fresh = await openLesson(browser, base, exercise);
    atOnce.push(await timedRun(fresh.page, exercise));
    await fresh.context.close();

    const { context, page, card } = await openLesson(browser, base, exercise);
    await setCode(page, card, solutionOf(exercise));
    await page.waitForTimeout(SETTLE_MS);
    afterPaste.push(await timedRun(page, exercise));
    if (i === 0) {
      for (let n = 0; n < WARM_RUNS; n++) warm.push(await timedRun(page, exercise));
      if (context.foreignRequests.length > 0) console.log(`    requests to other hosts: ${context.foreignRequests.join(", ")}`);
    }
    await context.close();
  }
  // The first warm runs still see the browser's optimising compiler catch up; all are reported.
  printTable("warm", warm);
  printTable("cold, 10 s after paste", afterPaste);
  printTable("cold, clicked as soon as the editor is ready (starter code)", atOnce);
}

async function main() {
  let base = process.env.BENCH_BASE_URL;
  let server: ReturnType<typeof startProductionServer> | undefined;
  if (!base) {
    const port = 3311;
    server = startProductionServer(port);
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, 180_000, server);
  }
  const browser = await launchBrowser();
  // The machine is shared: read every figure against how busy it was.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`grader run time, ${base} (${new Date().toISOString()}), load average ${load()}`);
  try {
    for (const exercise of EXERCISES) await measure(browser, base, exercise);
    console.log(`load average at the end ${load()}`);
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
