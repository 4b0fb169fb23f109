import { Callout } from "./callout";
import { Term } from "./term";
import { Builder } from "./builder";
import { Recap } from "./recap";
import { Figure } from "@/components/figures/figure";
import { ExerciseSlot } from "./exercise-slot";
import { QuizSlot } from "./quiz-slot";
import { markdownElements } from "./markdown-elements";

/** The only components lessons may use (docs/content-guide.md). The content check enforces the list. */
const lessonComponents = {
  Callout,
  Term,
  Builder,
  Recap,
  Figure,
  Exercise: ExerciseSlot,
  Quiz: QuizSlot,
};

/** What MDX renders: the lesson components and the Markdown elements that need more than the plain tag. */
export const mdxComponents = { ...lessonComponents, ...markdownElements };

export const MDX_COMPONENT_NAMES = Object.keys(lessonComponents);
