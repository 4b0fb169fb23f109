import { QuizLoader } from "@/components/quiz/quiz-loader";
import { getQuiz } from "@/lib/quiz/load";
import { MAX_SEED, toPublicQuiz } from "@/lib/quiz/public";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/i18n/server";
import { loadMessages } from "@/i18n/messages";
import { ComingSoon } from "./coming-soon";

/**
 * The seed a lesson page is rendered with. Lesson pages are static, so every visitor first
 * sees the same arrangement; a fixed seed per quiz keeps the build reproducible, and the quiz
 * component reshuffles with a fresh random seed on every retake.
 */
export function pageSeed(quizId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < quizId.length; i++) {
    h ^= quizId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MAX_SEED;
}

/**
 * `<Quiz id>` in a lesson (a server component). Only the public quiz reaches the browser:
 * prompts and options, shuffled, without the answer key; answers are graded by the server.
 */
export async function QuizSlot({ id }: { id: string }) {
  const locale = await currentLocale();
  const quiz = getQuiz(id, locale);
  const t = await getTranslations("quiz");
  if (!quiz) return <ComingSoon kind="Quiz" id={id} />;
  const seed = pageSeed(id);
  // `not-prose`: the quiz has its own typography, like <Figure>.
  return (
    <div className="not-prose">
      <QuizLoader
        key={id}
        quiz={toPublicQuiz(quiz, { seed })}
        seed={seed}
        intl={{ locale, messages: await loadMessages(locale, ["quiz"]) }}
        placeholder={
          <section aria-label={quiz.title} className="my-8 space-y-2">
            <h2 className="text-xl font-semibold">{quiz.title}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("loading", { count: quiz.questions.length })}</p>
          </section>
        }
        failed={
          <p role="alert" className="my-8 text-sm text-red-700 dark:text-red-300">
            {t("loadFailed", { title: quiz.title })}
          </p>
        }
      />
    </div>
  );
}
