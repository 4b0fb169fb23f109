"use client";
import { WithMessages, type IslandMessages } from "@/components/layout/with-messages";
import { QuizView } from "./quiz-view";
import type { PublicQuiz } from "@/lib/quiz/public";

/** The interactive quiz with its messages; QuizLoader loads this module when the reader comes near. */
export function QuizIsland({ quiz, seed, intl }: { quiz: PublicQuiz; seed: number; intl: IslandMessages }) {
  return (
    <WithMessages {...intl}>
      <QuizView quiz={quiz} seed={seed} />
    </WithMessages>
  );
}
