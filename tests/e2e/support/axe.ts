/**
 * axe-core in a real page: the library is read from node_modules and evaluated in the page through
 * the DevTools protocol (no network, and the site's Content-Security-Policy is left as it is), then
 * run with the rules of WCAG 2.1 A and AA plus axe's best practices.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let axeSource: string | undefined;
const axeScript = () => (axeSource ??= readFileSync(path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8"));

/** One failing element of one rule, with what a developer needs to find and fix it. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  target: string;
  /** axe's own explanation for this element, e.g. the measured contrast ratio and colours. */
  detail: string;
  html: string;
}

export async function runAxe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axeScript());
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  )) as AxeResults;
  return results.violations.flatMap((violation: Result) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: node.impact ?? violation.impact ?? "unknown",
      help: violation.help,
      target: node.target.map(String).join(" >> "),
      detail: (node.failureSummary ?? "").replace(/\s+/g, " ").trim(),
      html: node.html.length > 160 ? `${node.html.slice(0, 157)}...` : node.html,
    })),
  );
}

/** A readable list: one finding a paragraph (rule, impact, selector, the element, why it fails). */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `- ${f.rule} (${f.impact}): ${f.help}\n  at ${f.target}\n  ${f.html}\n  ${f.detail}`)
    .join("\n");
}

/** Counts of findings per rule, e.g. "color-contrast x3, region x1". */
export function summariseFindings(findings: AxeFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule} x${n}`).join(", ");
}
