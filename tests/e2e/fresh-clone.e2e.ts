/**
 * The README's promise, tested as a newcomer would live it: clone the repository into an empty
 * folder, run the README's FIRST command exactly as written, wait for the site, sign up through
 * the page, sign out, sign in again and see your name; stop the server, start it again, and the
 * account is still there (the embedded database kept it).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, signInThroughPage, signUpThroughPage, uniqueEmail } from "./support/browser";
import { waitForHttp } from "./support/server";

const ROOT = path.resolve(__dirname, "..", "..");
const PORT = 3200;
const SITE = `http://localhost:${PORT}`;
const DEV_COMPILE_MS = 240_000;

/** The first command of the README: the first shell block under "Quick start". */
function readmeFirstCommand(): string {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const quickStart = readme.split(/^## Quick start/m)[1];
  const block = /```(?:sh|bash)\n([^\n]+)\n/.exec(quickStart ?? "");
  if (!block) throw new Error("README.md has no ```sh block under '## Quick start'");
  return block[1].trim();
}

let browser: Browser;
let clone: string;
let server: ChildProcess | undefined;

function startSite(command: string): ChildProcess {
  // PORT picks the port `next dev` listens on; everything else is the README's command verbatim.
  return spawn("bash", ["-c", command], { cwd: clone, env: { ...process.env, PORT: String(PORT), CI: "" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
}

async function stopSite() {
  if (!server?.pid) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  process.kill(-server.pid, "SIGINT");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  server = undefined;
}

beforeAll(async () => {
  browser = await launchBrowser();
  clone = mkdtempSync(path.join(tmpdir(), "academy-clone-"));
  // A clean clone of what is committed (not the working tree).
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", ROOT, clone]);
}, 120_000);

afterAll(async () => {
  await stopSite();
  await browser?.close();
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("a fresh clone, started with the README's first command", () => {
  it("serves the site, keeps an account across a restart", async () => {
    const command = readmeFirstCommand();
    expect(command).toMatch(/^npm /);
    let log = "";
    server = startSite(command);
    server.stdout!.on("data", (d) => (log += d));
    server.stderr!.on("data", (d) => (log += d));
    try {
      await waitForHttp(`${SITE}/`, 600_000, server);
    } catch (error) {
      console.error(log.slice(-4000));
      throw error;
    }
    expect(log).toContain("[db] creating the embedded database");
    expect(log).toMatch(/learner@example\.com\s+learner-demo-1/);

    const email = uniqueEmail("clone");
    let context = await newContext(browser, SITE);
    let page = await context.newPage();
    // `next dev` compiles each page on its first visit: minutes on a busy 2-core machine.
    page.setDefaultTimeout(DEV_COMPILE_MS);
    await signUpThroughPage(page, "Grace Hopper", email, "grace-hopper-cobol-59", DEV_COMPILE_MS);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await signInThroughPage(page, email, "grace-hopper-cobol-59", DEV_COMPILE_MS);
    expect(await page.getByTestId("user-name").textContent()).toBe("Grace Hopper");
    expect(context.foreignRequests).toEqual([]);
    await context.close();

    await stopSite();
    log = "";
    server = startSite(command);
    server.stdout!.on("data", (d) => (log += d));
    server.stderr!.on("data", (d) => (log += d));
    await waitForHttp(`${SITE}/`, 300_000, server);
    expect(log).toContain("[db] opening the embedded database");

    context = await newContext(browser, SITE);
    page = await context.newPage();
    page.setDefaultTimeout(DEV_COMPILE_MS);
    await signInThroughPage(page, email, "grace-hopper-cobol-59", DEV_COMPILE_MS);
    expect(await page.getByTestId("user-name").textContent()).toBe("Grace Hopper");
    await context.close();
  }, 1_200_000);
});
