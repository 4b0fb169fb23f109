import { launchBrowser } from "./tests/e2e/support/browser";
const base = process.env.BASE!;
(async () => {
  const browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: base, locale: "zh-CN", viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  for (const [name, url] of [["lesson", "/zh/learn/transformer/self-attention"], ["lesson-tokenization", "/zh/learn/language-models/tokenization"]]) {
    await page.goto(url, { timeout: 120_000 });
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/zh5shots/${name}-top.png` });
    await page.screenshot({ path: `/tmp/zh5shots/${name}-full.png`, fullPage: true });
  }
  await browser.close();
})();
