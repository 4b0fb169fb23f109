/**
 * Lesson page weight: the JavaScript a learner downloads to open a lesson (before opening an
 * exercise), gzip-compressed, plus the hosts contacted. Budget: <= 150 KB gzip per lesson page.
 *
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/lesson-page-weight.ts [--verbose] [--locale zh] [--all]
 * `--locale zh` measures the Chinese edition's pages (/zh/learn/...): a locale ships only its own messages.
 * `--all` measures every lesson of the course (from the manifest) instead of the five below.
 * Run against a production build (`npm run build && npm start`): development bundles are much larger.
 *
 * Chromium opens each page in a fresh profile; every script it requests is then fetched again
 * here and gzipped (level 6, what servers commonly use), so no script can go uncounted.
 *
 * Two figures per page: the page's own JavaScript (what it needs to show and hydrate itself,
 * with Next's link prefetching blocked), and what prefetching the pages it links to adds while
 * the reader is still on it (downloaded when idle, for instant navigation; not needed to read).
 */
import { gzipSync } from "node:zlib";
import { launchBrowser, newContext } from "../tests/e2e/support/browser";
import { loadManifest } from "../lib/content/course";

const BASE = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000";
const VERBOSE = process.argv.includes("--verbose");
const LOCALE = process.argv.includes("--locale") ? process.argv[process.argv.indexOf("--locale") + 1] : "en";
const PREFIX = LOCALE === "en" ? "" : `/${LOCALE}`;
const FIVE_LESSONS = [
  ["/learn/foundations/what-is-ai", "prose and figures"],
  ["/learn/transformer/self-attention", "figures and 2 exercises"],
  ["/learn/transformer/the-decoder", "figures and 2 exercises"],
  ["/learn/foundations/aigc-and-agi", "a quiz"],
  ["/learn/training/rlhf", "2 exercises and a quiz"],
] as const;
const LESSONS: readonly (readonly [string, string])[] = process.argv.includes("--all")
  ? loadManifest().lessons.map((lesson) => [lesson.href, `chapter ${lesson.chapter}`] as const)
  : FIVE_LESSONS;

async function gzippedSize(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).length;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

interface Load {
  sizes: (readonly [url: string, gzip: number])[];
  total: number;
  foreign: number;
}

async function load(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, prefetch: boolean): Promise<Load> {
  const context = await newContext(browser, BASE);
  const page = await context.newPage();
  if (!prefetch) {
    // Next.js marks its link prefetches with this header; without them, no other route's code loads.
    await page.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()));
  }
  const scripts = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.add(request.url());
  });
  await page.goto(url, { waitUntil: "load" });
  // Late chunks count too (hydration, then figures near the first screen); nothing is scrolled to.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  await page.waitForLoadState("networkidle");
  const sizes = await Promise.all([...scripts].map(async (s) => [s, await gzippedSize(s)] as const));
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const foreign = context.foreignRequests.length;
  await context.close();
  return { sizes, total, foreign };
}

async function main() {
  const browser = await launchBrowser();
  console.log(`lesson page first-load JavaScript (gzip), ${BASE}`);
  let worst = 0;
  for (const [path, has] of LESSONS) {
    const url = `${PREFIX}${path}`;
    const own = await load(browser, url, false);
    const withPrefetch = await load(browser, url, true);
    worst = Math.max(worst, own.total);
    console.log(
      `  ${url.padEnd(38)} ${kb(own.total).padStart(9)} in ${own.sizes.length} scripts (${has}); ` +
        `+ ${kb(withPrefetch.total - own.total)} prefetched for links; foreign hosts: ${own.foreign + withPrefetch.foreign}`,
    );
    if (VERBOSE) for (const [s, size] of [...own.sizes].sort((a, b) => b[1] - a[1])) console.log(`      ${kb(size).padStart(9)}  ${new URL(s).pathname}`);
  }
  console.log(`worst page-own JavaScript: ${kb(worst)} (budget 150 KB)`);
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
