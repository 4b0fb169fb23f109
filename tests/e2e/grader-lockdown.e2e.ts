/**
 * Probe findings (issue #14) in Chromium, from the editor, as a signed-in learner: learner code in
 * the grader worker reaches nothing (no same-origin API with the learner's cookies by any route,
 * no storage, no other tabs, no forged messages to the page), and cannot rewrite the harness's
 * bookkeeping. Each escape runs from a pasted exercise solution; its outcome is written to the
 * worker's real console, which the test reads. Any escape request that still leaves the browser
 * must be refused by the server.
 */
import { describe, expect, it } from "@jest/globals";
import type { ConsoleMessage, Locator } from "playwright-core";
import { signUpThroughPage, uniqueEmail } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { openExercise, setCode } from "./support/editor";

/** name -> an expression whose value (or promise) is what the escape got. */
const ESCAPES: Record<string, string> = {
  "fetch": `fetch("/api/me?escape=fetch").then((r: any) => r.text())`,
  "prototype fetch": `Object.getPrototypeOf(Object.getPrototypeOf(globalThis)).fetch.call(globalThis, "/api/me?escape=proto-fetch")`,
  "eval import() of a JSON API": `(0, eval)("import('/api/me?escape=eval-import', { with: { type: 'json' } })")`,
  "Function import() of a JSON API": `new Function("return import('/api/me?escape=function-import', { with: { type: 'json' } })")()`,
  "import() of a data: module": `(0, eval)("import('data:text/javascript,export default 1')")`,
  "sync XMLHttpRequest": `(() => { const x = new XMLHttpRequest(); x.open("GET", "/api/me?escape=xhr", false); x.send(); return x.responseText; })()`,
  "WebSocket": `new WebSocket("ws://" + location.host + "/api/me?escape=ws")`,
  "WebSocketStream": `new (globalThis as any).WebSocketStream("ws://" + location.host + "/api/me?escape=wss")`,
  "EventSource": `new EventSource("/api/me?escape=sse")`,
  "importScripts": `(globalThis as any).importScripts("/api/me?escape=importScripts")`,
  "navigator.storage": `(navigator as any).storage.estimate()`,
  "indexedDB": `indexedDB.open("escape")`,
  "caches": `caches.open("escape")`,
  "BroadcastChannel": `new BroadcastChannel("academy")`,
  "a nested Worker": `new Worker("/api/me?escape=worker")`,
  "postMessage a forged result": `(globalThis as any).postMessage({ type: "result", runId: "x", testsTotal: 1, report: { passed: true, tests: [] } })`,
  "listening for the next run": `(globalThis as any).addEventListener("message", () => undefined)`,
};

function escapeModule(): string {
  const attempts = Object.entries(ESCAPES)
    .map(([name, expr]) => `attempt(${JSON.stringify(name)}, () => ${expr});`)
    .join("\n");
  return `import * as tf from "@tensorflow/tfjs";
const realConsole = (globalThis as any).console;
function attempt(name: string, run: () => unknown) {
  Promise.resolve()
    .then(run)
    .then(
      (value: any) => realConsole.log("ESCAPE " + name + " => REACHED " + String(value && (value.constructor?.name ?? value)).slice(0, 80)),
      (error: any) => realConsole.log("ESCAPE " + name + " => blocked (" + String(error && (error.name ?? error)).slice(0, 40) + ")"),
    );
}
${attempts}
export function softmax(logits: tf.Tensor): tf.Tensor {
  return logits;
}
`;
}

const PUSH_PATCH = `import * as tf from "@tensorflow/tfjs";
const push = Array.prototype.push;
try {
  Array.prototype.push = function (this: unknown[], ...items: any[]) {
    for (const item of items) if (item && typeof item === "object" && "status" in item) { item.status = "pass"; delete item.message; }
    return push.apply(this, items);
  };
} catch {
  // frozen: nothing to do
}
export function softmax(logits: tf.Tensor): tf.Tensor {
  return (logits as any)["soft" + "max"]();
}
`;

const chromium = chromiumForFile();

async function runAndWait(card: Locator, expected: RegExp, timeout = 150_000) {
  await card.getByRole("button", { name: "Run tests" }).click();
  await card.getByTestId("run-summary").filter({ hasText: expected }).first().waitFor({ timeout });
}

describe("the grader worker reaches nothing", () => {
  it("every escape from the editor fails, the server sees none, and the worker's script carries connect-src 'none'", async () => {
    const { context, page } = await chromium.page();
    // Requests an escape got out of the browser, and what the server answered (it must refuse them all).
    const escapeAnswers: string[] = [];
    context.on("response", (response) => {
      if (response.url().includes("escape=")) escapeAnswers.push(`${response.status()} ${new URL(response.url()).search}`);
    });
    const outcomes = new Map<string, string>();
    const workerUrls: string[] = [];
    page.on("worker", (worker) => {
      workerUrls.push(worker.url());
      worker.on("console", (message: ConsoleMessage) => {
        const match = /^ESCAPE (.+) => (.*)$/.exec(message.text());
        if (match) outcomes.set(match[1], match[2]);
      });
    });
    page.on("console", (message) => {
      const match = /^ESCAPE (.+) => (.*)$/.exec(message.text());
      if (match) outcomes.set(match[1], match[2]);
    });
    await signUpThroughPage(page, "Escape Tester", uniqueEmail("escape"), "escape-pass-1");
    await page.goto("/learn/transformer/self-attention");
    const card = await openExercise(page, "softmax");

    await setCode(page, card, escapeModule());
    await runAndWait(card, /^\d+ \/ 12 tests passed$/);
    const deadline = Date.now() + 30_000;
    while (outcomes.size < Object.keys(ESCAPES).length && Date.now() < deadline) await page.waitForTimeout(200);
    const reached = Object.keys(ESCAPES).map((name) => `${name}: ${outcomes.get(name) ?? "no outcome"}`);
    expect(reached.filter((line) => !/: blocked \(/.test(line))).toEqual([]);
    expect(escapeAnswers.filter((answer) => !answer.startsWith("403 "))).toEqual([]);
    console.log(`escape requests that left the worker (each refused): ${escapeAnswers.join(", ") || "none"}`);

    // The policy comes with the worker's own script.
    const graderUrl = workerUrls.find((url) => url.includes("/_next/static/"));
    expect(graderUrl).toBeDefined();
    const policy = (await page.request.get(graderUrl!)).headers()["content-security-policy"] ?? "";
    expect(policy).toContain("connect-src 'none'");

    // The harness cannot be fooled from inside: a patched push and a computed softmax still fail.
    await setCode(page, card, PUSH_PATCH);
    await runAndWait(card, /^([0-9]|1[01]) \/ 12 tests passed$/);
    await card.locator('li[data-status="error"]').first().filter({ hasText: /softmax\(\) \(the chained form of tf\.softmax\) is not allowed/ }).waitFor();
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 600_000);
});
