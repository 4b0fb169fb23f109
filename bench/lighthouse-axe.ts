/**
 * Lighthouse and axe-core on every page type (tests/e2e/support/page-types.ts): prints one table
 * of Lighthouse's four scores (mobile, default simulated throttling), LCP, TBT and DOM size, and
 * axe's violation count in light and dark mode, then every axe violation found. Nothing is
 * asserted here (tests/e2e/accessibility.e2e.ts fails `npm test` on axe violations).
 *
 *   npm run build
 *   npx tsx bench/lighthouse-axe.ts [--only <page type>] [--runs N] [--no-axe] [--no-lighthouse]
 *
 * Starts the production server on a fresh embedded database (port BENCH_PORT, default 3120), or
 * uses a running one: BENCH_BASE_URL=http://127.0.0.1:3000 (it must have the demo accounts).
 * Signed-in pages: Lighthouse's Chromium sends the session cookie of the role on every request
 * (`extraHeaders`), see docs/decisions/031-lighthouse-and-axe.md. With --runs N the Lighthouse
 * figures are the median of N runs; the table's header gives the machine's load average.
 */
import { loadavg } from "node:os";
import * as chromeLauncher from "chrome-launcher";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { RunnerResult } from "lighthouse";
import { launchBrowser, chromiumPath, CHROMIUM_FLAGS } from "../tests/e2e/support/browser";
import { runAxe, summariseFindings, type AxeFinding } from "../tests/e2e/support/axe";
import { auditContext, openPageType, selectPageTypes, setUpAuditWorld, type AuditWorld, type ColorScheme, type PageType } from "../tests/e2e/support/page-types";
import { startProductionServer, waitForHttp } from "../tests/e2e/support/server";
import { median } from "./stats";

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const RUNS = Math.max(1, Number(option("--runs") ?? 1));
const ONLY = option("--only");
const WITH_AXE = !argv.includes("--no-axe");
const WITH_LIGHTHOUSE = !argv.includes("--no-lighthouse");

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  domElements: number;
  /** Audits of the three non-performance categories that did not pass, e.g. "errors-in-console". */
  failing: string[];
}

interface Row {
  pageType: PageType;
  lighthouse?: LighthouseFigures;
  axe: Partial<Record<ColorScheme, AxeFinding[] | Error>>;
}

function cookieHeader(world: AuditWorld, pageType: PageType): string | undefined {
  if (pageType.role === "anonymous") return undefined;
  return world.sessions[pageType.role].cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

function figuresOf(lhr: RunnerResult["lhr"]): LighthouseFigures {
  const { categories, audits } = lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? NaN;
  const failing = ["accessibility", "best-practices", "seo"].flatMap((category) =>
    categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    domElements: numeric("dom-size"),
    failing: [...new Set(failing)],
  };
}

/**
 * One Lighthouse run through its own CLI under plain Node: imported into this tsx process,
 * Lighthouse breaks, because esbuild's name-keeping helper (__name) ends up in the functions it
 * sends into the page as source text.
 */
async function lighthouseOnce(port: number, url: string, cookie: string | undefined): Promise<RunnerResult["lhr"]> {
  const cli = path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");
  const args = [
    cli,
    url,
    `--port=${port}`,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility,best-practices,seo",
    "--quiet",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as RunnerResult["lhr"];
}

async function lighthouseRuns(port: number, world: AuditWorld, pageType: PageType): Promise<LighthouseFigures> {
  const cookie = cookieHeader(world, pageType);
  const runs: LighthouseFigures[] = [];
  for (let run = 0; run < RUNS; run++) {
    const lhr = await lighthouseOnce(port, new URL(pageType.path(world), world.baseUrl).href, cookie);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${pageType.name}: ${lhr.runtimeError.message}`);
    runs.push(figuresOf(lhr));
  }
  const mid = (pick: (f: LighthouseFigures) => number) => median(runs.map(pick));
  return {
    performance: mid((f) => f.performance),
    accessibility: mid((f) => f.accessibility),
    bestPractices: mid((f) => f.bestPractices),
    seo: mid((f) => f.seo),
    lcpMs: mid((f) => f.lcpMs),
    tbtMs: mid((f) => f.tbtMs),
    domElements: mid((f) => f.domElements),
    failing: [...new Set(runs.flatMap((f) => f.failing))],
  };
}

async function axeIn(browser: Awaited<ReturnType<typeof launchBrowser>>, world: AuditWorld, pageType: PageType, scheme: ColorScheme) {
  const context = await auditContext(browser, world, pageType.role, scheme);
  try {
    return await runAxe(await openPageType(context, pageType, world, scheme));
  } catch (error) {
    return error as Error;
  } finally {
    await context.close();
  }
}

function printTable(rows: Row[]) {
  const cell = (v: number | undefined, unit = "") => (v === undefined || Number.isNaN(v) ? "-" : `${Math.round(v)}${unit}`);
  const axeCell = (f: AxeFinding[] | Error | undefined) => (f === undefined ? "-" : f instanceof Error ? "error" : String(f.length));
  const header = ["page type", "perf", "a11y", "best pr.", "SEO", "LCP", "TBT", "DOM", "axe light/dark"];
  const lines = rows.map((r) => [
    r.pageType.name,
    cell(r.lighthouse?.performance),
    cell(r.lighthouse?.accessibility),
    cell(r.lighthouse?.bestPractices),
    cell(r.lighthouse?.seo),
    r.lighthouse ? `${(r.lighthouse.lcpMs / 1000).toFixed(1)} s` : "-",
    cell(r.lighthouse?.tbtMs, " ms"),
    cell(r.lighthouse?.domElements),
    `${axeCell(r.axe.light)} / ${axeCell(r.axe.dark)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const l of lines) console.log(format(l));
}

function printDetails(rows: Row[]) {
  for (const r of rows) {
    const failing = r.lighthouse?.failing ?? [];
    if (failing.length) console.log(`\n${r.pageType.name}: Lighthouse audits not passed: ${failing.join(", ")}`);
    for (const scheme of ["light", "dark"] as const) {
      const found = r.axe[scheme];
      if (found instanceof Error) console.log(`\n${r.pageType.name} (${scheme}): axe could not run: ${found.message}`);
      else if (found?.length) {
        console.log(`\n${r.pageType.name} (${scheme}): ${summariseFindings(found)}`);
        for (const f of found) console.log(`  - ${f.rule} (${f.impact}) ${f.target}\n    ${f.html}\n    ${f.detail}`);
      }
    }
  }
}

async function main() {
  const pageTypes = selectPageTypes(ONLY);
  let baseUrl = process.env.BENCH_BASE_URL;
  let server: ReturnType<typeof startProductionServer> | undefined;
  if (!baseUrl) {
    const port = Number(process.env.BENCH_PORT ?? 3120);
    server = startProductionServer(port);
    baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/`, 120_000, server);
  }
  const browser = await launchBrowser();
  const chrome = WITH_LIGHTHOUSE
    ? await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] })
    : undefined;
  try {
    const world = await setUpAuditWorld(browser, baseUrl);
    const startLoad = loadavg()[0];
    const rows: Row[] = [];
    for (const pageType of pageTypes) {
      const row: Row = { pageType, axe: {} };
      // Lighthouse refuses to score a page that answers an error status (the 404 page): axe only there.
      if (chrome && (pageType.status ?? 200) === 200) row.lighthouse = await lighthouseRuns(chrome.port, world, pageType);
      if (WITH_AXE) for (const scheme of ["light", "dark"] as const) row.axe[scheme] = await axeIn(browser, world, pageType, scheme);
      rows.push(row);
      process.stderr.write(`  ${pageType.name} done\n`);
    }
    const endLoad = loadavg()[0];
    console.log(
      `\nLighthouse ${RUNS > 1 ? `median of ${RUNS} runs` : "1 run"} (mobile, simulated throttling), axe-core WCAG 2.1 AA + best practices; ` +
        `load average ${startLoad.toFixed(1)} at the start, ${endLoad.toFixed(1)} at the end (2 cores).\n`,
    );
    printTable(rows);
    printDetails(rows);
    const total = rows.reduce((n, r) => n + [r.axe.light, r.axe.dark].reduce((m, f) => m + (Array.isArray(f) ? f.length : 0), 0), 0);
    console.log(`\naxe: ${total} violating element(s) on ${rows.length * (WITH_AXE ? 2 : 0)} audits.`);
  } finally {
    await browser.close();
    chrome?.kill();
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
