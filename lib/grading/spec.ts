import type { ExerciseSpec } from "./types";

/**
 * Declares an exercise's tests. An identity function: it exists so that `mod` in each
 * test is typed with the learner module's exports, e.g.
 * `defineSpec<{ softmax: (logits: TF.Tensor, temperature?: number) => TF.Tensor }>({ ... })`.
 */
export function defineSpec<M>(spec: ExerciseSpec<M>): ExerciseSpec<M> {
  return spec;
}
