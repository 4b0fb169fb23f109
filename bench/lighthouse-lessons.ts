/**
 * Lighthouse on lesson pages (and the home page), mobile with default simulated throttling, the
 * median of N runs (default 3) per page: the four scores, LCP, TBT, DOM elements, and the main
 * thread's style+layout and script-evaluation time, the figures issue #16 is about.
 *
 *   npm run build, start the site, then
 *   BENCH_BASE_URL=http://127.0.0.1:3000 flock /tmp/lighthouse.lock npx tsx bench/lighthouse-lessons.ts [--runs N] [--locale zh] [paths...]
 *
 * Anonymous pages only (bench/lighthouse-axe.ts covers every page type and signed-in roles).
 * Lighthouse runs as its own CLI under plain Node (see bench/lighthouse-axe.ts for why not in-process).
 */
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { RunnerResult } from "lighthouse";
import { chromiumPath, CHROMIUM_FLAGS } from "../tests/e2e/support/browser";

const BASE = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000";
const args = process.argv.slice(2);
const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(valueOf("--runs") ?? 3);
const LOCALE = valueOf("--locale") ?? "en";
const PREFIX = LOCALE === "en" ? "" : `/${LOCALE}`;
const given = args.filter((a, i) => a.startsWith("/") && !["--runs", "--locale"].includes(args[i - 1]));
/** A long lesson with maths and figures, and four of other kinds: prose, a quiz, exercises, a late figure. */
const PAGES = given.length
  ? given
  : [
      "/learn/transformer/self-attention",
      "/learn/foundations/what-is-ai",
      "/learn/foundations/aigc-and-agi",
      "/learn/training/rlhf",
      "/learn/language-models/how-an-llm-is-built",
      "/",
    ];

interface Figures {
  scores: [perf: number, a11y: number, bestPractices: number, seo: number];
  lcpMs: number;
  tbtMs: number;
  dom: number;
  styleLayoutMs: number;
  scriptMs: number;
}

function figuresOf(lhr: RunnerResult["lhr"]): Figures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // The main-thread breakdown's rows are grouped: "styleLayout", "scriptEvaluation", ...
  const items = (lhr.audits["mainthread-work-breakdown"]?.details as { items?: { group: string; duration: number }[] } | undefined)?.items ?? [];
  const group = (name: string) => items.filter((i) => i.group === name).reduce((sum, i) => sum + i.duration, 0);
  return {
    scores: [score("performance"), score("accessibility"), score("best-practices"), score("seo")],
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    dom: numeric("dom-size"),
    styleLayoutMs: group("styleLayout"),
    scriptMs: group("scriptEvaluation"),
  };
}

async function lighthouse(url: string): Promise<Figures> {
  const cli = path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, url, "--output=json", "--output-path=stdout", "--quiet", "--only-categories=performance,accessibility,best-practices,seo", `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`],
    { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chromiumPath() } },
  );
  const lhr = JSON.parse(stdout) as RunnerResult["lhr"];
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  return figuresOf(lhr);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  console.log(`Lighthouse (mobile, simulated throttling), median of ${RUNS}, ${BASE}, load average ${loadavg()[0].toFixed(2)}`);
  console.log("page | perf / a11y / best pr. / SEO | LCP | TBT | DOM | style+layout | script");
  for (const page of PAGES) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(new URL(`${PREFIX}${page === "/" && PREFIX ? "" : page}`, BASE).href));
    const mid = (pick: (f: Figures) => number) => median(runs.map(pick));
    const scores = [0, 1, 2, 3].map((i) => mid((f) => f.scores[i])).join(" / ");
    console.log(
      `${PREFIX}${page} | ${scores} | ${(mid((f) => f.lcpMs) / 1000).toFixed(1)} s | ${Math.round(mid((f) => f.tbtMs))} ms | ` +
        `${mid((f) => f.dom)} | ${Math.round(mid((f) => f.styleLayoutMs))} ms | ${Math.round(mid((f) => f.scriptMs))} ms`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
