import { findExercise } from "@/exercises/registry";
import { loadExercisePageData } from "@/lib/exercises/content";
import { renderMarkdown } from "@/lib/exercises/markdown";
import { ExerciseCard } from "@/components/exercise/exercise-card";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/i18n/server";
import { loadMessages } from "@/i18n/messages";
import { ComingSoon } from "./coming-soon";
import { markdownElements } from "./markdown-elements";

const DIFFICULTY_KEY = { intro: "difficultyIntro", core: "difficultyCore", stretch: "difficultyStretch" } as const;

/**
 * `<Exercise id>` in a lesson: the live exercise card. Rendered on the server at build time: the
 * brief is typeset here (Markdown + KaTeX) and the starter is passed along. Hints are not in the
 * page (only their number): POST /api/exercises/<id>/hint serves them one at a time. The
 * reference solution is never read here (only POST /api/exercises/<id>/solution returns it).
 * An id that is not in the registry yet shows the "coming soon" placeholder.
 */
export async function ExerciseSlot({ id }: { id: string }) {
  if (!findExercise(id)) return <ComingSoon kind="Exercise" id={id} />;
  const locale = await currentLocale();
  const data = await loadExercisePageData(id, locale);
  const brief = await renderMarkdown(data.brief, markdownElements);
  const t = await getTranslations("exercise");
  return (
    <ExerciseCard
      id={id}
      title={data.meta.title}
      timeLimitMs={data.timeLimitMs}
      usesProvided={Boolean(data.meta.provided?.length)}
      starter={data.starter}
      brief={brief}
      hintCount={data.hintCount}
      labels={{
        eyebrow: t("eyebrow"),
        difficulty: t("difficulty"),
        difficultyValue: t(DIFFICULTY_KEY[data.meta.difficulty]),
        complete: t("complete"),
        openEditor: t("openEditor"),
        savedAsYouTypeAccount: t("savedAsYouTypeAccount"),
        savedAsYouTypeBrowser: t("savedAsYouTypeBrowser"),
        savedLoadFailed: t("savedLoadFailed"),
        open: {
          keys: t("keys"),
          editorLabel: t("editorLabel", { title: data.meta.title }),
          loadingSaved: t("loadingSaved"),
          editorUnavailable: t("editorUnavailable"),
        },
      }}
      intl={{ locale, messages: await loadMessages(locale, ["exercise"]) }}
    />
  );
}
