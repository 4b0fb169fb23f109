import { QuizLoader } from "@/components/quiz/quiz-loader";
import { getQuiz } from "@/lib/quiz/load";
import { MAX_SEED, toPublicQuiz } from "@/lib/quiz/public";
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
export function QuizSlot({ id }: { id: string }) {
  const quiz = getQuiz(id);
  if (!quiz) return <ComingSoon kind="Quiz" id={id} />;
  const seed = pageSeed(id);
  // `not-prose`: the quiz has its own typography, like <Figure>.
  return (
    <div className="not-prose">
      <QuizLoader key={id} quiz={toPublicQuiz(quiz, { seed })} seed={seed} />
    </div>
  );
}
