/**
 * Test results recorded on the server are stored in the words of the page the learner ran them
 * from. An instructor reading them in another language gets what the grader's catalogues can
 * word again (decision 028's zh/tests.json, the harness's own sentences); anything else (the
 * learner's own error text, console output) is shown as recorded: it is data, not interface.
 */
import { findExercise } from "./exercise-code";
import { en } from "./messages/en";
import { zh } from "./messages/zh";
import { createTranslator, isGradingLocale, type Translator } from "./messages";

/** The harness's English sentences as templates to their Chinese (only the whole-sentence ones are worth matching). */
const HARNESS_ZH: Record<string, string> = Object.fromEntries(
  (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key].length > 12).map((key) => [en[key], zh[key]]),
);

/** Words for one exercise's recorded results in `locale` (English: as recorded). */
export async function recordedResultWords(exerciseId: string, locale: string): Promise<Translator> {
  if (!isGradingLocale(locale) || locale === "en") return createTranslator("en");
  const text = await findExercise(exerciseId)?.loadText(locale);
  return createTranslator(locale, { tests: text?.tests ?? {}, messages: { ...HARNESS_ZH, ...text?.messages } });
}
