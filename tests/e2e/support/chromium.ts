/**
 * The Chromium of one e2e test file: launched before its tests, closed after them. Jest hooks, so
 * a module of its own: the benches (bench/*.ts, run by tsx) import ./browser, which has none.
 */
import { afterAll, beforeAll } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext } from "./browser";
import { newPage } from "./editor";
import { baseUrl } from "./server";

/** Call once, at the top level of a test file; the browser is there from its first beforeAll on. */
export function chromiumForFile() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const running = (): Browser => {
    if (!browser) throw new Error("Chromium is not running yet: use it in a test or a hook, after chromiumForFile()");
    return browser;
  };
  return {
    get browser(): Browser {
      return running();
    },
    /** A fresh context on the site under test (see newContext: it records requests that leave the site). */
    context: () => newContext(running(), baseUrl()),
    /** A fresh context as above, and a page in it set up for the exercise editor (see newPage). */
    async page() {
      const context = await newContext(running(), baseUrl());
      return { context, page: await newPage(context) };
    },
  };
}
