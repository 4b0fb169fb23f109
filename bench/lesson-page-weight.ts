/**
 * Lesson page weight: the JavaScript a learner downloads to open a lesson (before opening an
 * exercise), gzip-compressed, plus the hosts contacted. Budget: <= 150 KB gzip per lesson page.
 *
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/lesson-page-weight.ts
 * Run against a production build (`npm run build && npm start`): development bundles are much larger.
 */
import { gzipSync } from "node:zlib";
import { launchBrowser, newContext } from "../tests/e2e/support/browser";

const BASE = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000";
const LESSONS = ["/learn/foundations/what-is-ai", "/learn/transformer/self-attention", "/learn/transformer/the-decoder", "/learn/training/rlhf"];

async function main() {
  const browser = await launchBrowser();
  console.log(`lesson page first-load JavaScript (gzip), ${BASE}`);
  let worst = 0;
  for (const url of LESSONS) {
    const context = await newContext(browser, BASE);
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      try {
        scripts.set(response.url(), gzipSync(await response.body()).length);
      } catch {
        // a script that failed to load counts as nothing
      }
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(500); // let late responses settle; nothing below the fold is scrolled to
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    worst = Math.max(worst, total);
    console.log(`  ${url.padEnd(42)} ${(total / 1024).toFixed(1).padStart(6)} KB in ${scripts.size} scripts; foreign hosts: ${context.foreignRequests.length}`);
    await context.close();
  }
  console.log(`worst: ${(worst / 1024).toFixed(1)} KB (budget 150 KB)`);
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
