"use client";
/**
 * The parts of an exercise card that need next-intl's runtime, loaded on demand with their
 * messages (from the server slot): the opened exercise's workspace (its box and text area are the
 * card's, open-exercise.tsx), and the "best so far" count, which only
 * appears once the learner has run the tests. The closed card itself gets its words as props, so
 * a lesson page's first load carries no next-intl (decision 037).
 */
import { useTranslations } from "next-intl";
import { WithMessages, type IslandMessages } from "@/components/layout/with-messages";
import ExerciseWorkspace, { type ExerciseWorkspaceProps } from "./exercise-workspace";

/** `unavailable` is for open-exercise.tsx's fallback when this chunk cannot be loaded; the workspace does not use it. */
export function WorkspaceIsland({ intl, unavailable: _unavailable, ...props }: ExerciseWorkspaceProps & { intl: IslandMessages; unavailable: string }) {
  return (
    <WithMessages {...intl}>
      <ExerciseWorkspace {...props} />
    </WithMessages>
  );
}

function BestSoFarText({ passed, total }: { passed: number; total: number }) {
  return useTranslations("exercise")("bestSoFar", { passed, total });
}

export function BestSoFarIsland({ intl, passed, total }: { intl: IslandMessages; passed: number; total: number }) {
  return (
    <WithMessages {...intl}>
      <BestSoFarText passed={passed} total={total} />
    </WithMessages>
  );
}
