"use client";
/**
 * The quiz as a lesson page first shows it: `placeholder` (title and size, rendered by the
 * server). The interactive quiz (most of a lesson page's own JavaScript) loads when the reader
 * scrolls near it, so it is not part of the page's first load. The wrapper carries the quiz's
 * test id, so links and tests that look for the quiz find it either way.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { PublicQuiz } from "@/lib/quiz/public";
import type { IslandMessages } from "@/components/layout/with-messages";
import { useNearViewport } from "@/components/ui/use-near-viewport";

/** `intl`: the quiz's messages, from the server slot; they travel with the lazily loaded view (decision 037). */
type QuizViewProps = { quiz: PublicQuiz; seed: number; intl: IslandMessages };

export function QuizLoader({ quiz, seed, intl, placeholder, failed }: QuizViewProps & { placeholder: ReactNode; failed: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [View, setView] = useState<ComponentType<QuizViewProps> | "failed" | null>(null);

  useEffect(() => {
    if (!near || View) return;
    import("./quiz-island").then(
      (m) => setView(() => m.QuizIsland),
      () => setView("failed"),
    );
  }, [near, View]);

  if (View && View !== "failed") return <View quiz={quiz} seed={seed} intl={intl} />;
  return (
    <div ref={ref} aria-busy={!View} data-testid="quiz">
      {View ? failed : placeholder}
    </div>
  );
}
