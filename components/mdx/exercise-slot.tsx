import { findExercise } from "@/exercises/registry";
import { loadExercisePageData } from "@/lib/exercises/content";
import { renderMarkdown } from "@/lib/exercises/markdown";
import { ExerciseCard } from "@/components/exercise/exercise-card";
import { currentLocale } from "@/i18n/server";
import { ComingSoon } from "./coming-soon";
import { markdownElements } from "./markdown-elements";

/**
 * `<Exercise id>` in a lesson: the live exercise card. Rendered on the server at build time: the
 * brief is typeset here (Markdown + KaTeX) and the starter is passed along. Hints are not in the
 * page (only their number): POST /api/exercises/<id>/hint serves them one at a time. The
 * reference solution is never read here (only POST /api/exercises/<id>/solution returns it).
 * An id that is not in the registry yet shows the "coming soon" placeholder.
 */
export async function ExerciseSlot({ id }: { id: string }) {
  if (!findExercise(id)) return <ComingSoon kind="Exercise" id={id} />;
  const data = await loadExercisePageData(id, await currentLocale());
  const brief = await renderMarkdown(data.brief, markdownElements);
  return (
    <ExerciseCard
      id={id}
      title={data.meta.title}
      difficulty={data.meta.difficulty}
      timeLimitMs={data.timeLimitMs}
      usesProvided={Boolean(data.meta.provided?.length)}
      starter={data.starter}
      brief={brief}
      hintCount={data.hintCount}
    />
  );
}
