/**
 * What the page sends the grader for an exercise that imports "@academy/provided": the learner's
 * own passing code of each earlier exercise a piece comes from. Signed in, the account knows it
 * (GET /api/exercises/<id>/building-blocks, which also returns a solution the learner opened);
 * anonymous, this browser's latest passing run of each of those exercises.
 */
import { findExercise } from "@/exercises/registry";
import { providedExercises } from "@/lib/grading/provided/pieces";
import type { BuildingBlock } from "@/lib/exercises/building-blocks";
import { latestPassingSources } from "@/lib/learner-state/exercises";
import type { StorageLike } from "@/lib/learner-state/storage";

export async function collectProvidedSources(opts: {
  exerciseId: string;
  signedIn: boolean;
  storage: StorageLike | null;
  fetchImpl?: typeof fetch;
}): Promise<Record<string, string> | undefined> {
  const exercises = providedExercises(findExercise(opts.exerciseId)?.meta.provided);
  if (exercises.length === 0) return undefined;
  const local = latestPassingSources(opts.storage, exercises);
  if (!opts.signedIn) return local;
  try {
    const response = await (opts.fetchImpl ?? fetch)(`/api/exercises/${encodeURIComponent(opts.exerciseId)}/building-blocks`, { cache: "no-store" });
    if (!response.ok) return local;
    const { blocks } = (await response.json()) as { blocks: BuildingBlock[] };
    // The account's copy first; this browser's own passing runs fill what the server has not seen yet.
    const sources = { ...local };
    for (const block of blocks) if (block.source !== null) sources[block.exercise] = block.source;
    return sources;
  } catch {
    return local;
  }
}
