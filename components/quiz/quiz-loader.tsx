"use client";
/**
 * The quiz as a lesson page first shows it: title and size only. The interactive quiz (its code
 * is most of a lesson page's own JavaScript) loads when the reader scrolls near it, so it is not
 * part of the page's first load. Same test id and heading as the quiz, so links and tests that
 * look for the quiz find it either way.
 */
import { useEffect, useRef, useState, type ComponentType } from "react";
import type { PublicQuiz } from "@/lib/quiz/public";
import { useNearViewport } from "@/components/ui/use-near-viewport";

type QuizViewProps = { quiz: PublicQuiz; seed: number };

export function QuizLoader({ quiz, seed }: QuizViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [View, setView] = useState<ComponentType<QuizViewProps> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!near || View || failed) return;
    import("./quiz-view").then(
      (m) => setView(() => m.QuizView),
      () => setFailed(true),
    );
  }, [near, View, failed]);

  if (View) return <View quiz={quiz} seed={seed} />;
  return (
    <section ref={ref} aria-label={quiz.title} aria-busy={!failed} className="my-8 space-y-2" data-testid="quiz">
      <h2 className="text-xl font-semibold">{quiz.title}</h2>
      {failed ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The quiz could not be loaded (is the server reachable?).{" "}
          <button type="button" className="underline" onClick={() => setFailed(false)}>
            Try again
          </button>
        </p>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{quiz.questions.length} questions. Loading the quiz…</p>
      )}
    </section>
  );
}
