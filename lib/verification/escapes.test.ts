/**
 * Escape attempts against the server's verification, on a real database (PGlite locally,
 * PostgreSQL with TEST_DATABASE_URL). Each is posted as a run that CLAIMS to pass every test;
 * each must end as a verified fail or an error, count for nothing, and leave the server
 * serving: the database answers and the next honest run is verified as a pass.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { claimedPass } from "@/tests/support/claimed-runs";
import { recordAttempt } from "@/lib/exercises/attempts";
import { getProgress } from "@/lib/exercises/progress";
import { verifyAttempt } from "./verify-attempt";

let t: TestDatabase;
let userId: string;

beforeAll(async () => {
  t = await startTestDatabase(4);
  userId = (await t.db.user.create({ data: { email: `escape-${randomUUID()}@example.test`, name: "Mallory" } })).id;
});
afterAll(async () => {
  await t?.stop();
});

const solution = readFileSync(path.join(__dirname, "..", "..", "exercises", "softmax", "solution.ts"), "utf8");

/** Records `code` for softmax with a forged "12 / 12 passed" claim, verifies it, returns the stored row. */
async function submitAndVerify(code: string) {
  const { attemptId } = await recordAttempt(t.db, userId, "softmax", claimedPass(code));
  await verifyAttempt(t.db, attemptId);
  return t.db.exerciseAttempt.findUniqueOrThrow({ where: { id: attemptId } });
}

const ESCAPES: { name: string; code: string; expect: RegExp }[] = [
  { name: "reading a file", code: `import { readFileSync } from "fs";\nexport function softmax(x) { return readFileSync("/etc/passwd", "utf8"); }`, expect: /Only @tensorflow\/tfjs can be imported/ },
  { name: "process.env", code: `export function softmax(x) { return process.env.DATABASE_URL; }`, expect: /'process' is not defined/ },
  { name: "require", code: `export function softmax(x) { return require("child_process").execSync("id"); }`, expect: /Only @tensorflow\/tfjs can be imported/ },
  { name: "import()", code: `export async function softmax(x) { return (await import("node:fs")).readFileSync("/etc/passwd"); }`, expect: /Only @tensorflow\/tfjs can be imported/ },
  {
    name: "import() hidden from the source scan",
    code: `let fs = null;\n(0, eval)("import('node:fs')").then((m) => { fs = m; }, () => {});\nexport function softmax(x) { if (fs) return fs.readFileSync("/etc/passwd", "utf8"); throw new Error("no file system here"); }`,
    expect: /no file system here/,
  },
  { name: "fetch", code: `export function softmax(x) { fetch("http://127.0.0.1:55432/"); return x; }`, expect: /'fetch' is not defined/ },
  { name: "the Function constructor", code: `export function softmax(x) { return globalThis.constructor.constructor("return process")().env; }`, expect: /'process' is not defined/ },
  {
    name: "prototype pollution of the harness's objects",
    code: `Array.prototype.push = function () { return 0; };\nexport function softmax(x) { return x; }`,
    expect: /read only property 'push'/,
  },
  {
    name: "forging the harness's result object",
    code: `Object.defineProperty(Object.prototype, "status", { get() { return "pass"; } });\nJSON.stringify = () => '{"passed":true,"tests":[]}';\nexport function softmax(x) { return x; }`,
    expect: /not extensible|read-only/,
  },
  { name: "while (true)", code: `export function softmax(x) { while (true) {} }`, expect: /10 s time limit/ },
  { name: "allocating 2 GB", code: `export function softmax(x) { const big = new Float64Array(256 * 1024 * 1024); big[1] = 1; return x; }`, expect: /out of memory|invalid array buffer length/ },
  {
    name: "allocating 2 GB in small pieces",
    code: `export function softmax(x) { const keep = []; for (let i = 0; i < 32; i++) keep.push(new Float64Array(8 * 1024 * 1024)); return x; }`,
    expect: /out of memory|memory limit/,
  },
  { name: "deep recursion", code: `function down(n) { return down(n + 1) + 1; }\nexport function softmax(x) { return down(0); }`, expect: /stack overflow|recursed too deeply/ },
];

describe(`escape attempts end as a verified fail or an error (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it.each(ESCAPES)("$name", async ({ code, expect: message }) => {
    const row = await submitAndVerify(code);
    expect(["verified_fail", "error"]).toContain(row.status);
    expect(row.passed).toBe(false);
    expect(row.claimedPassed).toBe(true);
    const results = (row.results ?? []) as { message?: string; output?: string[] }[];
    const shown = [row.verifyMessage ?? "", ...results.flatMap((r) => [r.message ?? "", ...(r.output ?? [])])].join("\n");
    expect(shown).toMatch(message);
    expect(shown).not.toMatch(/loaded fs|root:/);
    // The server still serves: the database answers and the learner's progress shows no pass.
    const progress = await getProgress(t.db, userId, "softmax");
    expect(progress.completed).toBe(false);
  });

  it("still verifies an honest run after every escape attempt", async () => {
    const row = await submitAndVerify(solution);
    expect(row.status).toBe("verified_pass");
    expect(row.testsPassed).toBe(row.testsTotal);
    expect((await getProgress(t.db, userId, "softmax")).completed).toBe(true);
  });
});
