import { Callout } from "./callout";
import { Term } from "./term";
import { Builder } from "./builder";
import { Recap } from "./recap";
import { Figure } from "@/components/figures/figure";
import { ExerciseSlot } from "./exercise-slot";
import { QuizSlot } from "./quiz-slot";

/** The only components lessons may use (docs/content-guide.md). The content check enforces the list. */
export const mdxComponents = {
  Callout,
  Term,
  Builder,
  Recap,
  Figure,
  Exercise: ExerciseSlot,
  Quiz: QuizSlot,
};

export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents);
