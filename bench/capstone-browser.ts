/**
 * The capstone training page in headless Chromium with the default settings: the backend the
 * worker chose (and the per-backend step times it measured), steps/s and tokens/s, validation
 * loss against the bigram baseline over time (and when it first falls below it), and the main
 * thread's long tasks while training (PerformanceObserver "longtask": every task over 50 ms).
 *
 *   npm run build && PORT=3000 npm start
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/capstone-browser.ts [--budget-seconds 180]
 */
import { launchBrowser, newContext } from "../tests/e2e/support/browser";

const base = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000";
const args = process.argv.slice(2);
const budgetSeconds = Number(args.includes("--budget-seconds") ? args[args.indexOf("--budget-seconds") + 1] : 180);

async function main() {
  const browser = await launchBrowser();
  const context = await newContext(browser, base);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/learn/build-a-gpt/train");
  await page.locator('[data-testid="training-page"][data-ready="true"]').waitFor({ timeout: 120_000 });
  const text = async (id: string) => ((await page.getByTestId(id).textContent()) ?? "").trim();

  await page.getByTestId("train-start").click();
  await page.getByTestId("run-status").filter({ hasText: "training" }).waitFor({ timeout: 300_000 });
  const trainingFrom = await page.evaluate(() => performance.now());
  const started = Date.now();
  const baseline = Number(/bigram baseline ([\d.]+)/.exec(await page.getByText(/bigram baseline/).textContent() ?? "")?.[1]);
  console.log(`backend: ${await text("run-backend")} · ${(await page.getByText(/^Backend:/).textContent())?.replace(/\s+/g, " ")}`);
  let beat: string | null = null;
  while ((Date.now() - started) / 1000 < budgetSeconds) {
    await page.waitForTimeout(10_000);
    const validation = Number(await text("run-validation"));
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`  ${elapsed} s: step ${await text("run-step")}, validation ${validation || "–"}, ${await text("run-steps-per-second")} steps/s, ${await text("run-tokens-per-second")} tokens/s`);
    if (!beat && validation && validation < baseline) beat = `${elapsed} s (step ${await text("run-step")}, validation ${validation} < ${baseline})`;
    if ((await text("run-status")) !== "training") break;
  }
  const tasks = await page.evaluate((from) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from), trainingFrom);
  console.log(`bigram baseline ${baseline} nats/char; beaten in the browser: ${beat ?? "not within the budget"}`);
  console.log(`main-thread long tasks while training: ${tasks.length}, longest ${tasks.length ? Math.max(...tasks.map((t) => t.duration)).toFixed(0) : 0} ms`);
  const samples = await page.getByTestId("samples").locator("li").allInnerTexts();
  if (samples[0]) console.log(`latest sample: ${JSON.stringify(samples[0])}`);
  console.log(`requests to other hosts: ${context.foreignRequests.length}`);
  await browser.close();
}

void main();
