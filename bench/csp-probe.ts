/**
 * What a page's Content-Security-Policy lets run: opens pages in Chromium and counts CSP
 * violations, inline scripts and those carrying a nonce, and whether the page's JavaScript
 * started (the session store asks /api/auth/session once hydrated). Used for
 * docs/decisions/021-script-src-nonce.md against the build and against an experiment build with
 * a nonce proxy.
 *
 *   BENCH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/csp-probe.ts [/path ...]
 */
import { launchBrowser } from "../tests/e2e/support/browser";

const base = (process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/learn/foundations/what-is-ai", "/sign-in"];

async function main() {
  const browser = await launchBrowser();
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text().slice(0, 160));
      });
      let hydrated = false;
      page.on("request", (r) => {
        if (r.url().includes("/api/auth/session")) hydrated = true;
      });
      const response = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      const csp = response?.headers()["content-security-policy"] ?? "";
      const scripts = await page.evaluate(() =>
        Array.from(document.querySelectorAll("script")).map((s) => ({ inline: !s.src, nonce: Boolean(s.nonce), bytes: s.textContent?.length ?? 0 })),
      );
      const inline = scripts.filter((s) => s.inline);
      const second = await (await fetch(`${base}${path}`)).text();
      const third = await (await fetch(`${base}${path}`)).text();
      console.log(
        `${path}: script-src "${csp.match(/script-src [^;]*/)?.[0].replace(/nonce-[^']+/, "nonce-…") ?? "none"}"; ` +
          `${inline.length} inline scripts (${inline.reduce((n, s) => n + s.bytes, 0)} chars), ${scripts.filter((s) => s.nonce).length} with a nonce; ` +
          `${violations.length} CSP violations; JavaScript ran: ${hydrated}; two fetches identical: ${second === third}`,
      );
      if (violations[0]) console.log(`  first violation: ${violations[0]}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
