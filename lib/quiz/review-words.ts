/**
 * A review policy in words, in the reader's language: instructors read it beside the policy form,
 * learners under a result whose answers are kept back. Pure (no zod, no database) so the
 * instructor's form can word a policy it has just saved without another request.
 */
import type { Locale } from "../i18n/locales";
import type { ReviewPolicy } from "./review";

type Words = {
  [M in ReviewPolicy["mode"]]: (attempts: string) => string;
} & { attempts: (n: number) => string; soFar: (n: number) => string };

const WORDS: Record<Locale, Words> = {
  en: {
    attempts: (n) => `${n} attempt${n === 1 ? "" : "s"}`,
    ALWAYS: () => "The correct answers are shown after every attempt.",
    AFTER_PASS: () => "The correct answers are shown once you pass.",
    AFTER_ATTEMPTS: (n) => `The correct answers are shown after ${n}.`,
    AFTER_PASS_OR_ATTEMPTS: (n) => `The correct answers are shown once you pass, or after ${n}.`,
    soFar: (n) => ` Attempts so far: ${n}.`,
  },
  zh: {
    attempts: (n) => `作答 ${n} 次`,
    ALWAYS: () => "每次作答后都会公布正确答案。",
    AFTER_PASS: () => "通过之后才会公布正确答案。",
    AFTER_ATTEMPTS: (n) => `${n}后公布正确答案。`,
    AFTER_PASS_OR_ATTEMPTS: (n) => `通过之后，或${n}后，公布正确答案。`,
    soFar: (n) => `目前已作答 ${n} 次。`,
  },
};

export function describePolicy(policy: ReviewPolicy, locale: Locale = "en"): string {
  const words = WORDS[locale] ?? WORDS.en;
  return words[policy.mode](words.attempts(policy.attempts));
}

/** " Attempts so far: 2." (nothing before the first attempt). */
export function attemptsSoFar(attempts: number, locale: Locale = "en"): string {
  return attempts > 0 ? (WORDS[locale] ?? WORDS.en).soFar(attempts) : "";
}
