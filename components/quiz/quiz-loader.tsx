"use client";
/**
 * The quiz as a lesson page first shows it: `placeholder` (title and size, rendered by the
 * server). The interactive quiz (most of a lesson page's own JavaScript) loads when the reader
 * scrolls near it, so it is not part of the page's first load. The wrapper carries the quiz's
 * test id, so links and tests that look for the quiz find it either way.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { PublicQuiz } from "@/lib/quiz/public";
import { useNearViewport } from "@/components/ui/use-near-viewport";

type QuizViewProps = { quiz: PublicQuiz; seed: number };

export function QuizLoader({ quiz, seed, placeholder, failed }: QuizViewProps & { placeholder: ReactNode; failed: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [View, setView] = useState<ComponentType<QuizViewProps> | "failed" | null>(null);

  useEffect(() => {
    if (!near || View) return;
    import("./quiz-view").then(
      (m) => setView(() => m.QuizView),
      () => setView("failed"),
    );
  }, [near, View]);

  if (View && View !== "failed") return <View quiz={quiz} seed={seed} />;
  return (
    <div ref={ref} aria-busy={!View} data-testid="quiz">
      {View ? failed : placeholder}
    </div>
  );
}
