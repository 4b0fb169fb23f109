/**
 * The grader on its own, built the way a production bundle is (minified ESM, code-split specs)
 * with esbuild instead of `next build`, served with the site's production Content-Security-Policy
 * from next.config.mjs, and timed in Chromium:
 *   - the worker's JavaScript (gzip): what the first run downloads
 *   - cold run: new worker + tfjs (CPU backend) + spec + grading, from the page's call to the report
 *   - warm run: median of 10 further runs
 * for the softmax and scaled-dot-product-attention reference solutions. It also proves the CSP
 * split works: the page policy has no 'unsafe-eval', the worker's does, and grading (which
 * evaluates the learner's code with `new Function`) succeeds.
 *
 *   npx tsx bench/exercise-grader-standalone.ts
 * Needs no running site and no `next build`; use bench/exercise-grading.ts for the full page.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { launchBrowser, newContext } from "../tests/e2e/support/browser";
import { median } from "./stats";

const ROOT = process.cwd();
const WARM_RUNS = 10;
const EXERCISES = ["softmax", "scaled-dot-product-attention"];

/** The page and worker policies exactly as next.config.mjs sends them in production. */
async function productionPolicies(): Promise<{ page: string; worker: string }> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const config = (await import(path.join(ROOT, "next.config.mjs"))).default as { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
  const rules = await config.headers();
  const csp = (source: string) => rules.find((r) => r.source === source)?.headers.find((h) => h.key === "Content-Security-Policy")?.value;
  const page = csp("/((?!_next/static).*)");
  const worker = csp("/_next/static/:path*");
  if (!page || !worker) throw new Error("next.config.mjs no longer has the page / static CSP rules this bench mirrors");
  return { page, worker };
}

const PAGE_ENTRY = `
import { GraderClient } from "./lib/grading/worker/grader-client";
const client = (workerUrl) => new GraderClient({ createWorker: () => new Worker(workerUrl, { type: "module" }), timeLimitMs: 5000 });
let current = client("/static/grader.worker.js");
// pagePolicyOnWorker: serve the worker with the page's policy (no 'unsafe-eval'), as a control.
window.grade = async (id, source, fresh, pagePolicyOnWorker) => {
  if (fresh) { current.dispose(); current = client("/static/grader.worker.js" + (pagePolicyOnWorker ? "?csp=page" : "")); }
  const started = performance.now();
  const outcome = await current.run(id, source);
  const ms = performance.now() - started;
  if (outcome.kind !== "report") return { ms, passed: false, detail: outcome.message };
  const failing = outcome.report.tests.find((t) => t.status !== "pass");
  return { ms, passed: outcome.report.passed, detail: failing ? failing.message : outcome.report.tests.length + " tests, " + outcome.report.durationMs.toFixed(1) + " ms grading in the worker" };
};
// Checked when the page loads (not from the test driver, whose evaluations the browser exempts from CSP).
window.evalAllowedInPage = (() => { try { new Function("return 1")(); return true; } catch { return false; } })();
`;

async function bundle(outdir: string) {
  await build({
    entryPoints: { "grader.worker": path.join(ROOT, "lib/grading/worker/grader.worker.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    target: "es2022",
    platform: "browser",
    outdir: path.join(outdir, "static"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    outfile: path.join(outdir, "static", "page.js"),
    logLevel: "error",
  });
  writeFileSync(path.join(outdir, "index.html"), '<!doctype html><meta charset="utf-8"><title>grader</title><script type="module" src="/static/page.js"></script>');
}

function serve(dir: string, policies: { page: string; worker: string }): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = path.join(dir, url.pathname === "/" ? "index.html" : url.pathname);
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      const isScript = file.endsWith(".js");
      response.writeHead(200, {
        "Content-Type": isScript ? "text/javascript" : "text/html",
        // As on the site: scripts under /static get the worker policy, pages the page policy.
        "Content-Security-Policy": url.pathname.startsWith("/static/") && url.searchParams.get("csp") !== "page" ? policies.worker : policies.page,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "grader-bench-"));
  const policies = await productionPolicies();
  const builtAt = Date.now();
  await bundle(dir);
  const buildMs = Date.now() - builtAt;
  const files = readdirSync(path.join(dir, "static")).filter((f) => f.endsWith(".js") && f !== "page.js");
  const gz = (f: string) => gzipSync(readFileSync(path.join(dir, "static", f))).length;
  const workerEntry = gz("grader.worker.js");
  const chunks = files.filter((f) => f !== "grader.worker.js");
  console.log(`grader bundle (esbuild, minified, built in ${buildMs} ms): worker entry ${(workerEntry / 1024).toFixed(0)} KB gzip; ${chunks.length} split chunks, ${(chunks.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(0)} KB gzip together (${(statSync(path.join(dir, "static", "grader.worker.js")).size / 1024).toFixed(0)} KB raw entry)`);

  const { server, url } = await serve(dir, policies);
  const browser = await launchBrowser();
  const context = await newContext(browser, url);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await page.waitForFunction(() => typeof (window as unknown as { grade?: unknown }).grade === "function");
  const evalInPage = await page.evaluate(() => (window as unknown as { evalAllowedInPage: boolean }).evalAllowedInPage);
  console.log(`CSP: page policy allows eval: ${evalInPage ? "YES (unexpected)" : "no"}; worker policy: ${policies.worker}`);

  type Result = { ms: number; passed: boolean; detail: string };
  const gradeIn = (id: string, source: string, fresh: boolean, pagePolicyOnWorker = false) =>
    page.evaluate(
      (a) => (window as unknown as { grade(i: string, s: string, f: boolean, p: boolean): Promise<Result> }).grade(a.id, a.source, a.fresh, a.pagePolicyOnWorker),
      { id, source, fresh, pagePolicyOnWorker },
    );
  const control = await gradeIn("softmax", readFileSync(path.join(ROOT, "exercises", "softmax", "solution.ts"), "utf8"), true, true);
  console.log(`control, worker served with the page policy instead: passed ${control.passed}; ${control.detail.slice(0, 120)}`);

  for (const id of EXERCISES) {
    const source = readFileSync(path.join(ROOT, "exercises", id, "solution.ts"), "utf8");
    const grade = (fresh: boolean) => gradeIn(id, source, fresh);
    const cold = await grade(true);
    const warm: number[] = [];
    let last = cold;
    for (let i = 0; i < WARM_RUNS; i++) {
      last = await grade(false);
      warm.push(last.ms);
    }
    console.log(`  ${id}`);
    console.log(`    cold run          ${cold.ms.toFixed(0).padStart(6)} ms   (budget 1500)  passed: ${cold.passed}; ${cold.detail}`);
    console.log(`    warm run, median  ${median(warm).toFixed(1).padStart(6)} ms   (budget 150)   of ${WARM_RUNS}: ${warm.map((ms) => ms.toFixed(0)).join(", ")}; passed: ${last.passed}`);
  }
  if (errors.length) console.log(`page errors: ${errors.join("; ")}`);
  console.log(`requests to other hosts: ${context.foreignRequests.length}`);
  await browser.close();
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
