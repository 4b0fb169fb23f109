/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 * In CI (CI=true) a missing Chromium is a failure, not a skip.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error("Chromium not found. Install it with `apt-get install -y chromium` or set CHROMIUM_PATH. End-to-end tests cannot run without it.");
  }
  return found;
}

/** The flags every test browser runs with (bench/lighthouse-axe.ts gives Lighthouse's Chromium the same). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** A fresh context (own cookies and storage) that records every request to a host other than the site. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext & { foreignRequests: string[] }> {
  const context = (await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })) as BrowserContext & { foreignRequests: string[] };
  const origin = new URL(baseURL).origin;
  context.foreignRequests = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) context.foreignRequests.push(url);
  });
  return context;
}

export function screenshotDir(): string {
  const dir = path.join(process.cwd(), "tests", "e2e", "screenshots");
  return existsSync(dir) ? dir : mkdtempSync(path.join(tmpdir(), "e2e-shots-"));
}

/** Signs in through the real form. */
/** `timeout`: how long the redirect after the form may take (a dev server compiles the next page first). */
export async function signInThroughPage(page: Page, email: string, password: string, timeout = 60_000) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout });
}

export async function signUpThroughPage(page: Page, name: string, email: string, password: string, timeout = 60_000) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create your account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"), { timeout });
}

/** Waits for a locator and returns it; on failure keeps a screenshot (`<name>-failure-N.png`) of what the user saw. */
export function seer(name: string, defaultTimeout = 120_000) {
  let shots = 0;
  return async (locator: Locator, timeout = defaultTimeout): Promise<Locator> => {
    try {
      await locator.first().waitFor({ timeout });
      return locator.first();
    } catch (error) {
      const file = path.join(screenshotDir(), `${name}-failure-${++shots}.png`);
      await locator.page().screenshot({ path: file, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nScreenshot: ${file}`);
    }
  };
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

/** The server's verdict on one run (`status` of GET /api/exercises/<id>/runs/<clientRunId>), once its verification worker has given one, or "pending" after a minute. */
export async function runVerdict(page: Page, exerciseId: string, clientRunId: string): Promise<string> {
  return page.evaluate(async (url) => {
    const until = Date.now() + 60_000;
    let status = "pending";
    while (status === "pending" && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      status = ((await (await fetch(url)).json()) as { status: string }).status;
    }
    return status;
  }, `/api/exercises/${exerciseId}/runs/${clientRunId}`);
}
