/**
 * The grader's message catalogue (decision 028). `formatMessage(locale, key, params)` gives the
 * harness's own words; `createTranslator` adds an exercise's zh/tests.json so that test names and
 * the words a spec passes to `expect` (messages, `what` labels, expected/actual notes) are shown in
 * the learner's language too. English is the source: with locale "en" nothing is looked up.
 */
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey } from "./en";

export const GRADING_LOCALES = ["en", "zh"] as const;
export type GradingLocale = (typeof GRADING_LOCALES)[number];

export function isGradingLocale(value: unknown): value is GradingLocale {
  return typeof value === "string" && (GRADING_LOCALES as readonly string[]).includes(value);
}

const catalogues: Record<GradingLocale, Record<MessageKey, string>> = { en, zh };

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left as written so the slip is visible. */
export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatMessage(locale: GradingLocale, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(catalogues[locale][key] ?? en[key], params);
}

/**
 * An exercise's translations (exercises/<id>/<locale>/tests.json): test names keyed by their
 * English text, and spec-specific strings keyed by an English template whose `{name}` parts stand
 * for the values the spec interpolates.
 */
export interface ExerciseText {
  tests: Record<string, string>;
  messages?: Record<string, string>;
}

export interface Translator {
  locale: GradingLocale;
  /** The harness's own words. */
  msg(key: MessageKey, params?: MessageParams): string;
  /** A test name from the spec. */
  testName(english: string): string;
  /** A string the spec wrote (a message, a `what` label, an expected/actual note). */
  specText(english: string): string;
}

interface CompiledTemplate {
  pattern: RegExp;
  names: string[];
  translation: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "row {i} sums to {sum}" -> /^row (.+?) sums to (.+?)$/ with names ["i", "sum"]. */
export function compileTemplate(english: string, translation: string): CompiledTemplate {
  const names: string[] = [];
  const parts = english.split(/\{(\w+)\}/g);
  let source = "^";
  parts.forEach((part, i) => {
    if (i % 2 === 0) source += escapeRegExp(part);
    else {
      names.push(part);
      source += "([\\s\\S]+?)";
    }
  });
  return { pattern: new RegExp(source + "$"), names, translation };
}

export function placeholderNames(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function createSpecTextLookup(messages: Record<string, string>): (english: string) => string {
  const exact = new Map<string, string>();
  const templates: CompiledTemplate[] = [];
  for (const [english, translation] of Object.entries(messages)) {
    if (/\{\w+\}/.test(english)) templates.push(compileTemplate(english, translation));
    else exact.set(english, translation);
  }
  // The most specific template wins: "dtype {d}: convert it ..." before "dtype {d}".
  const literalLength = (t: CompiledTemplate) => t.pattern.source.replace(/\(\[\\s\\S\]\+\?\)/g, "").length;
  templates.sort((a, b) => literalLength(b) - literalLength(a));
  // A value a template captured may itself be a spec phrase (a `what` label inside a message).
  const lookupExact = (text: string) => exact.get(text) ?? text;
  return (english) => {
    const direct = exact.get(english);
    if (direct !== undefined) return direct;
    for (const template of templates) {
      const match = template.pattern.exec(english);
      if (!match) continue;
      const params: MessageParams = {};
      template.names.forEach((name, i) => (params[name] = lookupExact(match[i + 1])));
      return fillPlaceholders(template.translation, params);
    }
    return english;
  };
}

export function createTranslator(locale: GradingLocale = "en", text?: ExerciseText): Translator {
  const msg = (key: MessageKey, params?: MessageParams) => formatMessage(locale, key, params);
  if (locale === "en" || !text) {
    return { locale, msg, testName: (name) => name, specText: (value) => value };
  }
  const specText = createSpecTextLookup(text.messages ?? {});
  return { locale, msg, testName: (name) => text.tests[name] ?? name, specText };
}

/** The English translator: the harness's default. */
export const english: Translator = createTranslator("en");
