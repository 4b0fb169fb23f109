#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest.
 *   1. content check (lessons, quizzes, exercises, code blocks), then lint (ESLint: Next.js,
 *      TypeScript, react-hooks and the architecture's import boundaries)
 *   2. database: migrations and schema agree (no drift)
 *   3. unit + integration tests (Jest), integration on the embedded database (PGlite)
 *   4. integration tests again on PostgreSQL, when TEST_DATABASE_URL is set (CI sets it)
 *   5. production build (`npm run build`: `next build` and the editor's compile hints), then end-to-end tests in Chromium against it
 * Ends with one line "N passed, N failed". Options: --no-e2e, --no-build (reuse .next).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = mkdtempSync(path.join(tmpdir(), "academy-test-"));
let passed = 0;
let failed = 0;
const failures = [];

function step(title, command, commandArgs, env = {}) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`━━ ${title}: ${result.status === 0 ? "ok" : "FAILED"} (${seconds} s)`);
  return result.status === 0;
}

function countStep(title, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

function jestStep(title, jestArgs, env = {}) {
  const report = path.join(out, `${title.replace(/\W+/g, "-")}.json`);
  const ok = step(title, "npx", ["jest", "--json", `--outputFile=${report}`, ...jestArgs], env);
  if (!existsSync(report)) {
    countStep(title, false);
    return;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load has no failed tests but must still fail the run.
  const brokenSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")).length;
  failed += brokenSuites;
  if (r.numFailedTests || brokenSuites || !ok) failures.push(title);
  if (r.numPendingTests || r.numTodoTests) {
    console.error(`${title}: ${r.numPendingTests + r.numTodoTests} skipped/todo tests: not allowed`);
    failed += r.numPendingTests + r.numTodoTests;
  }
}

countStep("content check", step("content check", "npx", ["tsx", "scripts/content-check.ts"]));
countStep("lint", step("lint", "npm", ["run", "lint", "--silent"]));
countStep("migrations match the schema", step("migrations match the schema", "npx", ["tsx", "scripts/db.ts", "check"]));
jestStep("unit and integration tests (embedded PGlite)", []);

if (process.env.TEST_DATABASE_URL) {
  // Every test file that opens the test database, through any of the helpers in tests/support.
  const helpers = "startTestDatabase|setUpTestDatabase|setUpRouteTest";
  const grep = spawnSync("git", ["grep", "-l", "-E", helpers, "--", "*.test.ts", "*.test.tsx"], { cwd: root, encoding: "utf8" });
  const files = grep.stdout.split("\n").filter((f) => f && !f.startsWith("tests/support/"));
  if (files.length) jestStep("integration tests (PostgreSQL)", files, { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
} else if (process.env.CI) {
  console.error("CI is set but TEST_DATABASE_URL is not: the PostgreSQL run is required in CI.");
  countStep("integration tests (PostgreSQL)", false);
}

if (!args.has("--no-e2e")) {
  const built = args.has("--no-build") && existsSync(path.join(root, ".next", "BUILD_ID"));
  const buildOk = built || step("production build", "npm", ["run", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  countStep("production build", buildOk);
  if (buildOk) jestStep("end-to-end tests (Chromium)", ["-c", "jest.e2e.config.mjs"]);
}

console.log("");
if (failures.length) console.log(`Failed: ${failures.join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
