/**
 * axe-core (WCAG 2.1 A and AA, and axe's best practices) on every kind of page, light and dark:
 * no violation allowed. The pages are in the state a person sees them in: signed in as who may
 * open them, scrolled through (so figures and quizzes that load near the viewport are there), an
 * exercise opened with its test results shown, a quiz submitted with its review shown.
 * Lighthouse's scores for the same pages are printed by bench/lighthouse-axe.ts (not asserted).
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { describeFindings, runAxe } from "./support/axe";
import { screenshotDir } from "./support/browser";
import { chromiumForFile } from "./support/chromium";
import { auditContext, openPageType, PAGE_TYPES, setUpAuditWorld, type AuditWorld, type ColorScheme } from "./support/page-types";
import { baseUrl } from "./support/server";

const chromium = chromiumForFile();
let world: AuditWorld;
beforeAll(async () => {
  world = await setUpAuditWorld(chromium.browser, baseUrl());
}, 300_000);

const SCHEMES: ColorScheme[] = ["light", "dark"];

describe("accessibility (axe-core)", () => {
  for (const pageType of PAGE_TYPES) {
    for (const scheme of SCHEMES) {
      it(`${pageType.name}, ${scheme}: no violations`, async () => {
        const context = await auditContext(chromium.browser, world, pageType.role, scheme);
        try {
          const page = await openPageType(context, pageType, world, scheme);
          const findings = await runAxe(page);
          let report = "";
          if (findings.length) {
            const shot = `${screenshotDir()}/a11y-${pageType.name.replace(/\W+/g, "-")}-${scheme}.png`;
            await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
            report = `${findings.length} axe violation(s) on ${pageType.name} (${scheme}, ${page.url()}):\n${describeFindings(findings)}\nScreenshot: ${shot}`;
          }
          // On failure Jest prints the report: rule, impact, selector, element and why, one finding a paragraph.
          expect(report).toBe("");
        } finally {
          await context.close();
        }
      }, 300_000);
    }
  }
});
