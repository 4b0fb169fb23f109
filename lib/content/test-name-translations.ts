/**
 * Exercise test names in translation (decision 028): exercises/<id>/<locale>/tests.json maps each
 * English test name of exercises/<id>/spec.ts to its translation (plus optional message templates).
 * Keyed by the English text, so renaming a test in the spec shows up here as a missing name.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Exercise id -> the English test names of its spec, in spec order. */
export type SpecTestNames = Record<string, string[]>;

export const testsFile = (id: string, locale: string) => `exercises/${id}/${locale}/tests.json`;

/** The English test names of every exercises/<id>/spec.ts, read by loading the spec as the grader does. */
export async function loadSpecTestNames(root: string): Promise<SpecTestNames> {
  const exercises = path.join(root, "exercises");
  const names: SpecTestNames = {};
  const ids = existsSync(exercises) ? readdirSync(exercises).filter((n) => existsSync(path.join(exercises, n, "spec.ts"))).sort() : [];
  for (const id of ids) {
    const loaded = (await import(pathToFileURL(path.join(exercises, id, "spec.ts")).href)) as { default?: { tests?: { name: string }[] } };
    names[id] = (loaded.default?.tests ?? []).map((t) => t.name);
  }
  return names;
}

/** exercises/<id>/<locale>/tests.json against the spec's test names: { tests: { [English]: translated }, messages? }. */
export function testNameProblems(root: string, locale: string, id: string, english: string[]): { errors: string[]; warnings: string[] } {
  const file = testsFile(id, locale);
  const full = path.join(root, file);
  if (!existsSync(full)) return { errors: [`${file}: missing (the ${locale} test names of exercises/${id}/spec.ts)`], warnings: [] };
  const text = readFileSync(full, "utf8");
  let parsed: { tests?: unknown; messages?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    return { errors: [`${file}: not valid JSON: ${(error as Error).message}`], warnings: [] };
  }
  const isStringMap = (value: unknown): value is Record<string, string> =>
    !!value && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!isStringMap(parsed.tests) || (parsed.messages !== undefined && !isStringMap(parsed.messages))) {
    return { errors: [`${file}: must be { "tests": { English name: translation }, "messages"?: { English template: translation } }`], warnings: [] };
  }
  const tests = parsed.tests;
  const errors = english.filter((name) => !(name in tests)).map((name) => `${file}: no translation of the test "${name}"`);
  for (const name of english) {
    if (name in tests && (tests[name].trim() === "" || tests[name] === name)) errors.push(`${file}: the test "${name}" is not translated`);
  }
  const known = new Set(english);
  const warnings = Object.keys(tests)
    .filter((name) => !known.has(name))
    .map((name) => `${file}: the test "${name}" is not in exercises/${id}/spec.ts any more (renamed or removed?)`);
  return { errors, warnings };
}

